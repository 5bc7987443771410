#include "goaltrack/target.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

const collective_id owner{0};

std::string error_of(const target& t) {
  try {
    t.validate();
  } catch (const invalid_argument& e) {
    return e.what();
  }
  return "(valid)";
}

TEST(target, factories_and_setters_describe_every_kind) {
  const target sites = target::quantity("SITES", "Giảm điểm trường", owner, period::year(2020))
                           .decrease_by(98)
                           .from(1200)
                           .counting("điểm trường");
  EXPECT_EQ(sites.goal, goal_kind::decrease_by);
  EXPECT_DOUBLE_EQ(sites.goal_level(), 1102);
  EXPECT_TRUE(sites.whole_numbers);
  EXPECT_NO_THROW(sites.validate());

  const target fund = target::money("FUND", "Tết vì người nghèo", owner, period::year(2020), "VND")
                          .at_least(45'000'000);
  EXPECT_EQ(fund.currency, "VND");
  EXPECT_NO_THROW(fund.validate());

  const target share =
      target::member_share("DV", "", owner, period::year(2021), scale_id{0}, rating_level{1});
  EXPECT_TRUE(share.is_rating());
  EXPECT_EQ(share.rating.required_share, share::percent(100));
  const target cells =
      target::all_collectives("CB", "", owner, period::year(2021), scale_id{0}, rating_level{1})
          .counting_kind("cell");
  EXPECT_TRUE(cells.rating.all);
  EXPECT_EQ(cells.rating.counted_kind, "cell");
  EXPECT_NO_THROW(cells.validate());
}

TEST(target, baseline_equal_to_goal_is_rejected_naming_the_target) {
  const target t = target::quantity("T1", "", owner, period::year(2020)).increase_to(50).from(50);
  const std::string msg = error_of(t);
  EXPECT_NE(msg.find("'T1'"), std::string::npos);
  EXPECT_NE(msg.find("baseline equals"), std::string::npos);
}

TEST(target, rejects_inconsistent_goals) {
  const period y = period::year(2020);
  EXPECT_NE(error_of(target::quantity("a", "", owner, y).increase_to(10).from(20)), "(valid)");
  EXPECT_NE(error_of(target::quantity("b", "", owner, y).decrease_to(30).from(20)), "(valid)");
  EXPECT_NE(error_of(target::quantity("c", "", owner, y).increase_to(30)), "(valid)");
  EXPECT_NE(error_of(target::quantity("d", "", owner, y).decrease_by(-3).from(20)), "(valid)");
  EXPECT_NE(error_of(target::quantity("e", "", owner, y).within(5, 1)), "(valid)");
  EXPECT_NE(error_of(target::quantity("f", "", owner, y).at_least(std::nan(""))), "(valid)");
  EXPECT_NE(
      error_of(
          target::quantity("g", "", owner, y).at_least(std::numeric_limits<double>::infinity())),
      "(valid)");
  EXPECT_NE(error_of(target::quantity("h", "", owner, y).counting("x").at_least(2.5)), "(valid)");
  EXPECT_NE(error_of(target::money("i", "", owner, y, "dong").at_least(1)), "(valid)");
  EXPECT_NE(error_of(target::money("j", "", owner, y, "VND").at_least(0.5)), "(valid)");
  EXPECT_NE(error_of(target::collective_count("k", "", owner, y, scale_id{0}, rating_level{1}, 0)),
            "(valid)");
  target over = target::member_share("l", "", owner, y, scale_id{0}, rating_level{1}, {101, 100});
  EXPECT_NE(error_of(over), "(valid)");
  target zero = target::member_share("m", "", owner, y, scale_id{0}, rating_level{1}, {1, 0});
  EXPECT_NE(error_of(zero).find("zero denominator"), std::string::npos);
  EXPECT_NE(error_of(target::quantity("", "", owner, y).at_least(1)), "(valid)");
}

TEST(target, threshold_goals_need_no_baseline) {
  const period y = period::year(2020);
  EXPECT_EQ(error_of(target::quantity("a", "", owner, y).at_least(600)), "(valid)");
  EXPECT_EQ(error_of(target::ratio("b", "", owner, y).at_most(0.01)), "(valid)");
  EXPECT_EQ(error_of(target::quantity("c", "", owner, y).within(10, 20)), "(valid)");
}

TEST(target, share_compares_exactly) {
  EXPECT_TRUE(share::percent(100).reached(12, 12));
  EXPECT_FALSE(share::percent(100).reached(11, 12));
  EXPECT_TRUE(share::percent_tenths(581).reached(581, 1000));
  EXPECT_FALSE(share::percent_tenths(581).reached(580, 1000));
}

TEST(target, enum_codes_round_trip) {
  for (auto k :
       {target_kind::quantity, target_kind::ratio, target_kind::money, target_kind::milestone,
        target_kind::direction, target_kind::member_share, target_kind::collective_count}) {
    EXPECT_EQ(parse_target_kind(to_string(k)), k);
  }
  for (auto g :
       {goal_kind::increase_to, goal_kind::decrease_to, goal_kind::increase_by,
        goal_kind::decrease_by, goal_kind::at_least, goal_kind::at_most, goal_kind::within}) {
    EXPECT_EQ(parse_goal_kind(to_string(g)), g);
  }
  EXPECT_EQ(parse_trend("decrease"), trend::decrease);
  EXPECT_EQ(parse_rating_scope("subtree"), rating_scope::subtree);
  EXPECT_EQ(parse_collective_criterion("member_share"), collective_criterion::member_share);
  EXPECT_THROW(parse_goal_kind("more"), parse_error);
}

}  // namespace
}  // namespace goaltrack
