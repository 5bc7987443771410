// task.hpp: tasks of a program, planned or supplementary, with their status history.

#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "goaltrack/task.hpp"

namespace goaltrack::python {

void wrap_task(py::module_& m) {
  py::enum_<task_kind>(m, "task_kind", "Whether a task was in the program from the start.")
      .value("planned", task_kind::planned, "in the program as issued")
      .value("supplementary", task_kind::supplementary, "added later (nhiệm vụ bổ sung)");
  py::enum_<task_status>(m, "task_status", "Where a task stands.")
      .value("not_started", task_status::not_started, "the status before any change is recorded")
      .value("in_progress", task_status::in_progress)
      .value("completed", task_status::completed)
      .value("cancelled", task_status::cancelled, "dropped; not counted as due");
  m.def(
      "to_string", [](task_status s) { return std::string(to_string(s)); }, py::arg("s"),
      "The stable code of a task status: \"not_started\", \"in_progress\", \"completed\",\n"
      "\"cancelled\".");
  m.def(
      "to_string", [](task_kind k) { return std::string(to_string(k)); }, py::arg("k"),
      "The stable code of a task kind: \"planned\" or \"supplementary\".");
  m.def("parse_task_status", &parse_task_status, py::arg("code"),
        "The task status with this code. Raises ParseError naming the text.");
  m.def("parse_task_kind", &parse_task_kind, py::arg("code"),
        "The task kind with this code. Raises ParseError naming the text.");

  py::class_<task_status_change>(m, "task_status_change", "A status and the day it took effect.")
      .def(py::init([](date on, task_status status) {
             return task_status_change{on, status};
           }),
           py::arg("on"), py::arg("status"))
      .def_readwrite("on", &task_status_change::on, "the day the status took effect")
      .def_readwrite("status", &task_status_change::status, "the status")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__",
           [](const task_status_change& c) {
             return "task_status_change(" + py_repr(py::cast(c.on)) + ", " +
                    py_repr(py::cast(c.status)) + ")";
           })
      .def(py::pickle([](const task_status_change& c) { return py::make_tuple(c.on, c.status); },
                      [](const py::tuple& t) {
                        return task_status_change{t[0].cast<date>(), t[1].cast<task_status>()};
                      }));

  def_fields<task>(
      py::class_<task>(
          m, "task",
          "A task (nhiệm vụ) of a program. A task is planned (in the program from the start) or\n"
          "supplementary (nhiệm vụ bổ sung: added during the period); reviews count the two\n"
          "apart (\"15/15 tasks and 2 supplementary tasks\"). A task keeps the history of its\n"
          "status, so its status as of any date is known. Add one with plan.add_task.")
          .def(py::init([](std::string code, std::string title, program_id program,
                           collective_id owner, std::optional<date> deadline, task_kind kind,
                           double weight, std::vector<task_status_change> history) {
                 return task{std::move(code), std::move(title),  program, owner, deadline, kind,
                             weight,          std::move(history)};
               }),
               py::arg("code"), py::arg("title") = "", py::arg("program") = program_id{},
               py::arg("owner") = collective_id{}, py::arg("deadline") = py::none(),
               py::arg("kind") = task_kind::planned, py::arg("weight") = 1.0,
               py::arg("history") = std::vector<task_status_change>{}))
      .def("status_as_of", &task::status_as_of, py::arg("as_of"),
           "The status in effect at the end of day `as_of`: the last change on or before it,\n"
           "or not_started when there is none.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__",
           [](const task& t) {
             return "task(code=" + py_repr(py::str(t.code)) +
                    ", program=" + py_repr(py::cast(t.program)) +
                    ", owner=" + py_repr(py::cast(t.owner)) +
                    ", kind=" + py_repr(py::cast(t.kind)) +
                    ", history=" + py_repr(py::cast(t.history)) + ")";
           })
      .def(py::pickle(
          [](const task& t) {
            return py::make_tuple(t.code, t.title, t.program, t.owner, t.deadline, t.kind, t.weight,
                                  t.history);
          },
          [](const py::tuple& t) {
            return task{t[0].cast<std::string>(),
                        t[1].cast<std::string>(),
                        t[2].cast<program_id>(),
                        t[3].cast<collective_id>(),
                        t[4].cast<std::optional<date>>(),
                        t[5].cast<task_kind>(),
                        t[6].cast<double>(),
                        t[7].cast<std::vector<task_status_change>>()};
          }));
}

}  // namespace goaltrack::python
