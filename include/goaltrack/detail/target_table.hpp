#pragma once
// The plan's storage of targets: one compact numeric row per target (what evaluation
// streams over), strings in shared columns, and the rare bulky parameters (checklists,
// rating goals, currencies) in a side table. Internal: read targets through
// goaltrack::plan::get, which returns a goaltrack::target.

#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <vector>

#include "goaltrack/detail/string_column.hpp"
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

class target_table {
 public:
  [[nodiscard]] std::size_t size() const noexcept { return rows_.size(); }
  [[nodiscard]] std::span<const target_row> rows() const noexcept { return rows_; }
  [[nodiscard]] std::span<const target_extra> extras() const noexcept { return extras_; }
  [[nodiscard]] std::optional<target_id> find(std::string_view code) const noexcept;
  /// The rows of many codes (code_table::find_many).
  void find_many(std::span<const std::string_view> codes,
                 std::span<std::uint32_t> rows) const noexcept {
    codes_.find_many(codes, rows);
  }
  /// Appends targets already checked by the plan, all or nothing.
  /// @throws duplicate_error on the first code already used (in the table or earlier
  ///         among `targets`). @return the id of the first.
  target_id append(std::span<const target> targets);
  /// The target in row `id` (must exist).
  [[nodiscard]] target get(target_id id) const;
  /// What a measurement of each target must satisfy, 2 bytes per target: bulk checks of
  /// measurements read these instead of whole rows, to stay in cache.
  struct value_rule {
    target_kind kind;
    bool whole_numbers;
  };
  [[nodiscard]] std::span<const value_rule> value_rules() const noexcept { return rules_; }
  /// Number of checklist items of a milestone (0 without a checklist).
  [[nodiscard]] std::size_t checklist_size(const target_row& row) const noexcept {
    return row.extra == target_row::no_extra ? 0 : extras_[row.extra].checklist.size();
  }

  friend bool operator==(const target_table& a, const target_table& b);

 private:
  code_table codes_;
  string_column titles_;
  string_column units_;
  std::vector<target_row> rows_;
  std::vector<value_rule> rules_;
  std::vector<target_extra> extras_;
};

}  // namespace goaltrack::detail
