// task_tally.hpp: task figures as reviews report them (assigned, due, completed on time or
// late, overdue, not yet due, cancelled; added_on), completion rates over each basis, and
// their exact printing. Worked examples are Vietnam's government reports, cited where used.

#include "goaltrack/task_tally.hpp"

#include <gtest/gtest.h>

#include <cstdint>
#include <optional>
#include <string>

#include "goaltrack/error.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/plan.hpp"
#include "goaltrack/report.hpp"
#include "random_plan.hpp"

namespace goaltrack {
namespace {

date d(int y, int m, int day) { return make_date(y, m, day); }

// A task with a deadline, completed on `done_on` if given.
task task_due(std::optional<date> deadline, std::optional<date> done_on = std::nullopt,
              double weight = 1.0) {
  task t{"T", "", program_id{0}, collective_id{0}, deadline, task_kind::planned, weight, {}, {}};
  if (done_on) t.history = {{*done_on, task_status::completed}};
  return t;
}

// Adds `n` copies of `t` to `tally` as of `as_of`.
void add_times(task_tally& tally, const task& t, std::uint32_t n, date as_of) {
  for (std::uint32_t i = 0; i < n; ++i) tally.add(t, as_of);
}

TEST(task_tally, a_deadline_of_the_day_evaluated_has_passed_at_its_end) {
  const date a = d(2020, 12, 31);
  task_tally t;
  t.add(task_due(a), a);                            // open, due today: overdue
  t.add(task_due(a, a), a);                         // done on the deadline: on time
  t.add(task_due(d(2020, 12, 30), a), a);           // done a day late
  t.add(task_due(d(2021, 1, 1)), a);                // not yet due
  t.add(task_due(std::nullopt), a);                 // no deadline: never due
  t.add(task_due(std::nullopt, d(2020, 3, 1)), a);  // done, no deadline: on time
  EXPECT_EQ(t.count(task_figure::assigned), 6U);
  EXPECT_EQ(t.count(task_figure::due), 3U);
  EXPECT_EQ(t.count(task_figure::due_completed), 2U);
  EXPECT_EQ(t.count(task_figure::overdue), 1U);
  EXPECT_EQ(t.count(task_figure::completed_on_time), 2U);
  EXPECT_EQ(t.count(task_figure::completed_late), 1U);
  EXPECT_EQ(t.count(task_figure::not_yet_due), 2U);
  EXPECT_EQ(t.count(task_figure::due_or_completed), 4U);
}

TEST(task_tally, the_status_in_effect_on_the_day_decides_and_its_day_is_the_completion) {
  task reopened = task_due(d(2020, 6, 30));
  reopened.history = {{d(2020, 6, 1), task_status::completed},
                      {d(2020, 6, 15), task_status::in_progress},
                      {d(2020, 7, 10), task_status::completed}};
  task_tally june;
  june.add(reopened, d(2020, 6, 20));
  EXPECT_EQ(june.count(task_figure::completed), 0U);
  EXPECT_EQ(june.count(task_figure::not_yet_due), 1U);
  task_tally july;
  july.add(reopened, d(2020, 7, 31));
  EXPECT_EQ(july.count(task_figure::completed_late), 1U);  // done again on 10 July
}

TEST(task_tally, a_task_is_counted_once_assigned_and_a_cancelled_one_apart) {
  // The origin review's "2 nhiệm vụ bổ sung" were added during the year: a supplementary
  // task added on 10 July is not in the mid-year review of 30 June.
  task extra = task_due(std::nullopt);
  extra.kind = task_kind::supplementary;
  extra.added_on = d(2020, 7, 10);
  task_tally mid_year;
  mid_year.add(extra, d(2020, 6, 30));
  EXPECT_EQ(mid_year, task_tally{});
  EXPECT_EQ(describe_tasks(mid_year, language::vi), "Hoàn thành 0/0 nhiệm vụ");
  task_tally year_end;
  year_end.add(extra, d(2020, 7, 10));
  EXPECT_EQ(year_end.count(task_figure::supplementary), 1U);

  task dropped = task_due(d(2020, 3, 1));
  dropped.history = {{d(2020, 2, 1), task_status::cancelled}};
  task_tally t;
  t.add(dropped, d(2020, 12, 31));
  EXPECT_EQ(t.count(task_figure::cancelled), 1U);
  EXPECT_EQ(t.count(task_figure::assigned), 0U);
  EXPECT_EQ(t.count(task_figure::overdue), 0U);
}

// Report 1270/BC-TCTTTg of the Prime Minister's Working Group (27/12/2017), I.1.a: "có tổng
// số 21.914 nhiệm vụ ... có 16.051 nhiệm vụ đến hạn đã hoàn thành, đạt 98,62% (đúng hạn:
// 14.068, quá hạn: 1983); chưa hoàn thành: 5.863 (trung hạn: 5.640, quá hạn: 223)". The
// 98.62% is 16,051 / (16,051 + 223) = 98.6297...%, truncated (rounded it is 98.63%).
TEST(task_tally, reproduces_the_prime_ministers_working_group_report_of_2017) {
  const date as_of = d(2017, 12, 15);
  const date deadline = d(2017, 9, 30);
  task_tally t;
  add_times(t, task_due(deadline, d(2017, 9, 1)), 14'068, as_of);
  add_times(t, task_due(deadline, d(2017, 11, 1)), 1'983, as_of);
  add_times(t, task_due(d(2018, 3, 31)), 5'640, as_of);
  add_times(t, task_due(deadline), 223, as_of);
  EXPECT_EQ(t.count(task_figure::assigned), 21'914U);
  EXPECT_EQ(t.count(task_figure::completed), 16'051U);
  EXPECT_EQ(t.count(task_figure::completed_on_time), 14'068U);
  EXPECT_EQ(t.count(task_figure::completed_late), 1'983U);
  EXPECT_EQ(t.count(task_figure::assigned) - t.count(task_figure::completed), 5'863U);
  EXPECT_EQ(t.count(task_figure::not_yet_due), 5'640U);
  EXPECT_EQ(t.count(task_figure::overdue), 223U);
  const rate r = t.completion_rate(task_basis::due_and_completed);
  EXPECT_EQ(r, (rate{16'051, 16'274}));
  EXPECT_EQ(format_rate(r, 2, rounding::truncate, language::vi), "98,62%");
  EXPECT_EQ(format_rate(r, 2, rounding::half_away_from_zero, language::vi), "98,63%");
  EXPECT_EQ(
      describe_tasks(
          t, language::vi,
          {.completion_rate = false, .deadlines = true, .decimals = 2, .mode = rounding::truncate}),
      "Hoàn thành 16.051/21.914 nhiệm vụ; trong số nhiệm vụ đã đến hạn, hoàn thành "
      "98,62%; 223 nhiệm vụ quá hạn; 1.983 nhiệm vụ hoàn thành quá hạn");
}

// Government meeting of October 2025 (vietnam.vn, "Thủ tướng Phạm Minh Chính chủ trì phiên
// họp Chính phủ"): "assigned 9,831 tasks ... have completed 8,150 tasks, reaching 82.9%;
// 1,620 tasks are within the deadline, accounting for 16.47%, 61 tasks are overdue ...
// accounting for 0.62%": every share is of all tasks assigned, and 1,620 / 9,831 =
// 16.4785...% is truncated.
TEST(task_tally, reproduces_the_government_office_figures_of_october_2025) {
  const date as_of = d(2025, 10, 24);
  task_tally t;
  add_times(t, task_due(d(2025, 9, 1), d(2025, 8, 1)), 8'150, as_of);
  add_times(t, task_due(d(2025, 12, 31)), 1'620, as_of);
  add_times(t, task_due(d(2025, 9, 1)), 61, as_of);
  EXPECT_EQ(t.count(task_figure::assigned), 9'831U);
  const auto share = [&](task_figure f, int decimals) {
    return format_rate(t.rate_of(f, task_figure::assigned), decimals, rounding::truncate,
                       language::en);
  };
  EXPECT_EQ(share(task_figure::completed, 1), "82.9%");
  EXPECT_EQ(share(task_figure::not_yet_due, 2), "16.47%");
  EXPECT_EQ(share(task_figure::overdue, 2), "0.62%");
  EXPECT_EQ(format_rate(t.rate_of(task_figure::not_yet_due, task_figure::assigned), 2,
                        rounding::half_away_from_zero, language::en),
            "16.48%");
  EXPECT_EQ(describe_tasks(t, language::en, {.completion_rate = true}),
            "Completed 8,150/9,831 tasks (82.9% of 9,831 assigned)");
}

// baomoi.com, "Tổ công tác của Thủ tướng làm việc với Văn phòng Chính phủ": "đã có 2.723 nhiệm
// vụ đến hạn phải hoàn thành, trong đó có 2.501 nhiệm vụ đã hoàn thành (chiếm 91,8%), còn 222
// nhiệm vụ quá hạn": again completed / (completed + overdue).
TEST(task_tally, reproduces_the_government_office_figures_over_tasks_fallen_due) {
  const date as_of = d(2016, 6, 30);
  task_tally t;
  add_times(t, task_due(d(2016, 5, 31), d(2016, 5, 1)), 2'501, as_of);
  add_times(t, task_due(d(2016, 5, 31)), 222, as_of);
  EXPECT_EQ(t.count(task_figure::due_or_completed), 2'723U);
  EXPECT_EQ(format_rate(t.completion_rate(task_basis::due_and_completed), 1, rounding::truncate,
                        language::vi),
            "91,8%");
}

TEST(task_tally, weighted_rates_weigh_each_task) {
  const date a = d(2020, 12, 31);
  task_tally t;
  t.add(task_due(d(2020, 6, 30), d(2020, 6, 1), 3.0), a);
  t.add(task_due(d(2020, 6, 30), std::nullopt, 1.0), a);
  EXPECT_EQ(t.completion_rate(task_basis::due), (rate{1, 2}));
  EXPECT_EQ(t.completion_rate(task_basis::due, true), (rate{3, 4}));
  EXPECT_EQ(describe_tasks(t, language::en, {.completion_rate = true, .weighted = true}),
            "Completed 1/2 tasks (75.0% by weight of 2 assigned)");
  EXPECT_EQ(describe_tasks(t, language::vi, {.completion_rate = true, .weighted = true}),
            "Hoàn thành 1/2 nhiệm vụ (đạt 75,0% theo trọng số trên tổng số 2 nhiệm vụ được giao)");
  EXPECT_DOUBLE_EQ(t.weight(task_figure::overdue), 1.0);
}

// Every assigned task is in exactly one of on time, late, overdue and not yet due, and the
// tallies of a plan's collectives add up to its whole, on random plans at random dates.
TEST(task_tally, figures_partition_the_assigned_tasks_on_random_plans) {
  for (std::uint64_t seed = 1; seed <= 40; ++seed) {
    const plan p = goaltrack_test::random_plan(seed);
    goaltrack_test::random_source r(seed);
    const date as_of = goaltrack_test::detail::random_date(r);
    task_tally all;
    for (const task& tk : p.tasks()) all.add(tk, as_of);
    EXPECT_EQ(all.count(task_figure::assigned),
              all.count(task_figure::completed_on_time) + all.count(task_figure::completed_late) +
                  all.count(task_figure::overdue) + all.count(task_figure::not_yet_due));
    EXPECT_EQ(all.count(task_figure::due),
              all.count(task_figure::due_completed) + all.count(task_figure::overdue));
    EXPECT_LE(all.count(task_figure::completed_late), all.count(task_figure::due_completed));
    const evaluation ev = evaluate(p, as_of);
    task_tally roots;
    for (const collective_result& c : ev.collectives()) {
      if (!p.org().parent(c.collective)) roots.add(c.subtree_tasks);
    }
    EXPECT_EQ(roots.count(task_figure::assigned), all.count(task_figure::assigned)) << seed;
    EXPECT_EQ(roots.count(task_figure::overdue), all.count(task_figure::overdue)) << seed;
  }
}

TEST(task_tally, codes_round_trip_and_unknown_ones_are_named) {
  EXPECT_EQ(parse_task_figure(to_string(task_figure::due_or_completed)),
            task_figure::due_or_completed);
  EXPECT_EQ(parse_task_basis("due_and_completed"), task_basis::due_and_completed);
  EXPECT_THROW(parse_task_figure("late"), parse_error);
}

}  // namespace
}  // namespace goaltrack
