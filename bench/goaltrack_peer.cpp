/// @file
/// goaltrack_peer: goaltrack's entry in the peer benchmark kit (/work/shared/peers).
///
///     goaltrack_peer DATADIR OUTDIR [ASOF=2021-09-30]
///     goaltrack_peer --save-archive DATADIR ARCHIVE [ASOF=2021-09-30]
///
/// The second form builds the same plan and saves it as a binary archive
/// (goaltrack::save(plan, ARCHIVE, archive_format::binary)) instead of evaluating it: the
/// national plan that `goaltrack evaluate` and `goaltrack report` read in the command's
/// benchmarks (cli_vs_library.py, review_bench.cpp). ASOF is the day the kit's rating round
/// is decided on, as in the first form.
///
/// Reads the kit's units.csv, members.csv, targets.csv and measurements.csv from DATADIR,
/// builds a goaltrack::plan through the public API only, evaluates it as of ASOF with
/// goaltrack::evaluate and writes the kit's four canonical result files into OUTDIR,
/// byte for byte as the kit's reference implementations do (the kit's README.md has
/// the job (a)-(d) and the output contract). The kit maps onto goaltrack as follows:
///
/// | kit                                   | goaltrack                                       |
/// |---------------------------------------|-------------------------------------------------|
/// | unit (unit_id, parent_id, kind, name) | collective: code = unit_id text, kind = kind    |
/// | member (member_id, unit_id, rating)   | member of its cell, rated in a round of 2021 on |
/// |                                       | rating_scale::vietnamese_default()              |
/// | target (baseline, target, start, end) | quantity target increase_to (decrease_to when   |
/// |                                       | target < baseline) from the baseline            |
/// | measurement (target_id, date, value)  | measurement (day number, value)                 |
/// | (a) cells, (b) roll-up                | a rating summary: level "good" or above,        |
/// |                                       | counted kind "cell", criterion member_share 100%|
/// | (c) targets                           | evaluation actuals, progress, statuses          |
/// | (d) targets per subtree               | collective_result::subtree_targets              |
///
/// Both cores: a reader thread parses the files while the main thread adds the batches
/// already parsed to the plan (batch_pipeline.hpp), in file order, so the plan and any
/// error are those of a sequential load.
///
/// Prints `TIMING impl=goaltrack load=S compute=S write=S` as the kit asks (load = parse
/// and build the plan, wall time; compute = evaluate() only), then
/// `PHASES parse=S build=S evaluate=S write=S` with the busy time of each thread during
/// the load; the split per input file goes to stderr.
///
/// Memory: each file is mapped whole, read in batches of batch_rows rows, and the pages
/// already added are given back to the kernel after each batch, so the process holds the
/// plan plus a few batches of text rather than the plan plus the whole file.
///
/// Bad input (a malformed row, an unknown or repeated id, a target the library rejects)
/// prints a message naming the file and line to stderr and exits with status 2.

#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>

#include "goaltrack/goaltrack.hpp"
#include "goaltrack/io/archive.hpp"
#include "kit_csv.hpp"
#include "memory_state.hpp"
#include "peer_load.hpp"
#include "peer_results.hpp"

namespace {

namespace gt = goaltrack;
using kit::input_error;
using peer::kit_plan;
using peer::phase_times;
using peer::stopwatch;

// --- evaluation ----------------------------------------------------------------------

/// The kit's job (a)-(d) as one goaltrack evaluation: the kit's margins, no not_started
/// or missed statuses (the kit has neither), and one rating summary for (a) and (b).
gt::evaluation evaluate_kit(const kit_plan& kit, gt::date as_of) {
  gt::evaluation_policy policy;
  policy.on_track_margin = 0.1;
  policy.at_risk_margin = 0.25;
  policy.not_started_before_start = false;
  policy.missed_after_end = false;
  policy.rollup = gt::no_rollup;  // the kit's job counts and averages; it has no roll-up statuses
  const gt::rating_scale& scale = kit.plan.get(kit.plan.get(kit.round).scale());
  policy.rating_summaries.push_back({kit.round, scale.level("good"), "cell",
                                     gt::collective_criterion::member_share,
                                     gt::share::percent(100)});
  return gt::evaluate(kit.plan, as_of, policy);
}

}  // namespace

int main(int argc, char** argv) {
  const bool save_archive = argc > 1 && std::string(argv[1]) == "--save-archive";
  if (save_archive) {
    --argc;
    ++argv;
  }
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr,
                 "usage: goaltrack_peer DATADIR OUTDIR [ASOF=2021-09-30]\n"
                 "       goaltrack_peer --save-archive DATADIR ARCHIVE [ASOF=2021-09-30]\n");
    return 2;
  }
  // One large plan is built: its columns fault in 2 MiB at a time and reuse what the
  // batches free (memory_state.hpp).
  bench_memory::keep_freed_memory();
  bench_memory::back_heap_with_huge_pages();
  try {
    const gt::date as_of = [&] {
      try {
        return gt::parse_date(argc > 3 ? argv[3] : "2021-09-30");
      } catch (const gt::parse_error& e) {
        throw input_error(std::string("ASOF: ") + e.what());
      }
    }();
    phase_times times;
    stopwatch clock;
    const kit_plan kit = peer::load(argv[1], as_of, times);
    times.load = clock.lap();
    if (save_archive) {
      gt::save(kit.plan, argv[2], gt::archive_format::binary);
      std::printf("SAVED %s load=%.3f save=%.3f\n", argv[2], times.load, clock.lap());
      return 0;
    }
    const gt::evaluation ev = evaluate_kit(kit, as_of);
    times.evaluate = clock.lap();
    peer::write_results(kit, ev, argv[2]);
    times.write = clock.lap();
    std::printf("TIMING impl=goaltrack load=%.3f compute=%.3f write=%.3f\n", times.load,
                times.evaluate, times.write);
    std::printf("PHASES parse=%.3f build=%.3f evaluate=%.3f write=%.3f\n", times.parse, times.build,
                times.evaluate, times.write);
    std::fprintf(stderr, "rows: units=%zu members=%zu targets=%zu measurements=%zu\n",
                 kit.plan.org().collective_count(), kit.plan.org().member_count(),
                 kit.plan.target_count(), kit.plan.measurements().size());
    return 0;
  } catch (const input_error& e) {
    std::fprintf(stderr, "goaltrack_peer: %s\n", e.what());
    return 2;
  } catch (const gt::error& e) {  // not expected: load() names the file of every error
    std::fprintf(stderr, "goaltrack_peer: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "goaltrack_peer: internal error: %s\n", e.what());
    return 1;
  }
}
