// chart.hpp: charts of a report, as data, and render_svg. The parts are Python classes with
// keyword constructors and the C++ fields as attributes, as document.hpp's are; an entity
// is an id or None (the plan as a whole), as a figure's.
//
// Every list attribute (categories, series, values, points) is read as a copy and written
// whole, so no Python object refers into a vector that reassigning it would free. A chart
// inside a section (section.add_chart, section.blocks) is the section's own, changed in
// place.

#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "goaltrack/chart.hpp"

namespace goaltrack::python {
namespace {

void wrap_chart_enums(py::module_& m) {
  py::enum_<chart_kind>(m, "chart_kind", "What a chart draws.")
      .value("bars", chart_kind::bars,
             "a horizontal bar per category, stacked from the series' values (counts), a\n"
             "legend of the series")
      .value("burn_up", chart_kind::burn_up,
             "a target's value over its period: dated series (check-ins, expected, forecast)\n"
             "and the goal line");
  wrap_codes<chart_kind>(m, "parse_chart_kind", &parse_chart_kind, "chart kind");
  py::enum_<series_style>(m, "series_style", "How a series is drawn.")
      .value("bar", series_style::bar, "a segment of each category's bar (bars)")
      .value("line", series_style::line,
             "dated points joined by a solid line, each point marked (burn_up)")
      .value("dashed", series_style::dashed,
             "dated points joined by a dashed line (burn_up: expected, forecast)");
  wrap_codes<series_style>(m, "parse_series_style", &parse_series_style, "series style");
}

void wrap_chart_parts(py::module_& m) {
  py::class_<chart_point>(m, "chart_point", "A dated value of a burn-up's series.")
      .def(py::init([](date day, double value) {
             return chart_point{day, value};
           }),
           py::arg("day"), py::arg("value") = 0.0)
      .def_readwrite("day", &chart_point::day, "the day")
      .def_readwrite("value", &chart_point::value, "the value on that day")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const chart_point& p) {
        return "chart_point(" + py_repr(py::cast(p.day)) + ", " + py_repr(py::cast(p.value)) + ")";
      });

  py::class_<chart_category>(m, "chart_category",
                             "A category of a bar chart: one bar, and the entity it is about.")
      .def(py::init([](std::string label, entity_ref entity) {
             return chart_category{std::move(label), entity};
           }),
           py::arg("label") = std::string(), py::arg("entity") = py::none())
      .def_readwrite("label", &chart_category::label, "as written beside the bar")
      .def_readwrite("entity", &chart_category::entity,
                     "what the bar counts in (a collective, a program; None: the plan as a "
                     "whole)")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const chart_category& c) {
        return "chart_category(" + py_repr(py::str(c.label)) +
               ", entity=" + py_repr(py::cast(c.entity)) + ")";
      });

  py::class_<chart_series>(m, "chart_series",
                           "One series: a segment of every bar, or a dated line.")
      .def(py::init([](std::string name, std::string colour, series_style style, std::string value,
                       std::vector<double> values, std::vector<chart_point> points) {
             return chart_series{std::move(name),  std::move(colour), style,
                                 std::move(value), std::move(values), std::move(points)};
           }),
           py::arg("name") = std::string(), py::arg("colour") = std::string(),
           py::arg("style") = series_style::bar, py::arg("value") = std::string(),
           py::arg("values") = std::vector<double>{},
           py::arg("points") = std::vector<chart_point>{})
      .def_readwrite("name", &chart_series::name,
                     "its legend: \"đạt\", \"hoàn thành tốt nhiệm vụ\", \"expected\"")
      .def_readwrite("colour", &chart_series::colour, "\"#rrggbb\"")
      .def_readwrite("style", &chart_series::style, "how it is drawn")
      .def_readwrite("value", &chart_series::value,
                     "The evaluation value it draws, as figure.value names them: "
                     "\"status:achieved\",\n\"rating:2\", \"tasks.completed\", \"actual\", "
                     "\"expected\", \"forecast\".")
      .def_property("values", copy_of(&chart_series::values), assign(&chart_series::values),
                    "bars: one per category, finite and >= 0 (a copy: assign a list to change "
                    "them)")
      .def_property("points", copy_of(&chart_series::points), assign(&chart_series::points),
                    "burn_up: chart_points in date order, finite (a copy: assign a list to "
                    "change them)")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const chart_series& s) {
        return "chart_series(" + py_repr(py::str(s.name)) + ", " + py_repr(py::str(s.colour)) +
               ", style=" + py_repr(py::cast(s.style)) + ", value=" + py_repr(py::str(s.value)) +
               ", " + list_repr(s.values.size(), "value", "values") + ", " +
               list_repr(s.points.size(), "point", "points") + ")";
      });
}

void wrap_chart_class(py::module_& m) {
  py::class_<chart>(m, "chart",
                    "A chart: its kind, its text alternative (title and description, read aloud "
                    "in place of\nthe picture and written by text renderers), and its data.")
      .def(py::init([](chart_kind kind, std::string title, std::string description,
                       std::string unit, entity_ref entity, std::vector<chart_category> categories,
                       std::vector<chart_series> series, std::optional<period> span,
                       std::optional<double> goal) {
             return chart{kind,   std::move(title),      std::move(description), std::move(unit),
                          entity, std::move(categories), std::move(series),      std::move(span),
                          goal};
           }),
           py::arg("kind") = chart_kind::bars, py::arg("title") = std::string(), py::kw_only(),
           py::arg("description") = std::string(), py::arg("unit") = std::string(),
           py::arg("entity") = py::none(), py::arg("categories") = std::vector<chart_category>{},
           py::arg("series") = std::vector<chart_series>{}, py::arg("span") = py::none(),
           py::arg("goal") = py::none(),
           "Not checked: validate() (and add_chart, render_svg) checks what rendering needs.")
      .def_readwrite("kind", &chart::kind, "what it draws")
      .def_readwrite("title", &chart::title, "the SVG <title>: what it shows, in a line")
      .def_readwrite("description", &chart::description,
                     "the SVG <desc>: what it says, in words (its figures)")
      .def_readwrite("unit", &chart::unit, "what the values count: \"chỉ tiêu\", \"điểm trường\"")
      .def_readwrite("entity", &chart::entity,
                     "what it is about: a burn-up's target, a bar chart's subject (None: the "
                     "plan as a whole)")
      .def_property("categories", copy_of(&chart::categories), assign(&chart::categories),
                    "bars: one per bar, top to bottom (a copy: assign a list to change them)")
      .def_property("series", copy_of(&chart::series), assign(&chart::series),
                    "bars: stacked left to right; burn_up: lines (a copy: assign a list to "
                    "change them)")
      .def_readwrite("span", &chart::span, "burn_up: the time axis (the target's period)")
      .def_readwrite("goal", &chart::goal, "burn_up: the goal level, drawn across")
      .def("validate", &chart::validate,
           "Checks what render_svg needs: a title; a colour \"#rrggbb\" per series; bars: no "
           "span,\nseries of style bar with one finite value >= 0 per category; burn_up: a "
           "span, series\nof style line or dashed with finite values, in date order, within "
           "the span; a finite\ngoal. Raises InvalidArgument naming the chart's title, the "
           "series and the field.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const chart& c) {
        std::string out = "chart(" + py_repr(py::cast(c.kind)) + ", " + py_repr(py::str(c.title));
        if (c.kind == chart_kind::bars || !c.categories.empty())
          out += ", " + list_repr(c.categories.size(), "category", "categories");
        out += ", " + list_repr(c.series.size(), "series", "series");
        if (c.span) out += ", span=" + py_repr(py::cast(*c.span));
        if (c.goal) out += ", goal=" + py_repr(py::cast(*c.goal));
        return out + ")";
      });
}

}  // namespace

void wrap_chart(py::module_& m) {
  wrap_chart_enums(m);
  wrap_chart_parts(m);
  wrap_chart_class(m);
  m.def("render_svg", &render_svg, py::arg("chart"), py::arg("lang"),
        "The chart as a self-contained SVG element (no script, no external reference, no font\n"
        "file: the reader's sans-serif), 640 wide in user units and scaled to its container\n"
        "(width 100%): a <title> and a <desc> first (the text alternative, and\n"
        "aria-labelledby naming them); bars with their category labels (shortened with \"…\"\n"
        "past 28 characters, the whole label in the bar's <title>), their totals and a legend;\n"
        "a burn-up with dated axes (dd/mm/yyyy), the goal, the series and a legend. Numbers as\n"
        "`lang` writes them. Deterministic: coordinates with one decimal, elements in the\n"
        "data's order. Raises InvalidArgument as chart.validate.");
}

}  // namespace goaltrack::python
