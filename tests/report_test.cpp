#include "goaltrack/report.hpp"

#include <gtest/gtest.h>

#include <limits>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

TEST(report, numbers_use_each_languages_separators) {
  EXPECT_EQ(format_number(1234.5, 1, language::vi), "1.234,5");
  EXPECT_EQ(format_number(1234.5, 1, language::en), "1,234.5");
  EXPECT_EQ(format_number(-0.04, 1, language::en), "0.0");
  EXPECT_EQ(format_number(-2.5, 0, language::en), "-3");
  EXPECT_EQ(format_number(0.5, 2, language::vi), "0,50");
  EXPECT_EQ(format_count(46850000, language::vi), "46.850.000");
  EXPECT_EQ(format_count(-1234567, language::en), "-1,234,567");
  EXPECT_EQ(format_count(std::numeric_limits<std::int64_t>::min(), language::en),
            "-9,223,372,036,854,775,808");
  EXPECT_THROW(format_number(std::numeric_limits<double>::quiet_NaN(), 1, language::en),
               invalid_argument);
  EXPECT_THROW(format_number(1, 12, language::en), invalid_argument);
}

// Every whole number a plan allows (money up to 2^53 in the smallest unit) is written
// exactly, and rounding is of the decimal a person typed, not of its binary neighbour.
TEST(report, numbers_are_exact_up_to_two_to_the_53_and_round_in_decimal) {
  EXPECT_EQ(format_number(999'999'999'999'999.0, 0, language::en), "999,999,999,999,999");
  EXPECT_EQ(format_number(1'700'000'000'000'003.0, 0, language::en), "1,700,000,000,000,003");
  EXPECT_EQ(format_number(9'007'199'254'740'991.0, 0, language::vi), "9.007.199.254.740.991");
  EXPECT_EQ(format_number(9'007'199'254'740'992.0, 2, language::en), "9,007,199,254,740,992.00");
  EXPECT_EQ(format_number(9'007'199'254'740'994.0, 0, language::en), "9,007,199,254,740,994");
  EXPECT_EQ(format_number(-9'007'199'254'740'991.0, 0, language::en), "-9,007,199,254,740,991");
  EXPECT_EQ(format_number(4'503'599'627'370'495.5, 0, language::en), "4,503,599,627,370,496");
  EXPECT_EQ(format_number(1.005, 2, language::en), "1.01");  // binary 1.00499999999999989...
  EXPECT_EQ(format_number(0.125, 2, language::en), "0.13");  // an exact tie: away from zero
  EXPECT_EQ(format_number(9.995, 2, language::vi), "10,00");
  EXPECT_EQ(format_number(999.96, 1, language::en), "1,000.0");
  EXPECT_EQ(format_number(0.0004, 3, language::en), "0.000");
  EXPECT_EQ(format_number(0.0005, 3, language::en), "0.001");
  EXPECT_EQ(format_number(5e-324, 9, language::en), "0.000000000");
  EXPECT_EQ(format_number(1e21, 0, language::en), "1,000,000,000,000,000,000,000");
  EXPECT_EQ(format_number(0.0, 1, language::vi), "0,0");
  EXPECT_EQ(format_number(-0.0, 0, language::en), "0");
  EXPECT_EQ(format_percent(0.0805, 1, language::en), "8.1%");  // 8.049999... if multiplied
  // Zero shifted keeps no leading zeros (it printed "000%").
  EXPECT_EQ(format_percent(0.0, 0, language::en), "0%");
  EXPECT_EQ(format_percent(-0.0, 1, language::vi), "0,0%");
  EXPECT_EQ(format_percent(0.00001, 0, language::en), "0%");
  EXPECT_EQ(format_percent(1.0, 0, language::en), "100%");
}

TEST(report, dates_as_each_language_writes_them) {
  const date review = make_date(2021, 1, 21);
  EXPECT_EQ(format_date(review, language::vi), "ngày 21 tháng 01 năm 2021");
  EXPECT_EQ(format_date(review, language::en), "21 January 2021");
  EXPECT_EQ(format_date(make_date(2020, 2, 5), language::en), "5 February 2020");
  EXPECT_EQ(format_date(make_date(2020, 3, 5), language::vi), "ngày 05 tháng 3 năm 2020");
  EXPECT_EQ(format_date(make_date(2020, 12, 10), language::vi), "ngày 10 tháng 12 năm 2020");
  EXPECT_EQ(format_date(make_date(2020, 12, 31), language::vi, date_style::numeric), "31/12/2020");
  EXPECT_EQ(format_date(make_date(2020, 5, 4), language::en, date_style::numeric), "04/05/2020");
  EXPECT_THROW((void)format_date(date(boost::gregorian::not_a_date_time), language::vi),
               invalid_argument);
}

TEST(report, percentages_round_half_away_from_zero_in_decimal) {
  EXPECT_EQ(format_percent(7425.0 / 12780.0, 1, language::vi), "58,1%");
  EXPECT_EQ(format_percent(7425.0 / 12780.0, 1, language::en), "58.1%");
  EXPECT_EQ(format_percent(0.5805, 1, language::en), "58.1%");  // 58.05 in binary is below .05
  EXPECT_EQ(format_percent(1.0, 0, language::vi), "100%");
}

TEST(report, money_exact_and_approximate) {
  EXPECT_EQ(format_money(46'850'000, "VND", language::vi), "46.850.000 đồng");
  EXPECT_EQ(format_money(46'850'000, "VND", language::en), "46,850,000 VND");
  EXPECT_EQ(approximate_money(46'850'000, "VND", language::vi), "gần 47 triệu đồng");
  EXPECT_EQ(approximate_money(46'850'000, "VND", language::en), "nearly 47 million VND");
  EXPECT_EQ(approximate_money(47'200'000, "VND", language::vi), "hơn 47 triệu đồng");
  EXPECT_EQ(approximate_money(47'000'000, "VND", language::en), "47 million VND");
  EXPECT_EQ(approximate_money(1'450'000'000, "VND", language::vi), "gần 1,5 tỷ đồng");
  EXPECT_EQ(approximate_money(940, "VND", language::en), "940 VND");
  EXPECT_EQ(approximate_money(950, "VND", language::en), "nearly 1 thousand VND");
  EXPECT_EQ(approximate_money(950, "USD", language::en), "9.50 USD");
  // A chosen precision: a provincial budget in tỷ with one decimal, or in whole tỷ.
  EXPECT_EQ(approximate_money(48'500'000'000, "VND", language::vi), "gần 49 tỷ đồng");
  EXPECT_EQ(approximate_money(48'500'000'000, "VND", language::vi, 1), "48,5 tỷ đồng");
  EXPECT_EQ(approximate_money(48'460'000'000, "VND", language::vi, 1), "gần 48,5 tỷ đồng");
  EXPECT_EQ(approximate_money(48'463'000'000, "VND", language::en, 2), "over 48.46 billion VND");
  EXPECT_EQ(approximate_money(48'000'000'000, "VND", language::en, 1), "48.0 billion VND");
  EXPECT_EQ(approximate_money(1'450'000'000, "VND", language::vi, 0), "hơn 1 tỷ đồng");
  EXPECT_EQ(approximate_money(9'007'199'254'740'991, "VND", language::vi, 3),
            "gần 9.007.199,255 tỷ đồng");
  EXPECT_THROW((void)approximate_money(1, "VND", language::vi, 4), invalid_argument);
}

// The tally of `planned` planned tasks of which `planned_done` are completed, and likewise
// for supplementary ones, as of 31 December 2020.
task_tally tally(std::uint32_t planned, std::uint32_t planned_done, std::uint32_t supplementary,
                 std::uint32_t supplementary_done) {
  task_tally t;
  const date done_on = make_date(2020, 6, 1);
  const auto add = [&](task_kind kind, std::uint32_t n, std::uint32_t done) {
    for (std::uint32_t i = 0; i < n; ++i) {
      task tk{"T", "", program_id{0}, collective_id{0}, std::nullopt, kind, 1.0, {}, {}};
      if (i < done) tk.history = {{done_on, task_status::completed}};
      t.add(tk, make_date(2020, 12, 31));
    }
  };
  add(task_kind::planned, planned, planned_done);
  add(task_kind::supplementary, supplementary, supplementary_done);
  return t;
}

TEST(report, task_phrase_counts_planned_and_supplementary_apart) {
  EXPECT_EQ(describe_tasks(tally(15, 15, 2, 2), language::vi),
            "Hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung");
  EXPECT_EQ(describe_tasks(tally(15, 15, 2, 2), language::en),
            "Completed 15/15 tasks and 2 supplementary tasks");
  EXPECT_EQ(describe_tasks(tally(15, 14, 0, 0), language::en), "Completed 14/15 tasks");
}

TEST(report, status_labels) {
  EXPECT_EQ(status_label(target_status::achieved, language::vi), "đạt");
  EXPECT_EQ(status_label(target_status::on_track, language::en), "on track");
  EXPECT_EQ(status_label(target_status::missed, language::vi), "không đạt");
}

}  // namespace
}  // namespace goaltrack

namespace goaltrack {
namespace {

TEST(report, approximation_moves_to_the_unit_it_rounds_to) {
  EXPECT_EQ(approximate_money(999'600'000, "VND", language::vi), "gần 1 tỷ đồng");
  EXPECT_EQ(approximate_money(999'999, "VND", language::en), "nearly 1 million VND");
  EXPECT_EQ(approximate_money(9'960'000, "VND", language::vi), "gần 10 triệu đồng");
  EXPECT_EQ(approximate_money(1'000'000'000, "VND", language::en), "1 billion VND");
  EXPECT_EQ(approximate_money(-46'850'000, "VND", language::en), "nearly -47 million VND");
  EXPECT_NO_THROW(approximate_money(std::numeric_limits<std::int64_t>::min(), "VND", language::en));
}

TEST(report, money_with_minor_units) {
  EXPECT_EQ(currency_minor_units("VND"), 0);
  EXPECT_EQ(currency_minor_units("USD"), 2);
  EXPECT_EQ(currency_minor_units("KWD"), 3);
  EXPECT_EQ(format_money(123456, "USD", language::en), "1,234.56 USD");
  EXPECT_EQ(format_money(-5, "EUR", language::vi), "-0,05 EUR");
  EXPECT_EQ(approximate_money(4'990'000'00, "USD", language::en), "nearly 5 million USD");
}

TEST(report, supplementary_tasks_not_all_done_show_their_count) {
  const task_tally t = tally(1, 1, 2, 0);
  EXPECT_EQ(describe_tasks(t, language::en), "Completed 1/1 task and 0/2 supplementary tasks");
  EXPECT_EQ(describe_tasks(t, language::vi), "Hoàn thành 1/1 nhiệm vụ và 0/2 nhiệm vụ bổ sung");
}

TEST(report, describe_change_says_from_where_to_where_and_by_how_much) {
  level_change c{make_date(2021, 1, 31), 48, make_date(2021, 11, 30), 42, -0.02};
  EXPECT_EQ(describe_change(c, 0, language::en), "from 48 to 42, \u221212.5%");
  EXPECT_EQ(describe_change(c, 0, language::vi), "từ 48 xuống 42, \u221212,5%");
  c.last = 52.5;
  EXPECT_EQ(describe_change(c, 1, language::en), "from 48.0 to 52.5, +9.4%");
  EXPECT_EQ(describe_change(c, 1, language::vi), "từ 48,0 lên 52,5, +9,4%");
  c.first = 0;
  EXPECT_EQ(describe_change(c, 0, language::en), "from 0 to 53");
  EXPECT_THROW((void)describe_change(c, 12, language::en), invalid_argument);
}

}  // namespace
}  // namespace goaltrack
