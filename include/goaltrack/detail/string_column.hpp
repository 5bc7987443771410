#pragma once
// Compact string storage for columns of millions of short strings (member codes and
// names): one character buffer plus 32-bit end offsets, instead of one std::string
// (32 bytes and often a heap block) per row. Internal: not part of the stable API.

#include <cstddef>
#include <cstdint>
#include <limits>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

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

 private:
  std::string chars_;
  std::vector<std::uint32_t> ends_;
};

/// A string column whose strings are unique, with a hash index from string to row.
/// Open addressing with linear probing; a slot holds the row and 32 bits of the code's
/// hash, so a probe compares strings only when the hashes agree. The strings are stored
/// once.
class code_table {
 public:
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
  // Puts every row in the (empty) slots; groups of rows as in insert_many.
  void reindex() noexcept;
  // The slot holding `code`, or the empty slot where it would go.
  [[nodiscard]] std::size_t probe(std::string_view code, std::uint64_t hash) const noexcept {
    return probe_from(code, hash, static_cast<std::size_t>(hash) & (slots_.size() - 1));
  }
  // As probe, starting at slot i of the code's probe sequence.
  [[nodiscard]] std::size_t probe_from(std::string_view code, std::uint64_t hash,
                                       std::size_t i) const noexcept;
  string_column codes_;
  std::vector<std::uint64_t>
      slots_;  // high 32 hash bits | (row + 1); 0 = empty; size a power of two
};

}  // namespace goaltrack::detail
