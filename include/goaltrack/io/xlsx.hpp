#pragma once
/// @file
/// Excel workbooks: a whole plan as one .xlsx workbook with a sheet per file of the CSV
/// layout (io/csv.hpp), named as the file without ".csv" ("targets", "measurements"),
/// with the same columns, names, values and checks. Cells are read as Excel types them:
/// numbers as numbers (whatever the dialect's decimal separator), dates as serial numbers
/// of the workbook's 1900 or 1904 date system, text as text (read as the dialect says,
/// like a CSV field), booleans as TRUE/FALSE. export_xlsx writes a workbook that
/// import_xlsx reads back equal (operator==): a header row, panes frozen below it, column
/// widths, and a data validation list on every column of enum values, so that a clerk
/// picks `quantity` (or `số lượng`) from a list.
///
/// Every issue names its cell: "targets!C12: ..." (csv_issue::sheet is set, `file` is
/// the sheet, `line` the row, `column` the column). A sheet of another name is an error
/// (a misspelt name is never ignored), except hidden sheets (export_xlsx keeps long
/// lists of choices in one). A workbook is bounded like the other loaders: a zip bomb,
/// a huge shared-strings table or hostile XML is a corrupt_error, never a crash or a
/// runaway allocation. .xls (Excel 97-2003) workbooks are refused: save them as .xlsx.

#include <filesystem>
#include <string>
#include <vector>

#include "goaltrack/export.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {

/// Builds a plan from the workbook at `path`. `dialect` says how text cells are read
/// (a number or date typed as text: "58,1", "21/01/2021"), and its notes_columns; its
/// delimiter is not used.
/// @throws invalid_argument for an invalid dialect; io_error naming the path when the
///         file cannot be read; format_error when it is not an .xlsx workbook;
///         corrupt_error when the workbook is damaged or above a limit; csv_error listing
///         every bad row, each as "sheet!A1: message", when any row is bad.
[[nodiscard]] GOALTRACK_API plan import_xlsx(const std::filesystem::path& path,
                                             const csv_dialect& dialect = {});

/// As import_xlsx(path, dialect), adding to `warnings` what was suspicious but valid
/// (as import_csv does): an import with warnings only succeeds.
[[nodiscard]] GOALTRACK_API plan import_xlsx(const std::filesystem::path& path,
                                             const csv_dialect& dialect,
                                             std::vector<csv_issue>& warnings);

/// As import_xlsx(path), from the bytes of a workbook held in memory.
[[nodiscard]] GOALTRACK_API plan import_xlsx_bytes(std::string bytes,
                                                   const csv_dialect& dialect = {});
/// As import_xlsx_bytes(bytes, dialect), adding the warnings to `warnings`.
[[nodiscard]] GOALTRACK_API plan import_xlsx_bytes(std::string bytes, const csv_dialect& dialect,
                                                   std::vector<csv_issue>& warnings);

/// Writes `p` as a workbook at `path`, replaced whole or not at all: one sheet per file
/// of the layout, in its order, each with its header row even when it has no rows.
/// `dialect` gives the date cells' format (dates: "yyyy-mm-dd" or "dd/mm/yyyy"), school
/// years (periods) and the language of the column names, enum values and flags (names:
/// `quantity` and TRUE/FALSE cells, or `số lượng` and "đúng"/"sai"); its delimiter is
/// not used. Cells are typed: numbers and dates as numbers (periods, shares and codes as
/// text). What Excel cannot hold exactly is text that import_xlsx reads back the same: a
/// number that needs 17 significant digits (the shortest text that reads back the same,
/// with the dialect's decimal separator), a day before 1900 (in the dialect's format).
/// Text is written as it is: a string cell is never run as a formula, so nothing is
/// escaped as export_csv does. Rating levels are written by their codes.
/// @throws invalid_argument for an invalid dialect, a text Excel cannot hold (over 32767
///         characters, or with a NUL byte), or a sheet of more than 1048575 rows (as
///         measurements of a national plan may be: export them with export_csv);
///         io_error naming the path when it cannot be written.
GOALTRACK_API void export_xlsx(const plan& p, const std::filesystem::path& path,
                               const csv_dialect& dialect = {});

}  // namespace goaltrack
