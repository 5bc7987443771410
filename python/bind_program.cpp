// program.hpp: action programs and their cascade.

#include <optional>
#include <string>

#include "bindings.hpp"
#include "goaltrack/program.hpp"

namespace goaltrack::python {

void wrap_program(py::module_& m) {
  def_fields<program>(
      py::class_<program>(
          m, "program",
          "An action program, plan or set of objectives. A program is issued by an authority\n"
          "under a number (e.g. Action Program No. 190-CTr/TU of the Provincial Party Committee)\n"
          "for a period, and may implement a parent program: a department's plan carries out a\n"
          "provincial program, which carries out a central resolution. That chain is the cascade,\n"
          "and evaluation rolls tasks and targets up along it. Add one with plan.add_program.")
          .def(py::init([](std::string code, std::string number, std::string issuer,
                           std::string title, period span, collective_id owner,
                           std::optional<program_id> parent) {
                 return program{std::move(code),
                                std::move(number),
                                std::move(issuer),
                                std::move(title),
                                span,
                                owner,
                                parent};
               }),
               py::arg("code"), py::arg("number") = "", py::arg("issuer") = "",
               py::arg("title") = "", py::arg("span") = period::year(2020),
               py::arg("owner") = collective_id{}, py::arg("parent") = py::none()))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__",
           [](const program& p) {
             return "program(code=" + py_repr(py::str(p.code)) +
                    ", number=" + py_repr(py::str(p.number)) +
                    ", span=" + py_repr(py::cast(p.span)) +
                    ", owner=" + py_repr(py::cast(p.owner)) +
                    ", parent=" + py_repr(py::cast(p.parent)) + ")";
           })
      .def(py::pickle(
          [](const program& p) {
            return py::make_tuple(p.code, p.number, p.issuer, p.title, p.span, p.owner, p.parent);
          },
          [](const py::tuple& t) {
            return program{t[0].cast<std::string>(),
                           t[1].cast<std::string>(),
                           t[2].cast<std::string>(),
                           t[3].cast<std::string>(),
                           t[4].cast<period>(),
                           t[5].cast<collective_id>(),
                           t[6].cast<std::optional<program_id>>()};
          }));
}

}  // namespace goaltrack::python
