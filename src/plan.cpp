#include "goaltrack/plan.hpp"

#include <algorithm>
#include <cmath>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

std::string id_text(std::uint32_t v) { return v == UINT32_MAX ? "(none)" : std::to_string(v); }

template <class Vector, class Id>
const auto& checked(const Vector& v, Id id, std::string_view what) {
  if (!id.ok() || id.index() >= v.size()) {
    throw not_found(std::string(what) + " id " + id_text(id.value()) + " is not in the plan");
  }
  return v[id.index()];
}

template <class Vector>
std::optional<std::size_t> find_code(const Vector& v, std::string_view code) {
  const auto it = std::find_if(v.begin(), v.end(), [&](const auto& e) { return e.code == code; });
  if (it == v.end()) return std::nullopt;
  return static_cast<std::size_t>(it - v.begin());
}

constexpr double max_exact_whole = 9007199254740992.0;  // 2^53

}  // namespace

// --- scales and rounds ---------------------------------------------------------------

scale_id plan::add_scale(rating_scale scale) {
  if (find_scale(scale.code())) {
    throw duplicate_error("rating scale code '" + scale.code() + "' is already used");
  }
  scales_.push_back(std::move(scale));
  return scale_id(static_cast<scale_id::value_type>(scales_.size() - 1));
}

std::optional<scale_id> plan::find_scale(std::string_view code) const noexcept {
  for (std::size_t i = 0; i < scales_.size(); ++i) {
    if (scales_[i].code() == code) return scale_id(static_cast<scale_id::value_type>(i));
  }
  return std::nullopt;
}

const rating_scale& plan::get(scale_id id) const { return checked(scales_, id, "rating scale"); }

round_id plan::add_round(scale_id scale, const period& rated_period,
                         std::optional<date> decided_on) {
  const rating_scale& s = get(scale);
  if (find_round(scale, rated_period)) {
    throw duplicate_error("rating scale '" + s.code() + "' already has a round for " +
                          rated_period.to_string());
  }
  rounds_.emplace_back(scale, rated_period, decided_on.value_or(rated_period.last()));
  return round_id(static_cast<round_id::value_type>(rounds_.size() - 1));
}

std::optional<round_id> plan::find_round(scale_id scale,
                                         const period& rated_period) const noexcept {
  for (std::size_t i = 0; i < rounds_.size(); ++i) {
    if (rounds_[i].scale() == scale && rounds_[i].rated_period() == rated_period) {
      return round_id(static_cast<round_id::value_type>(i));
    }
  }
  return std::nullopt;
}

const rating_round& plan::get(round_id id) const { return checked(rounds_, id, "rating round"); }

rating_round& plan::round_for_write(round_id id) {
  checked(rounds_, id, "rating round");
  return rounds_[id.index()];
}

void plan::rate(round_id round, member_id member, rating_level level) {
  rate(round, std::span(&member, 1), std::span(&level, 1));
}

void plan::rate(round_id round, collective_id collective, rating_level level) {
  rating_round& r = round_for_write(round);
  org_.check(collective, "rated collective");
  get(r.scale()).check(level, "rating of collective '" + std::string(org_.code(collective)) + "'");
  auto& column = r.collective_level_;
  if (column.size() <= collective.index())
    column.resize(org_.collective_count(), rating_round::unrated);
  column[collective.index()] = level.rank();
}

void plan::rate(round_id round, std::span<const member_id> members,
                std::span<const rating_level> levels) {
  rating_round& r = round_for_write(round);
  if (members.size() != levels.size()) {
    throw invalid_argument("rate: " + std::to_string(members.size()) + " members but " +
                           std::to_string(levels.size()) + " levels");
  }
  const rating_scale& scale = get(r.scale());
  for (std::size_t i = 0; i < members.size(); ++i) {
    if (!org_.contains(members[i]))
      org_.check(members[i], "rated member (row " + std::to_string(i) + ")");
    if (!scale.contains(levels[i])) {
      scale.check(levels[i], "rating of member '" + std::string(org_.code(members[i])) + "'");
    }
  }
  auto& column = r.member_level_;
  if (column.size() < org_.member_count())
    column.resize(org_.member_count(), rating_round::unrated);
  for (std::size_t i = 0; i < members.size(); ++i) column[members[i].index()] = levels[i].rank();
}

// --- programs and tasks --------------------------------------------------------------

program_id plan::add_program(program p) {
  if (p.code.empty()) throw invalid_argument("program code must not be empty");
  if (find_program(p.code)) throw duplicate_error("program code '" + p.code + "' is already used");
  org_.check(p.owner, "owner of program '" + p.code + "'");
  if (p.parent) checked(programs_, *p.parent, "parent of program '" + p.code + "': program");
  programs_.push_back(std::move(p));
  return program_id(static_cast<program_id::value_type>(programs_.size() - 1));
}

std::optional<program_id> plan::find_program(std::string_view code) const noexcept {
  if (auto i = find_code(programs_, code))
    return program_id(static_cast<program_id::value_type>(*i));
  return std::nullopt;
}

const program& plan::get(program_id id) const { return checked(programs_, id, "program"); }

task_id plan::add_task(task t) {
  if (t.code.empty()) throw invalid_argument("task code must not be empty");
  if (find_task(t.code)) throw duplicate_error("task code '" + t.code + "' is already used");
  checked(programs_, t.program, "program of task '" + t.code + "': program");
  org_.check(t.owner, "owner of task '" + t.code + "'");
  if (!std::isfinite(t.weight) || !(t.weight > 0)) {
    throw invalid_argument("task '" + t.code + "': weight " + std::to_string(t.weight) +
                           " is not a finite positive number");
  }
  const bool ordered = std::is_sorted(t.history.begin(), t.history.end(),
                                      [](const auto& a, const auto& b) { return a.on < b.on; });
  const bool real_dates = std::none_of(t.history.begin(), t.history.end(),
                                       [](const auto& c) { return c.on.is_special(); });
  if (!ordered || !real_dates) {
    throw invalid_argument("task '" + t.code + "': status history must be real dates in order");
  }
  tasks_.push_back(std::move(t));
  return task_id(static_cast<task_id::value_type>(tasks_.size() - 1));
}

void plan::set_task_status(task_id id, task_status status, date on) {
  checked(tasks_, id, "task");
  task& t = tasks_[id.index()];
  if (on.is_special()) throw invalid_argument("task '" + t.code + "': status date is not a date");
  if (!t.history.empty() && on < t.history.back().on) {
    throw invalid_argument("task '" + t.code + "': status change on " + to_iso(on) +
                           " is before the last recorded change (" + to_iso(t.history.back().on) +
                           ")");
  }
  t.history.push_back({on, status});
}

std::optional<task_id> plan::find_task(std::string_view code) const noexcept {
  if (auto i = find_code(tasks_, code)) return task_id(static_cast<task_id::value_type>(*i));
  return std::nullopt;
}

const task& plan::get(task_id id) const { return checked(tasks_, id, "task"); }

// --- targets -------------------------------------------------------------------------

target_id plan::add_target(const target& t) { return add_targets(std::span(&t, 1)); }

target_id plan::add_targets(std::span<const target> targets) {
  for (const target& t : targets) {
    t.validate();
    // The messages are built only on failure: bulk loaders add millions of targets.
    if (!org_.contains(t.owner)) org_.check(t.owner, "owner of target '" + t.code + "'");
    if (t.program && (!t.program->ok() || t.program->index() >= programs_.size())) {
      checked(programs_, *t.program, "program of target '" + t.code + "': program");
    }
    if (t.is_rating()) {
      const rating_scale& s =
          checked(scales_, t.rating.scale, "scale of target '" + t.code + "': rating scale");
      s.check(t.rating.level, "target '" + t.code + "'");
    }
  }
  return targets_.append(targets);
}

std::optional<target_id> plan::find_target(std::string_view code) const noexcept {
  return targets_.find(code);
}

std::vector<std::optional<target_id>> plan::find_targets(
    std::span<const std::string_view> codes) const {
  std::vector<std::uint32_t> rows(codes.size());
  targets_.find_many(codes, rows);
  std::vector<std::optional<target_id>> ids(codes.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] != detail::code_table::absent) ids[i] = target_id(rows[i]);
  }
  return ids;
}

target plan::get(target_id id) const {
  if (!id.ok() || id.index() >= targets_.size()) {
    throw not_found("target id " + id_text(id.value()) + " is not in the plan");
  }
  return targets_.get(id);
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
  const auto [kind, whole_numbers] = targets.value_rules()[t.index()];
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
    case target_kind::money:
      if (whole_numbers && (std::floor(value) != value || std::fabs(value) > max_exact_whole)) {
        return fail([&] { return "value " + std::to_string(value) + " is not a whole number"; });
      }
      return true;
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
  if (!t.ok() || t.index() >= targets_.size()) {
    throw not_found(where() + " names unknown target id " + id_text(t.value()));
  }
  measurement_rules(
      targets_, t, supported_days(), day, value, denominator, [&](auto message) -> bool {
        throw invalid_argument(where() + " of target '" + get(t).code + "': " + message());
      });
}

void plan::add_measurement(const measurement& m) {
  if (m.on.is_special()) throw invalid_argument("measurement date is not a date");
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
  const auto rules = targets_.value_rules();
  for (std::size_t i = 0; i < n; ++i) {
    if (i + ahead < n && targets[i + ahead].index() < rules.size())
      detail::prefetch(&rules[targets[i + ahead].index()]);
    const double den = denominators.empty() ? 1.0 : denominators[i];
    const target_id t = targets[i];
    if (t.index() >= targets_.size() ||
        !measurement_rules(targets_, t, supported, days[i], values[i], den, broken)) {
      check_measurement(i, t, days[i], values[i], den);  // throws, with the message
    }
    any_ratio = any_ratio || den != 1.0;
  }
  return any_ratio;
}

void plan::add_measurements(measurement_columns&& columns) {
  if (!measurements_.target_.empty()) {
    add_measurement_rows(columns.targets, columns.days, columns.values, columns.denominators,
                         nullptr);
    columns = {};
    return;
  }
  const bool any_ratio =
      check_measurement_rows(columns.targets, columns.days, columns.values, columns.denominators);
  measurement_table& m = measurements_;
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
  measurement_table& m = measurements_;
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
  measurement_table& m = measurements_;
  const std::size_t total = m.size() + count;
  m.target_.reserve(total);
  m.day_.reserve(total);
  m.value_.reserve(total);
  if (!m.denominator_.empty()) m.denominator_.reserve(total);
}

void plan::annotate_measurement(std::size_t row, std::string source, std::string note) {
  if (row >= measurements_.size()) {
    throw not_found("measurement row " + std::to_string(row) + " is out of range (" +
                    std::to_string(measurements_.size()) + " measurements)");
  }
  const auto key = static_cast<std::uint32_t>(row);
  if (source.empty() && note.empty()) {
    measurements_.annotations_.erase(key);
  } else {
    measurements_.annotations_[key] = {std::move(source), std::move(note)};
  }
}

// --- policies ------------------------------------------------------------------------

void plan::add_policy(std::string code, evaluation_policy policy) {
  if (code.empty()) throw invalid_argument("policy code must not be empty");
  if (find_code(policies_, code))
    throw duplicate_error("policy code '" + code + "' is already used");
  policy.validate();
  for (const auto& summary : policy.rating_summaries) {
    const rating_round& r =
        checked(rounds_, summary.round, "rating summary of policy '" + code + "': round");
    get(r.scale()).check(summary.level, "rating summary of policy '" + code + "'");
  }
  policies_.push_back({std::move(code), std::move(policy)});
}

const evaluation_policy& plan::policy(std::string_view code) const {
  if (auto i = find_code(policies_, code)) return policies_[*i].policy;
  throw not_found("no policy has code '" + std::string(code) + "'");
}

}  // namespace goaltrack
