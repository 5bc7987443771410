// Taking a plan's snapshot and rebuilding a plan from one, through the public API only.

#include "io/archive_snapshot.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {
namespace {

period_dto to_dto(const period& p) {
  return {static_cast<std::uint8_t>(p.kind()), day_number(p.first()), day_number(p.last())};
}

std::string period_text(const period_dto& d) {
  return "period of kind " + std::to_string(d.kind) + " from day " + std::to_string(d.first) +
         " to day " + std::to_string(d.last);
}

// The period with exactly this kind, first and last day, made by the factory of its kind
// (a period's constructor is private: the factories are the only way in).
period from_dto(const period_dto& d) {
  const date first = from_day_number(d.first);
  const date last = from_day_number(d.last);
  const int y = first.year();
  const int m = first.month();
  std::optional<period> p;
  switch (static_cast<period_kind>(d.kind)) {
    case period_kind::calendar_year:
      p = period::year(y);
      break;
    case period_kind::quarter:
      p = period::quarter(y, (m - 1) / 3 + 1);
      break;
    case period_kind::month:
      p = period::month(y, m);
      break;
    case period_kind::school_year:
      p = period::school_year(y, school_calendar{m, first.day(), last.month(), last.day()});
      break;
    case period_kind::fiscal_year:
      p = period::fiscal_year(y, m);
      break;
    case period_kind::custom:
      p = period::between(first, last);
      break;
    default:
      throw invalid_argument("unknown " + period_text(d));
  }
  if (p->first() != first || p->last() != last || p->kind() != static_cast<period_kind>(d.kind)) {
    throw invalid_argument("impossible " + period_text(d));
  }
  return *p;
}

void check_finite(double v, const std::string& where) {
  if (!std::isfinite(v))
    throw invalid_argument(where + " is not a finite number; files hold finite numbers only");
}

template <class Enum>
Enum to_enum(std::uint8_t v, std::uint8_t max, const std::string& what) {
  if (v > max) throw invalid_argument(what + " has unknown code " + std::to_string(v));
  return static_cast<Enum>(v);
}

// Targets added to the plan at once by the builder: enough to overlap their code
// lookups, few enough to stay in the cache.
constexpr std::size_t target_batch = 4096;

}  // namespace

snapshot take_snapshot(const plan& p) {
  snapshot s;
  const organization& o = p.org();
  for (const std::string& k : o.kind_names()) s.org.kind_names.push_back(k);
  for (std::size_t i = 0; i < o.collective_count(); ++i) {
    const collective_id c(static_cast<std::uint32_t>(i));
    s.org.collective_codes.push_back(o.code(c));
    s.org.collective_names.push_back(o.name(c));
  }
  s.org.collective_kinds.assign(o.kind_indices().begin(), o.kind_indices().end());
  for (const collective_id c : o.parents())
    s.org.collective_parents.push_back(c.ok() ? c.value() : no_id);
  for (std::size_t i = 0; i < o.member_count(); ++i) {
    const member_id m(static_cast<std::uint32_t>(i));
    s.org.member_codes.push_back(o.code(m));
    s.org.member_names.push_back(o.name(m));
  }
  for (const collective_id c : o.member_collectives())
    s.org.member_collectives.push_back(c.value());

  for (std::size_t i = 0; i < p.scale_count(); ++i) {
    const rating_scale& sc = p.get(scale_id(static_cast<std::uint32_t>(i)));
    scale_dto d{sc.code(), {}};
    for (const level_labels& l : sc.levels()) d.levels.push_back({l.code, l.label_vi, l.label_en});
    s.scales.push_back(std::move(d));
  }
  for (std::size_t i = 0; i < p.round_count(); ++i) {
    const rating_round& r = p.get(round_id(static_cast<std::uint32_t>(i)));
    s.rounds.push_back({r.scale().value(),
                        to_dto(r.rated_period()),
                        day_number(r.decided_on()),
                        {r.member_ranks().begin(), r.member_ranks().end()},
                        {r.collective_ranks().begin(), r.collective_ranks().end()}});
  }
  for (const program& pr : p.programs()) {
    s.programs.push_back({pr.code, pr.number, pr.issuer, pr.title, to_dto(pr.span),
                          pr.owner.value(), pr.parent ? pr.parent->value() : no_id});
  }
  for (const task& t : p.tasks()) {
    check_finite(t.weight, "task '" + t.code + "': weight");
    task_dto d{t.code,
               t.title,
               t.program.value(),
               t.owner.value(),
               t.deadline.has_value(),
               t.deadline ? day_number(*t.deadline) : 0,
               static_cast<std::uint8_t>(t.kind),
               t.weight,
               {}};
    for (const task_status_change& h : t.history) {
      d.history.push_back({day_number(h.on), static_cast<std::uint8_t>(h.status)});
    }
    s.tasks.push_back(std::move(d));
  }
  for (std::size_t i = 0; i < p.target_count(); ++i) {
    const target t = p.get(target_id(static_cast<std::uint32_t>(i)));
    const std::string where = "target '" + t.code + "': ";
    check_finite(t.goal_value, where + "goal value");
    check_finite(t.goal_high, where + "range end");
    if (t.baseline) check_finite(*t.baseline, where + "baseline");
    target_dto d;
    d.code = t.code;
    d.title = t.title;
    d.unit = t.unit;
    d.currency = t.currency;
    d.owner = t.owner.value();
    d.span = to_dto(t.span);
    d.program = t.program ? t.program->value() : no_id;
    d.kind = static_cast<std::uint8_t>(t.kind);
    d.goal = static_cast<std::uint8_t>(t.goal);
    d.wanted = static_cast<std::uint8_t>(t.wanted);
    d.goal_value = t.goal_value;
    d.goal_high = t.goal_high;
    d.has_baseline = t.baseline.has_value();
    d.baseline = t.baseline.value_or(0.0);
    d.whole_numbers = t.whole_numbers;
    d.checklist = t.checklist;
    d.scale = t.rating.scale.ok() ? t.rating.scale.value() : no_id;
    d.level = t.rating.level.rank();
    d.scope = static_cast<std::uint8_t>(t.rating.scope);
    d.criterion = static_cast<std::uint8_t>(t.rating.criterion);
    d.share_numerator = t.rating.required_share.numerator;
    d.share_denominator = t.rating.required_share.denominator;
    d.count = t.rating.count;
    d.all = t.rating.all;
    d.counted_kind = t.rating.counted_kind;
    s.targets.push_back(std::move(d));
  }
  const measurement_table& m = p.measurements();
  s.measurements.targets.assign(m.targets().begin(), m.targets().end());
  s.measurements.days.assign(m.days().begin(), m.days().end());
  s.measurements.values.assign(m.values().begin(), m.values().end());
  s.measurements.denominators.assign(m.denominators().begin(), m.denominators().end());
  for (std::size_t i = 0; i < m.size(); ++i) {
    // Measurements passed their checks, which refuse non-finite values and denominators.
    if (!std::isfinite(s.measurements.values[i]) ||
        (!s.measurements.denominators.empty() && !std::isfinite(s.measurements.denominators[i]))) {
      check_finite(NAN, "measurement (row " + std::to_string(i) + ")");
    }
  }
  for (measurement_annotation& a : m.annotations()) {
    s.measurements.annotations.push_back({a.row, std::move(a.source), std::move(a.note)});
  }
  for (const named_policy& np : p.policies()) {
    const evaluation_policy& pol = np.policy;
    const std::string where = "policy '" + np.code + "': ";
    check_finite(pol.on_track_margin, where + "on_track_margin");
    check_finite(pol.at_risk_margin, where + "at_risk_margin");
    check_finite(pol.trend_tolerance, where + "trend_tolerance");
    policy_dto d{np.code,
                 pol.on_track_margin,
                 pol.at_risk_margin,
                 pol.trend_tolerance,
                 pol.not_started_before_start,
                 pol.missed_after_end,
                 {}};
    for (const rating_summary_spec& r : pol.rating_summaries) {
      d.summaries.push_back({r.round.value(), r.level.rank(),
                             static_cast<std::uint8_t>(r.criterion), r.counted_kind,
                             r.required_share.numerator, r.required_share.denominator});
    }
    s.policies.push_back(std::move(d));
  }
  return s;
}

void plan_builder::add(organization_dto&& org) {
  organization& o = plan_.org();
  const std::size_t n_coll = org.collective_codes.size();
  if (org.collective_names.size() != n_coll || org.collective_kinds.size() != n_coll ||
      org.collective_parents.size() != n_coll) {
    throw invalid_argument("the collectives' columns have different lengths");
  }
  // One by one in id order, so that every collective keeps its id.
  for (std::size_t i = 0; i < n_coll; ++i) {
    const std::uint16_t k = org.collective_kinds[i];
    if (k >= org.kind_names.size()) {
      throw invalid_argument("collective '" + std::string(org.collective_codes[i]) +
                             "' has unknown kind index " + std::to_string(k));
    }
    const std::uint32_t parent = org.collective_parents[i];
    o.add_collective(org.collective_codes[i], org.collective_names[i], org.kind_names[k],
                     parent == no_id ? std::nullopt : std::optional(collective_id(parent)));
  }
  if (o.kind_names().size() != org.kind_names.size()) {
    throw invalid_argument("the organisation lists kinds that no collective has");
  }
  const std::size_t n_mem = org.member_codes.size();
  if (org.member_names.size() != n_mem || org.member_collectives.size() != n_mem) {
    throw invalid_argument("the members' columns have different lengths");
  }
  if (n_mem < threaded_members) {
    add_members(org);
    return;
  }
  org_ = std::move(org);
  members_ = std::thread([this] {
    try {
      add_members(org_);
    } catch (...) {
      members_error_ = std::current_exception();
    }
  });
}

void plan_builder::add_members(const organization_dto& org) {
  organization& o = plan_.org();
  const std::size_t n_mem = org.member_codes.size();
  // In batches: a spec per member at once would be a copy of the whole column.
  constexpr std::size_t batch = std::size_t{1} << 16;
  std::vector<member_spec> specs;
  specs.reserve(std::min(batch, n_mem));
  o.reserve_members(n_mem);
  for (std::size_t base = 0; base < n_mem; base += batch) {
    specs.clear();
    for (std::size_t i = base; i < std::min(n_mem, base + batch); ++i) {
      specs.push_back(
          {org.member_codes[i], org.member_names[i], collective_id(org.member_collectives[i])});
    }
    o.add_members(specs);
  }
}

void plan_builder::join_members() {
  if (!members_.joinable()) return;
  members_.join();
  org_ = {};
  if (members_error_) std::rethrow_exception(std::exchange(members_error_, nullptr));
  for (const round_dto& d : waiting_rounds_) add_round(d);
  waiting_rounds_.clear();
}

plan_builder::~plan_builder() {
  if (members_.joinable()) members_.join();
}

plan plan_builder::finish() && {
  add_pending_targets();
  join_members();
  return std::move(plan_);
}

void plan_builder::add(const scale_dto& d) {
  std::vector<level_labels> levels;
  levels.reserve(d.levels.size());
  for (const level_dto& l : d.levels) levels.push_back({l.code, l.label_vi, l.label_en});
  plan_.add_scale(rating_scale(d.code, std::move(levels)));
}

void plan_builder::add(const round_dto& d) {
  if (members_.joinable()) {
    waiting_rounds_.push_back(d);
  } else {
    add_round(d);
  }
}

void plan_builder::add_round(const round_dto& d) {
  const round_id r =
      plan_.add_round(scale_id(d.scale), from_dto(d.span), from_day_number(d.decided_on));
  std::vector<member_id> members;
  std::vector<rating_level> levels;
  for (std::size_t i = 0; i < d.member_ranks.size(); ++i) {
    if (d.member_ranks[i] == rating_round::unrated) continue;
    members.emplace_back(static_cast<std::uint32_t>(i));
    levels.emplace_back(d.member_ranks[i]);
  }
  if (!members.empty()) plan_.rate(r, members, levels);
  for (std::size_t i = 0; i < d.collective_ranks.size(); ++i) {
    if (d.collective_ranks[i] == rating_round::unrated) continue;
    plan_.rate(r, collective_id(static_cast<std::uint32_t>(i)),
               rating_level(d.collective_ranks[i]));
  }
}

void plan_builder::add(const program_dto& d) {
  plan_.add_program({d.code, d.number, d.issuer, d.title, from_dto(d.span), collective_id(d.owner),
                     d.parent == no_id ? std::nullopt : std::optional(program_id(d.parent))});
}

void plan_builder::add(const task_dto& d) {
  task t;
  t.code = d.code;
  t.title = d.title;
  t.program = program_id(d.program);
  t.owner = collective_id(d.owner);
  if (d.has_deadline) t.deadline = from_day_number(d.deadline);
  t.kind = to_enum<task_kind>(d.kind, 1, "task '" + d.code + "': kind");
  check_finite(d.weight, "task '" + d.code + "': weight");
  t.weight = d.weight;
  for (const status_change_dto& h : d.history) {
    t.history.push_back({from_day_number(h.day),
                         to_enum<task_status>(h.status, 3, "task '" + d.code + "': status")});
  }
  plan_.add_task(t);
}

void plan_builder::add(const target_dto& d) {
  // Non-finite numbers were refused by the payload reader; enum codes are checked here.
  const auto code = [&](std::uint8_t v, std::uint8_t max, const char* field) {
    if (v > max) {
      throw invalid_argument("target '" + d.code + "': " + field + " has unknown code " +
                             std::to_string(v));
    }
    return v;
  };
  if (pending_count_ == pending_.size()) {
    if (pending_count_ == target_batch) add_pending_targets();
    if (pending_count_ == pending_.size()) pending_.emplace_back();
  }
  target& t = pending_[pending_count_++];
  t.code = d.code;
  t.title = d.title;
  t.owner = collective_id(d.owner);
  t.span = from_dto(d.span);
  t.program = d.program != no_id ? std::optional(program_id(d.program)) : std::nullopt;
  t.kind = static_cast<target_kind>(code(d.kind, 6, "kind"));
  t.unit = d.unit;
  t.goal = static_cast<goal_kind>(code(d.goal, 6, "goal"));
  t.goal_value = d.goal_value;
  t.goal_high = d.goal_high;
  t.baseline = d.has_baseline ? std::optional(d.baseline) : std::nullopt;
  t.whole_numbers = d.whole_numbers;
  t.currency = d.currency;
  t.checklist = d.checklist;
  t.wanted = static_cast<trend>(code(d.wanted, 1, "trend"));
  t.rating.scale = d.scale != no_id ? scale_id(d.scale) : scale_id{};
  t.rating.level = rating_level(d.level);
  t.rating.required_share = {d.share_numerator, d.share_denominator};
  t.rating.count = d.count;
  t.rating.all = d.all;
  t.rating.scope = static_cast<rating_scope>(code(d.scope, 1, "rating scope"));
  t.rating.counted_kind = d.counted_kind;
  t.rating.criterion = static_cast<collective_criterion>(code(d.criterion, 1, "criterion"));
}

void plan_builder::add_pending_targets() {
  if (pending_count_ == 0) return;
  plan_.add_targets(std::span(pending_.data(), pending_count_));
  pending_count_ = 0;
}

void plan_builder::add(measurements_dto&& m) {
  add_pending_targets();
  const std::size_t n = m.targets.size();  // the plan checks that the columns agree
  const bool had_denominators = !m.denominators.empty();
  plan_.add_measurements(measurement_columns{std::move(m.targets), std::move(m.days),
                                             std::move(m.values), std::move(m.denominators)});
  if (had_denominators && plan_.measurements().denominators().empty()) {
    throw invalid_argument("the measurements have a denominator column of ones only");
  }
  std::uint64_t next_row = 0;
  for (annotation_dto& a : m.annotations) {
    if (a.row < next_row || (a.source.empty() && a.note.empty())) {
      throw invalid_argument("measurement annotation of row " + std::to_string(a.row) +
                             " is out of order, repeated or empty");
    }
    if (a.row >= n)
      throw not_found("measurement annotation names row " + std::to_string(a.row) + " of " +
                      std::to_string(n));
    plan_.annotate_measurement(static_cast<std::size_t>(a.row), std::move(a.source),
                               std::move(a.note));
    next_row = a.row + 1;
  }
}

void plan_builder::add(const policy_dto& d) {
  add_pending_targets();
  join_members();  // policies name rounds
  evaluation_policy pol;
  pol.on_track_margin = d.on_track_margin;
  pol.at_risk_margin = d.at_risk_margin;
  pol.trend_tolerance = d.trend_tolerance;
  pol.not_started_before_start = d.not_started_before_start;
  pol.missed_after_end = d.missed_after_end;
  for (const summary_dto& r : d.summaries) {
    pol.rating_summaries.push_back(
        {round_id(r.round), rating_level(r.level), r.counted_kind,
         to_enum<collective_criterion>(r.criterion, 1, "policy '" + d.code + "': criterion"),
         share{r.share_numerator, r.share_denominator}});
  }
  plan_.add_policy(d.code, std::move(pol));
}

}  // namespace goaltrack::detail
