// Opening a workbook (file or memory, one path through libzip's in-memory source), cell
// names, and the conversions between Excel date serials and goaltrack day numbers.

#include "io/xlsx_read.hpp"

#include <cerrno>
#include <cmath>
#include <cstring>
#include <fstream>

#include "goaltrack/error.hpp"
#include "io/xlsx_parts.hpp"
#include "io/xlsx_zip.hpp"

namespace goaltrack::detail::xlsx {

namespace {

// Serial 25569 is 1970-01-01 in the 1900 system (day number 0), 24107 in the 1904 one.
constexpr std::int32_t epoch_1900 = 25569;
constexpr std::int32_t epoch_1904 = 24107;
constexpr std::int32_t last_day = 2'932'896;      // 9999-12-31
constexpr std::int32_t fictitious_leap_day = 60;  // Excel's 1900-02-29, kept from Lotus 1-2-3

std::string read_file(const std::filesystem::path& path, const limits& caps) {
  const std::string p = path.string();
  std::ifstream in(path, std::ios::binary);
  if (!in) throw io_error("cannot open '" + p + "': " + std::strerror(errno), p);
  in.seekg(0, std::ios::end);
  const std::streamoff size = in.tellg();
  in.seekg(0, std::ios::beg);
  if (size < 0) throw io_error("cannot read '" + p + "'", p);
  if (static_cast<std::uint64_t>(size) > caps.total_bytes) {
    throw corrupt_error(
        p + ": the file is larger than " + std::to_string(caps.total_bytes) + " bytes", p);
  }
  std::string bytes(static_cast<std::size_t>(size), '\0');
  if (!in.read(bytes.data(), size)) throw io_error("cannot read '" + p + "'", p);
  return bytes;
}

}  // namespace

workbook workbook::open_bytes(std::string bytes, const limits& caps, std::string where) {
  auto archive = std::make_unique<zip_archive>(std::move(bytes), caps, std::move(where));
  return workbook(read_parts(std::move(archive)));
}

workbook workbook::open(const std::filesystem::path& path, const limits& caps) {
  return open_bytes(read_file(path, caps), caps, path.string());
}

workbook workbook::from_memory(std::string bytes, const limits& caps) {
  return open_bytes(std::move(bytes), caps, {});
}

workbook::workbook(std::unique_ptr<workbook_parts> parts) : parts_(std::move(parts)) {}
workbook::workbook(workbook&&) noexcept = default;
workbook& workbook::operator=(workbook&&) noexcept = default;
workbook::~workbook() = default;

const std::vector<std::string>& workbook::sheet_names() const noexcept { return parts_->names; }
bool workbook::hidden(std::size_t index) const { return parts_->sheets.at(index).hidden; }
bool workbook::date1904() const noexcept { return parts_->date1904; }

std::uint64_t workbook::sheet_size(std::size_t index) const {
  const std::optional<std::uint64_t> entry = parts_->archive->find(parts_->sheets.at(index).entry);
  return entry ? parts_->archive->declared_size(*entry) : 0;
}

std::string cell_name(std::uint32_t row, std::uint32_t column) {
  std::string letters;
  for (std::uint32_t c = column; c > 0; c = (c - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (c - 1) % 26));
  }
  return letters + std::to_string(row);
}

std::optional<std::int32_t> serial_day(double serial, bool date1904) noexcept {
  if (!std::isfinite(serial) || serial < 0 || serial > 3e6) return std::nullopt;
  const auto whole = static_cast<std::int32_t>(std::floor(serial));
  std::int32_t day = 0;
  if (date1904) {
    day = whole - epoch_1904;
  } else if (whole < 1 || whole == fictitious_leap_day) {
    return std::nullopt;
  } else {
    // Serials before the fictitious day are one day later than the count suggests.
    day = whole - (whole < fictitious_leap_day ? epoch_1900 - 1 : epoch_1900);
  }
  if (day > last_day) return std::nullopt;
  return day;
}

double serial_time(double serial) noexcept {
  if (!std::isfinite(serial)) return 0;
  return serial - std::floor(serial);
}

std::optional<std::int32_t> day_serial(std::int32_t day, bool date1904) noexcept {
  if (day > last_day) return std::nullopt;
  if (date1904) {
    if (day < -epoch_1904) return std::nullopt;
    return day + epoch_1904;
  }
  const std::int32_t serial = day + epoch_1900;
  if (serial > fictitious_leap_day) return serial;
  if (serial - 1 < 1) return std::nullopt;  // before 1900-01-01
  return serial - 1;
}

}  // namespace goaltrack::detail::xlsx
