#pragma once
// Private: expat over a zip entry (xlsx_zip.hpp), for the parts of a workbook. Element and
// attribute names reach the handler without their prefix ("x:row" -> "row"); a DOCTYPE
// (the door to entity expansion), nesting deeper than the limit and malformed XML are
// corrupt_errors naming the entry and line.

#include <cstddef>
#include <cstdint>
#include <exception>
#include <optional>
#include <string>
#include <string_view>

#include "io/xlsx_zip.hpp"

struct XML_ParserStruct;

namespace goaltrack::detail::xlsx {

/// The attributes of an element as expat gives them: name, value, ..., null.
class xml_attributes {
 public:
  explicit xml_attributes(const char** pairs) noexcept : pairs_(pairs) {}
  /// The value of the attribute whose local name (prefix dropped) is `name`.
  [[nodiscard]] std::optional<std::string_view> get(std::string_view name) const noexcept;

 private:
  const char** pairs_;
};

/// What a part's parser does with the elements and text of its XML.
class xml_handler {
 public:
  virtual ~xml_handler() = default;
  virtual void start(std::string_view name, const xml_attributes& attributes) = 0;
  virtual void end(std::string_view name) = 0;
  /// Character data; one run of text may come in several calls.
  virtual void text(std::string_view chars) = 0;

 protected:
  xml_handler() = default;
  xml_handler(const xml_handler&) = default;
  xml_handler& operator=(const xml_handler&) = default;
};

/// Parses a zip entry with expat, chunk by chunk, into a handler; the handler may
/// pause() it after an element, and run() resumes where it stopped.
class xml_reader {
 public:
  xml_reader(entry_stream& in, xml_handler& handler, std::uint32_t max_depth);
  ~xml_reader();
  xml_reader(const xml_reader&) = delete;
  xml_reader& operator=(const xml_reader&) = delete;

  /// Parses until the handler pauses (true) or the entry ends (false). Exceptions thrown
  /// by the handler come out of here. @throws corrupt_error for malformed XML.
  bool run();
  /// From a handler: stop after the current element; run() then returns true.
  void pause();
  /// From a handler: stop parsing; run() throws `e`.
  void abort(std::exception_ptr e);
  /// The line being parsed (1-based).
  [[nodiscard]] std::uint64_t line() const;

 private:
  static void on_start(void* self, const char* name, const char** attributes);
  static void on_end(void* self, const char* name);
  static void on_text(void* self, const char* chars, int length);
  static void on_doctype(void* self, const char* name, const char* system_id, const char* public_id,
                         int has_internal_subset);
  void check(int status);  // after XML_ParseBuffer or XML_ResumeParser

  entry_stream& in_;
  xml_handler& handler_;
  XML_ParserStruct* parser_;
  std::uint32_t max_depth_;
  std::uint32_t depth_ = 0;
  bool paused_ = false;
  bool finished_ = false;
  std::exception_ptr failure_;
};

/// Reads the whole of entry `name` (when the archive has it) through `handler`.
/// False when there is no such entry.
bool parse_entry(zip_archive& archive, const std::string& name, xml_handler& handler);

/// `s` with Office's _xHHHH_ escapes (control characters in strings) decoded, in place.
void decode_escapes(std::string& s);

}  // namespace goaltrack::detail::xlsx
