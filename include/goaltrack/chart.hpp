#pragma once
/// @file
/// Charts of a report, as data: what they draw, with the entity each bar is about, so
/// that a document (document.hpp) keeps them beside its tables and every renderer writes
/// them its own way: an SVG picture in HTML (render_svg), the text alternative in plain
/// text and Markdown, the data itself in JSON.
///
/// | kind     | draws                                              | e.g. (review_writer) |
/// |----------|----------------------------------------------------|----------------------|
/// | bars     | a horizontal bar per category, stacked from the     | targets by status per |
/// |          | series' values (counts), a legend of the series     | unit, members by level|
/// | burn_up  | a target's value over its period: dated series      | check-ins, expected   |
/// |          | (check-ins, expected, forecast) and the goal line   | line, forecast        |
///
/// Colours are "#rrggbb", taken from the status definitions (status.hpp) so that a chart
/// reads as the statuses it counts. The SVG is deterministic: the same chart renders
/// byte for byte the same, run after run.

#include <cstdint>
#include <optional>
#include <string>
#include <vector>

#include "goaltrack/export.hpp"
#include "goaltrack/label.hpp"
#include "goaltrack/language.hpp"
#include "goaltrack/period.hpp"

namespace goaltrack {

/// What a chart draws; see the table in this header.
enum class chart_kind : std::uint8_t { bars, burn_up };

/// How a series is drawn.
enum class series_style : std::uint8_t {
  bar,     ///< a segment of each category's bar (bars)
  line,    ///< dated points joined by a solid line, each point marked (burn_up)
  dashed,  ///< dated points joined by a dashed line (burn_up: expected, forecast)
};

/// The stable codes ("bars", "dashed", ...) and their parsers (@throws parse_error naming
/// the text).
GOALTRACK_API std::string_view to_string(chart_kind k) noexcept;
GOALTRACK_API std::string_view to_string(series_style s) noexcept;
GOALTRACK_API chart_kind parse_chart_kind(std::string_view code);
GOALTRACK_API series_style parse_series_style(std::string_view code);

/// A dated value of a burn-up's series.
struct GOALTRACK_API chart_point {
  date day;
  double value = 0;
  friend bool operator==(const chart_point&, const chart_point&) = default;
};

/// A category of a bar chart: one bar, and the entity it is about.
struct GOALTRACK_API chart_category {
  std::string label;  ///< as written beside the bar
  entity_ref entity;  ///< what the bar counts in (a collective, a program)
  friend bool operator==(const chart_category&, const chart_category&) = default;
};

/// One series: a segment of every bar, or a dated line.
struct GOALTRACK_API chart_series {
  std::string name;    ///< its legend: "đạt", "hoàn thành tốt nhiệm vụ", "expected"
  std::string colour;  ///< "#rrggbb"
  series_style style = series_style::bar;
  /// The evaluation value it draws, as figure::value names them: "status:achieved",
  /// "rating:2", "tasks.completed", "actual", "expected", "forecast".
  std::string value;
  std::vector<double> values;       ///< bars: one per category, finite and >= 0
  std::vector<chart_point> points;  ///< burn_up: in date order, finite
  friend bool operator==(const chart_series&, const chart_series&) = default;
};

/// A chart: its kind, its text alternative (title and description, read aloud in place of
/// the picture and written by text renderers), and its data.
struct GOALTRACK_API chart {
  chart_kind kind = chart_kind::bars;
  std::string title;        ///< the SVG <title>: what it shows, in a line
  std::string description;  ///< the SVG <desc>: what it says, in words (its figures)
  std::string unit;         ///< what the values count: "chỉ tiêu", "điểm trường"
  entity_ref entity;        ///< what it is about: a burn-up's target, a bar chart's subject
  std::vector<chart_category> categories;  ///< bars: one per bar, top to bottom
  std::vector<chart_series> series;        ///< bars: stacked left to right; burn_up: lines
  std::optional<period> span;              ///< burn_up: the time axis (the target's period)
  std::optional<double> goal;              ///< burn_up: the goal level, drawn across

  /// Checks what render_svg needs: a title; a colour "#rrggbb" per series; bars: neither
  /// a span nor a goal, series of style bar with one finite value >= 0 per category;
  /// burn_up: a span, series of style line or dashed with finite values, in date order,
  /// within the span; a finite goal. @throws invalid_argument naming the chart's title,
  /// the series and the field.
  void validate() const;
  friend bool operator==(const chart&, const chart&) = default;
};

/// The chart as a self-contained SVG element (no script, no external reference, no font
/// file: the reader's sans-serif), 640 wide in user units, shrinking to a narrower
/// container (max-width 100%, its height in proportion), role "img": a <title> and a
/// <desc> first (the text alternative, which is its accessible name and description);
/// bars with their category labels (shortened with "…"
/// past 28 characters, the whole label in the bar's <title>), their totals and a legend;
/// a burn-up with dated axes (dd/mm/yyyy), the goal, the series and a legend. Numbers as
/// `lang` writes them. Deterministic: coordinates with one decimal, elements in the data's
/// order. @throws invalid_argument as chart::validate.
[[nodiscard]] GOALTRACK_API std::string render_svg(const chart& c, language lang);

}  // namespace goaltrack
