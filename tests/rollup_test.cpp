#include "goaltrack/rollup.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <cmath>
#include <string>
#include <variant>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/plan.hpp"
#include "random_plan.hpp"

namespace goaltrack {
namespace {

date d(int y, int m, int day) { return make_date(y, m, day); }

// One objective (a program owned by a team) whose key results are targets of 2020 measured
// on 30 June, evaluated on 30 June (expected progress 182/366).
class rollup_test : public ::testing::Test {
 protected:
  void SetUp() override {
    team = p.org().add_collective("TEAM", "", "team");
    objective = p.add_program({"OBJ", "", "", "", period::year(2020), team, std::nullopt});
  }
  // A key result of `weight` at `percent` of its goal of 100 (none: no measurement).
  target_id key_result(const std::string& code, std::optional<double> percent, double weight = 1.0,
                       collective_id owner = {}) {
    const target_id id =
        p.add_target(target::quantity(code, "", owner.ok() ? owner : team, period::year(2020))
                         .at_least(100)
                         .in_program(objective)
                         .with_weight(weight));
    if (percent) p.add_measurement({id, d(2020, 6, 30), *percent, 1, "", ""});
    return id;
  }
  evaluation at(date as_of, const evaluation_policy& policy = {}) const {
    return evaluate(p, as_of, policy);
  }
  static evaluation_policy rolled_by(std::string rule) {
    evaluation_policy policy;
    policy.rollup = std::move(rule);
    return policy;
  }
  plan p;
  collective_id team;
  program_id objective;
};

// Cascade, "How to Weight Goals and Tasks": children worth 60, 60 and 30 points at 50%,
// 25% and 75% give "(30 + 15 + 22.5) / (60 + 60 + 30) = approximately 45%"; each child's
// contribution is its weighted score over the total weight.
TEST_F(rollup_test, cascade_weighted_children_give_45_percent_and_their_contributions) {
  const target_id c1 = key_result("C1", 50, 60);
  key_result("C2", 25, 60);
  key_result("C3", 75, 30);
  const evaluation ev = at(d(2020, 6, 30));
  const rollup_status& s = ev.status_of(objective);
  ASSERT_TRUE(s.score);
  EXPECT_NEAR(*s.score, 0.45, 1e-12);
  EXPECT_EQ(s.counted, 3U);
  EXPECT_NEAR(*s.expected, 182.0 / 366.0, 1e-12);
  // 0.45 >= 0.497 - 0.10: on track, as a target at that pace is.
  EXPECT_EQ(s.status, target_status::on_track);
  EXPECT_EQ(ev.rule_of(objective).method, rollup_method::weighted_mean);

  const std::vector<contribution> parts = ev.contributions(objective);
  ASSERT_EQ(parts.size(), 3U);
  EXPECT_EQ(parts[0].child, rollup_child(c1));
  EXPECT_DOUBLE_EQ(parts[0].weight, 60);
  EXPECT_NEAR(*parts[0].score, 0.5, 1e-12);
  EXPECT_NEAR(parts[0].points, 30.0 / 150.0, 1e-12);
  EXPECT_NEAR(parts[1].points, 15.0 / 150.0, 1e-12);
  EXPECT_NEAR(parts[2].points, 22.5 / 150.0, 1e-12);
  EXPECT_NEAR(*parts[0].share, 30.0 / 67.5, 1e-12);
  double points = 0;
  for (const contribution& c : parts) points += c.points;
  EXPECT_NEAR(points, *s.score, 1e-12);
  // The collective that owns them rolls up the same children.
  EXPECT_NEAR(*ev.status_of(team).score, 0.45, 1e-12);
}

// The "Objective progress 45%": key results weighted 3 and 1 at 30% and 90%; the
// unweighted mean (60%) is wrong.
TEST_F(rollup_test, key_results_weighted_three_to_one) {
  key_result("KR1", 30, 3);
  key_result("KR2", 90, 1);
  EXPECT_NEAR(*at(d(2020, 6, 30)).status_of(objective).score, 0.45, 1e-12);
}

// Cascade, "Progress roll-up": an objective whose five children are at 50%, 50%, 25%, 25%
// and 0% is at 30%, their average. Quantive, "Objective progress": key results at 27%,
// 18% and 73% give an objective at (27 + 18 + 73) / 3 = 39%.
TEST_F(rollup_test, plain_averages_of_cascade_and_quantive) {
  for (const double v : {50.0, 50.0, 25.0, 25.0, 0.0}) {
    key_result("C" + std::to_string(p.target_count()), v);
  }
  EXPECT_NEAR(*at(d(2020, 6, 30)).status_of(objective).score, 0.30, 1e-12);
  plan quantive;
  const collective_id owner = quantive.org().add_collective("Q", "", "team");
  for (const double v : {27.0, 18.0, 73.0}) {
    const target_id id = quantive.add_target(
        target::quantity("K" + std::to_string(v), "", owner, period::year(2020)).at_least(100));
    quantive.add_measurement({id, d(2020, 6, 30), v, 1, "", ""});
  }
  const evaluation ev = evaluate(quantive, d(2020, 6, 30));
  EXPECT_NEAR(*ev.status_of(owner).score, 118.0 / 300.0, 1e-12);
}

// Cascade, "Progress vs. health": a child above its goal counts as 100% in its parent
// (children at 90%, 99%, 120% and 68% give (90 + 99 + 100 + 68) / 4 = 89.25%).
TEST_F(rollup_test, a_child_above_its_goal_counts_as_complete) {
  for (const double v : {90.0, 99.0, 120.0, 68.0}) {
    key_result("H" + std::to_string(p.target_count()), v);
  }
  const evaluation ev = at(d(2020, 12, 15));
  EXPECT_NEAR(*ev.status_of(objective).score, 0.8925, 1e-12);
}

// Spider Impact, "Calculated scores": a parent's score is the weighted average of its
// children's, ignoring children without data (unless told to count them); counting them
// is a choice of exclusions here.
TEST_F(rollup_test, children_without_data_are_ignored_unless_the_rule_counts_them) {
  key_result("A", 80, 1);
  key_result("B", std::nullopt, 1);
  key_result("C", 50, 2);
  const evaluation ev = at(d(2020, 6, 30));
  EXPECT_NEAR(*ev.status_of(objective).score, 0.6, 1e-12);
  EXPECT_EQ(ev.status_of(objective).counted, 2U);
  EXPECT_FALSE(ev.contributions(objective)[1].counted);

  // Counting children without data makes them count in the worst rule.
  evaluation_policy strict = rolled_by("strict_worst");
  strict.rollup_rules.push_back({"strict_worst", rollup_method::worst, true, false});
  const rollup_status s = at(d(2020, 6, 30), strict).status_of(objective);
  EXPECT_EQ(s.status, target_status::no_data);
  EXPECT_EQ(s.decided_by, rollup_child(*p.find_target("B")));
}

// Perdoo, "Objective status": the status of an objective is the weakest status of its key
// results, excluding those without a status: "red because its worst target is red".
TEST_F(rollup_test, worst_wins_takes_the_weakest_status_and_keeps_its_name) {
  key_result("GREEN", 60);
  const target_id red = key_result("RED", 5);
  key_result("AMBER", 30);
  key_result("NONE", std::nullopt);
  evaluation_policy rag = policy_preset("rag");
  rag.rollup = "worst";
  const evaluation ev = at(d(2020, 6, 30), rag);
  const rollup_status& s = ev.status_of(objective);
  EXPECT_EQ(s.status, target_status::off_track);
  EXPECT_EQ(ev.status_definitions()[s.status_index].code, "red");
  EXPECT_EQ(s.decided_by, rollup_child(red));
  EXPECT_NEAR(*s.score, 0.05, 1e-12);
  const auto parts = ev.contributions(objective);
  EXPECT_TRUE(parts[1].decisive);
  EXPECT_DOUBLE_EQ(*parts[1].share, 1.0);
  EXPECT_FALSE(parts[3].counted);  // no data: excluded

  rag.rollup = "best";
  const evaluation by_best = at(d(2020, 6, 30), rag);
  const rollup_status& best = by_best.status_of(objective);
  EXPECT_EQ(by_best.status_definitions()[best.status_index].code, "green");
  EXPECT_EQ(best.decided_by, rollup_child(*p.find_target("GREEN")));
}

// "Five of five cells rated well-completed or above" and "green when every target is
// achieved": the count rules, with the counts of what can still be achieved.
TEST_F(rollup_test, count_rules_need_k_achieved_children) {
  for (const double v : {100.0, 100.0, 100.0, 20.0, std::nan("")}) {
    key_result("K" + std::to_string(p.target_count()), v == v ? std::optional(v) : std::nullopt);
  }
  // Mid-year: three achieved, one at 20% of 100 (off track), one without data.
  const auto status = [&](const rollup_rule& rule, date on = d(2020, 6, 30)) {
    evaluation_policy policy = rolled_by(rule.code);
    policy.rollup_rules.push_back(rule);
    return at(on, policy).status_of(objective);
  };
  rollup_rule three{"three", rollup_method::count_achieved};
  three.required_count = 3;
  EXPECT_EQ(status(three).status, target_status::achieved);
  EXPECT_NEAR(*status(three).score, 1.0, 1e-12);
  rollup_rule four = three;
  four.code = "four";
  four.required_count = 4;
  EXPECT_EQ(status(four).status, target_status::off_track);  // 3 + 0 on pace < 4
  EXPECT_NEAR(*status(four).score, 0.75, 1e-12);
  // All achieved, of the four counted: not yet; after the year, missed (one missed leaves
  // three that can be achieved, and one without data that could).
  rollup_rule all{"every", rollup_method::all_achieved};
  EXPECT_EQ(status(all).status, target_status::off_track);
  EXPECT_EQ(status(all, d(2021, 1, 15)).status, target_status::missed);
  // 75% of the counted four: ceil(4 x 3/4) = 3 achieved suffice.
  rollup_rule share{"most", rollup_method::share_achieved};
  share.required_share = share::percent(75);
  EXPECT_EQ(status(share).status, target_status::achieved);
  share.required_share = share::percent(76);  // ceil(3.04) = 4
  EXPECT_EQ(status(share).status, target_status::off_track);
  // Six needed of five children: missed as soon as fewer than six are not missed.
  rollup_rule six = three;
  six.code = "six";
  six.required_count = 6;
  EXPECT_EQ(status(six).status, target_status::missed);
}

// "The status of the latest": quarterly key results, the last counted one decides (a
// quarter not yet started is not counted).
TEST_F(rollup_test, latest_takes_the_status_of_the_child_whose_period_ends_last) {
  const auto quarter = [&](int q, std::optional<double> v) {
    const period span = period::quarter(2020, q);
    const target_id id = p.add_target(target::quantity("Q" + std::to_string(q), "", team, span)
                                          .at_least(100)
                                          .in_program(objective));
    if (v) p.add_measurement({id, span.last(), *v, 1, "", ""});
    return id;
  };
  quarter(1, 100);
  quarter(2, 50);
  const target_id q3 = quarter(3, std::nullopt);
  quarter(4, std::nullopt);
  evaluation_policy policy = rolled_by("latest");
  const rollup_status mid = at(d(2020, 7, 15), policy).status_of(objective);
  // Q3 has no data (excluded), Q4 has not started: Q2, missed, is the latest counted.
  EXPECT_EQ(mid.status, target_status::missed);
  EXPECT_EQ(mid.decided_by, rollup_child(*p.find_target("Q2")));
  p.add_measurement({q3, d(2020, 7, 10), 30, 1, "", ""});
  EXPECT_EQ(at(d(2020, 7, 15), policy).status_of(objective).decided_by, rollup_child(q3));
}

// Programs and collectives roll up through their children: a parent reads its child
// programs' and collectives' statuses and scores, each child weighing 1.
TEST_F(rollup_test, parents_roll_up_their_children_by_their_own_rules) {
  const collective_id unit = p.org().add_collective("UNIT", "", "team", team);
  const program_id sub = p.add_program({"SUB", "", "", "", period::year(2020), unit, objective});
  key_result("OWN", 80);
  const target_id low = p.add_target(
      target::quantity("LOW", "", unit, period::year(2020)).at_least(100).in_program(sub));
  p.add_measurement({low, d(2020, 6, 30), 10, 1, "", ""});
  const target_id high = p.add_target(
      target::quantity("HIGH", "", unit, period::year(2020)).at_least(100).in_program(sub));
  p.add_measurement({high, d(2020, 6, 30), 50, 1, "", ""});
  evaluation_policy policy;
  policy.rollup_overrides = {{rollup_scope::program, "SUB", "worst"},
                             {rollup_scope::collective, "UNIT", "best"}};
  const evaluation ev = at(d(2020, 6, 30), policy);
  EXPECT_EQ(ev.rule_of(sub).method, rollup_method::worst);
  EXPECT_EQ(ev.status_of(sub).decided_by, rollup_child(low));
  // OBJ: the mean of its own key result (0.8) and its child program's score (0.1).
  EXPECT_NEAR(*ev.status_of(objective).score, 0.45, 1e-12);
  EXPECT_EQ(ev.contributions(objective)[1].child, rollup_child(sub));
  // TEAM: its own target (0.8) and UNIT, whose best child is at 0.5.
  EXPECT_EQ(ev.status_of(unit).decided_by, rollup_child(high));
  EXPECT_NEAR(*ev.status_of(team).score, 0.65, 1e-12);
}

TEST_F(rollup_test, a_parent_without_counted_children_is_not_started_or_without_data) {
  const collective_id empty = p.org().add_collective("EMPTY", "", "team");
  p.add_target(target::quantity("LATER", "", team, period::year(2021)).at_least(1));
  const evaluation ev = at(d(2020, 6, 30));
  EXPECT_EQ(ev.status_of(team).status, target_status::not_started);
  EXPECT_EQ(ev.status_of(empty).status, target_status::no_data);
  EXPECT_FALSE(ev.status_of(empty).score);
  EXPECT_TRUE(ev.contributions(empty).empty());
}

// A plan without a single target still has statuses and (empty) contributions: the matrix of
// the collectives' targets has a row per collective even with no column.
TEST_F(rollup_test, a_plan_without_targets_has_statuses_and_no_contributions) {
  const collective_id unit = p.org().add_collective("UNIT", "", "team", team);
  const evaluation ev = at(d(2020, 6, 30));
  EXPECT_EQ(ev.status_of(team).status, target_status::no_data);
  EXPECT_EQ(ev.status_of(unit).status, target_status::no_data);
  EXPECT_TRUE(ev.contributions(unit).empty());
  ASSERT_EQ(ev.contributions(team).size(), 1U);  // its child collective, without data
  EXPECT_EQ(ev.contributions(team)[0].child, rollup_child(unit));
  EXPECT_TRUE(ev.contributions(objective).empty());
}

// A weighted mean with nothing to average (limits met so far have no score yet) takes its
// worst counted child's status, in the program and in the collective alike.
TEST_F(rollup_test, a_mean_without_scores_takes_the_worst_counted_status) {
  const auto cap = [&](const std::string& code, double value) {
    const target_id id = p.add_target(
        target::quantity(code, "", team, period::year(2020)).at_most(100).in_program(objective));
    p.add_measurement({id, d(2020, 6, 30), value, 1, "", ""});
    return id;
  };
  const target_id met = cap("MET", 80);
  const target_id broken = cap("BROKEN", 130);
  evaluation ev = at(d(2020, 6, 30));
  EXPECT_EQ(ev.target(broken).status, target_status::off_track);
  // The broken cap scores 0 (not met), the one met so far has no score yet: the mean is 0.
  for (const rollup_status& s : {ev.status_of(objective), ev.status_of(team)}) {
    EXPECT_EQ(s.status, target_status::off_track);
    ASSERT_TRUE(s.score);
    EXPECT_NEAR(*s.score, 0.0, 1e-15);
    EXPECT_FALSE(s.decided_by);
    EXPECT_EQ(s.counted, 2U);
  }
  p.add_measurement({broken, d(2020, 7, 31), 90, 1, "", ""});
  ev = at(d(2020, 7, 31));  // both met so far: nothing to average
  for (const rollup_status& s : {ev.status_of(objective), ev.status_of(team)}) {
    EXPECT_EQ(s.status, target_status::within_so_far);
    EXPECT_EQ(s.decided_by, rollup_child(met));
    EXPECT_FALSE(s.score);
  }
}

TEST_F(rollup_test, the_year_end_closes_a_parent_when_its_children_close) {
  key_result("A", 100);
  key_result("B", 70);
  evaluation_policy review = policy_preset("year_end_review");
  const rollup_status s = at(d(2020, 12, 31), review).status_of(objective);
  EXPECT_NEAR(*s.score, 0.85, 1e-12);
  EXPECT_EQ(s.status, target_status::missed);  // every child final, 85% < 100%
  // Under the OKR preset the closed bands grade the mean: 0.85 is green.
  evaluation_policy okr = policy_preset("okr");
  const evaluation ev = at(d(2020, 12, 31), okr);
  EXPECT_EQ(ev.status_definitions()[ev.status_of(objective).status_index].code, "green");
}

TEST_F(rollup_test, without_a_rule_there_are_no_statuses) {
  key_result("A", 50);
  const evaluation ev = at(d(2020, 6, 30), rolled_by("none"));
  EXPECT_TRUE(ev.program_statuses().empty());
  EXPECT_THROW((void)ev.status_of(objective), not_found);
  EXPECT_THROW((void)ev.contributions(team), not_found);
  EXPECT_EQ(ev.program(objective).own_targets.statuses.total(), 1U);  // counts as before
}

TEST_F(rollup_test, bad_rules_and_overrides_are_typed_errors_naming_them) {
  const auto message = [&](const evaluation_policy& policy) {
    try {
      (void)at(d(2020, 6, 30), policy);
    } catch (const error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_NE(message(rolled_by("strictest")).find("'strictest'"), std::string::npos);
  evaluation_policy override_unknown;
  override_unknown.rollup_overrides = {{rollup_scope::program, "OBJ", "nope"}};
  EXPECT_NE(message(override_unknown).find("program 'OBJ'"), std::string::npos);
  evaluation_policy no_program;
  no_program.rollup_overrides = {{rollup_scope::program, "GHOST", "worst"}};
  EXPECT_THROW((void)at(d(2020, 6, 30), no_program), not_found);
  EXPECT_NE(message(no_program).find("'GHOST'"), std::string::npos);
  evaluation_policy twice;
  twice.rollup_overrides = {{rollup_scope::program, "OBJ", "worst"},
                            {rollup_scope::program, "OBJ", "best"}};
  EXPECT_NE(message(twice).find("repeats override 1"), std::string::npos);
  evaluation_policy bad_rule = rolled_by("zero");
  bad_rule.rollup_rules = {{"zero", rollup_method::count_achieved}};
  bad_rule.rollup_rules[0].required_count = 0;
  EXPECT_NE(message(bad_rule).find("rule 1 'zero': required_count"), std::string::npos);
  bad_rule.rollup_rules[0] = {"worst", rollup_method::worst};
  EXPECT_NE(message(bad_rule).find("built-in rule"), std::string::npos);
  bad_rule.rollup_rules[0] = {"none", rollup_method::worst};  // reserved: no_rollup
  EXPECT_NE(message(bad_rule).find("built-in rule"), std::string::npos);
  bad_rule.rollup_rules[0] = {"nothing", rollup_method::share_achieved};
  bad_rule.rollup_rules[0].required_share = share{0, 100};
  EXPECT_NE(message(bad_rule).find("required share 0/100"), std::string::npos);
  EXPECT_EQ(parse_rollup_method("count_achieved"), rollup_method::count_achieved);
  EXPECT_THROW(parse_rollup_method("average"), parse_error);
}

// Properties over random plans: worst-wins never reports better than its worst counted
// child; with equal weights a parent of targets only has their plain mean.
TEST(rollup, worst_wins_is_never_better_than_a_child_and_equal_weights_give_the_mean) {
  const auto rank = [](target_status s) {
    constexpr target_status order[] = {target_status::missed,        target_status::off_track,
                                       target_status::no_data,       target_status::at_risk,
                                       target_status::not_started,   target_status::on_track,
                                       target_status::within_so_far, target_status::achieved};
    return std::find(std::begin(order), std::end(order), s) - std::begin(order);
  };
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    goaltrack_test::random_plan_shape shape;
    shape.equal_weight = 1.5;
    const plan p = goaltrack_test::random_plan(seed, shape);
    for (const date on : {make_date(2020, 3, 31), make_date(2021, 6, 30), make_date(2022, 1, 5)}) {
      evaluation_policy worst;
      worst.rollup = "worst";
      const evaluation ev = evaluate(p, on, worst);
      for (std::uint32_t c = 0; c < ev.collectives().size(); ++c) {
        const collective_id id(c);
        for (const contribution& child : ev.contributions(id)) {
          if (child.counted) {
            EXPECT_LE(rank(ev.status_of(id).status), rank(child.status)) << seed;
          }
        }
      }
      const evaluation mean = evaluate(p, on);
      for (std::uint32_t c = 0; c < mean.collectives().size(); ++c) {
        const collective_id id(c);
        if (!p.org().children(id).empty()) continue;
        const auto plain = mean.collective(id).own_targets.mean_progress();
        const auto score = mean.status_of(id).score;
        if (plain && mean.status_of(id).decided_by == std::nullopt) {
          ASSERT_TRUE(score) << seed;
          EXPECT_NEAR(*score, *plain, 1e-12) << seed;
        }
      }
    }
  }
}

}  // namespace
}  // namespace goaltrack

namespace goaltrack {
namespace {

// Alignment: a key result counting toward two objectives with a weight each, and an
// objective counting toward another added after it (a DAG, rolled up children first).
TEST_F(rollup_test, aligned_targets_and_programs_count_toward_several_parents) {
  const program_id other =
      p.add_program({"OTHER", "", "", "", period::year(2020), team, std::nullopt});
  const target_id shared = key_result("SHARED", 80);  // OBJ's own, weight 1
  const target_id own = p.add_target(
      target::quantity("OWN", "", team, period::year(2020)).at_least(100).in_program(other));
  p.add_measurement({own, d(2020, 6, 30), 20, 1, "", ""});
  p.add_alignment({shared, {}, other, 3.0});
  evaluation ev = at(d(2020, 6, 30));
  // OTHER: (1 x 0.2 + 3 x 0.8) / 4 = 0.65; OBJ: 0.8.
  EXPECT_NEAR(*ev.status_of(other).score, 0.65, 1e-12);
  EXPECT_NEAR(*ev.status_of(objective).score, 0.8, 1e-12);
  const auto parts = ev.contributions(other);
  ASSERT_EQ(parts.size(), 2U);
  EXPECT_EQ(parts[1].child, rollup_child(shared));
  EXPECT_DOUBLE_EQ(parts[1].weight, 3.0);
  EXPECT_NEAR(parts[1].points, 0.6, 1e-12);

  // A program added later (a larger id) counting toward OBJ with weight 2: OBJ reads its
  // score, so it is rolled up first. OBJ: (1 x 0.8 + 2 x 0.65) / 3 = 0.7.
  p.add_alignment({{}, other, objective, 2.0});
  ev = at(d(2020, 6, 30));
  EXPECT_NEAR(*ev.status_of(objective).score, 0.7, 1e-12);
  EXPECT_EQ(ev.contributions(objective).back().child, rollup_child(other));
  ASSERT_EQ(p.alignments().size(), 2U);
}

TEST_F(rollup_test, a_cycle_of_programs_is_refused_naming_its_members) {
  const program_id child =
      p.add_program({"CHILD", "", "", "", period::year(2020), team, objective});
  const program_id third = p.add_program({"THIRD", "", "", "", period::year(2020), team, child});
  // THIRD counts toward CHILD, CHILD toward OBJ: OBJ counting toward THIRD closes a cycle.
  try {
    p.add_alignment({{}, objective, third, 1.0});
    FAIL() << "a cycle was accepted";
  } catch (const cycle_error& e) {
    EXPECT_STREQ(e.what(),
                 "alignment would close a cycle of programs: THIRD -> CHILD -> OBJ -> THIRD");
  }
  EXPECT_TRUE(p.alignments().empty());  // nothing kept
  EXPECT_THROW(p.add_alignment({{}, objective, objective, 1.0}), cycle_error);
}

TEST_F(rollup_test, bad_alignments_are_typed_errors_naming_child_and_parent) {
  const target_id kr = key_result("KR", 50);
  const program_id other =
      p.add_program({"OTHER", "", "", "", period::year(2020), team, std::nullopt});
  const auto message = [&](const alignment& a) {
    try {
      p.add_alignment(a);
    } catch (const error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_EQ(message({kr, {}, other, -1.0}),
            "alignment of target 'KR' to program 'OTHER': weight -1.000000 is not a finite "
            "positive number");
  EXPECT_NE(message({kr, {}, other, std::nan("")}).find("not a finite"), std::string::npos);
  EXPECT_NE(message({kr, other, objective, 1.0}).find("exactly one"), std::string::npos);
  EXPECT_NE(message({{}, {}, objective, 1.0}).find("exactly one"), std::string::npos);
  EXPECT_NE(message({kr, {}, objective, 1.0}).find("counts toward that program already"),
            std::string::npos);
  EXPECT_THROW(p.add_alignment({kr, {}, program_id(99), 1.0}), not_found);
  EXPECT_THROW(p.add_alignment({target_id(99), {}, other, 1.0}), not_found);
  const std::vector<alignment> twice{{kr, {}, other, 1.0}, {kr, {}, other, 2.0}};
  EXPECT_THROW(p.add_alignments(twice), invalid_argument);
  EXPECT_TRUE(p.alignments().empty());  // all or nothing
  p.add_alignment(twice[0]);
  EXPECT_EQ(message(twice[1]), "alignment of target 'KR' to program 'OTHER' is given twice");
}

}  // namespace
}  // namespace goaltrack
