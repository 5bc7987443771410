#include "unicode.hpp"

#include <utf8proc.h>

#include <algorithm>
#include <cstdint>
#include <cstdlib>
#include <cstring>
#include <memory>
#include <vector>

#include "utf8.hpp"

namespace goaltrack::detail {

namespace {

// The code point of the UTF-8 sequence at s[i] (well-formed or not: a malformed one gives
// a value outside the NFC-safe ranges), and its length in `len`.
char32_t decode(std::string_view s, std::size_t i, std::size_t& len) noexcept {
  const auto b = [&](std::size_t k) {
    return i + k < s.size() ? static_cast<unsigned char>(s[i + k]) : 0U;
  };
  const unsigned lead = b(0);
  if (lead < 0xE0U) {
    len = 2;
    return static_cast<char32_t>(((lead & 0x1FU) << 6U) | (b(1) & 0x3FU));
  }
  if (lead < 0xF0U) {
    len = 3;
    return static_cast<char32_t>(((lead & 0x0FU) << 12U) | ((b(1) & 0x3FU) << 6U) | (b(2) & 0x3FU));
  }
  len = 4;
  return 0x110000;  // outside the ranges: let utf8proc look
}

constexpr bool nfc_safe(char32_t c) noexcept {
  return c < 0x300 || (c >= 0x1E00 && c <= 0x1EFF) || (c >= 0x2002 && c <= 0x206F);
}

struct free_deleter {
  void operator()(void* p) const noexcept { std::free(p); }  // NOLINT: utf8proc mallocs
};

// utf8proc_map over `s`; none when `s` is not UTF-8 (or memory runs out).
std::optional<std::string> map(std::string_view s, utf8proc_option_t options) {
  utf8proc_uint8_t* out = nullptr;
  const utf8proc_ssize_t n = utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(s.data()),
                                          static_cast<utf8proc_ssize_t>(s.size()), &out, options);
  const std::unique_ptr<utf8proc_uint8_t, free_deleter> owned(out);
  if (n < 0) return std::nullopt;
  return std::string(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
}

// Spaces and tabs around `s` dropped, runs inside it made one space.
std::string squeeze_spaces(std::string_view s) {
  std::string out;
  out.reserve(s.size());
  bool space = false;
  for (const char c : s) {
    if (c == ' ' || c == '\t') {
      space = !out.empty();
      continue;
    }
    if (space) out += ' ';
    space = false;
    out += c;
  }
  return out;
}

// Damerau-Levenshtein distance (optimal string alignment) between two keys, counted in
// bytes: the keys are without diacritics, nearly all ASCII. Gives up above `limit`.
std::size_t distance(std::string_view a, std::string_view b, std::size_t limit) {
  if ((a.size() > b.size() ? a.size() - b.size() : b.size() - a.size()) > limit) return limit + 1;
  const std::size_t w = b.size() + 1;
  std::vector<std::size_t> d((a.size() + 1) * w);
  for (std::size_t j = 0; j < w; ++j) d[j] = j;
  for (std::size_t i = 1; i <= a.size(); ++i) {
    d[i * w] = i;
    for (std::size_t j = 1; j <= b.size(); ++j) {
      const std::size_t cost = a[i - 1] == b[j - 1] ? 0 : 1;
      std::size_t v =
          std::min({d[(i - 1) * w + j] + 1, d[i * w + j - 1] + 1, d[(i - 1) * w + j - 1] + cost});
      if (i > 1 && j > 1 && a[i - 1] == b[j - 2] && a[i - 2] == b[j - 1]) {
        v = std::min(v, d[(i - 2) * w + j - 2] + 1);
      }
      d[i * w + j] = v;
    }
  }
  return d[a.size() * w + b.size()];
}

// The one position in `names` whose key equals `key` (keys made with `without_marks`);
// `ambiguous` is set when there are several.
std::optional<std::size_t> unique_match(std::span<const std::string_view> names,
                                        const std::string& key, bool without_marks,
                                        bool& ambiguous) {
  std::optional<std::size_t> found;
  for (std::size_t i = 0; i < names.size(); ++i) {
    if (match_key(names[i], without_marks) != key) continue;
    if (found) {
      ambiguous = true;
      return std::nullopt;
    }
    found = i;
  }
  return found;
}

}  // namespace

bool maybe_not_nfc(std::string_view s) noexcept {
  std::size_t i = 0;
  while (i < s.size()) {
    // Skip ASCII 32 bytes at a time (whole files of it pass through here), then 8.
    constexpr std::uint64_t high_bits = 0x8080808080808080ULL;
    while (i + 32 <= s.size()) {
      std::uint64_t words[4];
      std::memcpy(words, s.data() + i, sizeof words);
      if (((words[0] | words[1] | words[2] | words[3]) & high_bits) != 0) break;
      i += 32;
    }
    while (i + 8 <= s.size()) {
      std::uint64_t word = 0;
      std::memcpy(&word, s.data() + i, 8);
      if ((word & high_bits) != 0) break;
      i += 8;
    }
    if (i >= s.size()) break;
    if (static_cast<unsigned char>(s[i]) < 0x80U) {
      ++i;
      continue;
    }
    std::size_t len = 1;
    if (!nfc_safe(decode(s, i, len))) return true;
    i += len;
  }
  return false;
}

text_check check_utf8_and_nfc(std::string_view s) noexcept {
  constexpr std::size_t piece = std::size_t{64} << 10;  // well within a core's L2 cache
  text_check result;
  for (std::size_t at = 0; at < s.size();) {
    std::size_t end = std::min(s.size(), at + piece);
    // A piece ends before a sequence's continuation bytes (at most 3), not inside it.
    for (int k = 0; k < 3 && end < s.size() && continues_utf8(s[end]); ++k) --end;
    const std::string_view part = s.substr(at, end - at);
    if (first_invalid_utf8(part)) {
      // Found from here on as over the whole text (a piece cut in bad bytes could differ).
      result.invalid_at = at + *first_invalid_utf8(s.substr(at));
      return result;
    }
    result.maybe_not_nfc = result.maybe_not_nfc || maybe_not_nfc(part);
    at = end;
  }
  return result;
}

std::string to_nfc(std::string_view s) {
  if (!maybe_not_nfc(s)) return std::string(s);
  auto nfc = map(s, static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
  return nfc ? std::move(*nfc) : std::string(s);
}

void make_nfc(std::string& s) {
  if (maybe_not_nfc(s)) s = to_nfc(s);
}

std::string match_key(std::string_view s, bool without_marks) {
  if (std::all_of(s.begin(), s.end(),
                  [](char c) { return static_cast<unsigned char>(c) < 0x80U; })) {
    // ASCII (codes, nearly always): case folding is lowering, and there are no marks.
    std::string key = squeeze_spaces(s);
    for (char& c : key) {
      if (c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    return key;
  }
  const auto options = static_cast<utf8proc_option_t>(
      UTF8PROC_STABLE | UTF8PROC_CASEFOLD |
      (without_marks ? UTF8PROC_DECOMPOSE | UTF8PROC_STRIPMARK : UTF8PROC_COMPOSE));
  std::string key = squeeze_spaces(map(s, options).value_or(std::string(s)));
  if (!without_marks) return key;
  // đ (U+0111, case-folded from Đ) is a letter of its own, not d with a mark: people
  // typing without diacritics write d.
  std::string out;
  out.reserve(key.size());
  for (std::size_t i = 0; i < key.size(); ++i) {
    if (key.compare(i, 2, "\xC4\x91") == 0) {
      out += 'd';
      ++i;
    } else {
      out += key[i];
    }
  }
  return out;
}

std::optional<std::size_t> find_loosely(std::span<const std::string_view> names,
                                        std::string_view text) {
  if (const auto it = std::find(names.begin(), names.end(), text); it != names.end()) {
    return static_cast<std::size_t>(it - names.begin());
  }
  for (const bool without_marks : {false, true}) {
    bool ambiguous = false;
    const auto found =
        unique_match(names, match_key(text, without_marks), without_marks, ambiguous);
    if (found || ambiguous) return found;
  }
  return std::nullopt;
}

std::optional<std::size_t> closest_name(std::span<const std::string_view> names,
                                        std::string_view text) {
  const std::string key = match_key(text, true);
  const std::size_t chars = code_points(key);
  const std::size_t limit = chars >= 12 ? 3 : chars >= 6 ? 2 : 1;
  std::optional<std::size_t> best;
  std::size_t best_distance = limit + 1;
  bool tie = false;
  for (std::size_t i = 0; i < names.size(); ++i) {
    // A name of more bytes than the key's letters could take plus the limit is too far
    // (a letter is at most 4 bytes); this skips most of a long list without a key.
    if (names[i].size() + limit < key.size() || names[i].size() > 4 * (key.size() + limit))
      continue;
    const std::size_t d = distance(key, match_key(names[i], true), limit);
    if (d < best_distance) {
      best = i;
      best_distance = d;
      tie = false;
    } else if (d == best_distance && best) {
      tie = tie || match_key(names[*best], true) != match_key(names[i], true);
    }
  }
  if (tie || best_distance > limit) return std::nullopt;
  return best;
}

std::string did_you_mean(std::span<const std::string_view> names, std::string_view text) {
  const auto i = closest_name(names, text);
  return i ? " (did you mean '" + std::string(names[*i]) + "'?)" : std::string();
}

}  // namespace goaltrack::detail
