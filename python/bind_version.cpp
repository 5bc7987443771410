// version.hpp: the library version.

#include "bindings.hpp"
#include "goaltrack/version.hpp"

namespace goaltrack::python {

void wrap_version(py::module_& m) {
  m.def(
      "version", [] { return std::string(goaltrack::version()); },
      "The version of the compiled library as \"major.minor.patch\". Compare it with\n"
      "VERSION_MAJOR, VERSION_MINOR and VERSION_PATCH (the headers the module was built\n"
      "with) to detect a mismatch.");
  m.attr("VERSION_MAJOR") = GOALTRACK_VERSION_MAJOR;
  m.attr("VERSION_MINOR") = GOALTRACK_VERSION_MINOR;
  m.attr("VERSION_PATCH") = GOALTRACK_VERSION_PATCH;
  m.attr("__version__") = std::string(goaltrack::version());
}

}  // namespace goaltrack::python
