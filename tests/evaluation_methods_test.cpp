// Evaluation methods as data: aggregation over time, scoring methods, limits judged at
// their close and the year-end review (evaluation.hpp, target.hpp, policy.hpp). Worked
// examples are those of the cited sources, figure for figure.

#include <gtest/gtest.h>

#include <cmath>
#include <random>
#include <string>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/plan.hpp"
#include "goaltrack/policy.hpp"

namespace goaltrack {
namespace {

date d(int y, int m, int day) { return make_date(y, m, day); }

class evaluation_methods : public ::testing::Test {
 protected:
  void SetUp() override { dept = p.org().add_collective("SGD", "Sở GD-ĐT", "department"); }

  // A quantity target of 2021 with one measurement of `a` on 30 June, evaluated then.
  double progress_of(target t, double a) {
    t.code = "T" + std::to_string(next++);
    const target_id id = p.add_target(t);
    p.add_measurement({id, d(2021, 6, 30), a, 1, "", ""});
    return *evaluate(p, d(2021, 6, 30)).target(id).progress;
  }
  target quantity() const { return target::quantity("", "", dept, period::year(2021)); }

  plan p;
  collective_id dept;
  int next = 0;
};

// SAP Strategy Management, "Achievement Scores": "Actual profit=45, Target profit=50,
// Score (actual % target) = (45/50 * 100) = 90"; 40 of 50 scores 80. Lower is better: the
// inverse ratio g / a.
TEST_F(evaluation_methods, percent_of_target_is_actual_over_target_and_its_inverse_for_caps) {
  const target up = quantity().at_least(50).scored_by(scoring_method::percent_of_target);
  EXPECT_NEAR(progress_of(up, 45), 0.90, 1e-12);
  EXPECT_NEAR(progress_of(up, 40), 0.80, 1e-12);
  EXPECT_NEAR(progress_of(up, 75), 1.50, 1e-12);
  const target cap = quantity().at_most(50).scored_by(scoring_method::percent_of_target);
  EXPECT_NEAR(progress_of(cap, 40), 1.25, 1e-12);
  EXPECT_NEAR(progress_of(cap, 100), 0.50, 1e-12);
  // g / a grows without bound as a falls to 0; at 0 and below it is +infinity (clamped 1).
  EXPECT_TRUE(std::isinf(progress_of(cap, 0)));
  // From a baseline, percent of target ignores it: 1100 of a goal 1102 (1200 - 98).
  const target down =
      quantity().decrease_by(98).from(1200).scored_by(scoring_method::percent_of_target);
  EXPECT_NEAR(progress_of(down, 1100), 1102.0 / 1100.0, 1e-12);
}

// Infor CPM Strategy Management user guide, "Rules for decreasing value types": with a
// target of 50, actuals 50, 100, 200, 0 give 100%, 0%, -200%, 200%; with -50, actuals -50,
// -100, 0, 50 give 100%, 200%, 0%, -100%; with 0, actuals 0, 1, -1, -2, 2 give 100%, 0%,
// 200%, 300%, -100%. "Rules for increasing value types": with 50, actuals 50, 100, 0, -50
// give 100%, 200%, 0%, -100%; with -50, actuals -50, -100, -150, 0, 50 give 100%, 0%,
// -100%, 200%, 300%; with 0, actuals 0, 1, -1, -2, 2 give 100%, 200%, 0%, -100%, 300%.
TEST_F(evaluation_methods, distance_to_target_reproduces_the_infor_tables) {
  struct row {
    double goal;
    double actual;
    double performance;
  };
  const row decreasing[] = {{50, 50, 1},    {50, 100, 0}, {50, 200, -2}, {50, 0, 2}, {-50, -50, 1},
                            {-50, -100, 2}, {-50, 0, 0},  {-50, 50, -1}, {0, 0, 1},  {0, 1, 0},
                            {0, -1, 2},     {0, -2, 3},   {0, 2, -1}};
  for (const row& r : decreasing) {
    const target cap = quantity().at_most(r.goal).scored_by(scoring_method::distance_to_target);
    EXPECT_NEAR(progress_of(cap, r.actual), r.performance, 1e-12)
        << "cap " << r.goal << ", actual " << r.actual;
  }
  const row increasing[] = {{50, 50, 1},   {50, 100, 2},   {50, 0, 0},      {50, -50, -1},
                            {-50, -50, 1}, {-50, -100, 0}, {-50, -150, -1}, {-50, 0, 2},
                            {-50, 50, 3},  {0, 0, 1},      {0, 1, 2},       {0, -1, 0},
                            {0, -2, -1},   {0, 2, 3}};
  for (const row& r : increasing) {
    const target floor = quantity().at_least(r.goal).scored_by(scoring_method::distance_to_target);
    EXPECT_NEAR(progress_of(floor, r.actual), r.performance, 1e-12)
        << "floor " << r.goal << ", actual " << r.actual;
  }
}

// The property of issue 9: for a goal that wants more, a higher actual never lowers the
// score, whatever the scoring; for one that wants less, never raises it.
TEST_F(evaluation_methods, a_better_actual_never_scores_lower) {
  std::mt19937 gen(9);
  std::uniform_real_distribution<double> value(-500, 1500);
  const scoring_method methods[] = {scoring_method::by_goal, scoring_method::percent_of_target,
                                    scoring_method::distance_to_target};
  for (int trial = 0; trial < 60; ++trial) {
    const double a = value(gen);
    const double b = a + std::uniform_real_distribution<double>(0.01, 300)(gen);
    for (const scoring_method m : methods) {
      const target up = quantity().at_least(400).scored_by(m);
      EXPECT_LE(progress_of(up, a), progress_of(up, b)) << to_string(m) << " " << a << " " << b;
      if (m == scoring_method::by_goal) continue;  // a cap without baseline: met or not
      const target down = quantity().at_most(400).scored_by(m);
      EXPECT_GE(progress_of(down, a), progress_of(down, b)) << to_string(m) << " " << a;
    }
  }
}

// The aggregation types of MS-RSREST's KpiSharedDataItemAggregation (First, Last, Min, Max,
// Average, Sum) and a count of check-ins, over the period's measurements only, one per day.
TEST_F(evaluation_methods, aggregations_over_the_period_take_one_figure_per_day) {
  const period q3 = period::quarter(2021, 3);
  const auto with = [&](const std::string& code, aggregation a) {
    const target_id id =
        p.add_target(target::quantity(code, "", dept, q3).at_least(100).aggregated_by(a));
    p.add_measurement({id, d(2021, 6, 30), 1000, 1, "", "before the period"});
    p.add_measurement({id, d(2021, 7, 31), 10, 1, "", ""});
    p.add_measurement({id, d(2021, 8, 31), 25, 1, "", "a first figure"});
    p.add_measurement({id, d(2021, 8, 31), 20, 1, "", "corrected the same day"});
    p.add_measurement({id, d(2021, 9, 30), 30, 1, "", ""});
    p.add_measurement({id, d(2021, 10, 15), 2000, 1, "", "after the period"});
    return id;
  };
  const target_id latest = with("LATEST", aggregation::latest);
  const target_id in_period = with("IN", aggregation::latest_in_period);
  const target_id sum = with("SUM", aggregation::sum);
  const target_id mean = with("MEAN", aggregation::mean);
  const target_id low = with("MIN", aggregation::minimum);
  const target_id high = with("MAX", aggregation::maximum);
  const target_id first = with("FIRST", aggregation::first);
  const target_id count = with("COUNT", aggregation::count);
  const evaluation ev = evaluate(p, d(2021, 10, 31));
  EXPECT_DOUBLE_EQ(*ev.target(latest).actual, 2000);  // the latest, in the period or not
  EXPECT_DOUBLE_EQ(*ev.target(in_period).actual, 30);
  EXPECT_EQ(ev.target(in_period).actual_date, d(2021, 9, 30));
  EXPECT_DOUBLE_EQ(*ev.target(sum).actual, 60);  // 10 + 20 + 30: the correction replaced 25
  EXPECT_NEAR(*ev.target(mean).actual, 20, 1e-12);
  EXPECT_DOUBLE_EQ(*ev.target(low).actual, 10);
  EXPECT_EQ(ev.target(low).actual_date, d(2021, 7, 31));
  EXPECT_DOUBLE_EQ(*ev.target(high).actual, 30);
  EXPECT_DOUBLE_EQ(*ev.target(first).actual, 10);
  EXPECT_DOUBLE_EQ(*ev.target(count).actual, 3);
  // As of mid-August, only what is dated by then: year to date.
  const evaluation aug = evaluate(p, d(2021, 8, 15));
  EXPECT_DOUBLE_EQ(*aug.target(sum).actual, 10);
  EXPECT_DOUBLE_EQ(*aug.target(count).actual, 1);
  // Before any measurement of the period: no data, where `latest` takes the figure
  // measured before the period.
  EXPECT_EQ(evaluate(p, d(2021, 7, 15)).target(sum).status, target_status::no_data);
  EXPECT_DOUBLE_EQ(*evaluate(p, d(2021, 7, 15)).target(latest).actual, 1000);
}

// A ratio's sum and mean are the sums of its parts, never a mean of percentages: 5/10 and
// 1/40 are 6/50 = 12%, where the mean of 50% and 2.5% would be 26.25%.
TEST_F(evaluation_methods, a_ratio_aggregates_numerators_and_denominators_apart) {
  const period y = period::year(2021);
  const target_id sum =
      p.add_target(target::ratio("SUM", "", dept, y).at_least(0.5).aggregated_by(aggregation::sum));
  const target_id mean = p.add_target(
      target::ratio("MEAN", "", dept, y).at_least(0.5).aggregated_by(aggregation::mean));
  const target_id low = p.add_target(
      target::ratio("MIN", "", dept, y).at_least(0.5).aggregated_by(aggregation::minimum));
  for (const target_id t : {sum, mean, low}) {
    p.add_measurement({t, d(2021, 3, 31), 5, 10, "", ""});
    p.add_measurement({t, d(2021, 6, 30), 1, 40, "", ""});
  }
  const evaluation ev = evaluate(p, d(2021, 12, 31));
  EXPECT_NEAR(*ev.target(sum).actual, 0.12, 1e-12);
  EXPECT_DOUBLE_EQ(*ev.target(sum).numerator, 6);
  EXPECT_DOUBLE_EQ(*ev.target(sum).denominator, 50);
  EXPECT_NEAR(*ev.target(mean).actual, 0.12, 1e-12);
  EXPECT_NEAR(*ev.target(low).actual, 0.025, 1e-12);
  EXPECT_DOUBLE_EQ(*ev.target(low).denominator, 40);
}

// Issue 9: "A cap (at_most) or a range without a baseline reads 'achieved' mid-year
// because it is not violated yet, and counts as progress 1.0 in roll-ups; a violated cap
// reads 'on track' early in the period."
TEST_F(evaluation_methods, limits_are_within_so_far_until_their_period_closes) {
  const period y = period::year(2021);
  const program_id prog = p.add_program({"KH", "", "", "", y, dept, std::nullopt});
  const target_id cap =
      p.add_target(target::ratio("DROP", "Tỉ lệ bỏ học", dept, y).at_most(0.015).in_program(prog));
  const target_id range =
      p.add_target(target::quantity("SIZE", "Sĩ số", dept, y).within(30, 35).in_program(prog));
  const target_id broken = p.add_target(target::quantity("OVER", "", dept, y).at_most(10));
  p.add_measurement({cap, d(2021, 3, 31), 12, 1000, "", "1.2%"});
  p.add_measurement({range, d(2021, 3, 31), 33, 1, "", ""});
  p.add_measurement({broken, d(2021, 1, 31), 12, 1, "", ""});

  const evaluation spring = evaluate(p, d(2021, 4, 1));
  EXPECT_EQ(spring.target(cap).status, target_status::within_so_far);
  EXPECT_EQ(spring.target(range).status, target_status::within_so_far);
  EXPECT_EQ(spring.target(broken).status, target_status::off_track);  // violated so far
  // Neither limit's progress is a result yet: the program's mean has none.
  const target_rollup& roll = spring.program(prog).own_targets;
  EXPECT_EQ(roll.statuses[target_status::within_so_far], 2U);
  EXPECT_EQ(roll.with_progress, 0U);
  EXPECT_FALSE(roll.mean_progress().has_value());

  // Judged at the close: met then is achieved, violated missed.
  p.add_measurement({range, d(2021, 11, 30), 38, 1, "", ""});
  const evaluation next_year = evaluate(p, d(2022, 1, 5));
  EXPECT_EQ(next_year.target(cap).status, target_status::achieved);
  EXPECT_EQ(next_year.target(range).status, target_status::missed);
  EXPECT_EQ(next_year.program(prog).own_targets.with_progress, 2U);
}

// The year-end review of the origin document is written on 31 December: issue 9, "an
// unfinished yearly target reads 'on track' (đúng tiến độ); only from 1 January does it
// become 'missed'. A rating round decided on 20 December is still 'on track' on the 31st."
TEST_F(evaluation_methods, the_year_end_review_closes_targets_on_the_last_day) {
  const period y = period::year(2021);
  const target_id prizes =
      p.add_target(target::quantity("PRIZES", "Học sinh giỏi", dept, y).at_least(650));
  const target_id sites =
      p.add_target(target::quantity("SITES", "", dept, y).decrease_by(98).from(1250));
  p.add_measurement({prizes, d(2021, 12, 20), 623, 1, "", ""});
  p.add_measurement({sites, d(2021, 12, 20), 1152, 1, "", ""});
  const collective_id cell = p.org().add_collective("CB1", "", "cell", dept);
  const scale_id vn = p.add_scale(rating_scale::vietnamese_default());
  const round_id round = p.add_round(vn, y, d(2021, 12, 20));
  for (int m = 0; m < 10; ++m) {  // 9 of 10 rated good or above: 90% of the 100% asked
    const member_id id = p.org().add_member("DV" + std::to_string(m), "", cell);
    p.rate(round, id, p.get(vn).level(m == 0 ? "completed" : "good"));
  }
  const target_id good =
      p.add_target(target::member_share("GOOD", "", cell, y, vn, p.get(vn).level("good")));

  const date dec31 = d(2021, 12, 31);
  const evaluation usual = evaluate(p, dec31);
  EXPECT_EQ(usual.target(prizes).status, target_status::on_track);  // 623/650 = 0.958
  EXPECT_EQ(usual.target(sites).status, target_status::achieved);
  EXPECT_EQ(usual.target(good).status, target_status::on_track);  // 0.9 >= 1 - 0.1

  const evaluation review = evaluate(p, dec31, policy_preset("year_end_review"));
  EXPECT_EQ(review.target(prizes).status, target_status::missed);
  EXPECT_EQ(review.target(sites).status, target_status::achieved);
  EXPECT_EQ(review.target(good).status, target_status::missed);
  // The round is decided on 20 December: from then on, not only at the year's end.
  EXPECT_EQ(evaluate(p, d(2021, 12, 21), policy_preset("year_end_review")).target(good).status,
            target_status::missed);
  EXPECT_EQ(evaluate(p, d(2021, 12, 21), policy_preset("year_end_review")).target(prizes).status,
            target_status::on_track);
}

// A series too short to judge: with minimum_points 3, two check-ins (one corrected on
// its day) leave a target no_data, its actual still shown and out of roll-up means.
TEST_F(evaluation_methods, the_minimum_data_rule_leaves_short_series_unjudged) {
  const target_id id = p.add_target(
      target::quantity("SHORT", "", dept, period::year(2021)).increase_to(100).from(0));
  p.add_measurement({id, d(2020, 12, 31), 5, 1, "", ""});  // before the period: not counted
  p.add_measurement({id, d(2021, 3, 31), 20, 1, "", ""});
  p.add_measurement({id, d(2021, 6, 30), 40, 1, "", ""});
  p.add_measurement({id, d(2021, 6, 30), 45, 1, "", ""});  // a correction, the same day
  evaluation_policy pol;
  pol.minimum_points = 3;
  const evaluation short_series = evaluate(p, d(2021, 7, 1), pol);
  EXPECT_EQ(short_series.target(id).status, target_status::no_data);
  EXPECT_EQ(short_series.target(id).actual, 45);
  EXPECT_FALSE(short_series.target(id).progress);
  EXPECT_FALSE(short_series.collective(dept).own_targets.mean_progress());
  p.add_measurement({id, d(2021, 9, 30), 70, 1, "", ""});
  const evaluation enough = evaluate(p, d(2021, 10, 1), pol);
  EXPECT_EQ(enough.target(id).status, target_status::on_track);
  EXPECT_DOUBLE_EQ(*enough.target(id).progress, 0.7);
  // As of 1 July the same plan under the default policy judges the two check-ins.
  EXPECT_EQ(evaluate(p, d(2021, 7, 1)).target(id).status, target_status::on_track);
}

// A least-squares forecast to 31 December from four monthly check-ins (numpy.polyfit
// gives slope 0.334984 per day, intercept 10.7607 on 31 January); the spread is the
// standard error of a new observation (Montgomery & Runger), 8.1261.
TEST_F(evaluation_methods, a_forecast_projects_the_trend_to_the_period_end) {
  const target_id level =
      p.add_target(target::quantity("LEVEL", "", dept, period::year(2021)).at_least(100));
  const target_id flow = p.add_target(target::quantity("FLOW", "", dept, period::year(2021))
                                          .at_least(400)
                                          .aggregated_by(aggregation::sum));
  const target_id sparse =
      p.add_target(target::quantity("SPARSE", "", dept, period::year(2021)).at_least(100));
  const double values[] = {10, 22, 29, 41};
  const date days[] = {d(2021, 1, 31), d(2021, 2, 28), d(2021, 3, 31), d(2021, 4, 30)};
  for (int i = 0; i < 4; ++i) {
    p.add_measurement({level, days[i], values[i], 1, "", ""});
    p.add_measurement({flow, days[i], values[i], 1, "", ""});
  }
  p.add_measurement({sparse, days[0], 50, 1, "", ""});
  p.add_measurement({sparse, days[3], 60, 1, "", ""});
  evaluation_policy pol;
  pol.forecast_min_points = 3;
  const evaluation ev = evaluate(p, d(2021, 4, 30), pol);
  const auto f = ev.target(level).forecast;
  ASSERT_TRUE(f);
  EXPECT_NEAR(f->value, 122.6454, 1e-4);
  EXPECT_NEAR(f->spread, 8.1261, 1e-4);
  EXPECT_EQ(f->points, 4U);
  EXPECT_NEAR(*f->progress, 1.226454, 1e-6);
  EXPECT_EQ(f->status, target_status::achieved);
  // A flow is forecast by its running total: 10, 32, 61, 102 project to 348.50 < 400.
  const auto g = ev.target(flow).forecast;
  ASSERT_TRUE(g);
  EXPECT_NEAR(g->value, 348.4967, 1e-4);
  EXPECT_NEAR(g->spread, 27.6895, 1e-4);
  EXPECT_EQ(g->status, target_status::missed);
  // Two check-ins are fewer than the guard's three: no forecast.
  EXPECT_FALSE(ev.target(sparse).forecast);
  EXPECT_TRUE(std::isnan(ev.forecast_values()[sparse.index()]));
  EXPECT_NEAR(ev.forecast_values()[level.index()], 122.6454, 1e-4);
  // Off by default, and 1 or 2 are refused.
  EXPECT_FALSE(evaluate(p, d(2021, 4, 30)).target(level).forecast);
  EXPECT_TRUE(evaluate(p, d(2021, 4, 30)).forecast_values().empty());
  pol.forecast_min_points = 2;
  EXPECT_THROW((void)evaluate(p, d(2021, 4, 30), pol), invalid_argument);
}

// A direction target's level change: "from 48 to 42, -12.5%", with the fitted slope.
TEST_F(evaluation_methods, a_direction_target_shows_how_its_level_moved) {
  const target_id drop =
      p.add_target(target::direction("DROP", "", dept, period::year(2021), trend::decrease));
  p.add_measurement({drop, d(2021, 1, 31), 48, 1, "", ""});
  p.add_measurement({drop, d(2021, 6, 30), 44, 1, "", ""});
  p.add_measurement({drop, d(2021, 6, 30), 45, 1, "", ""});  // a correction on the day
  p.add_measurement({drop, d(2021, 11, 30), 42, 1, "", ""});
  const target_id other =
      p.add_target(target::quantity("OTHER", "", dept, period::year(2021)).at_least(1));
  const evaluation ev = evaluate(p, d(2021, 12, 1));
  const auto c = ev.target(drop).change;
  ASSERT_TRUE(c);
  EXPECT_EQ(c->first_date, d(2021, 1, 31));
  EXPECT_EQ(c->first, 48);
  EXPECT_EQ(c->last_date, d(2021, 11, 30));
  EXPECT_EQ(c->last, 42);
  EXPECT_EQ(c->change(), -6);
  EXPECT_DOUBLE_EQ(*c->relative_change(), -0.125);
  EXPECT_LT(c->slope_per_day, 0);
  EXPECT_DOUBLE_EQ(ev.slopes()[drop.index()], c->slope_per_day);
  EXPECT_FALSE(ev.target(other).change);
  EXPECT_TRUE(std::isnan(ev.slopes()[other.index()]));
}

// The weighted-milestone technique of earned value management (PMI, "Practice Standard for
// Earned Value Management": each milestone carries a share of the work, earned when it is
// done): stages of 10%, 30% and 60%, two done, is 40% (not 2/3).
TEST_F(evaluation_methods, a_weighted_milestone_earns_its_stages_done_in_order) {
  const target_id happy =
      p.add_target(target::milestone("HAPPY", "Trường học hạnh phúc", dept, period::year(2021),
                                     {"plan", "pilot", "replicate"})
                       .weighted({10, 30, 60}));
  p.add_measurement({happy, d(2021, 6, 30), 2, 1, "", ""});
  EXPECT_DOUBLE_EQ(*evaluate(p, d(2021, 6, 30)).target(happy).progress, 0.4);
  p.add_measurement({happy, d(2021, 11, 30), 3, 1, "", ""});
  EXPECT_EQ(evaluate(p, d(2021, 11, 30)).target(happy).status, target_status::achieved);
  const auto refused = [&](std::vector<double> w, const std::string& words) {
    try {
      p.add_target(
          target::milestone("M" + std::to_string(next++), "", dept, period::year(2021), {"a", "b"})
              .weighted(std::move(w)));
      ADD_FAILURE() << words;
    } catch (const invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(words), std::string::npos) << e.what();
    }
  };
  refused({1}, "item_weights has 1 weights for 2 checklist items");
  refused({1, 0}, "the weight of item 2 ('b') must be finite and > 0");
}

TEST(policy_preset, ships_six_presets_that_validate) {
  ASSERT_EQ(policy_preset_codes().size(), 6U);
  EXPECT_EQ(policy_preset("default"), evaluation_policy{});
  EXPECT_TRUE(policy_preset("year_end_review").close_at_period_end);
  for (const std::string_view code : policy_preset_codes()) {
    EXPECT_NO_THROW(policy_preset(code).validate(code)) << code;
  }
  EXPECT_EQ(policy_preset("okr").statuses.size(), 3U);
  EXPECT_FALSE(policy_preset("rag").reached_is_achieved);
  try {
    (void)policy_preset("kpi");
    FAIL();
  } catch (const not_found& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("'kpi'"), std::string::npos) << msg;
    EXPECT_NE(msg.find("rag"), std::string::npos) << msg;
  }
}

// "Keep dropout at most 1.5%" from 1.2%: a level to maintain starts on the achieved side.
TEST_F(evaluation_methods, a_level_to_maintain_may_start_on_the_achieved_side) {
  const target_id keep =
      p.add_target(target::ratio("KEEP", "", dept, period::year(2021)).at_most(0.015).from(0.012));
  p.add_measurement({keep, d(2021, 6, 30), 13, 1000, "", ""});
  const target_result r = evaluate(p, d(2021, 6, 30)).target(keep);
  EXPECT_DOUBLE_EQ(*r.progress, 1.0);
  EXPECT_EQ(r.status, target_status::within_so_far);
  // A goal to reach still may not: increase_to 10 from 20 is on the wrong side.
  EXPECT_THROW(
      p.add_target(target::quantity("UP", "", dept, period::year(2021)).increase_to(10).from(20)),
      invalid_argument);
}

TEST_F(evaluation_methods, a_method_that_does_not_fit_is_refused_naming_target_and_field) {
  const period y = period::year(2021);
  const auto refused = [&](const target& t, const std::string& words) {
    try {
      p.add_target(t);
      ADD_FAILURE() << t.code << " was accepted";
    } catch (const invalid_argument& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find("'" + t.code + "'"), std::string::npos) << msg;
      EXPECT_NE(msg.find(words), std::string::npos) << msg;
    }
  };
  refused(
      target::quantity("R1", "", dept, y).within(1, 2).scored_by(scoring_method::percent_of_target),
      "percent_of_target");
  refused(
      target::quantity("R2", "", dept, y).at_least(0).scored_by(scoring_method::percent_of_target),
      "above 0");
  refused(target::ratio("R3", "", dept, y).at_least(0.5).aggregated_by(aggregation::count),
          "count");
  refused(target::milestone("R4", "", dept, y).aggregated_by(aggregation::sum), "sum");
  refused(target::direction("R5", "", dept, y, trend::decrease).aggregated_by(aggregation::sum),
          "over_time");
  refused(target::milestone("R6", "", dept, y).scored_by(scoring_method::distance_to_target),
          "scoring");
  EXPECT_EQ(p.target_count(), 0U);
}

}  // namespace
}  // namespace goaltrack
