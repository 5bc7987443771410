// CSV import at national scale: the peer kit's plan (../shared/peers, scale 1.0: 310,764
// collectives, 5,000,000 rated members, 1,000,000 targets, 10,000,000 measurements),
// built once from the kit's files as bench/goaltrack_peer.cpp does, written by
// export_csv, then read back by import_csv with full validation. Throughput is the
// bytes of the exported files per second. Compare with the kit's hand-written C++
// loader (limit.cpp) and pandas read_csv of the same files: bench/csv_vs_pandas.py.
//
// The kit's folder: $GOALTRACK_PEER_DATA, default /tmp/peers-data/scale-1.0. The export
// goes to $GOALTRACK_CSV_BENCH_DIR, default /tmp/goaltrack-csv-bench (kept, so that
// csv_vs_pandas.py can read the same files).

#include <benchmark/benchmark.h>

#include <cstdlib>
#include <deque>
#include <filesystem>
#include <memory>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "goaltrack/goaltrack.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/io/xlsx.hpp"
#include "kit_plan.hpp"
#include "synthetic_plan.hpp"

namespace {

namespace gt = goaltrack;
namespace fs = std::filesystem;

// The exported folder and its size in bytes, made once per process.
struct exported {
  fs::path dir;
  std::uint64_t bytes = 0;
  std::uint64_t rows = 0;
  std::string error;
};

const exported& national_export() {
  static const exported e = [] {
    exported x;
    x.dir = goaltrack_bench::env_path("GOALTRACK_CSV_BENCH_DIR", "/tmp/goaltrack-csv-bench");
    const gt::plan* p = goaltrack_bench::kit_plan(x.error);
    if (p == nullptr) return x;
    try {
      gt::csv_dialect d;
      gt::export_csv(*p, x.dir, d);
      x.rows = p->org().collective_count() + 2 * p->org().member_count() + p->target_count() +
               p->measurements().size();
    } catch (const std::exception& err) {
      x.error = err.what();
      return x;
    }
    for (const auto& f : fs::directory_iterator(x.dir)) x.bytes += f.file_size();
    return x;
  }();
  return e;
}

void BM_csv_import_national_scale_1_0(benchmark::State& state) {
  const exported& e = national_export();
  if (!e.error.empty()) {
    state.SkipWithError(e.error.c_str());
    return;
  }
  for (auto _ : state) {
    gt::plan p = gt::import_csv(e.dir);
    benchmark::DoNotOptimize(p);
  }
  state.SetBytesProcessed(static_cast<std::int64_t>(e.bytes) * state.iterations());
  state.counters["MB"] = static_cast<double>(e.bytes) / 1e6;
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(e.rows) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}
BENCHMARK(BM_csv_import_national_scale_1_0)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(2)
    ->UseRealTime();

// The same plan as a workbook and as a CSV folder, imported side by side in one run: the
// synthetic plan at scale 0.1 (31,076 collectives, 500,000 members and ratings, 100,000
// targets, 1,000,000 measurements), the largest of the kit's shape whose sheets fit
// Excel's 1,048,576 rows (the national plan's 10 million measurements do not). Written
// once per process under $GOALTRACK_CSV_BENCH_DIR.
struct spreadsheet_pair {
  fs::path folder;
  fs::path workbook;
  std::uint64_t rows = 0;
};

const spreadsheet_pair& scale_0_1_spreadsheets() {
  static const spreadsheet_pair s = [] {
    spreadsheet_pair x;
    const fs::path dir =
        goaltrack_bench::env_path("GOALTRACK_CSV_BENCH_DIR", "/tmp/goaltrack-csv-bench");
    x.folder = dir / "scale-0.1";
    x.workbook = dir / "scale-0.1.xlsx";
    const gt::plan& p = goaltrack_bench::plan_at(0.1).full;
    gt::export_csv(p, x.folder);
    gt::export_xlsx(p, x.workbook);
    x.rows = p.org().collective_count() + 2 * p.org().member_count() + p.target_count() +
             p.measurements().size();
    return x;
  }();
  return s;
}

void import_counters(benchmark::State& state, std::uint64_t rows) {
  state.counters["rows/s"] =
      benchmark::Counter(static_cast<double>(rows) * static_cast<double>(state.iterations()),
                         benchmark::Counter::kIsRate);
}

void BM_spreadsheet_import_csv_scale_0_1(benchmark::State& state) {
  const spreadsheet_pair& s = scale_0_1_spreadsheets();
  for (auto _ : state) {
    gt::plan p = gt::import_csv(s.folder);
    benchmark::DoNotOptimize(p);
  }
  import_counters(state, s.rows);
}
BENCHMARK(BM_spreadsheet_import_csv_scale_0_1)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

void BM_spreadsheet_import_xlsx_scale_0_1(benchmark::State& state) {
  const spreadsheet_pair& s = scale_0_1_spreadsheets();
  for (auto _ : state) {
    gt::plan p = gt::import_xlsx(s.workbook);
    benchmark::DoNotOptimize(p);
  }
  import_counters(state, s.rows);
}
BENCHMARK(BM_spreadsheet_import_xlsx_scale_0_1)
    ->Unit(benchmark::kMillisecond)
    ->Iterations(3)
    ->UseRealTime();

}  // namespace
