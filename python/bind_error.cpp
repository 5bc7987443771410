// error.hpp: each goaltrack exception becomes a Python exception class of the module,
// deriving from goaltrack.Error and from the built-in exception Python users expect, with
// the same message:
//
//   goaltrack::error            Error(Exception)
//   invalid_argument            InvalidArgument(Error, ValueError)
//     parse_error               ParseError(InvalidArgument)
//     duplicate_error           DuplicateError(InvalidArgument)
//     cycle_error               CycleError(InvalidArgument)
//   not_found                   NotFound(Error, KeyError)   (str() is the plain message)
//   file_error                  FileError(Error), with .path and .offset
//     io_error                  IoError(FileError, OSError)
//     format_error              FormatError(FileError, ValueError)
//     corrupt_error             CorruptError(FileError, ValueError)
//
// and two classes of the bindings' own, for arguments Python hands over:
//   ArgumentTypeError(InvalidArgument, TypeError)   an array or list of the wrong type
//   IndexOutOfRange(Error, IndexError)              a sequence index past its end
// so that no goaltrack call raises anything but a goaltrack.Error (or MemoryError,
// KeyboardInterrupt, and the TypeError of pybind11's own argument matching).

#include "bindings.hpp"
#include "goaltrack/error.hpp"

namespace goaltrack::python {
namespace {

// The classes live as long as the interpreter (module attributes hold them too).
PyObject* error_class = nullptr;
PyObject* invalid_argument_class = nullptr;
PyObject* parse_error_class = nullptr;
PyObject* duplicate_error_class = nullptr;
PyObject* cycle_error_class = nullptr;
PyObject* not_found_class = nullptr;
PyObject* file_error_class = nullptr;
PyObject* io_error_class = nullptr;
PyObject* format_error_class = nullptr;
PyObject* corrupt_error_class = nullptr;
PyObject* argument_type_error_class = nullptr;
PyObject* index_out_of_range_class = nullptr;

PyObject* make_class(py::module_& m, const char* name, const py::tuple& bases, const char* doc,
                     bool plain_str = false) {
  py::dict ns;
  ns["__doc__"] = doc;
  ns["__module__"] = "goaltrack";
  // KeyError's str() is the repr of its key; a goaltrack message reads better plain.
  if (plain_str) ns["__str__"] = py::module_::import("builtins").attr("Exception").attr("__str__");
  py::object cls = py::module_::import("builtins").attr("type")(name, bases, ns);
  m.attr(name) = cls;
  return cls.release().ptr();
}

void raise(PyObject* cls, const char* message) { PyErr_SetString(cls, message); }

void raise_file(PyObject* cls, const file_error& e) {
  py::object instance = py::reinterpret_borrow<py::object>(cls)(e.what());
  // A path's bytes need not be UTF-8: decoded as os.fsdecode does (surrogateescape).
  const auto path = py::reinterpret_steal<py::object>(
      PyUnicode_DecodeFSDefaultAndSize(e.path().data(), static_cast<py::ssize_t>(e.path().size())));
  if (!path) throw py::error_already_set();
  instance.attr("path") = path;
  instance.attr("offset") = e.offset() ? py::cast(*e.offset()) : py::none();
  PyErr_SetObject(cls, instance.ptr());
}

void translate(std::exception_ptr p) {
  try {
    if (p) std::rethrow_exception(p);
  } catch (const parse_error& e) {
    raise(parse_error_class, e.what());
  } catch (const duplicate_error& e) {
    raise(duplicate_error_class, e.what());
  } catch (const cycle_error& e) {
    raise(cycle_error_class, e.what());
  } catch (const invalid_argument& e) {
    raise(invalid_argument_class, e.what());
  } catch (const not_found& e) {
    raise(not_found_class, e.what());
  } catch (const io_error& e) {
    raise_file(io_error_class, e);
  } catch (const format_error& e) {
    raise_file(format_error_class, e);
  } catch (const corrupt_error& e) {
    raise_file(corrupt_error_class, e);
  } catch (const file_error& e) {
    raise_file(file_error_class, e);
  } catch (const goaltrack::error& e) {
    raise(error_class, e.what());
  } catch (const py::cast_error& e) {
    // A value of the wrong type inside a call (a pickle state, a list's item), which
    // pybind11 would raise as a RuntimeError.
    raise(argument_type_error_class, e.what());
  }
}

}  // namespace

void wrap_error(py::module_& m) {
  const auto builtin = [](const char* name) { return py::module_::import("builtins").attr(name); };
  const auto handle = [](PyObject* cls) { return py::reinterpret_borrow<py::object>(cls); };
  error_class = make_class(m, "Error", py::make_tuple(builtin("Exception")),
                           "Root of all goaltrack exceptions; catch this to catch them all.");
  invalid_argument_class = make_class(
      m, "InvalidArgument", py::make_tuple(handle(error_class), builtin("ValueError")),
      "A value is out of its domain: a baseline equal to its target, a period that ends\n"
      "before it starts, a non-finite measurement, a rating level not on its scale, ...");
  parse_error_class = make_class(
      m, "ParseError", py::make_tuple(handle(invalid_argument_class)),
      "Text could not be parsed (a period such as \"2021-Q5\", a date, a rating label).");
  duplicate_error_class =
      make_class(m, "DuplicateError", py::make_tuple(handle(invalid_argument_class)),
                 "An entity whose stable code is already taken by another of the same kind.");
  cycle_error_class =
      make_class(m, "CycleError", py::make_tuple(handle(invalid_argument_class)),
                 "A change that would make the organisation or program tree cyclic.");
  not_found_class =
      make_class(m, "NotFound", py::make_tuple(handle(error_class), builtin("KeyError")),
                 "A reference to an entity that does not exist: an unknown collective code, a\n"
                 "target id out of range, a member of an unknown collective.",
                 true);
  file_error_class = make_class(
      m, "FileError", py::make_tuple(handle(error_class)),
      "A file (or stream) could not be read or written, or holds what it must not. The\n"
      "message names the path and, where known, the byte offset; both are also attributes\n"
      "(path: str, \"\" for a stream; offset: int or None).");
  io_error_class = make_class(
      m, "IoError", py::make_tuple(handle(file_error_class), builtin("OSError")),
      "The operating system refused: a file that cannot be opened, written, synced or renamed.");
  format_error_class = make_class(
      m, "FormatError", py::make_tuple(handle(file_error_class), builtin("ValueError")),
      "Not a file this version can read: another kind of file, an unknown archive kind, or a\n"
      "newer file-format version (the message says which).");
  corrupt_error_class = make_class(
      m, "CorruptError", py::make_tuple(handle(file_error_class), builtin("ValueError")),
      "A goaltrack file whose content is damaged: truncated, a checksum that does not match,\n"
      "a payload that does not parse or describes an impossible plan, a size above the limits.");
  argument_type_error_class = make_class(
      m, "ArgumentTypeError", py::make_tuple(handle(invalid_argument_class), builtin("TypeError")),
      "An argument of the wrong type: an array of the wrong dtype, a list of the wrong items.");
  index_out_of_range_class = make_class(
      m, "IndexOutOfRange", py::make_tuple(handle(error_class), builtin("IndexError")),
      "An index past the end of a sequence (a plan's targets, an evaluation's results).");
  py::register_exception_translator(&translate);
}

void raise_argument_type_error(const std::string& message) {
  PyErr_SetString(argument_type_error_class, message.c_str());
  throw py::error_already_set();
}

void raise_index_out_of_range(const std::string& message) {
  PyErr_SetString(index_out_of_range_class, message.c_str());
  throw py::error_already_set();
}

}  // namespace goaltrack::python
