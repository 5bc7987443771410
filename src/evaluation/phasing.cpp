// Time-phased targets (target::sub_periods, target::planned): their sub-periods' planned
// levels and judgements, the compliance score, and expected progress by each expectation
// (stages.hpp; the rules are evaluation.hpp's "Time-phased targets").

#include <algorithm>

#include "stages.hpp"

namespace goaltrack::detail {

std::uint32_t sub_period_table::ended(std::size_t t, std::int32_t as_of_day) const noexcept {
  const auto rows = std::span(span).subspan(first(t), end(t) - first(t));
  const auto past = std::partition_point(
      rows.begin(), rows.end(), [&](const period& p) { return day_number(p.last()) <= as_of_day; });
  return static_cast<std::uint32_t>(past - rows.begin());
}

namespace {

// The planned levels by each sub-period's end (sub_period_table::planned): NaN without a
// plan.
void add_planned_levels(const target_row& r, std::size_t sub_periods,
                        std::span<const double> planned, plan_basis basis,
                        std::vector<double>& out) {
  if (planned.empty()) {
    out.insert(out.end(), sub_periods, no_value);
    return;
  }
  double level = r.has_baseline() ? r.baseline : 0.0;
  for (const double v : planned) {
    level = basis == plan_basis::cumulative ? v : level + v;
    out.push_back(level);
  }
}

}  // namespace

sub_period_table sub_periods_of(const target_table& targets,
                                std::span<const std::uint32_t> phased) {
  const auto rows = targets.rows();
  sub_period_table table;
  if (phased.empty()) return table;
  table.begin.assign(rows.size() + 1, 0);
  for (const std::uint32_t t : phased) {
    const target_extra& e = targets.extras()[rows[t].extra];
    const std::vector<period>& parts = extra_value<&target::sub_periods>(e);
    table.span.insert(table.span.end(), parts.begin(), parts.end());
    add_planned_levels(rows[t], parts.size(), extra_value<&target::planned>(e),
                       extra_value<&target::planned_as>(e), table.planned);
    table.begin[t + 1] = static_cast<std::uint32_t>(parts.size());
  }
  for (std::size_t t = 0; t < rows.size(); ++t) table.begin[t + 1] += table.begin[t];
  table.own.assign(table.span.size(), no_value);
  table.to_date.assign(table.span.size(), no_value);
  table.met.assign(table.span.size(), -1);
  return table;
}

bool goal_met(const target_row& t, double v) noexcept {
  const double g = goal_level(t.goal, t.goal_value, t.baseline);
  if (t.goal == goal_kind::within) return v >= t.goal_value && v <= t.goal_high;
  return is_upward_goal(t.goal) ? v >= g : v <= g;
}

void judge_sub_periods(const target_table& targets, std::span<const scoring_method> scoring,
                       std::int32_t as_of_day, sub_period_table& table) {
  if (table.empty()) return;
  const auto rows = targets.rows();
  for (std::size_t t = 0; t < rows.size(); ++t) {
    const target_row& r = rows[t];
    const bool compliance = !scoring.empty() && scoring[t] == scoring_method::compliance;
    const std::uint32_t last = table.first(t) + table.ended(t, as_of_day);
    for (std::uint32_t k = table.first(t); k < last; ++k) {
      const double planned = table.planned[k];
      if (!compliance && planned != planned) break;  // neither a condition nor a plan
      const double v = compliance ? table.own[k] : table.to_date[k];
      const bool upward = r.kind == target_kind::milestone || is_upward_goal(r.goal);
      const bool met =
          v == v && (compliance ? goal_met(r, v) : (upward ? v >= planned : v <= planned));
      table.met[k] = met ? 1 : 0;
    }
  }
}

target_score compliance_score(const sub_period_table& table, std::size_t t,
                              std::int32_t as_of_day) noexcept {
  const std::uint32_t ended = table.ended(t, as_of_day);
  if (ended == 0) return {};
  const auto met = std::span(table.met).subspan(table.first(t), ended);
  const auto n_met = static_cast<std::uint32_t>(std::count(met.begin(), met.end(), 1));
  return {static_cast<double>(n_met) / static_cast<double>(ended), n_met == ended, true};
}

namespace {

// The planned level on day A: the level by the end of the sub-period before A's, moved
// toward that of A's own in proportion to its days elapsed (the baseline, or 0, before the
// first); the last level after the period.
double planned_on(const target_row& r, const sub_period_table& table, std::size_t t,
                  std::int32_t as_of_day) noexcept {
  double previous = r.has_baseline() ? r.baseline : 0.0;
  for (std::uint32_t k = table.first(t); k < table.end(t); ++k) {
    const period& p = table.span[k];
    if (as_of_day >= day_number(p.first()) && as_of_day <= day_number(p.last())) {
      const double share = expected_by_days(as_of_day, day_number(p.first()), day_number(p.last()));
      return previous + (table.planned[k] - previous) * share;
    }
    if (as_of_day < day_number(p.first())) return previous;
    previous = table.planned[k];
  }
  return previous;
}

}  // namespace

double value_at_progress(const linear_goal& t, double expected) noexcept {
  if (t.kind == target_kind::milestone) {
    if (t.weighted) return no_value;
    return expected * static_cast<double>(std::max<std::size_t>(1, t.items));
  }
  if (!is_numeric_kind(t.kind) || t.goal == goal_kind::within) return no_value;
  if (t.method != scoring_method::by_goal && t.method != scoring_method::percent_of_target) {
    return no_value;
  }
  const double b = t.baseline;
  const bool has_baseline = b == b;
  const double g = goal_level(t.goal, t.goal_value, b);
  // As progress_by_goal: a level to maintain already met is scored without its baseline.
  const bool maintained = has_baseline && ((t.goal == goal_kind::at_least && b >= g) ||
                                           (t.goal == goal_kind::at_most && b <= g));
  if (t.method == scoring_method::by_goal && has_baseline && !maintained) {
    return b + expected * (g - b);
  }
  const bool from_zero =
      (t.method == scoring_method::by_goal && t.goal == goal_kind::at_least && g > 0) ||
      (t.method == scoring_method::percent_of_target && is_upward_goal(t.goal));
  return from_zero ? expected * g : no_value;
}

expectation_of_target expected_of(const target_table& targets, std::size_t t, expectation how,
                                  scoring_method method, const sub_period_table& phases,
                                  std::int32_t as_of_day) noexcept {
  const target_row& r = targets.rows()[t];
  const std::int32_t S = day_number(r.span.first());
  const std::int32_t E = day_number(r.span.last());
  expectation_of_target out;
  switch (how) {
    case expectation::days:
      out.progress = expected_by_days(as_of_day, S, E);
      break;
    case expectation::sub_periods:
      out.progress = static_cast<double>(phases.ended(t, as_of_day)) /
                     static_cast<double>(phases.end(t) - phases.first(t));
      break;
    case expectation::at_end:
      out.progress = as_of_day >= E ? 1.0 : 0.0;
      break;
    case expectation::plan:
      out.value = planned_on(r, phases, t, as_of_day);
      out.progress = std::clamp(numeric_progress(r, method, out.value, targets.checklist_size(r),
                                                 targets.item_weights(r)),
                                0.0, 1.0);
      return out;
  }
  const linear_goal goal{r.kind,
                         r.goal,
                         r.goal_value,
                         r.baseline,
                         method,
                         targets.checklist_size(r),
                         !targets.item_weights(r).empty()};
  out.value = value_at_progress(goal, out.progress);
  return out;
}

}  // namespace goaltrack::detail
