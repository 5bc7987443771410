// Stage 2 of evaluate(): scores (stages.hpp). The formulas are target.hpp's table.

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>

#include "stages.hpp"

namespace goaltrack::detail {

double numeric_progress(const target_row& t, double a, std::size_t checklist_items) noexcept {
  if (t.kind == target_kind::milestone) {
    return a / static_cast<double>(std::max<std::size_t>(1, checklist_items));
  }
  const double b = t.baseline;
  const bool has_b = t.has_baseline();
  switch (t.goal) {
    case goal_kind::increase_to:
    case goal_kind::decrease_to:
      return (a - b) / (t.goal_value - b);
    case goal_kind::increase_by:
      return (a - b) / ((b + t.goal_value) - b);
    case goal_kind::decrease_by:
      return (a - b) / ((b - t.goal_value) - b);
    case goal_kind::at_least:
      if (has_b) return (a - b) / (t.goal_value - b);
      if (t.goal_value > 0) return a / t.goal_value;
      return a >= t.goal_value ? 1.0 : 0.0;
    case goal_kind::at_most:
      if (has_b) return (a - b) / (t.goal_value - b);
      return a <= t.goal_value ? 1.0 : 0.0;
    case goal_kind::within: {
      const auto dist = [&](double x) {
        return x < t.goal_value ? t.goal_value - x : (x > t.goal_high ? x - t.goal_high : 0.0);
      };
      if (dist(a) == 0.0) return 1.0;
      return has_b ? (dist(b) - dist(a)) / dist(b) : 0.0;
    }
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

std::optional<double> trend_score(const check_ins& points, std::int32_t period_days, trend wanted) {
  if (points.size() < 2) return std::nullopt;
  const auto n = static_cast<Eigen::Index>(points.size());
  Eigen::MatrixXd design(n, 2);
  Eigen::VectorXd y(n);
  const double origin = static_cast<double>(points.front().first);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& [day, value] = points[static_cast<std::size_t>(i)];
    design(i, 0) = 1.0;
    design(i, 1) = static_cast<double>(day) - origin;
    y(i) = value;
  }
  const auto qr = design.colPivHouseholderQr();
  if (qr.rank() < 2) return std::nullopt;
  const Eigen::Vector2d beta = qr.solve(y);
  const double mean = y.mean();
  double r = beta(1) * static_cast<double>(period_days);
  if (mean != 0.0) r /= std::fabs(mean);
  return wanted == trend::increase ? r : -r;
}

}  // namespace goaltrack::detail
