// Time-phased targets (evaluation.hpp, "Time-phased targets"; target.hpp's sub_periods,
// planned, planned_as, expected_by; period.hpp's split_period): sub-periods that tile a
// period, planned values, expected progress by sub-periods, plan or at the end, results
// per sub-period and the compliance scoring. Worked examples are DHIS2's, cited where used.

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <map>
#include <string>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/plan.hpp"
#include "goaltrack/policy.hpp"
#include "random_plan.hpp"

namespace goaltrack {
namespace {

date d(int y, int m, int day) { return make_date(y, m, day); }

std::vector<std::string> names(const std::vector<period>& parts) {
  std::vector<std::string> out;
  for (const period& p : parts) out.push_back(p.to_string());
  return out;
}

// The message of the invalid_argument `f` throws; "" when it throws none.
template <class F>
std::string refusal(F&& f) {
  try {
    f();
  } catch (const invalid_argument& e) {
    return e.what();
  }
  return "";
}

TEST(split_period, tiles_years_and_fiscal_years_with_calendar_units) {
  EXPECT_EQ(names(split_period(period::year(2025), period_kind::quarter)),
            (std::vector<std::string>{"2025-Q1", "2025-Q2", "2025-Q3", "2025-Q4"}));
  EXPECT_EQ(names(split_period(period::fiscal_year(2025, 10), period_kind::quarter)),
            (std::vector<std::string>{"2025-Q4", "2026-Q1", "2026-Q2", "2026-Q3"}));
  EXPECT_EQ(split_period(period::year(2025), period_kind::month).size(), 12U);
  EXPECT_EQ(names(split_period(period::nine_months(2025), period_kind::quarter)),
            (std::vector<std::string>{"2025-Q1", "2025-Q2", "2025-Q3"}));
  EXPECT_EQ(names(split_period(period::parse("2024-01-01/2025-12-31"), period_kind::calendar_year)),
            (std::vector<std::string>{"2024", "2025"}));
  EXPECT_EQ(names(split_period(period::half_year(2025, 2), period_kind::half_year)),
            (std::vector<std::string>{"2025-H2"}));
}

TEST(split_period, refuses_periods_that_units_do_not_tile_naming_both) {
  EXPECT_EQ(refusal([] { (void)split_period(period::school_year(2024), period_kind::month); }),
            "period 2024-2025 cannot be split into months: it starts on 2024-09-05, inside "
            "2024-09");
  EXPECT_EQ(refusal([] {
              (void)split_period(period::parse("2025-01-01/2025-05-15"), period_kind::quarter);
            }),
            "period 2025-01-01/2025-05-15 cannot be split into quarters: it ends on 2025-05-15, "
            "inside 2025-Q2");
  EXPECT_NE(refusal([] {
              (void)split_period(period::year(2025), period_kind::school_year);
            }).find("only months, quarters, half-years and calendar years"),
            std::string::npos);
}

class time_phased : public ::testing::Test {
 protected:
  void SetUp() override { dept = p.org().add_collective("SGD", "Sở GD-ĐT", "department"); }

  target quantity(std::string code, period span = period::year(2025)) const {
    return target::quantity(std::move(code), "", dept, span);
  }
  target_result result(target_id id, date as_of, const evaluation_policy& policy = {}) const {
    return evaluate(p, as_of, policy).target(id);
  }
  void measure(target_id id, date on, double value, double denominator = 1) {
    p.add_measurement({id, on, value, denominator, "", ""});
  }

  plan p;
  collective_id dept;
};

TEST_F(time_phased, sub_periods_that_do_not_tile_the_period_are_refused_naming_the_target) {
  const auto refused = [&](target t) { return refusal([&] { p.add_target(t); }); };
  target gap = quantity("GAP").at_least(10);
  gap.sub_periods = {period::quarter(2025, 1), period::quarter(2025, 3), period::quarter(2025, 4)};
  EXPECT_EQ(refused(gap),
            "target 'GAP': sub_periods do not tile 2025: 2025-Q3 starts on 2025-07-01, not on "
            "2025-04-01, the day after 2025-Q1");
  target overlap = quantity("OVERLAP").at_least(10);
  overlap.sub_periods = {period::half_year(2025, 1), period::quarter(2025, 2),
                         period::half_year(2025, 2)};
  EXPECT_EQ(refused(overlap),
            "target 'OVERLAP': sub_periods do not tile 2025: 2025-Q2 starts on 2025-04-01, not "
            "on 2025-07-01, the day after 2025-H1");
  target late = quantity("LATE").at_least(10);
  late.sub_periods = {period::quarter(2025, 2), period::half_year(2025, 2)};
  EXPECT_EQ(refused(late),
            "target 'LATE': sub_periods do not tile 2025: 2025-Q2 starts on 2025-04-01, not on "
            "2025-01-01, the period's first day");
  target short_ = quantity("SHORT").at_least(10);
  short_.sub_periods = {period::half_year(2025, 1), period::quarter(2025, 3)};
  EXPECT_EQ(refused(short_),
            "target 'SHORT': sub_periods do not tile 2025: the last, 2025-Q3, ends on "
            "2025-09-30, not on the period's last day 2025-12-31");
  EXPECT_EQ(
      refused(
          quantity("FEW").at_least(10).phased_by(period_kind::quarter).planned_values({1, 2, 3})),
      "target 'FEW': planned has 3 values for 4 sub-periods");
  EXPECT_EQ(refused(target::money("DONG", "", dept, period::year(2025), "VND")
                        .at_least(10)
                        .phased_by(period_kind::half_year)
                        .planned_values({2.5, 10})),
            "target 'DONG': planned: the value for 2025-H1 must be a finite whole number up to "
            "2^53");
  EXPECT_EQ(refused(quantity("K").at_least(10).expecting(expectation::sub_periods)),
            "target 'K': expected_by sub_periods needs sub_periods");
  EXPECT_EQ(refused(quantity("PLAN").at_least(10).expecting(expectation::plan)),
            "target 'PLAN': expected_by plan needs planned values");
  EXPECT_EQ(refused(quantity("C").at_least(10).scored_by(scoring_method::compliance)),
            "target 'C': scoring compliance needs sub_periods (the periods whose values must "
            "meet the goal)");
  EXPECT_EQ(
      refused(
          quantity("RANGE").within(1, 2).phased_by(period_kind::half_year).planned_values({1, 2})),
      "target 'RANGE': a range has no planned path");
  EXPECT_EQ(refused(target::direction("DIR", "", dept, period::year(2025), trend::increase)
                        .phased_by(period_kind::quarter)),
            "target 'DIR': sub_periods does not apply to a direction target (leave it unset)");
  EXPECT_EQ(p.target_count(), 0U);  // nothing half-added
}

// DHIS2 manual, "Configuring the system: Metadata, Indicators: year to date": "#{b} *
// [periodInYear] / [yearlyPeriodCount] ... If #{b} represents the annual target
// population ... this can show the number of people who should be vaccinated by the
// current period. For example, in February this gives #{b} * 2 / 12"; quarterly,
// "[periodInYear] is 1: Q1, 2: Q2, ..., and [yearlyPeriodCount] is 4".
TEST_F(time_phased, expected_by_sub_periods_is_dhis2s_period_in_year_over_yearly_period_count) {
  const target_id monthly = p.add_target(quantity("VACC")
                                             .at_least(1200)
                                             .aggregated_by(aggregation::sum)
                                             .phased_by(period_kind::month)
                                             .expecting(expectation::sub_periods));
  const target_result feb = result(monthly, d(2025, 2, 28));
  EXPECT_DOUBLE_EQ(feb.expected, 2.0 / 12.0);
  ASSERT_TRUE(feb.expected_value);
  EXPECT_NEAR(*feb.expected_value, 1200.0 * 2 / 12, 1e-9);  // 200 people by February
  // Mid-February, February has not ended: one period of twelve.
  EXPECT_DOUBLE_EQ(result(monthly, d(2025, 2, 15)).expected, 1.0 / 12.0);
  EXPECT_DOUBLE_EQ(result(monthly, d(2024, 12, 31)).expected, 0.0);
  const target_id quarterly = p.add_target(quantity("VACC_Q")
                                               .at_least(1200)
                                               .phased_by(period_kind::quarter)
                                               .expecting(expectation::sub_periods));
  EXPECT_DOUBLE_EQ(result(quarterly, d(2025, 9, 30)).expected, 3.0 / 4.0);
  // By days, the same day expects 273/365.
  const target_id by_days = p.add_target(quantity("DAYS").at_least(1200));
  EXPECT_DOUBLE_EQ(result(by_days, d(2025, 9, 30)).expected, 273.0 / 365.0);
  EXPECT_NEAR(*result(by_days, d(2025, 9, 30)).expected_value, 1200.0 * 273 / 365, 1e-9);
}

// DHIS2 manual, "Indicators: year to date", on missing data: values "Jan: (no data), Feb:
// 1, Mar: 2, Apr: (no data), May: 3, Jun: (no data)" give ".yearToDate()" values "Jan: (no
// data), Feb: 1, Mar: 3, Apr: 3, May: 6, Jun: 6".
TEST_F(time_phased, to_date_values_are_dhis2s_year_to_date_and_own_values_each_months) {
  const target_id id = p.add_target(quantity("YTD", period::half_year(2025, 1))
                                        .at_least(10)
                                        .aggregated_by(aggregation::sum)
                                        .phased_by(period_kind::month));
  measure(id, d(2025, 2, 10), 1);
  measure(id, d(2025, 3, 10), 2);
  measure(id, d(2025, 5, 10), 3);
  const target_result r = result(id, d(2025, 6, 30));
  ASSERT_EQ(r.sub_periods.size(), 6U);
  const std::vector<std::optional<double>> year_to_date{std::nullopt, 1, 3, 3, 6, 6};
  const std::vector<std::optional<double>> own{std::nullopt, 1, 2, std::nullopt, 3, std::nullopt};
  for (std::size_t k = 0; k < 6; ++k) {
    EXPECT_EQ(r.sub_periods[k].span, period::month(2025, static_cast<int>(k) + 1));
    EXPECT_TRUE(r.sub_periods[k].ended);
    EXPECT_EQ(r.sub_periods[k].to_date, year_to_date[k]) << k;
    EXPECT_EQ(r.sub_periods[k].value, own[k]) << k;
    EXPECT_FALSE(r.sub_periods[k].planned);
    EXPECT_FALSE(r.sub_periods[k].met);  // neither a plan nor compliance
  }
  EXPECT_EQ(r.actual, 6.0);
  // As of 15 May, May is open and June has not started.
  const target_result may = result(id, d(2025, 5, 15));
  EXPECT_EQ(may.sub_periods[4].to_date, 6.0);
  EXPECT_FALSE(may.sub_periods[4].ended);
  EXPECT_FALSE(may.sub_periods[5].value);
  EXPECT_FALSE(may.sub_periods[5].to_date);
}

// A fund to raise 47 million đồng in the second half-year, planned 20 million in Q3 and 27
// million in Q4 (what each quarter adds): expected by the plan, linear within a quarter.
TEST_F(time_phased, a_plan_per_sub_period_sets_the_expected_value_and_judges_each_quarter) {
  const target_id fund =
      p.add_target(target::money("FUND", "Quỹ khuyến học", dept, period::half_year(2025, 2), "VND")
                       .increase_to(47'000'000)
                       .from(0)
                       .aggregated_by(aggregation::sum)
                       .phased_by(period_kind::quarter)
                       .planned_values({20'000'000, 27'000'000}, plan_basis::per_sub_period)
                       .expecting(expectation::plan));
  measure(fund, d(2025, 7, 20), 8'000'000);
  measure(fund, d(2025, 9, 10), 9'000'000);
  measure(fund, d(2025, 11, 5), 15'000'000);
  // 15 August is day 46 of Q3's 92: half of its 20 million.
  const target_result aug = result(fund, d(2025, 8, 15));
  EXPECT_NEAR(*aug.expected_value, 10'000'000, 1e-6);
  EXPECT_NEAR(aug.expected, 10.0 / 47.0, 1e-12);
  EXPECT_EQ(aug.status, target_status::on_track);  // 8/47 = 0.170 >= 10/47 - 0.10
  // By days the same day expects 46/184 of 47 million, 11.75 million.
  EXPECT_NEAR(
      *result(p.add_target(target::money("BY_DAYS", "", dept, period::half_year(2025, 2), "VND")
                               .increase_to(47'000'000)
                               .from(0)),
              d(2025, 8, 15))
           .expected_value,
      47'000'000.0 * 46 / 184, 1e-6);
  const target_result end = result(fund, d(2025, 12, 31));
  EXPECT_NEAR(*end.expected_value, 47'000'000, 1e-6);
  ASSERT_EQ(end.sub_periods.size(), 2U);
  EXPECT_EQ(end.sub_periods[0].value, 17'000'000);
  EXPECT_EQ(end.sub_periods[0].to_date, 17'000'000);
  EXPECT_EQ(end.sub_periods[0].planned, 20'000'000);
  EXPECT_EQ(end.sub_periods[0].met, false);
  EXPECT_EQ(end.sub_periods[1].value, 15'000'000);
  EXPECT_EQ(end.sub_periods[1].to_date, 32'000'000);
  EXPECT_EQ(end.sub_periods[1].planned, 47'000'000);
  EXPECT_EQ(end.sub_periods[1].met, false);
  // The columns hold the same figures.
  const evaluation ev = evaluate(p, d(2025, 12, 31));
  ASSERT_EQ(ev.sub_period_offsets().size(), 3U);  // FUND's two rows, BY_DAYS none
  EXPECT_EQ(ev.sub_period_offsets()[1], 2U);
  EXPECT_EQ(ev.sub_period_offsets()[2], 2U);
  EXPECT_EQ(ev.sub_period_to_date()[1], 32'000'000);
  EXPECT_EQ(ev.sub_period_planned()[0], 20'000'000);
  EXPECT_NEAR(ev.expected_values()[0], 47'000'000, 1e-6);
}

// A level planned quarter by quarter (cumulative): a transition rate from 55% to 60%.
TEST_F(time_phased, a_cumulative_plan_of_levels_is_met_when_the_level_reaches_it) {
  const target_id rate = p.add_target(target::ratio("R10", "", dept, period::year(2025))
                                          .increase_to(0.60)
                                          .from(0.55)
                                          .phased_by(period_kind::quarter)
                                          .planned_values({0.56, 0.57, 0.58, 0.60})
                                          .expecting(expectation::plan));
  measure(rate, d(2025, 3, 31), 562, 1000);
  measure(rate, d(2025, 6, 30), 565, 1000);
  const target_result r = result(rate, d(2025, 6, 30));
  EXPECT_EQ(r.sub_periods[0].met, true);   // 56.2% >= 56%
  EXPECT_EQ(r.sub_periods[1].met, false);  // 56.5% < 57%
  EXPECT_FALSE(r.sub_periods[2].met);      // not ended
  EXPECT_NEAR(*r.expected_value, 0.57, 1e-12);
  EXPECT_NEAR(r.expected, (0.57 - 0.55) / (0.60 - 0.55), 1e-12);
  EXPECT_NEAR(*r.sub_periods[1].value, 0.565, 1e-12);
  // A downward plan is met at or below the planned level.
  const target_id sites = p.add_target(quantity("SITES")
                                           .decrease_by(98)
                                           .from(1250)
                                           .phased_by(period_kind::half_year)
                                           .planned_values({-40, -58}, plan_basis::per_sub_period));
  measure(sites, d(2025, 6, 30), 1205);
  const target_result s = result(sites, d(2025, 6, 30));
  EXPECT_EQ(s.sub_periods[0].planned, 1210);
  EXPECT_EQ(s.sub_periods[0].met, true);
}

// A level to maintain every month ("coverage at least 95% each month"): the share of the
// months ended whose own value meets the goal, a month without a check-in counting as not
// met, judged as a limit.
TEST_F(time_phased, compliance_is_the_share_of_ended_sub_periods_meeting_the_goal) {
  const target_id cover = p.add_target(target::ratio("COVER", "", dept, period::year(2025))
                                           .at_least(0.95)
                                           .aggregated_by(aggregation::latest_in_period)
                                           .phased_by(period_kind::month)
                                           .scored_by(scoring_method::compliance));
  measure(cover, d(2025, 1, 31), 96, 100);
  EXPECT_EQ(result(cover, d(2025, 1, 15)).status, target_status::no_data);  // none ended
  const target_result jan = result(cover, d(2025, 1, 31));
  EXPECT_EQ(jan.status, target_status::within_so_far);
  EXPECT_EQ(jan.progress, 1.0);
  measure(cover, d(2025, 2, 28), 94, 100);
  measure(cover, d(2025, 4, 30), 97, 100);  // March has none
  const target_result apr = result(cover, d(2025, 4, 30));
  EXPECT_EQ(apr.progress, 0.5);  // January and April of four
  EXPECT_EQ(apr.status, target_status::off_track);
  EXPECT_EQ(apr.sub_periods[2].met, false);
  EXPECT_FALSE(apr.sub_periods[2].value);
  evaluation_policy forecasting;  // a share of months has no trend line to project
  forecasting.forecast_min_points = 3;
  EXPECT_FALSE(result(cover, d(2025, 4, 30), forecasting).forecast);
  // Closed on its last day in a year-end review: missed unless every month met it.
  const target_result close = result(cover, d(2025, 12, 31), policy_preset("year_end_review"));
  EXPECT_EQ(close.status, target_status::missed);
  EXPECT_NEAR(*close.progress, 2.0 / 12.0, 1e-12);
  // A range kept every quarter is achieved at its close.
  const target_id kept = p.add_target(quantity("KEPT")
                                          .within(10, 20)
                                          .phased_by(period_kind::quarter)
                                          .scored_by(scoring_method::compliance));
  for (int q = 1; q <= 4; ++q) measure(kept, period::quarter(2025, q).last(), 15);
  EXPECT_EQ(result(kept, d(2025, 12, 31), policy_preset("year_end_review")).status,
            target_status::achieved);
  EXPECT_EQ(result(kept, d(2026, 1, 1)).status, target_status::achieved);
}

TEST_F(time_phased, at_end_expects_nothing_before_the_last_day) {
  const target_id id =
      p.add_target(quantity("END").at_least(100).from(0).expecting(expectation::at_end));
  measure(id, d(2025, 3, 1), 20);
  EXPECT_EQ(result(id, d(2025, 12, 30)).expected, 0.0);
  EXPECT_EQ(result(id, d(2025, 12, 30)).expected_value, 0.0);
  EXPECT_EQ(result(id, d(2025, 12, 30)).status, target_status::on_track);  // progress 0
  EXPECT_EQ(result(id, d(2025, 12, 31)).expected, 1.0);
  EXPECT_EQ(result(id, d(2025, 12, 31)).status, target_status::off_track);
}

TEST_F(time_phased, expected_values_exist_only_where_scoring_is_linear_in_the_value) {
  // Without a time-phased target, a plan's evaluation has no expected values.
  const target_id plain = p.add_target(quantity("PLAIN").increase_to(200).from(100));
  EXPECT_FALSE(result(plain, d(2025, 7, 2)).expected_value);
  EXPECT_TRUE(evaluate(p, d(2025, 7, 2)).expected_values().empty());
  // ... which expected_value computes for any target.
  const target_result plain_result = result(plain, d(2025, 7, 2));
  EXPECT_NEAR(*expected_value(p.get(plain), plain_result.expected), 100 + 100 * 183.0 / 365, 1e-9);
  EXPECT_FALSE(expected_value(quantity("X").at_most(5), 0.5));
  p.add_target(quantity("PHASED").at_least(1).phased_by(period_kind::half_year));
  const date mid = d(2025, 7, 2);  // day 183 of 365
  const double x = 183.0 / 365.0;
  const auto value = [&](target t) {
    const target_result r = result(p.add_target(t), mid);
    EXPECT_EQ(r.expected_value, expected_value(t, r.expected)) << t.code;  // one rule
    return r.expected_value;
  };
  EXPECT_NEAR(*value(quantity("A").increase_to(200).from(100)), 100 + 100 * x, 1e-9);
  EXPECT_NEAR(*value(quantity("B").at_least(50)), 50 * x, 1e-9);
  EXPECT_NEAR(*value(quantity("C").at_least(50).scored_by(scoring_method::percent_of_target)),
              50 * x, 1e-9);
  EXPECT_FALSE(value(quantity("D").at_most(50)));
  EXPECT_FALSE(value(quantity("E").within(1, 2)));
  EXPECT_NEAR(*value(target::milestone("F", "", dept, period::year(2025), {"a", "b", "c", "d"})),
              4 * x, 1e-9);
  EXPECT_FALSE(
      value(target::milestone("G", "", dept, period::year(2025), {"a", "b"}).weighted({1, 3})));
}

TEST_F(time_phased, phased_targets_travel_through_csv_and_a_gap_is_reported_by_target) {
  p.add_target(quantity("FLOW")
                   .at_least(40)
                   .aggregated_by(aggregation::sum)
                   .phased_by(period_kind::quarter)
                   .planned_values({10, 10, 10, 10}, plan_basis::per_sub_period)
                   .expecting(expectation::plan));
  p.add_target(quantity("KEEP")
                   .at_most(5)
                   .phased_by(period_kind::half_year)
                   .scored_by(scoring_method::compliance));
  std::vector<csv_source> files = export_csv(p);
  EXPECT_EQ(import_csv(files), p);
  for (csv_source& f : files) {
    if (f.name != "target_phases.csv") continue;
    EXPECT_NE(f.text.substr(0, f.text.find('\n')).find("target,sub_period,planned"),
              std::string::npos);
    // Drop 2025-Q2 of FLOW.
    const std::size_t q2 = f.text.find("FLOW,2025-Q2,10\n");
    ASSERT_NE(q2, std::string::npos);
    f.text.erase(q2, std::string("FLOW,2025-Q2,10\n").size());
  }
  try {
    (void)import_csv(files);
    ADD_FAILURE() << "a gap was accepted";
  } catch (const csv_error& e) {
    ASSERT_EQ(e.issues().size(), 1U);
    EXPECT_EQ(e.issues()[0].file, "targets.csv");
    EXPECT_NE(e.issues()[0].message.find("target 'FLOW': sub_periods do not tile 2025: 2025-Q3 "
                                         "starts on 2025-07-01, not on 2025-04-01"),
              std::string::npos)
        << e.issues()[0].message;
  }
}

// On random plans and dates, every time-phased target's results agree with their
// definitions: one result per sub-period; the to-date value of the sub-period holding
// min(A, E) is the aggregated actual; compliance is met / ended; sub_periods expects k / n.
TEST(time_phased_property, sub_period_results_agree_with_their_definitions) {
  std::size_t checked = 0;
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const plan p = goaltrack_test::random_plan(seed);
    goaltrack_test::random_source r(seed * 104729);
    for (int k = 0; k < 6; ++k) {
      const date as_of = make_date(r.between(2014, 2031), r.between(1, 12), r.between(1, 28));
      const evaluation ev = evaluate(p, as_of);
      for (std::size_t i = 0; i < p.target_count(); ++i) {
        const target_id id(static_cast<target_id::value_type>(i));
        const target t = p.get(id);
        if (t.sub_periods.empty()) continue;
        const target_result got = ev.target(id);
        ASSERT_EQ(got.sub_periods.size(), t.sub_periods.size()) << "seed " << seed;
        std::size_t ended = 0;
        std::size_t met = 0;
        for (std::size_t j = 0; j < t.sub_periods.size(); ++j) {
          const sub_period_result& sub = got.sub_periods[j];
          ASSERT_EQ(sub.span, t.sub_periods[j]);
          ASSERT_EQ(sub.ended, sub.span.last() <= as_of);
          ended += sub.ended ? 1U : 0U;
          met += sub.met.value_or(false) ? 1U : 0U;
          const date upto = std::min(as_of, t.span.last());
          if (t.over_time != aggregation::latest && sub.span.contains(upto)) {
            ASSERT_EQ(sub.to_date.has_value(), got.actual.has_value()) << "seed " << seed;
            if (got.actual) {
              EXPECT_NEAR(*sub.to_date, *got.actual, 1e-9 * (1 + std::fabs(*got.actual)));
            }
          }
        }
        if (t.scoring == scoring_method::compliance && ended > 0 && got.progress &&
            t.span.first() <= as_of) {
          EXPECT_DOUBLE_EQ(*got.progress, static_cast<double>(met) / static_cast<double>(ended))
              << "seed " << seed;
        }
        if (t.expected_by == expectation::sub_periods) {
          EXPECT_DOUBLE_EQ(got.expected,
                           static_cast<double>(ended) / static_cast<double>(t.sub_periods.size()));
        }
        ++checked;
      }
    }
  }
  EXPECT_GT(checked, 500U);
}

}  // namespace
}  // namespace goaltrack
