#pragma once
// Private: the plan's storage of targets, an entity table (entity_table.hpp) whose columns
// are one compact numeric row per target (what evaluation streams over), strings in
// shared columns, and the rare bulky parameters (checklists, rating goals, currencies)
// in a side table. Users read targets through goaltrack::plan::get and plan::targets.

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "code_table.hpp"
#include "entity_table.hpp"
#include "goaltrack/target.hpp"

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

/// The parameters few targets have.
struct target_extra {
  std::string currency;
  std::vector<std::string> checklist;
  rating_goal rating;
  friend bool operator==(const target_extra&, const target_extra&) = default;
};

/// What a measurement of each target must satisfy, 2 bytes per target: bulk checks of
/// measurements read these instead of whole rows, to stay in cache.
struct value_rule {
  target_kind kind;
  bool whole_numbers;
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
  /// Number of checklist items of a milestone (0 without a checklist).
  [[nodiscard]] std::size_t checklist_size(const target_row& row) const noexcept {
    return row.extra == target_row::no_extra ? 0 : extras()[row.extra].checklist.size();
  }
};

}  // namespace goaltrack::detail
