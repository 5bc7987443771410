#pragma once
/// @file
/// Writing files whole or not at all, as save() writes archives: reports, exports and the
/// command-line tool's outputs.

#include <filesystem>
#include <string_view>

#include "goaltrack/export.hpp"

namespace goaltrack {

/// Replaces the file at `path` with `content` atomically: the bytes go to a temporary file
/// in the same directory, flushed to disk and renamed over `path`, then the directory is
/// flushed too, so a reader sees the old content or the new, never a part; a failed write
/// leaves the old file as it was and no temporary file behind. Through a symbolic link,
/// the file it leads to is replaced and the link stays.
/// @throws io_error naming the path: it is (or leads to) a directory, FIFO, device or
///         socket; its directory does not exist or cannot be written; the disk is full.
GOALTRACK_API void write_file(const std::filesystem::path& path, std::string_view content);

}  // namespace goaltrack
