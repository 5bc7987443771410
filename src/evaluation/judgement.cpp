// Stage 3 of evaluate(): expected progress and status (stages.hpp; the rules are
// evaluation.hpp's).

#include <algorithm>
#include <span>

#include "stages.hpp"
#include "status_index.hpp"

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

namespace {

constexpr auto as_index = judgement_scheme::index;

// The status of the band of `bands` that holds `progress` (edges shifted by `offset`);
// no_data when none does, which only a NaN progress can cause in a valid policy's bands.
std::uint16_t band_status(std::span<const judgement_scheme::band> bands, double progress,
                          double offset) noexcept {
  for (const auto& b : bands) {
    if (b.edges.holds(progress, offset)) return b.status;
  }
  return as_index(target_status::no_data);
}

}  // namespace

judgement_scheme judgement_scheme::of(const evaluation_policy& policy) {
  judgement_scheme s;
  s.basis = policy.basis;
  for (std::size_t i = 0; i < target_status_count; ++i) {
    s.category.push_back(static_cast<target_status>(i));
  }
  for (const status_definition& d : policy.statuses) s.category.push_back(d.category);
  for (const status_band& b : policy.bands) {
    auto& phase = b.phase == band_phase::open ? s.open : s.closed;
    // validate has checked that every band names a status.
    phase.push_back(
        {b, status_index_of(b.status, policy).value_or(as_index(target_status::no_data))});
  }
  return s;
}

std::uint16_t judge(const target_score& score, double expected, period_state period, bool limit,
                    bool has_baseline, const evaluation_policy& policy,
                    const judgement_scheme& scheme) noexcept {
  const bool open = !period.ended && !period.closed;
  // A limit met so far is not yet achieved: only its closing decides.
  if (score.reached && limit && open) return as_index(target_status::within_so_far);
  if (period.closed) {
    if (!scheme.closed.empty()) return band_status(scheme.closed, score.progress, 0.0);
    return as_index(score.reached ? target_status::achieved : target_status::missed);
  }
  if (score.reached && (policy.reached_is_achieved || !open)) {
    return as_index(target_status::achieved);
  }
  // A cap or range without a baseline has no pace: violated while open, it is off track.
  if (limit && !has_baseline && open) return as_index(target_status::off_track);
  if (!scheme.open.empty()) {
    const double offset = scheme.basis == band_basis::pace ? expected : 0.0;
    return band_status(scheme.open, score.progress, offset);
  }
  if (score.progress >= expected - policy.on_track_margin) return as_index(target_status::on_track);
  if (score.progress >= expected - policy.at_risk_margin) return as_index(target_status::at_risk);
  return as_index(target_status::off_track);
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
