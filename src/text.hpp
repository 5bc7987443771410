#pragma once
// Private, locale-independent text helpers shared by the library's parsers.

#include <algorithm>
#include <cctype>
#include <charconv>
#include <cstdint>
#include <string>
#include <string_view>
#include <system_error>

namespace goaltrack::detail {

/// Parses the whole of `s` as a decimal integer; false on any other character or overflow.
template <class Int>
bool parse_int(std::string_view s, Int& out) {
  const char* end = s.data() + s.size();
  auto [p, ec] = std::from_chars(s.data(), end, out);
  return ec == std::errc() && p == end;
}

/// True for a colour written "#rrggbb" (hexadecimal digits of either case).
inline bool is_hex_colour(std::string_view c) {
  return c.size() == 7 && c[0] == '#' && std::all_of(c.begin() + 1, c.end(), [](char ch) {
           return std::isxdigit(static_cast<unsigned char>(ch)) != 0;
         });
}

/// `s` in single quotes, as messages name codes and texts.
inline std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

/// An id's value for messages, "(none)" for the unset id.
inline std::string id_text(std::uint32_t v) {
  return v == UINT32_MAX ? "(none)" : std::to_string(v);
}

}  // namespace goaltrack::detail
