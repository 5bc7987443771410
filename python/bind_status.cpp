// status.hpp: statuses and the bands that give them.

#include <limits>
#include <string>

#include "bindings.hpp"
#include "goaltrack/status.hpp"

namespace goaltrack::python {

void wrap_status(py::module_& m) {
  py::enum_<target_status>(m, "target_status",
                           "Where a target stands as of a date. The rules, in order: "
                           "not_started (A < S), no_data,\nwithin_so_far (a limit met before "
                           "its period closes), achieved (progress >= 1), missed\n(the period "
                           "closed), off_track (a limit without baseline violated), on_track\n"
                           "(progress >= expected - on_track_margin), at_risk (>= expected - "
                           "at_risk_margin),\nelse off_track. The value is the code in the "
                           "NumPy column evaluation.statuses().")
      .value("not_started", target_status::not_started)
      .value("no_data", target_status::no_data)
      .value("on_track", target_status::on_track)
      .value("at_risk", target_status::at_risk)
      .value("off_track", target_status::off_track)
      .value("achieved", target_status::achieved)
      .value("missed", target_status::missed)
      .value("within_so_far", target_status::within_so_far);
  m.attr("target_status_count") = target_status_count;
  m.def(
      "to_string", [](target_status s) { return std::string(to_string(s)); }, py::arg("s"),
      "The stable code of a target status (\"on_track\", ...).");
  m.def("parse_target_status", &parse_target_status, py::arg("code"),
        "The target status with this code. Raises ParseError naming the text.");

  py::enum_<band_basis>(m, "band_basis", "Which figure a policy's bands divide.")
      .value("pace", band_basis::pace,
             "progress against expected progress (edges are offsets from it)")
      .value("progress", band_basis::progress, "progress itself (percent of target, an OKR grade)");
  py::enum_<band_phase>(m, "band_phase", "When a band applies.")
      .value("open", band_phase::open, "while the target's period is open")
      .value("closed", band_phase::closed, "once it is closed: the final judgement");
  wrap_codes<band_basis>(m, "parse_band_basis", &parse_band_basis, "band basis");
  wrap_codes<band_phase>(m, "parse_band_phase", &parse_band_phase, "band phase");

  def_fields<status_definition>(
      py::class_<status_definition>(m, "status_definition",
                                    "A named status: what a policy's band gives and a report "
                                    "shows.")
          .def(py::init([](std::string code, std::string label_en, std::string label_vi,
                           std::string colour, target_status category) {
                 return status_definition{std::move(code), std::move(label_en), std::move(label_vi),
                                          std::move(colour), category};
               }),
               py::arg("code"), py::arg("label_en") = "", py::arg("label_vi") = "",
               py::arg("colour") = "", py::arg("category") = target_status::on_track))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const status_definition& d) {
        return "status_definition(" + py_repr(py::str(d.code)) +
               ", label_en=" + py_repr(py::str(d.label_en)) +
               ", label_vi=" + py_repr(py::str(d.label_vi)) +
               ", colour=" + py_repr(py::str(d.colour)) +
               ", category=" + py_repr(py::cast(d.category)) + ")";
      });
  m.def("builtin_status", &builtin_status, py::arg("s"),
        "The built-in status `s` as a definition: its code, labels, colour, and itself as "
        "its category.");

  constexpr double inf = std::numeric_limits<double>::infinity();
  def_fields<status_band>(
      py::class_<status_band>(
          m, "status_band",
          "One band of the score line and the status it gives. The bands of one phase must\n"
          "partition the whole line, from -inf to +inf (evaluation_policy.validate).")
          .def(py::init([](std::string status, double lower, double upper, bool lower_inclusive,
                           bool upper_inclusive, band_phase phase) {
                 return status_band{std::move(status), lower,           upper,
                                    lower_inclusive,   upper_inclusive, phase};
               }),
               py::arg("status"), py::arg("lower") = -inf, py::arg("upper") = inf,
               py::arg("lower_inclusive") = true, py::arg("upper_inclusive") = false,
               py::arg("phase") = band_phase::open))
      .def("holds", &status_band::holds, py::arg("progress"), py::arg("offset") = 0.0,
           "True when `progress` lies in the band, its edges shifted by `offset`.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const status_band& b) {
        return "status_band(" + py_repr(py::str(b.status)) +
               ", lower=" + py_repr(py::cast(b.lower)) + ", upper=" + py_repr(py::cast(b.upper)) +
               ", lower_inclusive=" + (b.lower_inclusive ? "True" : "False") +
               ", upper_inclusive=" + (b.upper_inclusive ? "True" : "False") +
               ", phase=" + py_repr(py::cast(b.phase)) + ")";
      });
}

}  // namespace goaltrack::python
