#pragma once
// Private: a plan's notes of spreadsheet rows (note.hpp), in the order added and found by
// their row and column. Notes are sparse (most rows have none): they live here, never as
// a column beside the entities'.

#include <cstdint>
#include <optional>
#include <span>
#include <unordered_map>
#include <vector>

#include "goaltrack/note.hpp"

namespace goaltrack::detail {

class note_table {
 public:
  /// Every note, in the order added.
  [[nodiscard]] std::span<const row_note> all() const noexcept { return notes_; }
  /// The position of the note on the row and in the column `where` names, if any.
  [[nodiscard]] std::optional<std::size_t> find(const row_note& where) const noexcept;
  /// Adds notes the plan has checked (rows and columns new and distinct).
  void append(std::span<const row_note> batch);

  /// Whether a and b are on the same row and in the same column (their texts aside).
  [[nodiscard]] static bool same_place(const row_note& a, const row_note& b) noexcept;
  /// A hash of a note's row and column.
  [[nodiscard]] static std::uint64_t place_hash(const row_note& n) noexcept;

  /// The same notes, whatever the order they were added in: a plan imported from its own
  /// export is equal to it, although a file's rows come back in the file's order.
  friend bool operator==(const note_table& a, const note_table& b);

 private:
  std::vector<row_note> notes_;
  std::unordered_multimap<std::uint64_t, std::uint32_t> places_;  // place_hash -> position
};

}  // namespace goaltrack::detail
