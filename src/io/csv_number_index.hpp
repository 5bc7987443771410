#pragma once
// Private: the importer's lookup of codes that are decimal numbers (csv_import.hpp), and
// the batch lookup of codes through it and the plan.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <span>
#include <string_view>
#include <vector>

#include "code_table.hpp"

namespace goaltrack::detail::csv {

/// The ids of entities whose codes are decimal numbers ("1", "63013": digits, no leading
/// zero), by number. Exports from databases number their entities, and files of millions
/// of rows refer to them by these codes; looking such a code up here is one read from a
/// small dense array, where the plan's hash index takes a probe, a read of the stored
/// code and a comparison, each a likely cache miss. A number has one such text, so a
/// number found here is the code itself: no comparison is needed. Other codes, and
/// numbers not found, are left to the plan, which has the last word.
template <class Id>
class number_index {
 public:
  /// Keeps numbers below `limit` only, so that a few large numbers cannot make the array
  /// large.
  void limit(std::size_t limit) noexcept { limit_ = limit; }
  /// Records that `code` is the code of `id` (codes are unique: the plan said so).
  void add(std::string_view code, Id id) {
    const auto n = number_of(code);
    if (!n || *n >= limit_) return;
    if (*n >= ids_.size()) ids_.resize(std::max<std::size_t>(*n + 1, 2 * ids_.size()), Id{});
    ids_[*n] = id;
  }
  /// out[i] = the id of codes[i]; nullopt when only the plan can tell. The reads of a
  /// group of codes are requested together, so that their cache misses overlap.
  void find_many(std::span<const std::string_view> codes,
                 std::span<std::optional<Id>> out) const noexcept {
    constexpr std::size_t group = 32;
    std::array<std::size_t, group> n{};
    for (std::size_t base = 0; base < codes.size(); base += group) {
      const std::size_t size = std::min(group, codes.size() - base);
      for (std::size_t k = 0; k < size; ++k) {
        n[k] = number_of(codes[base + k]).value_or(ids_.size());
        if (n[k] < ids_.size()) prefetch(&ids_[n[k]]);
      }
      for (std::size_t k = 0; k < size; ++k) {
        const bool known = n[k] < ids_.size() && ids_[n[k]].ok();
        out[base + k] = known ? std::optional<Id>(ids_[n[k]]) : std::nullopt;
      }
    }
  }

 private:
  static std::optional<std::size_t> number_of(std::string_view code) noexcept {
    if (code.empty() || code.size() > 9 || (code[0] == '0' && code.size() > 1)) return std::nullopt;
    std::size_t n = 0;
    for (const char c : code) {
      if (c < '0' || c > '9') return std::nullopt;
      n = n * 10 + static_cast<std::size_t>(c - '0');
    }
    return n;
  }
  std::vector<Id> ids_;  // by number; an invalid id where no code is that number
  std::size_t limit_ = 0;
};

/// ids[i] = the id of codes[i]: from `numbers` where it knows, the rest from `find_many`
/// (plan::find_targets, organization::find_collectives) asked about them at once.
template <class Id, class FindMany>
void find_ids(const number_index<Id>& numbers, std::span<const std::string_view> codes,
              FindMany find_many, std::vector<std::optional<Id>>& ids) {
  ids.resize(codes.size());
  numbers.find_many(codes, ids);
  std::vector<std::string_view> rest;
  std::vector<std::size_t> where;
  for (std::size_t i = 0; i < codes.size(); ++i) {
    if (!ids[i]) {
      rest.push_back(codes[i]);
      where.push_back(i);
    }
  }
  if (rest.empty()) return;
  const std::vector<std::optional<Id>> found = find_many(rest);
  for (std::size_t k = 0; k < rest.size(); ++k) ids[where[k]] = found[k];
}

}  // namespace goaltrack::detail::csv
