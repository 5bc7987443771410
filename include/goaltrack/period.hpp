#pragma once
/// @file
/// Dates and periods. A period is a closed range of calendar days [first, last] with a
/// kind that says how people name it: a calendar year ("2021"), a half-year ("2025-H1",
/// "6 tháng đầu năm"), the first nine months of a year ("2025-9M", "9 tháng"), a quarter
/// ("2021-Q1"), a month ("2021-03"), a school year ("2019-2020"), a fiscal year
/// ("FY2021-04") or a custom range ("2021-01-05/2021-02-01"). Dates are Boost.Date_Time
/// Gregorian dates. Parsing and printing never depend on the C or C++ locale.
///
/// Fiscal years are named by the year they start in by default (Viet Nam's budget year is
/// the calendar year; "FY2021-04" is April 2021 to March 2022, as Japan and India name
/// theirs). period_format::fiscal_naming = fiscal_year_naming::end_year names them by the
/// year they end in, as the United States and Australia do: with start month 10, "FY2011"
/// is 1 October 2010 to 30 September 2011 (31 U.S.C. 1102: the federal fiscal year "begins
/// on October 1 of each year and ends on September 30 of the following year"; it is
/// called after the calendar year in which it ends).

#include <boost/date_time/gregorian/gregorian_types.hpp>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/export.hpp"

namespace goaltrack {

/// A calendar day (Boost.Date_Time Gregorian date, 4 bytes, a day number inside).
using date = boost::gregorian::date;

/// The date year-month-day.
/// @throws invalid_argument when the day does not exist (2021-02-29) or the year is
///         outside 1400..9999 (the range Boost.Date_Time supports).
GOALTRACK_API date make_date(int year, int month, int day);

/// Parses an ISO 8601 calendar date "YYYY-MM-DD".
/// @throws parse_error naming the text when it is not such a date.
GOALTRACK_API date parse_date(std::string_view text);

/// Formats a date as ISO 8601 "YYYY-MM-DD".
GOALTRACK_API std::string to_iso(date d);

/// Days since 1970-01-01 (negative before). The integer form used in columns and
/// arithmetic: for dates a and b, a - b in days is day_number(a) - day_number(b).
GOALTRACK_API std::int32_t day_number(date d) noexcept;

/// The date that is `days` days after 1970-01-01.
/// @throws invalid_argument outside the supported years.
GOALTRACK_API date from_day_number(std::int32_t days);

/// How a period is named. The kind only affects printing and parsing: every period
/// is a closed range of days.
enum class period_kind : std::uint8_t {
  calendar_year,  ///< 1 January to 31 December: "2021"
  quarter,        ///< three calendar months: "2021-Q1"
  month,          ///< one calendar month: "2021-03"
  school_year,    ///< a school year, by default 5 September to 31 May: "2019-2020"
  fiscal_year,    ///< twelve months from a start month: "FY2021-04" starts 1 April 2021
  custom,         ///< any range: "2021-01-05/2021-02-01"; a single day: "2021-01-21"
  half_year,      ///< six calendar months: "2025-H1" (January-June), "2025-H2"
  nine_months,    ///< the first nine months of a year, January-September: "2025-9M"
};

/// Which calendar year names a fiscal year that spans two.
enum class fiscal_year_naming : std::uint8_t {
  start_year,  ///< "FY2021-04" is April 2021 to March 2022 (the default)
  end_year,    ///< "FY2011-10" is October 2010 to September 2011 (US, Australia)
};

/// When a school year starts and ends. The Vietnamese default is 5 September to
/// 31 May of the next year (the national school-year opening day).
struct GOALTRACK_API school_calendar {
  int start_month = 9;  ///< month of the first day, 1..12
  int start_day = 5;    ///< day of the first day
  int end_month = 5;    ///< month of the last day, in the following calendar year
  int end_day = 31;     ///< day of the last day
};

/// Options for parsing period text, and for printing it the same way (period::name).
struct GOALTRACK_API period_format {
  school_calendar school{};    ///< used for "2019-2020"
  int fiscal_start_month = 1;  ///< used for "FY2021" without a month
  /// the year that names a fiscal year: the one it starts in (default) or ends in
  fiscal_year_naming fiscal_naming = fiscal_year_naming::start_year;
};

/// A closed range of days [first, last] with the kind that names it. Cheap to copy.
class GOALTRACK_API period {
 public:
  /// The calendar year `year`.
  static period year(int year);
  /// Quarter q (1..4) of `year`. @throws invalid_argument for another q.
  static period quarter(int year, int q);
  /// Month m (1..12) of `year`. @throws invalid_argument for another m.
  static period month(int year, int m);
  /// The school year that starts in `start_year` ("2019-2020" starts in 2019).
  /// @throws invalid_argument when the calendar names a day that does not exist.
  static period school_year(int start_year, const school_calendar& calendar = {});
  /// Half h (1: January-June, 2: July-December) of `year`.
  /// @throws invalid_argument for another h.
  static period half_year(int year, int h);
  /// The first nine months of `year`: 1 January to 30 September.
  static period nine_months(int year);
  /// The twelve months that start on day 1 of `start_month` (1..12) of `start_year`.
  static period fiscal_year(int start_year, int start_month);
  /// The period of `kind` whose days are exactly [first, last] (a school year on the
  /// calendar those days give), as a file or a pickle keeps it.
  /// @throws invalid_argument naming the kind and days when no period of that kind has them.
  static period of_kind(period_kind kind, date first, date last);
  /// Any range of days, both ends included.
  /// @throws invalid_argument naming both dates when last is before first.
  static period between(date first, date last);

  /// Parses "2021", "2021-H1", "2021-9M", "2021-Q1", "2021-03", "2019-2020", "FY2021",
  /// "FY2021-04", "2021-01-21" (one day) or "2021-01-05/2021-02-01" (a range). Fiscal
  /// years are read by `format`'s naming and start month.
  /// @throws parse_error naming the text when it is none of these.
  static period parse(std::string_view text, const period_format& format = {});

  /// The first day.
  [[nodiscard]] date first() const noexcept { return first_; }
  /// The last day (included).
  [[nodiscard]] date last() const noexcept { return last_; }
  /// How the period is named.
  [[nodiscard]] period_kind kind() const noexcept { return kind_; }
  /// Number of days, both ends included: last - first + 1.
  [[nodiscard]] std::int32_t days() const noexcept;
  /// True when first <= d <= last.
  [[nodiscard]] bool contains(date d) const noexcept { return first_ <= d && d <= last_; }

  /// The share of the period elapsed at the end of day `as_of`:
  ///   clamp((as_of - first + 1) / (last - first + 1), 0, 1)   in days,
  /// so the whole of 2021 as of 2021-09-30 gives 273/365, as of its last day 1,
  /// and as of any day before it starts 0.
  [[nodiscard]] double elapsed_fraction(date as_of) const noexcept;

  /// The canonical name: "2021", "2021-H1", "2021-9M", "2021-Q1", "2021-03", "2019-2020",
  /// "FY2021-04" (by start year, always with its month), "2021-01-21" or
  /// "2021-01-05/2021-02-01". period::parse with the default format reads it back (a
  /// school year on another calendar needs that calendar to read back).
  [[nodiscard]] std::string to_string() const;
  /// The name in `format`'s conventions, which period::parse(name, format) reads back: a
  /// fiscal year by the year `format` names it after, without its month when that is
  /// format.fiscal_start_month ("FY2011" for October 2010-September 2011 in the US
  /// convention); every other kind as to_string().
  [[nodiscard]] std::string name(const period_format& format) const;

  friend bool operator==(const period&, const period&) = default;

 private:
  period(period_kind kind, date first, date last) : first_(first), last_(last), kind_(kind) {}
  date first_;
  date last_;
  period_kind kind_;
};

/// The months, quarters, half-years or calendar years (`unit`) that tile `p`, in order:
/// split_period(period::year(2025), period_kind::quarter) is 2025-Q1 .. 2025-Q4, and
/// FY2025-10 splits into 2025-Q4, 2026-Q1, 2026-Q2, 2026-Q3.
/// @throws invalid_argument naming the period and the unit when `unit` is another kind, or
///         `p` does not start on the first day of one (or end on the last day of one).
GOALTRACK_API std::vector<period> split_period(const period& p, period_kind unit);

}  // namespace goaltrack
