#include "goaltrack/rate.hpp"

#include <cmath>
#include <cstdint>
#include <string>

#include "enum_codes.hpp"
#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

constexpr detail::code_list<rounding, 2> rounding_codes{{
    {rounding::half_away_from_zero, "half_away_from_zero"},
    {rounding::truncate, "truncate"},
}};

// Whole numbers up to 2^53 are the doubles that hold counts exactly.
constexpr double exact_limit = 9007199254740992.0;  // 2^53

bool whole(double x) noexcept { return x <= exact_limit && std::trunc(x) == x; }

// 128-bit integers (a GCC and Clang extension) hold n * 10^8 for any n up to 2^53.
__extension__ using wide = unsigned __int128;

constexpr long double int64_limit = 9223372036854775807.0L;

[[noreturn]] void too_large(double numerator, double denominator) {
  throw invalid_argument("rate: " + std::to_string(numerator) + " / " +
                         std::to_string(denominator) + " is too large to print as a percentage");
}

// n / d cut by `mode`, for whole n, d (d > 0): q = floor(n / d) when truncating, else
// floor((2n + d) / 2d), the nearest with a half rounded up (the parts are never negative,
// so up is away from zero). None when q does not fit in 64 bits.
std::optional<std::int64_t> cut_exact(wide n, wide d, rounding mode) noexcept {
  const wide q = mode == rounding::truncate ? n / d : (2 * n + d) / (2 * d);
  if (q > static_cast<wide>(INT64_MAX)) return std::nullopt;
  return static_cast<std::int64_t>(q);
}

}  // namespace

std::string_view to_string(rounding r) noexcept { return detail::code_of(rounding_codes, r); }
rounding parse_rounding(std::string_view code) {
  return detail::parse_code(rounding_codes, code, "rounding");
}

std::optional<double> rate::value() const noexcept {
  if (!(denominator > 0)) return std::nullopt;
  return numerator / denominator;
}

std::optional<std::int64_t> rate::percent_units(int decimals, rounding mode) const {
  if (decimals < 0 || decimals > max_rate_decimals) {
    throw invalid_argument("rate: decimals must be 0.." + std::to_string(max_rate_decimals) +
                           ", not " + std::to_string(decimals));
  }
  if (!std::isfinite(numerator) || !std::isfinite(denominator) || numerator < 0 ||
      denominator < 0) {
    throw invalid_argument("rate: numerator and denominator must be finite and >= 0 (" +
                           std::to_string(numerator) + " / " + std::to_string(denominator) + ")");
  }
  if (denominator == 0) return std::nullopt;
  // units = numerator * 100 * 10^decimals / denominator.
  std::uint64_t scale = 100;
  for (int i = 0; i < decimals; ++i) scale *= 10;
  if (whole(numerator) && whole(denominator)) {
    const auto units =
        cut_exact(static_cast<wide>(numerator) * scale, static_cast<wide>(denominator), mode);
    if (!units) too_large(numerator, denominator);
    return units;
  }
  const long double scaled =
      static_cast<long double>(numerator) * static_cast<long double>(scale) / denominator;
  const long double cut =
      mode == rounding::truncate ? std::floor(scaled) : std::floor(scaled + 0.5L);
  if (cut >= int64_limit) too_large(numerator, denominator);
  return static_cast<std::int64_t>(cut);
}

}  // namespace goaltrack
