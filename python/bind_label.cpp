// label.hpp: names of entities in each language.

#include "bindings.hpp"
#include "goaltrack/label.hpp"

namespace goaltrack::python {

void wrap_label(py::module_& m) {
  py::enum_<label_part>(m, "label_part", "Which text of an entity a label gives.")
      .value("name", label_part::name, "a collective's name; a program's, task's or target's title")
      .value("unit", label_part::unit, "a target's unit (\"school sites\" for \"điểm trường\")");
  def_fields<entity_label>(
      py::class_<entity_label>(
          m, "entity_label",
          "The name or title of one entity in one language (plan.add_label). Exactly one of\n"
          "`collective`, `program`, `task` and `target` is set.")
          .def(py::init([](std::optional<collective_id> collective,
                           std::optional<program_id> program, std::optional<task_id> task,
                           std::optional<target_id> target, language lang, std::string text,
                           label_part part) {
                 return entity_label{collective.value_or(collective_id{}),
                                     program.value_or(program_id{}),
                                     task.value_or(task_id{}),
                                     target.value_or(target_id{}),
                                     lang,
                                     std::move(text),
                                     part};
               }),
               py::kw_only(), py::arg("collective") = py::none(), py::arg("program") = py::none(),
               py::arg("task") = py::none(), py::arg("target") = py::none(), py::arg("language"),
               py::arg("text"), py::arg("part") = label_part::name))
      .def("entity", &entity_label::entity, "The entity it names (its one set id).")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const entity_label& l) {
        return "entity_label(" + py_repr(py::cast(l.entity())) +
               ", language=" + py_repr(py::cast(l.language)) +
               ", text=" + py_repr(py::str(l.text)) +
               (l.part == label_part::name ? std::string()
                                           : ", part=" + py_repr(py::cast(l.part))) +
               ")";
      });
  py::class_<localized_name>(
      m, "localized_name",
      "A name as a report writes it in a language: the label, or else the entity's own name.")
      .def_readonly("text", &localized_name::text, "the label, or the entity's own name or title")
      .def_readonly("fallback", &localized_name::fallback,
                    "no label in the language asked: `text` is the entity's own")
      .def(py::self == py::self)
      .def("__repr__", [](const localized_name& n) {
        return "localized_name(" + py_repr(py::str(n.text)) +
               ", fallback=" + py_repr(py::cast(n.fallback)) + ")";
      });
}

}  // namespace goaltrack::python
