// The notes of the layout's files for export: see csv_notes.hpp.
#include "io/csv_notes.hpp"

#include <algorithm>
#include <string>
#include <utility>

#include "goaltrack/error.hpp"
#include "io/csv_import.hpp"

namespace goaltrack::detail::csv {

namespace {

// The file a note's row is in, and the row's place there.
std::pair<const layout*, row_order> place_of(const row_note& n) noexcept {
  if (n.measurement) return {&measurements_file, order_of(*n.measurement)};
  if (n.policy.ok()) return {&policies_file, order_of(n.policy.value())};
  if (n.round.ok() && n.member.ok()) {
    return {&ratings_file, order_of(n.round.value(), true, n.member.value())};
  }
  if (n.round.ok() && n.collective.ok()) {
    return {&ratings_file, order_of(n.round.value(), false, n.collective.value())};
  }
  if (n.round.ok()) return {&rounds_file, order_of(n.round.value())};
  if (n.collective.ok()) return {&collectives_file, order_of(n.collective.value())};
  if (n.member.ok()) return {&members_file, order_of(n.member.value())};
  if (n.program.ok()) return {&programs_file, order_of(n.program.value())};
  if (n.task.ok()) return {&tasks_file, order_of(n.task.value())};
  return {&targets_file, order_of(n.target.value())};
}

}  // namespace

std::size_t layout_notes::file_position(const layout& f) noexcept { return file_index(f); }

layout_notes::layout_notes(std::span<const row_note> notes) {
  for (const row_note& n : notes) {
    const auto [f, at] = place_of(n);
    file& x = files_[file_position(*f)];
    auto c = std::find(x.columns_.begin(), x.columns_.end(), n.column);
    if (c == x.columns_.end()) {
      if (column_names(*f, {}).find(n.column)) {
        throw invalid_argument("note column " + in_quotes(n.column) + " of " +
                               std::string(f->file) +
                               " has the name of a column of the file: import would read it as "
                               "that column");
      }
      c = x.columns_.insert(x.columns_.end(), n.column);
    }
    x.cells_.push_back({at, static_cast<std::size_t>(c - x.columns_.begin()), n.text});
  }
  for (file& x : files_) {
    std::sort(x.cells_.begin(), x.cells_.end(), [](const file::cell& a, const file::cell& b) {
      return a.at != b.at ? a.at < b.at : a.column < b.column;
    });
  }
}

}  // namespace goaltrack::detail::csv
