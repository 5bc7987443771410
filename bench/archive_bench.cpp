/// @file
/// Archive benchmarks (goaltrack/io/archive.hpp): save and load of the national-scale
/// synthetic plan in each archive kind, beside the time to merely read the file's bytes.
///
///   archive_save/<kind>/scale:S   goaltrack::save(plan, path, kind), atomic (fsync included)
///   archive_load/<kind>/scale:S   goaltrack::load(path): read, checksum, parse, rebuild
///                                 through the public API (every check applies)
///   archive_read_bytes/<kind>/scale:S  reading the same file into memory, nothing else
///
/// Counters: bytes_per_second (file bytes, shown as MB/s ... by Google Benchmark) and
/// items_per_second (entities: collectives + members + ratings + targets + measurements).
/// The plans: synthetic_plan.hpp's at scales 0.1 and 1.0 (every kind), and the peer kit's
/// national plan itself (kit_plan.hpp, "kit:1.0", binary: the goal is stated on
/// it). Files go to $TMPDIR (default /tmp). The goal: binary load within 3x of reading the
/// bytes.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <map>
#include <memory>
#include <string>
#include <vector>

#include "goaltrack/goaltrack.hpp"
#include "goaltrack/io/archive.hpp"
#include "kit_plan.hpp"
#include "synthetic_plan.hpp"

namespace {

namespace gt = goaltrack;

/// The plan saved and loaded: the synthetic national-scale plan (synthetic_plan.hpp), and
/// the entities it holds (collectives + members + ratings + targets + measurements).
// scale 0: the kit's plan (nullptr when its data is missing).
const gt::plan* national_plan(double scale, std::string& error) {
  if (scale == 0) return goaltrack_bench::kit_plan(error);
  return &goaltrack_bench::plan_at(scale).full;
}
std::int64_t entities(const gt::plan& p) {
  return static_cast<std::int64_t>(p.org().collective_count() + 2 * p.org().member_count() +
                                   p.target_count() + p.measurements().size());
}

std::filesystem::path file_for(gt::archive_format f, double scale) {
  const char* tmp = std::getenv("TMPDIR");
  const std::string name = scale == 0 ? "kit" : std::to_string(scale);
  return std::filesystem::path(tmp != nullptr ? tmp : "/tmp") /
         ("goaltrack_bench_" + std::string(gt::to_string(f)) + "_" + name + ".gtk");
}

void report(benchmark::State& state, std::uint64_t bytes, std::int64_t entities) {
  state.SetBytesProcessed(static_cast<std::int64_t>(bytes) * state.iterations());
  state.SetItemsProcessed(entities * state.iterations());
  state.counters["file_MB"] = static_cast<double>(bytes) / 1e6;
}

// The plan of `scale`, or nullptr after skipping the benchmark with the reason.
const gt::plan* plan_or_skip(benchmark::State& state, double scale) {
  std::string error;
  const gt::plan* p = national_plan(scale, error);
  if (p == nullptr) state.SkipWithError(error.c_str());
  return p;
}

void bm_save(benchmark::State& state, gt::archive_format f, double scale) {
  const gt::plan* plan = plan_or_skip(state, scale);
  if (plan == nullptr) return;
  const gt::plan& p = *plan;
  const auto path = file_for(f, scale);
  for (auto _ : state) gt::save(p, path, f);
  report(state, std::filesystem::file_size(path), entities(p));
}

void bm_load(benchmark::State& state, gt::archive_format f, double scale) {
  const gt::plan* plan = plan_or_skip(state, scale);
  if (plan == nullptr) return;
  const gt::plan& p = *plan;
  const auto path = file_for(f, scale);
  if (!std::filesystem::exists(path)) gt::save(p, path, f);
  gt::plan last;
  for (auto _ : state) {
    last = gt::load(path);
    benchmark::DoNotOptimize(last);
  }
  if (!(last == p)) state.SkipWithError("the loaded plan differs from the saved one");
  report(state, std::filesystem::file_size(path), entities(p));
}

void bm_read_bytes(benchmark::State& state, gt::archive_format f, double scale) {
  const gt::plan* plan = plan_or_skip(state, scale);
  if (plan == nullptr) return;
  const gt::plan& p = *plan;
  const auto path = file_for(f, scale);
  if (!std::filesystem::exists(path)) gt::save(p, path, f);
  const auto size = std::filesystem::file_size(path);
  for (auto _ : state) {
    std::string bytes(size, '\0');
    std::ifstream in(path, std::ios::binary);
    in.read(bytes.data(), static_cast<std::streamsize>(size));
    benchmark::DoNotOptimize(bytes);
  }
  report(state, size, entities(p));
}

// Registered statically, grouped by scale so each plan is generated once; text and XML
// at scale 1.0 take minutes per iteration, hence one iteration each.
const bool registered = [] {
  for (const double scale : {0.1, 1.0}) {
    for (const gt::archive_format f :
         {gt::archive_format::binary, gt::archive_format::text, gt::archive_format::xml}) {
      const std::string suffix =
          "/" + std::string(gt::to_string(f)) + (scale == 1.0 ? "/scale:1.0" : "/scale:0.1");
      const int iterations = scale == 1.0 && f != gt::archive_format::binary ? 1 : 3;
      benchmark::RegisterBenchmark(("archive_save" + suffix).c_str(), bm_save, f, scale)
          ->Unit(benchmark::kMillisecond)
          ->Iterations(iterations)
          ->UseRealTime();
      benchmark::RegisterBenchmark(("archive_load" + suffix).c_str(), bm_load, f, scale)
          ->Unit(benchmark::kMillisecond)
          ->Iterations(iterations)
          ->UseRealTime();
      benchmark::RegisterBenchmark(("archive_read_bytes" + suffix).c_str(), bm_read_bytes, f, scale)
          ->Unit(benchmark::kMillisecond)
          ->Iterations(iterations)
          ->UseRealTime();
    }
  }
  // The kit's own plan, binary only (text and XML take minutes at this size).
  const gt::archive_format binary = gt::archive_format::binary;
  benchmark::RegisterBenchmark("archive_save/binary/kit:1.0", bm_save, binary, 0.0)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(3)
      ->UseRealTime();
  benchmark::RegisterBenchmark("archive_load/binary/kit:1.0", bm_load, binary, 0.0)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(3)
      ->UseRealTime();
  benchmark::RegisterBenchmark("archive_read_bytes/binary/kit:1.0", bm_read_bytes, binary, 0.0)
      ->Unit(benchmark::kMillisecond)
      ->Iterations(3)
      ->UseRealTime();
  return true;
}();

}  // namespace
