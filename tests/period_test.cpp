#include "goaltrack/period.hpp"

#include <gtest/gtest.h>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

TEST(date, parses_and_prints_iso) {
  EXPECT_EQ(parse_date("2021-01-21"), make_date(2021, 1, 21));
  EXPECT_EQ(to_iso(make_date(2021, 1, 5)), "2021-01-05");
  EXPECT_EQ(day_number(make_date(1970, 1, 1)), 0);
  EXPECT_EQ(day_number(make_date(2021, 9, 30)), 18900);
  EXPECT_EQ(from_day_number(18900), make_date(2021, 9, 30));
}

TEST(date, rejects_impossible_dates_with_typed_errors) {
  EXPECT_THROW(make_date(2021, 2, 29), invalid_argument);
  EXPECT_THROW(parse_date("2021-13-01"), parse_error);
  EXPECT_THROW(parse_date("21/01/2021"), parse_error);
  EXPECT_THROW(parse_date("2021-1-21"), parse_error);
  EXPECT_THROW(from_day_number(-1'000'000), invalid_argument);
  try {
    parse_date("2021-02-30");
    FAIL();
  } catch (const parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("2021-02-30"), std::string::npos);
  }
}

TEST(period, calendar_kinds) {
  const period y = period::year(2021);
  EXPECT_EQ(y.first(), make_date(2021, 1, 1));
  EXPECT_EQ(y.last(), make_date(2021, 12, 31));
  EXPECT_EQ(y.days(), 365);
  const period q = period::quarter(2021, 1);
  EXPECT_EQ(q.last(), make_date(2021, 3, 31));
  EXPECT_EQ(period::quarter(2024, 4).last(), make_date(2024, 12, 31));
  EXPECT_EQ(period::month(2024, 2).days(), 29);
  EXPECT_THROW(period::quarter(2021, 5), invalid_argument);
  EXPECT_THROW(period::month(2021, 0), invalid_argument);
}

TEST(period, school_year_defaults_to_vietnamese_calendar_and_is_configurable) {
  const period sy = period::school_year(2019);
  EXPECT_EQ(sy.first(), make_date(2019, 9, 5));
  EXPECT_EQ(sy.last(), make_date(2020, 5, 31));
  EXPECT_EQ(sy.to_string(), "2019-2020");
  const period custom = period::school_year(2019, school_calendar{8, 15, 6, 30});
  EXPECT_EQ(custom.first(), make_date(2019, 8, 15));
  EXPECT_EQ(custom.last(), make_date(2020, 6, 30));
}

TEST(period, fiscal_year_starts_on_any_month) {
  const period fy = period::fiscal_year(2021, 4);
  EXPECT_EQ(fy.first(), make_date(2021, 4, 1));
  EXPECT_EQ(fy.last(), make_date(2022, 3, 31));
  EXPECT_EQ(fy.to_string(), "FY2021-04");
  EXPECT_THROW(period::fiscal_year(2021, 13), invalid_argument);
  // A year out of range is the library's error, also where the period would end after 9999.
  EXPECT_THROW(period::fiscal_year(9999, 2), invalid_argument);
  EXPECT_EQ(period::parse("FY9999-01"), period::fiscal_year(9999, 1));
  EXPECT_EQ(period::fiscal_year(9999, 1).last(), make_date(9999, 12, 31));
  EXPECT_THROW(period::parse("FY9999-10"), parse_error);
}

TEST(period, parses_every_printed_form_back) {
  const char* forms[] = {"2021",
                         "2021-Q1",
                         "2021-03",
                         "2019-2020",
                         "FY2021-04",
                         "2021-01-21",
                         "2021-01-05/2021-02-01"};
  for (const char* text : forms) {
    const period p = period::parse(text);
    EXPECT_EQ(p.to_string(), text);
    EXPECT_EQ(period::parse(p.to_string()), p);
  }
  EXPECT_EQ(period::parse("2021-q3"), period::quarter(2021, 3));
  EXPECT_EQ(period::parse("FY2021", period_format{{}, 7}), period::fiscal_year(2021, 7));
}

TEST(period, rejects_malformed_text_naming_it) {
  for (const char* bad : {"", "21", "2021-Q5", "2021-13", "2019-2021", "FY21", "2021/01/01",
                          "2021-02-01/2021-01-05", "hai nghìn"}) {
    try {
      (void)period::parse(bad);
      ADD_FAILURE() << "accepted '" << bad << "'";
    } catch (const parse_error& e) {
      EXPECT_NE(std::string(e.what()).find(std::string("'") + bad + "'"), std::string::npos)
          << e.what();
    }
  }
}

TEST(period, end_before_start_is_rejected_naming_both_dates) {
  try {
    (void)period::between(make_date(2021, 2, 1), make_date(2021, 1, 5));
    FAIL();
  } catch (const invalid_argument& e) {
    const std::string msg = e.what();
    EXPECT_NE(msg.find("2021-01-05"), std::string::npos);
    EXPECT_NE(msg.find("2021-02-01"), std::string::npos);
  }
}

TEST(period, elapsed_fraction_counts_whole_days_inclusive) {
  const period y = period::year(2021);
  EXPECT_DOUBLE_EQ(y.elapsed_fraction(make_date(2021, 9, 30)), 273.0 / 365.0);
  EXPECT_DOUBLE_EQ(y.elapsed_fraction(make_date(2021, 12, 31)), 1.0);
  EXPECT_DOUBLE_EQ(y.elapsed_fraction(make_date(2021, 1, 1)), 1.0 / 365.0);
  EXPECT_DOUBLE_EQ(y.elapsed_fraction(make_date(2020, 6, 1)), 0.0);
  EXPECT_DOUBLE_EQ(y.elapsed_fraction(make_date(2022, 6, 1)), 1.0);
  EXPECT_TRUE(y.contains(make_date(2021, 6, 1)));
  EXPECT_FALSE(y.contains(make_date(2022, 1, 1)));
}

}  // namespace
}  // namespace goaltrack
