// End-to-end test of the origin document (examples/annual_review): builds the plan of
// the article's review, evaluates it, and checks every fact of the article's table
// "Facts the library must express", then the review text in both languages.
#include "origin_review.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <initializer_list>
#include <string>
#include <string_view>

namespace origin {
namespace {

namespace gt = goaltrack;
using gt::language;
using gt::make_date;
using gt::target_status;

class origin_review_test : public ::testing::Test {
 protected:
  [[nodiscard]] gt::target_id target(std::string_view code) const {
    return plan_.find_target(code).value();
  }
  [[nodiscard]] gt::program_id program(std::string_view code) const {
    return plan_.find_program(code).value();
  }
  [[nodiscard]] gt::collective_id collective(std::string_view code) const {
    return plan_.org().collective(code);
  }
  [[nodiscard]] gt::rating_level level(std::string_view code) const {
    return plan_.get(plan_.find_scale(codes::scale).value()).level(code);
  }

  gt::plan plan_ = build_origin_plan();
  gt::evaluation review_ = evaluate_review(plan_);
  gt::evaluation follow_up_ = evaluate_follow_up(plan_);
};

// Each phrase must appear in the text.
void expect_phrases(const std::string& text, std::initializer_list<std::string_view> phrases) {
  for (const std::string_view phrase : phrases) {
    EXPECT_NE(text.find(phrase), std::string::npos) << "missing: " << phrase << "\nin:\n" << text;
  }
}

TEST_F(origin_review_test, reviews_the_year2020_on_the_conference_day) {
  // The headline says "năm 2021"; the body reviews 2020 on 21 January 2021.
  EXPECT_EQ(review_.as_of(), make_date(2021, 1, 21));
  EXPECT_EQ(review_period().to_string(), "2020");
  EXPECT_EQ(plan_period().to_string(), "2021");
  EXPECT_EQ(follow_up_.as_of(), make_date(2021, 12, 31));
}

TEST_F(origin_review_test, department_completed_fifteen_of_fifteen_and_two_supplementary_tasks) {
  const gt::task_tally& tasks = review_.collective(collective(codes::department)).own_tasks;
  EXPECT_EQ(tasks.count(gt::task_figure::planned), 15U);
  EXPECT_EQ(tasks.count(gt::task_figure::planned_completed), 15U);
  EXPECT_EQ(tasks.count(gt::task_figure::supplementary), 2U);
  EXPECT_EQ(tasks.count(gt::task_figure::supplementary_completed), 2U);
  EXPECT_EQ(tasks.count(gt::task_figure::cancelled), 0U);
  EXPECT_EQ(gt::describe_tasks(tasks, language::vi),
            "Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung");
  EXPECT_EQ(gt::describe_tasks(tasks, language::en),
            "Completed 15/15 tasks and 2 supplementary tasks");
}

TEST_F(origin_review_test, fewer_tasks_were_completed_earlier_in_the_year) {
  const gt::evaluation mid_year = gt::evaluate(plan_, make_date(2020, 6, 30));
  const gt::task_tally& june = mid_year.collective(collective(codes::department)).own_tasks;
  EXPECT_EQ(june.count(gt::task_figure::planned), 15U);
  EXPECT_EQ(june.count(gt::task_figure::planned_completed),
            2U);  // NV-01 (28 February) and NV-11 (31 May)
  EXPECT_EQ(june.count(gt::task_figure::supplementary_completed), 2U);  // both Covid-19 tasks
  EXPECT_EQ(gt::describe_tasks(june, language::vi),
            "Hoàn thành 2/15 nhiệm vụ và 2 nhiệm vụ bổ sung");

  const gt::evaluation january = gt::evaluate(plan_, make_date(2020, 1, 31));
  const gt::task_tally& jan = january.collective(collective(codes::department)).own_tasks;
  EXPECT_EQ(jan.count(gt::task_figure::planned_completed), 0U);
  EXPECT_EQ(jan.count(gt::task_figure::supplementary), 2U);
  EXPECT_EQ(jan.count(gt::task_figure::supplementary_completed), 0U);
}

TEST_F(origin_review_test, action_programs_roll_up_over_their_cascade) {
  const gt::program& p190 = plan_.get(program(codes::program_190));
  const gt::program& p02 = plan_.get(program(codes::program_02));
  EXPECT_EQ(p190.number, "190-CTr/TU");
  EXPECT_EQ(p190.issuer, "Tỉnh ủy");
  EXPECT_EQ(p02.number, "02/CTr-UBND");
  EXPECT_EQ(p02.issuer, "UBND tỉnh");
  EXPECT_EQ(plan_.get(program(codes::department_plan_190)).parent, program(codes::program_190));
  EXPECT_EQ(plan_.get(program(codes::department_plan_02)).parent, program(codes::program_02));

  // The provincial programs have no tasks of their own: the department's plans carry them.
  const gt::program_result& r190 = review_.program(program(codes::program_190));
  const gt::program_result& r02 = review_.program(program(codes::program_02));
  EXPECT_EQ(r190.own_tasks.count(gt::task_figure::planned) +
                r190.own_tasks.count(gt::task_figure::supplementary),
            0U);
  EXPECT_EQ(r190.cascade_tasks.count(gt::task_figure::planned), 7U);
  EXPECT_EQ(r190.cascade_tasks.count(gt::task_figure::planned_completed), 7U);
  EXPECT_EQ(r02.cascade_tasks.count(gt::task_figure::planned), 8U);
  EXPECT_EQ(r02.cascade_tasks.count(gt::task_figure::planned_completed), 8U);
  EXPECT_EQ(r02.cascade_tasks.count(gt::task_figure::supplementary_completed), 2U);
  EXPECT_EQ(r02.cascade_tasks, review_.program(program(codes::department_plan_02)).own_tasks);

  gt::task_tally both = r190.cascade_tasks;
  both.add(r02.cascade_tasks);
  EXPECT_EQ(both, review_.collective(collective(codes::department)).own_tasks);

  // Program 02's cascade holds the three 2020 education targets, all achieved.
  EXPECT_EQ(r02.cascade_targets.statuses.total(), 3U);
  EXPECT_EQ(r02.cascade_targets.statuses[target_status::achieved], 3U);
  EXPECT_DOUBLE_EQ(r02.cascade_targets.mean_progress().value(), 1.0);
  EXPECT_EQ(r190.cascade_targets.statuses.total(), 0U);
}

TEST_F(origin_review_test, school_network_removed_ninety_eight_sites) {
  const gt::target t = plan_.get(target(codes::school_sites));
  EXPECT_EQ(t.kind, gt::target_kind::quantity);
  EXPECT_EQ(t.goal, gt::goal_kind::decrease_by);
  EXPECT_TRUE(t.whole_numbers);
  const gt::target_result r = review_.target(target(codes::school_sites));
  ASSERT_TRUE(r.actual);
  EXPECT_DOUBLE_EQ(*r.actual, 948);
  EXPECT_DOUBLE_EQ(t.baseline.value() - *r.actual, 98);
  EXPECT_DOUBLE_EQ(r.progress.value(), 1.0);
  EXPECT_EQ(r.status, target_status::achieved);

  // Mid-year, 34 of 98 were removed while half the year had passed: at risk.
  const gt::target_result june =
      gt::evaluate(plan_, make_date(2020, 6, 30)).target(target(codes::school_sites));
  EXPECT_NEAR(june.progress.value(), 34.0 / 98.0, 1e-12);
  EXPECT_EQ(june.status, target_status::at_risk);
}

TEST_F(origin_review_test, prize_winners_are_counted_over_the_school_year) {
  const gt::target t = plan_.get(target(codes::prize_winners));
  EXPECT_EQ(t.span.kind(), gt::period_kind::school_year);
  EXPECT_EQ(t.span.to_string(), "2019-2020");
  const gt::target_result r = review_.target(target(codes::prize_winners));
  EXPECT_DOUBLE_EQ(r.actual.value(), 623);
  EXPECT_EQ(r.actual_date, make_date(2020, 5, 31));
  EXPECT_EQ(r.status, target_status::achieved);
}

TEST_F(origin_review_test, upper_secondary_transition_is_a_ratio) {
  const gt::target_result r = review_.target(target(codes::upper_secondary));
  EXPECT_DOUBLE_EQ(r.numerator.value(), 7412);
  EXPECT_DOUBLE_EQ(r.denominator.value(), 12757);
  EXPECT_NEAR(r.actual.value(), 0.581, 5e-4);
  EXPECT_DOUBLE_EQ(*r.actual, 7412.0 / 12757.0);
  EXPECT_EQ(gt::format_percent(*r.actual, 1, language::vi), "58,1%");
  EXPECT_EQ(gt::format_percent(*r.actual, 1, language::en), "58.1%");
  EXPECT_EQ(r.status, target_status::achieved);
}

TEST_F(origin_review_test, tet_fund_raised_nearly_forty_seven_million) {
  const gt::target t = plan_.get(target(codes::tet_fund));
  EXPECT_EQ(t.kind, gt::target_kind::money);
  EXPECT_EQ(t.currency, "VND");
  const gt::target_result r = review_.target(target(codes::tet_fund));
  ASSERT_TRUE(r.actual);
  EXPECT_DOUBLE_EQ(*r.actual, 46'850'000);
  const auto amount = static_cast<std::int64_t>(*r.actual);
  EXPECT_EQ(gt::approximate_money(amount, t.currency, language::vi), "gần 47 triệu đồng");
  EXPECT_EQ(gt::approximate_money(amount, t.currency, language::en), "nearly 47 million VND");
  EXPECT_EQ(gt::format_money(amount, t.currency, language::vi), "46.850.000 đồng");
  EXPECT_EQ(r.status, target_status::achieved);
}

TEST_F(origin_review_test, dropout_is_a_direction_target_judged_by_its_trend) {
  const gt::target t = plan_.get(target(codes::dropout));
  EXPECT_EQ(t.kind, gt::target_kind::direction);
  EXPECT_EQ(t.wanted, gt::trend::decrease);
  // One measurement in 2021 by the review: no trend yet.
  EXPECT_EQ(review_.target(target(codes::dropout)).status, target_status::no_data);
  // The follow-up is a year-end review (policy_preset "year_end_review"): on 31 December
  // the falling trend is achieved; the default policy still reads it as on track that day.
  const gt::target_result r = follow_up_.target(target(codes::dropout));
  EXPECT_EQ(r.status, target_status::achieved);
  EXPECT_EQ(gt::evaluate(plan_, make_date(2021, 12, 31)).target(target(codes::dropout)).status,
            target_status::on_track);
  EXPECT_DOUBLE_EQ(r.actual.value(), 0.0136);
  EXPECT_FALSE(r.progress);
  // Once 2021 is over, a falling trend is achieved.
  EXPECT_EQ(gt::evaluate(plan_, make_date(2022, 1, 1)).target(target(codes::dropout)).status,
            target_status::achieved);

  // A rising last figure turns the trend: the year ends missed.
  gt::plan rising = plan_;
  rising.add_measurement({target(codes::dropout), make_date(2021, 12, 31), 0.03, 1, "", ""});
  EXPECT_EQ(gt::evaluate(rising, make_date(2022, 1, 1)).target(target(codes::dropout)).status,
            target_status::missed);
}

TEST_F(origin_review_test, happy_school_is_a_milestone_with_a_checklist) {
  const gt::target t = plan_.get(target(codes::happy_school));
  EXPECT_EQ(t.kind, gt::target_kind::milestone);
  ASSERT_EQ(t.checklist.size(), 4U);
  EXPECT_EQ(review_.target(target(codes::happy_school)).status, target_status::no_data);

  const gt::target_result september =
      gt::evaluate(plan_, make_date(2021, 9, 30)).target(target(codes::happy_school));
  EXPECT_DOUBLE_EQ(september.actual.value(), 3);
  EXPECT_DOUBLE_EQ(september.progress.value(), 0.75);
  EXPECT_EQ(september.status, target_status::on_track);

  const gt::target_result december = follow_up_.target(target(codes::happy_school));
  EXPECT_DOUBLE_EQ(december.actual.value(), 4);
  EXPECT_DOUBLE_EQ(december.progress.value(), 1.0);
  EXPECT_EQ(december.status, target_status::achieved);
}

TEST_F(origin_review_test, one_collective_and_twelve_individuals_were_rated_excellent) {
  const excellent_count n = count_excellent(plan_, review_);
  EXPECT_EQ(n.collectives, 1U);
  EXPECT_EQ(n.individuals, 12U);

  // The round was decided on 15 January 2021: an evaluation before it sees no ratings.
  const gt::evaluation before = gt::evaluate(plan_, make_date(2021, 1, 14), review_policy(plan_));
  const excellent_count none = count_excellent(plan_, before);
  EXPECT_EQ(none.collectives, 0U);
  EXPECT_EQ(none.individuals, 0U);

  // Without the summary in its policy, an evaluation cannot tell.
  EXPECT_THROW((void)count_excellent(plan_, gt::evaluate(plan_, review_date())), gt::not_found);
}

TEST_F(origin_review_test, targets_for2021_are_met_in_the_december_round) {
  const gt::target members = plan_.get(target(codes::members_good));
  EXPECT_EQ(members.kind, gt::target_kind::member_share);
  EXPECT_EQ(members.rating.scope, gt::rating_scope::subtree);
  EXPECT_EQ(members.rating.level, level("good"));
  EXPECT_EQ(members.rating.required_share, gt::share::percent(100));
  const gt::target cells = plan_.get(target(codes::cells_good));
  EXPECT_EQ(cells.kind, gt::target_kind::collective_count);
  EXPECT_TRUE(cells.rating.all);
  EXPECT_EQ(cells.rating.counted_kind, codes::cell_kind);
  EXPECT_EQ(cell_count(plan_), 5U);

  // At the review, 2021's round is not decided.
  EXPECT_EQ(review_.target(target(codes::members_good)).status, target_status::no_data);
  EXPECT_EQ(review_.target(target(codes::cells_good)).status, target_status::no_data);

  const gt::target_result m = follow_up_.target(target(codes::members_good));
  EXPECT_EQ(m.status, target_status::achieved);
  EXPECT_DOUBLE_EQ(m.actual.value(), 1.0);
  EXPECT_DOUBLE_EQ(m.numerator.value(), 36);
  EXPECT_DOUBLE_EQ(m.denominator.value(), 36);
  const gt::target_result c = follow_up_.target(target(codes::cells_good));
  EXPECT_EQ(c.status, target_status::achieved);
  EXPECT_DOUBLE_EQ(c.numerator.value(), 5);
  EXPECT_DOUBLE_EQ(c.denominator.value(), 5);

  const gt::program_result& directions = follow_up_.program(program(codes::plan_2021));
  EXPECT_EQ(directions.own_targets.statuses.total(), 4U);
  EXPECT_EQ(directions.own_targets.statuses[target_status::achieved], 4U);
}

TEST_F(origin_review_test, one_member_below_good_misses_the_share_but_not_the_cells) {
  gt::plan changed = plan_;
  const gt::round_id round =
      changed.find_round(changed.find_scale(codes::scale).value(), plan_period()).value();
  changed.rate(round, changed.org().member("DV-36"), level("completed"));
  const gt::evaluation after = gt::evaluate(changed, make_date(2022, 1, 1));
  const gt::target_result m = after.target(target(codes::members_good));
  EXPECT_EQ(m.status, target_status::missed);
  EXPECT_DOUBLE_EQ(m.numerator.value(), 35);
  // The cells are rated on their own: still 5/5 "good or above", one of them excellent.
  EXPECT_EQ(after.target(target(codes::cells_good)).status, target_status::achieved);
  const std::string text = render_review(changed, language::vi);
  // On 31 December the round is decided and the year closed: missed, not "on track".
  expect_phrases(text, {"Đảng viên hoàn thành tốt nhiệm vụ: 97,2% (35/36) — không đạt"});
}

TEST_F(origin_review_test, vietnamese_review_states_every_fact) {
  const std::string text = render_review(plan_, review_, follow_up_, language::vi);
  expect_phrases(
      text, {
                "Đảng bộ Sở GD-ĐT: tổng kết công tác Đảng năm 2020",
                "Hội nghị ngày 21 tháng 01 năm 2021",
                "Chương trình hành động số 190-CTr/TU của Tỉnh ủy: hoàn thành 7/7 nhiệm vụ",
                "Chương trình hành động số 02/CTr-UBND của UBND tỉnh: hoàn thành 8/8 nhiệm vụ và 2 "
                "nhiệm vụ bổ sung",
                "Sở GD-ĐT: hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung",
                "giảm 98 điểm trường (từ 1.046 xuống 948) — đạt",
                "(năm học 2019-2020): 623 học sinh — đạt",
                "58,1% (7.412/12.757) — đạt",
                "1 tập thể và 12 cá nhân hoàn thành xuất sắc nhiệm vụ năm 2020",
                "gần 47 triệu đồng (46.850.000 đồng) — đạt",
                "Giảm hiện tượng học sinh bỏ học ở vùng cao, vùng khó khăn",
                "Nhân rộng Mô hình “Trường học hạnh phúc”",
                "phấn đấu 100% được xếp loại hoàn thành tốt nhiệm vụ trở lên",
                "phấn đấu 5/5 chi bộ được xếp loại hoàn thành tốt nhiệm vụ trở lên",
                "Kết quả năm 2021 (đánh giá ngày 31 tháng 12 năm 2021)",
                "1,36% (31/12/2021), giảm từ 1,85% (15/01/2021) — đạt",
                "4/4 bước — đạt",
                "Đảng viên hoàn thành tốt nhiệm vụ: 100% (36/36) — đạt",
                "Chi bộ đạt tập thể hoàn thành tốt nhiệm vụ trở lên: 5/5 chi bộ — đạt",
            });
  EXPECT_EQ(text, render_review(plan_, language::vi));
}

TEST_F(origin_review_test, english_review_states_every_fact) {
  const std::string text = render_review(plan_, review_, follow_up_, language::en);
  expect_phrases(
      text, {
                "review of the Party's work in 2020 and directions for 2021",
                "Conference of 21 January 2021",
                "Action Program No. 190-CTr/TU of the Provincial Party Committee (Tỉnh ủy): "
                "completed 7/7 tasks",
                "Action Program No. 02/CTr-UBND of the Provincial People's Committee (UBND tỉnh): "
                "completed 8/8 tasks and 2 supplementary tasks",
                "(Sở GD-ĐT): completed 15/15 tasks and 2 supplementary tasks",
                "down by 98 school sites (from 1,046 to 948) — achieved",
                "(the 2019-2020 school year): 623 students — achieved",
                "58.1% (7,412/12,757) — achieved",
                "1 collective and 12 individuals rated “excellently completed tasks” for 2020",
                "nearly 47 million VND (46,850,000 VND) — achieved",
                "aim for 100% rated “well completed tasks” or above",
                "aim for 5/5 cells rated “well completed tasks” or above",
                "1.36% (31/12/2021), down from 1.85% (15/01/2021) — achieved",
                "4/4 steps — achieved",
                "Party members rated well completed: 100% (36/36) — achieved",
                "Cells rated well completed or above: 5/5 cells — achieved",
            });
  EXPECT_EQ(text.find("Hoàn thành 15/15"), std::string::npos);
  EXPECT_EQ(text, render_review(plan_, language::en));
}

TEST_F(origin_review_test, the_review_document_traces_each_figure_and_needs_no_fallback) {
  const gt::document en = review_document(plan_, review_, follow_up_, language::en);
  EXPECT_TRUE(en.fallbacks.empty()) << "an entity has no English label";
  const gt::document vi = review_document(plan_, review_, follow_up_, language::vi);
  EXPECT_TRUE(vi.fallbacks.empty());  // the plan's own names are Vietnamese
  bool sites = false;
  for (const gt::figure& f : vi.figures()) {
    if (f.entity == gt::entity_ref(target(codes::school_sites)) && f.value == "actual") {
      EXPECT_EQ(f.text, "948");
      EXPECT_DOUBLE_EQ(f.number.value(), 948);
      sites = true;
    }
  }
  EXPECT_TRUE(sites) << "no figure of the school sites' actual";
  EXPECT_EQ(gt::render_text(vi), render_review(plan_, review_, follow_up_, language::vi));
}

// The README's first command runs `goaltrack report` on this folder: it must be the plan.
TEST_F(origin_review_test, the_shipped_csv_folder_is_the_origin_plan) {
  const auto folder = std::filesystem::path(__FILE__).parent_path().parent_path() / "examples" /
                      "annual_review" / "data";
  EXPECT_TRUE(gt::import_csv(folder) == plan_)
      << "regenerate it: annual_review --csv examples/annual_review/data";
}

TEST_F(origin_review_test, changed_figures_change_the_text) {
  gt::plan changed = plan_;
  // Corrections dated the same day as the figures they replace: the later row wins.
  changed.add_measurement(
      {target(codes::school_sites), make_date(2020, 12, 31), 950, 1, "", "đính chính"});
  changed.add_measurement({target(codes::prize_winners), make_date(2020, 5, 31), 640, 1, "", ""});
  changed.add_measurement(
      {target(codes::upper_secondary), make_date(2020, 8, 15), 7100, 12757, "", ""});
  changed.add_measurement({target(codes::tet_fund), make_date(2021, 1, 21), 45'200'000, 1, "", ""});
  const gt::round_id round_2020 =
      changed.find_round(changed.find_scale(codes::scale).value(), review_period()).value();
  changed.rate(round_2020, changed.org().member("DV-36"), level("excellent"));

  const std::string vi = render_review(changed, language::vi);
  expect_phrases(vi, {
                         "giảm 96 điểm trường (từ 1.046 xuống 950) — không đạt",
                         "640 học sinh — đạt",
                         "55,7% (7.100/12.757) — đạt",
                         "hơn 45 triệu đồng (45.200.000 đồng) — đạt",
                         "1 tập thể và 13 cá nhân",
                     });
  for (const std::string_view old :
       {"giảm 98 điểm trường", "623 học sinh", "58,1%", "gần 47 triệu", "12 cá nhân"}) {
    EXPECT_EQ(vi.find(old), std::string::npos) << "still there: " << old;
  }
  const std::string en = render_review(changed, language::en);
  expect_phrases(
      en, {"down by 96 school sites (from 1,046 to 950) — missed", "55.7%", "over 45 million VND"});
  EXPECT_NE(vi, render_review(plan_, language::vi));
}

}  // namespace
}  // namespace origin
