// The open_sdg scoring (target.hpp) and the open_sdg preset (policy.hpp): Statistics
// Canada's progress measure as Open SDG computes it. Sources: open-sdg.org, "Progress
// Measurement Methodology" (docs/progress-methodology.md of open-sdg/open-sdg: the tables
// of thresholds and categories, Figures 1 and 2, the special considerations), and
// sdg-build's sdg/ProgressMeasure.py (the score functions, with their rounded slopes).
// Expected figures are those formulas worked by hand to four decimals.

#include <gtest/gtest.h>

#include <cmath>
#include <string>

#include "goaltrack/error.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/plan.hpp"
#include "goaltrack/policy.hpp"

namespace goaltrack {
namespace {

date d(int y, int m, int day) { return make_date(y, m, day); }

// The 2030 Agenda's horizon: base year 2015, target year 2030.
const period agenda = period::between(d(2015, 1, 1), d(2030, 12, 31));

class open_sdg : public ::testing::Test {
 protected:
  void SetUp() override { dept = p.org().add_collective("STATCAN", "", "agency"); }

  // "Reduce by 1/2" (GIF 1.2.1): from 12.0 in 2015 down to 6.0 by 2030, measured `y` in
  // 2020, evaluated at the end of 2020 under the open_sdg preset.
  target_result halve_poverty(double y) {
    // A ratio is a fraction: 12% is 0.12 (the scores depend on growth rates only).
    const target_id id = p.add_target(target::ratio(code(), "", dept, agenda)
                                          .decrease_to(0.06)
                                          .from(0.12)
                                          .scored_by(scoring_method::open_sdg));
    p.add_measurement({id, d(2020, 6, 30), y / 100, 1, "", ""});
    return evaluate(p, d(2020, 12, 31), policy_preset("open_sdg")).target(id);
  }
  // An indicator without a target, wanted to rise: 50 in 2015, `y` in 2020.
  target_result rising(double y, std::optional<double> limit = std::nullopt) {
    target t = target::direction(code(), "", dept, agenda, trend::increase)
                   .scored_by(scoring_method::open_sdg);
    t.limit = limit;
    const target_id id = p.add_target(t);
    p.add_measurement({id, d(2015, 6, 30), 50, 1, "", ""});
    p.add_measurement({id, d(2020, 6, 30), y, 1, "", ""});
    return evaluate(p, d(2020, 12, 31), policy_preset("open_sdg")).target(id);
  }
  std::string code() { return "I" + std::to_string(next++); }

  plan p;
  collective_id dept;
  int next = 0;
};

// Progress is the score / 5; the score is what the methodology publishes.
double score(const target_result& r) { return *r.progress * 5; }

// With a target: CAGR_T = (6/12)^(1/15) - 1 = -0.045170; R = -CAGR_i / |CAGR_T|.
TEST_F(open_sdg, a_target_value_compares_observed_with_required_growth) {
  // 9.0: CAGR_i = 0.75^(1/5) - 1 = -0.055912, R = 1.2381, score 7.1429 R - 4.2857 = 4.5582.
  const target_result fast = halve_poverty(9.0);
  EXPECT_NEAR(score(fast), 4.5582, 1e-4);
  EXPECT_EQ(fast.status_code, "substantial_progress");
  EXPECT_EQ(fast.status, target_status::on_track);
  // 10.0: R = 0.7929, score 1.3781: progress made but acceleration needed.
  const target_result slower = halve_poverty(10.0);
  EXPECT_NEAR(score(slower), 1.3781, 1e-4);
  EXPECT_EQ(slower.status_code, "moderate_progress");
  EXPECT_EQ(slower.status, target_status::at_risk);
  // 10.5: R = 0.5836 < 60%, score 4.1667 R - 2.5 = -0.0685: limited progress.
  const target_result limited = halve_poverty(10.5);
  EXPECT_NEAR(score(limited), -0.0685, 1e-4);
  EXPECT_EQ(limited.status_code, "limited_progress");
  // 13.0: moving away, R = -0.3574, score -3.9890: deterioration.
  const target_result worse = halve_poverty(13.0);
  EXPECT_NEAR(score(worse), -3.9890, 1e-4);
  EXPECT_EQ(worse.status_code, "deterioration");
  EXPECT_EQ(worse.status, target_status::off_track);
  // "Indicators that achieve the target are automatically assigned a score of 5."
  const target_result met = halve_poverty(5.5);
  EXPECT_DOUBLE_EQ(score(met), 5.0);
  EXPECT_EQ(met.status, target_status::achieved);
}

// Figure 2: the score is -5 up to R = -60%, rises linearly to 0 at R = 60% and to 5 at
// R = 130%, and stays 5 beyond; the categories cut it at 2.5 (R = 95%) and 0 (R = 60%).
TEST_F(open_sdg, the_score_of_a_growth_ratio_follows_figure_2) {
  const double required = std::pow(0.5, 1.0 / 15) - 1;  // CAGR_T
  const auto at_ratio = [&](double r) {
    return score(halve_poverty(12.0 * std::pow(1 + r * required, 5)));
  };
  EXPECT_NEAR(at_ratio(-0.8), -5.0, 1e-9);
  EXPECT_NEAR(at_ratio(-0.6), -5.0, 1e-3);
  EXPECT_NEAR(at_ratio(0.0), -2.5, 1e-9);
  EXPECT_NEAR(at_ratio(0.6), 0.0, 1e-3);
  EXPECT_NEAR(at_ratio(0.95), 2.5, 1e-3);
  EXPECT_NEAR(at_ratio(1.3), 5.0, 1e-3);
  EXPECT_NEAR(at_ratio(1.6), 5.0, 1e-9);
}

// Without a target: v = CAGR_i, thresholds 1.5% (on track), 0.5% and 0%; Figure 1's score
// is -5 up to -2%, -2.5 at 0, 0 at 0.5%, 2.5 at 1.5%, 5 from 2%.
TEST_F(open_sdg, without_a_target_growth_is_compared_with_fixed_rates) {
  // 52.5505 in 2020: v = 1.0%, score 250 v - 1.25 = 1.25.
  const target_result moderate = rising(50 * std::pow(1.01, 5));
  EXPECT_NEAR(score(moderate), 1.25, 1e-9);
  EXPECT_EQ(moderate.status_code, "moderate_progress");
  // 51: v = 0.3968%, score 500 v - 2.5 = -0.5158: limited progress.
  EXPECT_NEAR(score(rising(51)), -0.5158, 1e-4);
  EXPECT_EQ(rising(51).status_code, "limited_progress");
  // 45: v = -2.085%, below -2%: -5.
  EXPECT_NEAR(score(rising(45)), -5.0, 1e-9);
  EXPECT_EQ(rising(45).status_code, "deterioration");
  // Figure 1's anchors.
  const auto at_rate = [&](double v) { return score(rising(50 * std::pow(1 + v, 5))); };
  EXPECT_NEAR(at_rate(-0.01), -3.75, 1e-9);
  EXPECT_NEAR(at_rate(0.005), 0.0, 1e-9);
  EXPECT_NEAR(at_rate(0.015), 2.5, 1e-9);
  EXPECT_NEAR(at_rate(0.02), 5.0, 1e-9);
  EXPECT_EQ(rising(50 * std::pow(1.02, 5)).status_code, "substantial_progress");
  // A direction target has no target value: never "target achieved".
  EXPECT_NE(rising(200).status, target_status::achieved);
}

// "Progress thresholds greater than 0% are reduced by a factor" C near a natural limit:
// from 50 with a maximum of 100, C = 1 - (50/100)^4.44 = 0.9539.
TEST_F(open_sdg, a_natural_limit_scales_the_thresholds_down) {
  // 55 in 2020: v = 1.9245%, which is 2% C and more: score 5 (4.6224 without the limit).
  EXPECT_NEAR(score(rising(55)), 4.6224, 1e-4);
  EXPECT_NEAR(score(rising(55, 100.0)), 5.0, 1e-9);
  // 52.5505 (v = 1%): 250 v / C - 1.25 = 1.3707.
  EXPECT_NEAR(score(rising(50 * std::pow(1.01, 5), 100.0)), 1.3707, 1e-4);
  // Thresholds at or below 0% are not scaled: a fall scores as without a limit.
  EXPECT_NEAR(score(rising(51 - 6, 100.0)), -5.0, 1e-9);
}

// "If the calculated progress value is zero or greater, the current value is maintained at
// the limit ... a progress status of 'On track' as well as a score of +5."
TEST_F(open_sdg, a_base_value_at_the_limit_is_on_track_while_held) {
  target t = target::direction("COVER", "", dept, agenda, trend::increase)
                 .scored_by(scoring_method::open_sdg)
                 .limited_at(100);
  const target_id id = p.add_target(t);
  p.add_measurement({id, d(2015, 6, 30), 100, 1, "", ""});
  p.add_measurement({id, d(2019, 6, 30), 100, 1, "", ""});
  const target_result held = evaluate(p, d(2019, 12, 31), policy_preset("open_sdg")).target(id);
  EXPECT_NEAR(score(held), 5.0, 1e-9);
  EXPECT_EQ(held.status_code, "substantial_progress");
  p.add_measurement({id, d(2020, 6, 30), 99, 1, "", ""});
  const target_result fell = evaluate(p, d(2020, 12, 31), policy_preset("open_sdg")).target(id);
  // v = 0.99^(1/5) - 1 = -0.2008%: 125 v - 2.5 = -2.7510.
  EXPECT_NEAR(score(fell), 125 * (std::pow(0.99, 0.2) - 1) - 2.5, 1e-12);
  EXPECT_EQ(fell.status_code, "deterioration");
}

// "At least two years of data is required"; values of opposite signs are invalid; a zero
// base or target is replaced by 0.001.
TEST_F(open_sdg, minimum_data_and_the_zero_stand_in) {
  const target_id same_year = p.add_target(target::quantity("SAME", "", dept, agenda)
                                               .increase_to(200)
                                               .from(100)
                                               .scored_by(scoring_method::open_sdg));
  p.add_measurement({same_year, d(2015, 9, 30), 120, 1, "", ""});
  const evaluation ev = evaluate(p, d(2015, 12, 31), policy_preset("open_sdg"));
  EXPECT_EQ(ev.target(same_year).status, target_status::no_data);
  EXPECT_FALSE(ev.target(same_year).progress);
  EXPECT_EQ(ev.target(same_year).actual, 120);

  // Zero new infections by 2030 (GIF 3.3.1) from 0.2: the target counts as 0.001.
  const target_id zero = p.add_target(target::quantity("HIV", "", dept, agenda)
                                          .at_most(0)
                                          .from(0.2)
                                          .scored_by(scoring_method::open_sdg));
  p.add_measurement({zero, d(2020, 6, 30), 0.1, 1, "", ""});
  const double required = std::pow(0.001 / 0.2, 1.0 / 15) - 1;
  const double ratio = -(std::pow(0.1 / 0.2, 1.0 / 5) - 1) / std::fabs(required);
  const target_result r = evaluate(p, d(2020, 12, 31), policy_preset("open_sdg")).target(zero);
  EXPECT_NEAR(score(r), std::max(4.1667 * ratio - 2.5, -5.0), 1e-12);
}

TEST_F(open_sdg, a_target_it_does_not_fit_is_refused_naming_target_and_field) {
  const auto refused = [&](const target& t, const std::string& words) {
    try {
      p.add_target(t);
      ADD_FAILURE() << "accepted " << t.code;
    } catch (const invalid_argument& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find("'" + t.code + "'"), std::string::npos) << msg;
      EXPECT_NE(msg.find(words), std::string::npos) << msg;
    }
  };
  refused(target::quantity("ONE", "", dept, period::year(2026))
              .increase_to(10)
              .from(5)
              .scored_by(scoring_method::open_sdg),
          "later calendar year");
  refused(
      target::quantity("NOBASE", "", dept, agenda).at_least(10).scored_by(scoring_method::open_sdg),
      "needs a baseline");
  refused(target::quantity("SIGN", "", dept, agenda)
              .at_most(-5)
              .from(3)
              .scored_by(scoring_method::open_sdg),
          "same sign");
  refused(target::direction("PCT", "", dept, agenda, trend::increase)
              .scored_by(scoring_method::percent_of_target),
          "scored by its trend (by_goal) or open_sdg");
  refused(target::direction("LIM", "", dept, agenda, trend::increase).limited_at(100),
          "limit applies to the open_sdg scoring only");
  EXPECT_EQ(parse_scoring_method("open_sdg"), scoring_method::open_sdg);
}

}  // namespace
}  // namespace goaltrack
