// Streaming one sheet (xl/worksheets/sheetN.xml) row by row: the expat handler below
// builds a row's cells and pauses the parser at </row>, so a sheet of millions of rows
// never sits in memory whole. Cells are typed as the workbook types them; every fault
// names the sheet and cell.

#include <charconv>
#include <cmath>
#include <system_error>

#include "goaltrack/error.hpp"
#include "io/xlsx_parts.hpp"
#include "io/xlsx_read.hpp"
#include "io/xlsx_xml.hpp"

namespace goaltrack::detail::xlsx {

namespace {

constexpr std::uint32_t max_row = 1'048'576;
constexpr std::uint32_t max_column = 16'384;  // XFD

// A cell of the row being built: its text is a range of the row's text, or a shared string.
struct slot {
  cell_type type = cell_type::blank;
  bool shared = false;
  std::size_t begin = 0;
  std::size_t size = 0;
  std::string_view shared_text;
};

template <typename T>
bool parse_whole(std::string_view s, T& out) {
  const auto [end, ec] = std::from_chars(s.data(), s.data() + s.size(), out);
  return ec == std::errc() && end == s.data() + s.size() && !s.empty();
}

bool is_number(std::string_view s) {
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

struct sheet_reader::state final : xml_handler {
  state(const workbook_parts& parts, std::size_t index, std::uint64_t entry_index)
      : parts_(parts),
        name_(parts.sheets[index].name),
        in_(*parts.archive, entry_index, parts.sheets[index].entry),
        reader_(in_, *this, parts.archive->caps().xml_depth) {}

  bool next() {
    text_.clear();
    slots_.clear();
    cells_.clear();
    return reader_.run();
  }

  void start(std::string_view name, const xml_attributes& a) override {
    if (name == "sheetData") {
      in_data_ = true;
    } else if (!in_data_) {
      return;
    } else if (name == "row") {
      start_row(a);
    } else if (name == "c") {
      start_cell(a);
    } else if (name == "v" || name == "t") {
      collecting_ = in_cell_ && !in_phonetic_;
    } else if (name == "rPh") {
      in_phonetic_ = true;
    }
  }

  void end(std::string_view name) override {
    if (!in_data_) return;
    if (name == "v" || name == "t") {
      collecting_ = false;
    } else if (name == "rPh") {
      in_phonetic_ = false;
    } else if (name == "c" && in_cell_) {
      end_cell();
    } else if (name == "row") {
      end_row();
    } else if (name == "sheetData") {
      in_data_ = false;
    }
  }

  void text(std::string_view chars) override {
    if (!collecting_) return;
    if (text_.size() - value_begin_ + chars.size() > parts_.archive->caps().cell_bytes) {
      fail_at(column_, "cell text longer than " +
                           std::to_string(parts_.archive->caps().cell_bytes) + " bytes");
    }
    text_ += chars;
  }

  void start_row(const xml_attributes& a) {
    std::uint32_t r = last_row_ + 1;
    if (const auto v = a.get("r")) {
      if (!parse_whole(*v, r) || r < 1 || r > max_row) {
        fail_entry("row number '" + std::string(*v) + "' is not 1.." + std::to_string(max_row));
      }
      if (r <= last_row_) {
        fail_entry("row " + std::to_string(r) + " is out of order or repeated (after row " +
                   std::to_string(last_row_) + ")");
      }
    } else if (r > max_row) {
      fail_entry("more than " + std::to_string(max_row) + " rows");
    }
    row_ = r;
    last_row_ = r;
    column_ = 0;
    slots_.clear();
    text_.clear();
  }

  void start_cell(const xml_attributes& a) {
    std::uint32_t column = column_ + 1;
    if (const auto ref = a.get("r")) {
      std::uint32_t ref_row = 0;
      if (!parse_ref(*ref, column, ref_row)) {
        fail_at(column_ + 1, "'" + std::string(*ref) + "' is not a cell reference up to XFD" +
                                 std::to_string(max_row));
      }
      if (ref_row != row_ || column <= column_) {
        fail_at(column, "cell reference '" + std::string(*ref) + "' is out of order");
      }
    } else if (column > max_column) {
      fail_at(column_, "more than " + std::to_string(max_column) + " columns");
    }
    column_ = column;
    type_ = std::string(a.get("t").value_or("n"));
    std::uint32_t style = 0;
    date_style_ = parse_whole(a.get("s").value_or(""), style) &&
                  style < parts_.date_styles.size() && parts_.date_styles[style];
    in_cell_ = true;
    value_begin_ = text_.size();
  }

  void end_cell() {
    in_cell_ = false;
    collecting_ = false;
    slot s{cell_type::blank, false, value_begin_, text_.size() - value_begin_, {}};
    const std::string_view value = std::string_view(text_).substr(value_begin_);
    if (type_ == "inlineStr") {
      type_inline(s);
    } else if (value.empty()) {
      s.type = cell_type::blank;
    } else if (type_ == "n") {
      if (!is_number(value)) fail_at(column_, "'" + std::string(value) + "' is not a number");
      s.type = date_style_ ? cell_type::date_number : cell_type::number;
    } else if (type_ == "s") {
      type_shared(s, value);
    } else if (type_ == "b") {
      if (value != "0" && value != "1") fail_at(column_, "a boolean that is neither 0 nor 1");
      s.type = cell_type::boolean;
    } else if (type_ == "e") {
      s.type = cell_type::error;
    } else if (type_ == "str" || type_ == "d") {
      s.type = cell_type::text;
    } else {
      fail_at(column_, "unknown cell type t=\"" + type_ + "\"");
    }
    if (s.type == cell_type::blank) text_.resize(value_begin_);
    slots_.resize(column_);
    slots_[column_ - 1] = s;
  }

  void type_inline(slot& s) {
    std::string value = text_.substr(value_begin_);
    decode_escapes(value);
    text_.replace(value_begin_, std::string::npos, value);
    s.size = value.size();
    s.type = cell_type::text;
  }

  void type_shared(slot& s, std::string_view value) {
    std::uint64_t i = 0;
    if (!parse_whole(value, i) || i >= parts_.strings.size()) {
      fail_at(column_, "shared string " + std::string(value) + " is not in the table (of " +
                           std::to_string(parts_.strings.size()) + ")");
    }
    s.type = cell_type::text;
    s.shared = true;
    s.shared_text = parts_.strings.at(static_cast<std::size_t>(i));
  }

  void end_row() {
    while (!slots_.empty() && slots_.back().type == cell_type::blank) slots_.pop_back();
    if (slots_.empty()) return;
    cells_.clear();
    cells_.reserve(slots_.size());
    for (const slot& s : slots_) {
      cells_.push_back(
          {s.type, s.shared ? s.shared_text : std::string_view(text_).substr(s.begin, s.size)});
    }
    reader_.pause();
  }

  [[noreturn]] void fail_at(std::uint32_t column, const std::string& what) const {
    throw_corrupt(parts_.archive->where(),
                  "sheet '" + name_ + "'!" + cell_name(row_, column) + ": " + what);
  }
  [[noreturn]] void fail_entry(const std::string& what) const {
    throw_corrupt(parts_.archive->where(), in_.name() + " (sheet '" + name_ + "'): line " +
                                               std::to_string(reader_.line()) + ": " + what);
  }

  const workbook_parts& parts_;
  std::string name_;
  entry_stream in_;
  xml_reader reader_;
  bool in_data_ = false;
  bool in_cell_ = false;
  bool in_phonetic_ = false;
  bool collecting_ = false;
  bool date_style_ = false;
  std::string type_;
  std::uint32_t row_ = 0;
  std::uint32_t last_row_ = 0;
  std::uint32_t column_ = 0;
  std::size_t value_begin_ = 0;
  std::string text_;  // the texts of the row's cells, one after the other
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

sheet_reader workbook::sheet(std::size_t index) const {
  const sheet_entry& s = parts_->sheets.at(index);
  const std::optional<std::uint64_t> entry = parts_->archive->find(s.entry);
  if (!entry) {
    throw_corrupt(parts_->archive->where(),
                  "sheet '" + s.name + "': the workbook has no entry " + s.entry);
  }
  return sheet_reader(std::make_unique<sheet_reader::state>(*parts_, index, *entry));
}

}  // namespace goaltrack::detail::xlsx
