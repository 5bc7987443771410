#pragma once
/// @file
/// Rates as reports print them: an exact fraction of two counts or two sums of weights
/// (1,240 completed of 1,600 assigned) and the rounding a report chooses for it. Government
/// task-completion reports often cut a rate rather than round it, so that it is never
/// overstated: 1,491 of 1,600 is 93.1875%, "93.2%" rounded and "93.1%" cut at one decimal.
/// format_rate (report.hpp) prints one.

#include <cstdint>
#include <optional>
#include <string_view>

#include "goaltrack/export.hpp"

namespace goaltrack {

/// How a figure is cut to the decimals it is printed with.
enum class rounding : std::uint8_t {
  half_away_from_zero,  ///< to the nearest, a half away from zero: 93.1875% is 93.2%
  truncate,             ///< toward zero: 93.1875% is 93.1% (never overstated)
};
/// The stable code of a rounding: "half_away_from_zero" or "truncate".
GOALTRACK_API std::string_view to_string(rounding r) noexcept;
/// The rounding with this code. @throws parse_error naming the text.
GOALTRACK_API rounding parse_rounding(std::string_view code);

/// The largest number of decimals of a percentage that rate::percent_units gives.
inline constexpr int max_rate_decimals = 6;

/// A rate, numerator / denominator: two counts, or two sums of weights. Both are finite
/// and >= 0 (what the library computes always is).
struct GOALTRACK_API rate {
  double numerator = 0;
  double denominator = 0;

  /// numerator / denominator; none when the denominator is 0.
  [[nodiscard]] std::optional<double> value() const noexcept;
  /// The rate as a percentage in units of 10^-decimals percent, cut by `mode`: 1,240 / 1,600
  /// at one decimal is 775 (77.5%). Exact, in integers, when both parts are whole numbers up
  /// to 2^53 (every count); for other parts (fractional weights) it cuts the quotient
  /// computed in extended precision. None when the denominator is 0.
  /// @throws invalid_argument for decimals outside 0..max_rate_decimals, or a part that is
  ///         negative or not finite.
  [[nodiscard]] std::optional<std::int64_t> percent_units(int decimals, rounding mode) const;

  friend bool operator==(const rate&, const rate&) = default;
};

}  // namespace goaltrack
