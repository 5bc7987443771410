// assessment.hpp: judgements of targets made by hand, kept beside the computed ones.

#include <optional>
#include <string>

#include "bindings.hpp"
#include "goaltrack/assessment.hpp"

namespace goaltrack::python {

void wrap_assessment(py::module_& m) {
  def_fields<assessment>(
      py::class_<assessment>(
          m, "assessment",
          "A judgement of one target made by hand (a self-assessment, an OKR self-score, a\n"
          "reviewer's call), with who made it, when and why. It never changes the computed\n"
          "status; target_result.assessment shows the one in force.")
          .def(py::init([](target_id target, date on, std::string status,
                           std::optional<double> score, std::string by, std::string reason) {
                 return assessment{target,           on, std::move(status), score, std::move(by),
                                   std::move(reason)};
               }),
               py::arg("target"), py::arg("on"), py::arg("status"), py::arg("score") = py::none(),
               py::arg("by") = "", py::arg("reason") = ""))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__",
           [](const assessment& x) {
             std::string s = "assessment(" + py_repr(py::cast(x.target)) + ", " +
                             py_repr(py::cast(x.on)) + ", " + py_repr(py::str(x.status));
             if (x.score) s += ", score=" + py_repr(py::cast(*x.score));
             if (!x.by.empty()) s += ", by=" + py_repr(py::str(x.by));
             if (!x.reason.empty()) s += ", reason=" + py_repr(py::str(x.reason));
             return s + ")";
           })
      .def(py::pickle(
          [](const assessment& x) {
            return py::make_tuple(x.target, x.on, x.status, x.score, x.by, x.reason);
          },
          [](const py::tuple& t) {
            return assessment{t[0].cast<target_id>(),   t[1].cast<date>(),
                              t[2].cast<std::string>(), t[3].cast<std::optional<double>>(),
                              t[4].cast<std::string>(), t[5].cast<std::string>()};
          }));
}

}  // namespace goaltrack::python
