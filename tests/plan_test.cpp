// The plan as a whole: references between entities are checked, and every rejected
// change leaves the plan exactly as it was (compared with a copy taken before).
#include "goaltrack/plan.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

class plan_test : public ::testing::Test {
 protected:
  void SetUp() override {
    committee = p.org().add_collective("DB", "Đảng bộ Sở", "party_committee");
    cell = p.org().add_collective("CB1", "Chi bộ 1", "cell", committee);
    member = p.org().add_member("DV1", "", cell);
    scale = p.add_scale(rating_scale::vietnamese_default());
    round = p.add_round(scale, period::year(2020), make_date(2020, 12, 20));
    prog = p.add_program({"KH", "", "", "", period::year(2020), committee, std::nullopt});
  }

  // Runs a change that must fail with E, and checks that the plan is unchanged and the
  // message names `names`.
  template <class E, class F>
  void expect_rejected(F change, const std::string& names) {
    const plan before = p;
    try {
      change();
      ADD_FAILURE() << "accepted a change that should fail (" << names << ")";
    } catch (const E& e) {
      EXPECT_NE(std::string(e.what()).find(names), std::string::npos) << e.what();
    }
    EXPECT_EQ(p, before);
  }

  plan p;
  collective_id committee, cell;
  member_id member;
  scale_id scale;
  round_id round;
  program_id prog;
};

TEST_F(plan_test, ratings_of_members_and_collectives) {
  p.rate(round, member, p.get(scale).level("good"));
  p.rate(round, cell, p.get(scale).level("excellent"));
  EXPECT_EQ(p.get(round).of(member), rating_level{1});
  EXPECT_EQ(p.get(round).of(cell), rating_level{0});
  EXPECT_FALSE(p.get(round).of(committee).has_value());
  EXPECT_EQ(p.get(round).decided_on(), make_date(2020, 12, 20));
  EXPECT_EQ(p.find_round(scale, period::year(2020)), round);
  EXPECT_FALSE(p.find_round(scale, period::year(2021)).has_value());
}

TEST_F(plan_test, baseline_equal_to_target) {
  expect_rejected<invalid_argument>(
      [&] {
        p.add_target(target::quantity("T", "", cell, period::year(2020)).increase_to(5).from(5));
      },
      "'T'");
}

TEST_F(plan_test, rating_outside_the_scale) {
  expect_rejected<invalid_argument>([&] { p.rate(round, member, rating_level{7}); }, "'DV1'");
  expect_rejected<invalid_argument>([&] { p.rate(round, cell, rating_level{4}); }, "'CB1'");
  const std::vector<member_id> members{member, member};
  const std::vector<rating_level> levels{rating_level{0}, rating_level{9}};
  expect_rejected<invalid_argument>([&] { p.rate(round, members, levels); }, "'vn4'");
  expect_rejected<invalid_argument>(
      [&] {
        p.add_target(
            target::member_share("S", "", cell, period::year(2020), scale, rating_level{5}));
      },
      "'S'");
}

TEST_F(plan_test, member_of_an_unknown_collective) {
  expect_rejected<not_found>([&] { p.org().add_member("DV2", "", collective_id{42}); }, "'DV2'");
}

TEST_F(plan_test, cycle_in_the_collective_tree) {
  const std::vector<collective_spec> cyclic{{"X", "", "cell", "Y"}, {"Y", "", "cell", "X"}};
  expect_rejected<cycle_error>([&] { p.org().add_collectives(cyclic); }, "'X'");
}

TEST_F(plan_test, duplicate_codes) {
  expect_rejected<duplicate_error>([&] { p.org().add_collective("CB1", "", "cell"); }, "'CB1'");
  expect_rejected<duplicate_error>([&] { p.org().add_member("DV1", "", cell); }, "'DV1'");
  p.add_target(target::quantity("T", "", cell, period::year(2020)).at_least(3));
  expect_rejected<duplicate_error>(
      [&] { p.add_target(target::quantity("T", "", cell, period::year(2020)).at_least(4)); },
      "'T'");
  expect_rejected<duplicate_error>([&] { p.add_scale(rating_scale::vietnamese_default()); },
                                   "'vn4'");
  expect_rejected<duplicate_error>([&] { p.add_round(scale, period::year(2020)); }, "2020");
  p.add_task({"NV1", "", prog, cell, std::nullopt, task_kind::planned, 1.0, {}, {}});
  expect_rejected<duplicate_error>(
      [&] {
        p.add_task({"NV1", "", prog, cell, std::nullopt, task_kind::planned, 1.0, {}, {}});
      },
      "'NV1'");
}

TEST_F(plan_test, ratio_with_zero_denominator) {
  const target_id t = p.add_target(target::ratio("TL", "", cell, period::year(2020)).at_least(0.5));
  expect_rejected<invalid_argument>(
      [&] {
        p.add_measurement({t, make_date(2020, 6, 1), 3, 0, "", ""});
      },
      "'TL'");
}

TEST_F(plan_test, measurement_for_unknown_target_or_non_finite) {
  const target_id t = p.add_target(target::quantity("Q", "", cell, period::year(2020)).at_least(3));
  expect_rejected<not_found>(
      [&] {
        p.add_measurement({target_id{5}, make_date(2020, 6, 1), 3, 1, "", ""});
      },
      "5");
  expect_rejected<invalid_argument>(
      [&] {
        p.add_measurement({t, make_date(2020, 6, 1), std::nan(""), 1, "", ""});
      },
      "'Q'");
  const target_id share =
      p.add_target(target::member_share("S", "", cell, period::year(2020), scale, rating_level{1}));
  expect_rejected<invalid_argument>(
      [&] {
        p.add_measurement({share, make_date(2020, 6, 1), 1, 1, "", ""});
      },
      "ratings");
}

TEST_F(plan_test, task_checks_and_status_history) {
  const task_id t = p.add_task({"NV1",
                                "Sắp xếp mạng lưới",
                                prog,
                                cell,
                                make_date(2020, 12, 31),
                                task_kind::planned,
                                1.0,
                                {},
                                {}});
  p.set_task_status(t, task_status::in_progress, make_date(2020, 3, 1));
  p.set_task_status(t, task_status::completed, make_date(2020, 11, 1));
  EXPECT_EQ(p.get(t).status_as_of(make_date(2020, 12, 31)), task_status::completed);
  expect_rejected<invalid_argument>(
      [&] { p.set_task_status(t, task_status::cancelled, make_date(2020, 10, 1)); }, "'NV1'");
  expect_rejected<not_found>(
      [&] {
        p.add_task({"NV2", "", program_id{9}, cell, std::nullopt, task_kind::planned, 1.0, {}, {}});
      },
      "'NV2'");
  expect_rejected<invalid_argument>(
      [&] {
        p.add_task({"NV3", "", prog, cell, std::nullopt, task_kind::planned, -1.0, {}, {}});
      },
      "'NV3'");
  EXPECT_THROW(p.set_task_status(task_id{8}, task_status::completed, make_date(2020, 1, 1)),
               not_found);
}

TEST_F(plan_test, target_references_are_checked) {
  expect_rejected<not_found>(
      [&] {
        p.add_target(target::quantity("A", "", collective_id{9}, period::year(2020)).at_least(1));
      },
      "'A'");
  expect_rejected<not_found>(
      [&] {
        p.add_target(target::quantity("B", "", cell, period::year(2020))
                         .at_least(1)
                         .in_program(program_id{3}));
      },
      "'B'");
  expect_rejected<not_found>(
      [&] {
        p.add_target(
            target::member_share("C", "", cell, period::year(2020), scale_id{4}, rating_level{1}));
      },
      "'C'");
}

TEST_F(plan_test, targets_in_bulk_are_all_or_nothing) {
  std::vector<target> batch;
  for (int i = 0; i < 50; ++i) {
    batch.push_back(
        target::quantity("B" + std::to_string(i), "", cell, period::year(2020)).at_least(i + 1));
  }
  EXPECT_EQ(p.add_targets(batch), target_id(0));
  EXPECT_EQ(p.target_count(), 50U);
  EXPECT_EQ(p.find_target("B49"), target_id(49));
  // A bad reference, a bad target or a repeated code anywhere in a batch: none is added.
  std::vector<target> more = {
      target::quantity("C1", "", cell, period::year(2020)).at_least(1),
      target::quantity("C2", "", collective_id{9}, period::year(2020)).at_least(1)};
  expect_rejected<not_found>([&] { p.add_targets(more); }, "'C2'");
  more[1] = target::quantity("C2", "", cell, period::year(2020)).increase_to(5).from(5);
  expect_rejected<invalid_argument>([&] { p.add_targets(more); }, "'C2'");
  more[1] = target::quantity("B7", "", cell, period::year(2020)).at_least(1);
  expect_rejected<duplicate_error>([&] { p.add_targets(more); }, "'B7'");
  more[1].code = "C2";
  EXPECT_EQ(p.add_targets(more), target_id(50));
  EXPECT_EQ(p.get(target_id(51)), more[1]);
}

TEST_F(plan_test, targets_round_trip_through_storage) {
  const target t = target::milestone("HAPPY", "Nhân rộng mô hình", committee, period::year(2021),
                                     {"thí điểm", "nhân rộng"})
                       .in_program(prog);
  const target_id id = p.add_target(t);
  EXPECT_EQ(p.get(id), t);
  EXPECT_EQ(p.find_target("HAPPY"), id);
  EXPECT_THROW((void)p.get(target_id{77}), not_found);
}

TEST_F(plan_test, finds_targets_in_bulk) {
  std::vector<std::string> owned;
  for (int i = 0; i < 100; ++i) {
    owned.push_back("T" + std::to_string(i));
    p.add_target(target::quantity(owned.back(), "", cell, period::year(2020)).at_least(1));
  }
  const std::vector<std::string_view> codes{"T99", "T100", "T0", "", "T7", "T7"};
  const auto found = p.find_targets(codes);
  ASSERT_EQ(found.size(), codes.size());
  for (std::size_t i = 0; i < codes.size(); ++i) EXPECT_EQ(found[i], p.find_target(codes[i]));
  EXPECT_EQ(found[0], target_id(99));
  EXPECT_FALSE(found[1].has_value());
  EXPECT_TRUE(plan{}.find_targets(codes) == std::vector<std::optional<target_id>>(codes.size()));
}

TEST_F(plan_test, bulk_adds_are_all_or_nothing_for_every_kind) {
  // Programs: a parent may be an earlier program of the batch.
  std::vector<program> programs{
      {"P1", "", "", "", period::year(2021), committee, prog},
      {"P2", "", "", "", period::year(2021), cell, program_id(1)},  // P1, by the id it gets
  };
  EXPECT_EQ(p.add_programs(programs), program_id(1));
  EXPECT_EQ(p.get(program_id(2)).parent, program_id(1));
  EXPECT_EQ(p.find_program("P2"), program_id(2));
  programs[0].code = "P3";
  programs[1].code = "P4";
  programs[1].parent = program_id(9);
  expect_rejected<not_found>([&] { p.add_programs(programs); }, "parent of program 'P4'");
  programs[1].parent = std::nullopt;
  programs[1].code = "P3";
  expect_rejected<duplicate_error>([&] { p.add_programs(programs); }, "program code 'P3'");

  // Tasks: the first bad task decides the error.
  std::vector<task> tasks(3);
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    tasks[i].code = "T" + std::to_string(i);
    tasks[i].program = prog;
    tasks[i].owner = cell;
  }
  tasks[1].weight = -1;
  tasks[2].code = "T0";
  expect_rejected<invalid_argument>([&] { p.add_tasks(tasks); }, "task 'T1': weight");
  tasks[1].weight = 2;
  expect_rejected<duplicate_error>([&] { p.add_tasks(tasks); }, "task code 'T0'");
  tasks[2].code = "T2";
  EXPECT_EQ(p.add_tasks(tasks), task_id(0));
  EXPECT_EQ(p.tasks().size(), 3U);
  EXPECT_EQ(p.find_task("T2"), task_id(2));

  // Scales, rounds, policies.
  const std::vector<rating_scale> scales{rating_scale("s1", {{"a", "", ""}}),
                                         rating_scale("vn4", {{"b", "", ""}})};
  expect_rejected<duplicate_error>([&] { p.add_scales(scales); }, "rating scale code 'vn4'");
  const std::vector<round_spec> rounds{{scale, period::year(2021), std::nullopt},
                                       {scale, period::year(2020), std::nullopt}};
  expect_rejected<duplicate_error>([&] { p.add_rounds(rounds); }, "already has a round for 2020");
  const std::vector<round_spec> twice{{scale, period::year(2022), std::nullopt},
                                      {scale, period::year(2023), std::nullopt},
                                      {scale, period::year(2022), std::nullopt}};
  expect_rejected<duplicate_error>([&] { p.add_rounds(twice); }, "already has a round for 2022");
  EXPECT_FALSE(p.find_round(scale, period::year(2023)));
  EXPECT_EQ(p.add_rounds(std::span(rounds).first(1)), round_id(1));
  EXPECT_EQ(p.find_round(scale, period::year(2021)), round_id(1));
  EXPECT_EQ(p.rounds()[1].decided_on(), make_date(2021, 12, 31));
  std::vector<named_policy> policies{{"a", {}}, {"b", {}}};
  policies[1].policy.rating_summaries.push_back({round, rating_level(1), "", {}, share{3, 0}});
  expect_rejected<invalid_argument>([&] { p.add_policies(policies); }, "policy 'b'");
  policies[1].policy.rating_summaries[0].required_share = share{101, 100};
  expect_rejected<invalid_argument>([&] { p.add_policies(policies); }, "is not a share");
  policies[1].policy.rating_summaries[0].required_share = share::percent(100);
  EXPECT_EQ(p.add_policies(policies), policy_id(0));
  EXPECT_EQ(p.find_policy("b"), policy_id(1));
  EXPECT_EQ(p.policy_count(), 2U);
  // Empty batches add nothing and give the next id.
  EXPECT_EQ(p.add_tasks({}), task_id(3));
  EXPECT_EQ(p.add_programs({}), program_id(3));
}

TEST_F(plan_test, lists_every_kind_in_id_order) {
  const target t1 = target::quantity("A", "", cell, period::year(2020)).at_least(1);
  const target t2 = target::ratio("B", "", cell, period::year(2020)).at_least(0.5);
  p.add_target(t1);
  p.add_target(t2);
  std::vector<std::string> codes;
  for (const target& t : p.targets()) codes.push_back(t.code);
  EXPECT_EQ(codes, (std::vector<std::string>{"A", "B"}));
  EXPECT_EQ(p.targets()[1], t2);
  EXPECT_THROW((void)p.targets()[2], not_found);
  ASSERT_EQ(p.scales().size(), 1U);
  EXPECT_EQ(p.scales()[0].code(), "vn4");
  EXPECT_EQ(p.rounds()[0].rated_period(), period::year(2020));
  EXPECT_EQ(p.programs()[0].code, "KH");
}

TEST_F(plan_test, a_moved_from_plan_is_empty_and_usable) {
  plan q = std::move(p);
  EXPECT_EQ(q.program_count(), 1U);
  EXPECT_EQ(p.program_count(), 0U);  // NOLINT(bugprone-use-after-move): documented as empty
  EXPECT_EQ(p.org().collective_count(), 0U);
  EXPECT_EQ(p, plan{});
  const auto c = p.org().add_collective("X", "", "");
  EXPECT_EQ(c, collective_id(0));
  p = q;
  EXPECT_EQ(p, q);
}

}  // namespace
}  // namespace goaltrack
