// rate.hpp: exact rates and the rounding a report chooses for them.

#include <string>

#include "bindings.hpp"
#include "goaltrack/rate.hpp"

namespace goaltrack::python {

void wrap_rate(py::module_& m) {
  py::enum_<rounding>(m, "rounding", "How a figure is cut to the decimals it is printed with.")
      .value("half_away_from_zero", rounding::half_away_from_zero,
             "to the nearest, a half away from zero: 93.1875% is 93.2%")
      .value("truncate", rounding::truncate, "toward zero: 93.1875% is 93.1% (never overstated)");
  wrap_codes<rounding>(m, "parse_rounding", &parse_rounding, "rounding");
  m.attr("max_rate_decimals") = max_rate_decimals;

  py::class_<rate>(m, "rate",
                   "A rate, numerator / denominator: two counts, or two sums of weights (finite,\n"
                   ">= 0).")
      .def(py::init([](double numerator, double denominator) {
             return rate{numerator, denominator};
           }),
           py::arg("numerator") = 0.0, py::arg("denominator") = 0.0)
      .def_readwrite("numerator", &rate::numerator)
      .def_readwrite("denominator", &rate::denominator)
      .def("value", &rate::value, "numerator / denominator; None when the denominator is 0.")
      .def("percent_units", &rate::percent_units, py::arg("decimals"),
           py::arg("mode") = rounding::half_away_from_zero,
           "The rate as a percentage in units of 10^-decimals percent, cut by `mode`:\n"
           "1240 / 1600 at one decimal is 775. Exact for whole parts up to 2^53. None when the\n"
           "denominator is 0. Raises InvalidArgument for decimals outside 0..6 or a part that\n"
           "is negative or not finite.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__",
           [](const rate& r) {
             return "rate(" + py_repr(py::cast(r.numerator)) + ", " +
                    py_repr(py::cast(r.denominator)) + ")";
           })
      .def(py::pickle([](const rate& r) { return py::make_tuple(r.numerator, r.denominator); },
                      [](const py::tuple& t) {
                        return rate{t[0].cast<double>(), t[1].cast<double>()};
                      }));
}

}  // namespace goaltrack::python
