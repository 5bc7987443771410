/// @file
/// The national job's plan: goaltrack::plan built from the kit's four CSV files, with the
/// kit's ids of its entities (goaltrack_peer.cpp has the mapping).

#pragma once

#include <chrono>
#include <cstdint>
#include <filesystem>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <vector>

#include "goaltrack/goaltrack.hpp"
#include "kit_csv.hpp"

namespace peer {

namespace gt = goaltrack;
namespace fs = std::filesystem;
using kit::csv_reader;

/// Seconds since the last lap (or construction).
class stopwatch {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const std::chrono::duration<double> elapsed = now - last_;
    last_ = now;
    return elapsed.count();
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

/// Where the time went, in seconds.
struct phase_times {
  double load = 0;      ///< from the first file opened to the last row in the plan
  double parse = 0;     ///< mapping and parsing the CSV files (reader thread, busy time)
  double build = 0;     ///< handing the parsed columns to the plan (add_* and rate, busy)
  double evaluate = 0;  ///< goaltrack::evaluate
  double write = 0;     ///< sorting by id and writing the result files
};

// --- the plan and the kit's ids ------------------------------------------------------

/// The kit's integer ids to row numbers: ids[i] -> i. A direct table when the ids are
/// dense enough (the kit's are 1..N), else a hash map, so that sparse ids cannot blow up
/// memory. Built once from the complete column of ids, as the kit's reference does.
class id_index {
 public:
  /// Indexes `ids`. @return the position of the first id seen before, if any.
  std::optional<std::size_t> assign(std::span<const std::int64_t> ids) {
    direct_.clear();
    hashed_.clear();
    const auto [low, high] = std::minmax_element(ids.begin(), ids.end());
    const bool dense =
        ids.empty() || (*low >= 0 && static_cast<std::uint64_t>(*high) <=
                                         8 * static_cast<std::uint64_t>(ids.size()) + 1024);
    if (dense) {
      direct_.assign(ids.empty() ? 0 : static_cast<std::size_t>(*high) + 1, absent);
    } else {
      hashed_.reserve(ids.size());
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto row = static_cast<std::uint32_t>(i);
      if (dense) {
        std::uint32_t& slot = direct_[static_cast<std::size_t>(ids[i])];
        if (slot != absent) return i;
        slot = row;
      } else if (!hashed_.emplace(ids[i], row).second) {
        return i;
      }
    }
    return std::nullopt;
  }

  /// The row of `id`, if indexed.
  [[nodiscard]] std::optional<std::uint32_t> find(std::int64_t id) const {
    if (hashed_.empty()) {
      if (id < 0 || static_cast<std::uint64_t>(id) >= direct_.size()) return std::nullopt;
      const std::uint32_t row = direct_[static_cast<std::size_t>(id)];
      if (row == absent) return std::nullopt;
      return row;
    }
    const auto it = hashed_.find(id);
    if (it == hashed_.end()) return std::nullopt;
    return it->second;
  }

 private:
  static constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> direct_;
  std::unordered_map<std::int64_t, std::uint32_t> hashed_;
};

/// The plan built from the kit's files, and the kit's ids of its entities (to find them
/// while loading, and to write results in the kit's id order).
struct kit_plan {
  gt::plan plan;
  gt::round_id round;
  std::vector<std::int64_t> unit_ids;    ///< kit unit_id of every collective, by collective id
  std::vector<std::int64_t> target_ids;  ///< kit target_id of every target, by target id
  id_index collective_of;                ///< kit unit_id -> collective id (rows of unit_ids)
  id_index target_of;                    ///< kit target_id -> target id (rows of target_ids)

  /// The collective of a kit unit_id field. @throws input_error naming the line.
  gt::collective_id collective(const csv_reader& csv, std::string_view field) const {
    if (auto c = collective_of.find(csv.integer(field, "unit_id"))) return gt::collective_id(*c);
    csv.fail("unit_id " + std::string(field) + " is not in units.csv");
  }
  /// The target of a kit target_id field. @throws input_error naming the line.
  gt::target_id target(const csv_reader& csv, std::string_view field) const {
    if (auto t = target_of.find(csv.integer(field, "target_id"))) return gt::target_id(*t);
    csv.fail("target_id " + std::string(field) + " is not in targets.csv");
  }
};

/// Builds the plan from the kit's four files in DIR: a reader thread parses while the
/// calling thread adds what was parsed. Prints each file's split to stderr.
/// @throws kit::input_error naming the file and line of the first bad row.
kit_plan load(const fs::path& dir, gt::date as_of, phase_times& times);

}  // namespace peer
