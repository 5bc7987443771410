#pragma once
// Private: the CSV reader and writer under import_csv and export_csv (csv.hpp).
//
// Why our own reader: Debian 12 packages two C/C++ CSV parsers, and neither does what the
// import needs. libcsv (libcsv-dev 3.0.3) handles quotes and line breaks in fields but
// hands every field to a callback as a copy, reports neither line nor column, and knows
// nothing of byte order marks or encodings. fast-cpp-csv-parser (libfccp-dev) fixes the
// number of columns at compile time, reads by column name only through its own typed
// getters (which parse numbers with its own code, not std::from_chars, and only with a
// '.' separator), and does not allow line breaks inside quoted fields. What is needed —
// line and field positions for every error, a ';' dialect, in-place unescaping so that a
// field is a view into the file's text, and speed on files of hundreds of megabytes —
// is a small state machine, below, tested in tests/csv_test.cpp and fuzzed by
// tests/fuzz/csv_import_fuzz.cpp.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <fstream>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/io/csv.hpp"
#include "goaltrack/language.hpp"

namespace goaltrack::detail::csv {

// --- encoding --------------------------------------------------------------------------

/// What check_encoding found wrong: the byte offset, its line, and the explanation.
struct encoding_problem {
  std::uint64_t offset = 0;
  std::uint64_t line = 0;
  std::string message;
};

/// Checks that `text` is UTF-8 (after an optional byte order mark, whose length is
/// returned in `bom_length`). Text that is not, and whose bytes are those of a Windows
/// code page (as Excel's "CSV (Comma delimited)" writes on a Vietnamese Windows), gets
/// a message that says how to save the file as UTF-8; UTF-16 is recognised by its mark.
/// `maybe_not_nfc` is set as unicode.hpp's maybe_not_nfc of the text after the mark.
std::optional<encoding_problem> check_encoding(std::string_view text, std::size_t& bom_length,
                                               bool& maybe_not_nfc);

// --- records ---------------------------------------------------------------------------

/// Splits CSV text into records, in place: quoted fields are unescaped inside `text`
/// itself (an unescaped field is never longer than its quoted form), so every field is
/// a view into `text`, valid while `text` lives and is not resized.
class record_reader {
 public:
  enum class status : std::uint8_t { end, ok, bad };

  /// Reads `text` from byte `start` (after a byte order mark) with `delimiter`.
  record_reader(std::string& text, std::size_t start, char delimiter);

  /// Reads the next record that has a non-empty field. ok: fields() holds it; bad: the
  /// record is malformed (error() says how; the reader has moved past it, or to the end
  /// when a quote is never closed); end: no more records.
  status next();

  /// The fields of the last record read.
  [[nodiscard]] std::span<const std::string_view> fields() const noexcept { return fields_; }
  /// The line ends left, plus one: at least the records left when lines end with LF.
  [[nodiscard]] std::size_t lines_left() const noexcept {
    return static_cast<std::size_t>(std::count(pos_, end_, '\n')) + 1;
  }
  /// The bytes not yet read.
  [[nodiscard]] std::size_t bytes_left() const noexcept {
    return static_cast<std::size_t>(end_ - pos_);
  }
  /// 1-based line on which the last record starts.
  [[nodiscard]] std::uint64_t line() const noexcept { return record_line_; }
  /// For a bad record: the 1-based field at fault and what is wrong.
  [[nodiscard]] std::uint32_t error_column() const noexcept { return error_column_; }
  [[nodiscard]] const std::string& error() const noexcept { return error_; }

 private:
  status read_record();
  void skip_to_record_end();
  // Reads unquoted fields from pos_, each delimiter ending one (added to fields_), up to
  // the first quote, CR or LF or the end of the text, where it leaves pos_. Returns where
  // the field still open begins.
  char* scan_unquoted();

  char* data_;
  char* pos_;
  char* end_;
  char delimiter_;
  std::uint64_t line_ = 1;
  std::uint64_t record_line_ = 1;
  std::vector<std::string_view> fields_;
  std::uint32_t error_column_ = 0;
  std::string error_;
  bool special_[256] = {};
};

// --- values ----------------------------------------------------------------------------

/// `s` without leading and trailing spaces and tabs. Inline: every value goes through it.
inline std::string_view trim(std::string_view s) noexcept {
  while (!s.empty() && (s.front() == ' ' || s.front() == '\t')) s.remove_prefix(1);
  while (!s.empty() && (s.back() == ' ' || s.back() == '\t')) s.remove_suffix(1);
  return s;
}
/// A finite number written with `decimal` as its separator ("58,1" or "58.1"), with an
/// optional exponent and thousands separators grouping its integer part by three digits:
/// the other one of '.' and ',' ("48.500.000.000" with decimal ','; "48,500,000,000"
/// with '.'), a space or a no-break space. Nothing else: no '+', no inf or nan, no
/// separator that does not group by three ("1.23.4"); a separator is never guessed
/// against the dialect ("14.200" is 14200 with decimal ',' and 14.2 with '.').
bool parse_number(std::string_view s, char decimal, double& out) noexcept;
/// A percentage as parse_number reads its number, followed by '%' ("95%", "48,0 %"), as
/// the fraction it means (0.95, 0.48): the double nearest to the decimal fraction.
bool parse_percent(std::string_view s, char decimal, double& out) noexcept;
/// The year of a two-digit year, as Excel reads one typed in a date: 00..29 are
/// 2000..2029, 30..99 are 1930..1999.
int two_digit_year(int yy) noexcept;
/// A whole number 0..2^32-1.
bool parse_count(std::string_view s, std::uint32_t& out) noexcept;
/// A date in `format` as a day number (goaltrack::day_number), years 1400..9999. In
/// day_month_year, the year may have two digits (two_digit_year). A time of day at
/// midnight may follow ("30/06/2025 00:00", as a spreadsheet writes a date cell); any
/// other time is refused.
bool parse_day(std::string_view s, csv_date_format format, std::int32_t& out) noexcept;
/// "true" or "false", or in Vietnamese "đúng" or "sai", "có" or "không"; in any case,
/// the Vietnamese with or without diacritics.
bool parse_bool(std::string_view s, bool& out);

/// True when a spreadsheet would run `s` as a formula once one apostrophe is removed
/// from its front, i.e. `s` begins, after any apostrophes, with = + - @ tab or CR.
bool formula_like(std::string_view s) noexcept;
/// Text as read from a text field: a formula escaped by export loses its apostrophe.
inline std::string_view unescape_formula(std::string_view s) noexcept {
  if (!s.empty() && s.front() == '\'' && formula_like(s)) s.remove_prefix(1);
  return s;
}

// --- periods -------------------------------------------------------------------------

/// A period as written in the CSV files: period::to_string, except a school year that
/// `format` would read back differently, which is written with its days after an '@'
/// ("2019-2020@2019-08-15/2020-06-30").
std::string period_text(const period& p, const period_format& format);
/// Reads period_text's form. @throws parse_error naming the text.
period parse_period(std::string_view text, const period_format& format);

// --- writing ---------------------------------------------------------------------------

/// A flag as export writes it in `names`: "true" or "false", "đúng" or "sai".
inline std::string_view boolean_text(bool v, language names) noexcept {
  if (names == language::vi) return v ? "đúng" : "sai";
  return v ? "true" : "false";
}

/// Writes rows of CSV text into a string, handing it to a file every megabyte when one
/// is given.
class writer {
 public:
  writer(const csv_dialect& dialect, std::ofstream* file, std::string path);
  /// A text field, with formulas escaped and quoted where needed.
  void text(std::string_view s);
  /// A field written as it is (numbers, dates, codes of enums), quoted where needed.
  void raw(std::string_view s);
  /// A number, shortest text that reads back the same double.
  void number(double v);
  /// A flag, in the language of the dialect's names (boolean_text).
  void boolean(bool v) { raw(boolean_text(v, dialect_.names)); }
  /// A whole number.
  void integer(std::uint64_t v);
  /// A date in the dialect's format.
  void day(std::int32_t day_number);
  /// An empty field.
  void blank() { raw({}); }
  /// Ends the row.
  void end_row();
  /// Hands the rest to the file and returns the text written into memory (without a file).
  std::string finish();
  /// The language of column names, enum values and flags (csv_dialect::names).
  [[nodiscard]] language names() const noexcept { return dialect_.names; }

  /// The text number() writes for `v`, with `decimal` as its separator, into `buffer`;
  /// returns its length.
  static std::size_t number_text(double v, char decimal, char (&buffer)[64]) noexcept;

 private:
  void separate();
  void flush();
  const csv_dialect& dialect_;
  std::ofstream* file_;
  std::string path_;
  std::string out_;
  bool row_started_ = false;
};

/// The text of a day number in `format`.
std::string format_day(std::int32_t day_number, csv_date_format format);

}  // namespace goaltrack::detail::csv
