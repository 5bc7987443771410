// Alignment: a target or program counting toward further programs (plan.hpp), checked
// all or nothing, a cycle of programs refused naming its members.
#include <algorithm>
#include <cmath>
#include <string>
#include <utility>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"
#include "plan_data.hpp"
#include "program_graph.hpp"
#include "text.hpp"

namespace goaltrack {

using detail::id_text;
using detail::quoted;

namespace {

// "target 'T1'" or "program 'P2'": the child of an alignment, for messages.
std::string aligned_child(const plan& p, const alignment& a) {
  return a.target.ok() ? "target " + quoted(p.get(a.target).code)
                       : "program " + quoted(p.get(a.program).code);
}

// An alignment's child and parent as one key, to find repeats by sorting: the child (a
// program's id with bit 32 set) and the parent.
using alignment_key = std::pair<std::uint64_t, std::uint32_t>;
alignment_key key_of(const alignment& a) {
  return a.target.ok()
             ? alignment_key{a.target.value(), a.parent.value()}
             : alignment_key{(std::uint64_t{1} << 32) | a.program.value(), a.parent.value()};
}

}  // namespace

void plan::add_alignment(const alignment& a) { add_alignments(std::span(&a, 1)); }

void plan::add_alignments(std::span<const alignment> batch) {
  const std::size_t nt = target_count();
  const std::size_t np = program_count();
  for (const alignment& a : batch) {
    if (a.target.ok() == a.program.ok()) {
      throw invalid_argument("alignment: exactly one of target and program must be set");
    }
    if (a.target.ok() && a.target.index() >= nt) {
      throw not_found("alignment names unknown target id " + id_text(a.target.value()));
    }
    if (a.program.ok() && a.program.index() >= np) {
      throw not_found("alignment names unknown program id " + id_text(a.program.value()));
    }
    if (!a.parent.ok() || a.parent.index() >= np) {
      throw not_found("alignment of " + aligned_child(*this, a) + " names unknown program id " +
                      id_text(a.parent.value()));
    }
    const auto who = [&] {
      return "alignment of " + aligned_child(*this, a) + " to program " +
             quoted(get(a.parent).code);
    };
    if (!std::isfinite(a.weight) || !(a.weight > 0)) {
      throw invalid_argument(who() + ": weight " + std::to_string(a.weight) +
                             " is not a finite positive number");
    }
    const bool own = a.target.ok() ? data().targets.rows()[a.target.index()].program == a.parent
                                   : get(a.program).parent == a.parent;
    if (own) throw invalid_argument(who() + ": it counts toward that program already");
  }
  std::vector<alignment_key> keys;
  keys.reserve(data().alignments.size() + batch.size());
  for (const alignment& a : data().alignments) keys.push_back(key_of(a));
  for (const alignment& a : batch) keys.push_back(key_of(a));
  std::sort(keys.begin(), keys.end());
  if (const auto twice = std::adjacent_find(keys.begin(), keys.end()); twice != keys.end()) {
    const alignment& a = *std::find_if(batch.begin(), batch.end(),
                                       [&](const alignment& b) { return key_of(b) == *twice; });
    throw invalid_argument("alignment of " + aligned_child(*this, a) + " to program " +
                           quoted(get(a.parent).code) + " is given twice");
  }
  if (std::any_of(batch.begin(), batch.end(), [](const alignment& a) { return a.program.ok(); })) {
    std::vector<alignment> all = data().alignments;
    all.insert(all.end(), batch.begin(), batch.end());
    const detail::program_order order = detail::order_programs(programs(), all);
    if (!order.cycle.empty()) {
      std::string names;
      for (const std::uint32_t i : order.cycle) names += get(program_id(i)).code + " -> ";
      names += get(program_id(order.cycle.front())).code;
      throw cycle_error("alignment would close a cycle of programs: " + names);
    }
  }
  std::vector<alignment>& kept = data_for_write().alignments;
  kept.insert(kept.end(), batch.begin(), batch.end());
}

std::span<const alignment> plan::alignments() const noexcept { return data().alignments; }

}  // namespace goaltrack
