// Reading one sheet (xl/worksheets/sheetN.xml) row by row: the sheet is inflated whole
// (as import_csv holds a CSV file whole) and scanned (xlsx_scan.hpp) to the end of each
// row with a value. Cells are typed as the workbook types them, their texts views into
// the XML wherever no decoding is needed; every fault names the sheet and cell.

#include <algorithm>
#include <charconv>
#include <cmath>
#include <system_error>

#include "goaltrack/error.hpp"
#include "io/xlsx_parts.hpp"
#include "io/xlsx_read.hpp"
#include "io/xlsx_scan.hpp"
#include "io/xlsx_xml.hpp"
#include "io/xlsx_zip.hpp"

namespace goaltrack::detail::xlsx {

namespace {

constexpr std::uint32_t max_row = 1'048'576;
constexpr std::uint32_t max_column = 16'384;  // XFD

// A cell of the row being built: its text is a view into the sheet's XML or the shared
// strings (lasting), or a range of the row's own text (decoded).
struct slot {
  cell_type type = cell_type::blank;
  bool lasting = false;
  std::string_view view;
  std::size_t begin = 0;
  std::size_t size = 0;
};

// A cell's t attribute.
enum class value_kind : std::uint8_t { number, shared, inline_text, boolean, error, text };

std::optional<value_kind> value_kind_of(std::string_view t) noexcept {
  if (t == "n") return value_kind::number;
  if (t == "s") return value_kind::shared;
  if (t == "inlineStr") return value_kind::inline_text;
  if (t == "b") return value_kind::boolean;
  if (t == "e") return value_kind::error;
  if (t == "str" || t == "d") return value_kind::text;
  return std::nullopt;
}

template <typename T>
bool parse_whole(std::string_view s, T& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

bool is_number(std::string_view s) {
  // Most cells hold whole numbers or plain decimals ("44406", "0.581"): no parse needed.
  std::size_t points = 0;
  std::size_t digits = 0;
  for (const char c : s) {
    points += c == '.' ? 1U : 0U;
    digits += c >= '0' && c <= '9' ? 1U : 0U;
  }
  if (digits > 0 && digits <= 300 && points <= 1 && digits + points == s.size()) return true;
  double v = 0;
  return parse_whole(s, v) && std::isfinite(v);
}

// Column and row of an A1 reference ("B7" -> 2, 7); false when it is not one in range.
bool parse_ref(std::string_view ref, std::uint32_t& column, std::uint32_t& row) {
  std::size_t i = 0;
  column = 0;
  while (i < ref.size() && ref[i] >= 'A' && ref[i] <= 'Z' && column <= max_column) {
    column = column * 26 + static_cast<std::uint32_t>(ref[i] - 'A' + 1);
    ++i;
  }
  return i > 0 && column <= max_column && parse_whole(ref.substr(i), row) && row >= 1 &&
         row <= max_row;
}

}  // namespace

struct sheet_reader::state {
  state(const workbook_parts& parts, std::size_t index, std::uint64_t entry_index,
        std::string* buffer)
      : parts_(parts),
        name_(parts.sheets[index].name),
        scan_(parts.archive->read(entry_index, parts.sheets[index].entry,
                                  buffer != nullptr ? *buffer : own_),
              parts.archive->where(), parts.sheets[index].entry, parts.archive->caps().xml_depth) {}

  // Scans to the end of the next row with a value.
  bool next() {
    for (;;) {
      switch (scan_.next()) {
        case xml_scanner::token::done:
          return false;
        case xml_scanner::token::start:
          start(scan_.name());
          break;
        case xml_scanner::token::end:
          if (end(scan_.name())) return true;
          break;
        case xml_scanner::token::text:
          if (collecting_) collect();
          break;
      }
    }
  }

  void start(std::string_view name) {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "c") {
      start_cell();
      if (take_value()) end_cell();
    } else if (name == "v" || name == "t") {
      collecting_ = in_cell_ && !in_phonetic_;
    } else if (name == "row") {
      start_row();
    } else if (name == "rPh") {
      in_phonetic_ = true;
    }
  }

  // True at the end of a row with a value.
  bool end(std::string_view name) {
    if (!in_data_) return false;
    if (name == "v" || name == "t") {
      collecting_ = false;
    } else if (name == "c" && in_cell_) {
      end_cell();
    } else if (name == "row") {
      return end_row();
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "sheetData") {
      in_data_ = false;
    }
    return false;
  }

  // The fast path for a cell as writers write it, <v>7</v></c> or, for an inline string,
  // <is><t>text</t></is></c>: the value is taken and the cell closed at once. True when
  // it was; else the tokens are read one by one.
  bool take_value() {
    const auto text = kind_ == value_kind::inline_text
                          ? scan_.take_text_and_close("<is><t>", "</t></is>")
                          : scan_.take_text_and_close("<v>", "</v>");
    if (!text) return false;
    slot& v = value();
    v.view = *text;
    v.lasting = true;
    check_size(text->size());
    return true;
  }

  void check_size(std::size_t size) const {
    if (size > parts_.archive->caps().cell_bytes) {
      fail_at(column_, "cell text longer than " +
                           std::to_string(parts_.archive->caps().cell_bytes) + " bytes");
    }
  }

  // A text of the cell's value: kept as a view into the XML while it is the only one and
  // needs no decoding, else decoded into the row's text.
  void collect() {
    slot& v = value();
    if (!v.lasting && text_.size() == v.begin && scan_.plain_text()) {
      v.view = scan_.raw_text();
      v.lasting = true;
    } else {
      if (v.lasting) {
        text_.append(v.view);
        v.lasting = false;
      }
      scan_.append_text(text_);
    }
    check_size(v.lasting ? v.view.size() : text_.size() - v.begin);
  }

  void start_row() {
    std::uint32_t r = last_row_ + 1;
    scan_.for_each_attribute([&](std::string_view name, std::string_view v) {
      if (name != "r") return;
      if (!parse_whole(v, r) || r < 1 || r > max_row) {
        fail_entry("row number '" + std::string(v) + "' is not 1.." + std::to_string(max_row));
      }
      if (r <= last_row_) {
        fail_entry("row " + std::to_string(r) + " is out of order or repeated (after row " +
                   std::to_string(last_row_) + ")");
      }
    });
    if (r > max_row) fail_entry("more than " + std::to_string(max_row) + " rows");
    row_ = r;
    last_row_ = r;
    column_ = 0;
    slots_.clear();
    text_.clear();
  }

  void start_cell() {
    std::uint32_t column = column_ + 1;
    kind_ = value_kind::number;
    date_style_ = false;
    scan_.for_each_attribute([&](std::string_view name, std::string_view v) {
      if (name == "r") {
        std::uint32_t ref_row = 0;
        if (!parse_ref(v, column, ref_row)) {
          fail_at(column_ + 1, "'" + std::string(v) + "' is not a cell reference up to XFD" +
                                   std::to_string(max_row));
        }
        if (ref_row != row_ || column <= column_) {
          fail_at(column, "cell reference '" + std::string(v) + "' is out of order");
        }
      } else if (name == "t") {
        const auto k = value_kind_of(v);
        if (!k) fail_at(column_ + 1, "unknown cell type t=\"" + std::string(v) + "\"");
        kind_ = *k;
      } else if (name == "s") {
        std::uint32_t style = 0;
        date_style_ =
            parse_whole(v, style) && style < parts_.date_styles.size() && parts_.date_styles[style];
      }
    });
    if (column > max_column)
      fail_at(column_, "more than " + std::to_string(max_column) + " columns");
    column_ = column;
    in_cell_ = true;
    slots_.resize(column);  // the columns skipped are blank
    slot& v = value();
    v.lasting = false;
    v.begin = text_.size();
  }

  // The slot of the cell being read.
  slot& value() { return slots_[column_ - 1]; }

  void end_cell() {
    in_cell_ = false;
    collecting_ = false;
    slot& s = value();
    if (!s.lasting) s.size = text_.size() - s.begin;
    const std::string_view text = s.lasting ? s.view : std::string_view(text_).substr(s.begin);
    if (text.empty()) {
      s.type = cell_type::blank;
      if (!s.lasting) text_.resize(s.begin);
    } else {
      type_value(s, text);
    }
  }

  void type_value(slot& s, std::string_view value) {
    switch (kind_) {
      case value_kind::number:
        if (!is_number(value)) fail_at(column_, "'" + std::string(value) + "' is not a number");
        s.type = date_style_ ? cell_type::date_number : cell_type::number;
        break;
      case value_kind::shared:
        type_shared(s, value);
        break;
      case value_kind::boolean:
        if (value != "0" && value != "1") fail_at(column_, "a boolean that is neither 0 nor 1");
        s.type = cell_type::boolean;
        break;
      case value_kind::inline_text:
      case value_kind::error:
      case value_kind::text:
        if (!xml_chars(value)) {
          fail_at(column_, "text that is not UTF-8 or holds a control character");
        }
        s.type = kind_ == value_kind::error ? cell_type::error : cell_type::text;
        if (kind_ == value_kind::inline_text) unescape(s, value);
        break;
    }
  }

  // Office's _xHHHH_ escapes of an inline string, decoded into the row's text.
  void unescape(slot& s, std::string_view value) {
    if (!std::any_of(value.begin(), value.end(), [](char c) { return c == '_'; })) return;
    std::string decoded(value);
    decode_escapes(decoded);
    if (!s.lasting) text_.resize(s.begin);
    s.lasting = false;
    s.begin = text_.size();
    s.size = decoded.size();
    text_ += decoded;
  }

  void type_shared(slot& s, std::string_view value) {
    std::uint64_t i = 0;
    if (!parse_whole(value, i) || i >= parts_.strings.size()) {
      fail_at(column_, "shared string " + std::string(value) + " is not in the table (of " +
                           std::to_string(parts_.strings.size()) + ")");
    }
    if (!s.lasting) text_.resize(s.begin);
    s.type = cell_type::text;
    s.lasting = true;
    s.view = parts_.strings.at(static_cast<std::size_t>(i));
  }

  bool end_row() {
    while (!slots_.empty() && slots_.back().type == cell_type::blank) slots_.pop_back();
    if (slots_.empty()) return false;
    cells_.clear();
    cells_.reserve(slots_.size());
    for (const slot& s : slots_) {
      cells_.push_back({s.type,
                        s.lasting ? s.view : std::string_view(text_).substr(s.begin, s.size),
                        s.lasting});
    }
    return true;
  }

  [[noreturn]] void fail_at(std::uint32_t column, const std::string& what) const {
    throw_corrupt(parts_.archive->where(),
                  "sheet '" + name_ + "'!" + cell_name(row_, column) + ": " + what);
  }
  [[noreturn]] void fail_entry(const std::string& what) const {
    scan_.fail("sheet '" + name_ + "': " + what);
  }

  const workbook_parts& parts_;
  std::string name_;
  std::string own_;  // the sheet's XML, inflated whole, when no buffer is given
  xml_scanner scan_;
  bool in_data_ = false;
  bool in_cell_ = false;
  bool in_phonetic_ = false;
  bool collecting_ = false;
  bool date_style_ = false;
  value_kind kind_ = value_kind::number;
  std::uint32_t row_ = 0;
  std::uint32_t last_row_ = 0;
  std::uint32_t column_ = 0;
  std::string text_;  // the decoded texts of the row's cells, one after the other
  std::vector<slot> slots_;
  std::vector<cell> cells_;
};

sheet_reader::sheet_reader(std::unique_ptr<state> s) : state_(std::move(s)) {}
sheet_reader::sheet_reader(sheet_reader&&) noexcept = default;
sheet_reader& sheet_reader::operator=(sheet_reader&&) noexcept = default;
sheet_reader::~sheet_reader() = default;

bool sheet_reader::next() { return state_->next(); }
std::uint32_t sheet_reader::row() const noexcept { return state_->row_; }
std::span<const cell> sheet_reader::cells() const noexcept { return state_->cells_; }

sheet_reader workbook::sheet(std::size_t index) const { return open_sheet(index, nullptr); }

sheet_reader workbook::sheet(std::size_t index, std::string& buffer) const {
  return open_sheet(index, &buffer);
}

sheet_reader workbook::open_sheet(std::size_t index, std::string* buffer) const {
  const sheet_entry& s = parts_->sheets.at(index);
  const std::optional<std::uint64_t> entry = parts_->archive->find(s.entry);
  if (!entry) {
    throw_corrupt(parts_->archive->where(),
                  "sheet '" + s.name + "': the workbook has no entry " + s.entry);
  }
  return sheet_reader(std::make_unique<sheet_reader::state>(*parts_, index, *entry, buffer));
}

}  // namespace goaltrack::detail::xlsx
