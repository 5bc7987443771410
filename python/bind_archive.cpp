// io/archive.hpp: saving and loading whole plans (text, XML, binary archives in the
// library's envelope), and pickling of plans through the binary archive.

#include <pybind11/stl/filesystem.h>

#include <filesystem>
#include <sstream>
#include <string>

#include "goaltrack/io/archive.hpp"
#include "plan_handle.hpp"

namespace goaltrack::python {
namespace {

std::string save_to_bytes(const plan_handle& p, archive_format format) {
  return p.read_nogil([format](const plan& pl) {
    std::ostringstream out(std::ios::binary);
    save(pl, out, format);
    return std::move(out).str();
  });
}

plan_handle load_from_bytes(std::string data, const load_limits& limits) {
  py::gil_scoped_release release;
  std::istringstream in(std::move(data), std::ios::binary);
  return plan_handle(load(in, limits));
}

}  // namespace

void wrap_archive(py::module_& m) {
  py::enum_<archive_format>(m, "archive_format",
                            "The kind of Boost.Serialization archive inside a goaltrack file.")
      .value("text", archive_format::text, "portable text archive")
      .value("xml", archive_format::xml, "portable XML archive, readable by people")
      .value("binary", archive_format::binary, "fastest; for the platform that wrote it");
  m.def(
      "to_string", [](archive_format f) { return std::string(to_string(f)); }, py::arg("format"),
      "The stable code of an archive format: \"text\", \"xml\" or \"binary\".");
  m.attr("archive_format_version") = archive_format_version;

  py::class_<load_limits>(
      m, "load_limits",
      "Caps on what a loaded file may describe. A file above any cap is refused with a\n"
      "CorruptError naming the cap, before anything of that size is allocated. The defaults\n"
      "are about 10 times the national-scale plan; raise them for bigger plans, lower them\n"
      "for files from untrusted sources.")
      .def(py::init([](const py::kwargs& kwargs) {
             load_limits l;
             const py::object self = py::cast(l);
             for (const auto& [key, value] : kwargs) {
               if (!py::hasattr(self, key)) {
                 raise_argument_type_error("load_limits: unknown field " +
                                           py::str(key).cast<std::string>());
               }
               self.attr(key) = value;
             }
             return self.cast<load_limits>();
           }),
           "load_limits(**fields): the defaults, with the fields given changed.")
      .def_readwrite("payload_bytes", &load_limits::payload_bytes,
                     "bytes after the envelope (16 GiB)")
      .def_readwrite("collectives", &load_limits::collectives)
      .def_readwrite("members", &load_limits::members)
      .def_readwrite("scales", &load_limits::scales)
      .def_readwrite("rounds", &load_limits::rounds)
      .def_readwrite("ratings", &load_limits::ratings, "member and collective ratings, all rounds")
      .def_readwrite("programs", &load_limits::programs)
      .def_readwrite("tasks", &load_limits::tasks)
      .def_readwrite("status_changes", &load_limits::status_changes, "status changes of one task")
      .def_readwrite("targets", &load_limits::targets)
      .def_readwrite("checklist_items", &load_limits::checklist_items,
                     "items of one milestone checklist")
      .def_readwrite("measurements", &load_limits::measurements)
      .def_readwrite("policies", &load_limits::policies)
      .def_readwrite("rating_summaries", &load_limits::rating_summaries,
                     "rating summaries of one policy")
      .def_readwrite("policy_statuses", &load_limits::policy_statuses, "statuses of one policy")
      .def_readwrite("policy_bands", &load_limits::policy_bands, "status bands of one policy")
      .def_readwrite("assessments", &load_limits::assessments, "assessments")
      .def_readwrite("notes", &load_limits::notes, "notes of spreadsheet rows")
      .def_readwrite("string_bytes", &load_limits::string_bytes, "bytes of one string (1 MiB)")
      .def("__repr__", [](const load_limits& l) {
        return "load_limits(payload_bytes=" + std::to_string(l.payload_bytes) +
               ", members=" + std::to_string(l.members) +
               ", measurements=" + std::to_string(l.measurements) + ", ...)";
      });

  m.def(
      "save",
      [](const plan_handle& p, const std::filesystem::path& path, archive_format format) {
        p.read_nogil([&](const plan& pl) { save(pl, path, format); });
      },
      py::arg("plan"), py::arg("path"), py::arg("format") = archive_format::binary,
      "Saves `plan` to `path` atomically: writes a temporary file in the same directory,\n"
      "flushes and fsyncs it, renames it over `path` and fsyncs the directory. On any\n"
      "failure `path` keeps its old content (or stays absent) and the temporary is removed.\n"
      "Releases the GIL. Raises IoError naming the path when a step fails.");
  m.def(
      "load",
      [](const std::filesystem::path& path, const load_limits& limits) {
        py::gil_scoped_release release;
        return plan_handle(load(path, limits));
      },
      py::arg("path"), py::arg("limits") = load_limits{},
      "Loads the plan saved in `path`, of any archive kind and any format version up to\n"
      "archive_format_version. Releases the GIL.\n"
      "Raises IoError when the file cannot be opened or read; FormatError when it is not a\n"
      "goaltrack file, has an unknown archive kind or a newer format version; CorruptError,\n"
      "with the byte offset where known, when it is damaged or above `limits`. Every\n"
      "message names the path.");
  m.def(
      "dumps",
      [](const plan_handle& p, archive_format format) {
        return py::bytes(save_to_bytes(p, format));
      },
      py::arg("plan"), py::arg("format") = archive_format::binary,
      "The bytes of a goaltrack file (envelope and archive) holding `plan`, as save() "
      "writes.\nReleases the GIL.");
  m.def(
      "loads",
      [](const py::bytes& data, const load_limits& limits) {
        return load_from_bytes(std::string(data), limits);
      },
      py::arg("data"), py::arg("limits") = load_limits{},
      "The plan in `data`, the bytes of a goaltrack file (as dumps() gives). Errors as\n"
      "load(), with an empty path. Releases the GIL.");

  // Pickling a plan stores the binary archive of the library itself.
  py::reinterpret_borrow<py::class_<plan_handle>>(m.attr("plan"))
      .def(py::pickle(
          [](const plan_handle& p) {
            return py::make_tuple(py::bytes(save_to_bytes(p, archive_format::binary)));
          },
          [](const py::tuple& state) {
            if (state.size() != 1) throw invalid_argument("plan: bad pickle state");
            return load_from_bytes(std::string(state[0].cast<py::bytes>()), load_limits{});
          }));
}

}  // namespace goaltrack::python
