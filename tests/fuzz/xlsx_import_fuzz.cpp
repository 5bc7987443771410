// libFuzzer harness for goaltrack::import_xlsx_bytes: any bytes are imported as a workbook
// with the first byte choosing the dialect of its text cells. Every input must either
// import or throw goaltrack::csv_error (bad rows) or goaltrack::file_error (not a
// workbook, damaged, above a limit); anything else (another exception, a crash, a
// sanitizer report, a hang) is a bug. The seeds are workbooks of whole plans, so that
// mutations reach the importer's checks, not only the zip and XML layers.

#include <cstddef>
#include <cstdint>
#include <string>

#include "goaltrack/error.hpp"
#include "goaltrack/io/xlsx.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  goaltrack::csv_dialect dialect;
  dialect.decimal_separator = (data[0] & 1) != 0 ? ',' : '.';
  dialect.dates = (data[0] & 2) != 0 ? goaltrack::csv_date_format::day_month_year
                                     : goaltrack::csv_date_format::iso;
  dialect.measurements_outside_period = (data[0] & 4) != 0;
  try {
    (void)goaltrack::import_xlsx_bytes(
        std::string(reinterpret_cast<const char*>(data) + 1, size - 1), dialect);
  } catch (const goaltrack::csv_error&) {
  } catch (const goaltrack::file_error&) {
  }
  return 0;
}
