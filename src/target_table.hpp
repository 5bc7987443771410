#pragma once
// Private: the plan's storage of targets, an entity table (entity_table.hpp) whose columns
// are one compact numeric row per target (what evaluation streams over), strings in
// shared columns, and every other field (currencies, checklists, rating goals, and any
// field added to the target's description) in a side table of extras, which holds a
// target only when one of those fields differs from its default. Users read targets
// through goaltrack::plan::get and plan::targets.

#include <array>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <tuple>
#include <type_traits>
#include <utility>
#include <vector>

#include "code_table.hpp"
#include "entity_table.hpp"
#include "goaltrack/target.hpp"
#include "schema.hpp"

namespace goaltrack::detail {

/// The numbers evaluation needs for one target.
struct target_row {
  period span;
  double baseline;    // NaN when the target has none
  double goal_value;  // as stated (d for increase_by / decrease_by)
  double goal_high;
  collective_id owner;
  program_id program;   // invalid when none
  std::uint32_t extra;  // row in extras(), or no_extra
  target_kind kind;
  goal_kind goal;
  trend wanted;
  bool whole_numbers;

  static constexpr std::uint32_t no_extra = std::numeric_limits<std::uint32_t>::max();
  [[nodiscard]] bool has_baseline() const noexcept { return baseline == baseline; }
};

/// The fields of a target that its row, its string columns or the code index hold
/// (target_columns::push_back and get copy them by hand). Every other field of the
/// target's description is an extra field.
inline constexpr std::tuple row_fields{
    &target::code,       &target::title,     &target::unit,     &target::owner,
    &target::span,       &target::program,   &target::kind,     &target::goal,
    &target::goal_value, &target::goal_high, &target::baseline, &target::whole_numbers,
    &target::wanted};

namespace extra_detail {

template <class A, class B>
constexpr bool same_member(A a, B b) {
  if constexpr (std::is_same_v<A, B>) {
    return a == b;
  } else {
    return false;
  }
}

template <class Member>
constexpr bool in_row(Member m) {
  return std::apply([&](auto... held) { return (same_member(held, m) || ...); }, row_fields);
}

template <std::size_t I>
using field_at = std::remove_cvref_t<decltype(std::get<I>(schema<target>::fields))>;

// The description's indices of the extra fields, in order, and their number.
inline constexpr auto indices = [] {
  std::array<std::size_t, field_count<target>> out{};
  std::size_t n = 0;
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    ((in_row(std::get<I>(schema<target>::fields).member) ? void() : void(out[n++] = I)), ...);
  }
  (std::make_index_sequence<field_count<target>>());
  return std::pair{out, n};
}();
inline constexpr std::size_t count = indices.second;

template <std::size_t K>
inline constexpr const auto& extra_field = std::get<indices.first[K]>(schema<target>::fields);

template <std::size_t... K>
auto values_of(std::index_sequence<K...>)
    -> std::tuple<typename field_at<indices.first[K]>::value_type...>;

}  // namespace extra_detail

/// A target's extra fields, in the order of its description.
using target_extra =
    decltype(extra_detail::values_of(std::make_index_sequence<extra_detail::count>()));

/// Calls f(field, k) for each extra field, k its place in target_extra.
template <class F>
constexpr void for_each_extra_field(F&& f) {
  [&]<std::size_t... K>(std::index_sequence<K...>) {
    (f(extra_detail::extra_field<K>, std::integral_constant<std::size_t, K>()), ...);
  }
  (std::make_index_sequence<extra_detail::count>());
}

/// The value of extra field `Member` (e.g. &target::rating) in `e`.
template <auto Member>
const auto& extra_value(const target_extra& e) {
  constexpr std::size_t at = [] {
    std::size_t k = extra_detail::count;
    for_each_extra_field([&](const auto& f, auto index) {
      if (extra_detail::same_member(f.member, Member)) k = index;
    });
    return k;
  }();
  static_assert(at < extra_detail::count, "not an extra field of a target");
  return std::get<at>(e);
}

/// What a measurement of each target must satisfy, 3 bytes per target: bulk checks of
/// measurements read these instead of whole rows, to stay in cache.
struct value_rule {
  target_kind kind;
  bool whole_numbers;
  bool aggregated;  // its actual is its subtree's (target::over_tree): it takes none
  friend bool operator==(value_rule, value_rule) = default;
};

/// The columns of the target table (everything but the code).
class target_columns {
 public:
  using record = target;
  [[nodiscard]] std::size_t size() const noexcept { return rows.size(); }
  void reserve_more(std::size_t n);
  void push_back(const target& t);
  void truncate(std::size_t n) noexcept;
  /// The target in row i, but its code.
  [[nodiscard]] target get(std::size_t i) const;
  friend bool operator==(const target_columns& a, const target_columns& b);

  string_column titles;
  string_column units;
  std::vector<target_row> rows;
  std::vector<value_rule> rules;
  std::vector<target_extra> extras;
};

class target_table : public entity_table<target_id, target_columns> {
  static constexpr auto code_of = [](const target& t) -> std::string_view { return t.code; };

 public:
  target_table() : entity_table("target") {}
  [[nodiscard]] std::span<const target_row> rows() const noexcept { return columns().rows; }
  [[nodiscard]] std::span<const target_extra> extras() const noexcept { return columns().extras; }
  [[nodiscard]] std::span<const value_rule> value_rules() const noexcept { return columns().rules; }
  /// Appends targets already checked by the plan, all or nothing.
  /// @throws duplicate_error on the first code already used (in the table or earlier
  ///         among `targets`). @return the id of the first.
  target_id append(std::span<const target> targets) {
    return entity_table::append(targets, code_of);
  }
  /// As above, with the plan's checks (entity_table::append).
  template <class Check>
  target_id append(std::span<const target> targets, Check&& check) {
    return entity_table::append(targets, code_of, check);
  }
  /// The target in row `id` (must exist).
  [[nodiscard]] target get(target_id id) const {
    target t = columns().get(id.index());
    t.code = std::string(code(id));
    return t;
  }
  /// The item weights of a milestone (empty when equal).
  [[nodiscard]] std::span<const double> item_weights(const target_row& row) const noexcept {
    if (row.extra == target_row::no_extra) return {};
    return extra_value<&target::item_weights>(extras()[row.extra]);
  }
  /// The target's weight in roll-ups (target::weight).
  [[nodiscard]] double weight(const target_row& row) const noexcept {
    return row.extra == target_row::no_extra ? 1.0
                                             : extra_value<&target::weight>(extras()[row.extra]);
  }
  /// Number of checklist items of a milestone (0 without a checklist).
  [[nodiscard]] std::size_t checklist_size(const target_row& row) const noexcept {
    return row.extra == target_row::no_extra
               ? 0
               : extra_value<&target::checklist>(extras()[row.extra]).size();
  }
};

}  // namespace goaltrack::detail
