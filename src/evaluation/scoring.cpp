// Stage 2 of evaluate(): scores (stages.hpp). The formulas are target.hpp's table.

#include <algorithm>
#include <cmath>
#include <limits>

#include "stages.hpp"

namespace goaltrack::detail {

namespace {

// Progress of a numeric target by its goal's own formula (target.hpp's first table).
double progress_by_goal(const target_row& t, double a) noexcept {
  const double b = t.baseline;
  const double g = goal_level(t.goal, t.goal_value, b);
  // A level to maintain whose baseline already meets it is scored as without a baseline.
  const bool from_b = t.has_baseline() && !(t.goal == goal_kind::at_least && b >= g) &&
                      !(t.goal == goal_kind::at_most && b <= g);
  switch (t.goal) {
    case goal_kind::increase_to:
    case goal_kind::decrease_to:
    case goal_kind::increase_by:
    case goal_kind::decrease_by:
      return (a - b) / (g - b);
    case goal_kind::at_least:
      if (from_b) return (a - b) / (g - b);
      if (g > 0) return a / g;
      return a >= g ? 1.0 : 0.0;
    case goal_kind::at_most:
      if (from_b) return (a - b) / (g - b);
      return a <= g ? 1.0 : 0.0;
    case goal_kind::within: {
      const auto dist = [&](double x) {
        return x < t.goal_value ? t.goal_value - x : (x > t.goal_high ? x - t.goal_high : 0.0);
      };
      if (dist(a) == 0.0) return 1.0;
      return t.has_baseline() ? (dist(b) - dist(a)) / dist(b) : 0.0;
    }
  }
  return no_value;
}

// percent_of_target: a / g upward (SAP Strategy Management's achievement score), g / a
// downward, which grows without bound as a falls to 0: +infinity for a <= 0 keeps it
// monotone (clamped progress is 1). Validation keeps g > 0.
double percent_of_target(double a, double g, bool upward) noexcept {
  if (upward) return a / g;
  return a > 0 ? g / a : std::numeric_limits<double>::infinity();
}

// distance_to_target: Infor CPM Strategy Management's performance value, 1 at the goal and
// 0 (2) one whole |g| short of it (beyond it); with g = 0 the distance itself.
double distance_to_target(double a, double g, bool upward) noexcept {
  const double gap = g == 0.0 ? a : (a - g) / std::fabs(g);
  return upward ? 1.0 + gap : 1.0 - gap;
}

// A weighted milestone's progress with `done` stages done in order (target.hpp): the
// weight of the first floor(done), and that fraction of the next, over the total.
double weighted_stages(std::span<const double> weights, double done) noexcept {
  double total = 0;
  for (const double w : weights) total += w;
  const double k = std::clamp(done, 0.0, static_cast<double>(weights.size()));
  double reached = 0;
  for (std::size_t i = 0; i < weights.size() && static_cast<double>(i) < k; ++i) {
    reached += weights[i] * std::min(1.0, k - static_cast<double>(i));
  }
  return reached / total;
}

// --- open_sdg (target.hpp; sdg-build's ProgressMeasure.py) ---------------------------------

// The methodology's stand-in for a zero base or target value, which a growth rate cannot
// start from or reach.
constexpr double zero_stand_in = 0.001;
double nonzero(double v) noexcept { return v == 0.0 ? zero_stand_in : v; }

// The compound annual growth rate from y0 to y over `years` years: (y / y0)^(1 / years) - 1.
double annual_growth(double y, double y0, int years) noexcept {
  return std::pow(y / y0, 1.0 / static_cast<double>(years)) - 1.0;
}

// s d CAGR(yi, y0, ti - t0), s the sign of y0; none with less than a year between them or
// values of opposite signs (the methodology's minimum data requirements).
std::optional<double> observed_growth(const growth_series& s) noexcept {
  const double y0 = nonzero(s.base);
  const int years = s.current_year - s.base_year;
  if (years < 1 || (y0 > 0 && s.current < 0) || (y0 < 0 && s.current > 0)) return std::nullopt;
  const double sign = y0 < 0 ? -1.0 : 1.0;
  return sign * s.direction * annual_growth(s.current, y0, years);
}

target_score progress_from_score(double score, bool reached) noexcept {
  return {score / 5.0, reached, true};
}

// The score of a growth ratio R: two lines through (0.6, 0) with the methodology's rounded
// slopes, capped at 5 (R >= 1.3) and floored at -5 (R <= -0.6).
double score_of_ratio(double r) noexcept {
  if (r >= 0.6) return std::min(7.1429 * r - 4.2857, 5.0);
  return std::max(4.1667 * r - 2.5, -5.0);
}

// The scaling factor C of a series without a target near its natural limit L: 1 far from
// it (|y0| >= 2|L|), falling to 0 at it, the same at equal relative distances either side.
double limit_coefficient(double base, double limit) noexcept {
  constexpr double exponent = 4.44;
  const double y0 = std::fabs(base);
  const double lim = std::fabs(limit);
  if (y0 >= 2 * lim) return 1.0;  // first, so that y0 = L = 0 gives 1
  if (y0 <= lim) return 1.0 - std::pow(y0 / lim, exponent);
  return 1.0 - std::pow((2 * lim - y0) / lim, exponent);
}

// The score of a growth rate v without a target: -2.5 at 0, 0 at 0.5% C, 2.5 at 1.5% C, 5
// from 2% C; 125 v - 2.5 below 0, floored at -5 (v <= -2%).
double score_of_growth(double v, double coefficient, bool at_limit) noexcept {
  if (v < 0) return std::max(125 * v - 2.5, -5.0);
  if (at_limit) return 5.0;  // C = 0: the limit is held or passed
  const double c = coefficient;
  if (v >= 0.015 * c) return std::min(500 * v / c - 5, 5.0);
  if (v >= 0.005 * c) return 250 * v / c - 1.25;
  return 500 * v / c - 2.5;
}

}  // namespace

target_score open_sdg_toward(const growth_series& s, double goal, int goal_year) noexcept {
  const double g = nonzero(goal);
  if (s.direction > 0 ? s.current >= g : s.current <= g) return progress_from_score(5.0, true);
  const std::optional<double> observed = observed_growth(s);
  if (!observed) return {};
  const double required = annual_growth(g, nonzero(s.base), goal_year - s.base_year);
  return progress_from_score(score_of_ratio(*observed / std::fabs(required)), false);
}

target_score open_sdg_trend(const growth_series& s, std::optional<double> limit) noexcept {
  const std::optional<double> v = observed_growth(s);
  if (!v) return {};
  const double c = limit ? limit_coefficient(s.base, *limit) : 1.0;
  const bool at_limit = limit && std::fabs(s.base) == std::fabs(*limit);
  return progress_from_score(score_of_growth(*v, c, at_limit), false);
}

std::optional<growth_series> direction_series(check_in_span points, trend wanted) {
  if (points.empty()) return std::nullopt;
  const auto [first, last] = first_and_last(points);
  if (first->first == last->first) return std::nullopt;
  return growth_series{first->second, year_of(first->first), last->second, year_of(last->first),
                       wanted == trend::increase ? 1.0 : -1.0};
}

double numeric_progress(const target_row& t, scoring_method method, double a,
                        std::size_t checklist_items,
                        std::span<const double> item_weights) noexcept {
  if (t.kind == target_kind::milestone) {
    if (item_weights.empty()) {
      return a / static_cast<double>(std::max<std::size_t>(1, checklist_items));
    }
    return weighted_stages(item_weights, a);
  }
  const double g = goal_level(t.goal, t.goal_value, t.baseline);
  switch (method) {
    case scoring_method::by_goal:
      return progress_by_goal(t, a);
    case scoring_method::percent_of_target:
      return percent_of_target(a, g, is_upward_goal(t.goal));
    case scoring_method::distance_to_target:
      return distance_to_target(a, g, is_upward_goal(t.goal));
    case scoring_method::open_sdg:    // a growth rate needs the years (open_sdg_toward)
    case scoring_method::compliance:  // a share of sub-periods (compliance_score)
      break;
  }
  return no_value;
}

rating_outcome rating_score(const target_row& t, const rating_goal& goal,
                            const rating_tally& tally) noexcept {
  rating_outcome out;
  const std::size_t c = t.owner.index();
  const bool subtree = goal.scope == rating_scope::subtree;
  std::uint64_t part = 0;
  double progress = 0;
  bool reached = false;
  if (t.kind == target_kind::member_share) {
    part = subtree ? tally.subtree_members_ok[c] : tally.members_ok[c];
    const std::uint64_t whole = subtree ? tally.subtree_members[c] : tally.members[c];
    if (whole == 0) return out;
    const double fraction = static_cast<double>(part) / static_cast<double>(whole);
    out.actual = fraction;
    out.whole = static_cast<double>(whole);
    reached = goal.required_share.reached(part, whole);
    progress = goal.required_share.numerator == 0 ? 1.0 : fraction / goal.required_share.value();
  } else {
    part = subtree ? tally.below_ok[c] : tally.children_ok[c];
    const std::uint64_t whole = subtree ? tally.below_counted[c] : tally.children_counted[c];
    const std::uint64_t needed = goal.all ? whole : goal.count;
    if (needed == 0) return out;
    out.actual = static_cast<double>(part);
    out.whole = static_cast<double>(whole);
    reached = part >= needed;
    progress = static_cast<double>(part) / static_cast<double>(needed);
  }
  // The exact integer comparison decides; progress is kept consistent with it.
  out.score.progress =
      reached ? std::max(progress, 1.0) : std::min(progress, std::nextafter(1.0, 0.0));
  out.score.reached = reached;
  out.score.has_data = true;
  out.part = static_cast<double>(part);
  return out;
}

}  // namespace goaltrack::detail
