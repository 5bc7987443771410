#include "io/csv_text.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstring>
#include <span>
#include <system_error>

#include "goaltrack/error.hpp"
#include "goaltrack/period.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace goaltrack::detail::csv {

namespace {

// Bytes 0x80..0x9F that Windows-1258 leaves undefined (all of 0xA0..0xFF are defined).
constexpr bool cp1258_undefined(unsigned char c) noexcept {
  return c == 0x81 || c == 0x8A || c == 0x8D || c == 0x8E || c == 0x8F || c == 0x90 || c == 0x9A ||
         c == 0x9D || c == 0x9E;
}

// Bytes that Windows-1258 uses for Vietnamese letters and tone marks: Ă ă Đ đ Ơ ơ Ư ư and
// the combining grave, hook, tilde, acute and dot below.
constexpr bool cp1258_vietnamese(unsigned char c) noexcept {
  return c == 0xC3 || c == 0xE3 || c == 0xD0 || c == 0xF0 || c == 0xD5 || c == 0xF5 || c == 0xDD ||
         c == 0xFD || c == 0xCC || c == 0xEC || c == 0xD2 || c == 0xDE || c == 0xF2;
}

// Line ends in [b, e): LF, CR LF and lone CR each end one line. A CR at e - 1 counts
// as a lone one (callers end ranges before a quote or at the end of the text).
std::uint64_t line_ends(const char* b, const char* e) noexcept {
  std::uint64_t n = 0;
  for (const char* p = b; p < e; ++p) {
    if (*p == '\n' || (*p == '\r' && (p + 1 == e || p[1] != '\n'))) ++n;
  }
  return n;
}

}  // namespace

std::optional<encoding_problem> check_encoding(std::string_view text, std::size_t& bom_length,
                                               bool& maybe_not_nfc) {
  maybe_not_nfc = false;
  bom_length = 0;
  if (text.size() >= 2 &&
      ((text[0] == '\xFF' && text[1] == '\xFE') || (text[0] == '\xFE' && text[1] == '\xFF'))) {
    return encoding_problem{0, 1,
                            "the file is UTF-16 (as Excel's \"Unicode Text\" writes), not UTF-8; "
                            "save it as \"CSV UTF-8 (Comma delimited) (*.csv)\""};
  }
  if (text.substr(0, 3) == "\xEF\xBB\xBF") bom_length = 3;
  const text_check check = check_utf8_and_nfc(text.substr(bom_length));
  maybe_not_nfc = check.maybe_not_nfc;
  const std::optional<std::size_t> bad = check.invalid_at;
  if (!bad) return std::nullopt;
  encoding_problem p;
  p.offset = bom_length + *bad;
  p.line = 1 + line_ends(text.data(), text.data() + p.offset);
  bool code_page = true;
  bool vietnamese = false;
  for (const char ch : text) {
    const auto c = static_cast<unsigned char>(ch);
    if (c < 0x80) continue;
    if (cp1258_undefined(c)) code_page = false;
    if (cp1258_vietnamese(c)) vietnamese = true;
  }
  const std::string how =
      "save it as UTF-8: in Excel, File > Save As > \"CSV UTF-8 (Comma delimited) (*.csv)\"; "
      "in LibreOffice Calc, File > Save As > \"Text CSV\" with \"Edit filter settings\" and "
      "character set \"Unicode (UTF-8)\"";
  if (code_page && vietnamese) {
    p.message = "the file is not UTF-8 (byte " + std::to_string(p.offset) +
                "); it looks like Windows-1258 (Vietnamese), as Excel's \"CSV (Comma delimited)\" "
                "writes it; " +
                how;
  } else if (code_page) {
    p.message = "the file is not UTF-8 (byte " + std::to_string(p.offset) +
                "); it looks like a Windows code page such as Windows-1258 or Windows-1252; " + how;
  } else {
    p.message = "the file is not valid UTF-8 (byte " + std::to_string(p.offset) + "); " + how;
  }
  return p;
}

// --- records -----------------------------------------------------------------------------

record_reader::record_reader(std::string& text, std::size_t start, char delimiter)
    : data_(text.data()),
      pos_(text.data() + std::min(start, text.size())),
      end_(text.data() + text.size()),
      delimiter_(delimiter) {
  special_[static_cast<unsigned char>(delimiter)] = true;
  special_[static_cast<unsigned char>('\n')] = true;
  special_[static_cast<unsigned char>('\r')] = true;
  special_[static_cast<unsigned char>('"')] = true;
}

namespace {

constexpr std::uint64_t ones = 0x0101010101010101ULL;
constexpr std::uint64_t low7 = 0x7F7F7F7F7F7F7F7FULL;

// The high bit of each byte of `word` that equals `c` (exactly: no carry between bytes).
constexpr std::uint64_t bytes_equal(std::uint64_t word, char c) noexcept {
  const std::uint64_t x = word ^ (ones * static_cast<unsigned char>(c));
  return ~(((x & low7) + low7) | x | low7);
}

}  // namespace

char* record_reader::scan_unquoted() {
  char* begin = pos_;
  char* p = pos_;
  // Eight bytes at a time, every delimiter of a word ending a field: fields are short, and
  // a loop over bytes mispredicts its exit at each one. Byte k of a little-endian word is
  // bits 8k..8k+7.
  if constexpr (std::endian::native == std::endian::little) {
    while (end_ - p >= 8) {
      std::uint64_t word = 0;
      std::memcpy(&word, p, 8);
      std::uint64_t delimiters = bytes_equal(word, delimiter_);
      const std::uint64_t stops =
          bytes_equal(word, '"') | bytes_equal(word, '\n') | bytes_equal(word, '\r');
      if (stops != 0) delimiters &= (stops & (~stops + 1)) - 1;  // those before the first stop
      for (; delimiters != 0; delimiters &= delimiters - 1) {
        char* const d = p + std::countr_zero(delimiters) / 8;
        fields_.emplace_back(begin, static_cast<std::size_t>(d - begin));
        begin = d + 1;
      }
      if (stops != 0) {
        pos_ = p + std::countr_zero(stops) / 8;
        return begin;
      }
      p += 8;
    }
  }
  for (; p < end_; ++p) {
    if (*p == delimiter_) {
      fields_.emplace_back(begin, static_cast<std::size_t>(p - begin));
      begin = p + 1;
    } else if (special_[static_cast<unsigned char>(*p)]) {
      break;
    }
  }
  pos_ = p;
  return begin;
}

record_reader::status record_reader::next() {
  for (;;) {
    if (pos_ >= end_) return status::end;
    const status s = read_record();
    if (s == status::bad) return s;
    const bool blank =
        std::all_of(fields_.begin(), fields_.end(), [](std::string_view f) { return f.empty(); });
    if (!blank) return status::ok;
  }
}

void record_reader::skip_to_record_end() {
  // Recovery after a malformed field: the record ends at the next line end.
  while (pos_ < end_ && *pos_ != '\n' && *pos_ != '\r') ++pos_;
  if (pos_ < end_ && *pos_ == '\r') ++pos_;
  if (pos_ < end_ && *pos_ == '\n') ++pos_;
  ++line_;
}

record_reader::status record_reader::read_record() {
  fields_.clear();
  record_line_ = line_;
  for (;;) {
    const auto column = static_cast<std::uint32_t>(fields_.size() + 1);
    if (pos_ < end_ && *pos_ == '"') {
      // Quoted: copy the content down over the opening quote's place as "" pairs are
      // undone; the field's text is [begin, out).
      char* const begin = pos_;
      char* out = begin;
      char* read = pos_ + 1;
      for (;;) {
        char* const quote =
            static_cast<char*>(std::memchr(read, '"', static_cast<std::size_t>(end_ - read)));
        char* const stop = quote == nullptr ? end_ : quote;
        line_ += line_ends(read, stop);
        if (out != read) std::memmove(out, read, static_cast<std::size_t>(stop - read));
        out += stop - read;
        if (quote == nullptr) {
          pos_ = end_;
          error_column_ = column;
          error_ =
              "a quoted field is never closed (a quote is missing; the rest of the file is "
              "inside it)";
          return status::bad;
        }
        if (quote + 1 < end_ && quote[1] == '"') {
          *out++ = '"';
          read = quote + 2;
          continue;
        }
        pos_ = quote + 1;
        break;
      }
      fields_.emplace_back(begin, static_cast<std::size_t>(out - begin));
      if (pos_ < end_ && *pos_ != delimiter_ && *pos_ != '\n' && *pos_ != '\r') {
        error_column_ = column;
        error_ = "text after the closing quote of a quoted field";
        skip_to_record_end();
        return status::bad;
      }
    } else {
      char* const begin = scan_unquoted();
      if (pos_ < end_ && *pos_ == '"') {
        // A quoted field after a delimiter: read above.
        if (pos_ == begin) continue;
        error_column_ = static_cast<std::uint32_t>(fields_.size() + 1);
        error_ =
            "a quote inside a field that does not start with one (quote the whole field "
            "and double the quote: \"a \"\"b\"\" c\")";
        skip_to_record_end();
        return status::bad;
      }
      fields_.emplace_back(begin, static_cast<std::size_t>(pos_ - begin));
    }
    if (pos_ >= end_) return status::ok;
    if (*pos_ == delimiter_) {
      ++pos_;
      continue;
    }
    // A line end: LF, CR LF, or a lone CR.
    if (*pos_ == '\r') ++pos_;
    if (pos_ < end_ && *pos_ == '\n') ++pos_;
    ++line_;
    return status::ok;
  }
}

// --- values ------------------------------------------------------------------------------

namespace {

// The common case, exactly: -?d+(<decimal>d+)? with at most 15 digits in all. The digits
// as an integer m < 10^15 < 2^53 and 10^k for k <= 15 fractional digits are both exact
// doubles, so the one division m / 10^k is correctly rounded: the double nearest to the
// text, which is what from_chars returns (Clinger's fast path). False, with `out`
// untouched, for any other text, which from_chars then reads.
bool parse_plain_decimal(std::string_view s, char decimal, double& out) noexcept {
  static constexpr std::array<double, 16> powers = {1e0, 1e1, 1e2,  1e3,  1e4,  1e5,  1e6,  1e7,
                                                    1e8, 1e9, 1e10, 1e11, 1e12, 1e13, 1e14, 1e15};
  std::size_t i = s.empty() || s.front() != '-' ? 0 : 1;
  std::uint64_t m = 0;
  std::size_t digits = 0;
  std::size_t before_separator = 0;  // digits before it; 0 while none seen
  bool separator = false;
  for (; i < s.size(); ++i) {
    const char c = s[i];
    if (c >= '0' && c <= '9') {
      if (++digits > 15) return false;
      m = m * 10 + static_cast<std::uint64_t>(c - '0');
    } else if (c == decimal && !separator && digits > 0) {
      separator = true;
      before_separator = digits;
    } else {
      return false;
    }
  }
  if (digits == 0 || (separator && digits == before_separator)) return false;
  const double v = static_cast<double>(m) / powers[separator ? digits - before_separator : 0];
  out = s.front() == '-' ? -v : v;
  return true;
}

}  // namespace

namespace {

// The thousands separators a number may have: the one the dialect's decimal separator
// does not use ('.' with ',', ',' with '.'), a space, a no-break space (U+00A0, which
// Excel writes in "48 500 000") or a narrow no-break space (U+202F).
std::size_t group_separator_at(std::string_view s, std::size_t i, char group) noexcept {
  if (s[i] == group || s[i] == ' ') return 1;
  if (s.compare(i, 2, "\xC2\xA0") == 0) return 2;
  if (s.compare(i, 3, "\xE2\x80\xAF") == 0) return 3;
  return 0;
}

// `s` as from_chars reads it, into `buffer`: the decimal separator made '.', and the
// thousands separators of the integer part removed where they group it by three digits
// ("48.500.000.000" with decimal ','; "1 234,5"; never "1.23.4"). False for anything
// else, or when it does not fit.
bool plain_digits(std::string_view s, char decimal, std::span<char> buffer,
                  std::string_view& out) noexcept {
  const char group = decimal == ',' ? '.' : ',';
  std::size_t n = 0;
  std::size_t run = 0;     // digits since the last separator
  std::size_t groups = 0;  // separators seen
  bool integer_part = true;
  std::size_t i = 0;
  if (!s.empty() && s.front() == '-') buffer[n++] = s[i++];
  while (i < s.size()) {
    const char c = s[i];
    const std::size_t sep = integer_part ? group_separator_at(s, i, group) : 0;
    if (sep > 0) {
      if (run == 0 || (groups > 0 && run != 3) || (groups == 0 && run > 3)) return false;
      ++groups;
      run = 0;
      i += sep;
      continue;
    }
    if (n == buffer.size()) return false;
    if (c >= '0' && c <= '9') {
      ++run;
    } else if (c == decimal && integer_part) {
      if (groups > 0 && run != 3) return false;
      integer_part = false;
      buffer[n++] = '.';
      ++i;
      continue;
    } else if (c == '-' || c == 'e' || c == 'E') {  // in or after the exponent
      if (integer_part && groups > 0 && run != 3) return false;
      integer_part = false;
    } else {
      return false;
    }
    buffer[n++] = c;
    ++i;
  }
  if (integer_part && groups > 0 && run != 3) return false;
  out = std::string_view(buffer.data(), n);
  return true;
}

// from_chars over all of `digits`, finite only.
bool read_double(std::string_view digits, double& out) noexcept {
  double v = 0;
  const char* end = digits.data() + digits.size();
  const auto [p, ec] = std::from_chars(digits.data(), end, v, std::chars_format::general);
  if (ec != std::errc() || p != end || !std::isfinite(v)) return false;
  out = v;
  return true;
}

}  // namespace

bool parse_number(std::string_view s, char decimal, double& out) noexcept {
  s = trim(s);
  if (s.empty() || s.front() == '+') return false;
  if (parse_plain_decimal(s, decimal, out)) return true;
  // from_chars would also take "inf" and "nan", and knows only '.'.
  char buffer[64];
  std::string_view digits;
  return plain_digits(s, decimal, buffer, digits) && read_double(digits, out);
}

bool parse_percent(std::string_view s, char decimal, double& out) noexcept {
  s = trim(s);
  if (s.empty() || s.back() != '%') return false;
  s = trim(s.substr(0, s.size() - 1));
  if (s.empty() || s.front() == '+') return false;
  // p% is p * 10^-2 as one decimal text, so that the result is the double nearest to the
  // fraction written ("58,1%" is exactly the double of 0.581), not p / 100 rounded twice.
  char buffer[64];
  std::string_view digits;
  if (!plain_digits(s, decimal, std::span<char>(buffer, sizeof buffer - 3), digits) ||
      digits.find_first_of("eE") != std::string_view::npos) {
    return false;
  }
  const std::string_view shift = "e-2";
  std::copy(shift.begin(), shift.end(), buffer + digits.size());
  return read_double(std::string_view(buffer, digits.size() + shift.size()), out);
}

bool parse_count(std::string_view s, std::uint32_t& out) noexcept {
  s = trim(s);
  const char* end = s.data() + s.size();
  const auto [p, ec] = std::from_chars(s.data(), end, out);
  return !s.empty() && ec == std::errc() && p == end;
}

namespace {

bool digits_to_int(std::string_view s, int& out) noexcept {
  if (s.empty()) return false;
  int v = 0;
  for (const char c : s) {
    if (c < '0' || c > '9') return false;
    v = v * 10 + (c - '0');
  }
  out = v;
  return true;
}

bool make_day(int y, int m, int d, std::int32_t& out) noexcept {
  if (y < 1400 || y > 9999) return false;
  const std::chrono::year_month_day ymd{std::chrono::year(y),
                                        std::chrono::month(static_cast<unsigned>(m)),
                                        std::chrono::day(static_cast<unsigned>(d))};
  if (!ymd.ok()) return false;
  out = static_cast<std::int32_t>(std::chrono::sys_days(ymd).time_since_epoch().count());
  return true;
}

}  // namespace

namespace {

// `s` without a time of day at midnight after the date (" 00:00", " 00:00:00", and in
// ISO also "T00:00:00"), as spreadsheets write a date cell as text. False when there is
// another time: a date with a time of day is not a day.
bool drop_midnight(std::string_view& s, bool iso) noexcept {
  std::size_t cut = s.find(' ');
  if (iso && cut == std::string_view::npos) cut = s.find('T');
  if (cut == std::string_view::npos) return true;
  const std::string_view time = trim(s.substr(cut + 1));
  if (time != "00:00" && time != "00:00:00" && time != "0:00" && time != "0:00:00") return false;
  s = s.substr(0, cut);
  return true;
}

}  // namespace

int two_digit_year(int yy) noexcept { return yy < 30 ? 2000 + yy : 1900 + yy; }

bool parse_day(std::string_view s, csv_date_format format, std::int32_t& out) noexcept {
  s = trim(s);
  int y = 0;
  int m = 0;
  int d = 0;
  // A date alone is at most 10 characters: only a longer text can have a time part.
  if (s.size() > 10 && !drop_midnight(s, format == csv_date_format::iso)) return false;
  if (format == csv_date_format::iso) {
    if (s.size() != 10 || s[4] != '-' || s[7] != '-') return false;
    if (!digits_to_int(s.substr(0, 4), y) || !digits_to_int(s.substr(5, 2), m) ||
        !digits_to_int(s.substr(8, 2), d)) {
      return false;
    }
  } else {
    const std::size_t a = s.find('/');
    if (a == std::string_view::npos) return false;
    const std::size_t b = s.find('/', a + 1);
    if (b == std::string_view::npos) return false;
    const std::string_view ds = s.substr(0, a);
    const std::string_view ms = s.substr(a + 1, b - a - 1);
    const std::string_view ys = s.substr(b + 1);
    if (ds.size() > 2 || ms.size() > 2 || (ys.size() != 4 && ys.size() != 2)) return false;
    if (!digits_to_int(ds, d) || !digits_to_int(ms, m) || !digits_to_int(ys, y)) return false;
    if (ys.size() == 2) y = two_digit_year(y);
  }
  return make_day(y, m, d, out);
}

bool parse_bool(std::string_view s, bool& out) {
  s = trim(s);
  const auto equal = [](std::string_view a, std::string_view b) {
    return a.size() == b.size() && std::equal(a.begin(), a.end(), b.begin(), [](char x, char y) {
             return (x >= 'A' && x <= 'Z' ? static_cast<char>(x - 'A' + 'a') : x) == y;
           });
  };
  if (equal(s, "true")) {
    out = true;
    return true;
  }
  if (equal(s, "false")) {
    out = false;
    return true;
  }
  // Vietnamese: đúng/sai, có/không, in any case, with or without diacritics.
  if (s.empty() || s.size() > 16) return false;
  const std::string key = match_key(s, true);
  if (key == "dung" || key == "co") {
    out = true;
    return true;
  }
  if (key == "sai" || key == "khong") {
    out = false;
    return true;
  }
  return false;
}

bool formula_like(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size() && s[i] == '\'') ++i;
  if (i == s.size()) return false;
  const char c = s[i];
  return c == '=' || c == '+' || c == '-' || c == '@' || c == '\t' || c == '\r';
}

// --- periods -----------------------------------------------------------------------------

std::string period_text(const period& p, const period_format& format) {
  std::string text = p.name(format);
  if (period::parse(text, format) == p) return text;
  // Only a school year on another calendar reads back differently.
  return text + "@" + to_iso(p.first()) + "/" + to_iso(p.last());
}

period parse_period(std::string_view text, const period_format& format) {
  const std::size_t at = text.find('@');
  if (at == std::string_view::npos) return period::parse(text, format);
  const period name = period::parse(text.substr(0, at), format);
  const period days = period::parse(text.substr(at + 1), format);
  if (name.kind() == period_kind::school_year) {
    try {
      const period p = period::of_kind(period_kind::school_year, days.first(), days.last());
      if (p.to_string() == name.to_string()) return p;
    } catch (const error&) {
      // Not a school year: reported below.
    }
  }
  throw parse_error("period '" + std::string(text) +
                    "' is not a school year written as NAME@FIRST/LAST (e.g. "
                    "2019-2020@2019-08-15/2020-06-30)");
}

// --- writing -----------------------------------------------------------------------------

std::string format_day(std::int32_t day_number, csv_date_format format) {
  const std::chrono::year_month_day ymd{std::chrono::sys_days(std::chrono::days(day_number))};
  const int y = static_cast<int>(ymd.year());
  const auto m = static_cast<unsigned>(ymd.month());
  const auto d = static_cast<unsigned>(ymd.day());
  char buf[16];
  const auto two = [](char* p, unsigned v) {
    p[0] = static_cast<char>('0' + v / 10);
    p[1] = static_cast<char>('0' + v % 10);
  };
  const auto four = [](char* p, int v) {
    for (int k = 3; k >= 0; --k) {
      p[k] = static_cast<char>('0' + v % 10);
      v /= 10;
    }
  };
  if (format == csv_date_format::iso) {
    four(buf, y);
    buf[4] = '-';
    two(buf + 5, m);
    buf[7] = '-';
    two(buf + 8, d);
  } else {
    two(buf, d);
    buf[2] = '/';
    two(buf + 3, m);
    buf[5] = '/';
    four(buf + 6, y);
  }
  return std::string(buf, 10);
}

writer::writer(const csv_dialect& dialect, std::ofstream* file, std::string path)
    : dialect_(dialect), file_(file), path_(std::move(path)) {
  if (dialect.byte_order_mark) out_ = "\xEF\xBB\xBF";
}

void writer::separate() {
  if (row_started_) out_ += dialect_.delimiter;
  row_started_ = true;
}

void writer::raw(std::string_view s) {
  separate();
  const bool quote =
      s.find_first_of(std::string{dialect_.delimiter, '"', '\n', '\r'}) != std::string_view::npos;
  if (!quote) {
    out_ += s;
    return;
  }
  out_ += '"';
  for (const char c : s) {
    if (c == '"') out_ += '"';
    out_ += c;
  }
  out_ += '"';
}

void writer::text(std::string_view s) {
  if (formula_like(s)) {
    std::string escaped;
    escaped.reserve(s.size() + 1);
    escaped += '\'';
    escaped += s;
    raw(escaped);
  } else {
    raw(s);
  }
}

std::size_t writer::number_text(double v, char decimal, char (&buffer)[64]) noexcept {
  // The shortest text that reads back the same double; plain digits ("40000000",
  // "0.0001") rather than an exponent unless that is much shorter, as spreadsheets
  // and people write numbers. 64 characters hold any double's shortest general form.
  char* p = std::to_chars(buffer, buffer + sizeof buffer, v).ptr;
  char fixed[64];
  const auto [q, ec] = std::to_chars(fixed, fixed + sizeof fixed, v, std::chars_format::fixed);
  if (ec == std::errc() && q - fixed <= (p - buffer) + 8) {
    p = std::copy(fixed, q, buffer);
  }
  std::replace(buffer, p, '.', decimal);
  return static_cast<std::size_t>(p - buffer);
}

void writer::number(double v) {
  char buf[64];
  raw(std::string_view(buf, number_text(v, dialect_.decimal_separator, buf)));
}

void writer::integer(std::uint64_t v) {
  char buf[32];
  const auto [p, ec] = std::to_chars(buf, buf + sizeof buf, v);
  raw(std::string_view(buf, static_cast<std::size_t>(p - buf)));
}

void writer::day(std::int32_t day_number) { raw(format_day(day_number, dialect_.dates)); }

void writer::end_row() {
  out_ += dialect_.crlf ? "\r\n" : "\n";
  row_started_ = false;
  if (file_ != nullptr && out_.size() >= (std::size_t{1} << 20)) flush();
}

void writer::flush() {
  file_->write(out_.data(), static_cast<std::streamsize>(out_.size()));
  if (!*file_) throw io_error("cannot write " + path_, path_);
  out_.clear();
}

std::string writer::finish() {
  if (file_ != nullptr) {
    flush();
    file_->flush();
    if (!*file_) throw io_error("cannot write " + path_, path_);
    return {};
  }
  return std::move(out_);
}

}  // namespace goaltrack::detail::csv
