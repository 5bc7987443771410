#pragma once
// Private to the Python module: the object behind a Python goaltrack.plan.
//
// A plan is safe to read from several threads at once and needs exclusive access to be
// written (plan.hpp). Python code cannot promise that once the bindings release the GIL
// (evaluate, bulk adds, saving, loading), so every binding of a plan goes through this
// handle's lock: reads take it shared, writes exclusive. Two rules keep it free of
// deadlock: Python inputs are converted to C++ before the lock is taken (so no Python code
// runs under it), and the GIL is never re-acquired while the lock is held (a scope that
// releases the GIL takes the lock inside it).

#include <cstdint>
#include <mutex>
#include <shared_mutex>
#include <string>
#include <utility>
#include <vector>

#include "bindings.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack::python {

/// A goaltrack::plan and the lock that guards it.
class plan_handle {
 public:
  plan_handle() = default;
  explicit plan_handle(goaltrack::plan p) : plan_(std::move(p)) {}
  plan_handle(const plan_handle& other) : plan_(other.copy()) {}
  plan_handle& operator=(const plan_handle&) = delete;

  /// A copy of the plan, taken under the shared lock.
  [[nodiscard]] goaltrack::plan copy() const {
    std::shared_lock lock(mutex_);
    return plan_;
  }
  /// Runs f(const plan&) under the shared lock, holding the GIL.
  template <class F>
  decltype(auto) read(F&& f) const {
    std::shared_lock lock(mutex_);
    return std::forward<F>(f)(std::as_const(plan_));
  }
  /// Runs f(plan&) under the exclusive lock, holding the GIL.
  template <class F>
  decltype(auto) write(F&& f) {
    std::unique_lock lock(mutex_);
    return std::forward<F>(f)(plan_);
  }
  /// As read(), with the GIL released (f must not touch Python objects).
  template <class F>
  decltype(auto) read_nogil(F&& f) const {
    py::gil_scoped_release release;
    std::shared_lock lock(mutex_);
    return std::forward<F>(f)(std::as_const(plan_));
  }
  /// As write(), with the GIL released (f must not touch Python objects).
  template <class F>
  decltype(auto) write_nogil(F&& f) {
    py::gil_scoped_release release;
    std::unique_lock lock(mutex_);
    return std::forward<F>(f)(plan_);
  }

 private:
  goaltrack::plan plan_;
  mutable std::shared_mutex mutex_;
};

/// The plan_handle of a Python goaltrack.plan object.
inline plan_handle& handle_of(const py::handle& plan_object) {
  return plan_object.cast<plan_handle&>();
}

/// The ids of a column given as a NumPy integer array (any integer dtype, checked to fit
/// an id) or as any sequence of ids or ints. Converted with the GIL held.
template <class Id>
std::vector<Id> id_column(const py::handle& values, const char* what) {
  const py::array a = py::module_::import("numpy").attr("asarray")(values);
  if (a.ndim() != 1) throw invalid_argument(std::string(what) + " must be one-dimensional");
  const auto n = static_cast<std::size_t>(a.size());
  std::vector<Id> out;
  if (n == 0) return out;  // an empty list is float64 to NumPy, and still no ids
  out.reserve(n);
  const auto checked = [what](auto v) {
    if (v < 0 || static_cast<std::uint64_t>(v) > Id::invalid_value) {
      throw invalid_argument(std::string(what) + ": " + std::to_string(v) + " is not an id");
    }
    return Id(static_cast<typename Id::value_type>(v));
  };
  const char kind = a.dtype().kind();
  if (a.dtype().is(py::dtype::of<std::uint32_t>())) {
    const auto u = py::array_t<std::uint32_t, py::array::c_style | py::array::forcecast>(a);
    const std::uint32_t* p = u.data();
    for (std::size_t i = 0; i < n; ++i) out.emplace_back(p[i]);
  } else if (kind == 'u') {
    const auto u = py::array_t<std::uint64_t, py::array::c_style | py::array::forcecast>(a);
    const std::uint64_t* p = u.data();
    for (std::size_t i = 0; i < n; ++i) out.push_back(checked(p[i]));
  } else if (kind == 'i') {
    const auto s = py::array_t<std::int64_t, py::array::c_style | py::array::forcecast>(a);
    const std::int64_t* p = s.data();
    for (std::size_t i = 0; i < n; ++i) out.push_back(checked(p[i]));
  } else if (kind == 'O') {
    for (const py::handle item : py::iter(values)) {
      out.push_back(py::isinstance<Id>(item) ? item.cast<Id>()
                                             : checked(item.cast<std::int64_t>()));
    }
  } else {
    raise_argument_type_error(std::string(what) + " must be ids or integers, not " +
                              py::str(a.dtype()).cast<std::string>());
  }
  return out;
}

}  // namespace goaltrack::python
