// measurement.hpp: dated values of a target; plan.measurements as NumPy columns.

#include <string>

#include "bindings.hpp"
#include "goaltrack/measurement.hpp"

namespace goaltrack::python {

void wrap_measurement(py::module_& m) {
  def_fields<measurement>(
      py::class_<measurement>(
          m, "measurement",
          "One dated value of a target. What `value` means by target kind: quantity and money,\n"
          "the amount (whole numbers for counts and money); ratio, the numerator, with\n"
          "`denominator` > 0; milestone, 1 when done (0 not yet) or, with a checklist, the\n"
          "number of items done; direction, the observed level of what should rise or fall.\n"
          "Rating targets take no measurements: they read ratings.")
          .def(py::init([](target_id target, date on, double value, double denominator,
                           std::string source, std::string note) {
                 return measurement{target,         on, value, denominator, std::move(source),
                                    std::move(note)};
               }),
               py::arg("target"), py::arg("on"), py::arg("value"), py::arg("denominator") = 1.0,
               py::arg("source") = "", py::arg("note") = ""))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__",
           [](const measurement& x) {
             std::string s = "measurement(" + py_repr(py::cast(x.target)) + ", " +
                             py_repr(py::cast(x.on)) + ", " + py_repr(py::cast(x.value));
             if (x.denominator != 1) s += ", denominator=" + py_repr(py::cast(x.denominator));
             if (!x.source.empty()) s += ", source=" + py_repr(py::str(x.source));
             if (!x.note.empty()) s += ", note=" + py_repr(py::str(x.note));
             return s + ")";
           })
      .def(py::pickle(
          [](const measurement& x) {
            return py::make_tuple(x.target, x.on, x.value, x.denominator, x.source, x.note);
          },
          [](const py::tuple& t) {
            return measurement{t[0].cast<target_id>(),   t[1].cast<date>(),
                               t[2].cast<double>(),      t[3].cast<double>(),
                               t[4].cast<std::string>(), t[5].cast<std::string>()};
          }));
}

}  // namespace goaltrack::python
