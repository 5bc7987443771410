#pragma once
/// @file
/// Synthetic plans for the benchmarks, shaped like the peer kit's data (../shared/peers,
/// gen.py): a five-level tree nation -> 63 provinces -> districts -> orgs -> cells, members
/// in cells rated on the Vietnamese four-level scale, quantity targets on units of every
/// level, and measurements in shuffled order. At scale 1.0 that is 310,764 collectives,
/// 5,000,000 members, 1,000,000 targets and about 10,000,000 measurements; other scales
/// divide every level below the provinces. Generated through the public API with a seeded
/// SplitMix64, so every run and platform gets the same plan.

#include <cstdint>
#include <vector>

#include "goaltrack/goaltrack.hpp"

namespace goaltrack_bench {

/// Measurements as the columns plan::add_measurements takes.
struct measurement_columns {
  std::vector<goaltrack::target_id> targets;
  std::vector<std::int32_t> days;
  std::vector<double> values;
};

/// A synthetic plan at one scale: `base` has the collectives, members, ratings and
/// targets; `full` is base plus `measurements`.
struct synthetic {
  double scale = 0;
  goaltrack::plan base;
  goaltrack::plan full;
  goaltrack::round_id round;
  measurement_columns measurements;

  /// Input rows evaluate() reads: measurements + members + targets.
  [[nodiscard]] std::int64_t items() const {
    return static_cast<std::int64_t>(full.measurements().size() + full.org().member_count() +
                                     full.target_count());
  }
};

/// The day evaluated, as in the peer kit: 2021-09-30.
goaltrack::date as_of();
/// The synthetic plan at `scale`, generated on first use and kept until another scale is
/// asked for (one plan in memory at a time).
const synthetic& plan_at(double scale);
/// The peer kit's policy (see goaltrack_peer.cpp): its margins, no not_started or missed,
/// the "all members good or above" summary over cells, and no roll-up statuses (counts and
/// means only, the roll-up before roll-up rules).
goaltrack::evaluation_policy kit_policy(const synthetic& s);
/// As plan_at, every target time-phased: its months as sub-periods, planned levels rising
/// evenly from its baseline to its goal, expected by that plan (kept apart from plan_at's).
const synthetic& time_phased_plan_at(double scale);
/// Adds the measurement columns to `plan` in batches of 1,000,000 rows.
void add_measurements(goaltrack::plan& plan, const measurement_columns& m);

}  // namespace goaltrack_bench
