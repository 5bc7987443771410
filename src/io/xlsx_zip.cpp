// The zip container of a workbook: libzip over an in-memory source (so open() and
// from_memory() share this code) finds the entries and hands over their compressed bytes;
// libdeflate inflates them whole.
//
// Why libdeflate (libdeflate-dev 1.14, Debian 12): it inflates two to three times faster
// than zlib into a buffer of known size, and never writes past it. A sheet is held
// inflated whole, as a CSV file is held whole by import_csv. The zip directory's sizes
// are checked against the limits before the buffer is allocated, and an entry that
// inflates to more (or less) than it declares, or fails its CRC-32, is refused: a bomb
// never gets past its declared size, and that size is capped.

#include "io/xlsx_zip.hpp"

#include <libdeflate.h>
#include <zip.h>

#include <algorithm>
#include <span>
#include <vector>

#include "goaltrack/error.hpp"

namespace goaltrack::detail::xlsx {

namespace {

constexpr std::uint64_t ratio_floor = 1U << 20;  // smaller entries are never called bombs
constexpr std::uint16_t deflated = 8;            // ZIP_CM_DEFLATE
constexpr std::uint16_t stored = 0;              // ZIP_CM_STORE

std::string prefixed(const std::string& where, const std::string& what) {
  return where.empty() ? what : where + ": " + what;
}

bool starts_with_ole_magic(std::string_view bytes) {
  return bytes.starts_with(std::string_view("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8));
}

std::string zip_message(zip_error_t& error) {
  std::string m = zip_error_strerror(&error);
  zip_error_fini(&error);
  return m;
}

// Grows `buffer` to `size` bytes, its old bytes dropped rather than copied when it must
// move.
void grow(std::string& buffer, std::size_t size) {
  if (buffer.capacity() < size) std::string().swap(buffer);
  buffer.resize(size);
}

}  // namespace

void throw_corrupt(const std::string& where, const std::string& what) {
  throw corrupt_error(prefixed(where, what), where);
}

zip_archive::zip_archive(std::string bytes, const limits& caps, std::string where)
    : bytes_(std::move(bytes)), caps_(caps), where_(std::move(where)) {
  if (starts_with_ole_magic(bytes_)) {
    // Excel 97-2003 workbooks and password-protected .xlsx ones are both OLE files.
    throw format_error(prefixed(where_,
                                ".xls (Excel 97-2003) and password-protected workbooks are not "
                                "read: save as .xlsx without a password"),
                       where_);
  }
  // libzip opens an empty buffer as an empty archive; a workbook starts with a local header.
  if (!bytes_.starts_with("PK")) {
    throw format_error(prefixed(where_, "not an Excel workbook (.xlsx): not a zip file"), where_);
  }
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* source = zip_source_buffer_create(bytes_.data(), bytes_.size(), 0, &error);
  if (source == nullptr)
    throw_corrupt(where_, "cannot read the zip archive: " + zip_message(error));
  zip_ = zip_open_from_source(source, ZIP_RDONLY, &error);
  if (zip_ == nullptr) {
    zip_source_free(source);
    const int code = zip_error_code_zip(&error);
    const std::string m = zip_message(error);
    if (code == ZIP_ER_NOZIP) {
      throw format_error(prefixed(where_, "not an Excel workbook (.xlsx): not a zip file"), where_);
    }
    throw_corrupt(where_, "not a readable zip archive: " + m);
  }
  zip_error_fini(&error);
}

zip_archive::~zip_archive() {
  if (zip_ != nullptr) zip_discard(zip_);  // read-only: nothing to write back
}

std::optional<std::uint64_t> zip_archive::find(const std::string& name) const {
  const zip_int64_t i = zip_name_locate(zip_, name.c_str(), ZIP_FL_ENC_RAW);
  if (i < 0) return std::nullopt;
  return static_cast<std::uint64_t>(i);
}

struct zip_archive::compressed {
  std::vector<char> bytes;
  std::uint64_t size = 0;  // inflated, as declared
  std::uint32_t crc = 0;
  bool deflated = false;
};

std::uint64_t zip_archive::declared_size(std::uint64_t index) const {
  const std::scoped_lock hold(lock_);
  zip_stat_t st;
  zip_stat_init(&st);
  constexpr std::uint64_t sizes = ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE;
  if (zip_stat_index(zip_, index, 0, &st) != 0 || (st.valid & sizes) != sizes) return 0;
  return size_problem(st.size, st.comp_size, 0).empty() ? st.size : 0;
}

zip_archive::compressed zip_archive::take(std::uint64_t index, const std::string& name) {
  const std::scoped_lock hold(lock_);
  zip_stat_t st;
  zip_stat_init(&st);
  constexpr std::uint64_t needed =
      ZIP_STAT_SIZE | ZIP_STAT_COMP_SIZE | ZIP_STAT_COMP_METHOD | ZIP_STAT_CRC;
  if (zip_stat_index(zip_, index, 0, &st) != 0 || (st.valid & needed) != needed) {
    throw_corrupt(where_, name + ": cannot be read: " + zip_strerror(zip_));
  }
  if ((st.valid & ZIP_STAT_ENCRYPTION_METHOD) != 0 && st.encryption_method != ZIP_EM_NONE) {
    throw format_error(prefixed(where_, name + ": encrypted entries are not read"), where_);
  }
  if (st.comp_method != deflated && st.comp_method != stored) {
    throw format_error(
        prefixed(where_, name + ": compression method " + std::to_string(st.comp_method) +
                             " is not read (workbooks use deflate)"),
        where_);
  }
  if (const std::string problem = size_problem(st.size, st.comp_size, total_); !problem.empty()) {
    throw_corrupt(where_, name + ": " + problem);
  }
  total_ += st.size;
  compressed c{std::vector<char>(st.comp_size), st.size, st.crc, st.comp_method == deflated};
  zip_file_t* f = zip_fopen_index(zip_, index, ZIP_FL_COMPRESSED);
  if (f == nullptr) throw_corrupt(where_, name + ": cannot be read: " + zip_strerror(zip_));
  const zip_int64_t n = zip_fread(f, c.bytes.data(), c.bytes.size());
  const std::string failure = n < 0 ? zip_file_strerror(f) : "";
  zip_fclose(f);
  if (n < 0 || static_cast<std::uint64_t>(n) != st.comp_size) {
    throw_corrupt(where_, name + ": damaged: " + (n < 0 ? failure : "the entry is cut short"));
  }
  return c;
}

std::string zip_archive::size_problem(std::uint64_t size, std::uint64_t compressed_size,
                                      std::uint64_t total) const {
  if (compressed_size > bytes_.size()) {
    return "damaged: it declares " + std::to_string(compressed_size) +
           " compressed bytes, more than the file holds";
  }
  if (size > caps_.entry_bytes) {
    return "the entry inflates to more than " + std::to_string(caps_.entry_bytes) +
           " bytes (a zip bomb?)";
  }
  if (size > caps_.total_bytes - std::min(total, caps_.total_bytes)) {
    return "the workbook inflates to more than " + std::to_string(caps_.total_bytes) +
           " bytes (a zip bomb?)";
  }
  if (size > ratio_floor &&
      size / std::max<std::uint64_t>(compressed_size, 1) > caps_.compression_ratio) {
    return "the entry inflates more than " + std::to_string(caps_.compression_ratio) +
           " times its compressed size (a zip bomb?)";
  }
  return {};
}

std::string_view zip_archive::read(std::uint64_t index, const std::string& name,
                                   std::string& into) {
  const compressed c = take(index, name);
  const auto size = static_cast<std::size_t>(c.size);
  if (into.size() < size) grow(into, size);
  const std::span<char> out(into.data(), size);
  if (!c.deflated) {
    if (c.bytes.size() != c.size) throw_corrupt(where_, name + ": damaged: stored sizes differ");
    std::copy(c.bytes.begin(), c.bytes.end(), out.begin());
  } else {
    const std::unique_ptr<libdeflate_decompressor, void (*)(libdeflate_decompressor*)> inflater(
        libdeflate_alloc_decompressor(), &libdeflate_free_decompressor);
    if (!inflater) throw std::bad_alloc();
    const libdeflate_result r = libdeflate_deflate_decompress(
        inflater.get(), c.bytes.data(), c.bytes.size(), out.data(), out.size(), nullptr);
    if (r == LIBDEFLATE_INSUFFICIENT_SPACE) {
      throw_corrupt(where_, name + ": the entry inflates to more than the " +
                                std::to_string(c.size) + " bytes it declares (a zip bomb?)");
    }
    if (r != LIBDEFLATE_SUCCESS) {
      throw_corrupt(where_, name + ": damaged: " +
                                (r == LIBDEFLATE_SHORT_OUTPUT
                                     ? "the entry inflates to fewer bytes than it declares"
                                     : "not valid deflate data"));
    }
  }
  if (libdeflate_crc32(0, out.data(), out.size()) != c.crc) {
    throw_corrupt(where_, name + ": damaged: its CRC-32 does not match");
  }
  return {out.data(), out.size()};
}

}  // namespace goaltrack::detail::xlsx
