#pragma once
// Private: tables that map enums to their stable text codes and back, so every enum
// is printed and parsed the same way (files, reports, bindings).

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <utility>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {

template <class Enum, std::size_t N>
using code_list = std::array<std::pair<Enum, std::string_view>, N>;

template <class Enum, std::size_t N>
std::string_view code_of(const code_list<Enum, N>& table, Enum e) noexcept {
  for (const auto& [value, code] : table) {
    if (value == e) return code;
  }
  return "?";
}

/// True when `e` is one of its enum's values: its to_string (code_of) names every value
/// and gives "?" to any other number of the enum's type, as a damaged file may hold.
template <class Enum>
bool is_known(Enum e) noexcept {
  return to_string(e) != std::string_view("?");
}

/// The value whose code is `text`; none when no value has it.
template <class Enum, std::size_t N>
std::optional<Enum> find_code(const code_list<Enum, N>& table, std::string_view text) noexcept {
  for (const auto& [value, code] : table) {
    if (code == text) return value;
  }
  return std::nullopt;
}

/// @throws parse_error naming `what`, the text and the accepted codes.
template <class Enum, std::size_t N>
Enum parse_code(const code_list<Enum, N>& table, std::string_view text, std::string_view what) {
  if (const auto value = find_code(table, text)) return *value;
  std::string known;
  for (const auto& entry : table) known += (known.empty() ? "" : ", ") + std::string(entry.second);
  throw parse_error(std::string(what) + " '" + std::string(text) + "' is not one of: " + known);
}

}  // namespace goaltrack::detail
