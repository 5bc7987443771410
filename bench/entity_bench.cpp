/// @file
/// Entity-table benchmarks: plans of N tasks, programs, rating rounds or policies
/// (N = 10k, 100k, 1M), built, saved, loaded and imported, to show that each costs time
/// linear in N (the 1M/100k ratio of a linear cost is 10; the goal is within 15).
///
///   entity_build/<kind>/n:N        N entities made and bulk added (plan::add_tasks, ...),
///                                  all checks, and freed with the plan
///   entity_build_one/<kind>/n:N    the same entities added one call at a time
///   entity_save/<kind>/n:N         goaltrack::save to a binary file (atomic, fsync)
///   entity_load/<kind>/n:N         goaltrack::load of that file
///   entity_import/<kind>/n:N       goaltrack::import_csv of export_csv's files (in memory)
///   code_index_crafted/n:N         N codes that collide in the fast hash for every seed,
///                                  into the code index every entity table uses (it
///                                  detects the flood and rehashes with SipHash)
///   code_index_ordinary/n:N        N ordinary codes of the same length, for comparison
///   machine_stream/n:N             no goaltrack: N records of 32 bytes appended to a vector
///   machine_scatter/n:N            no goaltrack: N writes to random slots of 2N (8 bytes)
///                                  These two give the machine's own 1M/100k ratio for the
///                                  least a table of N rows must do (write its rows, place
///                                  each in a hash index): on a virtual machine whose
///                                  caches hold the 100k case and not the 1M one, it is
///                                  well above 10, and goaltrack's lean kinds follow it.
///
/// Counter: items_per_second (entities).
///
/// Every size runs in the same memory state: each benchmark does its work once untimed
/// before timing it (a warm-up, as Google Benchmark's MinWarmUpTime, not in Debian's
/// 1.7), freed memory stays in the process, so each iteration reuses the pages of the
/// last one, and the heap is on transparent huge pages (memory_state.hpp). Without that,
/// the small sizes run many iterations in reused pages while the 1M case (often a single
/// iteration) takes all of its memory fresh from the kernel, whose zeroing and faults
/// (5-8 us per 4 KiB page on this virtual machine, where the host also backs each page
/// on first touch) then make most of its time: that measures the machine, not the
/// tables. Run these benchmarks on their own (--benchmark_filter='entity_|code_index'):
/// the settings stay for the process.

#include <benchmark/benchmark.h>

#include <bit>
#include <cstdint>
#include <cstdio>
#include <filesystem>
#include <string>
#include <vector>

#include "code_table.hpp"
#include "goaltrack/goaltrack.hpp"
#include "goaltrack/io/archive.hpp"
#include "goaltrack/io/csv.hpp"
#include "memory_state.hpp"

namespace {

namespace gt = goaltrack;

enum class kind { tasks, programs, rounds, policies };

std::string code(char prefix, std::size_t i) { return prefix + std::to_string(i); }

// A plan holding what the entities refer to: a collective, a program, a scale.
gt::plan base_plan() {
  gt::plan p;
  const auto owner = p.org().add_collective("SGD", "Sở GD-ĐT", "department");
  p.add_program({"KH", "", "", "", gt::period::year(2021), owner, std::nullopt});
  p.add_scale(gt::rating_scale::vietnamese_default());
  return p;
}

// n entities of one kind, to add to base_plan(): the input of a bulk add (only the
// vector of kind k is filled).
struct entity_inputs {
  std::vector<gt::task> tasks;
  std::vector<gt::program> programs;
  std::vector<gt::round_spec> rounds;
  std::vector<gt::named_policy> policies;
};

entity_inputs inputs_of(kind k, std::size_t n) {
  const gt::collective_id owner(0);
  entity_inputs in;
  in.tasks.reserve(k == kind::tasks ? n : 0);
  in.programs.reserve(k == kind::programs ? n : 0);
  in.rounds.reserve(k == kind::rounds ? n : 0);
  in.policies.reserve(k == kind::policies ? n : 0);
  for (std::size_t i = 0; i < n; ++i) {
    const auto row = static_cast<std::uint32_t>(i);
    switch (k) {
      case kind::tasks:
        in.tasks.push_back({code('T', i),
                            "Nhiệm vụ",
                            gt::program_id(0),
                            owner,
                            {},
                            gt::task_kind::planned,
                            1.0,
                            {},
                            {}});
        break;
      case kind::programs:
        // Each program carries out the one before it: a cascade as deep as the plan.
        in.programs.push_back(
            {code('P', i), "", "", "Kế hoạch", gt::period::year(2021), owner, gt::program_id(row)});
        break;
      case kind::rounds: {
        // One round a day: N distinct periods of one scale.
        const gt::date d = gt::from_day_number(gt::day_number(gt::make_date(2000, 1, 1)) +
                                               static_cast<std::int32_t>(row));
        in.rounds.push_back({gt::scale_id(0), gt::period::between(d, d), std::nullopt});
        break;
      }
      case kind::policies:
        in.policies.push_back({code('C', i), {}});
        break;
    }
  }
  return in;
}

// Adds the inputs to p, in one bulk call per kind or one call per entity.
void add_entities(gt::plan& p, const entity_inputs& in, bool bulk) {
  if (bulk) {
    p.add_tasks(in.tasks);
    p.add_programs(in.programs);
    p.add_rounds(in.rounds);
    p.add_policies(in.policies);
    return;
  }
  for (const auto& t : in.tasks) p.add_task(t);
  for (const auto& x : in.programs) p.add_program(x);
  for (const auto& r : in.rounds) p.add_round(r.scale, r.rated_period, r.decided_on);
  for (const auto& x : in.policies) p.add_policy(x.code, x.policy);
}

const char* kind_name(kind k) {
  switch (k) {
    case kind::tasks:
      return "tasks";
    case kind::programs:
      return "programs";
    case kind::rounds:
      return "rounds";
    case kind::policies:
      return "policies";
  }
  return "?";
}

gt::plan plan_of(kind k, std::size_t n) {
  gt::plan p = base_plan();
  add_entities(p, inputs_of(k, n), true);
  return p;
}

// Keeps freed memory in the process, on huge pages (see the file's comment).
void same_memory_state() {
  // The largest case, 1M codes of 320 bytes in code_index, holds about 1.2 GiB at its
  // peak (the codes, the table's text column and the half-size column it grew from).
  constexpr std::size_t heap_bytes = std::size_t{2} << 30;
  static const bool once = [] {
    bench_memory::keep_freed_memory();
    bench_memory::back_heap_with_huge_pages(heap_bytes, true);
    return true;
  }();
  static_cast<void>(once);
}

// Times building a plan of n entities as a user does: making the entities, adding them
// and, when the plan goes, freeing them. Only the plan they go into is made untimed.
void build(benchmark::State& state, kind k, bool bulk) {
  same_memory_state();
  const auto n = static_cast<std::size_t>(state.range(0));
  {  // warm-up (see the file's comment)
    gt::plan p = base_plan();
    add_entities(p, inputs_of(k, n), bulk);
  }
  for (auto _ : state) {
    state.PauseTiming();
    gt::plan p = base_plan();
    state.ResumeTiming();
    add_entities(p, inputs_of(k, n), bulk);
    benchmark::DoNotOptimize(p);
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

std::filesystem::path file_of(kind k, std::size_t n) {
  return std::filesystem::temp_directory_path() /
         ("goaltrack-entity-" + std::string(kind_name(k)) + "-" + std::to_string(n) + ".gtk");
}

void save(benchmark::State& state, kind k) {
  same_memory_state();
  const auto n = static_cast<std::size_t>(state.range(0));
  const gt::plan p = plan_of(k, n);
  gt::save(p, file_of(k, n), gt::archive_format::binary);  // warm-up
  for (auto _ : state) gt::save(p, file_of(k, n), gt::archive_format::binary);
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

void load(benchmark::State& state, kind k) {
  same_memory_state();
  const auto n = static_cast<std::size_t>(state.range(0));
  gt::save(plan_of(k, n), file_of(k, n), gt::archive_format::binary);
  gt::load_limits limits;
  limits.policies = limits.rounds = n;                        // their defaults are 100k and 1M
  benchmark::DoNotOptimize(gt::load(file_of(k, n), limits));  // warm-up
  for (auto _ : state) benchmark::DoNotOptimize(gt::load(file_of(k, n), limits));
  std::filesystem::remove(file_of(k, n));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

void import(benchmark::State& state, kind k) {
  same_memory_state();
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::vector<gt::csv_source> files = gt::export_csv(plan_of(k, n));
  benchmark::DoNotOptimize(gt::import_csv(files));  // warm-up
  for (auto _ : state) benchmark::DoNotOptimize(gt::import_csv(files));
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

// `count` codes of 16 * 20 bytes, of a family of 2^20 with one fast hash whatever the
// seed (the family of tests/code_table_test.cpp). Every size uses codes of the same
// length, that of the largest, so that the sizes differ in number only.
std::vector<std::string> colliding_codes(std::size_t count, bool collide) {
  constexpr std::size_t blocks = 20;  // 2^20 codes: the 1M size
  std::vector<std::string> codes;
  codes.reserve(count);
  for (std::size_t i = 0; i < count; ++i) {
    std::string c;
    for (std::size_t b = 0; b < blocks; ++b) {
      std::string block = "abcdefghijklmnop";
      if ((i >> b) & 1U) {
        block[7] = static_cast<char>(block[7] ^ (collide ? 0x80 : 0x01));
        block[12] = static_cast<char>(block[12] ^ 0x01);
        block[15] = static_cast<char>(block[15] ^ (collide ? 0x80 : 0x01));
      }
      c += block;
    }
    codes.push_back(std::move(c));
  }
  return codes;
}

void code_index(benchmark::State& state, bool crafted) {
  same_memory_state();
  const auto n = static_cast<std::size_t>(state.range(0));
  const std::vector<std::string> codes = colliding_codes(n, crafted);
  {  // warm-up
    gt::detail::code_table t;
    for (const std::string& c : codes) t.insert(c);
  }
  for (auto _ : state) {
    gt::detail::code_table t;
    for (const std::string& c : codes) t.insert(c);
    benchmark::DoNotOptimize(t);
    if (crafted && !t.keyed()) state.SkipWithError("the flood was not detected");
  }
  state.SetItemsProcessed(state.iterations() * static_cast<std::int64_t>(n));
}

// N records of 32 bytes pushed to a vector that is freed after, as a table's rows.
void machine_stream(benchmark::State& state) {
  same_memory_state();
  struct row {
    std::uint64_t a, b, c, d;
  };
  const auto n = static_cast<std::uint64_t>(state.range(0));
  for (auto _ : state) {
    std::vector<row> rows;
    rows.reserve(n);
    for (std::uint64_t i = 0; i < n; ++i) rows.push_back({i, i + 1, i + 2, i + 3});
    benchmark::DoNotOptimize(rows.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

// N writes of 8 bytes to pseudo-random slots of a 2N-slot array (a power of two), each
// requested from memory 32 writes ahead, as a hash index is filled.
void machine_scatter(benchmark::State& state) {
  same_memory_state();
  const auto n = static_cast<std::uint64_t>(state.range(0));
  std::vector<std::uint64_t> slots(std::bit_ceil(2 * n));
  const std::uint64_t mask = slots.size() - 1;
  const auto slot_of = [mask](std::uint64_t i) { return (i * 0x9E3779B97F4A7C15ULL >> 17) & mask; };
  for (auto _ : state) {
    for (std::uint64_t i = 0; i < n; ++i) {
      gt::detail::prefetch_for_write(&slots[slot_of(i + 32)]);
      slots[slot_of(i)] = i;
    }
    benchmark::DoNotOptimize(slots.data());
    benchmark::ClobberMemory();
  }
  state.SetItemsProcessed(state.iterations() * state.range(0));
}

void sizes(benchmark::internal::Benchmark* b) {
  b->ArgName("n")->Arg(10'000)->Arg(100'000)->Arg(1'000'000)->Unit(benchmark::kMillisecond);
}

}  // namespace

#define GOALTRACK_ENTITY_BENCH(k)                                                          \
  BENCHMARK_CAPTURE(build, k, kind::k, true)->Name("entity_build/" #k)->Apply(sizes);      \
  BENCHMARK_CAPTURE(build, k, kind::k, false)->Name("entity_build_one/" #k)->Apply(sizes); \
  BENCHMARK_CAPTURE(save, k, kind::k)->Name("entity_save/" #k)->Apply(sizes);              \
  BENCHMARK_CAPTURE(load, k, kind::k)->Name("entity_load/" #k)->Apply(sizes);              \
  BENCHMARK_CAPTURE(import, k, kind::k)->Name("entity_import/" #k)->Apply(sizes)

GOALTRACK_ENTITY_BENCH(tasks);
GOALTRACK_ENTITY_BENCH(programs);
GOALTRACK_ENTITY_BENCH(rounds);
GOALTRACK_ENTITY_BENCH(policies);
BENCHMARK_CAPTURE(code_index, crafted, true)->Name("code_index_crafted")->Apply(sizes);
BENCHMARK_CAPTURE(code_index, ordinary, false)->Name("code_index_ordinary")->Apply(sizes);
BENCHMARK(machine_stream)->Apply(sizes);
BENCHMARK(machine_scatter)->Apply(sizes);
