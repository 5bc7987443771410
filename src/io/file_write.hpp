#pragma once
// Private: writing a file atomically (save(), write_file() and file_writer,
// goaltrack/io/file.hpp).

#include <filesystem>
#include <span>
#include <string>
#include <string_view>

#include "io/save_fault.hpp"

namespace goaltrack::detail {

/// @throws io_error "{lead} '{path}': {what}[: {strerror(err)}]" naming `path`.
[[noreturn]] void throw_io(std::string_view lead, const std::string& what, const std::string& path,
                           int err);

/// A file written in pieces through a temporary file in the same directory, then flushed
/// to disk and renamed over `target` (the directory flushed too) by commit(). Any failure
/// before the rename, or destruction without commit(), closes and removes the temporary:
/// `target` keeps its old content. Messages start with `lead` and name `path`, the path
/// the caller gave (`target` is it with its links followed).
class atomic_writer {
 public:
  /// Creates the temporary file. @throws io_error.
  atomic_writer(std::filesystem::path target, std::string path, std::string_view lead);
  ~atomic_writer();
  atomic_writer(const atomic_writer&) = delete;
  atomic_writer& operator=(const atomic_writer&) = delete;

  /// Appends `bytes` to the temporary file. @throws io_error (the writer is then finished)
  /// or std::logic_error once finished.
  void write(std::string_view bytes);
  /// Flushes, renames over the target, flushes the directory; the writer is finished.
  /// @throws io_error: before the rename, as write(); after it, that the directory could
  /// not be flushed (the new content is in place). std::logic_error once finished.
  void commit();

 private:
  [[noreturn]] void fail(const std::string& what);  // removes the temporary, throws
  void check_open() const;
  // Asks the system to start writing the bytes just written to disk (Linux), so that
  // commit()'s fsync waits for what is left instead of the whole file: a large file is
  // flushed while it is still being made.
  void start_writeback(std::size_t just_written);

  std::filesystem::path target_;
  std::filesystem::path temp_;
  std::string path_;
  std::string lead_;
  int fd_ = -1;              // the open temporary; -1 once finished (committed or failed)
  std::size_t written_ = 0;  // its size so far
};

/// Writes `parts`, one after the other, to `target` atomically (atomic_writer).
void write_atomically(std::span<const std::string_view> parts, const std::filesystem::path& target,
                      const std::string& path, std::string_view lead);

}  // namespace goaltrack::detail
