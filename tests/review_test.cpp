#include "goaltrack/review.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <string>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/report.hpp"

namespace goaltrack {
namespace {

date d(int y, int m, int day) { return make_date(y, m, day); }

// A province with two districts: enrolment targets for 2020 and 2021 of one indicator in
// each district, a vaccination ratio, a fund, a checklist, and tasks due mid-year, one of
// them overdue. English labels for the province and one district only.
class review_test : public ::testing::Test {
 protected:
  void SetUp() override {
    province = p.org().add_collective("TINH", "Tỉnh", "province");
    north = p.org().add_collective("BAC", "Huyện Bắc", "district", province);
    south = p.org().add_collective("NAM", "Huyện Nam", "district", province);
    plan_2021 = p.add_program(
        {"KH-2021", "", "", "Kế hoạch năm 2021", period::year(2021), province, std::nullopt});
    for (const auto& [owner, code] : {std::pair{north, "BAC"}, std::pair{south, "NAM"}}) {
      for (const int year : {2020, 2021}) {
        const target_id t =
            p.add_target(target::quantity("TRE-" + std::string(code) + "-" + std::to_string(year),
                                          "Huy động trẻ", owner, period::year(year))
                             .at_least(200)
                             .counting("trẻ")
                             .measuring("enrolled")
                             .in_program(plan_2021));
        p.add_measurement({t, d(year, 6, 30), year == 2020 ? 80.0 : 120.0, 1, "", ""});
      }
    }
    coverage = p.add_target(target::ratio("TIEM", "Tiêm chủng", south, period::year(2021))
                                .at_least(0.95)
                                .in_program(plan_2021));
    p.add_measurement({coverage, d(2021, 6, 30), 300, 1000, "", ""});
    fund = p.add_target(
        target::money("QUY", "Quỹ khuyến học", province, period::year(2021), "VND").at_least(5e8));
    p.add_measurement({fund, d(2021, 5, 1), 48'500'000'000, 1, "", ""});
    steps = p.add_target(target::milestone("BUOC", "Xây trường", north, period::year(2021),
                                           {"Thiết kế", "Thi công", "Nghiệm thu"}));
    p.add_measurement({steps, d(2021, 4, 1), 1, 1, "", ""});
    task late;
    late.code = "NV-1";
    late.title = "Báo cáo quý";
    late.program = plan_2021;
    late.owner = north;
    late.deadline = d(2021, 5, 31);
    late.history = {{d(2021, 1, 5), task_status::in_progress}};
    task done = late;
    done.code = "NV-2";
    done.title = "Kiểm tra";
    done.owner = south;
    done.history = {{d(2021, 1, 5), task_status::in_progress},
                    {d(2021, 3, 1), task_status::completed}};
    p.add_tasks(std::vector<task>{late, done});
    p.add_labels(std::vector<entity_label>{{province, {}, {}, {}, language::en, "Province"},
                                           {north, {}, {}, {}, language::en, "North District"}});
  }
  [[nodiscard]] target_id target_of(const std::string& code) const {
    return p.find_target(code).value();
  }
  static bool has(const std::string& text, const std::string& phrase) {
    return text.find(phrase) != std::string::npos;
  }
  plan p;
  collective_id province, north, south;
  program_id plan_2021;
  target_id coverage, fund, steps;
};

TEST_F(review_test, review_spans_follow_the_as_of_date) {
  EXPECT_EQ(review_span(review_kind::annual, d(2021, 1, 21)), period::year(2020));
  EXPECT_EQ(review_span(review_kind::annual, d(2021, 12, 31)), period::year(2021));
  EXPECT_EQ(review_span(review_kind::midyear, d(2021, 7, 5)), period::half_year(2021, 1));
  EXPECT_EQ(review_span(review_kind::quarterly, d(2021, 3, 31)), period::quarter(2021, 1));
  EXPECT_EQ(review_span(review_kind::quarterly, d(2021, 4, 1)), period::quarter(2021, 2));
  EXPECT_EQ(review_span(review_kind::comparison, d(2021, 7, 1)), period::year(2021));
  EXPECT_EQ(parse_review_kind("midyear"), review_kind::midyear);
  EXPECT_EQ(to_string(review_kind::comparison), "comparison");
  EXPECT_THROW((void)parse_review_kind("weekly"), parse_error);
}

TEST_F(review_test, periods_are_named_as_each_language_writes_them) {
  EXPECT_EQ(format_period(period::year(2020), language::vi), "năm 2020");
  EXPECT_EQ(format_period(period::quarter(2021, 1), language::vi), "quý I năm 2021");
  EXPECT_EQ(format_period(period::quarter(2021, 4), language::en), "the fourth quarter of 2021");
  EXPECT_EQ(format_period(period::half_year(2021, 1), language::vi), "6 tháng đầu năm 2021");
  EXPECT_EQ(format_period(period::half_year(2021, 2), language::en), "the second half of 2021");
  EXPECT_EQ(format_period(period::month(2021, 3), language::en), "March 2021");
  EXPECT_EQ(format_period(period::school_year(2019), language::vi), "năm học 2019-2020");
  EXPECT_EQ(format_period(period::between(d(2021, 1, 21), d(2021, 2, 10)), language::vi),
            "từ 21/01/2021 đến 10/02/2021");
  EXPECT_EQ(format_period(period::between(d(2021, 1, 21), d(2021, 1, 21)), language::en),
            "21 January 2021");
  EXPECT_EQ(format_period(period::fiscal_year(2021, 4), language::en),
            "the fiscal year 1 April 2021 - 31 March 2022");
}

TEST_F(review_test, a_midyear_review_shows_pace_shortcomings_and_what_is_left) {
  const evaluation ev = evaluate(p, d(2021, 6, 30));
  const document doc = midyear_review(p, ev);
  const std::string text = render_text(doc);
  EXPECT_EQ(doc.title, "Báo cáo sơ kết 6 tháng đầu năm 2021") << text;
  // 120 of 200 children by 30 June: 60% against 50% of the year elapsed.
  EXPECT_TRUE(
      has(text,
          "Huy động trẻ (Huyện Bắc, năm 2021): 120 trẻ; tiến độ 60%, kế hoạch đến nay 49,6% — đúng "
          "tiến độ."))
      << text;
  EXPECT_TRUE(has(text, "Tiêm chủng (Huyện Nam, năm 2021): 30% (300/1.000)")) << text;
  EXPECT_TRUE(has(text, "Xây trường (Huyện Bắc, năm 2021): 1/3 bước")) << text;
  EXPECT_TRUE(has(text, "Nhiệm vụ quá hạn: Báo cáo quý (hạn 31/05/2021).")) << text;
  EXPECT_TRUE(has(text,
                  "Huyện Bắc: hoàn thành 0/1 nhiệm vụ; trong số nhiệm vụ đã đến hạn, hoàn "
                  "thành 0,0%; 1 nhiệm vụ quá hạn."))
      << text;
  EXPECT_TRUE(has(text, "Nhiệm vụ thời gian còn lại")) << text;
  EXPECT_FALSE(has(text, "2020")) << "last year's targets are not this half's";
  EXPECT_TRUE(doc.fallbacks.empty());  // Vietnamese names in a Vietnamese review
}

TEST_F(review_test, an_english_review_lists_the_entities_without_an_english_name) {
  review_options options;
  options.lang = language::en;
  const document doc = midyear_review(p, evaluate(p, d(2021, 6, 30)), options);
  const std::string text = render_text(doc);
  EXPECT_TRUE(
      has(text, "North District: completed 0/1 task; of those fallen due, 0.0% were completed"))
      << text;
  EXPECT_TRUE(has(text, "Huyện Nam: completed 1/1 task.")) << text;
  EXPECT_TRUE(has(text,
                  "Quỹ khuyến học (Province, 2021): nearly 49 billion VND (48,500,000,000 VND) — "
                  "achieved."))
      << text;
  const auto falls_back = [&](const entity_ref& e) {
    return std::find(doc.fallbacks.begin(), doc.fallbacks.end(), e) != doc.fallbacks.end();
  };
  EXPECT_TRUE(falls_back(south));
  EXPECT_TRUE(falls_back(fund));
  EXPECT_TRUE(falls_back(target_of("TRE-BAC-2021")));  // its title, and its unit "trẻ"
  EXPECT_FALSE(falls_back(north));
  EXPECT_FALSE(falls_back(province));
}

TEST_F(review_test, a_subject_limits_the_review_to_its_subtree) {
  review_options options;
  options.subject = north;
  const document doc = quarterly_review(p, evaluate(p, d(2021, 6, 30)), options);
  const std::string text = render_text(doc);
  EXPECT_EQ(doc.title, "Huyện Bắc: báo cáo quý II năm 2021");
  EXPECT_TRUE(has(text, "Xây trường")) << text;
  EXPECT_FALSE(has(text, "Tiêm chủng")) << "a target of the other district";
  EXPECT_FALSE(has(text, "Huyện Nam")) << text;
  EXPECT_FALSE(has(text, "Quỹ khuyến học")) << "the province's own target";
  options.subject = collective_id(99);
  EXPECT_THROW((void)quarterly_review(p, evaluate(p, d(2021, 6, 30)), options), not_found);
}

TEST_F(review_test, a_quarterly_review_tabulates_the_targets) {
  const document doc = quarterly_review(p, evaluate(p, d(2021, 6, 30)));
  ASSERT_FALSE(doc.sections.empty());
  const auto* t = std::get_if<table>(&doc.sections.front().blocks.front());
  ASSERT_NE(t, nullptr);
  EXPECT_EQ(t->header.size(), 6U);
  ASSERT_EQ(t->rows.size(), 5U);  // two enrolments, the ratio, the fund, the checklist
  EXPECT_EQ(t->rows[0][2].text(), "120 trẻ");
  EXPECT_EQ(t->rows[0][3].text(), "60%");
  EXPECT_EQ(t->rows[2][5].text(), "có nguy cơ chậm");  // 30% of 95% by mid-year
}

TEST_F(review_test, a_list_limit_counts_the_rest) {
  review_options options;
  options.list_limit = 2;
  const std::string text = render_text(midyear_review(p, evaluate(p, d(2021, 6, 30)), options));
  EXPECT_TRUE(has(text, "… và 3 chỉ tiêu khác")) << text;
  options.lang = language::en;
  const document doc = quarterly_review(p, evaluate(p, d(2021, 6, 30)), options);
  EXPECT_EQ(std::get<table>(doc.sections.front().blocks.front()).rows.size(), 2U);
  EXPECT_TRUE(has(render_text(doc), "… and 3 more targets"));
}

TEST_F(review_test, a_comparison_matches_last_years_target_by_indicator) {
  const evaluation now = evaluate(p, d(2021, 6, 30));
  const evaluation before = evaluate(p, d(2020, 6, 30));
  const document doc = comparison_review(p, now, before);
  const std::string text = render_text(doc);
  EXPECT_EQ(doc.title, "So sánh ngày 30/06/2021 với ngày 30/06/2020, năm 2021");
  const auto& t = std::get<table>(doc.sections.front().blocks.front());
  EXPECT_EQ(t.header[1], "30/06/2020");
  EXPECT_EQ(t.rows[0][0].text(), "Huy động trẻ");
  EXPECT_EQ(t.rows[0][1].text(), "80 trẻ");  // TRE-BAC-2020 as of 30 June 2020
  EXPECT_EQ(t.rows[0][2].text(), "120 trẻ");
  EXPECT_EQ(t.rows[0][3].text(), "+40 trẻ");
  EXPECT_EQ(t.rows[2][1].text(), "—");  // the ratio has no counterpart
  EXPECT_TRUE(has(text, "Huyện Nam: nhiệm vụ hoàn thành 1/1 ngày 30/06/2021 (0/1 ngày 30/06/2020)"))
      << text;
}

TEST_F(review_test, an_annual_review_after_the_year_has_no_pace_and_names_the_misses) {
  const evaluation ev = evaluate(p, d(2022, 1, 15));
  review_options options;
  options.lang = language::en;
  const std::string text = render_text(annual_review(p, ev, options));
  EXPECT_TRUE(has(text, "Annual review of 2021")) << text;
  EXPECT_TRUE(has(text, "4. Shortcomings\n- Huy động trẻ (North District): 120 trẻ — missed."))
      << text;
  EXPECT_TRUE(has(text, "Tiêm chủng (Huyện Nam): 30% (300/1,000) — missed.")) << text;
  EXPECT_FALSE(has(text, "expected by now")) << "the year is over";
}

TEST_F(review_test, the_same_review_renders_identically) {
  const evaluation ev = evaluate(p, d(2021, 6, 30));
  EXPECT_EQ(render_text(midyear_review(p, ev)), render_text(midyear_review(p, ev)));
  EXPECT_EQ(annual_review(p, ev), annual_review(p, ev));
}

TEST_F(review_test, a_target_without_a_title_is_named_by_its_code) {
  p.add_target(target::quantity("T-NO-TITLE", "", north, period::year(2021)).at_least(1));
  const std::string text = render_text(annual_review(p, evaluate(p, d(2022, 1, 15))));
  EXPECT_TRUE(has(text, "- T-NO-TITLE (Huyện Bắc) — chưa có số liệu.")) << text;
}

TEST_F(review_test, an_evaluation_of_another_plan_is_refused) {
  plan other;
  EXPECT_THROW((void)annual_review(p, evaluate(other, d(2021, 6, 30))), invalid_argument);
}

// The charts of a document, in reading order.
std::vector<chart> charts_of(const document& doc) {
  std::vector<chart> out;
  const auto walk = [&](const section& s, const auto& self) -> void {
    for (const block& b : s.blocks) {
      if (const auto* c = std::get_if<chart>(&b)) out.push_back(*c);
    }
    for (const section& sub : s.sections) self(sub, self);
  };
  for (const section& s : doc.sections) walk(s, walk);
  return out;
}

TEST_F(review_test, a_midyear_review_draws_tasks_statuses_per_unit_and_burn_ups) {
  const evaluation ev = evaluate(p, d(2021, 6, 30));
  const std::vector<chart> charts = charts_of(midyear_review(p, ev));
  ASSERT_EQ(charts.size(), 1U + 1U + 5U);  // tasks per program, statuses per unit, 5 burn-ups
  const chart& tasks = charts[0];
  ASSERT_EQ(tasks.categories.size(), 1U);
  EXPECT_EQ(tasks.categories[0].entity, entity_ref(plan_2021));
  ASSERT_EQ(tasks.series.size(), 2U);  // completed on time, overdue: the empty ones left out
  EXPECT_EQ(tasks.series[0].value, "tasks.completed_on_time");
  EXPECT_EQ(tasks.series[1].value, "tasks.overdue");
  EXPECT_EQ(tasks.series[1].colour, builtin_status(target_status::missed).colour);
  // The province's own target (the fund), then each district's subtree.
  const chart& units = charts[1];
  ASSERT_EQ(units.categories.size(), 3U);
  EXPECT_EQ(units.categories[0].label, "Tỉnh (trực tiếp)");
  EXPECT_EQ(units.categories[1].label, "Huyện Bắc");
  double counted = 0;
  for (const chart_series& s : units.series) {
    for (const double v : s.values) counted += v;
  }
  EXPECT_EQ(counted, 5.0);  // the five targets of 2021 (2020's do not overlap the half)
  EXPECT_EQ(units.description.rfind("5 chỉ tiêu: ", 0), 0U) << units.description;
  // The vaccination ratio: a share, its one check-in, expected 0 to 95% over the year.
  const auto ratio = std::find_if(charts.begin(), charts.end(),
                                  [&](const chart& c) { return c.entity == entity_ref(coverage); });
  ASSERT_NE(ratio, charts.end());
  EXPECT_EQ(ratio->kind, chart_kind::burn_up);
  EXPECT_EQ(ratio->unit, "%");
  EXPECT_EQ(ratio->span, period::year(2021));
  ASSERT_EQ(ratio->series[0].points.size(), 1U);
  EXPECT_DOUBLE_EQ(ratio->series[0].points[0].value, 0.3);
  EXPECT_EQ(ratio->series[1].value, "expected");
  EXPECT_EQ(ratio->series[1].points.back(), (chart_point{d(2021, 12, 31), 0.95}));
  EXPECT_EQ(ratio->goal, 0.95);
  EXPECT_TRUE(has(ratio->description, "1 lần cập nhật ngày 30/06/2021; giá trị cuối 30%"))
      << ratio->description;
}

TEST_F(review_test, a_sum_burns_up_as_its_running_total_and_a_checklist_in_steps) {
  p.add_measurement({steps, d(2021, 5, 1), 2, 1, "", ""});
  const target_id flow =
      p.add_target(target::quantity("FLOW", "Học sinh đỗ", north, period::year(2021))
                       .at_least(100)
                       .aggregated_by(aggregation::sum));
  for (const auto& [day, n] : {std::pair{d(2021, 2, 1), 30.0}, std::pair{d(2021, 3, 1), 25.0},
                               std::pair{d(2021, 3, 1), 20.0}, std::pair{d(2021, 7, 1), 9.0}}) {
    p.add_measurement({flow, day, n, 1, "", ""});
  }
  const evaluation ev = evaluate(p, d(2021, 6, 30));
  review_writer w(p, ev, language::en);
  const std::vector<chart> charts = w.burn_ups({flow, steps, fund});
  ASSERT_EQ(charts.size(), 3U);
  // 30, then 30 + 20 (the day's last check-in corrects its first); July is after the date.
  EXPECT_EQ(charts[0].series[0].points,
            (std::vector<chart_point>{{d(2021, 2, 1), 30}, {d(2021, 3, 1), 50}}));
  EXPECT_EQ(charts[1].unit, "steps");
  EXPECT_EQ(charts[1].series[1].points.back().value, 3.0);  // three items
  EXPECT_EQ(charts[2].description,
            "1 check-in on 01/05/2021; last value nearly 49 billion VND (achieved); goal 500 "
            "million VND");
}

TEST_F(review_test, no_chart_without_a_chart_limit_and_every_chart_in_the_html) {
  const evaluation ev = evaluate(p, d(2021, 6, 30));
  review_options options;
  options.chart_limit = 0;
  EXPECT_TRUE(charts_of(midyear_review(p, ev, options)).empty());
  options.chart_limit = 2;
  const document doc = midyear_review(p, ev, options);
  EXPECT_EQ(charts_of(doc).size(), 1U + 1U + 2U);
  const std::string html = render_html(doc);
  std::size_t svgs = 0;
  for (std::size_t at = html.find("<svg "); at != std::string::npos;
       at = html.find("<svg ", at + 1))
    ++svgs;
  EXPECT_EQ(svgs, 4U);
}

}  // namespace
}  // namespace goaltrack
