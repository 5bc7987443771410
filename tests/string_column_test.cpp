#include "goaltrack/detail/string_column.hpp"

#include <gtest/gtest.h>

#include <string>

namespace goaltrack::detail {
namespace {

TEST(StringColumn, AppendsReadsAndTruncates) {
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

TEST(CodeTable, FindsEveryCodeThroughGrowthAndTruncation) {
  code_table t;
  for (int i = 0; i < 5000; ++i) EXPECT_TRUE(t.insert("c" + std::to_string(i)));
  EXPECT_FALSE(t.insert("c42"));
  EXPECT_EQ(t.size(), 5000U);
  for (int i = 0; i < 5000; ++i) EXPECT_EQ(t.find("c" + std::to_string(i)), static_cast<std::uint32_t>(i));
  EXPECT_FALSE(t.find("c5000").has_value());
  t.truncate(100);
  EXPECT_FALSE(t.find("c100").has_value());
  EXPECT_EQ(t.find("c99"), 99U);
  EXPECT_TRUE(t.insert("c100"));
  EXPECT_EQ(t.find("c100"), 100U);
  EXPECT_FALSE(code_table{}.find("").has_value());
}

}  // namespace
}  // namespace goaltrack::detail
