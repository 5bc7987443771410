#include "goaltrack/detail/string_column.hpp"

#include <gtest/gtest.h>

#include <string>
#include <string_view>
#include <vector>

namespace goaltrack::detail {
namespace {

TEST(string_column, appends_reads_and_truncates) {
  string_column c;
  c.push_back("Chi bộ 1");
  c.push_back("");
  c.push_back("Đảng bộ");
  ASSERT_EQ(c.size(), 3U);
  EXPECT_EQ(c[0], "Chi bộ 1");
  EXPECT_EQ(c[1], "");
  EXPECT_EQ(c[2], "Đảng bộ");
  c.truncate(1);
  EXPECT_EQ(c.size(), 1U);
  c.push_back("x");
  EXPECT_EQ(c[1], "x");
}

TEST(code_table, finds_every_code_through_growth_and_truncation) {
  code_table t;
  for (int i = 0; i < 5000; ++i) EXPECT_TRUE(t.insert("c" + std::to_string(i)));
  EXPECT_FALSE(t.insert("c42"));
  EXPECT_EQ(t.size(), 5000U);
  for (int i = 0; i < 5000; ++i)
    EXPECT_EQ(t.find("c" + std::to_string(i)), static_cast<std::uint32_t>(i));
  EXPECT_FALSE(t.find("c5000").has_value());
  t.truncate(100);
  EXPECT_FALSE(t.find("c100").has_value());
  EXPECT_EQ(t.find("c99"), 99U);
  EXPECT_TRUE(t.insert("c100"));
  EXPECT_EQ(t.find("c100"), 100U);
  EXPECT_FALSE(code_table{}.find("").has_value());
}

TEST(code_table, find_many_agrees_with_find) {
  code_table t;
  std::vector<std::string_view> none{"a", "", "b"};
  std::vector<std::uint32_t> rows(none.size(), 7);
  t.find_many(none, rows);  // an empty table
  EXPECT_EQ(rows, std::vector<std::uint32_t>(3, code_table::absent));
  for (int i = 0; i < 5000; ++i) ASSERT_TRUE(t.insert("c" + std::to_string(i)));
  // Present and absent codes, repeats, and a count that is not a multiple of the group.
  std::vector<std::string> owned;
  for (int i = 0; i < 777; ++i) owned.push_back("c" + std::to_string((i * 7919) % 6000));
  owned.push_back("");
  owned.push_back("c42");
  owned.push_back("c42");
  const std::vector<std::string_view> codes(owned.begin(), owned.end());
  rows.assign(codes.size(), 0);
  t.find_many(codes, rows);
  for (std::size_t i = 0; i < codes.size(); ++i) {
    EXPECT_EQ(rows[i], t.find(codes[i]).value_or(code_table::absent)) << codes[i];
  }
  EXPECT_EQ(rows.back(), 42U);
  t.find_many({}, {});
}

TEST(code_table, insert_many_stops_before_the_first_present_code) {
  code_table t;
  const std::vector<std::string_view> first{"a", "b", "c"};
  EXPECT_EQ(t.insert_many(first), 3U);
  const std::vector<std::string_view> clash{"d", "b", "e"};
  EXPECT_EQ(t.insert_many(clash), 1U);  // "d" added, stopped at "b"
  EXPECT_EQ(t.size(), 4U);
  EXPECT_EQ(t.find("d"), 3U);
  EXPECT_FALSE(t.find("e").has_value());
  const std::vector<std::string_view> repeated{"x", "y", "x", "z"};
  EXPECT_EQ(t.insert_many(repeated), 2U);  // a code repeated within the batch
  EXPECT_EQ(t.size(), 6U);
  // Many at once, through several growths of the index.
  std::vector<std::string> owned;
  for (int i = 0; i < 20000; ++i) owned.push_back("m" + std::to_string(i));
  const std::vector<std::string_view> many(owned.begin(), owned.end());
  EXPECT_EQ(t.insert_many(many), many.size());
  for (std::size_t i = 0; i < many.size(); i += 613) EXPECT_EQ(t.find(many[i]), 6 + i);
  EXPECT_EQ(t.insert_many({}), 0U);
}

}  // namespace
}  // namespace goaltrack::detail
