/// @file
/// The national job's results: the kit's four canonical files (its canon.py).

#pragma once

#include <filesystem>

#include "goaltrack/goaltrack.hpp"
#include "peer_load.hpp"

namespace peer {

/// Writes cells.csv, rollup.csv, targets.csv and unit_targets.csv of `ev`, the evaluation
/// of `kit`'s plan, into `out` (created if need be), in the kit's id order.
/// @throws kit::input_error when a file cannot be written.
void write_results(const kit_plan& kit, const goaltrack::evaluation& ev,
                   const std::filesystem::path& out);

}  // namespace peer
