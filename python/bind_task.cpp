// task.hpp: tasks of a program, planned or supplementary, with their status history.

#include <iterator>
#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "goaltrack/task.hpp"
#include "goaltrack/task_tally.hpp"

namespace goaltrack::python {
namespace {

constexpr task_figure all_figures[] = {task_figure::assigned,
                                       task_figure::completed,
                                       task_figure::planned,
                                       task_figure::planned_completed,
                                       task_figure::supplementary,
                                       task_figure::supplementary_completed,
                                       task_figure::due,
                                       task_figure::due_completed,
                                       task_figure::due_or_completed,
                                       task_figure::completed_on_time,
                                       task_figure::completed_late,
                                       task_figure::overdue,
                                       task_figure::not_yet_due,
                                       task_figure::cancelled};
static_assert(std::size(all_figures) == task_figure_count);

std::string tally_repr(const task_tally& t) {
  const auto n = [&](task_figure f) { return std::to_string(t.count(f)); };
  return "task_tally(planned=" + n(task_figure::planned_completed) + "/" + n(task_figure::planned) +
         ", supplementary=" + n(task_figure::supplementary_completed) + "/" +
         n(task_figure::supplementary) + ", overdue=" + n(task_figure::overdue) +
         ", completed_late=" + n(task_figure::completed_late) +
         ", cancelled=" + n(task_figure::cancelled) + ")";
}

// task_tally.hpp: the figures, the bases of completion rates and the tally.
void wrap_task_tally(py::module_& m) {
  py::enum_<task_figure> figure(m, "task_figure",
                                "A figure of task_tally: what a task counts as at the end of day "
                                "A (task_tally.hpp).");
  for (const task_figure f : all_figures) figure.value(std::string(to_string(f)).c_str(), f);
  wrap_codes<task_figure>(m, "parse_task_figure", &parse_task_figure, "task figure");
  py::enum_<task_basis>(m, "task_basis", "The denominator of a completion rate.")
      .value("assigned", task_basis::assigned, "completed / assigned")
      .value("due", task_basis::due, "due_completed / due")
      .value("due_and_completed", task_basis::due_and_completed,
             "completed / due_or_completed (Vietnam's government reports)");
  wrap_codes<task_basis>(m, "parse_task_basis", &parse_task_basis, "task basis");

  py::class_<task_tally> tally(
      m, "task_tally",
      "The tasks of a program or a collective as of a day, by figure: how many, and the sum of\n"
      "their weights. Each figure is also a read-only attribute (its count).");
  tally.def(py::init<>())
      .def("add", py::overload_cast<const task&, date>(&task_tally::add), py::arg("task"),
           py::arg("as_of"),
           "Counts `task` as it stands at the end of day `as_of` (nothing before it is "
           "assigned).")
      .def("add", py::overload_cast<const task_tally&>(&task_tally::add), py::arg("other"),
           "Adds another tally's figures.")
      .def("count", &task_tally::count, py::arg("figure"), "The number of tasks in `figure`.")
      .def("weight", &task_tally::weight, py::arg("figure"),
           "The sum of the weights of the tasks in `figure`.")
      .def("rate_of", &task_tally::rate_of, py::arg("numerator"), py::arg("denominator"),
           py::arg("weighted") = false,
           "The rate numerator / denominator of two figures, in tasks or in weights.")
      .def("completion_rate", &task_tally::completion_rate, py::arg("basis"),
           py::arg("weighted") = false, "The completion rate over `basis`, in tasks or weights.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", &tally_repr);
  for (const task_figure f : all_figures) {
    tally.def_property_readonly(
        std::string(to_string(f)).c_str(), [f](const task_tally& t) { return t.count(f); },
        ("The number of tasks " + std::string(to_string(f)) + ".").c_str());
  }
}

}  // namespace

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
                           double weight, std::vector<task_status_change> history,
                           std::optional<date> added_on) {
                 return task{std::move(code), std::move(title),   program, owner, deadline, kind,
                             weight,          std::move(history), added_on};
               }),
               py::arg("code"), py::arg("title") = "", py::arg("program") = program_id{},
               py::arg("owner") = collective_id{}, py::arg("deadline") = py::none(),
               py::arg("kind") = task_kind::planned, py::arg("weight") = 1.0,
               py::arg("history") = std::vector<task_status_change>{},
               py::arg("added_on") = py::none()))
      .def("status_as_of", &task::status_as_of, py::arg("as_of"),
           "The status in effect at the end of day `as_of`: the last change on or before it,\n"
           "or not_started when there is none.")
      .def("change_as_of", &task::change_as_of, py::arg("as_of"),
           "The change in effect at the end of day `as_of` (the last on or before it), or None;\n"
           "a completed task's gives the day it was completed.")
      .def("assigned_by", &task::assigned_by, py::arg("as_of"),
           "True when the task is counted at the end of day `as_of` (no added_on, or added\n"
           "on or before it).")
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
                                  t.history, t.added_on);
          },
          [](const py::tuple& t) {
            return task{t[0].cast<std::string>(), t[1].cast<std::string>(), t[2].cast<program_id>(),
                        t[3].cast<collective_id>(), t[4].cast<std::optional<date>>(),
                        t[5].cast<task_kind>(), t[6].cast<double>(),
                        t[7].cast<std::vector<task_status_change>>(),
                        // Pickles of before added_on have 8 items.
                        t.size() > 8 ? t[8].cast<std::optional<date>>() : std::nullopt};
          }));

  wrap_task_tally(m);
}

}  // namespace goaltrack::python
