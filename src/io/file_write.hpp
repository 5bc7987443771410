#pragma once
// Private: writing a file atomically (save() and write_file(), goaltrack/io/file.hpp).

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "io/save_fault.hpp"

namespace goaltrack::detail {

/// @throws io_error "{lead} '{path}': {what}[: {strerror(err)}]" naming `path`.
[[noreturn]] void throw_io(std::string_view lead, const std::string& what, const std::string& path,
                           int err);

/// Writes `parts`, one after the other, to `target` through a temporary file in the same
/// directory: flushed to disk, renamed over `target`, the directory flushed too. Messages
/// start with `lead` and name `path`, the path the caller gave.
void write_atomically(std::span<const std::string_view> parts, const std::filesystem::path& target,
                      const std::string& path, std::string_view lead);

}  // namespace goaltrack::detail
