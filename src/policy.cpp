#include "goaltrack/policy.hpp"

#include <array>
#include <cmath>
#include <string>

#include "goaltrack/error.hpp"
#include "schema.hpp"

namespace goaltrack {

void evaluation_policy::validate(std::string_view name) const {
  const auto fail = [&](const std::string& what) {
    throw invalid_argument(std::string(name) + ": " + what);
  };
  detail::check_texts(*this, name);
  const auto bad = [](double v) { return !std::isfinite(v) || v < 0; };
  if (bad(on_track_margin)) fail("on_track_margin must be finite and >= 0");
  if (bad(at_risk_margin) || at_risk_margin < on_track_margin) {
    fail("at_risk_margin must be finite and >= on_track_margin");
  }
  if (bad(trend_tolerance)) fail("trend_tolerance must be finite and >= 0");
  for (std::size_t i = 0; i < rating_summaries.size(); ++i) {
    const share s = rating_summaries[i].required_share;
    if (!s.valid()) {
      fail("rating summary " + std::to_string(i + 1) + ": required share " +
           std::to_string(s.numerator) + "/" + std::to_string(s.denominator) +
           " is not a share (its denominator must be > 0 and it must be at most 100%)");
    }
  }
}

namespace {

// The shipped presets, each its code and how it differs from the default: one table, which
// policy_preset_codes lists and policy_preset reads.
struct preset {
  std::string_view code;
  bool close_at_period_end;
};
constexpr std::array<preset, 2> presets{{{"default", false}, {"year_end_review", true}}};
constexpr std::array<std::string_view, presets.size()> preset_codes = [] {
  std::array<std::string_view, presets.size()> codes{};
  for (std::size_t i = 0; i < presets.size(); ++i) codes[i] = presets[i].code;
  return codes;
}();

}  // namespace

std::span<const std::string_view> policy_preset_codes() noexcept { return preset_codes; }

evaluation_policy policy_preset(std::string_view code) {
  for (const preset& each : presets) {
    if (each.code != code) continue;
    evaluation_policy p;
    p.close_at_period_end = each.close_at_period_end;
    return p;
  }
  std::string known;
  for (const std::string_view c : preset_codes)
    known += (known.empty() ? "" : ", ") + std::string(c);
  throw not_found("no policy preset '" + std::string(code) + "' (presets: " + known + ")");
}

}  // namespace goaltrack
