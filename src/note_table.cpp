// A plan's notes of spreadsheet rows: see note_table.hpp.
#include "note_table.hpp"

#include <algorithm>
#include <functional>
#include <string_view>

namespace goaltrack::detail {

namespace {
// splitmix64's finaliser: spreads the ids' few changing bits over the word.
std::uint64_t mix(std::uint64_t h, std::uint64_t v) noexcept {
  h ^= v + 0x9E3779B97F4A7C15ULL + (h << 6U) + (h >> 2U);
  h = (h ^ (h >> 30U)) * 0xBF58476D1CE4E5B9ULL;
  h = (h ^ (h >> 27U)) * 0x94D049BB133111EBULL;
  return h ^ (h >> 31U);
}
}  // namespace

bool note_table::same_place(const row_note& a, const row_note& b) noexcept {
  return a.collective == b.collective && a.member == b.member && a.round == b.round &&
         a.program == b.program && a.task == b.task && a.target == b.target &&
         a.policy == b.policy && a.measurement == b.measurement && a.column == b.column;
}

std::uint64_t note_table::place_hash(const row_note& n) noexcept {
  std::uint64_t h = std::hash<std::string_view>{}(n.column);
  for (const std::uint32_t id :
       {n.collective.value(), n.member.value(), n.round.value(), n.program.value(), n.task.value(),
        n.target.value(), n.policy.value(), n.measurement.value_or(0xFFFFFFFFU)}) {
    h = mix(h, id);
  }
  return h;
}

std::optional<std::size_t> note_table::find(const row_note& where) const noexcept {
  const auto [from, to] = places_.equal_range(place_hash(where));
  for (auto it = from; it != to; ++it) {
    if (same_place(notes_[it->second], where)) return it->second;
  }
  return std::nullopt;
}

void note_table::append(std::span<const row_note> batch) {
  notes_.reserve(notes_.size() + batch.size());
  places_.reserve(places_.size() + batch.size());
  for (const row_note& n : batch) {
    places_.emplace(place_hash(n), static_cast<std::uint32_t>(notes_.size()));
    notes_.push_back(n);
  }
}

bool operator==(const note_table& a, const note_table& b) {
  return a.notes_.size() == b.notes_.size() &&
         std::ranges::all_of(a.notes_, [&](const row_note& n) {
           const auto k = b.find(n);
           return k && b.notes_[*k].text == n.text;
         });
}

}  // namespace goaltrack::detail
