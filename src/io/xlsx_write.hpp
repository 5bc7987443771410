#pragma once
// Private: writing Excel workbooks (.xlsx), under the spreadsheet exporter.
//
// Why libxlsxwriter (libxlsxwriter-dev 1.1.4, Debian 12): it is well kept and tested
// against files Excel itself writes, it has a constant-memory mode that flushes each row
// to disk (a sheet of millions of rows never sits in memory), and it writes what an
// export needs besides the cells: frozen panes, column widths and data validation lists.
// The sheet_writer mirrors the CSV writer (csv_text.hpp: text, number, integer, day,
// blank, end_row) so that an exporter can be written once over either.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <span>
#include <string>
#include <string_view>
#include <vector>

struct lxw_workbook;
struct lxw_worksheet;
struct lxw_format;

namespace goaltrack::detail::xlsx {

/// A column of a sheet: its header, and the values a cell may take (empty: free text).
struct column_spec {
  std::string_view header;
  std::vector<std::string> choices;
};

/// How a workbook is written.
struct writer_options {
  /// Excel number format of date cells.
  std::string date_format = "yyyy-mm-dd";
  /// Where libxlsxwriter keeps each sheet's rows until close(); empty: the target's
  /// directory (not /tmp, which may be memory).
  std::filesystem::path temp_dir;
};

class workbook_writer;

/// Writes the rows of one sheet, left to right, top to bottom, below its header row.
class sheet_writer {
 public:
  sheet_writer(const sheet_writer&) = delete;
  sheet_writer& operator=(const sheet_writer&) = delete;
  ~sheet_writer() = default;

  /// A string cell (nothing is written for ""). @throws invalid_argument naming the cell
  /// for text over Excel's 32767 characters or with a NUL byte.
  void text(std::string_view s);
  /// A number cell. @throws invalid_argument for a value that is not finite.
  void number(double v);
  /// A whole number (exact up to 2^53, as Excel's numbers are).
  void integer(std::uint64_t v);
  /// A date (goaltrack::day_number) with the workbook's date format. @throws
  /// invalid_argument for a day before 1900-01-01.
  void day(std::int32_t day_number);
  /// A TRUE or FALSE cell.
  void boolean(bool v);
  /// An empty cell.
  void blank();
  /// Ends the row. @throws invalid_argument beyond Excel's 1048576 rows.
  void end_row();

 private:
  friend class workbook_writer;
  sheet_writer(workbook_writer& owner, lxw_worksheet* sheet, std::string name);
  void written(std::size_t width);                     // moves to the next column, noting the width
  void check(int error, std::string_view what) const;  // an lxw_error
  [[nodiscard]] std::string here() const;              // "sheet 'name'!B7"
  void set_widths();

  workbook_writer& owner_;
  lxw_worksheet* sheet_;
  std::string name_;
  std::uint32_t row_ = 0;            // 0-based, as libxlsxwriter counts: the header is row 0
  std::uint16_t column_ = 0;         // 0-based
  std::vector<std::size_t> widths_;  // characters, by column
};

/// Writes a workbook to `path` through a temporary file in the same directory, renamed
/// over `path` by close(): until then (or when close() fails) `path` is untouched.
class workbook_writer {
 public:
  explicit workbook_writer(const std::filesystem::path& path, writer_options options = {});
  ~workbook_writer();
  workbook_writer(const workbook_writer&) = delete;
  workbook_writer& operator=(const workbook_writer&) = delete;

  /// Adds a sheet whose first row is the columns' headers, bold, frozen above the rows;
  /// a column with choices gets a data validation list. The sheet writer lives as long
  /// as the workbook writer. @throws invalid_argument for a name Excel refuses (longer
  /// than 31 characters, []:*?/\, a duplicate, or "lists", which holds long lists).
  sheet_writer& add_sheet(std::string_view name, std::span<const column_spec> columns);
  /// Sets the column widths, writes the workbook and renames it over the path.
  /// @throws io_error naming the path.
  void close();

 private:
  friend class sheet_writer;
  // The range formula of `choices`, kept to be written to the hidden "lists" sheet.
  std::string list_range(const std::vector<std::string>& choices);
  void write_lists();
  void validate(lxw_worksheet* sheet, std::uint16_t column,
                const std::vector<std::string>& choices);

  std::filesystem::path path_;
  std::filesystem::path temp_;
  writer_options options_;
  std::string temp_dir_;  // NUL-terminated for libxlsxwriter
  lxw_workbook* workbook_ = nullptr;
  lxw_format* bold_ = nullptr;
  lxw_format* date_ = nullptr;
  std::vector<std::unique_ptr<sheet_writer>> sheets_;
  std::vector<std::vector<std::string>> lists_;  // choices too long for an inline list
};

}  // namespace goaltrack::detail::xlsx
