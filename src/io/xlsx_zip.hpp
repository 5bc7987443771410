#pragma once
// Private: the zip container of a workbook (xlsx_read.hpp), opened with libzip from memory
// and inflated in chunks whose bytes we count against the limits ourselves.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>

#include "io/xlsx_read.hpp"

struct zip;
struct zip_file;

namespace goaltrack::detail::xlsx {

/// Throws corrupt_error "[{where}: ]{what}" with `where` as the error's path.
[[noreturn]] void throw_corrupt(const std::string& where, const std::string& what);

/// The zip archive of a workbook, over bytes it owns.
class zip_archive {
 public:
  /// Opens `bytes` as a zip archive. `where` (the file's path, or "") starts messages.
  /// @throws format_error when the bytes are not a zip archive (or are an OLE file: an
  /// .xls or encrypted workbook), corrupt_error when the zip directory is damaged.
  zip_archive(std::string bytes, const limits& caps, std::string where);
  ~zip_archive();
  zip_archive(const zip_archive&) = delete;
  zip_archive& operator=(const zip_archive&) = delete;

  /// The index of entry `name`, if there is one.
  [[nodiscard]] std::optional<std::uint64_t> find(const std::string& name) const;
  [[nodiscard]] const limits& caps() const noexcept { return caps_; }
  [[nodiscard]] const std::string& where() const noexcept { return where_; }
  /// Adds `n` inflated bytes to the workbook's total. @throws corrupt_error above the cap.
  void count(std::uint64_t n, const std::string& entry);
  [[nodiscard]] zip* handle() const noexcept { return zip_; }

 private:
  std::string bytes_;
  limits caps_;
  std::string where_;
  zip* zip_ = nullptr;
  std::uint64_t total_ = 0;
};

/// One entry of the archive, inflated on demand.
class entry_stream {
 public:
  /// Opens entry `index`, named `name`. @throws corrupt_error when it cannot be opened.
  entry_stream(zip_archive& archive, std::uint64_t index, std::string name);
  ~entry_stream();
  entry_stream(const entry_stream&) = delete;
  entry_stream& operator=(const entry_stream&) = delete;

  /// Inflates up to `size` bytes into `out`; 0 at the end of the entry.
  /// @throws corrupt_error when the entry is damaged or inflates beyond the limits.
  std::size_t read(char* out, std::size_t size);
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  [[nodiscard]] const zip_archive& archive() const noexcept { return archive_; }

 private:
  zip_archive& archive_;
  std::string name_;
  zip_file* file_ = nullptr;
  std::uint64_t compressed_ = 0;  // as the directory declares: only for the ratio
  std::uint64_t inflated_ = 0;
};

}  // namespace goaltrack::detail::xlsx
