#pragma once
// Private to the Python module: goaltrack::date (a Boost.Date_Time Gregorian date) <->
// datetime.date. Loading accepts datetime.date and its subclass datetime.datetime (the day
// is taken); an out-of-range year raises goaltrack.InvalidArgument from make_date.

#include <datetime.h>
#include <pybind11/pybind11.h>

#include "goaltrack/period.hpp"

namespace pybind11::detail {

template <>
struct type_caster<goaltrack::date> {
 public:
  PYBIND11_TYPE_CASTER(goaltrack::date, const_name("datetime.date"));

  bool load(handle src, bool /*convert*/) {
    if (!src) return false;
    import_datetime();
    if (!PyDate_Check(src.ptr())) return false;
    // The attributes, not the PyDateTime_GET_* macros (C casts, which -Wold-style-cast flags).
    value = goaltrack::make_date(src.attr("year").cast<int>(), src.attr("month").cast<int>(),
                                 src.attr("day").cast<int>());
    return true;
  }

  static handle cast(const goaltrack::date& d, return_value_policy /*policy*/, handle /*parent*/) {
    import_datetime();
    if (d.is_special()) return none().release();
    const auto ymd = d.year_month_day();
    return PyDate_FromDate(static_cast<int>(ymd.year), static_cast<int>(ymd.month.as_number()),
                           static_cast<int>(ymd.day.as_number()));
  }

 private:
  static void import_datetime() {
    if (!PyDateTimeAPI) {
      PyDateTime_IMPORT;
      if (!PyDateTimeAPI) throw error_already_set();
    }
  }
};

}  // namespace pybind11::detail
