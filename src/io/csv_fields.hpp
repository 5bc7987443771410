#pragma once
// Private: an entity's CSV columns read and written by walking its description
// (schema.hpp), so that a field of a plain type (text, number, optional number, flag,
// count or enum) needs no code here, in the layout or in the reader and writer: its
// column, position, parsing and formatting follow from the field.
//
// Fields of other types (references to other entities by code, periods, shares,
// levels) are handed to the caller's `special` handler, in column order, so that the
// issues of a row keep the order of its columns.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <tuple>
#include <type_traits>
#include <utility>

#include "enum_names.hpp"
#include "goaltrack/rollup.hpp"
#include "goaltrack/target.hpp"
#include "goaltrack/task.hpp"
#include "io/csv_import.hpp"
#include "io/csv_text.hpp"
#include "schema.hpp"

namespace goaltrack::detail::csv {

// --- enums: their codes ------------------------------------------------------------------

// The parser of each enum's codes (to_string writes them).
inline auto enum_parser(target_kind) { return &parse_target_kind; }
inline auto enum_parser(goal_kind) { return &parse_goal_kind; }
inline auto enum_parser(trend) { return &parse_trend; }
inline auto enum_parser(rating_scope) { return &parse_rating_scope; }
inline auto enum_parser(collective_criterion) { return &parse_collective_criterion; }
inline auto enum_parser(aggregation) { return &parse_aggregation; }
inline auto enum_parser(scoring_method) { return &parse_scoring_method; }
inline auto enum_parser(expectation) { return &parse_expectation; }
inline auto enum_parser(plan_basis) { return &parse_plan_basis; }
inline auto enum_parser(task_kind) { return &parse_task_kind; }
inline auto enum_parser(target_status) { return &parse_target_status; }
inline auto enum_parser(band_basis) { return &parse_band_basis; }
inline auto enum_parser(band_phase) { return &parse_band_phase; }
inline auto enum_parser(tree_aggregation) { return &parse_tree_aggregation; }
inline auto enum_parser(rollup_method) { return &parse_rollup_method; }
inline auto enum_parser(rollup_scope) { return &parse_rollup_scope; }

template <class T>
concept coded_enum = std::is_enum_v<T> && requires(T v) {
  enum_parser(v);
  to_string(v);
};

/// A type whose CSV cell this file reads and writes itself.
template <class T>
concept plain_cell = schema_detail::is_text<T> || std::is_same_v<T, double> ||
    std::is_same_v<T, std::optional<double>> || std::is_same_v<T, bool> ||
    std::is_same_v<T, std::uint32_t> || coded_enum<T>;

// --- walking the columns -----------------------------------------------------------------

namespace fields_detail {

// Calls f(field, value, defaults_value, enclosing, column) for every CSV column of `e`
// (a nested described struct flattened), `column` counting from `col`. Fields held
// elsewhere are skipped at compile time: f is never instantiated for them.
template <class Entity, class E, class F, std::size_t... I>
void visit_columns(E& e, const Entity& defaults, std::size_t& col, F& f,
                   std::index_sequence<I...>) {
  const auto one = [&](auto index) {
    constexpr const auto& fl = std::get<decltype(index)::value>(schema<Entity>::fields);
    using V = typename std::remove_cvref_t<decltype(fl)>::value_type;
    if constexpr (fl.csv.elsewhere) {
      return;
    } else if constexpr (described<V> && !schema_detail::is_text<V>) {
      visit_columns<V>(e.*fl.member, defaults.*fl.member, col, f,
                       std::make_index_sequence<field_count<V>>());
    } else {
      f(fl, e.*fl.member, defaults.*fl.member, e, col++);
    }
  };
  (one(std::integral_constant<std::size_t, I>()), ...);
}

template <class Entity, class E, class F>
void visit_columns(E& e, const Entity& defaults, std::size_t& col, F& f) {
  visit_columns<Entity>(e, defaults, col, f, std::make_index_sequence<field_count<Entity>>());
}

}  // namespace fields_detail

/// The call operators of all of `F`: handlers of the special fields, one per type.
template <class... F>
struct overloaded : F... {
  using F::operator()...;
};
template <class... F>
overloaded(F...) -> overloaded<F...>;

// --- reading -----------------------------------------------------------------------------

/// Reads the columns of `e` from the current row of `t`: plain cells into their fields (a
/// blank cell keeps the field's default), the others through special(value, enclosing,
/// column). @return false when a required plain column is blank (it is reported).
template <described Entity, class Special>
bool read_columns(table& t, Entity& e, Special&& special) {
  static const Entity defaults{};
  bool complete = true;
  std::size_t col = 0;
  const auto read = [&](const auto& fl, auto& value, const auto&, auto& enclosing, std::size_t c) {
    using V = std::remove_cvref_t<decltype(value)>;
    if constexpr (plain_cell<V>) {
      if (fl.csv.required && !t.required(c)) {
        complete = false;
        return;
      }
      if constexpr (schema_detail::is_text<V>) {
        value = V(t.text(c));
      } else if constexpr (std::is_same_v<V, double>) {
        value = t.number_or(c, value);
      } else if constexpr (std::is_same_v<V, std::optional<double>>) {
        value = t.number(c);
      } else if constexpr (std::is_same_v<V, bool>) {
        value = t.boolean(c).value_or(value);
      } else if constexpr (std::is_same_v<V, std::uint32_t>) {
        value = t.count(c).value_or(value);
      } else {
        value = t.code(c, enum_parser(value), value);
      }
    } else {
      special(value, enclosing, c);
    }
  };
  fields_detail::visit_columns<Entity>(e, defaults, col, read);
  return complete;
}

// --- writing -----------------------------------------------------------------------------

/// Writes a plain cell by its type with a CSV writer or another of the same calls
/// (csv_export.cpp): a flag by boolean(), an enum by its code or Vietnamese name as
/// w.names() says, a number or nothing.
template <class W, plain_cell V>
void write_plain(W& w, const V& value) {
  if constexpr (schema_detail::is_text<V>) {
    w.text(value);
  } else if constexpr (std::is_same_v<V, double>) {
    w.number(value);
  } else if constexpr (std::is_same_v<V, std::optional<double>>) {
    if (value) {
      w.number(*value);
    } else {
      w.blank();
    }
  } else if constexpr (std::is_same_v<V, bool>) {
    w.boolean(value);
  } else if constexpr (std::is_same_v<V, std::uint32_t>) {
    w.integer(value);
  } else {
    w.raw(name_in(value, w.names()));
  }
}

/// Writes the columns of `e` into the current row of `w`: plain cells by their type (a
/// field marked sparse is blank while it has its default), the others through
/// special(value, enclosing).
template <described Entity, class W, class Special>
void write_columns(W& w, const Entity& e, Special&& special) {
  static const Entity defaults{};
  std::size_t col = 0;
  const auto write = [&](const auto& fl, const auto& value, const auto& fallback,
                         const auto& enclosing, std::size_t) {
    using V = std::remove_cvref_t<decltype(value)>;
    if (fl.csv.sparse && value == fallback) {
      w.blank();
      return;
    }
    if constexpr (plain_cell<V>) {
      write_plain(w, value);
    } else {
      special(value, enclosing);
    }
  };
  fields_detail::visit_columns<Entity>(e, defaults, col, write);
}

}  // namespace goaltrack::detail::csv
