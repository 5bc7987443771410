// note.hpp: notes of spreadsheet rows.

#include "bindings.hpp"
#include "goaltrack/note.hpp"

namespace goaltrack::python {

void wrap_note(py::module_& m) {
  def_fields<row_note>(
      py::class_<row_note>(
          m, "row_note",
          "The note of a row of a spreadsheet file (plan.add_note): the text of a notes\n"
          "column. The row is named by exactly one of the ids or `measurement`, or by a round\n"
          "with a member or a collective (a row of ratings.csv).")
          .def(
              py::init([](std::optional<collective_id> collective, std::optional<member_id> member,
                          std::optional<round_id> round, std::optional<program_id> program,
                          std::optional<task_id> task, std::optional<target_id> target,
                          std::optional<policy_id> policy, std::optional<std::uint32_t> measurement,
                          std::string column, std::string text) {
                row_note n;
                n.collective = collective.value_or(collective_id{});
                n.member = member.value_or(member_id{});
                n.round = round.value_or(round_id{});
                n.program = program.value_or(program_id{});
                n.task = task.value_or(task_id{});
                n.target = target.value_or(target_id{});
                n.policy = policy.value_or(policy_id{});
                n.measurement = measurement;
                n.column = std::move(column);
                n.text = std::move(text);
                return n;
              }),
              py::kw_only(), py::arg("collective") = py::none(), py::arg("member") = py::none(),
              py::arg("round") = py::none(), py::arg("program") = py::none(),
              py::arg("task") = py::none(), py::arg("target") = py::none(),
              py::arg("policy") = py::none(), py::arg("measurement") = py::none(),
              py::arg("column"), py::arg("text") = ""))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const row_note& n) {
        std::string out = "row_note(";
        const auto id = [&](const char* name, const auto& value) {
          if (value.ok()) out += std::string(name) + "=" + py_repr(py::cast(value)) + ", ";
        };
        id("collective", n.collective);
        id("member", n.member);
        id("round", n.round);
        id("program", n.program);
        id("task", n.task);
        id("target", n.target);
        id("policy", n.policy);
        if (n.measurement) out += "measurement=" + std::to_string(*n.measurement) + ", ";
        return out + "column=" + py_repr(py::str(n.column)) + ", text=" + py_repr(py::str(n.text)) +
               ")";
      });
}

}  // namespace goaltrack::python
