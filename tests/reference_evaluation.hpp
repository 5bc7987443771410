#pragma once
/// @file
/// A second, deliberately plain implementation of evaluation.hpp's rules under the default
/// policy, for property tests: one target at a time, the measurements scanned whole, the
/// formulas of target.hpp's first table written out again. It covers the targets that
/// take their latest measurement and are scored by their goal (numeric, milestone) and
/// the direction targets scored by their trend; it knows nothing of the pipeline's
/// columns, stages or methods, so that agreeing with it is evidence, not tautology.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>
#include <vector>

#include "goaltrack/evaluation.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack_test {

/// The reference's view of one target: its status, and its progress where it has one.
struct reference_result {
  goaltrack::target_status status = goaltrack::target_status::no_data;
  std::optional<double> progress;
};

/// True for the targets the reference judges (see the file's documentation).
inline bool reference_covers(const goaltrack::target& t) {
  using namespace goaltrack;
  if (t.kind == target_kind::direction) return t.scoring == scoring_method::by_goal;
  return (t.is_numeric() || t.kind == target_kind::milestone) &&
         t.over_tree == tree_aggregation::none && t.over_time == aggregation::latest &&
         t.scoring == scoring_method::by_goal && t.expected_by == expectation::days;
}

namespace reference_detail {

inline double progress_by_goal(const goaltrack::target& t, double a) {
  using goaltrack::goal_kind;
  if (t.kind == goaltrack::target_kind::milestone) {
    if (t.item_weights.empty()) {
      return a / static_cast<double>(std::max<std::size_t>(1, t.checklist.size()));
    }
    double done = 0, total = 0;  // whole a: the first a stages
    for (std::size_t i = 0; i < t.item_weights.size(); ++i) {
      total += t.item_weights[i];
      if (static_cast<double>(i) < a) done += t.item_weights[i];
    }
    return done / total;
  }
  const double g = t.goal_level();
  const std::optional<double> b = t.baseline;
  switch (t.goal) {
    case goal_kind::increase_to:
    case goal_kind::decrease_to:
    case goal_kind::increase_by:
    case goal_kind::decrease_by:
      return (a - *b) / (g - *b);
    case goal_kind::at_least:
      if (b && *b < g) return (a - *b) / (g - *b);
      if (g > 0) return a / g;
      return a >= g ? 1.0 : 0.0;
    case goal_kind::at_most:
      if (b && *b > g) return (a - *b) / (g - *b);
      return a <= g ? 1.0 : 0.0;
    case goal_kind::within: {
      const auto dist = [&](double x) {
        if (x < t.goal_value) return t.goal_value - x;
        return x > t.goal_high ? x - t.goal_high : 0.0;
      };
      if (dist(a) == 0.0) return 1.0;
      return b ? (dist(*b) - dist(a)) / dist(*b) : 0.0;
    }
  }
  return std::numeric_limits<double>::quiet_NaN();
}

// The relative trend r of (day, value) points: the slope by the textbook formula
// Sxy / Sxx, times the period's days, over |mean value| (when not 0), signed to the wanted
// direction; none without two distinct days.
inline std::optional<double> trend_of(const std::vector<std::pair<double, double>>& pts,
                                      double period_days, goaltrack::trend wanted) {
  if (pts.size() < 2) return std::nullopt;
  double mx = 0, my = 0;
  for (const auto& [x, y] : pts) {
    mx += x;
    my += y;
  }
  mx /= static_cast<double>(pts.size());
  my /= static_cast<double>(pts.size());
  double sxx = 0, sxy = 0;
  for (const auto& [x, y] : pts) {
    sxx += (x - mx) * (x - mx);
    sxy += (x - mx) * (y - my);
  }
  if (sxx == 0) return std::nullopt;
  double r = sxy / sxx * period_days;
  if (my != 0) r /= std::fabs(my);
  return wanted == goaltrack::trend::increase ? r : -r;
}

}  // namespace reference_detail

/// The default policy's judgement of target `id` of `p` as of `as_of`.
inline reference_result reference_evaluate(const goaltrack::plan& p, goaltrack::target_id id,
                                           goaltrack::date as_of) {
  using namespace goaltrack;
  const target t = p.get(id);
  const std::int32_t A = day_number(as_of);
  const std::int32_t S = day_number(t.span.first());
  const std::int32_t E = day_number(t.span.last());
  const measurement_table& ms = p.measurements();
  reference_result out;
  if (A < S) {
    out.status = target_status::not_started;
    if (t.kind == target_kind::direction) return out;
  }
  if (t.kind == target_kind::direction) {
    std::vector<std::pair<double, double>> pts;
    for (std::size_t i = 0; i < ms.size(); ++i) {
      if (ms.targets()[i] == id && ms.days()[i] >= S && ms.days()[i] <= A) {
        pts.emplace_back(static_cast<double>(ms.days()[i]), ms.values()[i]);
      }
    }
    const auto r = reference_detail::trend_of(pts, static_cast<double>(E - S + 1), t.wanted);
    if (!r) return out;
    const double tol = evaluation_policy{}.trend_tolerance;
    if (A > E) {
      out.status = *r > tol ? target_status::achieved : target_status::missed;
    } else if (*r > tol) {
      out.status = target_status::on_track;
    } else {
      out.status = *r >= -tol ? target_status::at_risk : target_status::off_track;
    }
    return out;
  }
  std::optional<std::size_t> latest;
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (ms.targets()[i] != id || ms.days()[i] > A) continue;
    if (!latest || ms.days()[i] >= ms.days()[*latest]) latest = i;
  }
  if (!latest) return out;
  double a = ms.values()[*latest];
  if (t.kind == target_kind::ratio) a /= ms.denominators()[*latest];
  const double progress = reference_detail::progress_by_goal(t, a);
  out.progress = progress;
  if (A < S) return out;  // not_started, its figure shown
  const evaluation_policy policy;
  const double expected =
      std::clamp(static_cast<double>(A - S + 1) / static_cast<double>(E - S + 1), 0.0, 1.0);
  const bool limit =
      t.is_numeric() && (t.goal == goal_kind::at_most || t.goal == goal_kind::within);
  const bool ended = A > E;
  if (limit && progress >= 1.0 && !ended) {
    out.status = target_status::within_so_far;
  } else if (progress >= 1.0) {
    out.status = target_status::achieved;
  } else if (ended) {
    out.status = target_status::missed;
  } else if (limit && !t.baseline) {
    out.status = target_status::off_track;
  } else if (progress >= expected - policy.on_track_margin) {
    out.status = target_status::on_track;
  } else if (progress >= expected - policy.at_risk_margin) {
    out.status = target_status::at_risk;
  } else {
    out.status = target_status::off_track;
  }
  return out;
}

}  // namespace goaltrack_test
