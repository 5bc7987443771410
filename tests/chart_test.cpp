#include "goaltrack/chart.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <string>
#include <vector>

#include "goaltrack/document.hpp"
#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

// Members by level in three cells, one label long enough to be shortened.
chart ratings_chart() {
  chart c;
  c.title = "Members by rating <2020> & after";
  c.description = "36 members";
  c.unit = "members";
  c.categories = {{"Cell 1", collective_id(1)},
                  {"Chi bộ Văn phòng Sở Giáo dục và Đào tạo tỉnh Quảng Trị", collective_id(2)},
                  {"Cell 3", collective_id(3)}};
  c.series = {{"excellent", "#1b5e20", series_style::bar, "rating:0", {4, 5, 3}, {}},
              {"good", "#43a047", series_style::bar, "rating:1", {6, 0, 16}, {}},
              {"completed", "#e53935", series_style::bar, "rating:2", {0, 2, 0}, {}}};
  return c;
}

// School sites over 2020: three check-ins, the expected line and a forecast.
chart sites_chart() {
  chart c;
  c.kind = chart_kind::burn_up;
  c.title = "School sites (2020)";
  c.description = "3 check-ins";
  c.unit = "sites";
  c.entity = target_id(0);
  c.span = period::year(2020);
  c.goal = 948;
  c.series = {{"Actual",
               "#1b5e20",
               series_style::line,
               "actual",
               {},
               {{make_date(2020, 6, 30), 1010}, {make_date(2020, 9, 30), 970}}},
              {"Expected",
               "#757575",
               series_style::dashed,
               "expected",
               {},
               {{make_date(2020, 1, 1), 1046}, {make_date(2020, 12, 31), 948}}},
              {"Forecast",
               "#e53935",
               series_style::dashed,
               "forecast",
               {},
               {{make_date(2020, 9, 30), 970}, {make_date(2020, 12, 31), 930}}}};
  return c;
}

std::size_t count(const std::string& text, const std::string& what) {
  std::size_t n = 0;
  for (std::size_t at = text.find(what); at != std::string::npos; at = text.find(what, at + 1)) ++n;
  return n;
}

// The numbers after each `attribute="` in `svg`.
std::vector<double> attribute_values(const std::string& svg, const std::string& attribute) {
  std::vector<double> out;
  const std::string key = " " + attribute + "=\"";
  for (std::size_t at = svg.find(key); at != std::string::npos; at = svg.find(key, at + 1)) {
    out.push_back(std::stod(svg.substr(at + key.size())));
  }
  return out;
}

// Every horizontal coordinate the SVG writes, and where each start-anchored text would end
// at 7.2 units per character, lies within the 640-unit canvas. (Scanned by hand: GCC 12
// warns falsely inside std::regex under the sanitizers.)
void expect_inside_canvas(const std::string& svg) {
  for (const char* attribute : {"x", "x1", "x2", "cx"}) {
    for (const double x : attribute_values(svg, attribute)) {
      EXPECT_GE(x, 0) << attribute;
      EXPECT_LE(x, 640) << attribute;
    }
  }
  const std::string open = "<text x=\"";
  for (std::size_t at = svg.find(open); at != std::string::npos; at = svg.find(open, at + 1)) {
    const std::size_t text_start = svg.find('>', at) + 1;
    const std::string tag = svg.substr(at, text_start - at);
    if (tag.find("text-anchor=\"start\"") == std::string::npos) continue;
    std::size_t chars = 0;
    for (std::size_t i = text_start; svg[i] != '<'; ++i) {
      if ((static_cast<unsigned char>(svg[i]) & 0xC0U) != 0x80U) ++chars;
    }
    EXPECT_LE(std::stod(svg.substr(at + open.size())) + 7.2 * static_cast<double>(chars), 640)
        << tag;
  }
}

TEST(chart, bars_stack_each_series_with_its_colour_and_a_text_alternative) {
  const std::string svg = render_svg(ratings_chart(), language::en);
  EXPECT_EQ(svg.rfind("<svg xmlns=\"http://www.w3.org/2000/svg\"", 0), 0U);
  EXPECT_NE(svg.find("viewBox=\"0 0 640.0 "), std::string::npos);
  // The text alternative first, escaped.
  EXPECT_NE(svg.find("<title>Members by rating &lt;2020&gt; &amp; after</title>\n<desc>36 "
                     "members</desc>"),
            std::string::npos);
  // A rectangle per non-zero value (6 of 9), plus the three legend swatches.
  EXPECT_EQ(count(svg, "<rect"), 6U + 3U);
  EXPECT_EQ(count(svg, "fill=\"#43a047\""), 2U + 1U);
  // Totals after the bars; the long label shortened, whole in the bar's title.
  EXPECT_NE(svg.find(">19</text>"), std::string::npos);
  EXPECT_NE(svg.find(">Chi bộ Văn phòng Sở Giáo dụ…</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>Chi bộ Văn phòng Sở Giáo dục và Đào tạo tỉnh Quảng Trị</title>"),
            std::string::npos);
  EXPECT_EQ(svg.find("<script"), std::string::npos);
  expect_inside_canvas(svg);
}

TEST(chart, a_burn_up_draws_its_series_goal_and_dated_axis) {
  const std::string svg = render_svg(sites_chart(), language::vi);
  EXPECT_EQ(count(svg, "<polyline"), 3U);
  EXPECT_EQ(count(svg, "stroke-dasharray=\"6 4\""), 2U);  // expected and forecast
  EXPECT_NE(svg.find(">01/01/2020</text>"), std::string::npos);
  EXPECT_NE(svg.find(">31/12/2020</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>Mục tiêu: 948</title>"), std::string::npos);
  // Numbers as Vietnamese writes them on the value axis (1.000, not 1,000).
  EXPECT_NE(svg.find(">1.000</text>"), std::string::npos);
  EXPECT_NE(svg.find("<title>Actual, 30/06/2020: 1.010</title>"), std::string::npos);
  expect_inside_canvas(svg);
}

TEST(chart, a_share_is_written_as_percentages_on_its_axis) {
  chart c = sites_chart();
  c.unit = "%";
  c.goal = 0.55;
  c.series = {
      {"Actual", "#1b5e20", series_style::line, "actual", {}, {{make_date(2020, 8, 15), 0.581}}}};
  const std::string svg = render_svg(c, language::en);
  EXPECT_NE(svg.find(">0%</text>"), std::string::npos);
  EXPECT_NE(svg.find(">60%</text>"), std::string::npos);
  EXPECT_NE(svg.find(": 58.1%</title>"), std::string::npos);
}

TEST(chart, renders_byte_for_byte_the_same_every_time) {
  EXPECT_EQ(render_svg(sites_chart(), language::en), render_svg(sites_chart(), language::en));
  EXPECT_EQ(render_svg(ratings_chart(), language::vi), render_svg(ratings_chart(), language::vi));
}

TEST(chart, an_empty_bar_chart_says_it_has_no_data) {
  chart c;
  c.title = "Nothing yet";
  EXPECT_NE(render_svg(c, language::en).find(">No data</text>"), std::string::npos);
}

TEST(chart, what_cannot_be_drawn_is_refused_naming_the_chart_series_and_field) {
  const auto refused = [](const chart& c, const std::string& phrase) {
    try {
      c.validate();
      ADD_FAILURE() << "accepted: " << phrase;
    } catch (const invalid_argument& e) {
      EXPECT_NE(std::string(e.what()).find(phrase), std::string::npos) << e.what();
    }
  };
  chart c = ratings_chart();
  c.series[1].values.pop_back();
  refused(c, "chart 'Members by rating <2020> & after' series 2 'good': 2 values for 3");
  c = ratings_chart();
  c.series[0].values[1] = -1;
  refused(c, "value 2 is not a finite number >= 0");
  c = ratings_chart();
  c.series[2].colour = "red";
  refused(c, "colour 'red' is not #rrggbb");
  c = ratings_chart();
  c.title.clear();
  refused(c, "has no title");
  c = sites_chart();
  c.span.reset();
  refused(c, "is a burn-up without a span");
  c = sites_chart();
  std::swap(c.series[0].points[0], c.series[0].points[1]);
  refused(c, "series 1 'Actual': point 2 is out of date order");
  c = sites_chart();
  c.series[0].points[0].day = make_date(2021, 1, 1);
  refused(c, "point 1 is not a day of the span 2020");
  c = sites_chart();
  c.goal = std::nan("");
  refused(c, "goal is not finite");
  c = sites_chart();
  c.series[0].style = series_style::bar;
  refused(c, "a burn-up's series are lines");
}

TEST(chart, a_section_refuses_a_chart_it_cannot_draw_and_stays_as_it_was) {
  section s{"Ratings", {}, {}};
  chart& kept = s.add_chart(ratings_chart());
  kept.title = "Members by rating";  // the reference is the section's own
  EXPECT_EQ(std::get<chart>(s.blocks.front()).title, "Members by rating");
  chart bad = ratings_chart();
  bad.series[0].colour.clear();
  EXPECT_THROW(s.add_chart(bad), invalid_argument);
  EXPECT_THROW(s.add(block(bad)), invalid_argument);
  EXPECT_EQ(s.blocks.size(), 1U);
}

TEST(chart, codes_read_back) {
  for (const chart_kind k : {chart_kind::bars, chart_kind::burn_up}) {
    EXPECT_EQ(parse_chart_kind(to_string(k)), k);
  }
  for (const series_style s : {series_style::bar, series_style::line, series_style::dashed}) {
    EXPECT_EQ(parse_series_style(to_string(s)), s);
  }
  EXPECT_THROW((void)parse_chart_kind("pie"), parse_error);
}

}  // namespace
}  // namespace goaltrack
