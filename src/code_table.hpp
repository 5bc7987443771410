#pragma once
// Private: the code index every entity table uses (entity_table.hpp), and the compact
// string column it stores codes in: one character buffer plus 32-bit end offsets instead
// of one std::string (32 bytes and often a heap block) per row.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "siphash.hpp"

namespace goaltrack::detail {

/// Asks the processor to start loading the cache line at `p` (a hint; does nothing where
/// the compiler has no such builtin).
inline void prefetch(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p);
#else
  (void)p;
#endif
}
/// As prefetch, for a line about to be written: it is fetched ready for the write.
inline void prefetch_for_write(const void* p) noexcept {
#if defined(__GNUC__) || defined(__clang__)
  __builtin_prefetch(p, 1);
#else
  (void)p;
#endif
}

// Makes room for `total` elements, at least doubling the capacity when it grows: bulk
// loaders reserve before every batch, and an exact reserve would copy the whole column
// each time (quadratic in the number of batches).
template <class Container>
void reserve_total(Container& c, std::size_t total) {
  if (total > c.capacity()) c.reserve(std::max(total, 2 * c.capacity()));
}

/// Drops the elements from index n on (none when n >= size): undoes a failed append.
template <class Vector>
void truncate_to(Vector& v, std::size_t n) noexcept {
  if (n < v.size()) v.erase(v.begin() + static_cast<std::ptrdiff_t>(n), v.end());
}

/// Append-only column of strings.
class string_column {
 public:
  /// Number of strings.
  [[nodiscard]] std::size_t size() const noexcept { return ends_.size(); }
  /// The i-th string; valid until the column changes.
  [[nodiscard]] std::string_view operator[](std::size_t i) const noexcept {
    const std::uint32_t begin = i == 0 ? 0 : ends_[i - 1];
    return {chars_.data() + begin, ends_[i] - begin};
  }
  /// Appends s. @throws invalid_argument when the column would exceed 4 GiB of text.
  void push_back(std::string_view s);
  /// Drops every string from index n on (used to undo a failed batch).
  void truncate(std::size_t n);
  /// Reserves room for n more strings of about `chars_each` characters.
  void reserve_more(std::size_t n, std::size_t chars_each);
  /// Asks the processor to start loading where the i-th string's bounds are kept (a hint
  /// for bulk lookups; i < size()).
  void prefetch(std::size_t i) const noexcept {
    if (i != 0) detail::prefetch(&ends_[i - 1]);
    detail::prefetch(&ends_[i]);
  }

  /// Equal when they hold the same strings in the same order.
  friend bool operator==(const string_column&, const string_column&) = default;

 private:
  std::string chars_;
  std::vector<std::uint32_t> ends_;
};

/// A string column whose strings are unique, with a hash index from string to row.
/// Open addressing with linear probing; a slot holds the row and 32 bits of the code's
/// hash, so a probe compares strings only when the hashes agree. The strings are stored
/// once.
///
/// Expected O(1) lookups whatever the codes are. Every table hashes with its own random
/// seed, so codes that collide in one process (or one table) do not in another. The fast
/// hash is not a keyed PRF, though: codes can be made to collide for every seed (the test
/// builds such a family). So insertion watches the distance of each code from its home
/// slot; a distance above `flood_distance`, which random codes reach with probability
/// about e^-38 per insertion at the 3/4 load limit (linear probing's run lengths have an
/// exponential tail, Knuth TAOCP 6.4), means a flood, and the table rehashes every code
/// with SipHash-2-4 under a random key (siphash.hpp) and keeps it for good. A flood thus
/// costs at most flood_distance probes per code before it is defeated.
class code_table {
 public:
  /// A table with a fresh random seed.
  code_table() noexcept;
  /// A table with this seed (tests and benchmarks that need a known seed).
  explicit code_table(std::uint64_t seed) noexcept : seed_(seed) {}

  /// A code this far from its home slot at insertion means a flood.
  static constexpr std::size_t flood_distance = 1024;
  /// True once the table has switched to the keyed hash (a flood was detected).
  [[nodiscard]] bool keyed() const noexcept { return keyed_; }
  /// Equal when they hold the same codes in the same order (seeds and slots aside).
  friend bool operator==(const code_table& a, const code_table& b) noexcept {
    return a.codes_ == b.codes_;
  }

  [[nodiscard]] std::size_t size() const noexcept { return codes_.size(); }
  [[nodiscard]] std::string_view operator[](std::size_t i) const noexcept { return codes_[i]; }
  /// find_many's row for a code that is absent (never a row: rows are below 2^32 - 1).
  static constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();

  /// The row of `code`, if present.
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view code) const noexcept;
  /// The rows of many codes: out[i] is find(codes[i]), or `absent`. Same answers as find,
  /// faster on tables larger than the cache: a lookup is three dependent memory reads
  /// (the slot, the string's bounds, its characters) that mostly miss the cache, and
  /// here each read is requested for a group of codes before any is used, so that the
  /// misses of the group overlap instead of following one another.
  /// @pre out.size() == codes.size()
  void find_many(std::span<const std::string_view> codes,
                 std::span<std::uint32_t> out) const noexcept;
  /// Appends `code` unless present; returns false (and changes nothing) when present.
  bool insert(std::string_view code);
  /// Appends the codes in order, as insert() on each, stopping before the first code that
  /// is present (in the table, or earlier in `codes`). Returns how many were appended:
  /// codes.size() when all were. The home slots of a group of codes are requested from
  /// memory before any of them is inserted, as in find_many.
  /// @throws invalid_argument as string_column::push_back; the codes appended before stay
  ///         (truncate() removes them).
  std::size_t insert_many(std::span<const std::string_view> codes);
  /// Drops every code from row n on.
  void truncate(std::size_t n);
  /// Prepares for n more codes of about `chars_each` characters.
  void reserve_more(std::size_t n, std::size_t chars_each);

 private:
  void grow(std::size_t min_rows);
  // Puts every row in the (empty) slots; groups of rows as in insert_many. Switches to
  // the keyed hash (and starts over) on a flood.
  void reindex() noexcept;
  // Switches to SipHash under a fresh key and re-indexes every code.
  void rekey() noexcept;
  // The hash of a code: the seeded fast hash, or SipHash once keyed.
  [[nodiscard]] std::uint64_t hash_of(std::string_view code) const noexcept;
  // How far slot `at` is from the home slot of `hash`.
  [[nodiscard]] std::size_t distance(std::size_t at, std::uint64_t hash) const noexcept {
    return (at - static_cast<std::size_t>(hash)) & (slots_.size() - 1);
  }
  // True (and the table rekeyed) when a code placed at `at` reveals a flood.
  bool flooded(std::size_t at, std::uint64_t hash) noexcept {
    if (keyed_ || distance(at, hash) <= flood_distance) return false;
    rekey();
    return true;
  }
  // The slot holding `code`, or the empty slot where it would go.
  [[nodiscard]] std::size_t probe(std::string_view code, std::uint64_t hash) const noexcept {
    return probe_from(code, hash, static_cast<std::size_t>(hash) & (slots_.size() - 1));
  }
  // As probe, starting at slot i of the code's probe sequence.
  [[nodiscard]] std::size_t probe_from(std::string_view code, std::uint64_t hash,
                                       std::size_t i) const noexcept;
  string_column codes_;
  // high 32 hash bits | (row + 1); 0 = empty; size a power of two
  std::vector<std::uint64_t> slots_;
  std::uint64_t seed_;
  bool keyed_ = false;
  siphash_key key_{};
};

}  // namespace goaltrack::detail
