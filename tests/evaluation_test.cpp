#include "goaltrack/evaluation.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <cstring>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"
#include "random_plan.hpp"
#include "reference_evaluation.hpp"

namespace goaltrack {
namespace {

date d(int y, int m, int day) { return make_date(y, m, day); }

class evaluation_test : public ::testing::Test {
 protected:
  void SetUp() override {
    dept = p.org().add_collective("SGD", "Sở GD-ĐT", "department");
    committee = p.org().add_collective("DB", "Đảng bộ", "party_committee", dept);
    for (int c = 1; c <= 3; ++c) {
      cells.push_back(p.org().add_collective("CB" + std::to_string(c), "", "cell", committee));
      for (int m = 1; m <= 4; ++m) {
        members.push_back(
            p.org().add_member("DV" + std::to_string(c) + std::to_string(m), "", cells.back()));
      }
    }
    scale = p.add_scale(rating_scale::vietnamese_default());
    good = p.get(scale).level("good");
  }
  plan p;
  collective_id dept, committee;
  std::vector<collective_id> cells;
  std::vector<member_id> members;
  scale_id scale;
  rating_level good;
};

TEST_F(evaluation_test, quantity_progress_expected_and_status_as_of_any_date) {
  // Remove 98 sites from 1200 during 2020: progress = (a - b) / (g - b), g = 1102.
  const target_id t = p.add_target(target::quantity("SITES", "", dept, period::year(2020))
                                       .decrease_by(98)
                                       .from(1200)
                                       .counting("sites"));
  p.add_measurement({t, d(2020, 6, 30), 1165, 1, "", ""});
  p.add_measurement({t, d(2020, 12, 31), 1102, 1, "", ""});

  const evaluation mid = evaluate(p, d(2020, 7, 1));
  const target_result r = mid.target(t);
  ASSERT_TRUE(r.actual && r.progress);
  EXPECT_DOUBLE_EQ(*r.actual, 1165);
  EXPECT_EQ(r.actual_date, d(2020, 6, 30));
  EXPECT_NEAR(*r.progress, 35.0 / 98.0, 1e-12);
  EXPECT_NEAR(r.expected, 183.0 / 366.0, 1e-12);  // 2020 is a leap year
  // progress 0.357 < expected 0.5 - 0.1 but >= 0.5 - 0.25: at risk.
  EXPECT_EQ(r.status, target_status::at_risk);

  EXPECT_EQ(evaluate(p, d(2021, 1, 21)).target(t).status, target_status::achieved);
  EXPECT_EQ(evaluate(p, d(2019, 12, 31)).target(t).status, target_status::not_started);
  EXPECT_EQ(evaluate(p, d(2020, 3, 1)).target(t).status, target_status::no_data);
}

TEST_F(evaluation_test, missed_after_the_period_unless_the_policy_says_otherwise) {
  const target_id t =
      p.add_target(target::quantity("Q", "", dept, period::year(2020)).at_least(600).from(0));
  p.add_measurement({t, d(2020, 12, 1), 500, 1, "", ""});
  EXPECT_EQ(evaluate(p, d(2021, 1, 21)).target(t).status, target_status::missed);
  evaluation_policy kit;
  kit.missed_after_end = false;
  kit.not_started_before_start = false;
  // 500/600 = 0.833 >= 1 - 0.25: at risk once "missed" is switched off.
  EXPECT_EQ(evaluate(p, d(2021, 1, 21), kit).target(t).status, target_status::at_risk);
  EXPECT_EQ(evaluate(p, d(2019, 6, 1), kit).target(t).status, target_status::no_data);
}

TEST_F(evaluation_test, a_target_not_started_is_left_out_of_mean_progress) {
  const target_id done =
      p.add_target(target::quantity("DONE", "", dept, period::year(2020)).at_least(10));
  p.add_measurement({done, d(2020, 11, 1), 10, 1, "", ""});
  // Next year's target, measured before its period (a starting figure): progress 0.5.
  const target_id next =
      p.add_target(target::quantity("NEXT", "", dept, period::year(2021)).at_least(10));
  p.add_measurement({next, d(2020, 12, 15), 5, 1, "", ""});

  const evaluation ev = evaluate(p, d(2020, 12, 31));
  EXPECT_EQ(ev.target(next).status, target_status::not_started);
  EXPECT_NEAR(ev.target(next).progress.value(), 0.5, 1e-12);  // still reported
  const target_rollup& own = ev.collective(dept).own_targets;
  EXPECT_EQ(own.statuses.total(), 2U);
  EXPECT_EQ(own.with_progress, 1U);
  EXPECT_NEAR(own.mean_progress().value(), 1.0, 1e-12);  // not (1 + 0.5) / 2
  // Once the period has begun, it counts.
  const evaluation next_year = evaluate(p, d(2021, 1, 1));
  const target_rollup& later = next_year.collective(dept).own_targets;
  EXPECT_EQ(later.with_progress, 2U);
  EXPECT_NEAR(later.mean_progress().value(), 0.75, 1e-12);
}

TEST_F(evaluation_test, same_day_correction_added_later_wins) {
  const target_id t =
      p.add_target(target::quantity("Q", "", dept, period::year(2020)).at_least(10));
  p.add_measurement({t, d(2020, 5, 1), 4, 1, "", ""});
  p.add_measurement({t, d(2020, 5, 1), 6, 1, "", "correction"});
  p.add_measurement({t, d(2020, 4, 1), 9, 1, "", "older"});
  EXPECT_DOUBLE_EQ(*evaluate(p, d(2020, 5, 2)).target(t).actual, 6);
  EXPECT_DOUBLE_EQ(*evaluate(p, d(2020, 4, 30)).target(t).actual, 9);
}

TEST_F(evaluation_test, ratio_is_recomputed_from_numerator_and_denominator) {
  const target_id t =
      p.add_target(target::ratio("TL", "", dept, period::school_year(2019)).at_least(0.55));
  p.add_measurement({t, d(2020, 7, 1), 7425, 12780, "", ""});
  const target_result r = evaluate(p, d(2020, 7, 31)).target(t);
  EXPECT_DOUBLE_EQ(*r.numerator, 7425);
  EXPECT_DOUBLE_EQ(*r.denominator, 12780);
  EXPECT_NEAR(*r.actual, 0.581, 0.0005);
  EXPECT_EQ(r.status, target_status::achieved);
}

TEST_F(evaluation_test, threshold_range_and_milestone_formulas) {
  const period y = period::year(2020);
  const target_id most = p.add_target(target::quantity("MOST", "", dept, y).at_most(10));
  const target_id range =
      p.add_target(target::quantity("RANGE", "", dept, y).within(10, 20).from(40));
  const target_id mile = p.add_target(target::milestone("MILE", "", dept, y, {"a", "b", "c", "d"}));
  p.add_measurement({most, d(2020, 12, 1), 12, 1, "", ""});
  p.add_measurement({range, d(2020, 12, 1), 25, 1, "", ""});
  p.add_measurement({mile, d(2020, 12, 1), 3, 1, "", ""});
  const evaluation ev = evaluate(p, d(2020, 12, 31));
  EXPECT_DOUBLE_EQ(*ev.target(most).progress, 0.0);
  EXPECT_NEAR(*ev.target(range).progress, (20.0 - 5.0) / 20.0, 1e-12);
  EXPECT_DOUBLE_EQ(*ev.target(mile).progress, 0.75);
  EXPECT_DOUBLE_EQ(*ev.target(mile).clamped_progress, 0.75);
}

TEST_F(evaluation_test, direction_targets_are_judged_by_trend) {
  const target_id down =
      p.add_target(target::direction("DROPOUT", "", dept, period::year(2021), trend::decrease));
  const target_id up =
      p.add_target(target::direction("QUALITY", "", dept, period::year(2021), trend::increase));
  const double dropout[] = {3.1, 2.9, 2.6, 2.4};
  for (int q = 0; q < 4; ++q) {
    p.add_measurement({down, d(2021, 3 * q + 1, 15), dropout[q], 1, "", ""});
    p.add_measurement({up, d(2021, 3 * q + 1, 15), dropout[q], 1, "", ""});
  }
  const evaluation mid = evaluate(p, d(2021, 11, 1));
  EXPECT_EQ(mid.target(down).status, target_status::on_track);
  EXPECT_EQ(mid.target(up).status, target_status::off_track);
  EXPECT_FALSE(mid.target(down).progress.has_value());
  EXPECT_DOUBLE_EQ(*mid.target(down).actual, 2.4);
  const evaluation after = evaluate(p, d(2022, 1, 20));
  EXPECT_EQ(after.target(down).status, target_status::achieved);
  EXPECT_EQ(after.target(up).status, target_status::missed);
  EXPECT_EQ(evaluate(p, d(2021, 2, 1)).target(down).status, target_status::no_data);
}

TEST_F(evaluation_test, rating_targets_count_members_and_collectives) {
  const round_id r2021 = p.add_round(scale, period::year(2021), d(2021, 12, 20));
  const target_id all_members =
      p.add_target(target::member_share("DV100", "", committee, period::year(2021), scale, good,
                                        share::percent(100), rating_scope::subtree));
  const target_id cells_own =
      p.add_target(target::all_collectives("CB33", "", committee, period::year(2021), scale, good)
                       .counting_kind("cell"));
  const target_id cells_members = p.add_target(
      target::collective_count("CB2", "", committee, period::year(2021), scale, good, 2)
          .counting_kind("cell")
          .qualifying_by_members());
  for (std::size_t i = 0; i < members.size(); ++i)
    p.rate(r2021, members[i], i == 5 ? rating_level{2} : good);
  for (const auto c : cells) p.rate(r2021, c, rating_level{0});

  EXPECT_EQ(evaluate(p, d(2021, 12, 1)).target(all_members).status, target_status::no_data);

  const evaluation ev = evaluate(p, d(2022, 1, 10));
  const target_result share = ev.target(all_members);
  EXPECT_DOUBLE_EQ(*share.numerator, 11);
  EXPECT_DOUBLE_EQ(*share.denominator, 12);
  EXPECT_EQ(share.status, target_status::missed);
  EXPECT_LT(*share.progress, 1.0);

  const target_result own = ev.target(cells_own);
  EXPECT_DOUBLE_EQ(*own.numerator, 3);
  EXPECT_DOUBLE_EQ(*own.denominator, 3);
  EXPECT_EQ(own.status, target_status::achieved);

  const target_result by_members = ev.target(cells_members);
  EXPECT_DOUBLE_EQ(*by_members.actual, 2);  // cell 2 has one member rated "completed"
  EXPECT_EQ(by_members.status, target_status::achieved);
}

TEST_F(evaluation_test, rating_summaries_on_request) {
  const round_id r = p.add_round(scale, period::year(2020));
  for (std::size_t i = 0; i < members.size(); ++i)
    p.rate(r, members[i], i < 4 ? rating_level{0} : rating_level{3});
  evaluation_policy policy;
  policy.rating_summaries.push_back(
      {r, good, "cell", collective_criterion::member_share, share::percent(100)});
  const evaluation ev = evaluate(p, d(2021, 1, 21), policy);
  ASSERT_EQ(ev.rating_summaries().size(), 1U);
  const rating_tally& t = ev.rating_summaries()[0];
  EXPECT_TRUE(t.decided);
  EXPECT_EQ(t.members[cells[0].index()], 4U);
  EXPECT_EQ(t.members_ok[cells[1].index()], 0U);
  EXPECT_EQ(t.subtree_members[dept.index()], 12U);
  EXPECT_EQ(t.subtree_members_ok[dept.index()], 4U);
  EXPECT_EQ(t.below_counted[dept.index()], 3U);
  EXPECT_EQ(t.below_ok[dept.index()], 1U);
  EXPECT_EQ(t.children_counted[committee.index()], 3U);
  EXPECT_EQ(t.children_counted[dept.index()], 0U);

  evaluation_policy bad = policy;
  bad.rating_summaries[0].round = round_id{9};
  EXPECT_THROW(evaluate(p, d(2021, 1, 21), bad), not_found);
}

TEST_F(evaluation_test, tasks_and_targets_roll_up_through_programs_and_the_tree) {
  const program_id province = p.add_program(
      {"CTr-190", "190-CTr/TU", "Tỉnh ủy", "", period::year(2020), dept, std::nullopt});
  const program_id dept_plan =
      p.add_program({"KH", "", "", "", period::year(2020), dept, province});
  for (int i = 0; i < 3; ++i) {
    const task_id t = p.add_task({"P" + std::to_string(i),
                                  "",
                                  dept_plan,
                                  cells[static_cast<std::size_t>(i)],
                                  std::nullopt,
                                  task_kind::planned,
                                  1.0,
                                  {},
                                  {}});
    p.set_task_status(t, task_status::completed, d(2020, 10, 1 + i));
  }
  const task_id extra =
      p.add_task({"S", "", dept_plan, dept, std::nullopt, task_kind::supplementary, 2.0, {}, {}});
  p.set_task_status(extra, task_status::completed, d(2020, 12, 1));
  const task_id dropped =
      p.add_task({"X", "", province, dept, std::nullopt, task_kind::planned, 1.0, {}, {}});
  p.set_task_status(dropped, task_status::cancelled, d(2020, 5, 1));
  const target_id q = p.add_target(
      target::quantity("Q", "", cells[0], period::year(2020)).at_least(10).in_program(dept_plan));
  p.add_measurement({q, d(2020, 12, 1), 10, 1, "", ""});

  const evaluation ev = evaluate(p, d(2020, 10, 2));
  const task_tally own = ev.program(dept_plan).own_tasks;
  EXPECT_EQ(own.count(task_figure::planned), 3U);
  EXPECT_EQ(own.count(task_figure::planned_completed), 2U);
  EXPECT_EQ(own.count(task_figure::supplementary), 1U);
  EXPECT_EQ(own.count(task_figure::supplementary_completed), 0U);
  EXPECT_EQ(ev.program(province).own_tasks.count(task_figure::cancelled), 1U);
  EXPECT_EQ(ev.program(province).own_tasks.count(task_figure::planned), 0U);
  EXPECT_EQ(ev.program(province).cascade_tasks.count(task_figure::planned), 3U);

  const evaluation end = evaluate(p, d(2020, 12, 31));
  const collective_result& root = end.collective(dept);
  EXPECT_EQ(root.subtree_tasks.count(task_figure::planned_completed), 3U);
  EXPECT_EQ(root.subtree_tasks.count(task_figure::supplementary_completed), 1U);
  EXPECT_DOUBLE_EQ(root.subtree_tasks.weight(task_figure::completed), 5.0);
  EXPECT_EQ(root.own_tasks.count(task_figure::planned), 0U);
  EXPECT_EQ(root.subtree_targets.statuses[target_status::achieved], 1U);
  EXPECT_EQ(root.own_targets.statuses.total(), 0U);
  EXPECT_DOUBLE_EQ(*root.subtree_targets.mean_progress(), 1.0);
  EXPECT_EQ(end.program(province).cascade_targets.statuses[target_status::achieved], 1U);
  EXPECT_EQ(end.overall()[target_status::achieved], 1U);
}

TEST_F(evaluation_test, policy_is_validated_and_results_are_deterministic) {
  evaluation_policy bad;
  bad.at_risk_margin = 0.05;
  EXPECT_THROW(evaluate(p, d(2020, 1, 1), bad), invalid_argument);
  bad = {};
  bad.on_track_margin = -1;
  EXPECT_THROW(evaluate(p, d(2020, 1, 1), bad), invalid_argument);

  const target_id t =
      p.add_target(target::quantity("Q", "", dept, period::year(2020)).increase_to(7).from(1.5));
  p.add_measurement({t, d(2020, 8, 1), 3.3, 1, "", ""});
  const evaluation a = evaluate(p, d(2020, 9, 30));
  const evaluation b = evaluate(p, d(2020, 9, 30));
  ASSERT_EQ(a.progress().size(), 1U);
  EXPECT_EQ(std::memcmp(a.progress().data(), b.progress().data(), sizeof(double)), 0);
  EXPECT_THROW((void)a.target(target_id{3}), not_found);
  EXPECT_EQ(parse_target_status(to_string(target_status::at_risk)), target_status::at_risk);
}

}  // namespace
}  // namespace goaltrack

namespace goaltrack {
namespace {

// The pipeline equals a plain second implementation of the default rules
// (reference_evaluation.hpp) on hundreds of random plans, each on dates before, during and
// after its targets' periods: the staged evaluation adds methods, not differences.
TEST(evaluation_property, the_pipeline_equals_the_plain_rules_on_random_plans) {
  std::size_t compared = 0;
  for (std::uint64_t seed = 1; seed <= 320; ++seed) {
    const plan p = goaltrack_test::random_plan(seed);
    goaltrack_test::random_source r(seed * 7919);
    for (int k = 0; k < 12; ++k) {
      const date as_of = make_date(r.between(2014, 2031), r.between(1, 12), r.between(1, 28));
      const evaluation ev = evaluate(p, as_of);
      for (std::size_t i = 0; i < p.target_count(); ++i) {
        const target_id id(static_cast<target_id::value_type>(i));
        if (!goaltrack_test::reference_covers(p.get(id))) continue;
        const goaltrack_test::reference_result want =
            goaltrack_test::reference_evaluate(p, id, as_of);
        const target_result got = ev.target(id);
        ASSERT_EQ(to_string(got.status), to_string(want.status))
            << "seed " << seed << ", target " << i << ", " << to_iso(as_of);
        ASSERT_EQ(got.progress.has_value(), want.progress.has_value()) << "seed " << seed;
        if (want.progress && std::isfinite(*want.progress)) {
          EXPECT_DOUBLE_EQ(*got.progress, *want.progress) << "seed " << seed;
        }
        ++compared;
      }
    }
  }
  EXPECT_GT(compared, 10000U);
}

}  // namespace
}  // namespace goaltrack

namespace goaltrack {
namespace {

// "Objective progress 45%": key results weighted 3 and 1 at 30% and 90% (the unweighted
// mean is 60%). Cascade, "How to Weight Goals and Tasks": children worth 60, 60 and 30
// points at 50%, 25% and 75% give "(30 + 15 + 22.5) / (60 + 60 + 30) = approximately 45%".
TEST_F(evaluation_test, weighted_means_weigh_each_target) {
  const auto key_result = [&](const std::string& code, double weight, double actual) {
    const target_id id = p.add_target(
        target::quantity(code, "", cells[0], period::year(2020)).at_least(100).with_weight(weight));
    p.add_measurement({id, d(2020, 6, 1), actual, 1, "", ""});
  };
  key_result("KR1", 3, 30);
  key_result("KR2", 1, 90);
  const target_rollup okr = evaluate(p, d(2020, 6, 30)).collective(cells[0]).own_targets;
  ASSERT_TRUE(okr.weighted_mean_progress() && okr.mean_progress());
  EXPECT_NEAR(*okr.weighted_mean_progress(), 0.45, 1e-12);
  EXPECT_NEAR(*okr.mean_progress(), 0.60, 1e-12);
  EXPECT_DOUBLE_EQ(okr.weight_sum, 4.0);

  key_result("C1", 60, 50);
  key_result("C2", 60, 25);
  key_result("C3", 30, 75);
  const target_rollup all = evaluate(p, d(2020, 6, 30)).collective(cells[0]).own_targets;
  // (3 x 0.3 + 0.9 + 30 + 15 + 22.5) / (4 + 150)
  EXPECT_NEAR(*all.weighted_mean_progress(), (1.8 + 67.5) / 154.0, 1e-12);
  const target_rollup cascade_only = [&] {
    target_rollup r = all;
    r.weighted_progress_sum -= 1.8;
    r.weight_sum -= 4;
    return r;
  }();
  EXPECT_NEAR(*cascade_only.weighted_mean_progress(), 0.45, 1e-12);
  EXPECT_THROW(
      p.add_target(
          target::quantity("BAD", "", cells[0], period::year(2020)).at_least(1).with_weight(-1)),
      invalid_argument);
  EXPECT_THROW(p.add_target(target::quantity("NAN", "", cells[0], period::year(2020))
                                .at_least(1)
                                .with_weight(std::nan(""))),
               invalid_argument);
}

// The property of issue 10: a weighted mean with equal weights is the plain mean, at every
// collective and program of random plans.
TEST(evaluation, weighted_means_with_equal_weights_are_the_plain_means) {
  for (std::uint64_t seed = 1; seed <= 30; ++seed) {
    goaltrack_test::random_plan_shape shape;
    shape.equal_weight = 0.5 * static_cast<double>(1 + seed % 7);
    const evaluation ev =
        evaluate(goaltrack_test::random_plan(seed, shape), make_date(2021, 6, 30));
    for (const collective_result& c : ev.collectives()) {
      const auto plain = c.subtree_targets.mean_progress();
      const auto weighted = c.subtree_targets.weighted_mean_progress();
      ASSERT_EQ(plain.has_value(), weighted.has_value());
      if (plain) {
        EXPECT_NEAR(*weighted, *plain, 1e-12) << seed;
      }
    }
    for (const program_result& pr : ev.programs()) {
      const auto plain = pr.cascade_targets.mean_progress();
      if (plain) {
        EXPECT_NEAR(*pr.cascade_targets.weighted_mean_progress(), *plain, 1e-12) << seed;
      }
    }
  }
}

}  // namespace
}  // namespace goaltrack

namespace goaltrack {
namespace {

// The share of targets achieved, exactly, leaving out chosen statuses: 3 achieved, 1 missed,
// 2 not started and 1 without data give 3/4 by default, 3/7 over all, 3/5 over all but not
// started.
TEST(evaluation, shares_of_a_status_leave_out_the_chosen_statuses) {
  status_counts c;
  c.by_status[static_cast<std::size_t>(target_status::achieved)] = 3;
  c.by_status[static_cast<std::size_t>(target_status::missed)] = 1;
  c.by_status[static_cast<std::size_t>(target_status::not_started)] = 2;
  c.by_status[static_cast<std::size_t>(target_status::no_data)] = 1;
  EXPECT_EQ(c.share(target_status::achieved), (rate{3, 4}));
  EXPECT_EQ(c.share(target_status::achieved, {}), (rate{3, 7}));
  const target_status not_started[] = {target_status::not_started};
  EXPECT_EQ(c.share(target_status::achieved, not_started), (rate{3, 5}));
  EXPECT_EQ(c.share(target_status::not_started), (rate{0, 4}));
  EXPECT_EQ(status_counts{}.share(target_status::achieved).value(), std::nullopt);
}

}  // namespace
}  // namespace goaltrack

namespace goaltrack {
namespace {

// Values up the organisation tree (target::over_tree, tree_values).
class tree_test : public ::testing::Test {
 protected:
  void SetUp() override {
    province = p.org().add_collective("TINH", "", "province");
    district = p.org().add_collective("HUYEN", "", "district", province);
    for (int c = 1; c <= 3; ++c) {
      communes.push_back(p.org().add_collective("XA" + std::to_string(c), "", "commune", district));
    }
  }
  // A commune's coverage: `vaccinated` of `children`, reported on 30 June.
  void coverage(collective_id at, double vaccinated, double children) {
    const target_id t = p.add_target(
        target::ratio("COV-" + std::string(p.org().code(at)), "", at, period::year(2020))
            .at_least(0.95)
            .in_unit("%")
            .measuring("coverage"));
    p.add_measurement({t, d(2020, 6, 30), vaccinated, children, "", ""});
  }
  plan p;
  collective_id province, district;
  std::vector<collective_id> communes;
};

// Spider Impact, "Aggregating ratios": 2 of 4 and 2 of 100 are 4 of 104 (3.8%), not the mean
// of 50% and 2%; DHIS2, "Indicators": they are re-calculated at each level from the sums
// of their numerators and denominators.
TEST_F(tree_test, a_ratio_sums_numerators_over_denominators_at_each_level) {
  coverage(communes[0], 2, 4);
  coverage(communes[1], 2, 100);
  const target_id total = p.add_target(target::ratio("COV", "", province, period::year(2020))
                                           .at_least(0.95)
                                           .in_unit("%")
                                           .measuring("coverage")
                                           .aggregating(tree_aggregation::sum));
  const evaluation ev = evaluate(p, d(2020, 7, 1));
  const target_result r = ev.target(total);
  ASSERT_TRUE(r.actual && r.numerator && r.denominator);
  EXPECT_NEAR(*r.actual, 4.0 / 104.0, 1e-15);
  EXPECT_DOUBLE_EQ(*r.numerator, 4);
  EXPECT_DOUBLE_EQ(*r.denominator, 104);
  EXPECT_EQ(r.actual_date, d(2020, 6, 30));
  const auto values = tree_values(p, ev, "coverage", period::year(2020), tree_aggregation::sum);
  EXPECT_NEAR(values[province.index()], 4.0 / 104.0, 1e-15);
  EXPECT_NEAR(values[communes[1].index()], 0.02, 1e-15);
  EXPECT_TRUE(std::isnan(values[communes[2].index()]));  // not reporting
  const auto means = tree_values(p, ev, "coverage", period::year(2020), tree_aggregation::mean);
  EXPECT_NEAR(means[province.index()], 0.26, 1e-15);
}

// BAO Systems (DHIS2 implementers), "Aggregation types": stock on hand with the last value
// over time and a sum over the hierarchy: facilities at 100, 150 and 200 give 450; DHIS2,
// "Average": over the units that report only.
TEST_F(tree_test, last_values_summed_up_the_hierarchy_and_means_over_reporting_units) {
  const auto stock = [&](collective_id at, std::vector<double> values, int month = 1) {
    const target_id t = p.add_target(
        target::quantity("STOCK-" + std::string(p.org().code(at)), "", at, period::year(2020))
            .at_least(1)
            .counting("doses")
            .measuring("stock"));
    for (const double v : values) p.add_measurement({t, d(2020, month++, 28), v, 1, "", ""});
  };
  stock(communes[0], {80, 100});
  stock(communes[1], {150}, 3);
  stock(communes[2], {300, 250, 200});
  const auto aggregate = [&](const std::string& code, collective_id at, tree_aggregation how) {
    return p.add_target(target::quantity(code, "", at, period::year(2020))
                            .at_least(1)
                            .counting("doses")
                            .measuring("stock")
                            .aggregating(how));
  };
  const target_id sum = aggregate("SUM", province, tree_aggregation::sum);
  const target_id mean = aggregate("MEAN", district, tree_aggregation::mean);
  const target_id least = aggregate("MIN", district, tree_aggregation::minimum);
  const target_id most = aggregate("MAX", province, tree_aggregation::maximum);
  const evaluation ev = evaluate(p, d(2020, 12, 31));
  EXPECT_DOUBLE_EQ(*ev.target(sum).actual, 450);
  EXPECT_EQ(ev.target(sum).actual_date, d(2020, 3, 28));
  EXPECT_DOUBLE_EQ(*ev.target(mean).actual, 150);
  EXPECT_DOUBLE_EQ(*ev.target(least).actual, 100);
  EXPECT_DOUBLE_EQ(*ev.target(most).actual, 200);
  // In February only two units report: the mean is theirs.
  EXPECT_DOUBLE_EQ(*evaluate(p, d(2020, 2, 29)).target(mean).actual, (100.0 + 250.0) / 2.0);
  EXPECT_FALSE(evaluate(p, d(2020, 1, 1)).target(sum).actual);  // none reports yet
}

TEST_F(tree_test, indicators_keep_one_kind_and_unit_and_aggregates_take_no_measurements) {
  coverage(communes[0], 9, 10);
  try {
    p.add_target(target::quantity("COV-X", "", communes[1], period::year(2020))
                     .at_least(1)
                     .in_unit("children")
                     .measuring("coverage"));
    FAIL() << "a second kind of one indicator was accepted";
  } catch (const invalid_argument& e) {
    EXPECT_STREQ(e.what(),
                 "target 'COV-X': indicator 'coverage' is measured as ratio in '%' by target "
                 "'COV-XA1', not as quantity in 'children'");
  }
  const target agg = target::ratio("COV", "", province, period::year(2020))
                         .at_least(0.95)
                         .in_unit("%")
                         .measuring("coverage")
                         .aggregating(tree_aggregation::sum);
  const target_id total = p.add_target(agg);
  EXPECT_THROW(p.add_measurement({total, d(2020, 6, 30), 1, 2, "", ""}), invalid_argument);
  target no_indicator = agg;
  no_indicator.code = "NOIND";
  no_indicator.indicator.clear();
  EXPECT_THROW(p.add_target(no_indicator), invalid_argument);
  target summed_over_time = agg;
  summed_over_time.code = "SUMMED";
  summed_over_time.aggregated_by(aggregation::sum);
  EXPECT_THROW(p.add_target(summed_over_time), invalid_argument);
  EXPECT_EQ(parse_tree_aggregation("maximum"), tree_aggregation::maximum);
  EXPECT_THROW(parse_tree_aggregation("median"), parse_error);
}

// The property of issue 10: sums up the tree equal a flat sum over each subtree.
TEST(evaluation, sums_up_the_tree_equal_flat_sums_over_each_subtree) {
  for (std::uint64_t seed = 1; seed <= 20; ++seed) {
    goaltrack_test::random_source rng(seed);
    plan p;
    std::vector<collective_id> units{p.org().add_collective("U0", "", "unit")};
    for (std::size_t i = 1; i < 40; ++i) {
      units.push_back(p.org().add_collective("U" + std::to_string(i), "", "unit",
                                             units[rng.below(units.size())]));
    }
    std::vector<double> own(units.size(), 0.0);
    for (std::size_t i = 0; i < 60; ++i) {
      const collective_id at = units[rng.below(units.size())];
      const target_id t =
          p.add_target(target::quantity("T" + std::to_string(i), "", at, period::year(2020))
                           .at_least(1)
                           .measuring("x"));
      const auto v = static_cast<double>(rng.below(1000));
      p.add_measurement({t, make_date(2020, 5, 1), v, 1, "", ""});
      own[at.index()] += v;
    }
    std::vector<target_id> sums;
    for (const collective_id u : units) {
      sums.push_back(p.add_target(
          target::quantity("S" + std::string(p.org().code(u)), "", u, period::year(2020))
              .at_least(1)
              .measuring("x")
              .aggregating(tree_aggregation::sum)));
    }
    const evaluation ev = evaluate(p, make_date(2020, 12, 31));
    const auto values = tree_values(p, ev, "x", period::year(2020), tree_aggregation::sum);
    for (std::size_t u = 0; u < units.size(); ++u) {
      double flat = 0;
      bool any = false;
      for (std::size_t v = 0; v < units.size(); ++v) {
        if (p.org().in_subtree(units[v], units[u])) flat += own[v];
      }
      for (const target& t : p.targets()) {
        any =
            any || (t.over_tree == tree_aggregation::none && p.org().in_subtree(t.owner, units[u]));
      }
      if (!any) continue;
      EXPECT_DOUBLE_EQ(values[u], flat) << seed;
      EXPECT_DOUBLE_EQ(*ev.target(sums[u]).actual, flat) << seed;
    }
  }
}

}  // namespace
}  // namespace goaltrack
