#pragma once
// Private: what a workbook (xlsx_read.hpp) reads on opening: the package relationships,
// xl/workbook.xml (sheets, date system), the shared strings and the cell styles that
// are dates.

#include <cstdint>
#include <memory>
#include <string>
#include <string_view>
#include <vector>

#include "io/xlsx_read.hpp"
#include "io/xlsx_zip.hpp"

namespace goaltrack::detail::xlsx {

/// One sheet as xl/workbook.xml lists it, its entry resolved through the relationships.
struct sheet_entry {
  std::string name;
  std::string entry;  // e.g. "xl/worksheets/sheet1.xml"
  bool hidden = false;
};

/// The shared strings table: one buffer of text and where each string starts.
class shared_strings {
 public:
  /// Appends a string. @throws corrupt_error above the limits (via the caller's check).
  void add(std::string_view s);
  [[nodiscard]] std::size_t size() const noexcept { return starts_.size(); }
  [[nodiscard]] std::uint64_t bytes() const noexcept { return text_.size(); }
  /// String `i` (< size()); valid while the table lives.
  [[nodiscard]] std::string_view at(std::size_t i) const noexcept;

 private:
  std::string text_;
  std::vector<std::uint64_t> starts_;
};

/// Everything a workbook holds once opened.
struct workbook_parts {
  std::unique_ptr<zip_archive> archive;
  std::vector<sheet_entry> sheets;
  std::vector<std::string> names;  // the sheets' names, for workbook::sheet_names()
  bool date1904 = false;
  shared_strings strings;
  std::vector<bool> date_styles;  // by cell style (cellXfs) index: a date or time format
};

/// Reads the parts of the workbook in `archive`. @throws format_error when it has no
/// workbook part, corrupt_error when a part is damaged or above the limits.
std::unique_ptr<workbook_parts> read_parts(std::unique_ptr<zip_archive> archive);

/// True when an Excel number format code shows a date or time: it has d, m, y, h or s
/// outside quoted text, [brackets] (colours, conditions, locales) and escapes.
bool date_format_code(std::string_view code) noexcept;
/// True for the built-in number formats that are dates or times (14-22, 45-47).
bool date_format_id(std::uint32_t id) noexcept;

}  // namespace goaltrack::detail::xlsx
