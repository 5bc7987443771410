// Tests of src/unicode.hpp: NFC on entry, loose matching of names typed by hand, and the
// "did you mean" of a typing slip.

#include "unicode.hpp"

#include <gtest/gtest.h>
#include <utf8proc.h>

#include <array>
#include <cstdlib>
#include <sstream>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/goaltrack.hpp"
#include "utf8.hpp"

namespace {

using goaltrack::detail::check_utf8_and_nfc;
using goaltrack::detail::closest_name;
using goaltrack::detail::did_you_mean;
using goaltrack::detail::find_loosely;
using goaltrack::detail::match_key;
using goaltrack::detail::maybe_not_nfc;
using goaltrack::detail::to_nfc;

// "Hoàn thành" as Unikey's "Unicode tổ hợp" types it: a, then a combining grave accent.
const std::string decomposed = "Hoa\xCC\x80n tha\xCC\x80nh";
const std::string composed = "Hoàn thành";

std::string utf8_of(char32_t c) {
  std::array<utf8proc_uint8_t, 4> bytes{};
  const auto n = utf8proc_encode_char(static_cast<utf8proc_int32_t>(c), bytes.data());
  return std::string(reinterpret_cast<const char*>(bytes.data()), static_cast<std::size_t>(n));
}

// Every code point maybe_not_nfc takes as certainly NFC without asking utf8proc.
std::vector<char32_t> safe_code_points() {
  std::vector<char32_t> v;
  for (char32_t c = 1; c < 0x2070; ++c) {
    if (c >= 0xD800 && c <= 0xDFFF) continue;
    if (!maybe_not_nfc(utf8_of(c))) v.push_back(c);
  }
  return v;
}

TEST(unicode, decomposed_text_becomes_nfc) {
  ASSERT_NE(decomposed, composed);
  EXPECT_TRUE(maybe_not_nfc(decomposed));
  EXPECT_EQ(to_nfc(decomposed), composed);
  std::string s = decomposed;
  goaltrack::detail::make_nfc(s);
  EXPECT_EQ(s, composed);
}

TEST(unicode, nfc_text_is_left_alone_without_asking_utf8proc) {
  EXPECT_FALSE(maybe_not_nfc("Sở Giáo dục và Đào tạo — “Kế hoạch” số 15/KH-SGDĐT"));
  EXPECT_FALSE(maybe_not_nfc("plain ASCII text of more than eight bytes"));
  EXPECT_EQ(to_nfc("Nguyễn Thị Hường"), "Nguyễn Thị Hường");
}

TEST(unicode, one_look_at_a_long_text_finds_what_two_would) {
  // Pieces are 64 KiB: sequences straddle their ends, and faults sit on either side.
  const std::string vi = "Tr\xC6\xB0\xE1\xBB\x9Dng ";  // "Trường ", NFC
  const std::string two_marks = "e\xCC\x82\xCC\xA3";   // e + two marks: not NFC
  std::string text;
  while (text.size() < (std::size_t{200} << 10)) text += vi;
  for (const std::size_t at : {std::size_t{0}, std::size_t{65535}, std::size_t{65536},
                               std::size_t{65538}, std::size_t{131071}, text.size() - 1}) {
    for (const std::string& insert : {two_marks, std::string("\xE1\xBB"),
                                      std::string("\x80\x80\x80\x80"), std::string("\xFF")}) {
      std::string t = text;
      t.insert(at, insert);
      const auto check = check_utf8_and_nfc(t);
      EXPECT_EQ(check.invalid_at, goaltrack::detail::first_invalid_utf8(t)) << at;
      if (!check.invalid_at) {
        EXPECT_EQ(check.maybe_not_nfc, maybe_not_nfc(t)) << at;
      }
    }
  }
  EXPECT_FALSE(check_utf8_and_nfc(text).maybe_not_nfc);
  EXPECT_FALSE(check_utf8_and_nfc(text).invalid_at);
}

TEST(unicode, text_that_is_not_utf8_is_returned_unchanged) {
  const std::string bad = "ab\xFF\xFE";
  EXPECT_EQ(to_nfc(bad), bad);
}

TEST(unicode, the_fast_ranges_are_nfc_alone_and_in_pairs) {
  // The claim maybe_not_nfc rests on, checked with utf8proc: no code point it passes
  // changes under NFC, alone or after another one it passes.
  const std::vector<char32_t> safe = safe_code_points();
  ASSERT_GT(safe.size(), 900U);
  std::string pair;
  for (const char32_t a : safe) {
    const std::string one = utf8_of(a);
    for (const char32_t b : safe) {
      pair = one + utf8_of(b);
      utf8proc_uint8_t* out = nullptr;
      const auto n =
          utf8proc_map(reinterpret_cast<const utf8proc_uint8_t*>(pair.data()),
                       static_cast<utf8proc_ssize_t>(pair.size()), &out,
                       static_cast<utf8proc_option_t>(UTF8PROC_STABLE | UTF8PROC_COMPOSE));
      ASSERT_GE(n, 0);
      const std::string nfc(reinterpret_cast<const char*>(out), static_cast<std::size_t>(n));
      std::free(out);  // NOLINT(cppcoreguidelines-no-malloc): utf8proc's buffer
      ASSERT_EQ(nfc, pair) << "U+" << std::hex << static_cast<unsigned>(a) << " U+"
                           << static_cast<unsigned>(b);
    }
  }
}

TEST(unicode, match_keys_ignore_case_and_then_diacritics) {
  EXPECT_EQ(match_key("ĐÚNG", false), match_key("đúng", false));
  EXPECT_NE(match_key("đúng", false), match_key("dung", false));
  EXPECT_EQ(match_key("ĐÚNG", true), "dung");
  EXPECT_EQ(match_key("  Đơn   vị ", true), "don vi");
  EXPECT_EQ(match_key(decomposed, false), match_key("HOÀN THÀNH", false));
}

TEST(unicode, a_name_is_found_exactly_then_ignoring_case_then_without_diacritics) {
  const std::vector<std::string_view> names{"quantity", "số lượng", "ratio", "tỷ lệ", "Số"};
  EXPECT_EQ(find_loosely(names, "số lượng"), 1U);
  EXPECT_EQ(find_loosely(names, "SỐ LƯỢNG"), 1U);
  EXPECT_EQ(find_loosely(names, "so luong"), 1U);
  EXPECT_EQ(find_loosely(names, "Ty le"), 3U);
  EXPECT_EQ(find_loosely(names, "Quantity"), 0U);
  // "Số" exactly; "số" by case; "so" matches no name without diacritics but "Số".
  EXPECT_EQ(find_loosely(names, "số"), 4U);
  EXPECT_FALSE(find_loosely(names, "quantities"));
}

TEST(unicode, an_ambiguous_name_without_diacritics_matches_nothing) {
  // "ba" could be bà or bá: neither is chosen.
  const std::vector<std::string_view> names{"bà", "bá"};
  EXPECT_FALSE(find_loosely(names, "ba"));
  EXPECT_EQ(find_loosely(names, "BÁ"), 1U);
}

TEST(unicode, did_you_mean_names_the_nearest_name_of_a_slip) {
  const std::vector<std::string_view> names{"TYT01", "TYT12", "THCS05", "quantity"};
  EXPECT_FALSE(closest_name(names, "TYT1"));  // TYT01 and TYT12 are both 1 away: no guess
  EXPECT_EQ(did_you_mean(names, "quantiy"), " (did you mean 'quantity'?)");
  EXPECT_EQ(did_you_mean(names, "qunatity"), " (did you mean 'quantity'?)");  // transposed
  EXPECT_EQ(did_you_mean(names, "xyz"), "");
  EXPECT_EQ(did_you_mean(names, "TYT13"), " (did you mean 'TYT12'?)");
}

}  // namespace

namespace {

using namespace goaltrack;

TEST(unicode, the_api_puts_every_text_in_nfc) {
  plan p;
  const collective_id sgd = p.org().add_collective("SGD", decomposed, "department");
  EXPECT_EQ(p.org().name(sgd), composed);
  const std::vector<collective_spec> cells{{"C1", decomposed, "cell", "SGD"}};
  EXPECT_EQ(p.org().name(p.org().add_collectives(cells).front()), composed);
  const std::vector<member_spec> members{{"M1", decomposed, sgd}};
  EXPECT_EQ(p.org().name(p.org().add_members(members)), composed);
  const rating_scale scale("s", {{"a", decomposed, "A"}, {"b", "B", "B"}});
  EXPECT_EQ(scale.labels(rating_level(0)).label_vi, composed);
  EXPECT_EQ(scale.level(composed), rating_level(0));
  const target_id t = p.add_target(target::quantity("T", decomposed, sgd, period::year(2020)));
  EXPECT_EQ(p.get(t).title, composed);
  p.add_measurement({t, make_date(2020, 5, 1), 1, 1, decomposed, decomposed});
  p.annotate_measurement(0, decomposed, decomposed);
  // Saved and loaded, as archives are loaded through the same calls.
  std::stringstream archive;
  save(p, archive, archive_format::binary);
  const plan back = load(archive);
  EXPECT_EQ(back, p);
  EXPECT_EQ(back.get(t).title, composed);
}

}  // namespace
