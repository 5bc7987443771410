#include "goaltrack/plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>

#include "goaltrack/error.hpp"
#include "plan_data.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace goaltrack {
namespace detail {

round_key::round_key(scale_id scale, const period& rated_period) noexcept {
  const std::uint32_t parts[] = {scale.value(), static_cast<std::uint32_t>(rated_period.kind()),
                                 static_cast<std::uint32_t>(day_number(rated_period.first())),
                                 static_cast<std::uint32_t>(day_number(rated_period.last()))};
  static_assert(sizeof parts == sizeof bytes_);
  std::memcpy(bytes_.data(), parts, sizeof parts);
}

}  // namespace detail

namespace {

using detail::id_text;
using detail::quoted;

constexpr double max_exact_whole = 9007199254740992.0;  // 2^53

const detail::plan_data& empty_plan() {
  static const detail::plan_data empty;
  return empty;
}

// The code of a record, for entity_table::append.
constexpr auto code_of = [](const auto& r) -> std::string_view { return r.code; };

// A kind's rules as entity_table::append's check: `rules(record, i)` throws the error of a
// bad record; unless explaining, that error only answers "bad".
template <class Rules>
auto checked_by(Rules rules) {
  return [rules](const auto& record, std::size_t i, bool explain) {
    if (explain) {
      rules(record, i);
      return true;
    }
    try {
      rules(record, i);
      return true;
    } catch (const error&) {
      return false;
    }
  };
}

}  // namespace

// --- the plan as a value -------------------------------------------------------------

plan::plan() : data_(std::make_unique<detail::plan_data>()) {}
plan::~plan() = default;
plan::plan(const plan& other) : data_(std::make_unique<detail::plan_data>(other.data())) {}
plan::plan(plan&& other) noexcept = default;
plan& plan::operator=(const plan& other) {
  if (this != &other) data_ = std::make_unique<detail::plan_data>(other.data());
  return *this;
}
plan& plan::operator=(plan&& other) noexcept = default;
bool operator==(const plan& a, const plan& b) { return a.data() == b.data(); }

const detail::plan_data& plan::data() const noexcept { return data_ ? *data_ : empty_plan(); }
detail::plan_data& plan::data_for_write() {
  if (!data_) data_ = std::make_unique<detail::plan_data>();
  return *data_;
}

organization& plan::org() { return data_for_write().org; }
const organization& plan::org() const noexcept { return data().org; }
std::size_t plan::scale_count() const noexcept { return data().scales.size(); }
std::size_t plan::round_count() const noexcept { return data().rounds.size(); }
std::size_t plan::program_count() const noexcept { return data().programs.size(); }
std::size_t plan::task_count() const noexcept { return data().tasks.size(); }
std::size_t plan::target_count() const noexcept { return data().targets.size(); }
std::size_t plan::policy_count() const noexcept { return data().policies.size(); }
std::span<const rating_scale> plan::scales() const noexcept {
  return data().scales.columns().rows();
}
std::span<const rating_round> plan::rounds() const noexcept {
  return data().rounds.columns().rows();
}
std::span<const program> plan::programs() const noexcept {
  return data().programs.columns().rows();
}
std::span<const task> plan::tasks() const noexcept { return data().tasks.columns().rows(); }
std::span<const named_policy> plan::policies() const noexcept {
  return data().policies.columns().rows();
}
const measurement_table& plan::measurements() const noexcept { return data().measurements; }
std::span<const assessment> plan::assessments() const noexcept { return data().assessments; }

target target_list::operator[](std::size_t i) const {
  if (i >= size_) {
    throw not_found("target " + std::to_string(i) + " is out of range (" + std::to_string(size_) +
                    " targets)");
  }
  return plan_->get(target_id(static_cast<target_id::value_type>(i)));
}
target target_list::iterator::operator*() const {
  return plan_->get(target_id(static_cast<target_id::value_type>(row_)));
}

// --- scales and rounds ---------------------------------------------------------------

scale_id plan::add_scale(const rating_scale& scale) { return add_scales(std::span(&scale, 1)); }

scale_id plan::add_scales(std::span<const rating_scale> scales) {
  // A scale checks itself when constructed; only its code is left to check.
  return data_for_write().scales.append(
      scales, [](const rating_scale& s) -> std::string_view { return s.code(); });
}

std::optional<scale_id> plan::find_scale(std::string_view code) const noexcept {
  return data().scales.find(code);
}

const rating_scale& plan::get(scale_id id) const {
  data().scales.check(id, "get");
  return data().scales.columns()[id.index()];
}

round_id plan::add_round(scale_id scale, const period& rated_period,
                         std::optional<date> decided_on) {
  const round_spec spec{scale, rated_period, decided_on};
  return add_rounds(std::span(&spec, 1));
}

round_id plan::add_rounds(std::span<const round_spec> specs) {
  for (const round_spec& s : specs) {
    const rating_scale& scale = get(s.scale);
    if (s.decided_on && s.decided_on->is_special()) {
      throw invalid_argument("rating round of scale " + quoted(scale.code()) + " for " +
                             s.rated_period.to_string() + ": decision day is not a date");
    }
  }
  const auto key_of = [&](std::size_t i) {
    return detail::round_key(specs[i].scale, specs[i].rated_period);
  };
  try {
    return data_for_write().rounds.append_rows(
        specs.size(), key_of, [](std::size_t, bool) { return true; },
        [&](std::size_t i) {
          const round_spec& s = specs[i];
          return rating_round(s.scale, s.rated_period,
                              s.decided_on.value_or(s.rated_period.last()));
        });
  } catch (const duplicate_error&) {
    // The key is bytes; name the round instead: the first one taken, in the plan or
    // earlier in the batch (found through an index: the batch may hold a million).
    detail::code_table batch_keys;
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (!batch_keys.insert(key_of(i).bytes()) ||
          find_round(specs[i].scale, specs[i].rated_period)) {
        throw duplicate_error("rating scale " + quoted(get(specs[i].scale).code()) +
                              " already has a round for " + specs[i].rated_period.to_string());
      }
    }
    throw;
  }
}

std::optional<round_id> plan::find_round(scale_id scale,
                                         const period& rated_period) const noexcept {
  return data().rounds.find(detail::round_key(scale, rated_period).bytes());
}

const rating_round& plan::get(round_id id) const {
  data().rounds.check(id, "get");
  return data().rounds.columns()[id.index()];
}

void plan::rate(round_id round, member_id member, rating_level level) {
  rate(round, std::span(&member, 1), std::span(&level, 1));
}

void plan::rate(round_id round, collective_id collective, rating_level level) {
  const rating_round& r = get(round);
  org().check(collective, "rated collective");
  get(r.scale()).check(level, "rating of collective " + quoted(org().code(collective)));
  auto& column =
      data_for_write().rounds.columns_for_write()[round.index()].levels_for_write().collective;
  if (column.size() <= collective.index()) {
    column.resize(org().collective_count(), rating_round::unrated);
  }
  column[collective.index()] = level.rank();
}

void plan::rate(round_id round, std::span<const member_id> members,
                std::span<const rating_level> levels) {
  const rating_round& r = get(round);
  if (members.size() != levels.size()) {
    throw invalid_argument("rate: " + std::to_string(members.size()) + " members but " +
                           std::to_string(levels.size()) + " levels");
  }
  const organization& o = org();
  const rating_scale& scale = get(r.scale());
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (!o.contains(members[i])) {
      o.check(members[i], "rated member (row " + std::to_string(i) + ")");
    }
    if (!scale.contains(levels[i])) {
      scale.check(levels[i], "rating of member " + quoted(o.code(members[i])));
    }
  }
  auto& column =
      data_for_write().rounds.columns_for_write()[round.index()].levels_for_write().member;
  if (column.size() < o.member_count()) column.resize(o.member_count(), rating_round::unrated);
  for (std::size_t i = 0; i < members.size(); ++i) column[members[i].index()] = levels[i].rank();
}

// --- programs and tasks --------------------------------------------------------------

program_id plan::add_program(const program& p) { return add_programs(std::span(&p, 1)); }

program_id plan::add_programs(std::span<const program> programs) {
  if (auto nfc = detail::nfc_copy(programs)) return add_programs(nfc->items);
  const auto& table = data().programs;
  const auto rules = [&](const program& p, std::size_t i) {
    detail::check_texts(p);
    // The messages are built only on failure: a bulk add checks millions.
    if (!org().contains(p.owner)) org().check(p.owner, "owner of program " + quoted(p.code));
    // A parent is an existing program or an earlier one of the batch.
    if (p.parent && !(p.parent->ok() && p.parent->index() < table.size() + i)) {
      table.throw_unknown(*p.parent, "parent of program " + quoted(p.code));
    }
  };
  return data_for_write().programs.append(programs, code_of, checked_by(rules));
}

std::optional<program_id> plan::find_program(std::string_view code) const noexcept {
  return data().programs.find(code);
}

const program& plan::get(program_id id) const {
  data().programs.check(id, "get");
  return data().programs.columns()[id.index()];
}

namespace {

// The rules of a task on its own (its references are checked by the plan).
void check_task(const task& t) {
  if (!std::isfinite(t.weight) || !(t.weight > 0)) {
    throw invalid_argument("task " + quoted(t.code) + ": weight " + std::to_string(t.weight) +
                           " is not a finite positive number");
  }
  const bool ordered = std::is_sorted(t.history.begin(), t.history.end(),
                                      [](const auto& a, const auto& b) { return a.on < b.on; });
  const bool real_dates = std::none_of(t.history.begin(), t.history.end(),
                                       [](const auto& c) { return c.on.is_special(); });
  if (!ordered || !real_dates) {
    throw invalid_argument("task " + quoted(t.code) +
                           ": status history must be real dates in order");
  }
  if (t.deadline && t.deadline->is_special()) {
    throw invalid_argument("task " + quoted(t.code) + ": deadline is not a date");
  }
  if (t.added_on && t.added_on->is_special()) {
    throw invalid_argument("task " + quoted(t.code) + ": added_on is not a date");
  }
}

}  // namespace

task_id plan::add_task(const task& t) { return add_tasks(std::span(&t, 1)); }

task_id plan::add_tasks(std::span<const task> tasks) {
  if (auto nfc = detail::nfc_copy(tasks)) return add_tasks(nfc->items);
  const auto rules = [this](const task& t, std::size_t) {
    detail::check_texts(t);
    // The messages are built only on failure: a bulk add checks millions.
    if (!data().programs.contains(t.program)) {
      data().programs.throw_unknown(t.program, "program of task " + quoted(t.code));
    }
    if (!org().contains(t.owner)) org().check(t.owner, "owner of task " + quoted(t.code));
    check_task(t);
  };
  return data_for_write().tasks.append(tasks, code_of, checked_by(rules));
}

void plan::set_task_status(task_id id, task_status status, date on) {
  data().tasks.check(id, "set_task_status");
  task& t = data_for_write().tasks.columns_for_write()[id.index()];
  if (on.is_special())
    throw invalid_argument("task " + quoted(t.code) + ": status date is not a date");
  if (!t.history.empty() && on < t.history.back().on) {
    throw invalid_argument("task " + quoted(t.code) + ": status change on " + to_iso(on) +
                           " is before the last recorded change (" + to_iso(t.history.back().on) +
                           ")");
  }
  t.history.push_back({on, status});
}

std::optional<task_id> plan::find_task(std::string_view code) const noexcept {
  return data().tasks.find(code);
}

const task& plan::get(task_id id) const {
  data().tasks.check(id, "get");
  return data().tasks.columns()[id.index()];
}

// --- targets -------------------------------------------------------------------------

target_id plan::add_target(const target& t) { return add_targets(std::span(&t, 1)); }

namespace {

// "quantity in 'học sinh'": what an indicator's targets share.
std::string measure_text(target_kind kind, std::string_view unit) {
  return std::string(to_string(kind)) + " in " + quoted(unit);
}

}  // namespace

target_id plan::add_targets(std::span<const target> targets) {
  if (auto nfc = detail::nfc_copy(targets)) return add_targets(nfc->items);
  const detail::plan_data& d = data();
  // The indicators the batch names first, by their first target in it.
  std::unordered_map<std::string_view, std::size_t> first_in_batch;
  const auto check_indicator = [&](const target& t, std::size_t i) {
    if (t.indicator.empty()) return;
    std::optional<target> first;
    if (const auto it = d.indicators.find(t.indicator); it != d.indicators.end()) {
      first = get(it->second);
    } else if (const auto [at, added] = first_in_batch.try_emplace(t.indicator, i);
               !added && at->second != i) {  // a record is checked again to explain it
      first = targets[at->second];
    }
    if (first && (first->kind != t.kind || first->unit != t.unit)) {
      throw invalid_argument("target " + quoted(t.code) + ": indicator " + quoted(t.indicator) +
                             " is measured as " + measure_text(first->kind, first->unit) +
                             " by target " + quoted(first->code) + ", not as " +
                             measure_text(t.kind, t.unit));
    }
  };
  const auto rules = [&](const target& t, std::size_t i) {
    t.validate();
    check_indicator(t, i);
    // The messages are built only on failure: bulk loaders add millions of targets.
    if (!d.org.contains(t.owner)) d.org.check(t.owner, "owner of target " + quoted(t.code));
    if (t.program && !d.programs.contains(*t.program)) {
      d.programs.throw_unknown(*t.program, "program of target " + quoted(t.code));
    }
    if (t.is_rating()) {
      d.scales.check(t.rating.scale, "scale of target " + quoted(t.code));
      get(t.rating.scale).check(t.rating.level, "target " + quoted(t.code));
    }
  };
  const target_id first = data_for_write().targets.append(targets, checked_by(rules));
  for (const auto& [indicator, i] : first_in_batch) {
    data_for_write().indicators.emplace(indicator,
                                        target_id(first.value() + static_cast<std::uint32_t>(i)));
  }
  return first;
}

std::optional<target_id> plan::find_target(std::string_view code) const noexcept {
  return data().targets.find(code);
}

std::vector<std::optional<target_id>> plan::find_targets(
    std::span<const std::string_view> codes) const {
  return data().targets.find_many(codes);
}

target plan::get(target_id id) const {
  data().targets.check(id, "get");
  return data().targets.get(id);
}

target_brief plan::brief(target_id id) const {
  const auto& targets = data().targets;
  targets.check(id, "brief");
  const auto& columns = targets.columns();
  const detail::target_row& row = columns.rows[id.index()];
  return {
      targets.code(id), columns.titles[id.index()], columns.units[id.index()], row.owner, row.span,
      row.kind};
}

// --- measurements --------------------------------------------------------------------

namespace {

// The days a measurement may have: those of the years dates support.
struct day_range {
  std::int32_t first, last;
};
const day_range& supported_days() {
  static const day_range r{day_number(make_date(1400, 1, 1)), day_number(make_date(9999, 12, 31))};
  return r;
}

// The rules a measurement of target t (known to the table) must satisfy, stated once.
// Returns true, or fail(message) for the first rule broken, where message() builds the
// text: the bulk check passes a `fail` that only answers false (no text is built, and
// the whole check inlines into its loop); check_measurement passes one that throws.
template <class Fail>
bool measurement_rules(const detail::target_table& targets, target_id t, const day_range& days,
                       std::int32_t day, double value, double denominator, Fail&& fail) {
  const auto [kind, whole_numbers, aggregated] = targets.value_rules()[t.index()];
  if (aggregated) {
    return fail([] {
      return std::string(
          "its actual aggregates its subtree's targets (over_tree): it takes no "
          "measurements");
    });
  }
  if (day < days.first || day > days.last) {
    return fail([&] { return "day number " + std::to_string(day) + " is out of range"; });
  }
  if (!std::isfinite(value))
    return fail([] { return std::string("value is not a finite number"); });
  switch (kind) {
    case target_kind::ratio:
      if (!std::isfinite(denominator) || !(denominator > 0)) {
        return fail([&] {
          return "ratio denominator " + std::to_string(denominator) + " is not positive";
        });
      }
      return true;
    case target_kind::quantity:
    case target_kind::money: {
      // Money is counted in whole units of its currency (đồng), as its goal is.
      const bool money = kind == target_kind::money;
      if ((whole_numbers || money) &&
          (std::floor(value) != value || std::fabs(value) > max_exact_whole)) {
        return fail([&] {
          return "value " + std::to_string(value) + " is not a whole number" +
                 (money ? " (money is counted in whole units of its currency)" : "");
        });
      }
      return true;
    }
    case target_kind::milestone: {
      const auto items = static_cast<double>(
          std::max<std::size_t>(1, targets.checklist_size(targets.rows()[t.index()])));
      if (std::floor(value) != value || value < 0 || value > items) {
        return fail([&] {
          return "milestone value " + std::to_string(value) + " is not a whole number in 0.." +
                 std::to_string(static_cast<int>(items));
        });
      }
      return true;
    }
    case target_kind::direction:
      return true;
    case target_kind::member_share:
    case target_kind::collective_count:
      return fail([] { return std::string("rating targets take ratings, not measurements"); });
  }
  return true;
}

}  // namespace

void plan::check_measurement(std::size_t row, target_id t, std::int32_t day, double value,
                             double denominator) const {
  const auto where = [&] { return "measurement (row " + std::to_string(row) + ")"; };
  if (!t.ok() || t.index() >= data().targets.size()) {
    throw not_found(where() + " names unknown target id " + id_text(t.value()));
  }
  measurement_rules(
      data().targets, t, supported_days(), day, value, denominator, [&](auto message) -> bool {
        throw invalid_argument(where() + " of target '" + get(t).code + "': " + message());
      });
}

void plan::add_assessment(const assessment& a) {
  if (auto nfc = detail::nfc_copy(std::span(&a, 1))) return add_assessment(nfc->items.front());
  if (!a.target.ok() || a.target.index() >= target_count()) {
    throw not_found("assessment names unknown target id " + id_text(a.target.value()));
  }
  const std::string who = "assessment of target '" + get(a.target).code + "'";
  detail::check_texts(a, who);
  const auto [first, last] = supported_days();
  if (a.on.is_special() || day_number(a.on) < first || day_number(a.on) > last) {
    throw invalid_argument(who + ": on is not a day of the supported years");
  }
  if (a.status.empty()) throw invalid_argument(who + ": status is empty");
  if (a.score && !std::isfinite(*a.score)) throw invalid_argument(who + ": score is not finite");
  data_for_write().assessments.push_back(a);
}

void plan::add_measurement(const measurement& m) {
  if (auto nfc = detail::nfc_copy(std::span(&m, 1))) return add_measurement(nfc->items.front());
  if (m.on.is_special()) throw invalid_argument("measurement date is not a date");
  detail::check_texts(m);
  const std::int32_t day = day_number(m.on);
  add_measurement_rows(std::span(&m.target, 1), std::span(&day, 1), std::span(&m.value, 1),
                       std::span(&m.denominator, 1), &m);
}

void plan::add_measurements(std::span<const target_id> targets, std::span<const date> dates,
                            std::span<const double> values, std::span<const double> denominators) {
  std::vector<std::int32_t> days(dates.size());
  for (std::size_t i = 0; i < dates.size(); ++i) {
    if (dates[i].is_special()) {
      throw invalid_argument("measurement (row " + std::to_string(i) + "): date is not a date");
    }
    days[i] = day_number(dates[i]);
  }
  add_measurement_rows(targets, days, values, denominators, nullptr);
}

void plan::add_measurements(std::span<const target_id> targets, std::span<const std::int32_t> days,
                            std::span<const double> values, std::span<const double> denominators) {
  add_measurement_rows(targets, days, values, denominators, nullptr);
}

// Checks columns of new measurements; true when a denominator is not 1 (the plan then
// keeps a denominator column).
bool plan::check_measurement_rows(std::span<const target_id> targets,
                                  std::span<const std::int32_t> days,
                                  std::span<const double> values,
                                  std::span<const double> denominators) const {
  const std::size_t n = targets.size();
  if (days.size() != n || values.size() != n ||
      (!denominators.empty() && denominators.size() != n)) {
    throw invalid_argument("add_measurements: columns have different lengths (" +
                           std::to_string(n) + " targets, " + std::to_string(days.size()) +
                           " days, " + std::to_string(values.size()) + " values, " +
                           std::to_string(denominators.size()) + " denominators)");
  }
  bool any_ratio = false;
  const day_range& supported = supported_days();
  const auto broken = [](auto) { return false; };
  // Rows name their targets in any order, so each rule read is likely a cache miss: the
  // rule of the row `ahead` rows on is requested while this row is checked.
  constexpr std::size_t ahead = 16;
  const auto rules = data().targets.value_rules();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + ahead < n && targets[i + ahead].index() < rules.size())
      detail::prefetch(&rules[targets[i + ahead].index()]);
    const double den = denominators.empty() ? 1.0 : denominators[i];
    const target_id t = targets[i];
    if (t.index() >= data().targets.size() ||
        !measurement_rules(data().targets, t, supported, days[i], values[i], den, broken)) {
      check_measurement(i, t, days[i], values[i], den);  // throws, with the message
    }
    any_ratio = any_ratio || den != 1.0;
  }
  return any_ratio;
}

void plan::add_measurements(measurement_columns&& columns) {
  if (!data().measurements.target_.empty()) {
    add_measurement_rows(columns.targets, columns.days, columns.values, columns.denominators,
                         nullptr);
    columns = {};
    return;
  }
  const bool any_ratio =
      check_measurement_rows(columns.targets, columns.days, columns.values, columns.denominators);
  measurement_table& m = data_for_write().measurements;
  m.target_ = std::move(columns.targets);
  m.day_ = std::move(columns.days);
  m.value_ = std::move(columns.values);
  // As for appended rows: the denominator column exists once a denominator is not 1.
  if (any_ratio) m.denominator_ = std::move(columns.denominators);
  columns = {};
}

void plan::add_measurement_rows(std::span<const target_id> targets,
                                std::span<const std::int32_t> days, std::span<const double> values,
                                std::span<const double> denominators,
                                const measurement* annotated) {
  const std::size_t n = targets.size();
  const bool any_ratio = check_measurement_rows(targets, days, values, denominators);
  measurement_table& m = data_for_write().measurements;
  const std::size_t old = m.size();
  try {
    // The denominator column exists once any measurement has a denominator other than 1.
    const bool keep_denominators = any_ratio || !m.denominator_.empty();
    if (keep_denominators) m.denominator_.resize(old, 1.0);
    m.target_.insert(m.target_.end(), targets.begin(), targets.end());
    m.day_.insert(m.day_.end(), days.begin(), days.end());
    m.value_.insert(m.value_.end(), values.begin(), values.end());
    if (keep_denominators) {
      if (denominators.empty()) {
        m.denominator_.resize(old + n, 1.0);
      } else {
        m.denominator_.insert(m.denominator_.end(), denominators.begin(), denominators.end());
      }
    }
    if (annotated != nullptr && (!annotated->source.empty() || !annotated->note.empty())) {
      m.annotations_[static_cast<std::uint32_t>(old)] = {annotated->source, annotated->note};
    }
  } catch (...) {
    m.truncate(old);
    throw;
  }
}

void plan::reserve_measurements(std::size_t count) {
  measurement_table& m = data_for_write().measurements;
  const std::size_t total = m.size() + count;
  m.target_.reserve(total);
  m.day_.reserve(total);
  m.value_.reserve(total);
  if (!m.denominator_.empty()) m.denominator_.reserve(total);
}

void plan::annotate_measurement(std::size_t row, std::string source, std::string note) {
  detail::make_nfc(source);
  detail::make_nfc(note);
  if (row >= measurements().size()) {
    throw not_found("measurement row " + std::to_string(row) + " is out of range (" +
                    std::to_string(measurements().size()) + " measurements)");
  }
  const std::string what = "measurement row " + std::to_string(row) + ":";
  detail::check_text(source, what + " source");
  detail::check_text(note, what + " note");
  const auto key = static_cast<std::uint32_t>(row);
  if (source.empty() && note.empty()) {
    data_for_write().measurements.annotations_.erase(key);
  } else {
    data_for_write().measurements.annotations_[key] = {std::move(source), std::move(note)};
  }
}

// --- policies ------------------------------------------------------------------------

policy_id plan::add_policy(std::string code, evaluation_policy policy) {
  const named_policy p{std::move(code), std::move(policy)};
  return add_policies(std::span(&p, 1));
}

policy_id plan::add_policies(std::span<const named_policy> policies) {
  if (auto nfc = detail::nfc_copy(policies)) return add_policies(nfc->items);
  const auto rules = [this](const named_policy& p, std::size_t) {
    detail::check_texts(p);
    const std::string where = "policy " + quoted(p.code);
    p.policy.validate(where);
    for (const auto& summary : p.policy.rating_summaries) {
      data().rounds.check(summary.round, "rating summary of " + where);
      get(get(summary.round).scale()).check(summary.level, "rating summary of " + where);
    }
    for (const rollup_override& o : p.policy.rollup_overrides) {
      const bool known = o.scope == rollup_scope::program ? find_program(o.code).has_value()
                                                          : org().contains_collective(o.code);
      if (!known) {
        throw not_found("roll-up override of " + where + ": no " + std::string(to_string(o.scope)) +
                        " has code " + quoted(o.code));
      }
    }
  };
  return data_for_write().policies.append(policies, code_of, checked_by(rules));
}

const evaluation_policy& plan::policy(std::string_view code) const {
  if (auto id = find_policy(code)) return data().policies.columns()[id->index()].policy;
  throw not_found("no policy has code " + quoted(code));
}

std::optional<policy_id> plan::find_policy(std::string_view code) const noexcept {
  return data().policies.find(code);
}

}  // namespace goaltrack
