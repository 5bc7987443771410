// Charts as SVG (chart.hpp): bar charts and burn-ups laid out on a fixed 640-wide canvas.
//
// The layout cannot measure text (no font file is embedded, the reader's sans-serif draws
// it), so it reserves 7.2 user units per character at 12 px: wider than the average
// advance of the common sans-serif faces (DejaVu Sans 6.9, Arial 6.7 for Vietnamese
// lower case), so that labels cut at 28 characters and legends wrapped by that estimate
// stay inside the canvas.
#include <algorithm>
#include <cmath>
#include <string>
#include <vector>

#include "goaltrack/chart.hpp"
#include "goaltrack/report.hpp"
#include "markup.hpp"
#include "review_detail.hpp"

namespace goaltrack {
namespace {

using markup::coord;
using markup::escape;

constexpr double canvas_width = 640;
constexpr double margin = 8;
constexpr double char_width = 7.2;       // reserved per character at font-size 12 (see above)
constexpr std::size_t label_chars = 28;  // a bar's label, a legend's name
constexpr std::string_view axis_colour = "#616161";
constexpr std::string_view grid_colour = "#e0e0e0";
constexpr std::string_view goal_colour = "#424242";

// A value as the chart's unit reads it: a percentage for "%" (values are fractions), else
// the number with the fewest decimals (0 to 2) that write it.
std::string value_text(const chart& c, double v, language lang) {
  return c.unit == "%" ? review_detail::percent(v, lang) : review_detail::number(v, lang);
}

std::string text_element(double x, double y, std::string_view anchor, const std::string& text,
                         std::string_view extra = {}) {
  return "<text x=\"" + coord(x) + "\" y=\"" + coord(y) + "\" text-anchor=\"" +
         std::string(anchor) + "\"" + std::string(extra) + ">" + escape(text) + "</text>\n";
}

std::string line_element(double x1, double y1, double x2, double y2, std::string_view colour,
                         std::string_view extra = {}) {
  return "<line x1=\"" + coord(x1) + "\" y1=\"" + coord(y1) + "\" x2=\"" + coord(x2) + "\" y2=\"" +
         coord(y2) + "\" stroke=\"" + std::string(colour) + "\"" + std::string(extra) + "/>\n";
}

// --- legend -----------------------------------------------------------------------------

struct legend_item {
  std::string name;
  std::string_view colour;
  series_style style;
};

// The legend's entries from `top`, wrapped into rows that fit the canvas; returns the
// height it takes (0 without entries).
double write_legend(std::string& out, const std::vector<legend_item>& items, double top) {
  if (items.empty()) return 0;
  constexpr double row_height = 18;
  double x = margin;
  double y = top;
  out += "<g class=\"legend\">\n";
  for (const legend_item& item : items) {
    const std::string name = markup::shorten(item.name, label_chars);
    const double w = 22 + static_cast<double>(detail::code_points(name)) * char_width;
    if (x > margin && x + w > canvas_width - margin) {
      x = margin;
      y += row_height;
    }
    if (item.style == series_style::bar) {
      out += "<rect x=\"" + coord(x) + "\" y=\"" + coord(y + 2) +
             "\" width=\"10\" height=\"10\" fill=\"" + std::string(item.colour) + "\"/>\n";
    } else {
      const std::string_view dash =
          item.style == series_style::dashed ? " stroke-dasharray=\"4 3\"" : "";
      out += line_element(x, y + 7, x + 14, y + 7, item.colour,
                          std::string(" stroke-width=\"2\"") + std::string(dash));
    }
    out += text_element(x + 18, y + 11, "start", name);
    x += w + 12;
  }
  out += "</g>\n";
  return y - top + row_height;
}

// --- the SVG element ----------------------------------------------------------------------

std::string open_svg(const chart& c, double height) {
  const std::string h = coord(height);
  return "<svg xmlns=\"http://www.w3.org/2000/svg\" class=\"chart\" role=\"img\" viewBox=\"0 0 " +
         coord(canvas_width) + " " + h + "\" width=\"" + coord(canvas_width) + "\" height=\"" + h +
         "\" font-family=\"sans-serif\" font-size=\"12\" style=\"max-width:100%;height:auto\">\n"
         "<title>" +
         escape(c.title) + "</title>\n<desc>" + escape(c.description) + "</desc>\n";
}

// --- bars -------------------------------------------------------------------------------

std::string bar_chart(const chart& c, language lang) {
  constexpr double label_width = 212;  // 28 characters and a gap
  constexpr double bar_room = 340;     // the longest bar; its total is written after it
  constexpr double row_height = 24;
  std::vector<legend_item> legend;
  for (const chart_series& s : c.series) legend.push_back({s.name, s.colour, s.style});
  std::string body;
  const double top = margin + write_legend(body, legend, margin) + 6;
  std::vector<double> totals(c.categories.size(), 0);
  for (const chart_series& s : c.series) {
    for (std::size_t k = 0; k < totals.size(); ++k) totals[k] += s.values[k];
  }
  const double most = totals.empty() ? 0 : *std::max_element(totals.begin(), totals.end());
  const double scale = most > 0 ? bar_room / most : 0;
  for (std::size_t k = 0; k < c.categories.size(); ++k) {
    const std::string& label = c.categories[k].label;
    const double y = top + static_cast<double>(k) * row_height;
    body += "<g class=\"bar\"><title>" + escape(label) + "</title>\n";
    body += text_element(margin, y + 14, "start", markup::shorten(label, label_chars));
    double x = margin + label_width;
    for (const chart_series& s : c.series) {
      const double w = s.values[k] * scale;
      if (w <= 0) continue;
      body += "<rect x=\"" + coord(x) + "\" y=\"" + coord(y + 3) + "\" width=\"" + coord(w) +
              "\" height=\"16\" fill=\"" + s.colour + "\"><title>" +
              escape(label + " — " + s.name + ": " + value_text(c, s.values[k], lang)) +
              "</title></rect>\n";
      x += w;
    }
    body += text_element(x + 6, y + 15, "start", value_text(c, totals[k], lang)) + "</g>\n";
  }
  double bottom = top + static_cast<double>(c.categories.size()) * row_height;
  if (c.categories.empty()) {
    body += text_element(margin, top + 14, "start",
                         review_detail::say(lang, "Không có số liệu", "No data"));
    bottom += row_height;
  }
  return open_svg(c, bottom + margin) + body + "</svg>\n";
}

// --- burn-up ------------------------------------------------------------------------------

// The value axis: from `low` to `high` by `step`, a round number (1, 2 or 5 times a power of
// ten) giving four to ten intervals.
struct value_axis {
  double low = 0;
  double high = 1;
  double step = 1;
};

value_axis axis_for(double low, double high) {
  if (high - low <= 0) high = low + (low == 0 ? 1 : std::fabs(low));
  const double rough = (high - low) / 5;
  const double power = std::pow(10, std::floor(std::log10(rough)));
  const double fraction = rough / power;
  const double nice = fraction < 1.5 ? 1 : fraction < 3.5 ? 2 : fraction < 7.5 ? 5 : 10;
  const double step = nice * power;
  return {std::floor(low / step) * step, std::ceil(high / step) * step, step};
}

class burn_up_layout {
 public:
  burn_up_layout(const chart& c, double top) : top_(top) {
    first_ = day_number(c.span->first());
    last_ = day_number(c.span->last());
    double low = 0;
    double high = c.goal.value_or(0);
    low = std::min(low, high);
    for (const chart_series& s : c.series) {
      for (const chart_point& p : s.points) {
        low = std::min(low, p.value);
        high = std::max(high, p.value);
      }
    }
    axis_ = axis_for(low, high);
  }

  [[nodiscard]] double x(date d) const {
    if (last_ == first_) return (left + right) / 2;
    return left + (right - left) * static_cast<double>(day_number(d) - first_) /
                      static_cast<double>(last_ - first_);
  }
  [[nodiscard]] double y(double v) const {
    return bottom() - plot_height * (v - axis_.low) / (axis_.high - axis_.low);
  }
  [[nodiscard]] double bottom() const { return top_ + plot_height; }
  [[nodiscard]] const value_axis& axis() const { return axis_; }

  static constexpr double left = 80;  // value labels are written right-aligned before it
  static constexpr double right = canvas_width - 24;
  static constexpr double plot_height = 200;

 private:
  double top_;
  std::int32_t first_ = 0;
  std::int32_t last_ = 0;
  value_axis axis_;
};

// Grid lines and value labels, the time axis with the span's first, middle and last days.
void write_axes(std::string& out, const chart& c, const burn_up_layout& l, language lang) {
  const value_axis& a = l.axis();
  const auto ticks = static_cast<int>(std::lround((a.high - a.low) / a.step));
  for (int i = 0; i <= ticks; ++i) {
    const double v = a.low + a.step * i;
    out += line_element(burn_up_layout::left, l.y(v), burn_up_layout::right, l.y(v), grid_colour);
    out += text_element(burn_up_layout::left - 6, l.y(v) + 4, "end", value_text(c, v, lang),
                        " fill=\"" + std::string(axis_colour) + "\"");
  }
  out += line_element(burn_up_layout::left, l.bottom(), burn_up_layout::right, l.bottom(),
                      axis_colour);
  const period& span = *c.span;
  const date middle = from_day_number((day_number(span.first()) + day_number(span.last())) / 2);
  const double label_y = l.bottom() + 18;
  const std::string fill = " fill=\"" + std::string(axis_colour) + "\"";
  out += text_element(l.x(span.first()), label_y, "start",
                      format_date(span.first(), lang, date_style::numeric), fill);
  if (span.first() != span.last()) {
    out += text_element(l.x(middle), label_y, "middle",
                        format_date(middle, lang, date_style::numeric), fill);
    out += text_element(l.x(span.last()), label_y, "end",
                        format_date(span.last(), lang, date_style::numeric), fill);
  }
}

void write_series(std::string& out, const chart& c, const chart_series& s, const burn_up_layout& l,
                  language lang) {
  std::string points;
  for (const chart_point& p : s.points) {
    points += (points.empty() ? "" : " ") + coord(l.x(p.day)) + "," + coord(l.y(p.value));
  }
  const bool dashed = s.style == series_style::dashed;
  out += "<g class=\"series\">\n<polyline fill=\"none\" stroke=\"" + s.colour +
         "\" stroke-width=\"2\"" + (dashed ? " stroke-dasharray=\"6 4\"" : "") + " points=\"" +
         points + "\"/>\n";
  for (const chart_point& p : s.points) {
    out += "<circle cx=\"" + coord(l.x(p.day)) + "\" cy=\"" + coord(l.y(p.value)) + "\" r=\"" +
           (dashed ? "2" : "3.5") + "\" fill=\"" + s.colour + "\"><title>" +
           escape(s.name + ", " + format_date(p.day, lang, date_style::numeric) + ": " +
                  value_text(c, p.value, lang)) +
           "</title></circle>\n";
  }
  out += "</g>\n";
}

std::string burn_up_chart(const chart& c, language lang) {
  const std::string goal_name = review_detail::say(lang, "Mục tiêu", "Goal");
  std::vector<legend_item> legend;
  for (const chart_series& s : c.series) legend.push_back({s.name, s.colour, s.style});
  if (c.goal) legend.push_back({goal_name, goal_colour, series_style::dashed});
  std::string body;
  const double top = margin + write_legend(body, legend, margin) + 10;
  const burn_up_layout l(c, top);
  write_axes(body, c, l, lang);
  if (c.goal) {
    body += "<g class=\"goal\"><title>" + escape(goal_name + ": " + value_text(c, *c.goal, lang)) +
            "</title>\n" +
            line_element(burn_up_layout::left, l.y(*c.goal), burn_up_layout::right, l.y(*c.goal),
                         goal_colour, " stroke-width=\"1.5\" stroke-dasharray=\"2 3\"") +
            "</g>\n";
  }
  for (const chart_series& s : c.series) write_series(body, c, s, l, lang);
  return open_svg(c, l.bottom() + 26 + margin) + body + "</svg>\n";
}

}  // namespace

std::string render_svg(const chart& c, language lang) {
  c.validate();
  return c.kind == chart_kind::bars ? bar_chart(c, lang) : burn_up_chart(c, lang);
}

}  // namespace goaltrack
