// libFuzzer harness for the Excel workbook reader (src/io/xlsx_read.hpp): any bytes are
// opened as a workbook from memory, and every row of every sheet is read. Every input
// must either read or throw goaltrack::file_error; anything else (another exception, a
// crash, a sanitizer report, a hang, memory beyond -rss_limit_mb) is a bug. Small limits
// keep each input's memory small, as a caller reading untrusted workbooks would set them.

#include <cstddef>
#include <cstdint>
#include <string>

#include "goaltrack/error.hpp"
#include "io/xlsx_read.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  namespace xlsx = goaltrack::detail::xlsx;
  xlsx::limits caps;
  caps.entry_bytes = 16U << 20;
  caps.total_bytes = 64U << 20;
  caps.shared_strings = 100'000;
  caps.shared_string_bytes = 16U << 20;
  caps.cell_bytes = 1U << 16;
  try {
    const xlsx::workbook wb =
        xlsx::workbook::from_memory(std::string(reinterpret_cast<const char*>(data), size), caps);
    for (std::size_t i = 0; i < wb.sheet_names().size(); ++i) {
      xlsx::sheet_reader r = wb.sheet(i);
      std::uint32_t last = 0;
      while (r.next()) {
        // Rows come in order, each with a non-blank last cell.
        if (r.row() <= last || r.cells().empty() ||
            r.cells().back().type == xlsx::cell_type::blank) {
          __builtin_trap();
        }
        last = r.row();
      }
    }
  } catch (const goaltrack::file_error&) {
  }
  return 0;
}
