#pragma once
// Private: the notes of the layout's files as export_csv and export_xlsx write them
// (note.hpp): each file's note columns after its own, in the order their first notes were
// added, and each row's notes in them. See csv_layout.hpp's files_with_notes.

#include <array>
#include <cstdint>
#include <span>
#include <string_view>
#include <type_traits>
#include <vector>

#include "goaltrack/note.hpp"
#include "io/csv_layout.hpp"

namespace goaltrack::detail::csv {

/// A row's place in its file, in the order export writes the file: an id or a measurement
/// row, or for ratings.csv a round, then its collectives before its members.
using row_order = std::array<std::uint64_t, 2>;

/// The place of an entity's or a measurement's row.
inline row_order order_of(std::uint64_t id_or_row) noexcept { return {id_or_row, 0}; }
/// The place of a rating's row: its round, then collectives (member false) before members.
inline row_order order_of(std::uint64_t round, bool member, std::uint64_t rated) noexcept {
  return {round, (std::uint64_t{member} << 32U) | rated};
}

/// Row ids for import's table::keep_notes: the row of an entity, of a rating, of a measurement.
template <class Id>
row_note note_row(Id id) {
  row_note n;
  if constexpr (std::is_same_v<Id, collective_id>) n.collective = id;
  if constexpr (std::is_same_v<Id, member_id>) n.member = id;
  if constexpr (std::is_same_v<Id, round_id>) n.round = id;
  if constexpr (std::is_same_v<Id, program_id>) n.program = id;
  if constexpr (std::is_same_v<Id, task_id>) n.task = id;
  if constexpr (std::is_same_v<Id, target_id>) n.target = id;
  if constexpr (std::is_same_v<Id, policy_id>) n.policy = id;
  if constexpr (std::is_same_v<Id, std::size_t>) n.measurement = static_cast<std::uint32_t>(id);
  return n;
}
template <class Id>
row_note note_row(round_id round, Id rated) {
  row_note n = note_row(rated);
  n.round = round;
  return n;
}

/// The notes of every file, sorted for export.
class layout_notes {
 public:
  /// @throws invalid_argument when a note column has the name of a column of its file,
  ///         which import would read as that column.
  explicit layout_notes(std::span<const row_note> notes);

  /// The notes of one file: its note columns, and its rows' notes in row order.
  class file {
   public:
    [[nodiscard]] std::span<const std::string_view> columns() const noexcept { return columns_; }
    /// Writes the cells of the note columns of the row at `at` (blank where it has none),
    /// rows being written in order.
    template <class W>
    void write(W& w, const row_order& at) {
      while (next_ < cells_.size() && cells_[next_].at < at) ++next_;  // no such row written
      for (std::size_t c = 0; c < columns_.size(); ++c) {
        if (next_ < cells_.size() && cells_[next_].at == at && cells_[next_].column == c) {
          w.text(cells_[next_++].text);
        } else {
          w.blank();
        }
      }
    }

   private:
    friend class layout_notes;
    struct cell {
      row_order at;
      std::size_t column;
      std::string_view text;
    };
    std::vector<std::string_view> columns_;
    std::vector<cell> cells_;  // by row, then column
    std::size_t next_ = 0;
  };

  /// The notes of `f`; none (nullptr) when it has no note column.
  [[nodiscard]] file* of(const layout& f) noexcept {
    file& x = files_[file_position(f)];
    return x.columns_.empty() ? nullptr : &x;
  }

 private:
  static std::size_t file_position(const layout& f) noexcept;
  std::array<file, all_files.size()> files_;
};

}  // namespace goaltrack::detail::csv
