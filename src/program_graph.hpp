#pragma once
// Private: the programs as a DAG (rollup.hpp): an edge from each program to its parent and
// from each aligned program to the program it counts toward. Shared by plan (which refuses
// an alignment that closes a cycle) and evaluate (which rolls up children first).

#include <cstdint>
#include <span>
#include <vector>

#include "goaltrack/program.hpp"
#include "goaltrack/rollup.hpp"

namespace goaltrack::detail {

/// The programs in an order in which each comes after every program that counts toward it
/// (Kahn's algorithm, in time linear in programs and edges); when the edges hold a cycle,
/// `cycle` lists its programs in the order of its edges (child, then what it counts toward)
/// and `order` is incomplete.
struct program_order {
  std::vector<std::uint32_t> order;
  std::vector<std::uint32_t> cycle;
};
program_order order_programs(std::span<const program> programs,
                             std::span<const alignment> alignments);

}  // namespace goaltrack::detail
