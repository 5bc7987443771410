// Writing Excel workbooks over libxlsxwriter in constant-memory mode (rows go to disk as
// they are written): headers, frozen panes, column widths from the text seen, and data
// validation lists, inline when Excel allows (255 characters) and on a hidden sheet
// "lists" beyond.

#include "io/xlsx_write.hpp"

#include <fcntl.h>
#include <unistd.h>
#include <xlsxwriter.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstring>
#include <iterator>
#include <system_error>

#include "goaltrack/error.hpp"
#include "io/xlsx_read.hpp"
#include "utf8.hpp"

namespace goaltrack::detail::xlsx {

namespace {

constexpr std::size_t max_width = 60;         // characters: wider columns wrap off screen
constexpr std::size_t min_width = 8;          // about Excel's default (8.43)
constexpr std::size_t inline_list_max = 255;  // Excel's cap on an inline validation list
constexpr const char* lists_sheet = "lists";

std::atomic<unsigned> temp_counter{0};

// A temporary name next to `target`, unique to this process and call.
std::filesystem::path temp_next_to(const std::filesystem::path& target) {
  std::filesystem::path t = target;
  t += ".tmp-" + std::to_string(::getpid()) + "-" + std::to_string(temp_counter++) + ".xlsx";
  return t;
}

// True when `choices` fit an inline list: commas separate items, so none may hold one.
bool fits_inline(const std::vector<std::string>& choices) {
  std::size_t length = 0;
  for (const std::string& c : choices) {
    if (c.find_first_of(",\"") != std::string::npos) return false;
    length += c.size() + 1;
  }
  return length - 1 <= inline_list_max;
}

// `s` with every '_' that starts an Office escape "_xHHHH_" escaped itself ("_x005F_"), so
// that Excel, and our reader, show the text as written rather than the escaped character.
std::string protect_escapes(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const std::string_view rest = s.substr(i);
    const bool escape =
        rest.size() >= 7 && rest.starts_with("_x") && rest[6] == '_' &&
        rest.substr(2, 4).find_first_not_of("0123456789ABCDEFabcdef") == std::string_view::npos;
    out += escape ? std::string_view("_x005F_") : rest.substr(0, 1);
  }
  return out;
}

std::string no_nul(std::string_view s) { return std::string(s.substr(0, s.find('\0'))); }

// Flushes `path` to disk, so that the rename never exposes a file the disk lacks.
bool sync_file(const std::filesystem::path& path) {
  const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
  if (fd < 0) return false;
  const bool ok = ::fsync(fd) == 0;
  return ::close(fd) == 0 && ok;
}

// The validation worksheet_data_validation_range stored last.
lxw_data_val_obj* last_validation(lxw_worksheet* sheet) {
  lxw_data_val_obj* last = nullptr;
  for (lxw_data_val_obj* o = STAILQ_FIRST(sheet->data_validations); o != nullptr;
       o = STAILQ_NEXT(o, list_pointers)) {
    last = o;
  }
  return last;
}

}  // namespace

// --- sheet_writer ---------------------------------------------------------------------

sheet_writer::sheet_writer(workbook_writer& owner, lxw_worksheet* sheet, std::string name)
    : owner_(owner), sheet_(sheet), name_(std::move(name)) {}

std::string sheet_writer::here() const {
  return "sheet '" + name_ + "'!" + cell_name(row_ + 1, std::uint32_t{column_} + 1U);
}

void sheet_writer::check(int error, std::string_view what) const {
  if (error == LXW_NO_ERROR) return;
  throw invalid_argument(here() + ": " + std::string(what) + ": " +
                         lxw_strerror(static_cast<lxw_error>(error)));
}

void sheet_writer::written(std::size_t width) {
  if (widths_.size() <= column_) widths_.resize(std::size_t{column_} + 1U, 0);
  widths_[column_] = std::max(widths_[column_], width);
  if (column_ + 1U >= LXW_COL_MAX) throw invalid_argument(here() + ": more than 16384 columns");
  ++column_;
}

void sheet_writer::text(std::string_view s) {
  if (!s.empty()) {
    if (s.find('\0') != std::string_view::npos) {
      throw invalid_argument(here() + ": text with a NUL byte cannot be written to a workbook");
    }
    const std::string z = protect_escapes(s);
    const lxw_error e = worksheet_write_string(sheet_, row_, column_, z.c_str(), nullptr);
    if (e == LXW_ERROR_MAX_STRING_LENGTH_EXCEEDED) {
      throw invalid_argument(here() + ": text longer than Excel's 32767 characters");
    }
    check(e, "cannot write the text");
  }
  written(code_points(s));
}

void sheet_writer::number(double v) {
  if (!std::isfinite(v)) throw invalid_argument(here() + ": a number that is not finite");
  check(worksheet_write_number(sheet_, row_, column_, v, nullptr), "cannot write the number");
  char buffer[32];
  const auto r = std::to_chars(std::begin(buffer), std::end(buffer), v);
  // Excel's General format shows at most 11 characters of a number.
  written(std::min<std::size_t>(static_cast<std::size_t>(r.ptr - buffer), 11));
}

void sheet_writer::integer(std::uint64_t v) {
  check(worksheet_write_number(sheet_, row_, column_, static_cast<double>(v), nullptr),
        "cannot write the number");
  written(std::to_string(v).size());
}

void sheet_writer::day(std::int32_t day_number) {
  const std::optional<std::int32_t> serial = day_serial(day_number, false);
  if (!serial) throw invalid_argument(here() + ": a day before 1900-01-01 or after 9999-12-31");
  check(worksheet_write_number(sheet_, row_, column_, static_cast<double>(*serial), owner_.date_),
        "cannot write the date");
  written(std::max<std::size_t>(owner_.options_.date_format.size(), 10));
}

void sheet_writer::boolean(bool v) {
  check(worksheet_write_boolean(sheet_, row_, column_, v ? 1 : 0, nullptr),
        "cannot write the boolean");
  written(5);
}

void sheet_writer::blank() { written(0); }

void sheet_writer::end_row() {
  if (row_ + 1U >= LXW_ROW_MAX) throw invalid_argument(here() + ": more than 1048576 rows");
  ++row_;
  column_ = 0;
}

void sheet_writer::set_widths() {
  for (std::size_t c = 0; c < widths_.size(); ++c) {
    const std::size_t w = std::clamp<std::size_t>(widths_[c] + 2, min_width, max_width);
    const auto col = static_cast<lxw_col_t>(c);
    check(worksheet_set_column(sheet_, col, col, static_cast<double>(w), nullptr),
          "cannot set the column width");
  }
}

// --- workbook_writer ------------------------------------------------------------------

workbook_writer::workbook_writer(const std::filesystem::path& path, writer_options options)
    : path_(path), temp_(temp_next_to(path)), options_(std::move(options)) {
  const std::filesystem::path dir = !options_.temp_dir.empty() ? options_.temp_dir
                                    : path.has_parent_path()   ? path.parent_path()
                                                               : std::filesystem::path(".");
  temp_dir_ = dir.string();
  lxw_workbook_options o{};
  o.constant_memory = LXW_TRUE;
  o.tmpdir = temp_dir_.data();
  o.use_zip64 = LXW_TRUE;  // sheets over 4 GiB inflated
  workbook_ = workbook_new_opt(temp_.c_str(), &o);
  if (workbook_ == nullptr) {
    throw io_error("cannot write '" + path_.string() + "': cannot start the workbook",
                   path_.string());
  }
  bold_ = workbook_add_format(workbook_);
  format_set_bold(bold_);
  date_ = workbook_add_format(workbook_);
  format_set_num_format(date_, options_.date_format.c_str());
}

workbook_writer::~workbook_writer() {
  if (workbook_ == nullptr) return;
  lxw_workbook_free(workbook_);
  std::error_code ignored;
  std::filesystem::remove(temp_, ignored);
}

sheet_writer& workbook_writer::add_sheet(std::string_view name,
                                         std::span<const column_spec> columns) {
  const std::string z = no_nul(name);
  if (z == lists_sheet) throw invalid_argument("the sheet name 'lists' is kept for choice lists");
  if (z.size() != name.size()) {
    throw invalid_argument("sheet name '" + z + "...' has a NUL byte");
  }
  const lxw_error e = workbook_validate_sheet_name(workbook_, z.c_str());
  if (e != LXW_NO_ERROR) throw invalid_argument("sheet name '" + z + "': " + lxw_strerror(e));
  lxw_worksheet* ws = workbook_add_worksheet(workbook_, z.c_str());
  if (ws == nullptr) throw invalid_argument("sheet name '" + z + "' is refused by libxlsxwriter");
  sheets_.push_back(std::unique_ptr<sheet_writer>(new sheet_writer(*this, ws, z)));
  sheet_writer& s = *sheets_.back();
  for (const column_spec& c : columns) {
    const std::string header = protect_escapes(no_nul(c.header));
    if (!header.empty()) {
      s.check(worksheet_write_string(ws, 0, s.column_, header.c_str(), bold_),
              "cannot write the header");
    }
    if (!c.choices.empty()) validate(ws, s.column_, c.choices);
    s.written(code_points(header));
  }
  s.end_row();
  worksheet_freeze_panes(ws, 1, 0);
  return s;
}

void workbook_writer::validate(lxw_worksheet* sheet, std::uint16_t column,
                               const std::vector<std::string>& choices) {
  lxw_data_validation v{};
  v.validate = LXW_VALIDATION_TYPE_LIST;
  std::vector<char*> items;
  std::string formula;
  if (fits_inline(choices)) {
    for (const std::string& c : choices) items.push_back(const_cast<char*>(c.c_str()));
    items.push_back(nullptr);
    v.value_list = items.data();
  } else {
    formula = list_range(choices);
    // libxlsxwriter 1.1.4 leaks the formula of a LIST_FORMULA validation (LeakSanitizer
    // found it); added as a custom formula and retyped once stored, the XML is the same
    // and the formula is freed.
    v.validate = LXW_VALIDATION_TYPE_CUSTOM_FORMULA;
    v.value_formula = formula.data();
  }
  const lxw_error e =
      worksheet_data_validation_range(sheet, 1, column, LXW_ROW_MAX - 1, column, &v);
  if (e != LXW_NO_ERROR) {
    throw invalid_argument("column " + cell_name(1, std::uint32_t{column} + 1U) +
                           ": cannot add its list of choices: " + lxw_strerror(e));
  }
  if (lxw_data_val_obj* stored = last_validation(sheet); stored != nullptr && !formula.empty()) {
    stored->validate = LXW_VALIDATION_TYPE_LIST_FORMULA;
  }
}

std::string workbook_writer::list_range(const std::vector<std::string>& choices) {
  lists_.push_back(choices);
  const auto column = static_cast<std::uint32_t>(lists_.size());
  std::string letters = cell_name(1, column);
  letters.pop_back();  // "B1" -> "B"
  return std::string("=") + lists_sheet + "!$" + letters + "$1:$" + letters + "$" +
         std::to_string(std::max<std::size_t>(choices.size(), 1));
}

void workbook_writer::write_lists() {
  if (lists_.empty()) return;
  lxw_worksheet* ws = workbook_add_worksheet(workbook_, lists_sheet);
  if (ws == nullptr) throw invalid_argument("cannot add the sheet 'lists'");
  worksheet_hide(ws);
  std::size_t rows = 0;
  for (const auto& l : lists_) rows = std::max(rows, l.size());
  // Row by row, as constant-memory mode requires.
  for (std::size_t r = 0; r < rows; ++r) {
    for (std::size_t c = 0; c < lists_.size(); ++c) {
      if (r >= lists_[c].size()) continue;
      const std::string z = protect_escapes(no_nul(lists_[c][r]));
      const lxw_error e = worksheet_write_string(ws, static_cast<lxw_row_t>(r),
                                                 static_cast<lxw_col_t>(c), z.c_str(), nullptr);
      if (e != LXW_NO_ERROR) {
        throw invalid_argument("choice '" + z + "' cannot be written: " + lxw_strerror(e));
      }
    }
  }
}

void workbook_writer::close() {
  if (workbook_ == nullptr) throw std::logic_error("workbook_writer::close: already closed");
  for (const auto& s : sheets_) s->set_widths();
  write_lists();
  lxw_workbook* wb = workbook_;
  workbook_ = nullptr;  // workbook_close frees it, whatever it returns
  const lxw_error e = workbook_close(wb);
  const std::string p = path_.string();
  std::error_code ec;
  if (e != LXW_NO_ERROR) {
    std::filesystem::remove(temp_, ec);
    throw io_error("cannot write '" + p + "': " + lxw_strerror(e), p);
  }
  if (!sync_file(temp_)) {
    const int err = errno;
    std::filesystem::remove(temp_, ec);
    throw io_error("cannot write '" + p + "': " + std::strerror(err), p);
  }
  std::filesystem::rename(temp_, path_, ec);
  if (ec) {
    std::filesystem::remove(temp_, ec);
    throw io_error("cannot write '" + p + "': cannot rename the temporary file: " + ec.message(),
                   p);
  }
}

}  // namespace goaltrack::detail::xlsx
