// language.hpp: the languages labels and reports are written in.

#include "bindings.hpp"
#include "goaltrack/language.hpp"

namespace goaltrack::python {

void wrap_language(py::module_& m) {
  py::enum_<language>(m, "language", "A language of labels and reports.")
      .value("vi", language::vi, "Vietnamese: decimal comma (58,1%), dot as thousands separator")
      .value("en", language::en, "English: decimal point (58.1%), comma as thousands separator");
  m.def(
      "to_string", [](language l) { return std::string(to_string(l)); }, py::arg("lang"),
      "The language's ISO 639-1 code: \"vi\" or \"en\".");
  m.def("parse_language", &parse_language, py::arg("code"),
        "The language with this ISO 639-1 code (\"vi\" or \"en\"). Raises ParseError naming "
        "the text.");
}

}  // namespace goaltrack::python
