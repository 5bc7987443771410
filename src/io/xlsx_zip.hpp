#pragma once
// Private: the zip container of a workbook (xlsx_read.hpp), opened with libzip from memory;
// entries are inflated whole by libdeflate into buffers sized from the zip directory,
// whose sizes are checked against the limits before a byte is allocated.

#include <cstddef>
#include <cstdint>
#include <mutex>
#include <optional>
#include <string>
#include <string_view>

#include "io/xlsx_read.hpp"

struct zip;

namespace goaltrack::detail::xlsx {

/// Throws corrupt_error "[{where}: ]{what}" with `where` as the error's path.
[[noreturn]] void throw_corrupt(const std::string& where, const std::string& what);

/// The zip archive of a workbook, over bytes it owns. read() may be called from several
/// threads at once.
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
  /// The size entry `index` declares once inflated (0 when unknown, or when it alone
  /// breaks the limits: read() then refuses it), for sizing buffers.
  [[nodiscard]] std::uint64_t declared_size(std::uint64_t index) const;
  /// Entry `index`, named `name`, inflated whole into the start of `into` (grown as
  /// needed, never shrunk, so that one buffer serves entry after entry). Its declared size
  /// is checked against the limits first (per entry, the workbook's total, the compression
  /// ratio), and the inflated bytes must match it and the entry's CRC-32.
  /// @throws corrupt_error naming the entry when it is damaged or above a limit,
  /// format_error when it is encrypted or compressed other than by deflate.
  std::string_view read(std::uint64_t index, const std::string& name, std::string& into);
  [[nodiscard]] const limits& caps() const noexcept { return caps_; }
  [[nodiscard]] const std::string& where() const noexcept { return where_; }

 private:
  struct compressed;
  compressed take(std::uint64_t index, const std::string& name);  // locks lock_
  // Why an entry's declared sizes break the limits, `total` bytes having been inflated
  // before it, or "" when they do not.
  [[nodiscard]] std::string size_problem(std::uint64_t size, std::uint64_t compressed_size,
                                         std::uint64_t total) const;

  std::string bytes_;
  limits caps_;
  std::string where_;
  zip* zip_ = nullptr;
  std::uint64_t total_ = 0;  // inflated bytes of the entries read
  mutable std::mutex lock_;  // libzip's handle is not shared between threads
};

}  // namespace goaltrack::detail::xlsx
