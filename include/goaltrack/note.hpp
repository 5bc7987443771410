#pragma once
/// @file
/// Notes of spreadsheet rows. People keep remarks beside the data of a sheet ("Ghi chú":
/// "số liệu tạm tính, chờ thẩm định"), in columns that the import dialect names as notes
/// (csv_dialect::notes_columns). A row_note keeps one such cell: the row it is on, by the
/// entity the row adds (a target, a member, a measurement, ...), the column's name as the
/// header gives it, and the text; export_csv and export_xlsx write the notes back, each
/// file's note columns after its own columns (io/csv.hpp). Notes are sparse: the plan
/// keeps them apart from its columns, so that a plan of millions of rows with a few notes
/// pays for the few.

#include <cstdint>
#include <optional>
#include <string>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"

namespace goaltrack {

/// One note: the text of a notes column on the row of a spreadsheet file that adds an
/// entity (plan::add_note). The row is named by exactly one of the ids or `measurement`,
/// or by a round with a member or a collective (a row of ratings.csv); the file follows:
/// collectives.csv, members.csv, rating_rounds.csv, ratings.csv, programs.csv, tasks.csv,
/// targets.csv, measurements.csv or policies.csv.
struct GOALTRACK_API row_note {
  collective_id collective;  ///< the collective of the row, or none
  member_id member;          ///< the member of the row, or none
  /// the rating round of the row (with a member or a collective: a rating's)
  round_id round;
  program_id program;  ///< the program of the row, or none
  task_id task;        ///< the task of the row, or none
  target_id target;    ///< the target of the row, or none
  policy_id policy;    ///< the policy of the row, or none
  /// the measurement's row (its order of addition, as plan::annotate_measurement's), or none
  std::optional<std::uint32_t> measurement;
  std::string column;  ///< the notes column, named as its header gives it, e.g. "Ghi chú"
  std::string text;    ///< what the cell holds (never empty)
  friend bool operator==(const row_note&, const row_note&) = default;
};

}  // namespace goaltrack
