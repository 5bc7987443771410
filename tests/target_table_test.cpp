#include "goaltrack/detail/target_table.hpp"

#include <gtest/gtest.h>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {
namespace {

TEST(TargetTable, KeepsNumbersInRowsAndRareFieldsAside) {
  target_table table;
  const collective_id owner{0};
  const target q = target::quantity("Q", "Quantity", owner, period::year(2020)).at_least(3).counting("x");
  const target m = target::money("M", "Money", owner, period::year(2020), "VND").at_least(100);
  const target_id qi = table.push_back(q);
  const target_id mi = table.push_back(m);
  EXPECT_EQ(table.rows()[qi.index()].extra, target_row::no_extra);
  EXPECT_FALSE(table.rows()[qi.index()].has_baseline());
  ASSERT_NE(table.rows()[mi.index()].extra, target_row::no_extra);
  EXPECT_EQ(table.extras()[table.rows()[mi.index()].extra].currency, "VND");
  EXPECT_EQ(table.value_rules()[qi.index()].kind, target_kind::quantity);
  EXPECT_TRUE(table.value_rules()[qi.index()].whole_numbers);
  EXPECT_EQ(table.get(qi), q);
  EXPECT_EQ(table.get(mi), m);
  EXPECT_EQ(table.find("M"), mi);
  EXPECT_THROW(table.push_back(q), duplicate_error);
  EXPECT_EQ(table.size(), 2U);
}

}  // namespace
}  // namespace goaltrack::detail
