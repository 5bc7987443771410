// Least-squares lines through check-ins (stages.hpp): the trend of direction targets, their
// level change, and forecasts (evaluation.hpp's level_change and target_forecast).

#include <Eigen/Dense>
#include <cmath>

#include "stages.hpp"

namespace goaltrack::detail {

std::optional<fitted_line> fit_line(const check_ins& points) {
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
  if (qr.rank() < 2) return std::nullopt;  // every check-in on one day
  const Eigen::Vector2d beta = qr.solve(y);
  fitted_line line;
  line.origin = origin;
  line.intercept = beta(0);
  line.slope = beta(1);
  line.mean_value = y.mean();
  line.mean_day = design.col(1).mean();
  line.sxx = (design.col(1).array() - line.mean_day).square().sum();
  line.rss = (y - design * beta).squaredNorm();
  line.n = points.size();
  return line;
}

std::pair<check_ins::const_iterator, check_ins::const_iterator> first_and_last(
    const check_ins& points) noexcept {
  auto first = points.begin();
  auto last = points.begin();
  for (auto it = points.begin(); it != points.end(); ++it) {
    if (it->first <= first->first) first = it;
    if (it->first >= last->first) last = it;
  }
  return {first, last};
}

std::optional<projection> project(const check_ins& series, aggregation how, std::int32_t last_day,
                                  std::uint32_t min_points) {
  if (series.size() < min_points) return std::nullopt;
  // A flow's actual is its running total; a count's, the check-ins so far.
  check_ins running = series;
  double total = 0;
  for (std::size_t i = 0; i < running.size(); ++i) {
    total += series[i].second;
    if (how == aggregation::sum) running[i].second = total;
    if (how == aggregation::count) running[i].second = static_cast<double>(i + 1);
  }
  const std::optional<fitted_line> line = fit_line(running);
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

std::optional<double> trend_score(const check_ins& points, std::int32_t period_days, trend wanted) {
  const std::optional<fitted_line> line = fit_line(points);
  if (!line) return std::nullopt;
  double r = line->slope * static_cast<double>(period_days);
  if (line->mean_value != 0.0) r /= std::fabs(line->mean_value);
  return wanted == trend::increase ? r : -r;
}

}  // namespace goaltrack::detail
