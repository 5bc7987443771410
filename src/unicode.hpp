#pragma once
// Private: text as people type it. Every text that enters a plan is put in Unicode
// Normalization Form C (NFC), and names typed by hand (codes of enums, rating levels,
// column headers) are matched loosely: ignoring case and, where only one name then
// matches, ignoring diacritics. Vietnamese keyboards write either form of a letter:
// Unikey's "Unicode dựng sẵn" writes "ệ" as one code point (U+1EC7), its "Unicode tổ
// hợp" writes "e" followed by two combining marks; both look the same on screen.
//
// utf8proc (Debian's libutf8proc-dev) does the Unicode work: its tables follow the
// Unicode Character Database, and keeping tables of our own in step would be our burden.

#include <cstddef>
#include <optional>
#include <span>
#include <string>
#include <string_view>

namespace goaltrack::detail {

/// False only when `s` is certainly in NFC: every code point is ASCII, Latin-1, Latin
/// Extended-A/B, IPA and spacing modifiers (below U+0300), Latin Extended Additional
/// (U+1E00..U+1EFF: Vietnamese letters with two marks) or General Punctuation but its
/// two quads (U+2002..U+206F: dashes, quotes). None of those changes under NFC, and no
/// two of them compose (tests/unicode_test.cpp checks both with utf8proc, pair by pair).
/// A true answer asks utf8proc. Skips ASCII a word at a time: nearly all text is.
[[nodiscard]] bool maybe_not_nfc(std::string_view s) noexcept;

/// What one look at a whole text finds: the offset of its first byte that is not
/// well-formed UTF-8 (none when it is), and, when it is, maybe_not_nfc of it.
struct text_check {
  std::optional<std::size_t> invalid_at;
  bool maybe_not_nfc = false;
};
/// Checks `s` as first_invalid_utf8 and maybe_not_nfc would, a cache-sized piece at a
/// time, so that a file of hundreds of megabytes is read from memory once, not twice.
[[nodiscard]] text_check check_utf8_and_nfc(std::string_view s) noexcept;

/// `s` in NFC. Text that is not well-formed UTF-8 is returned unchanged (the text rule
/// refuses it where it is checked, naming the field).
[[nodiscard]] std::string to_nfc(std::string_view s);

/// Puts `s` in NFC in place; does nothing (and allocates nothing) when it is already.
void make_nfc(std::string& s);

/// The key under which `s` matches loosely: NFC and case-folded ("ĐÚNG" and "đúng"
/// share one); with `without_marks`, also without diacritics, with đ as d ("dung").
/// Spaces around the text are removed, and runs of spaces inside it made one.
[[nodiscard]] std::string match_key(std::string_view s, bool without_marks);

/// The position in `names` of the name that `text` means: the one equal to it; else the
/// one equal to it ignoring case; else the one equal to it ignoring case and diacritics,
/// when only one is. None when no name matches, or only ambiguously.
[[nodiscard]] std::optional<std::size_t> find_loosely(std::span<const std::string_view> names,
                                                      std::string_view text);

/// The name of `names` closest to `text` (ignoring case and diacritics) when it is close
/// enough to be a typing slip: a Damerau-Levenshtein distance of at most 1 for short
/// texts, 2 from 6 characters on, 3 from 12 on; none otherwise or when two are as close.
[[nodiscard]] std::optional<std::size_t> closest_name(std::span<const std::string_view> names,
                                                      std::string_view text);

/// " (did you mean 'X'?)" for the name closest to `text`, or "".
[[nodiscard]] std::string did_you_mean(std::span<const std::string_view> names,
                                       std::string_view text);

}  // namespace goaltrack::detail
