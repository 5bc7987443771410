#include "goaltrack/policy.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "goaltrack/error.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {
namespace {

TEST(policy, defaults_are_the_documented_numbers) {
  const evaluation_policy p;
  EXPECT_DOUBLE_EQ(p.on_track_margin, 0.10);
  EXPECT_DOUBLE_EQ(p.at_risk_margin, 0.25);
  EXPECT_TRUE(p.not_started_before_start);
  EXPECT_TRUE(p.missed_after_end);
  EXPECT_NO_THROW(p.validate());
}

TEST(policy, validation_names_the_field) {
  evaluation_policy p;
  p.trend_tolerance = std::numeric_limits<double>::infinity();
  try {
    p.validate();
    FAIL();
  } catch (const invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("trend_tolerance"), std::string::npos);
  }
}

TEST(policy, plans_keep_named_policies_for_evaluation) {
  plan pl;
  const auto dept = pl.org().add_collective("SGD", "", "department");
  const auto t =
      pl.add_target(target::quantity("Q", "", dept, period::year(2020)).at_least(100).from(0));
  pl.add_measurement({t, make_date(2020, 12, 1), 80, 1, "", ""});
  evaluation_policy strict;
  strict.missed_after_end = false;
  strict.on_track_margin = 0.0;
  strict.at_risk_margin = 0.1;
  pl.add_policy("strict", strict);
  EXPECT_EQ(pl.policy("strict"), strict);
  EXPECT_EQ(evaluate(pl, make_date(2021, 1, 5), "strict").target(t).status,
            target_status::off_track);
  EXPECT_EQ(evaluate(pl, make_date(2021, 1, 5)).target(t).status, target_status::missed);

  const plan before = pl;
  EXPECT_THROW(pl.add_policy("strict", {}), duplicate_error);
  EXPECT_THROW(pl.add_policy("", {}), invalid_argument);
  evaluation_policy bad_round;
  bad_round.rating_summaries.push_back({round_id{3}, rating_level{1}, "", {}, {}});
  EXPECT_THROW(pl.add_policy("summary", bad_round), not_found);
  EXPECT_EQ(pl, before);
  EXPECT_THROW((void)pl.policy("lenient"), not_found);
  EXPECT_THROW((void)evaluate(pl, make_date(2021, 1, 5), "lenient"), not_found);
}

}  // namespace
}  // namespace goaltrack
