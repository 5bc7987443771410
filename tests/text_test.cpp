// The text rule (goaltrack/text.hpp): every text of a plan is UTF-8 of at most
// max_text_bytes, checked at every entry point with the same message; messages built
// from hostile input stay UTF-8.

#include "goaltrack/text.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <sstream>
#include <string>

#include "archive_golden.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/io/archive.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/plan.hpp"
#include "utf8.hpp"

namespace gt = goaltrack;
using gt::detail::first_invalid_utf8;
using gt::detail::printable_utf8;

namespace {

// The definition of well-formed UTF-8, written as a decoder (RFC 3629 section 3): a
// sequence of the length its lead byte announces, continuation bytes, and a code point
// in range for that length, not a surrogate. Independent of the library's range table.
bool reference_valid(const std::string& s) {
  std::size_t i = 0;
  while (i < s.size()) {
    const auto c = static_cast<unsigned char>(s[i]);
    std::size_t n = 0;
    std::uint32_t cp = 0;
    if (c < 0x80) {
      n = 1, cp = c;
    } else if ((c & 0xE0) == 0xC0) {
      n = 2, cp = c & 0x1F;
    } else if ((c & 0xF0) == 0xE0) {
      n = 3, cp = c & 0x0F;
    } else if ((c & 0xF8) == 0xF0) {
      n = 4, cp = c & 0x07;
    } else {
      return false;
    }
    if (i + n > s.size()) return false;
    for (std::size_t k = 1; k < n; ++k) {
      const auto d = static_cast<unsigned char>(s[i + k]);
      if ((d & 0xC0) != 0x80) return false;
      cp = (cp << 6) | (d & 0x3F);
    }
    const std::uint32_t least[] = {0, 0, 0x80, 0x800, 0x10000};
    if (cp < least[n] || cp > 0x10FFFF || (cp >= 0xD800 && cp <= 0xDFFF)) return false;
    i += n;
  }
  return true;
}

std::string bytes(std::initializer_list<int> b) {
  std::string s;
  for (int c : b) s += static_cast<char>(c);
  return s;
}

// The message of the goaltrack::invalid_argument that f throws.
template <class F>
std::string refusal(F&& f) {
  try {
    f();
  } catch (const gt::invalid_argument& e) {
    return e.what();
  }
  ADD_FAILURE() << "nothing was refused";
  return {};
}

gt::plan small_plan() {
  gt::plan p;
  const auto dept = p.org().add_collective("SGD", "Sở Giáo dục", "department");
  p.add_program({"CTr-1", "", "", "Chương trình", gt::period::year(2021), dept, {}});
  return p;
}

const std::string bad =
    "ab\xFF"
    "cd";
const std::string too_long(gt::max_text_bytes + 1, 'x');

}  // namespace

TEST(text, validator_agrees_with_the_definition_on_every_short_sequence) {
  // Every sequence of one and two bytes, and every three-byte one with a lead of E0..EF
  // or F0..F4 (which covers the boundaries: overlong, surrogate, above U+10FFFF).
  for (int a = 0; a < 256; ++a) {
    const std::string one = bytes({a});
    ASSERT_EQ(!first_invalid_utf8(one), reference_valid(one)) << a;
    for (int b = 0; b < 256; ++b) {
      const std::string two = bytes({a, b});
      ASSERT_EQ(!first_invalid_utf8(two), reference_valid(two)) << a << " " << b;
      if (a < 0xE0 || a > 0xF4) continue;
      for (int c = 0x70; c < 0xD0; ++c) {
        const std::string three = bytes({a, b, c});
        ASSERT_EQ(!first_invalid_utf8(three), reference_valid(three)) << a << " " << b;
        const std::string four = three + "\x80";
        ASSERT_EQ(!first_invalid_utf8(four), reference_valid(four)) << a << " " << b;
      }
    }
  }
}

TEST(text, validator_finds_the_first_bad_byte_past_long_ascii_runs) {
  std::string s(100, 'a');
  EXPECT_FALSE(first_invalid_utf8(s));
  s += "Đảng bộ";
  EXPECT_FALSE(first_invalid_utf8(s));
  s += std::string(40, 'b') + "\xC0\x80" + std::string(40, 'c');  // overlong NUL
  EXPECT_EQ(first_invalid_utf8(s), s.size() - 42);
  EXPECT_EQ(first_invalid_utf8("\xED\xA0\x80"), 0U);       // surrogate U+D800
  EXPECT_EQ(first_invalid_utf8("x\xF4\x90\x80\x80"), 1U);  // U+110000
  EXPECT_EQ(first_invalid_utf8("xy\xE1\x80"), 2U);         // cut short
}

TEST(text, printable_escapes_only_bytes_that_are_not_utf8) {
  EXPECT_EQ(printable_utf8("Sở \xFF\xFE ok\xE1\x80"), "Sở \\xFF\\xFE ok\\xE1\\x80");
  EXPECT_EQ(printable_utf8("plain"), "plain");
  EXPECT_FALSE(first_invalid_utf8(printable_utf8(bad)));
}

TEST(text, error_messages_are_utf8_whatever_they_quote) {
  const gt::invalid_argument a("code '" + bad + "'");
  EXPECT_STREQ(a.what(), "code 'ab\\xFFcd'");
  const gt::not_found n("no member has code '" + bad + "'");
  EXPECT_FALSE(first_invalid_utf8(n.what()));
  const gt::corrupt_error c("bad " + bad, "/tmp/" + bad);
  EXPECT_FALSE(first_invalid_utf8(c.what()));
  EXPECT_EQ(c.path(), "/tmp/" + bad);  // the path itself is kept as given
}

TEST(text, api_refuses_bad_text_naming_the_entity_and_field) {
  gt::plan p = small_plan();
  const auto dept = *p.org().find_collective("SGD");
  const auto prog = *p.find_program("CTr-1");
  gt::task t{"T1", "title " + bad, prog, dept, {}, gt::task_kind::planned, 1.0, {}, {}};
  EXPECT_EQ(refusal([&] { p.add_task(t); }), "task 'T1': title is not UTF-8 (byte 8 is 0xFF)");
  t.title = too_long;
  EXPECT_EQ(refusal([&] { p.add_task(t); }),
            "task 'T1': title is 1048577 bytes long, above the limit of 1048576 (max_text_bytes)");
  t.title = "ok";
  t.code = bad;
  EXPECT_EQ(refusal([&] { p.add_task(t); }),
            "task code is not UTF-8 (byte 2 is 0xFF): 'ab\\xFFcd'");
  EXPECT_EQ(p.tasks().size(), 0U);

  auto m = gt::target::milestone("M1", "Điểm", dept, gt::period::year(2021), {"one", bad});
  EXPECT_EQ(refusal([&] { p.add_target(m); }),
            "target 'M1': checklist item 2 is not UTF-8 (byte 2 is 0xFF)");
  auto share = gt::target::collective_count("R1", "cells", dept, gt::period::year(2021),
                                            gt::scale_id{}, gt::rating_level{}, 5);
  share.counting_kind(bad);
  EXPECT_EQ(refusal([&] { share.validate(); }),
            "target 'R1': rating.counted_kind is not UTF-8 (byte 2 is 0xFF)");

  EXPECT_EQ(refusal([&] { p.org().add_collective("C2", bad, "cell", dept); }),
            "collective 'C2': name is not UTF-8 (byte 2 is 0xFF)");
  const gt::member_spec members[] = {{"m1", "An", dept}, {"m2", bad, dept}};
  EXPECT_EQ(refusal([&] { p.org().add_members(members); }),
            "member 'm2': name is not UTF-8 (byte 2 is 0xFF)");
  EXPECT_EQ(p.org().member_count(), 0U);  // all or nothing
  EXPECT_EQ(refusal([&] {
              gt::rating_scale("s", {{"good", bad, "Good"}});
            }),
            "rating scale 's': level 'good': label_vi is not UTF-8 (byte 2 is 0xFF)");
  EXPECT_EQ(refusal([&] { p.add_policy(bad, {}); }),
            "policy code is not UTF-8 (byte 2 is 0xFF): 'ab\\xFFcd'");
  EXPECT_EQ(p.policy_count(), 0U);
  gt::evaluation_policy policy;
  policy.rating_summaries.push_back({gt::round_id{}, gt::rating_level{}, bad});
  EXPECT_EQ(refusal([&] { policy.validate("policy 'P'"); }),
            "policy 'P': rating_summaries item 1.counted_kind is not UTF-8 (byte 2 is 0xFF)");
}

TEST(text, measurement_sources_and_notes_keep_the_rule) {
  gt::plan p = small_plan();
  const auto dept = *p.org().find_collective("SGD");
  const auto t =
      p.add_target(gt::target::quantity("Q", "q", dept, gt::period::year(2021)).at_least(1));
  gt::measurement m{t, gt::date(2021, 3, 1), 1, 1, "Sở", bad};
  EXPECT_EQ(refusal([&] { p.add_measurement(m); }),
            "measurement: note is not UTF-8 (byte 2 is 0xFF)");
  EXPECT_EQ(p.measurements().size(), 0U);
  m.note = "fine";
  p.add_measurement(m);
  EXPECT_EQ(refusal([&] { p.annotate_measurement(0, too_long, ""); }),
            "measurement row 0: source is 1048577 bytes long, above the limit of 1048576 "
            "(max_text_bytes)");
  EXPECT_EQ(p.measurements().at(0).note, "fine");
}

TEST(text, csv_import_refuses_an_overlong_text_at_its_line) {
  gt::plan p = small_plan();
  const auto dept = *p.org().find_collective("SGD");
  p.add_task({"T1", "x", *p.find_program("CTr-1"), dept, {}, gt::task_kind::planned, 1.0, {}, {}});
  std::vector<gt::csv_source> files;
  for (auto& f : gt::export_csv(p)) files.push_back(std::move(f));
  for (auto& f : files) {
    if (f.name != "tasks.csv") continue;
    const auto at = f.text.find("T1,x,");
    ASSERT_NE(at, std::string::npos);
    f.text.replace(at, 5, "T1," + too_long + ",");
  }
  try {
    (void)gt::import_csv(std::move(files));
    ADD_FAILURE() << "the import did not fail";
  } catch (const gt::csv_error& e) {
    ASSERT_EQ(e.issues().size(), 1U);
    EXPECT_EQ(e.issues()[0].file, "tasks.csv");
    EXPECT_EQ(e.issues()[0].line, 2U);
    EXPECT_NE(e.issues()[0].message.find("title is 1048577 bytes long"), std::string::npos)
        << e.issues()[0].message;
  }
}

TEST(text, load_refuses_text_that_is_not_utf8_naming_the_field) {
  gt::plan p = small_plan();
  const auto dept = *p.org().find_collective("SGD");
  p.add_task({"T1",
              "TITLE-MARK",
              *p.find_program("CTr-1"),
              dept,
              {},
              gt::task_kind::planned,
              1.0,
              {},
              {}});
  for (const auto format : {gt::archive_format::text, gt::archive_format::binary}) {
    std::ostringstream out(std::ios::binary);
    gt::save(p, out, format);
    std::string b = out.str();
    const auto at = b.find("TITLE-MARK");
    ASSERT_NE(at, std::string::npos);
    b[at + 5] = '\xFF';
    goaltrack_test::fix_envelope(b);
    std::istringstream in(b, std::ios::binary);
    try {
      (void)gt::load(in);
      ADD_FAILURE() << "the load did not fail";
    } catch (const gt::corrupt_error& e) {
      EXPECT_NE(std::string(e.what()).find("task 'T1': title is not UTF-8 (byte 5 is 0xFF)"),
                std::string::npos)
          << e.what();
      EXPECT_FALSE(first_invalid_utf8(e.what()));
    }
  }
}

TEST(text, the_longest_text_a_plan_takes_saves_and_loads_again) {
  gt::plan p = small_plan();
  p.org().add_collective("C-long", std::string(gt::max_text_bytes, 'n'), "cell",
                         *p.org().find_collective("SGD"));
  for (const auto format :
       {gt::archive_format::text, gt::archive_format::xml, gt::archive_format::binary}) {
    std::ostringstream out(std::ios::binary);
    gt::save(p, out, format);
    std::istringstream in(out.str(), std::ios::binary);
    EXPECT_EQ(gt::load(in), p) << to_string(format);
  }
  EXPECT_EQ(gt::load_limits{}.string_bytes, gt::max_text_bytes);
}
