#pragma once
// Reading the peer kit's CSV files (bench/goaltrack_peer.cpp): whole files mapped into
// memory, rows split without copies, values parsed locale-independently. Bench-only code:
// the library's own CSV import is a separate, general reader.

#include <fcntl.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstring>
#include <deque>
#include <filesystem>
#include <limits>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>

namespace kit {

namespace fs = std::filesystem;

/// Bad input, or an output that cannot be written. The message names the file (and the
/// line); main prints it and exits with status 2.
class input_error : public std::runtime_error {
 public:
  using std::runtime_error::runtime_error;
};

// --- parsing values ------------------------------------------------------------------

/// A whole decimal integer, or none.
inline std::optional<std::int64_t> parse_integer(std::string_view s) {
  std::int64_t v = 0;
  const char* end = s.data() + s.size();
  const auto [stop, ec] = std::from_chars(s.data(), end, v);
  if (ec != std::errc() || stop != end) return std::nullopt;
  return v;
}

/// A finite decimal number, or none. Text of at most 15 significant digits without an
/// exponent (all of the kit's numbers) is read as an exact integer divided by an exact
/// power of ten: one correctly rounded division. Anything else goes to std::from_chars,
/// also correctly rounded. Either way the result is the double nearest to the text, as
/// the kit's reference, pandas and SQLite read it.
inline std::optional<double> parse_number(std::string_view s) {
  static constexpr std::array<double, 16> powers_of_ten{
      1e0, 1e1, 1e2, 1e3, 1e4, 1e5, 1e6, 1e7, 1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  bool negative = false;
  if (!s.empty() && (s.front() == '-' || s.front() == '+')) {
    negative = s.front() == '-';
    s.remove_prefix(1);
  }
  if (s.empty() || s.front() == '-' || s.front() == '+') return std::nullopt;
  std::uint64_t mantissa = 0;
  std::size_t digits = 0;
  std::size_t decimals = 0;
  bool point = false;
  bool plain = true;  // only digits and at most one point
  for (const char c : s) {
    if (c >= '0' && c <= '9') {
      mantissa = mantissa * 10 + static_cast<std::uint64_t>(c - '0');
      ++digits;
      decimals += point ? 1 : 0;
    } else if (c == '.' && !point) {
      point = true;
    } else {
      plain = false;
      break;
    }
  }
  double v = 0;
  if (plain && digits > 0 && digits < powers_of_ten.size()) {
    v = static_cast<double>(mantissa) / powers_of_ten[decimals];
  } else {
    const char* end = s.data() + s.size();
    const auto [stop, ec] = std::from_chars(s.data(), end, v);
    if (ec != std::errc() || stop != end || !std::isfinite(v)) return std::nullopt;
  }
  return negative ? -v : v;
}

/// An ISO date YYYY-MM-DD as a day number (days since 1970-01-01, as goaltrack::day_number),
/// or none when the text is not such a date or the day is outside goaltrack's years
/// 1400..9999.
inline std::optional<std::int32_t> parse_day(std::string_view s) {
  if (s.size() != 10 || s[4] != '-' || s[7] != '-') return std::nullopt;
  int number[3] = {0, 0, 0};
  const std::size_t first[3] = {0, 5, 8};
  const std::size_t width[3] = {4, 2, 2};
  for (std::size_t part = 0; part < 3; ++part) {
    for (std::size_t i = first[part]; i < first[part] + width[part]; ++i) {
      if (s[i] < '0' || s[i] > '9') return std::nullopt;
      number[part] = number[part] * 10 + (s[i] - '0');
    }
  }
  if (number[0] < 1400) return std::nullopt;
  const std::chrono::year_month_day ymd{std::chrono::year(number[0]),
                                        std::chrono::month(static_cast<unsigned>(number[1])),
                                        std::chrono::day(static_cast<unsigned>(number[2]))};
  if (!ymd.ok()) return std::nullopt;
  return static_cast<std::int32_t>(std::chrono::sys_days(ymd).time_since_epoch().count());
}

// --- reading CSV files ---------------------------------------------------------------

/// A whole file mapped read-only. MAP_POPULATE reads every page up front, as the kit's
/// reference does, so that parsing does not stall on page faults.
class mapped_file {
 public:
  mapped_file(const fs::path& path, std::string name) : name_(std::move(name)) {
    const int fd = ::open(path.c_str(), O_RDONLY | O_CLOEXEC);
    if (fd < 0) fail("cannot open " + path.string(), errno);
    struct stat st {};
    if (::fstat(fd, &st) != 0) {
      const int error = errno;
      ::close(fd);
      fail("cannot stat " + path.string(), error);
    }
    size_ = static_cast<std::size_t>(st.st_size);
    if (size_ > 0) {
      void* map = ::mmap(nullptr, size_, PROT_READ, MAP_PRIVATE | MAP_POPULATE, fd, 0);
      if (map == MAP_FAILED) {
        const int error = errno;
        ::close(fd);
        fail("cannot map " + path.string(), error);
      }
      map_ = map;
    }
    ::close(fd);
  }
  ~mapped_file() {
    if (map_ != nullptr) ::munmap(map_, size_);
  }
  mapped_file(const mapped_file&) = delete;
  mapped_file& operator=(const mapped_file&) = delete;

  /// The file's name as it appears in messages.
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// The whole content.
  [[nodiscard]] std::string_view text() const noexcept {
    return {static_cast<const char*>(map_), size_};
  }

  /// Gives the whole pages before `upto` (a position in text()) back to the kernel: a
  /// reader done with them keeps only the part still to be read resident, instead of the
  /// whole file (the pages stay in the page cache). Text before `upto` must not be read
  /// again.
  void release_before(const char* upto) noexcept {
    if (map_ == nullptr) return;
    const auto page = static_cast<std::size_t>(::sysconf(_SC_PAGESIZE));
    const auto done = static_cast<std::size_t>(upto - static_cast<const char*>(map_)) / page * page;
    if (done <= released_) return;
    // Advice only: if the kernel declines, the pages simply stay until the unmapping.
    ::madvise(static_cast<char*>(map_) + released_, done - released_, MADV_DONTNEED);
    released_ = done;
  }

 private:
  [[noreturn]] void fail(const std::string& what, int error) const {
    throw input_error(name_ + ": " + what + ": " + std::strerror(error));
  }
  std::string name_;
  void* map_ = nullptr;
  std::size_t size_ = 0;
  std::size_t released_ = 0;  // bytes at the start given back by release_before
};

/// Reads a mapped CSV file row by row and field by field, as the kit writes them: rows
/// end with '\n' ("\r\n" is accepted), fields are separated by ',', a field may be
/// double-quoted (then it may hold commas, and "" stands for one quote; it may not span
/// lines), blank lines are skipped. Every error names the file and the line.
class csv_reader {
 public:
  /// @throws input_error unless the first line is exactly `header`.
  csv_reader(const mapped_file& file, std::string_view header)
      : name_(file.name()), rest_(file.text()) {
    if (!next_row()) {
      throw input_error(name_ + ": the file is empty (expected the header '" + std::string(header) +
                        "')");
    }
    if (row_ != header) fail("the header is not '" + std::string(header) + "'");
  }

  /// Moves to the next row; false at the end of the file.
  bool next_row() {
    while (!rest_.empty()) {
      ++line_;
      const std::size_t eol = rest_.find('\n');
      row_ = rest_.substr(0, eol);
      rest_.remove_prefix(eol == std::string_view::npos ? rest_.size() : eol + 1);
      if (!row_.empty() && row_.back() == '\r') row_.remove_suffix(1);
      if (!row_.empty()) {
        cursor_ = row_;
        fields_left_ = true;
        return true;
      }
    }
    return false;
  }

  /// Where the text after the current row starts.
  [[nodiscard]] const char* position() const noexcept { return rest_.data(); }
  /// The line number of the current row (the header is line 1).
  [[nodiscard]] std::size_t line() const noexcept { return line_; }
  /// The file's name.
  [[nodiscard]] const std::string& name() const noexcept { return name_; }

  /// The next field of the row, without its quotes ("" escapes left as they are: see text).
  /// @throws input_error when the row has no more fields.
  std::string_view field() {
    if (!fields_left_) fail("too few fields");
    std::string_view f;
    quoted_ = !cursor_.empty() && cursor_.front() == '"';
    if (quoted_) {
      std::size_t from = 1;
      for (;;) {
        const std::size_t quote = cursor_.find('"', from);
        if (quote == std::string_view::npos) fail("a quoted field is not closed on its line");
        if (quote + 1 < cursor_.size() && cursor_[quote + 1] == '"') {
          from = quote + 2;
          continue;
        }
        f = cursor_.substr(1, quote - 1);
        cursor_.remove_prefix(quote + 1);
        if (!cursor_.empty() && cursor_.front() != ',') fail("text after a closing quote");
        break;
      }
    } else {
      // A loop, not find(): the kit's fields are a few bytes, shorter than a call to memchr.
      std::size_t n = 0;
      while (n < cursor_.size() && cursor_[n] != ',') ++n;
      f = cursor_.substr(0, n);
      cursor_.remove_prefix(n);
    }
    // A separator means one more field follows, even if it is empty.
    if (cursor_.empty()) {
      fields_left_ = false;
    } else {
      cursor_.remove_prefix(1);
    }
    return f;
  }

  /// The next field as text, with "" escapes of a quoted field undone; the rare
  /// unescaped copies are kept in `store` (a deque: its strings never move).
  std::string_view text(std::deque<std::string>& store) {
    const std::string_view f = field();
    if (!quoted_ || f.find("\"\"") == std::string_view::npos) return f;
    std::string& s = store.emplace_back();
    for (std::size_t i = 0; i < f.size(); ++i) {
      s += f[i];
      if (f[i] == '"') ++i;  // skip the second quote of the pair
    }
    return s;
  }

  /// `f` (a field of this row) as an integer. @throws input_error naming `what`.
  std::int64_t integer(std::string_view f, std::string_view what) const {
    if (auto v = parse_integer(f)) return *v;
    fail(std::string(what) + " '" + std::string(f) + "' is not an integer");
  }
  /// The next field as a finite number. @throws input_error naming `what`.
  double number(std::string_view what) {
    const std::string_view f = field();
    if (auto v = parse_number(f)) return *v;
    fail(std::string(what) + " '" + std::string(f) + "' is not a finite number");
  }
  /// The next field as a day number. @throws input_error naming `what`.
  std::int32_t day(std::string_view what) {
    const std::string_view f = field();
    if (auto v = parse_day(f)) return *v;
    fail(std::string(what) + " '" + std::string(f) +
         "' is not a date YYYY-MM-DD (years 1400..9999)");
  }

  /// @throws input_error when the row has fields left.
  void end_row() const {
    if (fields_left_) fail("too many fields");
  }

  /// @throws input_error naming the file, the line and `what`.
  [[noreturn]] void fail(const std::string& what) const {
    throw input_error(name_ + ":" + std::to_string(line_) + ": " + what);
  }

 private:
  std::string name_;
  std::string_view rest_;    // the text after the current row
  std::string_view row_;     // the current row, without its line end
  std::string_view cursor_;  // the current row from the next field on
  std::size_t line_ = 0;
  bool fields_left_ = false;
  bool quoted_ = false;  // the last field was quoted
};

}  // namespace kit
