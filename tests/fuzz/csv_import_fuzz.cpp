// libFuzzer harness for goaltrack::import_csv (in memory). The first byte picks the
// dialect; the rest is split at NUL bytes into the layout's files in their read order
// (rating_scales.csv, collectives.csv, ...), so that references across files are fuzzed
// too. Every input must either import or throw goaltrack::csv_error; anything else
// (another exception, a crash, a sanitizer report, a hang) is a bug.

#include <cstddef>
#include <cstdint>
#include <cstdlib>
#include <string>
#include <vector>

#include "goaltrack/io/csv.hpp"

extern "C" int LLVMFuzzerTestOneInput(const std::uint8_t* data, std::size_t size) {
  if (size == 0) return 0;
  goaltrack::csv_dialect dialect;
  dialect.delimiter = (data[0] & 1) != 0 ? ';' : ',';
  dialect.decimal_separator = (data[0] & 2) != 0 ? ',' : '.';
  dialect.dates = (data[0] & 4) != 0 ? goaltrack::csv_date_format::day_month_year
                                     : goaltrack::csv_date_format::iso;
  const std::vector<std::string> names = goaltrack::csv_file_names();
  std::vector<goaltrack::csv_source> files;
  std::size_t start = 1;
  for (std::size_t i = 1; i <= size && files.size() < names.size(); ++i) {
    if (i == size || data[i] == 0) {
      files.push_back({names[files.size()],
                       std::string(reinterpret_cast<const char*>(data + start), i - start)});
      start = i + 1;
    }
  }
  try {
    const goaltrack::plan p = goaltrack::import_csv(std::move(files), dialect);
    // What imports must export and import back equal.
    if (!(goaltrack::import_csv(goaltrack::export_csv(p, dialect), dialect) == p)) std::abort();
  } catch (const goaltrack::csv_error&) {
  }
  return 0;
}
