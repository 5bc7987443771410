// io/csv.hpp: a whole plan as a folder of CSV files (spreadsheet import and export).
// goaltrack::csv_error becomes goaltrack.CsvError (an InvalidArgument, so a ValueError)
// with .issues (csv_issue values) and .issue_count.

#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <optional>
#include <string>
#include <vector>

#include "goaltrack/io/csv.hpp"
#include "plan_handle.hpp"

namespace goaltrack::python {
namespace {

PyObject* csv_error_class = nullptr;

}  // namespace

void add_warnings(const py::object& into, const std::vector<csv_issue>& warnings) {
  if (into.is_none()) return;
  if (!py::isinstance<py::list>(into)) throw py::type_error("warnings must be a list or None");
  py::list list = into.cast<py::list>();
  for (const csv_issue& w : warnings) list.append(py::cast(w));
}

namespace {

void translate_csv(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const csv_error& e) {
    py::object instance = py::reinterpret_borrow<py::object>(csv_error_class)(e.what());
    instance.attr("issues") = py::cast(e.issues());
    instance.attr("issue_count") = e.issue_count();
    instance.attr("warnings") = py::cast(e.warnings());
    PyErr_SetObject(csv_error_class, instance.ptr());
  }
}

}  // namespace

void wrap_csv(py::module_& m) {
  {
    py::dict ns;
    ns["__doc__"] =
        "A CSV import found bad rows. Nothing was imported. .issues lists them (csv_issue) in\n"
        "file and line order; .issue_count counts them all; str() shows the first ones, one\n"
        "\"file:line:column: message\" per line.";
    ns["__module__"] = "goaltrack";
    const py::object cls =
        py::module_::import("builtins")
            .attr("type")("CsvError", py::make_tuple(m.attr("InvalidArgument")), ns);
    m.attr("CsvError") = cls;
    csv_error_class = cls.inc_ref().ptr();
  }
  py::register_exception_translator(&translate_csv);

  py::enum_<csv_date_format>(m, "csv_date_format", "How dates are written in CSV files.")
      .value("iso", csv_date_format::iso, "2021-01-21 (ISO 8601)")
      .value("day_month_year", csv_date_format::day_month_year,
             "21/01/2021 (day and month of one or two digits; a four-digit year, or two digits:\n"
             "00..29 are 2000..2029, 30..99 are 1930..1999, as Excel reads them)");

  py::class_<csv_dialect>(m, "csv_dialect",
                          "The conventions of a set of CSV files. Nothing is guessed: files "
                          "written with ';' and\n'58,1' are read with a dialect that says so, "
                          "and any other text is an error.")
      .def(py::init([](char delimiter, char decimal_separator, csv_date_format dates,
                       period_format periods, bool byte_order_mark, bool crlf, language names,
                       bool measurements_outside_period, std::vector<std::string> notes_columns) {
             return csv_dialect{delimiter,
                                decimal_separator,
                                dates,
                                periods,
                                byte_order_mark,
                                crlf,
                                names,
                                measurements_outside_period,
                                std::move(notes_columns)};
           }),
           py::arg("delimiter") = ',', py::arg("decimal_separator") = '.',
           py::arg("dates") = csv_date_format::iso, py::arg("periods") = period_format{},
           py::arg("byte_order_mark") = true, py::arg("crlf") = false,
           py::arg("names") = language::en, py::arg("measurements_outside_period") = false,
           py::arg("notes_columns") = std::vector<std::string>{})
      .def_readwrite("delimiter", &csv_dialect::delimiter, "Separates fields: ',' or ';'.")
      .def_readwrite("decimal_separator", &csv_dialect::decimal_separator,
                     "Separates the integer part of a number from its fraction: '.' or ','.")
      .def_readwrite("dates", &csv_dialect::dates, "How dates are written.")
      .def_readwrite("periods", &csv_dialect::periods,
                     "How school-year periods (\"2019-2020\") are read.")
      .def_readwrite("byte_order_mark", &csv_dialect::byte_order_mark,
                     "export_csv: start each file with a UTF-8 byte order mark (Excel needs it).")
      .def_readwrite("crlf", &csv_dialect::crlf, "export_csv: end rows with CR LF instead of LF.")
      .def_readwrite("names", &csv_dialect::names,
                     "export_csv: the language of the column names and enum values written:\n"
                     "English codes or Vietnamese names. import_csv reads either.")
      .def_readwrite("measurements_outside_period", &csv_dialect::measurements_outside_period,
                     "import_csv: a measurement dated more than a year outside its target's\n"
                     "period is an error; True allows it, as a warning.")
      .def_readwrite(
          "notes_columns", &csv_dialect::notes_columns,
          "import_csv: the names of columns that hold notes for people (\"ghi_chu\"):\n"
          "kept as the plan's notes (plan.notes()) in the files that keep notes, which\n"
          "export writes back; elsewhere read past with a warning. Any other column that\n"
          "is not the layout's is an error.")
      .def("validate", &csv_dialect::validate,
           "Raises InvalidArgument naming the field: a delimiter other than ',' or ';', a\n"
           "decimal separator other than '.' or ','.")
      .def("__repr__", [](const csv_dialect& d) {
        return "csv_dialect(delimiter=" + py_repr(py::str(std::string(1, d.delimiter))) +
               ", decimal_separator=" + py_repr(py::str(std::string(1, d.decimal_separator))) +
               ", dates=" + py_repr(py::cast(d.dates)) + ")";
      });

  py::class_<csv_issue>(m, "csv_issue",
                        "One problem found while importing: where it is and what is wrong.")
      .def_readonly("file", &csv_issue::file, "the file's name, e.g. \"targets.csv\"")
      .def_readonly("line", &csv_issue::line,
                    "1-based line where the row starts (the header is line 1); 0: the whole file")
      .def_readonly("column", &csv_issue::column,
                    "1-based field position in the row (A = 1); 0: the whole row")
      .def_readonly("message", &csv_issue::message,
                    "what is wrong, naming the column and the value")
      .def_readonly("sheet", &csv_issue::sheet,
                    "True when file is a sheet of a workbook (import_xlsx): str() names the cell")
      .def("__str__", [](const csv_issue& i) { return to_string(i); })
      .def("__repr__",
           [](const csv_issue& i) { return "<goaltrack.csv_issue " + to_string(i) + ">"; });

  m.def("csv_file_names", &csv_file_names,
        "The names of the layout's files, in the order they are read.");
  m.def(
      "import_csv",
      [](const py::object& source, const csv_dialect& dialect, const py::object& warnings) {
        std::vector<csv_issue> found;
        plan_handle result = [&] {
          if (py::isinstance<py::dict>(source)) {
            std::vector<csv_source> files;
            for (const auto& [name, text] : source.cast<py::dict>()) {
              files.push_back({name.cast<std::string>(), text.cast<std::string>()});
            }
            py::gil_scoped_release release;
            return plan_handle(import_csv(std::move(files), dialect, found));
          }
          const auto directory = source.cast<std::filesystem::path>();
          py::gil_scoped_release release;
          return plan_handle(import_csv(directory, dialect, found));
        }();
        add_warnings(warnings, found);
        return result;
      },
      py::arg("source"), py::arg("dialect") = csv_dialect{}, py::arg("warnings") = py::none(),
      "Builds a plan from the CSV files in the folder `source` (a path), or from files held\n"
      "in memory (`source` a dict of file name -> text). Releases the GIL. `warnings`, a\n"
      "list, gets what was suspicious but valid (csv_issue values).\n"
      "Raises InvalidArgument when the dialect is invalid; IoError naming the path when\n"
      "the folder or a file cannot be read; CsvError listing every bad row when any row is\n"
      "bad (its .warnings apart).");
  m.def(
      "export_csv",
      [](const plan_handle& p, const std::optional<std::filesystem::path>& directory,
         const csv_dialect& dialect) -> py::object {
        if (directory) {
          p.read_nogil([&](const plan& pl) { export_csv(pl, *directory, dialect); });
          return py::none();
        }
        const std::vector<csv_source> files =
            p.read_nogil([&](const plan& pl) { return export_csv(pl, dialect); });
        py::dict out;
        for (const csv_source& f : files) out[py::str(f.name)] = py::str(f.text);
        return out;
      },
      py::arg("plan"), py::arg("directory") = py::none(), py::arg("dialect") = csv_dialect{},
      "Writes `plan` as CSV files in `directory` (created if missing), one per file of the\n"
      "layout, each with its header even when it has no rows; files of the same names are\n"
      "replaced, other files are left alone. Without a directory, returns the files as a\n"
      "dict of file name -> text. Releases the GIL.\n"
      "Raises InvalidArgument for an invalid dialect; IoError naming the path when a file\n"
      "cannot be written.");
}

}  // namespace goaltrack::python
