// Charts as data (chart.hpp): their codes and the checks render_svg relies on.
#include "goaltrack/chart.hpp"

#include <cmath>
#include <string>

#include "enum_codes.hpp"
#include "goaltrack/error.hpp"
#include "text.hpp"

namespace goaltrack {
namespace {

constexpr detail::code_list<chart_kind, 2> kind_codes{{
    {chart_kind::bars, "bars"},
    {chart_kind::burn_up, "burn_up"},
}};

constexpr detail::code_list<series_style, 3> style_codes{{
    {series_style::bar, "bar"},
    {series_style::line, "line"},
    {series_style::dashed, "dashed"},
}};

// Throws invalid_argument naming the chart, the series (when one) and what is wrong.
class chart_checker {
 public:
  explicit chart_checker(const chart& c) : chart_(c) {}

  void check() const {
    if (chart_.title.empty()) fail("has no title");
    if (chart_.goal && !std::isfinite(*chart_.goal)) fail("goal is not finite");
    const bool bars = chart_.kind == chart_kind::bars;
    if (bars && (chart_.span || chart_.goal)) fail("is a bar chart with a span or a goal");
    if (!bars && !chart_.span) fail("is a burn-up without a span");
    for (std::size_t i = 0; i < chart_.series.size(); ++i) check_series(i);
  }

 private:
  [[noreturn]] void fail(const std::string& what) const {
    throw invalid_argument("chart " + detail::quoted(chart_.title) + " " + what);
  }
  [[noreturn]] void fail(std::size_t i, const std::string& what) const {
    fail("series " + std::to_string(i + 1) + " " + detail::quoted(chart_.series[i].name) + ": " +
         what);
  }

  void check_series(std::size_t i) const {
    const chart_series& s = chart_.series[i];
    if (!detail::is_hex_colour(s.colour)) {
      fail(i, "colour " + detail::quoted(s.colour) + " is not #rrggbb");
    }
    if (chart_.kind == chart_kind::bars) {
      check_bar(i);
    } else {
      check_line(i);
    }
  }

  void check_bar(std::size_t i) const {
    const chart_series& s = chart_.series[i];
    if (s.style != series_style::bar) fail(i, "a bar chart's series have style bar");
    if (s.values.size() != chart_.categories.size()) {
      fail(i, std::to_string(s.values.size()) + " values for " +
                  std::to_string(chart_.categories.size()) + " categories");
    }
    for (std::size_t k = 0; k < s.values.size(); ++k) {
      if (!std::isfinite(s.values[k]) || s.values[k] < 0) {
        fail(i, "value " + std::to_string(k + 1) + " is not a finite number >= 0");
      }
    }
  }

  void check_line(std::size_t i) const {
    const chart_series& s = chart_.series[i];
    if (s.style == series_style::bar) fail(i, "a burn-up's series are lines");
    if (!s.values.empty()) fail(i, "a burn-up's series have dated points, not values");
    for (std::size_t k = 0; k < s.points.size(); ++k) {
      const chart_point& p = s.points[k];
      const std::string which = "point " + std::to_string(k + 1);
      if (p.day.is_special() || !chart_.span->contains(p.day)) {
        fail(i, which + " is not a day of the span " + chart_.span->to_string());
      }
      if (k > 0 && p.day < s.points[k - 1].day) fail(i, which + " is out of date order");
      if (!std::isfinite(p.value)) fail(i, which + " is not finite");
    }
  }

  const chart& chart_;
};

}  // namespace

std::string_view to_string(chart_kind k) noexcept { return detail::code_of(kind_codes, k); }
std::string_view to_string(series_style s) noexcept { return detail::code_of(style_codes, s); }
chart_kind parse_chart_kind(std::string_view code) {
  return detail::parse_code(kind_codes, code, "chart kind");
}
series_style parse_series_style(std::string_view code) {
  return detail::parse_code(style_codes, code, "series style");
}

void chart::validate() const { chart_checker(*this).check(); }

}  // namespace goaltrack
