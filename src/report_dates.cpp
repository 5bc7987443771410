// Dates and periods as each language writes them (report.hpp).
#include <array>
#include <string>
#include <string_view>

#include "goaltrack/error.hpp"
#include "goaltrack/report.hpp"

namespace goaltrack {
namespace {

constexpr std::array<std::string_view, 12> english_months{
    "January", "February", "March",     "April",   "May",      "June",
    "July",    "August",   "September", "October", "November", "December"};
constexpr std::array<std::string_view, 4> roman_quarters{"I", "II", "III", "IV"};
constexpr std::array<std::string_view, 4> english_ordinals{"first", "second", "third", "fourth"};

std::string two_digits(unsigned v) { return std::string(v < 10 ? "0" : "") + std::to_string(v); }

// "từ 21/01/2021 đến 10/02/2021" / "21 January 2021 to 10 February 2021".
std::string date_range(date first, date last, language lang) {
  if (lang == language::vi) {
    return "từ " + format_date(first, lang, date_style::numeric) + " đến " +
           format_date(last, lang, date_style::numeric);
  }
  return format_date(first, lang) + " to " + format_date(last, lang);
}

}  // namespace

std::string format_date(date d, language lang, date_style style) {
  if (d.is_special()) throw invalid_argument("format_date: not a date");
  const auto ymd = d.year_month_day();
  const std::string day = two_digits(ymd.day);
  const std::string month = two_digits(ymd.month);
  const std::string year = std::to_string(static_cast<int>(ymd.year));
  if (style == date_style::numeric) return day + "/" + month + "/" + year;
  if (lang == language::vi) {
    // Nghị định 30/2020/NĐ-CP, Phụ lục I: a day below 10 and the months 1 and 2 take a 0.
    const std::string month_text = ymd.month <= 2 ? month : std::to_string(ymd.month);
    return "ngày " + day + " tháng " + month_text + " năm " + year;
  }
  return std::to_string(static_cast<unsigned>(ymd.day)) + " " +
         std::string(english_months[static_cast<std::size_t>(ymd.month) - 1]) + " " + year;
}

std::string format_period(const period& span, language lang) {
  const bool vi = lang == language::vi;
  const auto first = span.first().year_month_day();
  const std::string year = std::to_string(static_cast<int>(first.year));
  const auto month = static_cast<std::size_t>(first.month);
  switch (span.kind()) {
    case period_kind::calendar_year:
      return vi ? "năm " + year : year;
    case period_kind::half_year:
      if (month == 1) return vi ? "6 tháng đầu năm " + year : "the first half of " + year;
      return vi ? "6 tháng cuối năm " + year : "the second half of " + year;
    case period_kind::nine_months:
      return vi ? "9 tháng đầu năm " + year : "the first nine months of " + year;
    case period_kind::quarter: {
      const std::size_t q = (month - 1) / 3;
      return vi ? "quý " + std::string(roman_quarters.at(q)) + " năm " + year
                : "the " + std::string(english_ordinals.at(q)) + " quarter of " + year;
    }
    case period_kind::month:
      return vi ? "tháng " + std::to_string(month) + " năm " + year
                : std::string(english_months.at(month - 1)) + " " + year;
    case period_kind::school_year:
      return vi ? "năm học " + span.to_string() : "the " + span.to_string() + " school year";
    case period_kind::fiscal_year:
      return (vi ? "năm tài chính " : "the fiscal year ") +
             format_date(span.first(), lang, vi ? date_style::numeric : date_style::long_form) +
             " - " +
             format_date(span.last(), lang, vi ? date_style::numeric : date_style::long_form);
    case period_kind::custom:
      break;
  }
  if (span.first() == span.last()) return format_date(span.first(), lang);
  return date_range(span.first(), span.last(), lang);
}

}  // namespace goaltrack
