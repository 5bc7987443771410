#include "goaltrack/detail/string_column.hpp"

#include <bit>
#include <limits>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {
namespace {

// FNV-1a, then a multiplicative mix so that the low bits used for the slot are good.
std::uint64_t hash_code(std::string_view s) noexcept {
  std::uint64_t h = 14695981039346656037ULL;
  for (const char c : s) {
    h ^= static_cast<unsigned char>(c);
    h *= 1099511628211ULL;
  }
  h ^= h >> 29;
  h *= 0xbf58476d1ce4e5b9ULL;
  h ^= h >> 32;
  return h;
}

}  // namespace

void string_column::push_back(std::string_view s) {
  if (chars_.size() + s.size() > std::numeric_limits<std::uint32_t>::max()) {
    throw invalid_argument("string column exceeds 4 GiB of text");
  }
  chars_.append(s);
  ends_.push_back(static_cast<std::uint32_t>(chars_.size()));
}

void string_column::truncate(std::size_t n) {
  if (n >= ends_.size()) return;
  chars_.resize(n == 0 ? 0 : ends_[n - 1]);
  ends_.resize(n);
}

void string_column::reserve_more(std::size_t n, std::size_t chars_each) {
  ends_.reserve(ends_.size() + n);
  chars_.reserve(chars_.size() + n * chars_each);
}

std::size_t code_table::probe(std::string_view code, std::uint64_t hash) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t tag = hash & ~0xffffffffULL;
  for (std::size_t i = static_cast<std::size_t>(hash) & mask;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return i;
    if ((slot & ~0xffffffffULL) == tag && codes_[(slot & 0xffffffffULL) - 1] == code) return i;
  }
}

std::optional<std::uint32_t> code_table::find(std::string_view code) const noexcept {
  if (slots_.empty()) return std::nullopt;
  const std::uint64_t slot = slots_[probe(code, hash_code(code))];
  if (slot == 0) return std::nullopt;
  return static_cast<std::uint32_t>((slot & 0xffffffffULL) - 1);
}

bool code_table::insert(std::string_view code) {
  grow(codes_.size() + 1);
  const std::uint64_t hash = hash_code(code);
  const std::size_t i = probe(code, hash);
  if (slots_[i] != 0) return false;
  codes_.push_back(code);
  slots_[i] = (hash & ~0xffffffffULL) | codes_.size();
  return true;
}

void code_table::truncate(std::size_t n) {
  if (n >= codes_.size()) return;
  codes_.truncate(n);
  std::fill(slots_.begin(), slots_.end(), 0U);
  for (std::uint32_t row = 0; row < codes_.size(); ++row) index_row(row);
}

void code_table::reserve_more(std::size_t n, std::size_t chars_each) {
  codes_.reserve_more(n, chars_each);
  grow(codes_.size() + n);
}

// Keeps the load factor at most 3/4 so that probe sequences stay short.
void code_table::grow(std::size_t min_rows) {
  const std::size_t needed = min_rows + min_rows / 3 + 1;
  if (needed <= slots_.size()) return;
  slots_.assign(std::bit_ceil(std::max<std::size_t>(needed, 16)), 0U);
  for (std::uint32_t row = 0; row < codes_.size(); ++row) index_row(row);
}

void code_table::index_row(std::uint32_t row) noexcept {
  const std::uint64_t hash = hash_code(codes_[row]);
  const std::size_t mask = slots_.size() - 1;
  std::size_t i = static_cast<std::size_t>(hash) & mask;
  while (slots_[i] != 0) i = (i + 1) & mask;
  slots_[i] = (hash & ~0xffffffffULL) | (row + 1ULL);
}

}  // namespace goaltrack::detail
