#pragma once
// Private: what a path names, for the entry points that read or write files by path
// (save, load, import_csv, export_csv). They work on regular files only: opening a FIFO
// would block, a device is not a plan, and replacing a device node or a link by renaming
// over it destroys what the user pointed at.

#include <filesystem>
#include <string>

namespace goaltrack::detail {

/// What `path` is when it is not a regular file (following symbolic links): "a directory",
/// "a FIFO", "a character device", "a block device", "a socket", "a symbolic link to 'x',
/// which does not exist"; "" for a regular file or a path that does not exist.
[[nodiscard]] std::string not_a_regular_file(const std::filesystem::path& path);

/// `path` with its chain of symbolic links followed (a relative link against its own
/// folder): the file that writing to `path` would write. A path that does not exist, or
/// a link that leads nowhere, ends the chain. @throws io_error naming `path` on a loop.
[[nodiscard]] std::filesystem::path follow_links(const std::filesystem::path& path);

/// Reads the whole of the regular file `path` into `text`, reusing its capacity. Opened
/// without blocking and checked after opening (a path swapped for a FIFO meanwhile is
/// refused, not waited on). @throws io_error naming the path and what it is.
void read_regular_file(const std::filesystem::path& path, std::string& text);

}  // namespace goaltrack::detail
