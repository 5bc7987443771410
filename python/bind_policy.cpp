// policy.hpp: evaluation policies as data.

#include <string>
#include <vector>

#include "bindings.hpp"
#include "goaltrack/policy.hpp"

namespace goaltrack::python {

void wrap_policy(py::module_& m) {
  def_fields<rating_summary_spec>(
      py::class_<rating_summary_spec>(
          m, "rating_summary_spec",
          "A request to summarise ratings per collective without a target: how many members\n"
          "are rated `level` or above, and how many collectives (of `counted_kind`) qualify.")
          .def(py::init([](round_id round, rating_level level, std::string counted_kind,
                           collective_criterion criterion, share required_share) {
                 return rating_summary_spec{round, level, std::move(counted_kind), criterion,
                                            required_share};
               }),
               py::arg("round"), py::arg("level"), py::arg("counted_kind") = "",
               py::arg("criterion") = collective_criterion::own_rating,
               py::arg("required_share") = share::percent(100)))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const rating_summary_spec& s) {
        return "rating_summary_spec(round=" + py_repr(py::cast(s.round)) +
               ", level=" + py_repr(py::cast(s.level)) +
               ", counted_kind=" + py_repr(py::str(s.counted_kind)) +
               ", criterion=" + py_repr(py::cast(s.criterion)) +
               ", required_share=" + py_repr(py::cast(s.required_share)) + ")";
      });

  def_fields<evaluation_policy>(
      py::class_<evaluation_policy>(
          m, "evaluation_policy",
          "The thresholds and switches of evaluation; the defaults are documented per field.\n"
          "A plan can keep named policies (plan.add_policy) so that a department's rules travel\n"
          "with its plan.")
          .def(
              py::init([](double on_track_margin, double at_risk_margin,
                          bool not_started_before_start, bool missed_after_end,
                          double trend_tolerance, std::vector<rating_summary_spec> rating_summaries,
                          bool close_at_period_end, band_basis basis, bool reached_is_achieved,
                          std::vector<status_definition> statuses, std::vector<status_band> bands) {
                evaluation_policy p;
                p.on_track_margin = on_track_margin;
                p.at_risk_margin = at_risk_margin;
                p.not_started_before_start = not_started_before_start;
                p.missed_after_end = missed_after_end;
                p.trend_tolerance = trend_tolerance;
                p.rating_summaries = std::move(rating_summaries);
                p.close_at_period_end = close_at_period_end;
                p.basis = basis;
                p.reached_is_achieved = reached_is_achieved;
                p.statuses = std::move(statuses);
                p.bands = std::move(bands);
                return p;
              }),
              py::arg("on_track_margin") = 0.10, py::arg("at_risk_margin") = 0.25,
              py::arg("not_started_before_start") = true, py::arg("missed_after_end") = true,
              py::arg("trend_tolerance") = 0.02,
              py::arg("rating_summaries") = std::vector<rating_summary_spec>{},
              py::arg("close_at_period_end") = false, py::arg("basis") = band_basis::pace,
              py::arg("reached_is_achieved") = true,
              py::arg("statuses") = std::vector<status_definition>{},
              py::arg("bands") = std::vector<status_band>{}))
      .def("validate", &evaluation_policy::validate, py::arg("name") = "policy",
           "Raises InvalidArgument naming `name` and the field: margins not finite,\n"
           "negative, or at_risk_margin < on_track_margin; tolerance not finite or\n"
           "negative; a summary's required share with a zero denominator or above 100%;\n"
           "a status with an empty, repeated or built-in code, a colour not #rrggbb, or the\n"
           "category not_started or no_data; a band naming an unknown status, with a NaN\n"
           "edge or lower > upper; the bands of a phase that leave a gap or overlap.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const evaluation_policy& p) {
        return "evaluation_policy(on_track_margin=" + py_repr(py::cast(p.on_track_margin)) +
               ", at_risk_margin=" + py_repr(py::cast(p.at_risk_margin)) +
               ", not_started_before_start=" + (p.not_started_before_start ? "True" : "False") +
               ", missed_after_end=" + (p.missed_after_end ? "True" : "False") +
               ", trend_tolerance=" + py_repr(py::cast(p.trend_tolerance)) +
               ", rating_summaries=" + py_repr(py::cast(p.rating_summaries)) +
               ", close_at_period_end=" + (p.close_at_period_end ? "True" : "False") +
               ", basis=" + py_repr(py::cast(p.basis)) +
               ", reached_is_achieved=" + (p.reached_is_achieved ? "True" : "False") +
               ", statuses=" + py_repr(py::cast(p.statuses)) +
               ", bands=" + py_repr(py::cast(p.bands)) + ")";
      });
  m.def(
      "policy_preset_codes",
      [] {
        std::vector<std::string> codes;
        for (const std::string_view c : policy_preset_codes()) codes.emplace_back(c);
        return codes;
      },
      "The codes of the shipped presets, in order: \"default\", \"year_end_review\", \"okr\"\n"
      "and \"rag\" (policy_preset).");
  m.def("policy_preset", &policy_preset, py::arg("code"),
        "The shipped preset with this code: \"default\" (evaluation_policy()),\n"
        "\"year_end_review\" (the default with close_at_period_end on), \"okr\" (key results\n"
        "graded green >= 0.7, yellow >= 0.4, else red when their period closes) or \"rag\"\n"
        "(red / amber / green by pace at the default margins while the period is open).\n"
        "Raises NotFound naming the code and the known ones.");

  py::class_<named_policy>(m, "named_policy", "A policy kept in a plan under a code.")
      .def(py::init([](std::string code, evaluation_policy policy) {
             return named_policy{std::move(code), std::move(policy)};
           }),
           py::arg("code"), py::arg("policy"))
      .def_readonly("code", &named_policy::code)
      .def_readonly("policy", &named_policy::policy)
      .def("__repr__", [](const named_policy& p) {
        return "named_policy(" + py_repr(py::str(p.code)) + ", " + py_repr(py::cast(p.policy)) +
               ")";
      });
}

}  // namespace goaltrack::python
