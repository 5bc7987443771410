#pragma once
// A plan's columns as a file keeps them (the organisation, the rating rounds, the
// measurements), and the builder that rebuilds a plan from a file's parts through the
// plan's public API only. Boost.Serialization sees these classes, never the model's
// (no model header includes a Boost.Serialization header). Columns stay columns, so that
// large plans load as a few bulk reads; strings of a column live in one buffer
// (string_list). The other entities are saved one by one from their descriptions
// (archive_described.hpp; format 1's own classes: archive_v1.hpp).

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

class plan_builder;

/// The parts of a plan that a file keeps as columns (the other entities are saved one by
/// one, walking their descriptions: archive_described.hpp).
struct plan_columns {
  organization_dto org;
  std::vector<round_dto> rounds;
  measurements_dto measurements;
};

/// The columns of `p`. @throws invalid_argument naming the row when a measurement's
/// number is not finite (the format refuses NaN and infinities).
plan_columns take_columns(const plan& p);

/// A period as saved. @throws invalid_argument when it is no period of its kind.
period_dto to_dto(const period& p);
period from_dto(const period_dto& d);

/// Builds a plan from a file's parts, handed over in the order of the file
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
  void add(const rating_scale& s);
  void add(const round_dto& d);
  void add(const program& p);
  void add(const task& t);
  /// The next target, to be filled in whole: it joins the plan (in a batch, through
  /// plan::add_targets) before the next part that is not a target, or at finish(). It
  /// may hold an earlier target's fields, kept for their capacity.
  target& next_target();
  void add(measurements_dto&& m);
  void add(const named_policy& p);
  void add(const assessment& a);
  /// Alignments join the plan together at finish() (plan::add_alignments checks them all
  /// at once).
  void add(const alignment& a);
  void add(const entity_label& l);
  /// Notes join the plan together at finish(), after every row they name.
  void add(const row_note& n);
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
  std::vector<alignment> alignments_;  // alignments read, added at finish()
  std::vector<row_note> notes_;        // notes read, added at finish()
  std::vector<target> pending_;        // targets read and not yet added
  std::size_t pending_count_ = 0;  // pending_[0 .. count) are live; the rest keep their capacity
  organization_dto org_;           // what the members' thread reads
  std::vector<round_dto> waiting_rounds_;
  std::exception_ptr members_error_;
  std::thread members_;  // last: joined (by the destructor) before anything it uses goes
};

}  // namespace goaltrack::detail
