#include "target_table.hpp"

#include <gtest/gtest.h>

#include <span>
#include <string>
#include <vector>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {
namespace {

TEST(target_table, keeps_numbers_in_rows_and_rare_fields_aside) {
  target_table table;
  const collective_id owner{0};
  const target q =
      target::quantity("Q", "Quantity", owner, period::year(2020)).at_least(3).counting("x");
  const target m = target::money("M", "Money", owner, period::year(2020), "VND").at_least(100);
  const target_id qi = table.append(std::span(&q, 1));
  const target_id mi = table.append(std::span(&m, 1));
  EXPECT_EQ(table.rows()[qi.index()].extra, target_row::no_extra);
  EXPECT_FALSE(table.rows()[qi.index()].has_baseline());
  ASSERT_NE(table.rows()[mi.index()].extra, target_row::no_extra);
  EXPECT_EQ(extra_value<&target::currency>(table.extras()[table.rows()[mi.index()].extra]), "VND");
  EXPECT_EQ(table.value_rules()[qi.index()].kind, target_kind::quantity);
  EXPECT_TRUE(table.value_rules()[qi.index()].whole_numbers);
  EXPECT_EQ(table.get(qi), q);
  EXPECT_EQ(table.get(mi), m);
  EXPECT_EQ(table.find("M"), mi);
  EXPECT_THROW(table.append(std::span(&q, 1)), duplicate_error);
  EXPECT_EQ(table.size(), 2U);
}

TEST(target_table, appends_a_batch_all_or_nothing) {
  target_table table;
  const collective_id owner{0};
  std::vector<target> batch;
  for (int i = 0; i < 100; ++i) {
    batch.push_back(
        target::quantity("T" + std::to_string(i), "", owner, period::year(2020)).at_least(1));
  }
  EXPECT_EQ(table.append(batch), target_id(0));
  EXPECT_EQ(table.append(std::span(batch).first(0)), target_id(100));
  // A code repeated within a batch, or already in the table: nothing of the batch stays.
  std::vector<target> more = {target::quantity("U0", "", owner, period::year(2020)).at_least(1),
                              target::money("U1", "", owner, period::year(2020), "VND").at_least(5),
                              target::quantity("U0", "", owner, period::year(2020)).at_least(2)};
  EXPECT_THROW(table.append(more), duplicate_error);
  more[2].code = "T7";
  EXPECT_THROW(table.append(more), duplicate_error);
  EXPECT_EQ(table.size(), 100U);
  EXPECT_TRUE(table.extras().empty());
  EXPECT_FALSE(table.find("U0").has_value());
  EXPECT_EQ(table.find("T99"), target_id(99));
  more[2].code = "U2";
  EXPECT_EQ(table.append(more), target_id(100));
  EXPECT_EQ(table.get(target_id(101)), more[1]);
  EXPECT_EQ(table.find("U2"), target_id(102));
}

}  // namespace
}  // namespace goaltrack::detail
