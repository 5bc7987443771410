#pragma once
// Private to the Python module: the wrap_<concept>(module) functions, one per
// bind_<concept>.cpp, called in dependency order by module.cpp; the datetime.date caster;
// and the helpers the bindings share (NumPy columns, collection views). Not installed.

#include <pybind11/numpy.h>
#include <pybind11/operators.h>
#include <pybind11/pybind11.h>
#include <pybind11/stl.h>

#include <cstddef>
#include <cstdint>
#include <span>
#include <string>
#include <utility>
#include <vector>

#include "date_caster.hpp"
#include "goaltrack/io/csv.hpp"
#include "schema.hpp"

namespace goaltrack::python {

namespace py = pybind11;

void wrap_error(py::module_& m);
void wrap_version(py::module_& m);
void wrap_period(py::module_& m);
void wrap_ids(py::module_& m);
void wrap_language(py::module_& m);
void wrap_label(py::module_& m);
void wrap_note(py::module_& m);
void wrap_rating(py::module_& m);
void wrap_program(py::module_& m);
void wrap_rate(py::module_& m);
void wrap_task(py::module_& m);
void wrap_target(py::module_& m);
void wrap_measurement(py::module_& m);
void wrap_assessment(py::module_& m);
void wrap_status(py::module_& m);
void wrap_rollup(py::module_& m);
void wrap_policy(py::module_& m);
void wrap_organization(py::module_& m);
void wrap_plan(py::module_& m);
void wrap_evaluation(py::module_& m);
void wrap_report(py::module_& m);
void wrap_chart(py::module_& m);
void wrap_document(py::module_& m);
void wrap_review(py::module_& m);
void wrap_archive(py::module_& m);
void wrap_csv(py::module_& m);
void wrap_xlsx(py::module_& m);

/// Appends `warnings` (csv_issue values) to the Python list `into`; nothing when it is
/// None. Raises TypeError for anything else.
void add_warnings(const py::object& into, const std::vector<csv_issue>& warnings);

/// Raises goaltrack.ArgumentTypeError (an InvalidArgument and a TypeError).
[[noreturn]] void raise_argument_type_error(const std::string& message);
/// Raises goaltrack.IndexOutOfRange (an Error and an IndexError).
[[noreturn]] void raise_index_out_of_range(const std::string& message);

/// Binds every field of Entity as a read-write attribute under its name, with its doc:
/// the one description of each entity's fields (src/schema.hpp) drives the Python
/// attributes, so a new field needs no binding. Returns `cls` for chaining.
template <class Entity, class Class>
Class& def_fields(Class&& cls) {
  detail::for_each_field<Entity>([&](const auto& f) {
    // The schema's names and docs are string literals: static, and ending in a NUL.
    cls.def_readwrite(f.name.data(), f.member, f.doc.data());
  });
  return cls;
}

/// to_string(e) and parse_<name>(code) for an enum with stable codes.
template <class E>
void wrap_codes(py::module_& m, const char* parse_name, E (*parse)(std::string_view),
                const char* what) {
  m.def(
      "to_string", [](E e) { return std::string(to_string(e)); }, py::arg("value"),
      (std::string("The stable text code of a ") + what + ".").c_str());
  m.def(
      parse_name, parse, py::arg("code"),
      (std::string("The ") + what + " with this code. Raises ParseError naming the text.").c_str());
}

/// A read-only NumPy array over `values` without a copy; `base` keeps the memory alive.
template <class T>
py::array_t<T> column_view(std::span<const T> values, py::handle base) {
  py::array_t<T> a(static_cast<py::ssize_t>(values.size()), values.data(), base);
  py::detail::array_proxy(a.ptr())->flags &= ~py::detail::npy_api::NPY_ARRAY_WRITEABLE_;
  return a;
}

/// A NumPy array holding a copy of `values` (for columns that may move when their owner
/// grows).
template <class T>
py::array_t<T> column_copy(std::span<const T> values) {
  py::array_t<T> a(static_cast<py::ssize_t>(values.size()));
  if (!values.empty()) std::copy(values.begin(), values.end(), a.mutable_data());
  return a;
}

/// `repr(value)` of a Python object, for __repr__ of composite values.
inline std::string py_repr(const py::handle& value) { return py::repr(value).cast<std::string>(); }

/// "1 row", "3 rows": a count of a list, for __repr__ of composite values.
inline std::string list_repr(std::size_t n, const char* one, const char* many) {
  return std::to_string(n) + " " + (n == 1 ? one : many);
}

/// A list attribute read as a copy and written whole (def_property(name, copy_of(&C::m),
/// assign(&C::m))): Python never holds a reference into a vector that growing or
/// reassigning it would free.
template <class C, class T>
auto copy_of(std::vector<T> C::*member) {
  return [member](const C& c) { return c.*member; };
}
template <class C, class T>
auto assign(std::vector<T> C::*member) {
  return [member](C& c, std::vector<T> value) { c.*member = std::move(value); };
}

/// Python index -> size_t, negative from the end. Raises IndexOutOfRange past the end.
inline std::size_t checked_index(py::ssize_t i, std::size_t size) {
  const auto n = static_cast<py::ssize_t>(size);
  if (i < 0) i += n;
  if (i < 0 || i >= n) {
    raise_index_out_of_range("index " + std::to_string(i < 0 ? i - n : i) + " is out of range (" +
                             std::to_string(n) + " items)");
  }
  return static_cast<std::size_t>(i);
}

/// A read-only sequence over a collection owned by `owner` (a plan, an evaluation):
/// len(), [i] (negative from the end), iteration. Traits give size(owner) and
/// item(owner, i) -> py::object.
template <class Traits>
struct view {
  py::object owner;
};
template <class Traits>
struct view_iterator {
  py::object owner;
  std::size_t next = 0;
};

/// Registers view<Traits> as the Python class `name`, with its iterator.
template <class Traits>
void wrap_view(py::module_& m, const char* name, const char* doc) {
  using v = view<Traits>;
  using it = view_iterator<Traits>;
  py::class_<it>(m, (std::string(name) + "_iterator").c_str(), "Iterator of a view.")
      .def("__iter__", [](it& self) -> it& { return self; })
      .def("__next__", [](it& self) {
        if (self.next >= Traits::size(self.owner)) throw py::stop_iteration();
        return Traits::item(self.owner, self.next++);
      });
  py::class_<v>(m, name, doc)
      .def("__len__", [](const v& self) { return Traits::size(self.owner); })
      .def(
          "__getitem__",
          [](const v& self, py::ssize_t i) {
            return Traits::item(self.owner, checked_index(i, Traits::size(self.owner)));
          },
          py::arg("index"))
      .def("__iter__",
           [](const v& self) {
             return it{self.owner, 0};
           })
      .def("__repr__", [name](const v& self) {
        return "<goaltrack." + std::string(name) + " of " +
               std::to_string(Traits::size(self.owner)) + ">";
      });
}

}  // namespace goaltrack::python
