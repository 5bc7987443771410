#include "goaltrack/rating.hpp"

#include <gtest/gtest.h>

#include <array>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {
namespace {

TEST(rating_scale, vietnamese_default_is_ordered_best_first) {
  const rating_scale s = rating_scale::vietnamese_default();
  ASSERT_EQ(s.size(), 4U);
  EXPECT_EQ(s.level("excellent").rank(), 0);
  EXPECT_EQ(s.level("Hoàn thành tốt nhiệm vụ"), s.level("good"));
  EXPECT_EQ(s.level("Completed tasks"), s.level("completed"));
  EXPECT_EQ(s.label(s.level("not_completed"), language::vi), "Không hoàn thành nhiệm vụ");
  EXPECT_EQ(s.label(s.level("excellent"), language::en), "Excellently completed tasks");
}

TEST(rating_scale, or_above_is_a_first_class_comparison) {
  const rating_scale s = rating_scale::vietnamese_default();
  const rating_level good = s.level("good");
  EXPECT_TRUE(s.level("excellent").at_or_above(good));
  EXPECT_TRUE(good.at_or_above(good));
  EXPECT_FALSE(s.level("completed").at_or_above(good));
}

TEST(rating_scale, rejects_bad_scales_and_levels) {
  EXPECT_THROW(rating_scale("", {{"a", "", ""}}), invalid_argument);
  EXPECT_THROW(rating_scale("s", {}), invalid_argument);
  EXPECT_THROW(rating_scale("s", {{"a", "", ""}, {"a", "", ""}}), duplicate_error);
  const rating_scale s = rating_scale::vietnamese_default();
  try {
    (void)s.level("xuất sắc lắm");
    FAIL();
  } catch (const parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("'xuất sắc lắm'"), std::string::npos);
    EXPECT_NE(std::string(e.what()).find("'vn4'"), std::string::npos);
  }
  EXPECT_THROW((void)s.labels(rating_level{4}), invalid_argument);
  EXPECT_FALSE(s.contains(rating_level{4}));
}

TEST(rating_scale, custom_scales) {
  const rating_scale okr(
      "okr3", {{"green", "Xanh", "Green"}, {"amber", "Vàng", "Amber"}, {"red", "Đỏ", "Red"}});
  EXPECT_EQ(okr.size(), 3U);
  EXPECT_TRUE(okr.level("green").at_or_above(okr.level("amber")));
}

// A plan with one cell, one member and one round of 2020 on the default scale.
class rating_round_test : public ::testing::Test {
 protected:
  plan a;
  collective_id cell = a.org().add_collective("CB1", "", "cell");
  member_id m1 = a.org().add_member("m1", "", cell);
  scale_id scale = a.add_scale(rating_scale::vietnamese_default());
  round_id round = a.add_round(scale, period::year(2020));
};

TEST_F(rating_round_test, equality_ignores_how_far_the_columns_reach) {
  a.rate(round, m1, rating_level{1});
  plan b = a;
  a.org().add_member("m2", "", cell);
  b.org().add_member("m2", "", cell);
  // a's column stops at m1 (rated before m2 joined); b's, rated again, covers m2 as unrated.
  b.rate(round, m1, rating_level{1});
  EXPECT_EQ(a.get(round), b.get(round));
  b.rate(round, member_id{1}, rating_level{0});
  EXPECT_NE(a.get(round), b.get(round));
}

TEST_F(rating_round_test, copies_hold_their_own_ratings) {
  const auto unrated = a.add_round(scale, period::year(2019));
  a.rate(round, m1, rating_level{1});
  a.rate(round, cell, rating_level{0});
  const rating_round copy = a.get(round);
  rating_round assigned = a.get(unrated);
  assigned = copy;
  a.rate(round, m1, rating_level{2});
  for (const rating_round* r : std::array<const rating_round*, 2>{&copy, &assigned}) {
    EXPECT_EQ(r->of(m1), rating_level{1});
    EXPECT_EQ(r->of(cell), rating_level{0});
  }
  EXPECT_EQ(a.get(round).of(m1), rating_level{2});
  // A round never rated has no ranks, and equals a copy of itself.
  EXPECT_TRUE(a.get(unrated).member_ranks().empty());
  EXPECT_EQ(rating_round(a.get(unrated)), a.get(unrated));
}

}  // namespace
}  // namespace goaltrack
