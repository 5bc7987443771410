#include "goaltrack/period.hpp"

#include <algorithm>
#include <charconv>
#include <cstdio>

#include "goaltrack/error.hpp"
#include "text.hpp"

namespace goaltrack {
namespace {

const date epoch(1970, 1, 1);

// Years Boost.Date_Time's Gregorian calendar represents.
constexpr int min_year = 1400;
constexpr int max_year = 9999;

bool is_digits(std::string_view s) {
  return !s.empty() && std::all_of(s.begin(), s.end(), [](char c) { return c >= '0' && c <= '9'; });
}

// Reads a whole unsigned decimal field of exactly `width` digits.
bool read_fixed(std::string_view s, std::size_t width, int& out) {
  return s.size() == width && is_digits(s) && detail::parse_int(s, out);
}

[[noreturn]] void bad_period(std::string_view text) {
  throw parse_error("period '" + std::string(text) +
                    "' is not one of: 2021, 2021-H1, 2021-9M, 2021-Q1, 2021-03, 2019-2020, "
                    "FY2021, FY2021-04, 2021-01-21, 2021-01-05/2021-02-01");
}

}  // namespace

date make_date(int year, int month, int day) {
  if (year < min_year || year > max_year || month < 1 || month > 12 || day < 1 ||
      day > boost::gregorian::gregorian_calendar::end_of_month_day(
                static_cast<unsigned short>(year), static_cast<unsigned short>(month))) {
    char buf[64];
    std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", year, month, day);
    throw invalid_argument(std::string("date ") + buf + " does not exist (years " +
                           std::to_string(min_year) + ".." + std::to_string(max_year) + ")");
  }
  return {static_cast<unsigned short>(year), static_cast<unsigned short>(month),
          static_cast<unsigned short>(day)};
}

date parse_date(std::string_view text) {
  int y = 0;
  int m = 0;
  int d = 0;
  if (text.size() != 10 || text[4] != '-' || text[7] != '-' ||
      !read_fixed(text.substr(0, 4), 4, y) || !read_fixed(text.substr(5, 2), 2, m) ||
      !read_fixed(text.substr(8, 2), 2, d)) {
    throw parse_error("date '" + std::string(text) + "' is not an ISO date YYYY-MM-DD");
  }
  try {
    return make_date(y, m, d);
  } catch (const invalid_argument& e) {
    throw parse_error(e.what());
  }
}

std::string to_iso(date d) {
  const auto ymd = d.year_month_day();
  char buf[48];
  std::snprintf(buf, sizeof buf, "%04d-%02d-%02d", static_cast<int>(ymd.year),
                static_cast<int>(ymd.month), static_cast<int>(ymd.day));
  return buf;
}

std::int32_t day_number(date d) noexcept {
  return static_cast<std::int32_t>(static_cast<std::int64_t>(d.day_number()) -
                                   static_cast<std::int64_t>(epoch.day_number()));
}

date from_day_number(std::int32_t days) {
  static const std::int32_t lo = day_number(date(min_year, 1, 1));
  static const std::int32_t hi = day_number(date(max_year, 12, 31));
  if (days < lo || days > hi) {
    throw invalid_argument("day number " + std::to_string(days) + " is outside years " +
                           std::to_string(min_year) + ".." + std::to_string(max_year));
  }
  return epoch + boost::gregorian::date_duration(days);
}

period period::year(int year) {
  return {period_kind::calendar_year, make_date(year, 1, 1), make_date(year, 12, 31)};
}

period period::quarter(int year, int q) {
  if (q < 1 || q > 4) {
    throw invalid_argument("quarter " + std::to_string(q) + " of " + std::to_string(year) +
                           " is not 1..4");
  }
  const int first_month = 3 * (q - 1) + 1;
  return {period_kind::quarter, make_date(year, first_month, 1),
          make_date(year, first_month + 2, 1).end_of_month()};
}

period period::month(int year, int m) {
  if (m < 1 || m > 12) {
    throw invalid_argument("month " + std::to_string(m) + " of " + std::to_string(year) +
                           " is not 1..12");
  }
  const date first = make_date(year, m, 1);
  return {period_kind::month, first, first.end_of_month()};
}

period period::school_year(int start_year, const school_calendar& calendar) {
  const date first = make_date(start_year, calendar.start_month, calendar.start_day);
  const date last = make_date(start_year + 1, calendar.end_month, calendar.end_day);
  if (last < first) {
    throw invalid_argument("school year " + std::to_string(start_year) + " ends (" + to_iso(last) +
                           ") before it starts (" + to_iso(first) + ")");
  }
  return {period_kind::school_year, first, last};
}

period period::half_year(int year, int h) {
  if (h < 1 || h > 2) {
    throw invalid_argument("half " + std::to_string(h) + " of " + std::to_string(year) +
                           " is not 1 or 2");
  }
  return {period_kind::half_year, make_date(year, h == 1 ? 1 : 7, 1),
          h == 1 ? make_date(year, 6, 30) : make_date(year, 12, 31)};
}

period period::nine_months(int year) {
  return {period_kind::nine_months, make_date(year, 1, 1), make_date(year, 9, 30)};
}

period period::fiscal_year(int start_year, int start_month) {
  if (start_month < 1 || start_month > 12) {
    throw invalid_argument("fiscal year start month " + std::to_string(start_month) +
                           " is not 1..12");
  }
  const date first = make_date(start_year, start_month, 1);
  // The day before the same month of the next year, through make_date so that a fiscal
  // year ending after 9999 is its invalid_argument (Boost's date arithmetic would throw
  // its own std::out_of_range).
  const date last = start_month == 1 ? make_date(start_year, 12, 31)
                                     : make_date(start_year + 1, start_month - 1, 1).end_of_month();
  return {period_kind::fiscal_year, first, last};
}

period period::between(date first, date last) {
  if (first.is_special() || last.is_special()) {
    throw invalid_argument("period bounds must be real dates");
  }
  if (last < first) {
    throw invalid_argument("period ends (" + to_iso(last) + ") before it starts (" + to_iso(first) +
                           ")");
  }
  return {period_kind::custom, first, last};
}

namespace {

std::string kind_name(period_kind kind) {
  switch (kind) {
    case period_kind::calendar_year:
      return "calendar year";
    case period_kind::quarter:
      return "quarter";
    case period_kind::month:
      return "month";
    case period_kind::school_year:
      return "school year";
    case period_kind::fiscal_year:
      return "fiscal year";
    case period_kind::custom:
      return "custom period";
    case period_kind::half_year:
      return "half-year";
    case period_kind::nine_months:
      return "nine-month period";
  }
  return "period of kind " + std::to_string(static_cast<int>(kind));
}

}  // namespace

period period::of_kind(period_kind kind, date first, date last) {
  if (first.is_special() || last.is_special()) {
    throw invalid_argument("a " + kind_name(kind) + " needs real dates");
  }
  const auto impossible = [&] {
    return invalid_argument("no " + kind_name(kind) + " runs from " + to_iso(first) + " to " +
                            to_iso(last));
  };
  const int y = first.year();
  const int m = first.month();
  const period p = [&] {
    switch (kind) {
      case period_kind::calendar_year:
        return year(y);
      case period_kind::half_year:
        return half_year(y, m <= 6 ? 1 : 2);
      case period_kind::nine_months:
        return nine_months(y);
      case period_kind::quarter:
        return quarter(y, (m - 1) / 3 + 1);
      case period_kind::month:
        return month(y, m);
      case period_kind::school_year:
        return school_year(y, school_calendar{m, first.day(), last.month(), last.day()});
      case period_kind::fiscal_year:
        return fiscal_year(y, m);
      case period_kind::custom:
        return between(first, last);
    }
    throw impossible();
  }();
  if (p.first() != first || p.last() != last) throw impossible();
  return p;
}

namespace {

// A fiscal year's name: "FY2021", or with its start month "FY2021-04".
std::string fiscal_text(int named_year, int start_month, bool with_month) {
  char buf[32];
  if (with_month) {
    std::snprintf(buf, sizeof buf, "FY%04d-%02d", named_year, start_month);
  } else {
    std::snprintf(buf, sizeof buf, "FY%04d", named_year);
  }
  return buf;
}

// The first year of a fiscal year that `format` names `named` and that starts in month
// `start_month`: named by its end year, one that starts in January ends in the same year.
int fiscal_start_year(int named, int start_month, const period_format& format) {
  const bool by_end = format.fiscal_naming == fiscal_year_naming::end_year;
  return by_end && start_month != 1 ? named - 1 : named;
}

}  // namespace

period period::parse(std::string_view text, const period_format& format) {
  try {
    int a = 0;
    int b = 0;
    if (read_fixed(text, 4, a)) return year(a);
    if (text.size() == 7 && text[4] == '-' && read_fixed(text.substr(0, 4), 4, a)) {
      if ((text[5] == 'Q' || text[5] == 'q') && read_fixed(text.substr(6), 1, b))
        return quarter(a, b);
      if ((text[5] == 'H' || text[5] == 'h') && read_fixed(text.substr(6), 1, b))
        return half_year(a, b);
      if (text[5] == '9' && (text[6] == 'M' || text[6] == 'm')) return nine_months(a);
      if (read_fixed(text.substr(5), 2, b)) return month(a, b);
    }
    if (text.size() == 9 && text[4] == '-' && read_fixed(text.substr(0, 4), 4, a) &&
        read_fixed(text.substr(5), 4, b)) {
      if (b != a + 1) bad_period(text);
      return school_year(a, format.school);
    }
    if (text.size() >= 6 && (text.substr(0, 2) == "FY" || text.substr(0, 2) == "fy") &&
        read_fixed(text.substr(2, 4), 4, a)) {
      if (text.size() == 6) b = format.fiscal_start_month;
      if (text.size() == 6 ||
          (text.size() == 9 && text[6] == '-' && read_fixed(text.substr(7), 2, b))) {
        return fiscal_year(fiscal_start_year(a, b, format), b);
      }
      bad_period(text);
    }
    if (text.size() == 10) {
      const date d = parse_date(text);
      return between(d, d);
    }
    if (text.size() == 21 && text[10] == '/') {
      return between(parse_date(text.substr(0, 10)), parse_date(text.substr(11)));
    }
  } catch (const parse_error&) {
    throw;
  } catch (const invalid_argument& e) {
    throw parse_error("period '" + std::string(text) + "': " + e.what());
  }
  bad_period(text);
}

std::int32_t period::days() const noexcept { return day_number(last_) - day_number(first_) + 1; }

double period::elapsed_fraction(date as_of) const noexcept {
  const double elapsed = static_cast<double>(day_number(as_of) - day_number(first_) + 1);
  return std::clamp(elapsed / static_cast<double>(days()), 0.0, 1.0);
}

std::string period::to_string() const {
  const auto y = static_cast<int>(first_.year());
  const auto m = static_cast<int>(first_.month());
  char buf[32];
  switch (kind_) {
    case period_kind::calendar_year:
      std::snprintf(buf, sizeof buf, "%04d", y);
      return buf;
    case period_kind::half_year:
      std::snprintf(buf, sizeof buf, "%04d-H%d", y, m <= 6 ? 1 : 2);
      return buf;
    case period_kind::nine_months:
      std::snprintf(buf, sizeof buf, "%04d-9M", y);
      return buf;
    case period_kind::quarter:
      std::snprintf(buf, sizeof buf, "%04d-Q%d", y, (m - 1) / 3 + 1);
      return buf;
    case period_kind::month:
      std::snprintf(buf, sizeof buf, "%04d-%02d", y, m);
      return buf;
    case period_kind::school_year:
      std::snprintf(buf, sizeof buf, "%04d-%04d", y, static_cast<int>(last_.year()));
      return buf;
    case period_kind::fiscal_year:
      return fiscal_text(y, m, true);
    case period_kind::custom:
      break;
  }
  return first_ == last_ ? to_iso(first_) : to_iso(first_) + "/" + to_iso(last_);
}

std::string period::name(const period_format& format) const {
  if (kind_ != period_kind::fiscal_year) return to_string();
  const int m = first_.month();
  const bool by_end = format.fiscal_naming == fiscal_year_naming::end_year;
  const int named = by_end ? static_cast<int>(last_.year()) : static_cast<int>(first_.year());
  return fiscal_text(named, m, m != format.fiscal_start_month);
}

}  // namespace goaltrack

namespace goaltrack {
namespace {

// The period of `unit` (a month, quarter, half-year or calendar year) holding day `d`.
period unit_holding(period_kind unit, date d) {
  const int y = d.year();
  const int m = d.month();
  switch (unit) {
    case period_kind::month:
      return period::month(y, m);
    case period_kind::quarter:
      return period::quarter(y, (m - 1) / 3 + 1);
    case period_kind::half_year:
      return period::half_year(y, m <= 6 ? 1 : 2);
    default:
      return period::year(y);
  }
}

}  // namespace

std::vector<period> split_period(const period& p, period_kind unit) {
  const auto fail = [&](const std::string& why) {
    return invalid_argument("period " + p.to_string() + " cannot be split into " + kind_name(unit) +
                            "s: " + why);
  };
  if (unit != period_kind::month && unit != period_kind::quarter &&
      unit != period_kind::half_year && unit != period_kind::calendar_year) {
    throw fail("only months, quarters, half-years and calendar years split a period");
  }
  std::vector<period> parts;
  for (date day = p.first();;) {
    const period part = unit_holding(unit, day);
    if (part.first() != day)
      throw fail("it starts on " + to_iso(day) + ", inside " + part.to_string());
    if (part.last() > p.last()) {
      throw fail("it ends on " + to_iso(p.last()) + ", inside " + part.to_string());
    }
    parts.push_back(part);
    if (part.last() == p.last()) return parts;
    day = part.last() + boost::gregorian::days(1);
  }
}

}  // namespace goaltrack
