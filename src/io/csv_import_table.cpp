// import_csv: the per-file `table` (a CSV file's header mapped to the layout's columns
// by their names, English or Vietnamese, and its rows read with typed getters) and the
// names a header may give its columns. A workbook's sheet rows are in xlsx_import.cpp.
// See csv_import.hpp.

#include <algorithm>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "enum_codes.hpp"
#include "io/csv_import.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace goaltrack::detail::csv {

// --- column names --------------------------------------------------------------------------

column_names::column_names(const layout& l, std::span<const std::string> notes_columns) {
  for (std::size_t k = 0; k < l.columns.size(); ++k) {
    names_.push_back(l.columns[k].name);
    columns_.push_back(k);
  }
  for (std::size_t k = 0; k < l.columns.size(); ++k) {
    for_each_name(vi_names_of(l.columns[k].name), [&](std::string_view name) {
      names_.push_back(name);
      columns_.push_back(k);
      return false;
    });
  }
  layout_names_ = names_.size();
  for (const std::string& n : notes_columns) {
    names_.emplace_back(n);
    columns_.push_back(notes);
  }
}

std::optional<std::size_t> column_names::find(std::string_view header) const {
  // The layout's names first: a notes column that a layout column's name also matches
  // ("ghi chú", measurements.csv's note) is that column in that file.
  const std::span<const std::string_view> all(names_);
  if (const auto i = find_loosely(all.first(layout_names_), header)) return columns_[*i];
  if (const auto i = find_loosely(all.subspan(layout_names_), header)) return notes;
  return std::nullopt;
}

std::string column_names::did_you_mean(std::string_view header) const {
  return detail::did_you_mean(names_, header);
}

// --- table -------------------------------------------------------------------------------

table::table(importer& im, const layout& layout, std::string& text)
    : im_(im),
      layout_(layout),
      name_(layout.file),
      reader_(text, 0, im.dialect().delimiter),
      slot_(layout.columns.size(), absent),
      decimal_(im.dialect().decimal_separator),
      dates_(im.dialect().dates) {
  mark_columns();
  std::size_t bom = 0;
  bool maybe_decomposed = false;
  if (auto problem = check_encoding(text, bom, maybe_decomposed)) {
    im_.issue(name_, problem->line, 0, problem->message);
    ok_ = false;
    return;
  }
  // Text typed in decomposed Unicode (some keyboards write "ệ" as e and two marks) is
  // put in NFC once, whole: the delimiters, quotes and line ends are ASCII, which NFC
  // leaves alone, so every field becomes the NFC of its text.
  if (maybe_decomposed) text = to_nfc(text);
  reader_ = record_reader(text, bom, im.dialect().delimiter);
  const auto s = reader_.next();
  if (s == record_reader::status::end) {
    im_.issue(name_, 1, 0, "the file is empty: it needs at least its header row");
    ok_ = false;
    return;
  }
  if (s == record_reader::status::bad) {
    im_.issue(name_, reader_.line(), reader_.error_column(), reader_.error());
    ok_ = false;
    return;
  }
  fields_ = reader_.fields();
  map_header(fields_);
}

void table::map_header(std::span<const std::string_view> fields) {
  // Empty columns after the last named one are what a spreadsheet leaves (";;;").
  width_ = fields.size();
  while (width_ > 0 && trim(fields[width_ - 1]).empty()) --width_;
  const column_names names(layout_, im_.dialect().notes_columns);
  for (std::size_t f = 0; f < width_; ++f) {
    const std::string_view name = trim(fields[f]);
    const auto column = static_cast<std::uint32_t>(f + 1);
    const auto k = names.find(name);
    if (!k) {
      report_unknown_column(name, column, names, fields.size());
      ok_ = false;
    } else if (*k == column_names::notes) {
      map_notes_column(name, f);
    } else if (slot_[*k] != absent) {
      im_.issue(name_, line(), column, "column " + in_quotes(name) + " appears twice");
      ok_ = false;
    } else {
      slot_[*k] = f;
    }
  }
  const auto& columns = layout_.columns;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].required && slot_[k] == absent) {
      im_.issue(name_, line(), 0, "the header has no column " + in_quotes(columns[k].name));
      ok_ = false;
    }
  }
  const auto first_required =
      std::find_if(columns.begin(), columns.end(), [](const column& c) { return c.required; });
  first_column_ = first_required == columns.end()
                      ? 0
                      : static_cast<std::size_t>(first_required - columns.begin());
}

void table::report_unknown_column(std::string_view name, std::uint32_t column,
                                  const column_names& names, std::size_t fields) {
  if (name.empty()) {
    im_.issue(name_, line(), column,
              "the column has no name (only empty columns may follow the last named one)");
    return;
  }
  std::string known;
  for (const auto& k : layout_.columns) known += (known.empty() ? "" : ", ") + std::string(k.name);
  const char other = im_.dialect().delimiter == ',' ? ';' : ',';
  const std::string hint = fields == 1 && name.find(other) != std::string_view::npos
                               ? " (is the delimiter right? the dialect says '" +
                                     std::string(1, im_.dialect().delimiter) + "')"
                               : names.did_you_mean(name);
  im_.issue(name_, line(), column,
            "unknown column " + in_quotes(name) + hint + "; columns: " + known +
                " (or their Vietnamese names; a notes column must be named by the dialect's "
                "notes_columns)");
}

void table::mark_columns() {
  const auto& columns = layout_.columns;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].name == (&layout_ == &scales_file ? "scale" : "code")) key_ = k;
  }
  for (const percent_column& pc : percent_columns) {
    if (pc.file != layout_.file) continue;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (columns[k].name == pc.column) percent_ok_ |= std::uint64_t{1} << k;
    }
  }
}

record_reader::status table::read_row() {
  if (sheet_ != nullptr) return read_sheet_row();
  const auto s = reader_.next();
  fields_ = reader_.fields();
  return s;
}

bool table::next() {
  for (;;) {
    bad_ = false;
    percents_ = 0;
    const auto s = read_row();
    if (s == record_reader::status::end) return false;
    if (s == record_reader::status::bad) {
      im_.issue(name_, reader_.line(), reader_.error_column(), reader_.error());
      continue;
    }
    if (fields_.size() != width_ && !only_blanks_after(fields_)) {
      report_width();
      continue;
    }
    if (!note_slots_.empty()) read_notes();
    return true;
  }
}

void table::map_notes_column(std::string_view name, std::size_t field) {
  const auto column = static_cast<std::uint32_t>(field + 1);
  if (!keeps_notes(layout_)) {
    std::string kept;
    for (const layout* l : files_with_notes)
      kept += (kept.empty() ? "" : ", ") + std::string(l->file);
    im_.warn(name_, line(), column,
             "notes column " + in_quotes(name) + ": the notes of " + std::string(layout_.file) +
                 " are not kept, so export will not write them back (notes are kept in " + kept +
                 ")");
    return;
  }
  if (std::find(note_names_.begin(), note_names_.end(), name) != note_names_.end()) {
    im_.issue(name_, line(), column, "column " + in_quotes(name) + " appears twice");
    ok_ = false;
    return;
  }
  note_names_.emplace_back(name);
  note_slots_.push_back(field);
}

void table::read_notes() {
  for (std::size_t k = 0; k < note_slots_.size(); ++k) {
    const std::size_t f = note_slots_[k];
    const std::string_view v = sheet_ == nullptr ? unescape_formula(fields_[f]) : fields_[f];
    if (trim(v).empty()) continue;
    if (const std::string problem = text_problem(v); !problem.empty()) {
      im_.issue(name_, line(), static_cast<std::uint32_t>(f + 1),
                "note " + in_quotes(note_names_[k]) + " " + problem);
      continue;
    }
    notes_.push_back({line(), k, v});
  }
}

void table::keep_notes_of(std::uint64_t line, const row_note& row) {
  auto it = std::lower_bound(notes_.begin(), notes_.end(), line,
                             [](const cell_note& n, std::uint64_t l) { return n.line < l; });
  std::vector<row_note>& kept = im_.kept_notes(layout_);
  for (; it != notes_.end() && it->line == line; ++it) {
    row_note& n = kept.emplace_back(row);
    n.column = note_names_[it->column];
    n.text = it->text;
  }
}

void importer::add_notes() {
  for (std::size_t f = 0; f < all_files.size(); ++f) {
    if (notes_[f].empty()) continue;
    try {
      p_.add_notes(notes_[f]);
    } catch (const error& e) {
      // The rows were checked as they were read: only a plan's limit could refuse them.
      issue(std::string(all_files[f]->file), 0, 0, e.what());
    }
    std::vector<row_note>().swap(notes_[f]);
  }
}

void table::fail_percents(const std::string& why) {
  for (std::size_t col = 0; col < layout_.columns.size(); ++col) {
    if (percent(col)) fail(col, describe(col, value(col)) + ": " + why);
  }
}

void table::report_width() {
  if (sheet_ != nullptr) {
    im_.issue(name_, line(), static_cast<std::uint32_t>(width_ + 1),
              "the row has a value to the right of the last column with a header");
    return;
  }
  im_.issue(name_, line(), 0,
            "the row has " + std::to_string(fields_.size()) + " fields, the header " +
                std::to_string(width_) + " (a missing delimiter, or an unquoted '" +
                std::string(1, im_.dialect().delimiter) + "' in a field?)");
}

bool table::only_blanks_after(std::span<const std::string_view> fields) const noexcept {
  if (fields.size() < width_) return false;
  return std::all_of(fields.begin() + static_cast<std::ptrdiff_t>(width_), fields.end(),
                     [](std::string_view f) { return trim(f).empty(); });
}

void table::fail_at(std::uint64_t line, std::size_t col, const std::string& what,
                    std::string_view code) {
  const std::size_t k = col == absent ? first_column_ : col;
  const auto column = slot_[k] == absent ? 0U : static_cast<std::uint32_t>(slot_[k] + 1);
  im_.issue(name_, line, column, what);
  if (!code.empty()) im_.reject(layout_, code, line);
}

void table::warn_at(std::uint64_t line, std::size_t col, const std::string& what) {
  const auto column = slot_[col] == absent ? 0U : static_cast<std::uint32_t>(slot_[col] + 1);
  im_.warn(name_, line, column, what);
}

void table::mark_bad() {
  bad_ = true;
  if (key_ != absent && !value(key_).empty()) im_.reject(layout_, value(key_), line());
}

void table::fail(std::size_t col, const std::string& what) {
  bad_ = true;
  fail_at(line(), col, what, key_ == absent ? std::string_view() : value(key_));
}

std::optional<share> table::share_of(std::size_t col) {
  const std::string_view v = value(col);
  if (v.empty()) return std::nullopt;
  if (sheet_ != nullptr && typed(col)) return sheet_share(col, v);
  const std::size_t slash = v.find('/');
  if (slash != std::string_view::npos) {
    std::uint32_t n = 0;
    std::uint32_t d = 0;
    if (parse_count(v.substr(0, slash), n) && parse_count(v.substr(slash + 1), d) && d != 0) {
      return share{n, d};
    }
  } else if (!v.empty() && v.back() == '%') {
    // p% with up to six decimals, kept exact: 95.5% is 955/1000.
    std::string_view p = trim(v.substr(0, v.size() - 1));
    const std::size_t point = p.find(decimal_);
    std::string digits(p.substr(0, point));
    std::uint32_t denominator = 100;
    if (point != std::string_view::npos) {
      const std::string_view fraction = p.substr(point + 1);
      if (fraction.size() <= 6) {
        digits += fraction;
        for (std::size_t i = 0; i < fraction.size(); ++i) denominator *= 10;
      } else {
        digits = "x";
      }
    }
    std::uint32_t n = 0;
    if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos &&
        parse_count(digits, n)) {
      return share{n, denominator};
    }
  }
  fail(col, describe(col, v) + " is not a share such as 191/200 or 95" + std::string(1, decimal_) +
                "5%");
  return std::nullopt;
}

void table::fail_required(std::size_t col) {
  fail(col, std::string(layout_.columns[col].name) + " is required");
}

std::optional<double> table::percent_or_fail(std::size_t col, std::string_view v) {
  double out = 0;
  const bool percent = parse_percent(v, decimal_, out);
  if (percent && ((percent_ok_ >> col) & 1U) != 0) {
    percents_ |= std::uint64_t{1} << col;
    return out;
  }
  fail(col, describe(col, v) +
                (percent ? " is a percentage, which this column does not take (only the values "
                           "of ratio targets and a policy's margins do)"
                         : " is not a number (decimal separator '" + std::string(1, decimal_) +
                               "', thousands grouped by '" + (decimal_ == ',' ? "." : ",") +
                               "' or a space)"));
  return std::nullopt;
}

void table::fail_day(std::size_t col, std::string_view v) {
  fail(col, describe(col, v) + " is not a date " +
                (dates_ == csv_date_format::iso ? "YYYY-MM-DD" : "DD/MM/YYYY or DD/MM/YY") +
                " (a real day of the years 1400..9999; a time of day, if any, 00:00)");
}

}  // namespace goaltrack::detail::csv
