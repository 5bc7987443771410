// import_xlsx (io/xlsx.hpp): a workbook's sheets read as the files of the CSV layout, by
// the same importer (csv_import.hpp). Here: the rows of a sheet for its `table`, with
// cells typed as Excel types them, and the public functions.
//
// A cell's type decides how a getter reads it. A number cell is a number whatever the
// dialect's decimal separator, and a date when its column is a date column (a serial of
// the workbook's date system); a date cell in a text column reads as its ISO date. A text
// cell is read as a CSV field is, with the dialect ("58,1", "21/01/2021"), so that a
// sheet typed as text, as many are, imports like the CSV file it would be saved as.

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <memory>
#include <optional>
#include <string>
#include <utility>

#include "goaltrack/io/xlsx.hpp"
#include "io/csv_import.hpp"
#include "io/xlsx_read.hpp"
#include "unicode.hpp"

namespace goaltrack {
namespace detail::csv {

namespace {

// The text a sheet's table hands its (unused) CSV reader.
std::string no_text;

// The exact share a number cell holds, from its text as written ("0.955" is 955/1000;
// "1" is 1/1): at most 9 fractional digits, within 0..1.
std::optional<share> decimal_share(std::string_view v) {
  const std::size_t point = v.find('.');
  const std::string_view whole = v.substr(0, point);
  const std::string_view fraction =
      point == std::string_view::npos ? std::string_view() : v.substr(point + 1);
  if (whole.empty() || fraction.size() > 9) return std::nullopt;
  std::uint64_t n = 0;
  std::uint64_t d = 1;
  for (const char c : whole) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
    if (n > 1) return std::nullopt;
  }
  for (const char c : fraction) {
    if (c < '0' || c > '9') return std::nullopt;
    n = n * 10 + static_cast<std::uint64_t>(c - '0');
    d *= 10;
  }
  if (n > d) return std::nullopt;
  return share{static_cast<std::uint32_t>(n), static_cast<std::uint32_t>(d)};
}

}  // namespace

std::string_view text_arena::keep(std::string_view s) {
  if (s.empty()) return {};
  if (size_ - used_ < s.size()) {
    size_ = std::max(block_bytes, s.size());
    blocks_.push_back(std::make_unique<char[]>(size_));  // NOLINT(*-avoid-c-arrays)
    used_ = 0;
  }
  char* at = blocks_.back().get() + used_;
  std::memcpy(at, s.data(), s.size());
  used_ += s.size();
  return {at, s.size()};
}

table::table(importer& im, const layout& layout, xlsx::sheet_reader& sheet, std::string sheet_name,
             bool date1904)
    : im_(im),
      layout_(layout),
      name_(std::move(sheet_name)),
      reader_(no_text, 0, ','),
      sheet_(&sheet),
      date1904_(date1904),
      slot_(layout.columns.size(), absent),
      decimal_(im.dialect().decimal_separator),
      dates_(im.dialect().dates) {
  mark_columns();
  // The header is the first row with a value (a title row above it is not supported: the
  // header must be the sheet's first row, as export_xlsx writes it).
  if (read_sheet_row() == record_reader::status::end) {
    im_.issue(name_, 0, 0, "the sheet is empty: it needs at least its header row");
    ok_ = false;
    return;
  }
  map_header(fields_);
}

record_reader::status table::read_sheet_row() {
  if (!sheet_->next()) return record_reader::status::end;
  sheet_row_ = sheet_->row();
  const auto cells = sheet_->cells();
  const std::size_t n = std::max(cells.size(), width_);
  cells_.assign(n, std::string_view());
  raw_.assign(n, std::string_view());
  types_.assign(n, xlsx::cell_type::text);
  for (std::size_t i = 0; i < cells.size(); ++i) {
    const xlsx::cell& c = cells[i];
    // A lasting text outlives this table (the sheet reader does); others are kept.
    raw_[i] = c.lasting ? c.text : texts_.keep(c.text);
    cells_[i] = raw_[i];
    switch (c.type) {
      case xlsx::cell_type::number:
      case xlsx::cell_type::boolean:
        types_[i] = c.type;
        break;
      case xlsx::cell_type::date_number:
        // In a text column (a period, say), a date cell reads as the day it shows.
        types_[i] = c.type;
        if (const auto iso = iso_date(c.text)) cells_[i] = *iso;
        break;
      case xlsx::cell_type::text:
        if (maybe_not_nfc(c.text)) cells_[i] = texts_.keep(to_nfc(c.text));
        break;
      case xlsx::cell_type::blank:
      case xlsx::cell_type::error:  // "#N/A": read as text, which no getter takes
        break;
    }
  }
  fields_ = cells_;
  return record_reader::status::ok;
}

std::optional<std::string_view> table::iso_date(std::string_view serial_text) {
  // A whole serial, a date without a time (nearly every date cell), is looked up in a
  // small cache of the days last shown: a sheet's dates are few distinct days.
  std::uint32_t whole = 0;
  bool plain = !serial_text.empty() && serial_text.size() <= 7;
  for (const char c : serial_text) {
    plain = plain && c >= '0' && c <= '9';
    whole = whole * 10 + static_cast<std::uint32_t>(c - '0');
  }
  shown_date* cached = plain ? &dates_shown_[whole % dates_shown_.size()] : nullptr;
  if (cached != nullptr && cached->serial == whole && !cached->iso.empty()) return cached->iso;
  double serial = 0;
  if (!parse_number(serial_text, '.', serial)) return std::nullopt;
  const auto day = xlsx::serial_day(serial, date1904_);
  if (!day) return std::nullopt;
  const std::string_view iso = texts_.keep(format_day(*day, csv_date_format::iso));
  if (cached != nullptr) *cached = {whole, iso};
  return iso;
}

std::optional<double> table::sheet_number(std::size_t col, std::string_view v) {
  double out = 0;
  if (types_[slot_[col]] != xlsx::cell_type::boolean && parse_number(raw_[slot_[col]], '.', out)) {
    return out;
  }
  fail(col, describe(col, v) + " is not a number");
  return std::nullopt;
}

std::optional<std::int32_t> table::sheet_day(std::size_t col, std::string_view v) {
  double serial = 0;
  if (types_[slot_[col]] == xlsx::cell_type::boolean ||
      !parse_number(raw_[slot_[col]], '.', serial)) {
    fail(col, describe(col, v) + " is not a date");
    return std::nullopt;
  }
  const auto day = xlsx::serial_day(serial, date1904_);
  if (!day) {
    fail(col, describe(col, v) + " is not a date of the years 1900..9999 (a serial number of " +
                  (date1904_ ? "the 1904" : "the 1900") + " date system)");
    return std::nullopt;
  }
  if (xlsx::serial_time(serial) > 0) {
    fail(col,
         describe(col, format_day(*day, dates_)) + " has a time of day: a date is a whole day");
    return std::nullopt;
  }
  return day;
}

std::optional<bool> table::sheet_boolean(std::size_t col, std::string_view v) {
  if (types_[slot_[col]] == xlsx::cell_type::boolean) return raw_[slot_[col]] == "1";
  fail(col, describe(col, v) + " is not TRUE or FALSE");
  return std::nullopt;
}

std::optional<share> table::sheet_share(std::size_t col, std::string_view v) {
  if (types_[slot_[col]] == xlsx::cell_type::number) {
    if (auto s = decimal_share(raw_[slot_[col]])) return s;
  }
  fail(col, describe(col, v) + " is not a share such as 95,5% or 0.955 (0..1, at most 9 decimals)");
  return std::nullopt;
}

}  // namespace detail::csv

plan import_xlsx(const std::filesystem::path& path, const csv_dialect& dialect) {
  std::vector<csv_issue> warnings;
  return import_xlsx(path, dialect, warnings);
}

plan import_xlsx(const std::filesystem::path& path, const csv_dialect& dialect,
                 std::vector<csv_issue>& warnings) {
  dialect.validate();  // before the file is read
  const detail::xlsx::workbook book = detail::xlsx::workbook::open(path);
  return detail::csv::importer::import(dialect, warnings, book);
}

plan import_xlsx_bytes(std::string bytes, const csv_dialect& dialect) {
  std::vector<csv_issue> warnings;
  return import_xlsx_bytes(std::move(bytes), dialect, warnings);
}

plan import_xlsx_bytes(std::string bytes, const csv_dialect& dialect,
                       std::vector<csv_issue>& warnings) {
  dialect.validate();  // before the bytes are read
  const detail::xlsx::workbook book = detail::xlsx::workbook::from_memory(std::move(bytes));
  return detail::csv::importer::import(dialect, warnings, book);
}

}  // namespace goaltrack
