#pragma once
// Private: what the SVG and HTML renderers share: escaping text for XML and HTML, and
// coordinates written the same way on every run.

#include <array>
#include <charconv>
#include <cmath>
#include <string>
#include <string_view>

#include "utf8.hpp"

namespace goaltrack::markup {

/// `s` with the five characters XML and HTML give meaning to as entities, so that text
/// shows as written in an element or an attribute value.
inline std::string escape(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (const char c : s) {
    switch (c) {
      case '&':
        out += "&amp;";
        break;
      case '<':
        out += "&lt;";
        break;
      case '>':
        out += "&gt;";
        break;
      case '"':
        out += "&quot;";
        break;
      case '\'':
        out += "&#39;";
        break;
      default:
        out += c;
    }
  }
  return out;
}

/// A coordinate with one decimal ("12.5", "0.0"; never "-0.0"): a tenth of a user unit
/// is below what a screen or a printer shows, and a fixed format keeps the output the
/// same on every run and platform (std::to_chars does not depend on the locale).
inline std::string coord(double v) {
  const double rounded = std::round(v * 10) / 10;
  std::array<char, 32> buffer{};
  const auto r = std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                               rounded == 0 ? 0.0 : rounded, std::chars_format::fixed, 1);
  return {buffer.data(), r.ptr};
}

/// `s` cut to at most `most` code points, the last of them "…" when it was cut.
inline std::string shorten(std::string_view s, std::size_t most) {
  if (detail::code_points(s) <= most) return std::string(s);
  std::size_t kept = 0;
  std::size_t i = 0;
  for (; i < s.size(); ++i) {
    if (detail::continues_utf8(s[i])) continue;
    if (kept == most - 1) break;
    ++kept;
  }
  return std::string(s.substr(0, i)) + "…";
}

}  // namespace goaltrack::markup
