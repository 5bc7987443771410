// Least-squares lines through check-ins (stages.hpp): the trend of direction targets, their
// level change, and forecasts (evaluation.hpp's level_change and target_forecast).

#include <Eigen/Dense>
#include <cmath>

#include "stages.hpp"

namespace goaltrack::detail {

std::optional<fitted_line> fit_line(check_in_span points) noexcept {
  if (points.size() < 2) return std::nullopt;
  fitted_line line;
  line.origin = static_cast<double>(points.front().first);
  line.n = points.size();
  const auto n = static_cast<double>(line.n);
  const auto x = [&](const check_in_point& c) {
    return static_cast<double>(c.first) - line.origin;
  };
  for (const check_in_point& c : points) {
    line.mean_day += x(c) / n;
    line.mean_value += c.second / n;
  }
  // The normal equations of value = b0 + b1 (x - mean day): centring keeps them well
  // conditioned; a fixed-size system needs no allocation.
  Eigen::Matrix2d normal = Eigen::Matrix2d::Zero();
  Eigen::Vector2d moment = Eigen::Vector2d::Zero();
  for (const check_in_point& c : points) {
    const Eigen::Vector2d row(1.0, x(c) - line.mean_day);
    normal += row * row.transpose();
    moment += row * c.second;
  }
  line.sxx = normal(1, 1);
  if (!(line.sxx > 0)) return std::nullopt;  // every check-in on one day (whole days)
  const Eigen::Vector2d beta = normal.ldlt().solve(moment);
  line.slope = beta(1);
  line.intercept = beta(0) - beta(1) * line.mean_day;
  for (const check_in_point& c : points) {
    const double residual = c.second - line.at(c.first);
    line.rss += residual * residual;
  }
  return line;
}

std::pair<const check_in_point*, const check_in_point*> first_and_last(
    check_in_span points) noexcept {
  const check_in_point* first = points.data();
  const check_in_point* last = points.data();
  for (const check_in_point& c : points) {
    if (c.first <= first->first) first = &c;
    if (c.first >= last->first) last = &c;
  }
  return {first, last};
}

std::optional<projection> project(check_in_span series, aggregation how, std::int32_t last_day,
                                  std::uint32_t min_points, check_ins& scratch) {
  if (series.size() < min_points) return std::nullopt;
  // A flow's actual is its running total; a count's, the check-ins so far.
  check_in_span fitted = series;
  if (how == aggregation::sum || how == aggregation::count) {
    scratch.assign(series.begin(), series.end());
    double total = 0;
    for (std::size_t i = 0; i < scratch.size(); ++i) {
      total += series[i].second;
      scratch[i].second = how == aggregation::sum ? total : static_cast<double>(i + 1);
    }
    fitted = scratch;
  }
  const std::optional<fitted_line> line = fit_line(fitted);
  if (!line) return std::nullopt;
  // The standard error of a new observation at x0 = E: s sqrt(1 + 1/n + (x0 - xbar)^2 / Sxx),
  // s^2 = RSS / (n - 2) (Montgomery & Runger, "Applied Statistics and Probability for
  // Engineers", prediction interval of a future observation).
  const auto n = static_cast<double>(line->n);
  const double x0 = static_cast<double>(last_day) - line->origin;
  const double s2 = line->rss / (n - 2);
  const double spread =
      std::sqrt(s2 * (1 + 1 / n + (x0 - line->mean_day) * (x0 - line->mean_day) / line->sxx));
  return projection{line->at(last_day), spread, static_cast<std::uint32_t>(line->n)};
}

std::optional<double> trend_score(check_in_span points, std::int32_t period_days, trend wanted) {
  const std::optional<fitted_line> line = fit_line(points);
  if (!line) return std::nullopt;
  double r = line->slope * static_cast<double>(period_days);
  if (line->mean_value != 0.0) r /= std::fabs(line->mean_value);
  return wanted == trend::increase ? r : -r;
}

}  // namespace goaltrack::detail
