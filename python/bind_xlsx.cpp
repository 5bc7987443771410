// io/xlsx.hpp: a whole plan as one Excel workbook, a sheet per file of the CSV layout.

#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <string>
#include <vector>

#include "goaltrack/io/xlsx.hpp"
#include "plan_handle.hpp"

namespace goaltrack::python {

void wrap_xlsx(py::module_& m) {
  m.def(
      "import_xlsx",
      [](const py::object& source, const csv_dialect& dialect, const py::object& warnings) {
        std::vector<csv_issue> found;
        plan_handle result = [&] {
          if (py::isinstance<py::bytes>(source)) {
            std::string bytes = source.cast<std::string>();
            py::gil_scoped_release release;
            return plan_handle(import_xlsx_bytes(std::move(bytes), dialect, found));
          }
          const auto path = source.cast<std::filesystem::path>();
          py::gil_scoped_release release;
          return plan_handle(import_xlsx(path, dialect, found));
        }();
        add_warnings(warnings, found);
        return result;
      },
      py::arg("source"), py::arg("dialect") = csv_dialect{}, py::arg("warnings") = py::none(),
      "Builds a plan from the Excel workbook at `source` (a path), or from its bytes: a\n"
      "sheet per file of the CSV layout (\"targets\", \"measurements\", ...), cells read as\n"
      "Excel types them and text cells as the dialect says. Releases the GIL. `warnings`,\n"
      "a list, gets what was suspicious but valid.\n"
      "Raises IoError when the file cannot be read; FormatError when it is not an .xlsx\n"
      "workbook; CorruptError when it is damaged or above a limit; CsvError listing every\n"
      "bad row as \"sheet!A1: message\".");
  m.def(
      "export_xlsx",
      [](const plan_handle& p, const std::filesystem::path& path, const csv_dialect& dialect) {
        p.read_nogil([&](const plan& pl) { export_xlsx(pl, path, dialect); });
      },
      py::arg("plan"), py::arg("path"), py::arg("dialect") = csv_dialect{},
      "Writes `plan` as a workbook at `path`, replaced whole or not at all: a sheet per file\n"
      "of the layout with a frozen header row, column widths and lists of choices; the\n"
      "dialect gives the date format and, with names=language.vi, Vietnamese column names\n"
      "and values. Releases the GIL. Raises InvalidArgument for a text Excel cannot hold;\n"
      "IoError naming the path when it cannot be written.");
}

}  // namespace goaltrack::python
