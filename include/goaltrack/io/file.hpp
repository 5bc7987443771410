#pragma once
/// @file
/// Writing files whole or not at all, as save() writes archives: reports, exports and the
/// command-line tool's outputs.

#include <filesystem>
#include <memory>
#include <string_view>

#include "goaltrack/export.hpp"

namespace goaltrack {

namespace detail {
class atomic_writer;
}

/// Replaces the file at `path` with `content` atomically: the bytes go to a temporary file
/// in the same directory, flushed to disk and renamed over `path`, then the directory is
/// flushed too, so a reader sees the old content or the new, never a part; a failed write
/// leaves the old file as it was and no temporary file behind. Through a symbolic link,
/// the file it leads to is replaced and the link stays.
/// @throws io_error naming the path: it is (or leads to) a directory, FIFO, device or
///         socket; its directory does not exist or cannot be written; the disk is full.
GOALTRACK_API void write_file(const std::filesystem::path& path, std::string_view content);

/// write_file() in pieces, for an output too large to build in memory first: the pieces
/// go to the temporary file as they come, and commit() puts the whole in place with the
/// same guarantees. Until commit() the file at `path` is untouched; a failed write, or a
/// writer destroyed without commit() (an exception while making the content), removes
/// the temporary file and leaves the old file as it was.
///
///     goaltrack::file_writer out(path);     // creates the temporary file
///     for (...) out.write(piece);            // written through: pass large pieces
///     out.commit();                          // flushed, renamed over path
///
/// After commit() or a failure the writer is finished: write() and commit() then throw
/// std::logic_error (so do those of a moved-from writer).
class GOALTRACK_API file_writer {
 public:
  /// @throws io_error as write_file: what `path` is, or the temporary cannot be created.
  explicit file_writer(const std::filesystem::path& path);
  file_writer(file_writer&&) noexcept;
  /// Abandons this writer's own file (as destruction does), then takes the other's.
  file_writer& operator=(file_writer&&) noexcept;
  ~file_writer();

  /// Appends `bytes`. @throws io_error naming the path (the disk is full, ...).
  void write(std::string_view bytes);
  /// Flushes the file to disk and renames it over `path`, then flushes the directory.
  /// @throws io_error naming the path; when only the directory could not be flushed the
  ///         new file is in place and the message says so.
  void commit();

 private:
  [[nodiscard]] detail::atomic_writer& live() const;

  std::unique_ptr<detail::atomic_writer> impl_;
};

}  // namespace goaltrack
