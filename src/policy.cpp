#include "goaltrack/policy.hpp"

#include <cmath>

#include "goaltrack/error.hpp"

namespace goaltrack {

void evaluation_policy::validate() const {
  const auto bad = [](double v) { return !std::isfinite(v) || v < 0; };
  if (bad(on_track_margin))
    throw invalid_argument("policy: on_track_margin must be finite and >= 0");
  if (bad(at_risk_margin) || at_risk_margin < on_track_margin) {
    throw invalid_argument("policy: at_risk_margin must be finite and >= on_track_margin");
  }
  if (bad(trend_tolerance))
    throw invalid_argument("policy: trend_tolerance must be finite and >= 0");
}

}  // namespace goaltrack
