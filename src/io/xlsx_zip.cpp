// The zip container of a workbook: libzip over an in-memory source (so open() and
// from_memory() share this code), entries inflated in chunks whose bytes we count
// ourselves: the sizes in the zip directory are only hints, and a bomb stops at the cap.

#include "io/xlsx_zip.hpp"

#include <zip.h>

#include <algorithm>

#include "goaltrack/error.hpp"

namespace goaltrack::detail::xlsx {

namespace {

constexpr std::uint64_t ratio_floor = 1U << 20;  // smaller entries are never called bombs

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

void zip_archive::count(std::uint64_t n, const std::string& entry) {
  total_ += n;
  if (total_ > caps_.total_bytes) {
    throw_corrupt(where_, entry + ": the workbook inflates to more than " +
                              std::to_string(caps_.total_bytes) + " bytes (a zip bomb?)");
  }
}

entry_stream::entry_stream(zip_archive& archive, std::uint64_t index, std::string name)
    : archive_(archive), name_(std::move(name)) {
  zip_stat_t st;
  zip_stat_init(&st);
  if (zip_stat_index(archive_.handle(), index, 0, &st) == 0 &&
      (st.valid & ZIP_STAT_COMP_SIZE) != 0) {
    compressed_ = st.comp_size;
  }
  file_ = zip_fopen_index(archive_.handle(), index, 0);
  if (file_ == nullptr) {
    throw_corrupt(archive_.where(), name_ + ": cannot be read: " + zip_strerror(archive_.handle()));
  }
}

entry_stream::~entry_stream() {
  if (file_ != nullptr) zip_fclose(file_);
}

std::size_t entry_stream::read(char* out, std::size_t size) {
  const zip_int64_t n = zip_fread(file_, out, size);
  if (n < 0) throw_corrupt(archive_.where(), name_ + ": damaged: " + zip_file_strerror(file_));
  const auto got = static_cast<std::uint64_t>(n);
  inflated_ += got;
  const limits& caps = archive_.caps();
  if (inflated_ > caps.entry_bytes) {
    throw_corrupt(archive_.where(), name_ + ": the entry inflates to more than " +
                                        std::to_string(caps.entry_bytes) + " bytes (a zip bomb?)");
  }
  if (inflated_ > ratio_floor &&
      inflated_ / std::max<std::uint64_t>(compressed_, 1) > caps.compression_ratio) {
    throw_corrupt(archive_.where(), name_ + ": the entry inflates more than " +
                                        std::to_string(caps.compression_ratio) +
                                        " times its compressed size (a zip bomb?)");
  }
  archive_.count(got, name_);
  return static_cast<std::size_t>(got);
}

}  // namespace goaltrack::detail::xlsx
