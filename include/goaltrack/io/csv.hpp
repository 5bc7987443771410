#pragma once
/// @file
/// Spreadsheet import and export: a whole plan as a folder of CSV files, one file per
/// kind of entity, each with a header row that names its columns. A department can fill
/// the files in a spreadsheet and import them with import_csv; export_csv writes a plan
/// that import_csv reads back equal (operator==).
///
/// The files, in the order they are read (columns marked * are required; a blank or
/// absent optional column takes the default shown; columns may come in any order). The
/// same table is in README.md; tests/schema_test.cpp checks both against the layout.
///
// clang-format off
/// | file | columns |
/// |---|---|
/// | `rating_scales.csv` | scale*, level*, label_vi, label_en — one row per level, best first; or one row naming a built-in scale, with no level (`vn4`: the Vietnamese four levels) |
/// | `collectives.csv` | code*, name, kind, parent (a collective code; blank for a root) |
/// | `members.csv` | code*, name, collective* |
/// | `rating_rounds.csv` | scale*, period*, decided_on (the period's last day) |
/// | `ratings.csv` | scale*, period*, rated* (`member` or `collective`), code*, level* (code or label) |
/// | `programs.csv` | code*, number, issuer, title, period*, owner*, parent |
/// | `tasks.csv` | code*, title, program*, owner*, deadline, kind (`planned`), weight (1), added_on |
/// | `task_status.csv` | task*, date*, status* — one row per change, oldest first |
/// | `milestone_items.csv` | target*, item, weight (none: equal weights) — one row per checklist item, in order |
/// | `target_phases.csv` | target*, sub_period*, planned (none: no plan) — one row per sub-period, in order, tiling the target's period |
/// | `targets.csv` | code*, title, kind*, owner*, period*, program, unit, goal (`at_least`), goal_value (0), goal_high (0), baseline (none), whole_numbers (false), currency, limit (none), trend (`increase`), scale, level, required_share (1/1), count (0), all (false), scope (`direct`), counted_kind, criterion (`own_rating`), over_time (`latest`), scoring (`by_goal`), planned_as (`cumulative`), expected_by (`days`), weight (1), indicator, over_tree (`none`) |
/// | `measurements.csv` | target*, date*, value*, denominator (1), source, note |
/// | `assessments.csv` | target*, date*, status*, score (none), by, reason — judgements made by hand |
/// | `alignments.csv` | target, program, parent*, weight (1) — a target or a program (one of them per row) that counts toward a program besides its own |
/// | `labels.csv` | collective, program, task, target, language*, text*, part — the name or title of one entity (one of the four per row) in `vi` or `en`; part `unit`: a target's unit ("school sites") |
/// | `policies.csv` | code*, on_track_margin (0.1), at_risk_margin (0.25), not_started_before_start (true), missed_after_end (true), trend_tolerance (0.02), close_at_period_end (false), basis (`pace`), reached_is_achieved (true), minimum_points (0), forecast_min_points (0), rollup (`weighted_mean`; `none`: no statuses) |
/// | `policy_rating_summaries.csv` | policy*, scale*, period*, level*, counted_kind, criterion (`own_rating`), required_share (1/1) |
/// | `policy_statuses.csv` | policy*, code*, label_en, label_vi, colour (`#rrggbb`), category (`on_track`) — a policy's own statuses |
/// | `policy_bands.csv` | policy*, status*, lower (blank: -infinity), upper (blank: +infinity), lower_inclusive (true), upper_inclusive (false), phase (`open`) — one row per band |
/// | `policy_rollup_rules.csv` | policy*, code*, method*, exclude_not_started (true), exclude_no_data (true), required_share (1/1), required_count (1) — a policy's own roll-up rules |
/// | `policy_rollup_overrides.csv` | policy*, scope* (`program` or `collective`), code*, rule* — a program or collective that rolls up by another rule than the policy's |
// clang-format on
///
/// Every file is optional (a missing file has no rows); a `.csv` file of another name in
/// the folder is an error, so that a misspelt name is not silently ignored. Entities
/// refer to each other by code. Ids follow the order of the rows (collectives and
/// programs whose parent comes later are placed after it). Values: enums by their codes
/// (target.hpp, task.hpp: "quantity", "increase_to", ...) or Vietnamese names ("số
/// lượng", "hoàn thành"); periods as period::parse reads them ("2021", "2021-Q1",
/// "2019-2020", "2021-01-05/2021-02-01"; a school year on another calendar than the
/// dialect's: "2019-2020@2019-08-15/2020-06-30"); shares as "numerator/denominator"
/// ("191/200") or a percentage ("95.5%"); booleans "true" or "false", "đúng" or "sai",
/// "có" or "không"; the values of ratio targets and a policy's margins as fractions
/// ("0.581") or percentages ("58.1%"); rating levels by code or by either label.
///
/// As people type it: every text is put in NFC. Codes of enums, rating levels and column
/// names match exactly, else ignoring case, else ignoring case and diacritics where only
/// one name matches so; columns may be named in Vietnamese ("Mã;Họ và tên;Đơn vị"). A
/// near miss of a code or name is reported with "did you mean ...". Empty columns after
/// the last named one are ignored; a column that is not the layout's is an error unless
/// the dialect names it as notes (csv_dialect::notes_columns).
///
/// Notes (note.hpp): the non-empty cells of the dialect's notes columns are kept as the
/// plan's notes (plan::notes) in collectives.csv, members.csv, rating_rounds.csv,
/// ratings.csv, programs.csv, tasks.csv, targets.csv, measurements.csv and policies.csv,
/// each by the entity, rating or measurement its row adds; a rejected row keeps none. In
/// the other files a notes column is read past with a warning that its notes are not kept.
/// export_csv writes each file's note columns after its own, headed by their names, in the
/// order their first notes were added: imported with the same dialect, the export gives
/// the plan back, notes and all.
///
/// Text: UTF-8, with or without a byte order mark; rows end with LF or CRLF; a field
/// that holds the delimiter, a quote or a line break is double-quoted, with "" for a
/// quote. Rows in which every field is empty are skipped. Text fields are kept exactly
/// (spaces included, in NFC); numbers, dates and codes of enums may have spaces around
/// them.
///
/// Formulas: a spreadsheet runs a cell that begins with =, +, -, @, a tab or a carriage
/// return as a formula. export_csv therefore writes any text field that begins with
/// such a character, after any number of apostrophes ('), with one more apostrophe in
/// front ("=SUM(A1)" becomes "'=SUM(A1)"; spreadsheets show the text as typed), and
/// import_csv removes that one apostrophe again. Numeric columns are never escaped:
/// -12.5 stays a number.

#include <cstdint>
#include <filesystem>
#include <string>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/export.hpp"
#include "goaltrack/language.hpp"
#include "goaltrack/period.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {

/// How dates are written in CSV files.
enum class csv_date_format : std::uint8_t {
  iso,             ///< 2021-01-21 (ISO 8601)
  day_month_year,  ///< 21/01/2021 (day and month of one or two digits; year of four digits,
                   ///< or of two as Excel reads them: 00..29 are 2000..2029, 30..99 1930..1999)
};

/// The conventions of a set of CSV files. Nothing is guessed: files written with ';' and
/// '58,1' are read with a dialect that says so, and any other text is an error.
struct GOALTRACK_API csv_dialect {
  /// Separates fields: ',' or ';'.
  char delimiter = ',';
  /// Separates the integer part of a number from its fraction: '.' or ','. The other
  /// one, a space or a no-break space may group the integer part's digits by three
  /// ("48.500.000.000" with ','); anywhere else it is an error ("1.23.4"), and it is
  /// never taken for the decimal separator ("14.200" is 14200 with ',', 14.2 with '.').
  char decimal_separator = '.';
  /// How dates are written. A date may be followed by a time of day at midnight
  /// ("30/06/2025 00:00", as spreadsheets write date cells). Periods always use
  /// period::parse's syntax.
  csv_date_format dates = csv_date_format::iso;
  /// How school-year periods ("2019-2020") are read. A school year on another calendar
  /// is written with its days: "2019-2020@2019-08-15/2020-06-30".
  period_format periods{};
  /// export_csv: start each file with a UTF-8 byte order mark, which Excel needs to
  /// recognise UTF-8. import_csv accepts files with or without one.
  bool byte_order_mark = true;
  /// export_csv: end rows with CR LF (as Excel does) instead of LF.
  bool crlf = false;
  /// export_csv: the language of the column names and enum values written: English, the
  /// codes (`code`, `quantity`), or Vietnamese (`mã`, `số lượng`). import_csv reads either.
  language names = language::en;
  /// import_csv: a measurement dated more than a year before its target's period or
  /// after it is an error (a year typed wrong, most often: 2002 for 2020); true allows
  /// it, and reports it as a warning. Within a year, it is taken as meant (figures are
  /// reported after their period; a target's history may start before it).
  bool measurements_outside_period = false;
  /// import_csv: the names of columns that hold notes for people, in any file ("ghi_chu",
  /// "Ghi chú"): their cells are kept as the plan's notes in the files that keep notes
  /// (see the file documentation), which export_csv writes back; in the other files they
  /// are read past with a warning. Any other column that is not the layout's is an error,
  /// so that a misspelt column is never ignored.
  std::vector<std::string> notes_columns;

  /// @throws invalid_argument naming the field: a delimiter other than ',' or ';', a
  ///         decimal separator other than '.' or ','.
  void validate() const;
};

/// One problem found while importing: where it is and what is wrong.
struct GOALTRACK_API csv_issue {
  std::string file;  ///< the file's name, e.g. "targets.csv"; in a workbook, the sheet's
  std::uint64_t line =
      0;  ///< 1-based line where the row starts (the header is line 1); 0: the whole file
  std::uint32_t column = 0;  ///< 1-based field position in the row (A = 1); 0: the whole row
  std::string message;       ///< what is wrong, naming the column and the value
  /// True when `file` is a sheet of a workbook (import_xlsx): to_string names the cell.
  bool sheet = false;

  friend bool operator==(const csv_issue&, const csv_issue&) = default;
};

/// "file:line:column: message" (line and column left out where 0); in a workbook
/// "sheet!C12: message" ("sheet!12: " for a whole row, "sheet: " for the whole sheet).
GOALTRACK_API std::string to_string(const csv_issue& issue);

/// A CSV import found bad rows. Nothing was imported. issues() lists them in file and
/// line order; what() shows the first ones, one "file:line:column: message" per line;
/// warnings() lists what was suspicious but valid, apart.
class GOALTRACK_API csv_error : public invalid_argument {
 public:
  /// At most this many issues are kept (issue_count() still counts them all), so that a
  /// file of millions of bad rows cannot exhaust memory; as many warnings.
  static constexpr std::size_t max_kept_issues = 100000;

  /// @param issues the issues kept; @param total how many there were in all;
  /// @param warnings what was suspicious but valid.
  csv_error(std::vector<csv_issue> issues, std::uint64_t total,
            std::vector<csv_issue> warnings = {});
  /// The warnings: data that is valid but looks like a mistake.
  [[nodiscard]] const std::vector<csv_issue>& warnings() const noexcept { return warnings_; }
  /// The issues found (the first max_kept_issues of them).
  [[nodiscard]] const std::vector<csv_issue>& issues() const noexcept { return issues_; }
  /// How many issues were found in all.
  [[nodiscard]] std::uint64_t issue_count() const noexcept { return total_; }

 private:
  std::vector<csv_issue> issues_;
  std::uint64_t total_ = 0;
  std::vector<csv_issue> warnings_;
};

/// One file of the layout held in memory, for import_csv without a folder.
struct GOALTRACK_API csv_source {
  std::string name;  ///< the file's name in the layout, e.g. "targets.csv"
  std::string text;  ///< its whole content
};

/// The names of the layout's files, in the order they are read.
GOALTRACK_API std::vector<std::string> csv_file_names();

/// Builds a plan from the CSV files in `directory` (see the file documentation).
/// @throws invalid_argument when the dialect is invalid; io_error naming the path when
///         the folder or a file cannot be read, or a *.csv entry is not a regular file (a
///         FIFO, a directory, a device, a dangling link: each named); csv_error listing every bad
///         row (text that is not UTF-8 — with advice for Windows-1258 files saved by Excel —, a bad
///         header, a value that does not parse, a percentage where none is taken, an unknown
///         or repeated code, a rating not on its scale, anything the plan refuses) when any
///         row is bad. A row that refers to a rejected row is reported once per file and code
///         ("refers to row N of targets.csv, which was rejected").
[[nodiscard]] GOALTRACK_API plan import_csv(const std::filesystem::path& directory,
                                            const csv_dialect& dialect = {});

/// As import_csv(directory, dialect), and adds to `warnings` what was suspicious but valid
/// (a ratio above 100%, a measurement outside its target's period that the dialect
/// allows), in file and line order: an import with warnings only succeeds.
[[nodiscard]] GOALTRACK_API plan import_csv(const std::filesystem::path& directory,
                                            const csv_dialect& dialect,
                                            std::vector<csv_issue>& warnings);

/// As import_csv(directory), from files held in memory.
/// @throws invalid_argument for an invalid dialect; csv_error as above (a file of an
///         unknown or repeated name is an issue).
[[nodiscard]] GOALTRACK_API plan import_csv(std::vector<csv_source> files,
                                            const csv_dialect& dialect = {});

/// As import_csv(files, dialect), adding the warnings to `warnings`.
[[nodiscard]] GOALTRACK_API plan import_csv(std::vector<csv_source> files,
                                            const csv_dialect& dialect,
                                            std::vector<csv_issue>& warnings);

/// Writes `p` as CSV files in `directory` (created if missing), one per file of the
/// layout, each with its header even when it has no rows, and the plan's note columns of
/// the file after its own; files of the same names are replaced, other files are left alone.
/// @throws invalid_argument for an invalid dialect, or a note column named as a column of
///         its file (import would read it as that column); io_error naming the path when a
///         file cannot be written.
GOALTRACK_API void export_csv(const plan& p, const std::filesystem::path& directory,
                              const csv_dialect& dialect = {});

/// As export_csv(p, directory), into memory: one csv_source per file of the layout.
/// @throws as export_csv, except io_error.
[[nodiscard]] GOALTRACK_API std::vector<csv_source> export_csv(const plan& p,
                                                               const csv_dialect& dialect = {});

}  // namespace goaltrack
