// ids.hpp: typed ids. Each kind of entity has its own id class, so a target id can never
// be passed where a collective id is expected; int(id) and id.value give the row.

#include <functional>

#include "bindings.hpp"
#include "goaltrack/ids.hpp"

namespace goaltrack::python {
namespace {

template <class Tag>
void wrap_id(py::module_& m, const char* name, const char* doc) {
  using id = basic_id<Tag>;
  py::class_<id>(m, name, doc)
      .def(py::init<>(), "An invalid id (ok is False).")
      .def(py::init<std::uint32_t>(), py::arg("value"), "The id of row `value`.")
      .def_property_readonly("value", &id::value, "The row index in the plan's columns.")
      .def_property_readonly("ok", &id::ok, "False for a default-constructed (invalid) id.")
      .def("__int__", &id::value)
      .def("__index__", &id::value)
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def(py::self < py::self)
      .def(py::self <= py::self)
      .def(py::self > py::self)
      .def(py::self >= py::self)
      .def("__hash__", [](id i) { return std::hash<id>{}(i); })
      .def("__repr__",
           [name](id i) {
             return std::string(name) + "(" + (i.ok() ? std::to_string(i.value()) : "") + ")";
           })
      .def(py::pickle([](id i) { return py::make_tuple(i.value()); },
                      [](const py::tuple& t) { return id(t[0].cast<std::uint32_t>()); }))
      .attr("invalid_value") = id::invalid_value;
}

}  // namespace

void wrap_ids(py::module_& m) {
  wrap_id<collective_tag>(m, "collective_id",
                          "A collective: a committee, a cell, a school, a department, a team.");
  wrap_id<member_tag>(m, "member_id",
                      "An individual who belongs to a collective (a party member, a teacher, an "
                      "employee).");
  wrap_id<scale_tag>(m, "scale_id", "A rating scale.");
  wrap_id<round_tag>(m, "round_id", "A rating round: the ratings on one scale for one period.");
  wrap_id<program_tag>(m, "program_id", "An action program, plan or OKR set.");
  wrap_id<task_tag>(m, "task_id", "A task of a program.");
  wrap_id<target_tag>(m, "target_id", "A target (chỉ tiêu).");
  wrap_id<policy_tag>(m, "policy_id", "An evaluation policy kept in a plan.");
}

}  // namespace goaltrack::python
