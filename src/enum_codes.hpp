#pragma once
// Private: tables that map enums to their stable text codes and back, so every enum
// is printed and parsed the same way (files, reports, bindings). Each value may also
// have Vietnamese names, the words a Vietnamese spreadsheet uses for it ("số lượng" for
// quantity): parsing accepts them, and a code or name typed in another case or without
// diacritics (unicode.hpp), so that "Hoàn thành", "hoàn thành" and "hoan thanh" all
// mean completed. The tables are the one place these names are written.

#include <array>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/error.hpp"
#include "unicode.hpp"

namespace goaltrack::detail {

/// One value of an enum: its code, and its Vietnamese names separated by '|', the first
/// the one written for Vietnamese readers ("hoàn thành|đã hoàn thành").
template <class Enum>
struct coded {
  Enum value;
  std::string_view code;
  std::string_view vi = {};
};

template <class Enum, std::size_t N>
using code_list = std::array<coded<Enum>, N>;

/// Calls f(name) for each name of a '|'-separated list ("hoàn thành|đã hoàn thành"); stops
/// early, returning true, when f returns true.
template <class F>
bool for_each_name(std::string_view names, F f) {
  for (std::string_view rest = names; !rest.empty();) {
    const std::size_t bar = rest.find('|');
    if (f(rest.substr(0, bar))) return true;
    rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
  }
  return false;
}

template <class Enum, std::size_t N>
std::string_view code_of(const code_list<Enum, N>& table, Enum e) noexcept {
  for (const auto& entry : table) {
    if (entry.value == e) return entry.code;
  }
  return "?";
}

/// The first Vietnamese name of `e`, or its code when it has none.
template <class Enum, std::size_t N>
std::string_view vi_name_of(const code_list<Enum, N>& table, Enum e) noexcept {
  for (const auto& entry : table) {
    if (entry.value == e)
      return entry.vi.empty() ? entry.code : entry.vi.substr(0, entry.vi.find('|'));
  }
  return "?";
}

/// True when `e` is one of its enum's values: its to_string (code_of) names every value
/// and gives "?" to any other number of the enum's type, as a damaged file may hold.
template <class Enum>
bool is_known(Enum e) noexcept {
  return to_string(e) != std::string_view("?");
}

/// The value whose code is `text`, exactly; none when no value has it.
template <class Enum, std::size_t N>
std::optional<Enum> find_code(const code_list<Enum, N>& table, std::string_view text) noexcept {
  for (const auto& entry : table) {
    if (entry.code == text) return entry.value;
  }
  return std::nullopt;
}

/// Every code and Vietnamese name of `table`, and the value each names.
template <class Enum, std::size_t N>
void all_names(const code_list<Enum, N>& table, std::vector<std::string_view>& names,
               std::vector<Enum>& values) {
  for (const auto& entry : table) {
    names.push_back(entry.code);
    values.push_back(entry.value);
    for_each_name(entry.vi, [&](std::string_view name) {
      names.push_back(name);
      values.push_back(entry.value);
      return false;
    });
  }
}

/// The value that `text` names: a code, exactly or loosely (find_loosely), or a
/// Vietnamese name. @throws parse_error naming `what`, the text, the accepted codes and
/// the nearest name when it looks like a typing slip.
template <class Enum, std::size_t N>
Enum parse_code(const code_list<Enum, N>& table, std::string_view text, std::string_view what) {
  if (const auto value = find_code(table, text)) return *value;
  // A Vietnamese name as written, without building the lists below: a Vietnamese file
  // names its values so on every row.
  for (const auto& entry : table) {
    if (for_each_name(entry.vi, [&](std::string_view name) { return name == text; })) {
      return entry.value;
    }
  }
  std::vector<std::string_view> names;
  std::vector<Enum> values;
  all_names(table, names, values);
  if (const auto i = find_loosely(names, text)) return values[*i];
  std::string known;
  for (const auto& entry : table) known += (known.empty() ? "" : ", ") + std::string(entry.code);
  throw parse_error(std::string(what) + " '" + std::string(text) + "' is not one of: " + known +
                    did_you_mean(names, text));
}

}  // namespace goaltrack::detail
