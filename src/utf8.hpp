#pragma once
// Private: UTF-8 validation and the one rule every text of the model obeys.
//
// Why our own validator: the one check needed is "is this well-formed UTF-8", on every
// string that enters a plan (millions at load). utf8proc (libutf8proc-dev) decodes one
// code point per call through its general iterator, and simdutf is not packaged in
// Debian 12; a word-at-a-time ASCII skip plus the table of RFC 3629 section 4 is short,
// exhaustively tested (tests/utf8_test.cpp) and as fast as the common case allows.

#include <cstddef>
#include <optional>
#include <string>
#include <string_view>

namespace goaltrack::detail {

/// The offset of the first byte of `s` that does not start a well-formed UTF-8 sequence
/// (RFC 3629: no overlong forms, no surrogates, nothing above U+10FFFF), or none.
[[nodiscard]] std::optional<std::size_t> first_invalid_utf8(std::string_view s) noexcept;

/// True when `s` is well-formed UTF-8.
[[nodiscard]] inline bool valid_utf8(std::string_view s) noexcept {
  return !first_invalid_utf8(s).has_value();
}

/// True for a byte that continues a UTF-8 sequence (top bits 10) rather than starting one.
[[nodiscard]] constexpr bool continues_utf8(char c) noexcept {
  return (static_cast<unsigned char>(c) & 0xC0U) == 0x80U;
}

/// The number of code points of UTF-8 text (its bytes that start a sequence): the width
/// of a plan's text in NFC, in which each Vietnamese letter is one code point.
[[nodiscard]] inline std::size_t code_points(std::string_view s) noexcept {
  std::size_t n = 0;
  for (const char c : s) n += continues_utf8(c) ? 0U : 1U;
  return n;
}

/// Appends the UTF-8 encoding of code point `cp` (<= U+10FFFF, not a surrogate) to `out`.
void append_utf8(std::string& out, char32_t cp);

/// `s` with every byte that is not part of well-formed UTF-8 written as `\xNN`, so that
/// a message quoting hostile input is itself valid UTF-8 (and shows what was there).
[[nodiscard]] std::string printable_utf8(std::string_view s);

/// Why `s` breaks the text rule (goaltrack::max_text_bytes, UTF-8), or "" when it keeps it.
/// The reason reads after the field's name: "is not UTF-8 (byte 3 is 0xFF)".
[[nodiscard]] std::string text_problem(std::string_view s);

/// Checks the text rule. @throws invalid_argument "<what> <problem>" when `s` breaks it.
void check_text(std::string_view s, std::string_view what);

}  // namespace goaltrack::detail
