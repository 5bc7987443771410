// Tests of goaltrack/status.hpp: statuses and bands as data, their checks
// (evaluation_policy::validate) and the judgements they give (evaluate), with the OKR and
// RAG presets' worked examples.

#include "goaltrack/status.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <string>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/plan.hpp"
#include "goaltrack/policy.hpp"
#include "random_plan.hpp"

namespace goaltrack {
namespace {

constexpr double inf = std::numeric_limits<double>::infinity();

date d(int y, int m, int day) { return make_date(y, m, day); }

TEST(status_band, edges_are_inclusive_or_exclusive_as_stated) {
  const status_band b{"on_track", 0.4, 0.7, true, false, band_phase::open};
  EXPECT_TRUE(b.holds(0.4));
  EXPECT_TRUE(b.holds(0.65));
  EXPECT_FALSE(b.holds(0.7));
  EXPECT_FALSE(b.holds(0.39));
  const status_band closed_above{"on_track", 0.4, 0.7, false, true, band_phase::open};
  EXPECT_FALSE(closed_above.holds(0.4));
  EXPECT_TRUE(closed_above.holds(0.7));
  // Pace: the edges are offsets from expected progress.
  EXPECT_TRUE(b.holds(0.9, 0.5));
  EXPECT_FALSE(b.holds(0.6, 0.5));
  // An infinite edge holds its infinity, whichever its flag.
  const status_band all{"on_track", -inf, inf, false, false, band_phase::open};
  EXPECT_TRUE(all.holds(inf));
  EXPECT_TRUE(all.holds(-inf));
  EXPECT_FALSE(all.holds(std::nan("")));
}

TEST(status_definition, builtin_statuses_are_their_own_category) {
  for (std::size_t s = 0; s < target_status_count; ++s) {
    const auto st = static_cast<target_status>(s);
    const status_definition def = builtin_status(st);
    EXPECT_EQ(def.code, to_string(st));
    EXPECT_EQ(def.category, st);
    EXPECT_FALSE(def.label_en.empty());
    EXPECT_FALSE(def.label_vi.empty());
  }
  EXPECT_EQ(parse_band_basis("progress"), band_basis::progress);
  EXPECT_EQ(parse_band_phase("closed"), band_phase::closed);
  EXPECT_THROW((void)parse_band_phase("ajar"), parse_error);
}

// Whatever the cuts and their flags, random_bands tiles the line: validate accepts it and
// every point, the cuts themselves and the infinities included, lies in exactly one band.
TEST(status_band, bands_that_validate_hold_every_point_exactly_once) {
  for (std::uint64_t seed = 0; seed < 300; ++seed) {
    goaltrack_test::random_source r(seed);
    evaluation_policy p;
    p.bands = goaltrack_test::random_bands(r, band_phase::open, {"on_track", "missed"});
    ASSERT_NO_THROW(p.validate()) << "seed " << seed;
    std::vector<double> points{-inf, inf, -0.55, 0.0, 1.0, 1.55};
    for (const status_band& b : p.bands) {
      for (const double e : {b.lower, b.upper}) {
        points.insert(points.end(), {e, std::nextafter(e, -inf), std::nextafter(e, inf)});
      }
    }
    for (const double x : points) {
      int holding = 0;
      for (const status_band& b : p.bands) holding += b.holds(x) ? 1 : 0;
      EXPECT_EQ(holding, 1) << "seed " << seed << ", point " << x;
    }
  }
}

std::string refusal(const evaluation_policy& p) {
  try {
    p.validate("OKR-2026");
  } catch (const invalid_argument& e) {
    return e.what();
  }
  return "accepted";
}

TEST(status_band, validate_names_the_bands_and_the_point_of_a_gap_or_overlap) {
  evaluation_policy p;
  p.bands = {{"off_track", -inf, 0.4, true, false, band_phase::closed},
             {"achieved", 0.7, inf, true, false, band_phase::closed}};
  EXPECT_EQ(refusal(p), "OKR-2026: band 1 and band 2 leave a gap at 0.4 (closed bands)");
  p.bands[1].lower = 0.3;
  EXPECT_EQ(refusal(p), "OKR-2026: band 1 and band 2 overlap at 0.3 (closed bands)");
  // The same value may not end one band and start the next both inclusively...
  p.bands[1].lower = 0.4;
  p.bands[0].upper_inclusive = true;
  EXPECT_EQ(refusal(p), "OKR-2026: band 1 and band 2 overlap at 0.4 (closed bands)");
  // ...nor leave it out of both.
  p.bands[0].upper_inclusive = false;
  p.bands[1].lower_inclusive = false;
  EXPECT_EQ(refusal(p), "OKR-2026: band 1 and band 2 leave a gap at 0.4 (closed bands)");
  p.bands[1].lower_inclusive = true;
  EXPECT_EQ(refusal(p), "accepted");
  p.bands[1].upper = 2;
  EXPECT_NE(refusal(p).find("gap above 2 (closed bands)"), std::string::npos) << refusal(p);
  p.bands[1].upper = inf;
  p.bands[0].lower = -1;
  EXPECT_NE(refusal(p).find("gap below -1 (closed bands)"), std::string::npos) << refusal(p);
  // The phases are checked apart: one band in each is two partitions.
  p.bands = {{"on_track", -inf, inf, true, false, band_phase::open},
             {"achieved", -inf, inf, true, false, band_phase::closed}};
  EXPECT_EQ(refusal(p), "accepted");
}

TEST(status_band, validate_names_a_bad_status_or_band) {
  evaluation_policy p;
  p.statuses = {{"green", "", "", "#43a047", target_status::achieved}};
  p.bands = {{"blue", -inf, inf, true, false, band_phase::open}};
  EXPECT_NE(refusal(p).find("band 1: status 'blue' is neither"), std::string::npos);
  p.bands[0].status = "no_data";  // a judgement never gives it
  EXPECT_NE(refusal(p).find("band 1: status 'no_data'"), std::string::npos);
  p.bands[0].status = "green";
  EXPECT_EQ(refusal(p), "accepted");
  p.bands[0].lower = std::nan("");
  EXPECT_NE(refusal(p).find("band 1: an edge is NaN"), std::string::npos);
  p.bands[0] = {"green", 0.5, 0.5, true, false, band_phase::open};
  EXPECT_NE(refusal(p).find("band 1: it holds nothing"), std::string::npos);

  p.bands.clear();
  p.statuses[0].colour = "green";
  EXPECT_NE(refusal(p).find("status 1 'green': colour 'green' is not #rrggbb"), std::string::npos);
  p.statuses[0].colour = "";
  p.statuses.push_back({"green", "", "", "", target_status::missed});
  EXPECT_NE(refusal(p).find("status 2 'green' repeats the code of status 1"), std::string::npos);
  p.statuses[1].code = "missed";
  EXPECT_NE(refusal(p).find("status 2 'missed' repeats a built-in status's code"),
            std::string::npos);
  p.statuses[1] = {"grey", "", "", "", target_status::no_data};
  EXPECT_NE(refusal(p).find("status 2 'grey': its category"), std::string::npos);
  p.statuses[1].code = "";
  EXPECT_NE(refusal(p).find("status 2 has an empty code"), std::string::npos);
}

class judgement : public ::testing::Test {
 protected:
  void SetUp() override { dept = p.org().add_collective("SGD", "", "department"); }
  // A key result of the quarter: reach 100 from 0, measured `a` on `when`.
  target_result key_result(double a, date when, const evaluation_policy& pol) {
    const target_id id = p.add_target(
        target::quantity("KR" + std::to_string(next++), "", dept, period::quarter(2026, 3))
            .increase_to(100)
            .from(0));
    p.add_measurement({id, when, a, 1, "", ""});
    return evaluate(p, when, pol).target(id);
  }
  plan p;
  collective_id dept;
  int next = 0;
};

// Doerr, "Measure What Matters" (2018): at the quarter's end a key result graded 0.7 or
// more is green, 0.4 to 0.6 yellow, below that red; green counts as achieved.
TEST_F(judgement, okr_grades_key_results_when_the_quarter_closes) {
  const evaluation_policy okr = policy_preset("okr");
  const date end = d(2026, 9, 30);
  const target_result yellow = key_result(65, end, okr);
  EXPECT_EQ(yellow.status_code, "yellow");
  EXPECT_EQ(yellow.status, target_status::missed);
  const target_result green = key_result(70, end, okr);
  EXPECT_EQ(green.status_code, "green");
  EXPECT_EQ(green.status, target_status::achieved);
  EXPECT_EQ(key_result(40, end, okr).status_code, "yellow");
  EXPECT_EQ(key_result(30, end, okr).status_code, "red");
  EXPECT_EQ(key_result(120, end, okr).status_code, "green");
  // While the quarter is open, the default margins: 65 on 15 August (expected 0.5) is on track.
  const target_result open = key_result(65, d(2026, 8, 15), okr);
  EXPECT_EQ(open.status_code, "on_track");
  EXPECT_EQ(open.status, target_status::on_track);
}

TEST_F(judgement, rag_colours_by_pace_and_keeps_a_reached_target_green_while_open) {
  const evaluation_policy rag = policy_preset("rag");
  const date mid = d(2026, 8, 15);  // expected 46/92 = 0.5
  EXPECT_EQ(key_result(45, mid, rag).status_code, "green");
  EXPECT_EQ(key_result(30, mid, rag).status_code, "amber");
  EXPECT_EQ(key_result(30, mid, rag).status, target_status::at_risk);
  EXPECT_EQ(key_result(20, mid, rag).status_code, "red");
  const target_result reached = key_result(100, mid, rag);
  EXPECT_EQ(reached.status_code, "green");
  EXPECT_EQ(reached.status, target_status::on_track);
  // Once the period has ended, today's rules: achieved or missed.
  EXPECT_EQ(key_result(100, d(2026, 10, 1), rag).status_code, "achieved");
  EXPECT_EQ(key_result(90, d(2026, 10, 1), rag).status_code, "missed");
}

// US Department of Commerce, FY 2007 Performance and Accountability Report, Appendix A:
// exceeded above 125% of target, met from 100% to 125%, slightly below from 95% to 99%,
// not met below. Measures of fiscal 2007 (October 2006 to September 2007), percent of
// target, judged on the year's last day.
TEST_F(judgement, performance_report_colours_measures_by_percent_of_target) {
  const evaluation_policy report = policy_preset("performance_report");
  const auto measure = [&](double actual) {
    const target_id id = p.add_target(
        target::quantity("M" + std::to_string(next++), "", dept, period::fiscal_year(2006, 10))
            .at_least(200)
            .scored_by(scoring_method::percent_of_target));
    p.add_measurement({id, d(2007, 9, 30), actual, 1, "", ""});
    return evaluate(p, d(2007, 9, 30), report).target(id);
  };
  EXPECT_EQ(measure(251).status_code, "exceeded");  // 125.5%
  EXPECT_EQ(measure(250).status_code, "met");       // 125%: "100 to 125 percent"
  EXPECT_EQ(measure(200).status_code, "met");
  EXPECT_EQ(measure(200).status, target_status::achieved);
  EXPECT_EQ(measure(199).status_code, "slightly_below");  // 99.5%
  EXPECT_EQ(measure(190).status_code, "slightly_below");  // 95%
  EXPECT_EQ(measure(190).status, target_status::missed);
  EXPECT_EQ(measure(189).status_code, "not_met");  // 94.5%
  // During the year, the default margins: 120 of 200 on 31 March (expected 0.4959) is on track.
  const target_id open =
      p.add_target(target::quantity("OPEN", "", dept, period::fiscal_year(2006, 10)).at_least(200));
  p.add_measurement({open, d(2007, 3, 31), 120, 1, "", ""});
  EXPECT_EQ(evaluate(p, d(2007, 3, 31), report).target(open).status_code, "on_track");
}

TEST_F(judgement, progress_bands_give_the_policy_own_statuses_with_their_definitions) {
  evaluation_policy pol;
  pol.basis = band_basis::progress;
  pol.statuses = {{"gan_dat", "nearly achieved", "gần đạt", "#fdd835", target_status::at_risk}};
  pol.bands = {{"off_track", -inf, 0.8, true, false, band_phase::open},
               {"gan_dat", 0.8, 1.0, true, false, band_phase::open},
               {"on_track", 1.0, inf, true, false, band_phase::open}};
  const target_result r = key_result(85, d(2026, 7, 10), pol);
  EXPECT_EQ(r.status_code, "gan_dat");
  EXPECT_EQ(r.status, target_status::at_risk);
  const evaluation ev = evaluate(p, d(2026, 7, 10), pol);
  ASSERT_EQ(ev.status_definitions().size(), target_status_count + 1);
  EXPECT_EQ(ev.status_definitions()[target_status_count], pol.statuses[0]);
  EXPECT_EQ(ev.status_indices()[0], target_status_count);
  EXPECT_EQ(ev.status_definitions()[2], builtin_status(target_status::on_track));
}

// Today's margins written as pace bands judge every target of every random plan as the
// margins do, on any date: the bands add expressiveness, not a second rule.
TEST(judgement_property, the_default_margins_as_pace_bands_judge_as_the_margins) {
  evaluation_policy bands;
  bands.bands = {{"off_track", -inf, -0.25, true, false, band_phase::open},
                 {"at_risk", -0.25, -0.10, true, false, band_phase::open},
                 {"on_track", -0.10, inf, true, false, band_phase::open}};
  goaltrack_test::random_plan_shape shape;
  shape.max_targets = 40;
  shape.max_measurements = 200;
  std::size_t judged = 0;
  for (std::uint64_t seed = 0; seed < 60; ++seed) {
    const plan pl = goaltrack_test::random_plan(seed, shape);
    for (int month = 0; month < 17 * 12; month += 5) {
      const date as_of = d(2015 + month / 12, 1 + month % 12, 15);
      const evaluation a = evaluate(pl, as_of);
      const evaluation b = evaluate(pl, as_of, bands);
      ASSERT_EQ(std::vector<target_status>(a.statuses().begin(), a.statuses().end()),
                std::vector<target_status>(b.statuses().begin(), b.statuses().end()))
          << "seed " << seed << " as of " << to_iso(as_of);
      for (const target_status s : a.statuses()) {
        judged += s == target_status::at_risk || s == target_status::off_track ? 1 : 0;
      }
    }
  }
  EXPECT_GT(judged, 100U);  // the property met the bands' edges, not only on_track
}

}  // namespace
}  // namespace goaltrack
