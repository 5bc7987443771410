// period.hpp: dates (datetime.date in Python) and periods.

#include <functional>

#include "bindings.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/period.hpp"

namespace goaltrack::python {

void wrap_period(py::module_& m) {
  m.def("make_date", &make_date, py::arg("year"), py::arg("month"), py::arg("day"),
        "The date year-month-day.\n"
        "Raises InvalidArgument when the day does not exist (2021-02-29) or the year is\n"
        "outside 1400..9999 (the range Boost.Date_Time supports).");
  m.def("parse_date", &parse_date, py::arg("text"),
        "Parses an ISO 8601 calendar date \"YYYY-MM-DD\".\n"
        "Raises ParseError naming the text when it is not such a date.");
  m.def("to_iso", &to_iso, py::arg("d"), "Formats a date as ISO 8601 \"YYYY-MM-DD\".");
  m.def("day_number", &day_number, py::arg("d"),
        "Days since 1970-01-01 (negative before). The integer form used in columns and\n"
        "arithmetic (the same as NumPy's datetime64[D] as an integer): for dates a and b,\n"
        "a - b in days is day_number(a) - day_number(b).");
  m.def("from_day_number", &from_day_number, py::arg("days"),
        "The date that is `days` days after 1970-01-01.\n"
        "Raises InvalidArgument outside the supported years.");

  py::enum_<period_kind>(m, "period_kind",
                         "How a period is named. The kind only affects printing and parsing: "
                         "every period is a closed range of days.")
      .value("calendar_year", period_kind::calendar_year, "1 January to 31 December: \"2021\"")
      .value("quarter", period_kind::quarter, "three calendar months: \"2021-Q1\"")
      .value("month", period_kind::month, "one calendar month: \"2021-03\"")
      .value("school_year", period_kind::school_year,
             "a school year, by default 5 September to 31 May: \"2019-2020\"")
      .value("fiscal_year", period_kind::fiscal_year,
             "twelve months from a start month: \"FY2021-04\" starts 1 April 2021")
      .value("custom", period_kind::custom,
             "any range: \"2021-01-05/2021-02-01\"; a single day: \"2021-01-21\"")
      .value("half_year", period_kind::half_year,
             "six calendar months: \"2025-H1\" (January-June), \"2025-H2\"")
      .value("nine_months", period_kind::nine_months,
             "the first nine months of a year, January-September: \"2025-9M\"");

  py::enum_<fiscal_year_naming>(m, "fiscal_year_naming",
                                "Which calendar year names a fiscal year that spans two.")
      .value("start_year", fiscal_year_naming::start_year,
             "\"FY2021-04\" is April 2021 to March 2022 (the default)")
      .value("end_year", fiscal_year_naming::end_year,
             "\"FY2011-10\" is October 2010 to September 2011 (US, Australia)");

  py::class_<school_calendar>(m, "school_calendar",
                              "When a school year starts and ends. The Vietnamese default is 5 "
                              "September to\n31 May of the next year (the national school-year "
                              "opening day).")
      .def(py::init([](int start_month, int start_day, int end_month, int end_day) {
             return school_calendar{start_month, start_day, end_month, end_day};
           }),
           py::arg("start_month") = 9, py::arg("start_day") = 5, py::arg("end_month") = 5,
           py::arg("end_day") = 31)
      .def_readwrite("start_month", &school_calendar::start_month, "month of the first day, 1..12")
      .def_readwrite("start_day", &school_calendar::start_day, "day of the first day")
      .def_readwrite("end_month", &school_calendar::end_month,
                     "month of the last day, in the following calendar year")
      .def_readwrite("end_day", &school_calendar::end_day, "day of the last day")
      .def("__repr__", [](const school_calendar& c) {
        return "school_calendar(start_month=" + std::to_string(c.start_month) +
               ", start_day=" + std::to_string(c.start_day) +
               ", end_month=" + std::to_string(c.end_month) +
               ", end_day=" + std::to_string(c.end_day) + ")";
      });

  py::class_<period_format>(
      m, "period_format",
      "Options for parsing period text, and for printing it the same way (period.name).")
      .def(py::init([](school_calendar school, int fiscal_start_month,
                       fiscal_year_naming fiscal_naming) {
             return period_format{school, fiscal_start_month, fiscal_naming};
           }),
           py::arg("school") = school_calendar{}, py::arg("fiscal_start_month") = 1,
           py::arg("fiscal_naming") = fiscal_year_naming::start_year)
      .def_readwrite("school", &period_format::school, "used for \"2019-2020\"")
      .def_readwrite("fiscal_start_month", &period_format::fiscal_start_month,
                     "used for \"FY2021\" without a month")
      .def_readwrite("fiscal_naming", &period_format::fiscal_naming,
                     "the year that names a fiscal year: the one it starts in (default) or "
                     "ends in")
      .def("__repr__", [](const period_format& f) {
        return "period_format(school=" + py_repr(py::cast(f.school)) +
               ", fiscal_start_month=" + std::to_string(f.fiscal_start_month) +
               ", fiscal_naming=" + py_repr(py::cast(f.fiscal_naming)) + ")";
      });

  py::class_<period>(m, "period",
                     "A closed range of days [first, last] with the kind that names it: a "
                     "calendar year (\"2021\"),\na half-year (\"2025-H1\"), the first nine "
                     "months (\"2025-9M\"), a quarter (\"2021-Q1\"),\na month "
                     "(\"2021-03\"), a school year (\"2019-2020\"), a fiscal year\n"
                     "(\"FY2021-04\") or a custom range (\"2021-01-05/2021-02-01\"). Build one "
                     "with a static factory\nor period.parse(text).")
      .def_static("year", &period::year, py::arg("year"), "The calendar year `year`.")
      .def_static("quarter", &period::quarter, py::arg("year"), py::arg("q"),
                  "Quarter q (1..4) of `year`. Raises InvalidArgument for another q.")
      .def_static("month", &period::month, py::arg("year"), py::arg("m"),
                  "Month m (1..12) of `year`. Raises InvalidArgument for another m.")
      .def_static("school_year", &period::school_year, py::arg("start_year"),
                  py::arg("calendar") = school_calendar{},
                  "The school year that starts in `start_year` (\"2019-2020\" starts in 2019).\n"
                  "Raises InvalidArgument when the calendar names a day that does not exist.")
      .def_static("half_year", &period::half_year, py::arg("year"), py::arg("h"),
                  "Half h (1: January-June, 2: July-December) of `year`.\n"
                  "Raises InvalidArgument for another h.")
      .def_static("nine_months", &period::nine_months, py::arg("year"),
                  "The first nine months of `year`: 1 January to 30 September.")
      .def_static("fiscal_year", &period::fiscal_year, py::arg("start_year"),
                  py::arg("start_month"),
                  "The twelve months that start on day 1 of `start_month` (1..12) of "
                  "`start_year`.")
      .def_static("of_kind", &period::of_kind, py::arg("kind"), py::arg("first"), py::arg("last"),
                  "The period of `kind` whose days are exactly [first, last].\n"
                  "Raises InvalidArgument naming the kind and days when no period of that "
                  "kind has them.")
      .def_static("between", &period::between, py::arg("first"), py::arg("last"),
                  "Any range of days, both ends included.\n"
                  "Raises InvalidArgument naming both dates when last is before first.")
      .def_static("parse", &period::parse, py::arg("text"), py::arg("format") = period_format{},
                  "Parses \"2021\", \"2021-H1\", \"2021-9M\", \"2021-Q1\", \"2021-03\", "
                  "\"2019-2020\", \"FY2021\",\n\"FY2021-04\", \"2021-01-21\" (one day) or "
                  "\"2021-01-05/2021-02-01\" (a range). Fiscal\nyears are read by `format`'s "
                  "naming and start month.\nRaises ParseError naming the text when it is none "
                  "of these.")
      .def_property_readonly("first", &period::first, "The first day.")
      .def_property_readonly("last", &period::last, "The last day (included).")
      .def_property_readonly("kind", &period::kind, "How the period is named.")
      .def_property_readonly("days", &period::days,
                             "Number of days, both ends included: last - first + 1.")
      .def("contains", &period::contains, py::arg("d"), "True when first <= d <= last.")
      .def("__contains__", &period::contains, py::arg("d"))
      .def("elapsed_fraction", &period::elapsed_fraction, py::arg("as_of"),
           "The share of the period elapsed at the end of day `as_of`:\n"
           "  clamp((as_of - first + 1) / (last - first + 1), 0, 1)   in days,\n"
           "so the whole of 2021 as of 2021-09-30 gives 273/365, as of its last day 1,\n"
           "and as of any day before it starts 0.")
      .def("to_string", &period::to_string,
           "The canonical name: \"2021\", \"2021-H1\", \"2021-9M\", \"2021-Q1\", \"2021-03\", "
           "\"2019-2020\",\n\"FY2021-04\" (by start year, always with its month), "
           "\"2021-01-21\" or\n\"2021-01-05/2021-02-01\". period.parse with the default "
           "format reads it back.")
      .def("name", &period::name, py::arg("format"),
           "The name in `format`'s conventions, which period.parse(name, format) reads back:\n"
           "a fiscal year by the year `format` names it after, without its month when that\n"
           "is format.fiscal_start_month (\"FY2011\" for October 2010-September 2011 in the\n"
           "US convention); every other kind as to_string().")
      .def("__str__", &period::to_string)
      .def("__repr__", [](const period& p) { return "period('" + p.to_string() + "')"; })
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__hash__",
           [](const period& p) {
             return std::hash<std::int64_t>{}(
                 (static_cast<std::int64_t>(day_number(p.first())) << 32) ^
                 (static_cast<std::int64_t>(day_number(p.last())) << 3) ^
                 static_cast<std::int64_t>(p.kind()));
           })
      .def(py::pickle([](const period& p) { return py::make_tuple(p.kind(), p.first(), p.last()); },
                      [](const py::tuple& t) {
                        if (t.size() != 3) throw invalid_argument("period: bad pickle state");
                        return period::of_kind(t[0].cast<period_kind>(), t[1].cast<date>(),
                                               t[2].cast<date>());
                      }));
  m.def("split_period", &split_period, py::arg("p"), py::arg("unit"),
        "The months, quarters, half-years or calendar years (`unit`) that tile `p`, in "
        "order.\nRaises InvalidArgument naming the period and the unit when `unit` is another "
        "kind,\nor `p` does not start on the first day of one (or end on the last day of one).");
}

}  // namespace goaltrack::python
