#include "utf8.hpp"

#include <cstdint>
#include <cstring>

#include "goaltrack/error.hpp"
#include "goaltrack/text.hpp"

namespace goaltrack::detail {

namespace {

// Length of the well-formed UTF-8 sequence at s[i] (s[i] >= 0x80), or 0 when there is
// none. The ranges are those of RFC 3629 section 4: E0 needs A0..BF next (no overlong
// form), ED needs 80..9F (no surrogate), F0 needs 90..BF, F4 needs 80..8F (<= U+10FFFF).
std::size_t sequence_length(std::string_view s, std::size_t i) noexcept {
  const auto at = [&](std::size_t k) { return static_cast<unsigned char>(s[i + k]); };
  const std::size_t left = s.size() - i;
  const auto cont = [&](std::size_t k) { return (at(k) & 0xC0) == 0x80; };
  const unsigned char c = at(0);
  if (c >= 0xC2 && c <= 0xDF) return left >= 2 && cont(1) ? 2 : 0;
  if (c >= 0xE0 && c <= 0xEF) {
    if (left < 3 || !cont(1) || !cont(2)) return 0;
    if (c == 0xE0 && at(1) < 0xA0) return 0;   // overlong
    if (c == 0xED && at(1) >= 0xA0) return 0;  // surrogate
    return 3;
  }
  if (c >= 0xF0 && c <= 0xF4) {
    if (left < 4 || !cont(1) || !cont(2) || !cont(3)) return 0;
    if (c == 0xF0 && at(1) < 0x90) return 0;   // overlong
    if (c == 0xF4 && at(1) >= 0x90) return 0;  // above U+10FFFF
    return 4;
  }
  return 0;
}

constexpr char hex_digits[] = "0123456789ABCDEF";

}  // namespace

std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    // 32 ASCII bytes at a time, as four words whose high bits are tested at once: the
    // common case of codes and numbers.
    if (i + 32 <= s.size()) {
      std::uint64_t words[4];
      std::memcpy(words, s.data() + i, sizeof words);
      if (((words[0] | words[1] | words[2] | words[3]) & 0x8080808080808080ULL) == 0) {
        i += 32;
        continue;
      }
    }
    if (static_cast<unsigned char>(s[i]) < 0x80) {
      ++i;
      continue;
    }
    const std::size_t n = sequence_length(s, i);
    if (n == 0) return i;
    i += n;
  }
  return std::nullopt;
}

std::string printable_utf8(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    const std::size_t n = c < 0x80 ? 1 : sequence_length(s, i);
    if (n > 0) {
      out.append(s.substr(i, n));
      i += n;
    } else {
      out += "\\x";
      out += hex_digits[c >> 4];
      out += hex_digits[c & 0xF];
      ++i;
    }
  }
  return out;
}

std::string text_problem(std::string_view s) {
  if (s.size() > max_text_bytes) {
    return "is " + std::to_string(s.size()) + " bytes long, above the limit of " +
           std::to_string(max_text_bytes) + " (max_text_bytes)";
  }
  if (const auto bad = first_invalid_utf8(s)) {
    const auto c = static_cast<unsigned char>(s[*bad]);
    return std::string("is not UTF-8 (byte ") + std::to_string(*bad) + " is 0x" +
           hex_digits[c >> 4] + hex_digits[c & 0xF] + ")";
  }
  return {};
}

void check_text(std::string_view s, std::string_view what) {
  if (s.size() <= max_text_bytes && valid_utf8(s)) return;
  throw invalid_argument(std::string(what) + " " + text_problem(s));
}

void append_utf8(std::string& out, char32_t cp) {
  const auto byte = [&](char32_t b) { out += static_cast<char>(b); };
  if (cp < 0x80) {
    byte(cp);
  } else if (cp < 0x800) {
    byte(0xC0 | (cp >> 6));
    byte(0x80 | (cp & 0x3F));
  } else if (cp < 0x10000) {
    byte(0xE0 | (cp >> 12));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  } else {
    byte(0xF0 | (cp >> 18));
    byte(0x80 | ((cp >> 12) & 0x3F));
    byte(0x80 | ((cp >> 6) & 0x3F));
    byte(0x80 | (cp & 0x3F));
  }
}

}  // namespace goaltrack::detail
