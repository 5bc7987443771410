#pragma once
// Private: enum values by name in either language of export (csv_dialect::names): the
// code (to_string: "quantity") or the first Vietnamese name ("số lượng"), and the names
// of all of an enum's values, as a spreadsheet's list of choices offers them. Each
// vi_name is defined next to its enum's code table (enum_codes.hpp: target.cpp, task.cpp,
// status.cpp, rollup.cpp, plan_label.cpp, language.cpp), which stays the one place the
// names are written. (entity_names.hpp is another matter: the kinds of entity_ref.)

#include <string>
#include <string_view>
#include <type_traits>
#include <vector>

#include "goaltrack/label.hpp"
#include "goaltrack/language.hpp"
#include "goaltrack/rollup.hpp"
#include "goaltrack/status.hpp"
#include "goaltrack/target.hpp"
#include "goaltrack/task.hpp"

namespace goaltrack::detail {

// The first Vietnamese name of each value (its code when it has none; "?" for a number
// that is no value of the enum, as to_string gives).
std::string_view vi_name(target_kind k) noexcept;
std::string_view vi_name(goal_kind g) noexcept;
std::string_view vi_name(trend t) noexcept;
std::string_view vi_name(rating_scope s) noexcept;
std::string_view vi_name(collective_criterion c) noexcept;
std::string_view vi_name(aggregation a) noexcept;
std::string_view vi_name(scoring_method m) noexcept;
std::string_view vi_name(expectation e) noexcept;
std::string_view vi_name(plan_basis b) noexcept;
std::string_view vi_name(tree_aggregation a) noexcept;
std::string_view vi_name(task_kind k) noexcept;
std::string_view vi_name(task_status s) noexcept;
std::string_view vi_name(target_status s) noexcept;
std::string_view vi_name(band_basis b) noexcept;
std::string_view vi_name(band_phase p) noexcept;
std::string_view vi_name(rollup_method m) noexcept;
std::string_view vi_name(rollup_scope s) noexcept;
std::string_view vi_name(label_part p) noexcept;
std::string_view vi_name(language l) noexcept;

/// An enum with a code (to_string) and a Vietnamese name (vi_name) per value.
template <class T>
concept named_enum = std::is_enum_v<T> && requires(T v) {
  vi_name(v);
  to_string(v);
};

/// `e` as written in `names`: its code in English, its first Vietnamese name in Vietnamese.
template <named_enum Enum>
std::string_view name_in(Enum e, language names) noexcept {
  return names == language::vi ? vi_name(e) : to_string(e);
}

/// The names in `names` of every value of Enum, in the order of their numbers.
template <named_enum Enum>
std::vector<std::string> names_of_all(language names) {
  static_assert(sizeof(Enum) == 1, "every value of a one-byte enum is tried");
  std::vector<std::string> out;
  for (unsigned n = 0; n < 256; ++n) {
    const auto e = static_cast<Enum>(n);
    if (to_string(e) != std::string_view("?")) out.emplace_back(name_in(e, names));
  }
  return out;
}

}  // namespace goaltrack::detail
