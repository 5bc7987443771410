#pragma once
// Private: what a plan holds, and the access the library's own layers (evaluation, io)
// have to it. Every kind of entity is an entity_table (entity_table.hpp).

#include <array>
#include <string>
#include <string_view>
#include <unordered_map>

#include "entity_table.hpp"
#include "goaltrack/plan.hpp"
#include "note_table.hpp"
#include "target_table.hpp"

namespace goaltrack::detail {

/// A round's key in the code index: its scale and exact period, as 16 bytes (a round has
/// no code of its own; two rounds of a scale for one period are one round twice). A value,
/// not a std::string: 16 bytes is past the small-string buffer, and a bulk add of a
/// million rounds would allocate a million keys.
class round_key {
 public:
  round_key() noexcept = default;
  round_key(scale_id scale, const period& rated_period) noexcept;
  [[nodiscard]] std::string_view bytes() const noexcept { return {bytes_.data(), bytes_.size()}; }

 private:
  std::array<char, 16> bytes_{};
};

struct plan_data {
  organization org;
  entity_table<scale_id, record_columns<rating_scale>> scales{"rating scale"};
  entity_table<round_id, record_columns<rating_round>> rounds{"rating round"};
  entity_table<program_id, record_columns<program>> programs{"program"};
  entity_table<task_id, record_columns<task>> tasks{"task"};
  target_table targets;
  measurement_table measurements;
  std::vector<assessment> assessments;
  std::vector<alignment> alignments;
  std::vector<entity_label> labels;
  // Each label's row in `labels`, by label_key (its entity and language).
  std::unordered_map<std::uint64_t, std::uint32_t> label_rows;
  // The first target of each indicator (target::indicator): the kind and unit its others
  // must have.
  std::unordered_map<std::string, target_id> indicators;
  entity_table<policy_id, record_columns<named_policy>> policies{"policy"};
  note_table notes;

  friend bool operator==(const plan_data&, const plan_data&) = default;
};

/// The private parts of a plan, for the library's own layers.
struct plan_access {
  static const plan_data& data(const plan& p) noexcept { return p.data(); }
  static const target_table& targets(const plan& p) noexcept { return p.data().targets; }
};

}  // namespace goaltrack::detail
