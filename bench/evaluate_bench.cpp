/// @file
/// goaltrack_bench: Google Benchmark suite for goaltrack::evaluate and bulk building.
///
/// Each benchmark runs on a deterministic synthetic plan shaped like the peer kit's data
/// (/work/shared/peers, gen.py): a five-level tree nation -> 63 provinces -> districts ->
/// orgs -> cells, members in cells rated on the Vietnamese four-level scale, quantity
/// targets on units of every level, and measurements in shuffled order. At scale 1.0 that
/// is 310,764 collectives, 5,000,000 members, 1,000,000 targets and about 10,000,000
/// measurements; the other scales divide every level below the provinces.
///
///   evaluate/scale:S          goaltrack::evaluate as of 2021-09-30 with the kit's policy
///                             (the job of goaltrack_peer); items = measurements + members
///                             + targets
///   evaluate/PRESET/scale:S   the same with policy_preset(PRESET) and the kit's rating
///                             summary: one per shipped preset, to compare with the default
///   evaluate/forecast/scale:S the kit's policy with forecast_min_points = 3 (every target
///                             with three check-ins is fitted)
///   evaluate/minimum_points/scale:S  the kit's policy with minimum_points = 2
///   evaluate/time_phased/scale:S  the kit's policy on the same plan with every target
///                             time-phased (monthly sub-periods, a plan of levels, expected
///                             by it: time_phased_plan_at)
///   evaluate/rollup_RULE/scale:S  the kit's policy with every program and collective
///                             rolled up by RULE (weighted_mean, worst): statuses besides
///                             the counts and means of evaluate/scale:S (the kit's: none)
///   evaluate/aligned_K/rollup_RULE  scale 1.0 with 1,000 programs (objectives) and K edges
///                             of alignment from the targets to them (each target toward
///                             K / 1M programs; rollup_none: the same plan without statuses);
///                             items = edges. Linear in the edges when the time over
///                             rollup_none grows as K.
///   add_measurements/scale:S  plan::add_measurements of all measurements in batches of
///                             1,000,000 into the plan without them; items = measurements
///
/// Plans are generated through the public API once per scale, outside the timed loops.
/// items_per_second constant across scales means time linear in the input.

#include <benchmark/benchmark.h>

#include <algorithm>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <vector>

#include "goaltrack/goaltrack.hpp"
#include "synthetic_plan.hpp"

namespace {

namespace gt = goaltrack;
using namespace goaltrack_bench;

// The policy a variant of evaluate/ runs: the kit's, a preset with the kit's rating
// summary, or the kit's with forecasts or the minimum-data rule.
gt::evaluation_policy variant_policy(const synthetic& s, const std::string& variant) {
  gt::evaluation_policy policy = kit_policy(s);
  if (variant.starts_with("rollup_")) {
    policy.rollup = variant.substr(7);
  } else if (variant == "forecast") {
    policy.forecast_min_points = 3;
  } else if (variant == "minimum_points") {
    policy.minimum_points = 2;
  } else if (!variant.empty()) {
    gt::evaluation_policy preset = gt::policy_preset(variant);
    preset.rating_summaries = policy.rating_summaries;
    policy = preset;
  }
  return policy;
}

void bm_evaluate(benchmark::State& state, double scale, const std::string& variant) {
  const bool phased = variant == "time_phased";
  const synthetic& s = phased ? time_phased_plan_at(scale) : plan_at(scale);
  const gt::evaluation_policy policy = variant_policy(s, phased ? std::string() : variant);
  const gt::date day = as_of();
  for (auto _ : state) {
    gt::evaluation ev = gt::evaluate(s.full, day, policy);
    benchmark::DoNotOptimize(ev);
  }
  state.SetItemsProcessed(state.iterations() * s.items());
  state.counters["targets"] = static_cast<double>(s.full.target_count());
}

// The national plan with 1,000 programs (ten roots of 99 each, owned by the nation) and
// `edges` alignments from its targets to them: target t counts toward programs
// (t + 997 k) mod 1000, k < edges / targets, with weights 1-4. Made once per edge count.
const gt::plan& aligned_plan(std::size_t edges) {
  static std::size_t made_for = 0;
  static std::unique_ptr<gt::plan> cached;
  if (made_for == edges) return *cached;
  cached.reset();
  auto p = std::make_unique<gt::plan>(plan_at(1.0).full);
  const gt::collective_id nation(0);
  std::vector<gt::program> programs;
  for (std::uint32_t i = 0; i < 1000; ++i) {
    std::optional<gt::program_id> parent;
    if (i % 100 != 0) parent = gt::program_id(i - i % 100);
    programs.push_back(
        {"OBJ-" + std::to_string(i), "", "", "", gt::period::year(2021), nation, parent});
  }
  p->add_programs(programs);
  const std::size_t nt = p->target_count();
  std::vector<gt::alignment> list;
  list.reserve(edges);
  for (std::size_t k = 0; list.size() < edges; ++k) {
    for (std::size_t t = 0; t < nt && list.size() < edges; ++t) {
      list.push_back({gt::target_id(static_cast<std::uint32_t>(t)),
                      {},
                      gt::program_id(static_cast<std::uint32_t>((t + 997 * k) % 1000)),
                      1.0 + static_cast<double>((t + k) % 4)});
    }
  }
  p->add_alignments(list);
  cached = std::move(p);
  made_for = edges;
  return *cached;
}

void bm_aligned(benchmark::State& state, std::size_t edges, const std::string& rule) {
  const gt::plan& p = aligned_plan(edges);
  gt::evaluation_policy policy = kit_policy(plan_at(1.0));
  policy.rollup = rule;
  const gt::date day = as_of();
  for (auto _ : state) {
    gt::evaluation ev = gt::evaluate(p, day, policy);
    benchmark::DoNotOptimize(ev);
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(edges));
}

void bm_add_measurements(benchmark::State& state, double scale) {
  const synthetic& s = plan_at(scale);
  for (auto _ : state) {
    state.PauseTiming();
    auto plan = std::make_unique<gt::plan>(s.base);
    state.ResumeTiming();
    add_measurements(*plan, s.measurements);
    state.PauseTiming();
    plan.reset();
    state.ResumeTiming();
  }
  state.SetItemsProcessed(state.iterations() *
                          static_cast<std::int64_t>(s.measurements.targets.size()));
}

}  // namespace

int main(int argc, char** argv) {
  benchmark::Initialize(&argc, argv);
  if (benchmark::ReportUnrecognizedArguments(argc, argv)) return 1;
  // Grouped by scale, so that each plan is generated once.
  const struct {
    const char* name;
    double value;
  } scales[] = {{"0.01", 0.01}, {"0.1", 0.1}, {"1.0", 1.0}};
  for (const auto& scale : scales) {
    const std::string suffix = std::string("/scale:") + scale.name;
    benchmark::RegisterBenchmark(("evaluate" + suffix).c_str(), bm_evaluate, scale.value,
                                 std::string())
        ->Unit(benchmark::kMillisecond);
    std::vector<std::string> variants(gt::policy_preset_codes().begin(),
                                      gt::policy_preset_codes().end());
    variants.insert(variants.end(), {"forecast", "minimum_points", "time_phased",
                                     "rollup_weighted_mean", "rollup_worst"});
    for (const std::string& v : variants) {
      benchmark::RegisterBenchmark(("evaluate/" + v + suffix).c_str(), bm_evaluate, scale.value, v)
          ->Unit(benchmark::kMillisecond);
    }
    benchmark::RegisterBenchmark(("add_measurements" + suffix).c_str(), bm_add_measurements,
                                 scale.value)
        ->Unit(benchmark::kMillisecond);
  }
  for (const std::size_t edges : {std::size_t{1'000'000}, std::size_t{10'000'000}}) {
    for (const char* rule : {"none", "weighted_mean", "worst"}) {
      const std::string name =
          "evaluate/aligned_" + std::to_string(edges / 1'000'000) + "M/rollup_" + rule;
      benchmark::RegisterBenchmark(name.c_str(), bm_aligned, edges, std::string(rule))
          ->Unit(benchmark::kMillisecond);
    }
  }
  benchmark::RunSpecifiedBenchmarks();
  benchmark::Shutdown();
  return 0;
}
