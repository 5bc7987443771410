#pragma once
/// @file
/// The caps that loading a file (goaltrack::load) puts on what the file may describe.

#include <cstdint>

#include "goaltrack/export.hpp"
#include "goaltrack/text.hpp"

namespace goaltrack {

/// Caps on what a loaded file may describe. A file above any cap is refused with a
/// corrupt_error naming the cap, before anything of that size is allocated. The
/// defaults are about 10 times the national-scale plan (63 provinces, 300 000 cells,
/// 5 million members, 1 million targets, 10 million measurements); raise them for
/// bigger plans, lower them for files from untrusted sources.
struct GOALTRACK_API load_limits {
  std::uint64_t payload_bytes = std::uint64_t{16} << 30;  ///< bytes after the envelope (16 GiB)
  std::uint64_t collectives = 10'000'000;                 ///< collectives in the organisation
  std::uint64_t members = 100'000'000;                    ///< members
  std::uint64_t scales = 100'000;                         ///< rating scales
  std::uint64_t rounds = 1'000'000;                       ///< rating rounds
  std::uint64_t ratings = 1'000'000'000;        ///< member and collective ratings, all rounds
  std::uint64_t programs = 10'000'000;          ///< programs
  std::uint64_t tasks = 100'000'000;            ///< tasks
  std::uint64_t status_changes = 100'000;       ///< status changes of one task
  std::uint64_t targets = 100'000'000;          ///< targets
  std::uint64_t checklist_items = 100'000;      ///< items of one milestone checklist
  std::uint64_t sub_periods = 100'000;          ///< sub-periods (and planned values) of one target
  std::uint64_t measurements = 1'000'000'000;   ///< measurements
  std::uint64_t policies = 100'000;             ///< named policies
  std::uint64_t rating_summaries = 100'000;     ///< rating summaries of one policy
  std::uint64_t policy_statuses = 10'000;       ///< statuses of one policy
  std::uint64_t policy_bands = 10'000;          ///< status bands of one policy
  std::uint64_t assessments = 100'000'000;      ///< assessments
  std::uint64_t rollup_rules = 10'000;          ///< roll-up rules of one policy
  std::uint64_t rollup_overrides = 10'000'000;  ///< roll-up overrides of one policy
  std::uint64_t alignments = 1'000'000'000;     ///< alignments (edges of the program DAG)
  std::uint64_t labels = 1'000'000'000;         ///< labels (names in each language)
  std::uint64_t notes = 1'000'000'000;          ///< notes of spreadsheet rows
  /// Bytes of one string. The default is the most a plan's text may have
  /// (max_text_bytes), so every plan that saves loads again.
  std::uint64_t string_bytes = max_text_bytes;
};

}  // namespace goaltrack
