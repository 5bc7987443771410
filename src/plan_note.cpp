// Notes of spreadsheet rows (note.hpp): checked on entry, kept apart from the entities'
// columns (note_table.hpp).
#include <string>
#include <unordered_map>
#include <variant>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"
#include "plan_data.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace goaltrack {

using detail::quoted;

namespace {

// The entity a note's row adds, when it is one of entity_ref's; std::monostate otherwise.
entity_ref entity_of(const row_note& n) noexcept {
  if (n.collective.ok()) return n.collective;
  if (n.member.ok()) return n.member;
  if (n.program.ok()) return n.program;
  if (n.task.ok()) return n.task;
  if (n.target.ok()) return n.target;
  if (n.round.ok()) return n.round;
  return std::monostate{};
}

// Whether the ids name one row: one of them, or a round with a member or a collective.
bool names_one_row(const row_note& n) noexcept {
  const std::size_t set = std::size_t{n.collective.ok()} + n.member.ok() + n.round.ok() +
                          n.program.ok() + n.task.ok() + n.target.ok() + n.policy.ok() +
                          n.measurement.has_value();
  return set == 1 || (set == 2 && n.round.ok() && (n.member.ok() || n.collective.ok()));
}

}  // namespace

// "note 'Ghi chú' of target 'T1'", checking that the row exists.
std::string plan::note_place(const row_note& n) const {
  const std::string column = "note " + quoted(n.column);
  if (!names_one_row(n)) {
    throw invalid_argument(column +
                           ": set exactly one of collective, member, round, program, task, "
                           "target, policy and measurement, or a round with a member or a "
                           "collective (a rating)");
  }
  if (n.measurement) {
    if (*n.measurement >= measurements().size()) {
      throw not_found(column + " of measurement row " + std::to_string(*n.measurement) +
                      ": the plan has " + std::to_string(measurements().size()) + " measurements");
    }
    return column + " of measurement row " + std::to_string(*n.measurement);
  }
  if (n.policy.ok()) {
    if (n.policy.index() >= policy_count())
      throw not_found(column + ": no policy has id " + std::to_string(n.policy.value()));
    return column + " of policy " + quoted(policies()[n.policy.index()].code);
  }
  if (n.round.ok() && (n.member.ok() || n.collective.ok())) {
    const entity_ref rated = n.member.ok() ? entity_ref(n.member) : entity_ref(n.collective);
    const std::string kind = n.member.ok() ? "member " : "collective ";
    std::string who = column + " of the rating of " + kind + quoted(code(rated)) +
                      " in rating round " + quoted(code(n.round));  // or not_found
    const rating_round& r = get(n.round);
    if (!(n.member.ok() ? r.of(n.member) : r.of(n.collective)))
      throw invalid_argument(who + ": the " + kind + "is not rated in the round");
    return who;
  }
  static constexpr std::string_view kinds[] = {"plan", "collective", "member",      "program",
                                               "task", "target",     "rating round"};
  const entity_ref e = entity_of(n);
  return column + " of " + std::string(kinds[e.index()]) + " " + quoted(code(e));
}

void plan::add_note(const row_note& n) { add_notes(std::span(&n, 1)); }

void plan::add_notes(std::span<const row_note> batch) {
  if (auto nfc = detail::nfc_copy(batch)) return add_notes(nfc->items);
  std::unordered_multimap<std::uint64_t, std::size_t> added;  // the batch's, by place
  for (std::size_t i = 0; i < batch.size(); ++i) {
    const row_note& n = batch[i];
    if (n.column.empty()) throw invalid_argument("a note's column has no name");
    const std::string who = note_place(n);
    if (n.text.empty()) throw invalid_argument(who + " is empty");
    detail::check_texts(n, who);
    const std::uint64_t h = detail::note_table::place_hash(n);
    bool repeated = data().notes.find(n).has_value();
    const auto [from, to] = added.equal_range(h);
    for (auto it = from; it != to && !repeated; ++it)
      repeated = detail::note_table::same_place(batch[it->second], n);
    if (repeated) throw duplicate_error(who + " is given twice");
    added.emplace(h, i);
  }
  data_for_write().notes.append(batch);
}

std::span<const row_note> plan::notes() const noexcept { return data().notes.all(); }

std::optional<std::string_view> plan::note(const row_note& where) const noexcept {
  const auto k = data().notes.find(where);
  if (!k) return std::nullopt;
  return data().notes.all()[*k].text;
}

}  // namespace goaltrack
