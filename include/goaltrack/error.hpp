#pragma once
/// @file
/// The library's exceptions: one hierarchy rooted at goaltrack::error. Each class also
/// derives from the standard exception that matches it, so callers may catch either
/// (and Python bindings map them to ValueError, KeyError, OSError naturally).
/// Every message names the entity, field, file or line at fault, and is valid UTF-8
/// whatever the input it quotes (a byte that is not UTF-8 is shown as `\xNN`).

#include <cstdint>
#include <optional>
#include <stdexcept>
#include <string>
#include <utility>

#include "goaltrack/export.hpp"

namespace goaltrack {

/// Root of all goaltrack exceptions; catch this to catch them all.
class GOALTRACK_API error {
 public:
  virtual ~error() = default;
  /// The explanation, naming what was at fault.
  [[nodiscard]] virtual const char* what() const noexcept = 0;

 protected:
  error() = default;
  error(const error&) = default;
  error& operator=(const error&) = default;
};

/// A value is out of its domain: a baseline equal to its target, a period that ends
/// before it starts, a non-finite measurement, a rating level not on its scale, ...
class GOALTRACK_API invalid_argument : public error, public std::invalid_argument {
 public:
  explicit invalid_argument(const std::string& message);
  [[nodiscard]] const char* what() const noexcept override { return std::invalid_argument::what(); }
};

/// Text could not be parsed (a period such as "2021-Q5", a date, a rating label).
class GOALTRACK_API parse_error : public invalid_argument {
 public:
  using invalid_argument::invalid_argument;
};

/// A reference to an entity that does not exist: an unknown collective code, a
/// target id out of range, a member of an unknown collective.
class GOALTRACK_API not_found : public error, public std::out_of_range {
 public:
  explicit not_found(const std::string& message);
  [[nodiscard]] const char* what() const noexcept override { return std::out_of_range::what(); }
};

/// An entity whose stable code is already taken by another of the same kind.
class GOALTRACK_API duplicate_error : public invalid_argument {
 public:
  using invalid_argument::invalid_argument;
};

/// A change that would make the organisation or program tree cyclic.
class GOALTRACK_API cycle_error : public invalid_argument {
 public:
  using invalid_argument::invalid_argument;
};

/// A file (or stream) could not be read or written, or holds what it must not. The
/// message names the path and, where known, the byte offset; both are also fields.
class GOALTRACK_API file_error : public error, public std::runtime_error {
 public:
  file_error(const std::string& message, std::string path,
             std::optional<std::uint64_t> offset = {});
  [[nodiscard]] const char* what() const noexcept override { return std::runtime_error::what(); }
  /// The file at fault ("" for a stream), as given (a path's bytes need not be UTF-8).
  [[nodiscard]] const std::string& path() const noexcept { return path_; }
  /// The byte offset at fault, where known.
  [[nodiscard]] std::optional<std::uint64_t> offset() const noexcept { return offset_; }

 private:
  std::string path_;
  std::optional<std::uint64_t> offset_;
};

/// The operating system refused: a file that cannot be opened, written, synced or renamed.
class GOALTRACK_API io_error : public file_error {
 public:
  using file_error::file_error;
};

/// Not a file this version can read: another kind of file, an unknown archive kind, or a
/// newer file-format version (the message says which).
class GOALTRACK_API format_error : public file_error {
 public:
  using file_error::file_error;
};

/// A goaltrack file whose content is damaged: truncated, a checksum that does not match,
/// a payload that does not parse or describes an impossible plan, a size above the limits.
class GOALTRACK_API corrupt_error : public file_error {
 public:
  using file_error::file_error;
};

}  // namespace goaltrack
