#pragma once
// Private: reading Excel workbooks (.xlsx, Office Open XML spreadsheets) cell by cell,
// under the spreadsheet importer.
//
// Why these libraries (both from Debian 12, both well kept and fuzzed upstream):
// - libzip (libzip-dev 1.7.3) opens the zip container from an in-memory source, so a
//   file and a buffer share one code path, and inflates an entry in chunks we ask for:
//   we count the inflated bytes ourselves and stop a zip bomb early, never trusting the
//   sizes the archive declares.
// - libdeflate (libdeflate-dev 1.14) inflates an entry whole, fast, into a buffer whose
//   size the zip directory declares and the limits cap (xlsx_zip.hpp).
// - expat (libexpat1-dev 2.5) parses the parts read on opening (relationships, workbook,
//   shared strings, styles); it refuses entity expansion once we refuse every DOCTYPE.
//   Sheets, millions of tiny elements, are read by a scanner of our own (xlsx_scan.hpp)
//   that hands out views into the inflated XML.
// Every malformed, hostile or oversized workbook is a goaltrack::file_error (format_error
// for what is not a workbook, corrupt_error for a damaged or oversized one, io_error for a
// file that cannot be read) whose message names the entry and, in a sheet, the cell.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace goaltrack::detail::xlsx {

/// How a cell is typed in the workbook.
enum class cell_type : std::uint8_t {
  blank,        ///< no value
  number,       ///< t="n" or no t
  text,         ///< shared string, inline string, formula string (t="str") or t="d" ISO text
  boolean,      ///< t="b": text "1" or "0"
  error,        ///< t="e": text such as "#N/A"
  date_number,  ///< a number whose cell style has a date or time number format
};

/// One cell. `text` is for numbers the <v> text exactly as written ("63013", "0.581"); it
/// is valid until the sheet reader reads its next row, or, when `lasting`, as long as the
/// sheet reader lives (a view into the sheet's XML or the shared strings).
struct cell {
  cell_type type = cell_type::blank;
  std::string_view text;
  bool lasting = false;
};

/// Caps on what a workbook may hold; above any, reading throws corrupt_error naming it.
/// The defaults take a national-scale plan (sheets of 10 million rows) but stay bounded.
struct limits {
  std::uint64_t entry_bytes = 4ULL << 30;          ///< inflated bytes of one zip entry
  std::uint64_t total_bytes = 16ULL << 30;         ///< inflated bytes of all entries read
  std::uint64_t compression_ratio = 1000;          ///< inflated/compressed, entries > 1 MiB
  std::uint64_t shared_strings = 50'000'000;       ///< shared strings
  std::uint64_t shared_string_bytes = 2ULL << 30;  ///< text of all shared strings
  std::uint32_t xml_depth = 64;                    ///< element nesting
  std::uint32_t cell_bytes = 1U << 20;             ///< text of one cell or shared string
  std::uint32_t sheets = 1000;                     ///< sheets of the workbook
};

struct workbook_parts;
class sheet_reader;

/// An open workbook: its sheets' names, date system, shared strings and styles are read
/// on opening; sheets are streamed by sheet(). Move-only; must outlive its sheet readers.
class workbook {
 public:
  /// Reads the file at `path`. @throws io_error when it cannot be read, format_error when
  /// it is not an .xlsx workbook (an .xls one says so), corrupt_error when damaged.
  static workbook open(const std::filesystem::path& path, const limits& caps = {});
  /// The workbook whose bytes are `bytes`. @throws as open().
  static workbook from_memory(std::string bytes, const limits& caps = {});

  workbook(workbook&&) noexcept;
  workbook& operator=(workbook&&) noexcept;
  workbook(const workbook&) = delete;
  workbook& operator=(const workbook&) = delete;
  ~workbook();

  /// The sheets' names in workbook order (hidden sheets included).
  [[nodiscard]] const std::vector<std::string>& sheet_names() const noexcept;
  /// True when sheet `index` is hidden (state="hidden" or "veryHidden").
  [[nodiscard]] bool hidden(std::size_t index) const;
  /// True for the 1904 date system (<workbookPr date1904="1"/>).
  [[nodiscard]] bool date1904() const noexcept;
  /// The size sheet `index`'s XML declares once inflated (0 when it has no entry, or
  /// declares a size above the limits: reading it is then refused).
  [[nodiscard]] std::uint64_t sheet_size(std::size_t index) const;
  /// A reader of sheet `index` (< sheet_names().size(), else std::out_of_range). Readers
  /// of one workbook may be made and used on different threads at once.
  /// @throws corrupt_error when the sheet's entry is missing.
  [[nodiscard]] sheet_reader sheet(std::size_t index) const;
  /// As sheet(index), the sheet's XML inflated into `buffer` (grown as needed, never
  /// shrunk), which must outlive the reader: one buffer serves sheet after sheet.
  [[nodiscard]] sheet_reader sheet(std::size_t index, std::string& buffer) const;

 private:
  explicit workbook(std::unique_ptr<workbook_parts> parts);
  [[nodiscard]] sheet_reader open_sheet(std::size_t index, std::string* buffer) const;
  // `where` (the path, or "") starts every message.
  static workbook open_bytes(std::string bytes, const limits& caps, std::string where);
  std::unique_ptr<workbook_parts> parts_;
};

/// Reads one sheet row by row. The sheet's XML is inflated whole on creation (as
/// import_csv holds a CSV file whole; limits::entry_bytes caps it) and scanned to the end
/// of each row on next(). Sheet readers of one workbook may run on different threads.
class sheet_reader {
 public:
  sheet_reader(sheet_reader&&) noexcept;
  sheet_reader& operator=(sheet_reader&&) noexcept;
  sheet_reader(const sheet_reader&) = delete;
  sheet_reader& operator=(const sheet_reader&) = delete;
  ~sheet_reader();

  /// Reads the next row that has a non-blank cell; false at the end of the sheet.
  /// @throws corrupt_error naming the sheet and cell at fault.
  bool next();
  /// The last row's 1-based number.
  [[nodiscard]] std::uint32_t row() const noexcept;
  /// The last row's cells, dense: [0] is column A, up to its last non-blank cell.
  [[nodiscard]] std::span<const cell> cells() const noexcept;

  struct state;

 private:
  friend class workbook;
  explicit sheet_reader(std::unique_ptr<state> s);
  std::unique_ptr<state> state_;
};

/// A cell's A1 name: (7, 2) -> "B7". `column` is 1-based.
std::string cell_name(std::uint32_t row, std::uint32_t column);

/// The day (goaltrack::day_number, days since 1970-01-01) of a date serial, its time
/// part dropped (serial_time gives it). In the 1900 system serials 1..59 are
/// 1900-01-01..1900-02-28, 60 is Excel's fictitious 1900-02-29 (none), 61 is 1900-03-01.
/// None for a serial that is not finite, before the system's first day or after 9999-12-31.
std::optional<std::int32_t> serial_day(double serial, bool date1904) noexcept;
/// The time-of-day part of a date serial, in days: 0 <= t < 1 (0 for a plain date).
double serial_time(double serial) noexcept;
/// The serial of a day (goaltrack::day_number); none before the system's first day
/// (1900-01-01 or 1904-01-01) or after 9999-12-31.
std::optional<std::int32_t> day_serial(std::int32_t day, bool date1904) noexcept;

}  // namespace goaltrack::detail::xlsx
