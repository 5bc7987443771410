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

// A six-month review ("sơ kết 6 tháng đầu năm") covers January to June; a nine-month one
// ("9 tháng") January to September, the period Vietnamese agencies report in October.
TEST(period, half_years_and_nine_months_are_calendar_kinds) {
  const period h1 = period::half_year(2025, 1);
  EXPECT_EQ(h1.first(), make_date(2025, 1, 1));
  EXPECT_EQ(h1.last(), make_date(2025, 6, 30));
  EXPECT_EQ(h1.kind(), period_kind::half_year);
  EXPECT_EQ(h1.days(), 181);
  EXPECT_EQ(period::half_year(2024, 2).first(), make_date(2024, 7, 1));
  EXPECT_EQ(period::half_year(2024, 2).days(), 184);
  EXPECT_THROW(period::half_year(2025, 3), invalid_argument);
  const period nine = period::nine_months(2025);
  EXPECT_EQ(nine.first(), make_date(2025, 1, 1));
  EXPECT_EQ(nine.last(), make_date(2025, 9, 30));
  EXPECT_EQ(nine.days(), 273);
  EXPECT_EQ(period::parse("2025-h2"), period::half_year(2025, 2));
  EXPECT_EQ(period::parse("2025-9m"), nine);
}

// 31 U.S.C. 1102: the federal fiscal year begins on 1 October and ends on 30 September of
// the following year, and is named by the year it ends in, so FY2011 is October 2010 to
// September 2011 (the example: read by start year, "FY2010" with start month 10
// means the same twelve months).
TEST(period, fiscal_years_can_be_named_by_the_year_they_end) {
  period_format us;
  us.fiscal_start_month = 10;
  us.fiscal_naming = fiscal_year_naming::end_year;
  const period fy2011 = period::parse("FY2011", us);
  EXPECT_EQ(fy2011.first(), make_date(2010, 10, 1));
  EXPECT_EQ(fy2011.last(), make_date(2011, 9, 30));
  EXPECT_EQ(fy2011, period::parse("FY2010", period_format{{}, 10}));
  EXPECT_EQ(fy2011.name(us), "FY2011");
  EXPECT_EQ(fy2011.to_string(), "FY2010-10");  // canonical: by start year, with the month
  EXPECT_EQ(period::parse("FY2011-10", us), fy2011);
  // Another start month is written out, and still named by the end year.
  const period april = period::fiscal_year(2021, 4);
  EXPECT_EQ(april.name(us), "FY2022-04");
  EXPECT_EQ(period::parse(april.name(us), us), april);
  // A fiscal year that is the calendar year ends in the year it starts in.
  period_format jan = us;
  jan.fiscal_start_month = 1;
  EXPECT_EQ(period::parse("FY2011", jan), period::fiscal_year(2011, 1));
  EXPECT_EQ(period::fiscal_year(2011, 1).name(jan), "FY2011");
  // Start-year naming (the default) omits only the format's own start month.
  EXPECT_EQ(april.name(period_format{{}, 4}), "FY2021");
  EXPECT_EQ(april.name(period_format{}), "FY2021-04");
  // Other kinds are named as to_string.
  EXPECT_EQ(period::half_year(2025, 1).name(us), "2025-H1");
}

TEST(period, of_kind_rebuilds_exactly_the_days_of_its_kind) {
  const period kinds[] = {
      period::year(2021),           period::half_year(2021, 2),
      period::nine_months(2021),    period::quarter(2021, 3),
      period::month(2024, 2),       period::school_year(2019, school_calendar{8, 15, 6, 30}),
      period::fiscal_year(2021, 4), period::between(make_date(2021, 1, 5), make_date(2021, 2, 1))};
  for (const period& p : kinds) {
    EXPECT_EQ(period::of_kind(p.kind(), p.first(), p.last()), p) << p.to_string();
  }
  try {
    (void)period::of_kind(period_kind::quarter, make_date(2021, 1, 1), make_date(2021, 6, 30));
    FAIL();
  } catch (const invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("2021-06-30"), std::string::npos) << e.what();
  }
  EXPECT_THROW(
      (void)period::of_kind(period_kind::half_year, make_date(2021, 2, 1), make_date(2021, 7, 31)),
      invalid_argument);
}

TEST(period, parses_every_printed_form_back) {
  const char* forms[] = {"2021",    "2021-Q1", "2021-03",   "2019-2020",  "2025-H1",
                         "2025-H2", "2025-9M", "FY2021-04", "2021-01-21", "2021-01-05/2021-02-01"};
  for (const char* text : forms) {
    const period p = period::parse(text);
    EXPECT_EQ(p.to_string(), text);
    EXPECT_EQ(period::parse(p.to_string()), p);
  }
  EXPECT_EQ(period::parse("2021-q3"), period::quarter(2021, 3));
  EXPECT_EQ(period::parse("FY2021", period_format{{}, 7}), period::fiscal_year(2021, 7));
}

TEST(period, rejects_malformed_text_naming_it) {
  for (const char* bad :
       {"", "21", "2021-Q5", "2021-13", "2019-2021", "FY21", "2021/01/01", "2021-02-01/2021-01-05",
        "hai nghìn", "2021-H3", "2021-H0", "2021-8M", "2021-9X", "FY2021-13"}) {
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
