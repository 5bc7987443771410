#pragma once
// Compact string storage for columns of millions of short strings (member codes and
// names): one character buffer plus 32-bit end offsets, instead of one std::string
// (32 bytes and often a heap block) per row. Internal: not part of the stable API.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace goaltrack::detail {

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
  /// The row of `code`, if present.
  [[nodiscard]] std::optional<std::uint32_t> find(std::string_view code) const noexcept;
  /// Appends `code` unless present; returns false (and changes nothing) when present.
  bool insert(std::string_view code);
  /// Drops every code from row n on.
  void truncate(std::size_t n);
  /// Prepares for n more codes of about `chars_each` characters.
  void reserve_more(std::size_t n, std::size_t chars_each);

 private:
  void grow(std::size_t min_rows);
  void index_row(std::uint32_t row) noexcept;
  // The slot holding `code`, or the empty slot where it would go.
  [[nodiscard]] std::size_t probe(std::string_view code, std::uint64_t hash) const noexcept;
  string_column codes_;
  std::vector<std::uint64_t> slots_;  // high 32 hash bits | (row + 1); 0 = empty; size a power of two
};

}  // namespace goaltrack::detail
