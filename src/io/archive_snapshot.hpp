#pragma once
// The snapshot: a plain copy of a plan in the shape it is saved (format version 1),
// read from and rebuilt through the plan's public API only. Boost.Serialization sees
// these classes, never the model's (no model header includes a Boost.Serialization
// header). Columns stay columns (members, measurements), so that large plans load as a
// few bulk reads; strings of a column live in one buffer (string_list).

#include <cstdint>
#include <exception>
#include <string>
#include <string_view>
#include <thread>
#include <vector>

#include "goaltrack/plan.hpp"

namespace goaltrack::detail {

/// Many strings in one buffer: string i is bytes[ends[i-1] .. ends[i]).
struct string_list {
  std::string bytes;
  std::vector<std::uint64_t> ends;
  [[nodiscard]] std::size_t size() const noexcept { return ends.size(); }
  [[nodiscard]] std::string_view operator[](std::size_t i) const noexcept {
    const std::uint64_t b = i == 0 ? 0 : ends[i - 1];
    return std::string_view(bytes).substr(static_cast<std::size_t>(b),
                                          static_cast<std::size_t>(ends[i] - b));
  }
  void push_back(std::string_view s) {
    bytes.append(s);
    ends.push_back(bytes.size());
  }
};

struct period_dto {
  std::uint8_t kind = 0;
  std::int32_t first = 0;  // day numbers (goaltrack::day_number)
  std::int32_t last = 0;
};

struct level_dto {
  std::string code, label_vi, label_en;
};

struct scale_dto {
  std::string code;
  std::vector<level_dto> levels;
};

struct round_dto {
  std::uint32_t scale = 0;
  period_dto span;
  std::int32_t decided_on = 0;
  std::vector<std::uint8_t> member_ranks;      // 255: unrated
  std::vector<std::uint8_t> collective_ranks;  // 255: unrated
};

inline constexpr std::uint32_t no_id = 0xFFFFFFFFU;

struct organization_dto {
  string_list kind_names;
  string_list collective_codes, collective_names;
  std::vector<std::uint16_t> collective_kinds;
  std::vector<std::uint32_t> collective_parents;  // no_id for roots
  string_list member_codes, member_names;
  std::vector<std::uint32_t> member_collectives;
};

struct program_dto {
  std::string code, number, issuer, title;
  period_dto span;
  std::uint32_t owner = 0;
  std::uint32_t parent = no_id;
};

struct status_change_dto {
  std::int32_t day = 0;
  std::uint8_t status = 0;
};

struct task_dto {
  std::string code, title;
  std::uint32_t program = 0, owner = 0;
  bool has_deadline = false;
  std::int32_t deadline = 0;
  std::uint8_t kind = 0;
  double weight = 1;
  std::vector<status_change_dto> history;
};

struct target_dto {
  std::string code, title, unit, currency;
  std::uint32_t owner = 0;
  period_dto span;
  std::uint32_t program = no_id;
  std::uint8_t kind = 0, goal = 0, wanted = 0;
  double goal_value = 0, goal_high = 0;
  bool has_baseline = false;
  double baseline = 0;
  bool whole_numbers = false;
  std::vector<std::string> checklist;
  // rating goal
  std::uint32_t scale = no_id;
  std::uint8_t level = 0, scope = 0, criterion = 0;
  std::uint32_t share_numerator = 1, share_denominator = 1, count = 0;
  bool all = false;
  std::string counted_kind;
};

struct annotation_dto {
  std::uint64_t row = 0;
  std::string source, note;
};

struct measurements_dto {
  std::vector<target_id> targets;
  std::vector<std::int32_t> days;
  std::vector<double> values;
  std::vector<double> denominators;  // empty: all 1
  std::vector<annotation_dto> annotations;
};

struct summary_dto {
  std::uint32_t round = 0;
  std::uint8_t level = 0, criterion = 0;
  std::string counted_kind;
  std::uint32_t share_numerator = 1, share_denominator = 1;
};

struct policy_dto {
  std::string code;
  double on_track_margin = 0, at_risk_margin = 0, trend_tolerance = 0;
  bool not_started_before_start = true, missed_after_end = true;
  std::vector<summary_dto> summaries;
};

class plan_builder;

struct snapshot {
  /// Loading only: where each part goes as soon as it is read (none: into the members
  /// below). Not saved.
  plan_builder* builder = nullptr;
  organization_dto org;
  std::vector<scale_dto> scales;
  std::vector<round_dto> rounds;
  std::vector<program_dto> programs;
  std::vector<task_dto> tasks;
  std::vector<target_dto> targets;
  measurements_dto measurements;
  std::vector<policy_dto> policies;
};

/// The snapshot of `p`. @throws invalid_argument naming the entity and field when a
/// number is not finite (the format refuses NaN and infinities).
snapshot take_snapshot(const plan& p);

/// Builds a plan from a snapshot's parts, handed over in the order of the file
/// (organisation, scales, rounds, programs, tasks, targets, measurements, policies),
/// each through the plan's public API so that every model check applies. Loading hands
/// each part over as soon as it is read, so that a large plan is never held twice.
/// Every add @throws goaltrack::error (not_found, invalid_argument, ...) when the part
/// makes the plan impossible (for the members, at the latest by finish()); the loader
/// turns it into a corrupt_error.
///
/// Many members (indexing their codes is the largest single cost of a load) are added on
/// a second thread while the parts after them are read. Nothing read in between touches
/// the members but the rating rounds, which wait until the members are in; the rest
/// touches other columns of the plan (organization::add_members writes only the member
/// columns and reads only the collectives').
class plan_builder {
 public:
  plan_builder() = default;
  plan_builder(const plan_builder&) = delete;
  plan_builder& operator=(const plan_builder&) = delete;
  ~plan_builder();

  void add(organization_dto&& org);
  void add(const scale_dto& d);
  void add(const round_dto& d);
  void add(const program_dto& d);
  void add(const task_dto& d);
  void add(const target_dto& d);
  void add(measurements_dto&& m);
  void add(const policy_dto& d);
  /// The plan built.
  [[nodiscard]] plan finish() &&;

  /// Members at least this many are added on the second thread.
  static constexpr std::size_t threaded_members = std::size_t{1} << 16;

 private:
  void add_members(const organization_dto& org);
  void add_round(const round_dto& d);
  // Waits for the members' thread, rethrows its error, then adds the rounds that waited.
  void join_members();
  // Targets go to the plan in batches (plan::add_targets), before the next kind of part.
  void add_pending_targets();

  plan plan_;
  std::vector<target> pending_;    // targets read and not yet added
  std::size_t pending_count_ = 0;  // pending_[0 .. count) are live; the rest keep their capacity
  organization_dto org_;           // what the members' thread reads
  std::vector<round_dto> waiting_rounds_;
  std::exception_ptr members_error_;
  std::thread members_;  // last: joined (by the destructor) before anything it uses goes
};

}  // namespace goaltrack::detail
