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

period_state period_state_of(std::int32_t as_of_day, std::int32_t last_day, bool decided_rating,
                             const evaluation_policy& policy) noexcept {
  period_state st;
  st.ended = as_of_day > last_day;
  st.closed = (st.ended && policy.missed_after_end) ||
              (policy.close_at_period_end && (as_of_day >= last_day || decided_rating));
  return st;
}

target_status judge(const target_score& score, double expected, period_state period, bool limit,
                    bool has_baseline, const evaluation_policy& policy) noexcept {
  const bool open = !period.ended && !period.closed;
  if (score.reached) return limit && open ? target_status::within_so_far : target_status::achieved;
  if (period.closed) return target_status::missed;
  if (limit && !has_baseline && open) return target_status::off_track;
  if (score.progress >= expected - policy.on_track_margin) return target_status::on_track;
  if (score.progress >= expected - policy.at_risk_margin) return target_status::at_risk;
  return target_status::off_track;
}

target_status judge_trend(double r, period_state period, const evaluation_policy& policy) noexcept {
  const double tol = policy.trend_tolerance;
  if (period.ended || period.closed) {
    if (r > tol) return target_status::achieved;
    return period.closed ? target_status::missed : target_status::off_track;
  }
  if (r > tol) return target_status::on_track;
  return r >= -tol ? target_status::at_risk : target_status::off_track;
}

}  // namespace goaltrack::detail
