// rate.hpp: exact rates and their rounding, and format_rate (report.hpp).

#include "goaltrack/rate.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstdint>
#include <limits>
#include <optional>

#include "goaltrack/error.hpp"
#include "goaltrack/report.hpp"

namespace goaltrack {
namespace {

TEST(rate, counts_are_cut_exactly_in_integers) {
  // 1,491 / 1,600 = 93.1875%: a half at two decimals, below a half at one.
  const rate r{1491, 1600};
  EXPECT_EQ(r.percent_units(1, rounding::half_away_from_zero), 932);
  EXPECT_EQ(r.percent_units(1, rounding::truncate), 931);
  EXPECT_EQ(r.percent_units(3, rounding::half_away_from_zero), 93188);
  EXPECT_EQ(r.percent_units(3, rounding::truncate), 93187);
  EXPECT_EQ(r.percent_units(4, rounding::truncate), 931875);
  // 1 / 3 = 33.333...%; 2 / 3 = 66.666...%; 1 / 8 = 12.5% is a half at 0 decimals.
  EXPECT_EQ((rate{2, 3}).percent_units(0, rounding::truncate), 66);
  EXPECT_EQ((rate{2, 3}).percent_units(0, rounding::half_away_from_zero), 67);
  EXPECT_EQ((rate{1, 8}).percent_units(0, rounding::half_away_from_zero), 13);
  EXPECT_EQ((rate{1, 8}).percent_units(0, rounding::truncate), 12);
  // 581 / 1000 in doubles is 0.58099999...: the integers give 58.1 exactly.
  EXPECT_EQ((rate{581, 1000}).percent_units(1, rounding::truncate), 581);
  EXPECT_EQ((rate{0, 7}).percent_units(2, rounding::truncate), 0);
  EXPECT_EQ((rate{7, 7}).percent_units(6, rounding::truncate), 100'000'000);
}

TEST(rate, whole_parts_up_to_two_to_the_53_stay_exact) {
  const double big = 9007199254740992.0;  // 2^53
  EXPECT_EQ((rate{big - 1, big}).percent_units(6, rounding::truncate), 99'999'999);
  EXPECT_EQ((rate{big - 1, big}).percent_units(6, rounding::half_away_from_zero), 100'000'000);
  EXPECT_EQ((rate{big, 1}).percent_units(0, rounding::truncate), 900'719'925'474'099'200);
  EXPECT_THROW((void)(rate{big, 1}).percent_units(2, rounding::truncate), invalid_argument);
}

TEST(rate, fractional_weights_cut_their_quotient) {
  // (3 x 0.5 + 0.25) / 3.5 = 0.5 exactly.
  EXPECT_EQ((rate{1.75, 3.5}).percent_units(1, rounding::truncate), 500);
  EXPECT_EQ((rate{0.1, 0.3}).percent_units(2, rounding::truncate), 3333);
  EXPECT_EQ((rate{0.2, 0.3}).percent_units(2, rounding::half_away_from_zero), 6667);
}

TEST(rate, no_denominator_has_no_value_and_bad_parts_are_refused) {
  EXPECT_EQ((rate{3, 0}).value(), std::nullopt);
  EXPECT_EQ((rate{3, 0}).percent_units(1, rounding::truncate), std::nullopt);
  ASSERT_TRUE((rate{1, 4}).value());
  EXPECT_DOUBLE_EQ(*(rate{1, 4}).value(), 0.25);
  EXPECT_THROW((void)(rate{1, 2}).percent_units(7, rounding::truncate), invalid_argument);
  EXPECT_THROW((void)(rate{1, 2}).percent_units(-1, rounding::truncate), invalid_argument);
  EXPECT_THROW((void)(rate{-1, 2}).percent_units(1, rounding::truncate), invalid_argument);
  EXPECT_THROW((void)(rate{std::nan(""), 2}).percent_units(1, rounding::truncate),
               invalid_argument);
  EXPECT_THROW(
      (void)(rate{1, std::numeric_limits<double>::infinity()}).percent_units(1, rounding::truncate),
      invalid_argument);
}

TEST(rate, format_rate_writes_each_languages_marks) {
  EXPECT_EQ(format_rate({1240, 1600}, 1, rounding::truncate, language::en), "77.5%");
  EXPECT_EQ(format_rate({1240, 1600}, 1, rounding::truncate, language::vi), "77,5%");
  EXPECT_EQ(format_rate({1, 400}, 2, rounding::half_away_from_zero, language::en), "0.25%");
  EXPECT_EQ(format_rate({1, 400}, 0, rounding::half_away_from_zero, language::en), "0%");
  EXPECT_EQ(format_rate({25, 2}, 0, rounding::half_away_from_zero, language::vi), "1.250%");
  EXPECT_EQ(format_rate({1, 0}, 1, rounding::truncate, language::vi), "\u2014");
  EXPECT_EQ(parse_rounding(to_string(rounding::truncate)), rounding::truncate);
  EXPECT_THROW(parse_rounding("floor"), parse_error);
}

}  // namespace
}  // namespace goaltrack
