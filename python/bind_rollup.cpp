// rollup.hpp: roll-up rules as data, and alignments.

#include <optional>
#include <string>

#include "bindings.hpp"
#include "goaltrack/rollup.hpp"

namespace goaltrack::python {

void wrap_rollup(py::module_& m) {
  py::enum_<rollup_method>(m, "rollup_method", "How a parent's status comes from its children's.")
      .value("weighted_mean", rollup_method::weighted_mean,
             "the weighted mean score, judged as a target's progress is")
      .value("worst", rollup_method::worst, "the worst child's status (\"worst wins\")")
      .value("best", rollup_method::best, "the best child's status")
      .value("all_achieved", rollup_method::all_achieved, "achieved when every counted child is")
      .value("share_achieved", rollup_method::share_achieved,
             "achieved when a share of the counted children are")
      .value("count_achieved", rollup_method::count_achieved,
             "achieved when at least k of the counted children are (\"k/n\")")
      .value("latest", rollup_method::latest, "the status of the child whose period ends last");
  wrap_codes<rollup_method>(m, "parse_rollup_method", &parse_rollup_method, "roll-up method");
  py::enum_<rollup_scope>(m, "rollup_scope", "What an override applies to.")
      .value("program", rollup_scope::program, "a program, by its code")
      .value("collective", rollup_scope::collective, "a collective, by its code");
  wrap_codes<rollup_scope>(m, "parse_rollup_scope", &parse_rollup_scope, "roll-up scope");
  m.attr("no_rollup") = std::string(no_rollup);

  def_fields<rollup_rule>(
      py::class_<rollup_rule>(
          m, "rollup_rule",
          "A roll-up rule: a method and its settings, under a code a policy and its overrides\n"
          "name. Every method is also a built-in rule whose code is the method's.")
          .def(py::init([](std::string code, rollup_method method, bool exclude_not_started,
                           bool exclude_no_data, share required_share,
                           std::uint32_t required_count) {
                 return rollup_rule{std::move(code), method,         exclude_not_started,
                                    exclude_no_data, required_share, required_count};
               }),
               py::arg("code"), py::arg("method") = rollup_method::weighted_mean,
               py::arg("exclude_not_started") = true, py::arg("exclude_no_data") = true,
               py::arg("required_share") = share::percent(100), py::arg("required_count") = 1))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const rollup_rule& r) {
        return "rollup_rule(" + py_repr(py::str(r.code)) +
               ", method=" + py_repr(py::cast(r.method)) +
               ", exclude_not_started=" + py_repr(py::cast(r.exclude_not_started)) +
               ", exclude_no_data=" + py_repr(py::cast(r.exclude_no_data)) +
               ", required_share=" + py_repr(py::cast(r.required_share)) +
               ", required_count=" + py_repr(py::cast(r.required_count)) + ")";
      });
  m.def("builtin_rollup_rule", &builtin_rollup_rule, py::arg("method"),
        "The built-in rule of a method: its code, its defaults.");

  def_fields<rollup_override>(
      py::class_<rollup_override>(
          m, "rollup_override",
          "A program or collective that rolls up by another rule than its policy's default.")
          .def(py::init([](rollup_scope scope, std::string code, std::string rule) {
                 return rollup_override{scope, std::move(code), std::move(rule)};
               }),
               py::arg("scope"), py::arg("code"), py::arg("rule")))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const rollup_override& o) {
        return "rollup_override(" + py_repr(py::cast(o.scope)) + ", " + py_repr(py::str(o.code)) +
               ", " + py_repr(py::str(o.rule)) + ")";
      });

  def_fields<alignment>(
      py::class_<alignment>(
          m, "alignment",
          "A target or a program (an objective) that counts toward a program besides its own\n"
          "program or parent, with a weight (plan.add_alignment). Exactly one of `target` and\n"
          "`program` is set.")
          .def(py::init([](std::optional<target_id> target, std::optional<program_id> program,
                           program_id parent, double weight) {
                 return alignment{target.value_or(target_id{}), program.value_or(program_id{}),
                                  parent, weight};
               }),
               py::kw_only(), py::arg("target") = py::none(), py::arg("program") = py::none(),
               py::arg("parent"), py::arg("weight") = 1.0))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const alignment& a) {
        return "alignment(target=" + py_repr(py::cast(a.target)) +
               ", program=" + py_repr(py::cast(a.program)) +
               ", parent=" + py_repr(py::cast(a.parent)) +
               ", weight=" + py_repr(py::cast(a.weight)) + ")";
      });
}

}  // namespace goaltrack::python
