#pragma once
// Private: expat over a zip entry (xlsx_zip.hpp), for the parts of a workbook read on
// opening (sheets have their own scanner, xlsx_scan.hpp). Element and
// attribute names reach the handler without their prefix ("x:row" -> "row"); a DOCTYPE
// (the door to entity expansion), nesting deeper than the limit and malformed XML are
// corrupt_errors naming the entry and line.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "io/xlsx_zip.hpp"

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

/// Reads the whole of entry `name` (when the archive has it) through `handler`.
/// False when there is no such entry.
bool parse_entry(zip_archive& archive, const std::string& name, xml_handler& handler);

/// The message for a DOCTYPE, the door to entity expansion, refused in every part.
inline constexpr const char* doctype_refused =
    "a DOCTYPE is not allowed in a workbook (entity expansion is refused)";

/// An element's or attribute's name without its prefix: "x:row" -> "row".
std::string_view local_name(std::string_view name) noexcept;

/// The value of a hexadecimal digit, or -1.
int hex_value(char c) noexcept;

/// `s` with Office's _xHHHH_ escapes (control characters in strings) decoded, in place.
void decode_escapes(std::string& s);

}  // namespace goaltrack::detail::xlsx
