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
#include "kit_csv.hpp"

namespace {

namespace gt = goaltrack;
namespace fs = std::filesystem;

fs::path env_path(const char* name, const char* fallback) {
  const char* v = std::getenv(name);
  return v != nullptr && *v != '\0' ? fs::path(v) : fs::path(fallback);
}

// The kit's plan, through the public API (the kit's ids become codes).
gt::plan build_kit_plan(const fs::path& dir) {
  gt::plan p;
  const gt::scale_id scale = p.add_scale(gt::rating_scale::vietnamese_default());
  const gt::round_id round = p.add_round(scale, gt::period::year(2021), gt::make_date(2021, 12, 31));
  const gt::rating_scale& levels = p.get(scale);
  std::deque<std::string> store;
  {
    kit::mapped_file f(dir / "units.csv", "units.csv");
    kit::csv_reader csv(f, "unit_id,parent_id,kind,name");
    std::vector<gt::collective_spec> specs;
    while (csv.next_row()) {
      gt::collective_spec s;
      s.code = csv.field();
      s.parent_code = csv.field();
      s.kind = csv.text(store);
      s.name = csv.text(store);
      csv.end_row();
      specs.push_back(s);
    }
    p.org().add_collectives(specs);
  }
  {
    kit::mapped_file f(dir / "members.csv", "members.csv");
    kit::csv_reader csv(f, "member_id,unit_id,rating");
    std::vector<gt::member_spec> specs;
    std::vector<gt::rating_level> ranks;
    while (csv.next_row()) {
      gt::member_spec s;
      s.code = csv.field();
      s.collective = p.org().collective(csv.field());
      ranks.push_back(levels.level(csv.field()));
      csv.end_row();
      specs.push_back(s);
    }
    const gt::member_id first = p.org().add_members(specs);
    std::vector<gt::member_id> ids(specs.size());
    for (std::size_t i = 0; i < ids.size(); ++i) {
      ids[i] = gt::member_id(first.value() + static_cast<gt::member_id::value_type>(i));
    }
    p.rate(round, ids, ranks);
  }
  {
    kit::mapped_file f(dir / "targets.csv", "targets.csv");
    kit::csv_reader csv(f, "target_id,unit_id,baseline,target,start,end");
    while (csv.next_row()) {
      const std::string code(csv.field());
      const gt::collective_id owner = p.org().collective(csv.field());
      const double baseline = csv.number("baseline");
      const double goal = csv.number("target");
      const std::int32_t start = csv.day("start");
      const std::int32_t end = csv.day("end");
      csv.end_row();
      gt::target t = gt::target::quantity(
          code, "", owner, gt::period::between(gt::from_day_number(start), gt::from_day_number(end)));
      if (goal < baseline) {
        t.decrease_to(goal);
      } else {
        t.increase_to(goal);
      }
      p.add_target(t.from(baseline));
    }
  }
  {
    kit::mapped_file f(dir / "measurements.csv", "measurements.csv");
    kit::csv_reader csv(f, "target_id,date,value");
    std::vector<gt::target_id> targets;
    std::vector<std::int32_t> days;
    std::vector<double> values;
    while (csv.next_row()) {
      targets.push_back(*p.find_target(csv.field()));
      days.push_back(csv.day("date"));
      values.push_back(csv.number("value"));
      csv.end_row();
    }
    p.add_measurements(targets, days, values);
  }
  return p;
}

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
    x.dir = env_path("GOALTRACK_CSV_BENCH_DIR", "/tmp/goaltrack-csv-bench");
    const fs::path kit = env_path("GOALTRACK_PEER_DATA", "/tmp/peers-data/scale-1.0");
    if (!fs::exists(kit / "units.csv")) {
      x.error = "no kit data at " + kit.string() + " (set GOALTRACK_PEER_DATA)";
      return x;
    }
    try {
      const gt::plan p = build_kit_plan(kit);
      gt::csv_dialect d;
      gt::export_csv(p, x.dir, d);
      x.rows = p.org().collective_count() + 2 * p.org().member_count() + p.target_count() +
               p.measurements().size();
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
  state.counters["rows/s"] = benchmark::Counter(static_cast<double>(e.rows) * static_cast<double>(state.iterations()),
                                                benchmark::Counter::kIsRate);
}
BENCHMARK(BM_csv_import_national_scale_1_0)->Unit(benchmark::kMillisecond)->Iterations(2)->UseRealTime();

}  // namespace
