// Stage 3 of evaluate(): expected progress and status (stages.hpp; the rules are
// evaluation.hpp's).

#include <algorithm>

#include "stages.hpp"

namespace goaltrack::detail {

double expected_by_days(std::int32_t as_of_day, std::int32_t first_day,
                        std::int32_t last_day) noexcept {
  return std::clamp(static_cast<double>(as_of_day - first_day + 1) /
                        static_cast<double>(last_day - first_day + 1),
                    0.0, 1.0);
}

target_status judge(const target_score& score, double expected, bool ended,
                    const evaluation_policy& policy) noexcept {
  if (score.reached) return target_status::achieved;
  if (ended && policy.missed_after_end) return target_status::missed;
  if (score.progress >= expected - policy.on_track_margin) return target_status::on_track;
  if (score.progress >= expected - policy.at_risk_margin) return target_status::at_risk;
  return target_status::off_track;
}

target_status judge_trend(double r, bool ended, const evaluation_policy& policy) noexcept {
  const double tol = policy.trend_tolerance;
  if (ended) {
    if (r > tol) return target_status::achieved;
    return policy.missed_after_end ? target_status::missed : target_status::off_track;
  }
  if (r > tol) return target_status::on_track;
  return r >= -tol ? target_status::at_risk : target_status::off_track;
}

}  // namespace goaltrack::detail
