#include "code_table.hpp"

#include <algorithm>
#include <array>
#include <bit>
#include <cstring>
#include <limits>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {
namespace {

// Eight bytes at a time, each word folded in by a multiply and a shift, then a final
// avalanche (the mixer of SplitMix64) so that the low bits, which pick the slot, and the
// high bits, kept as the slot's tag, both depend on every byte. Codes are short (a few
// words), so this is a handful of multiplies where a byte-at-a-time hash would chain
// one per byte. Hashes live in memory only: they may differ between platforms. The seed
// makes them differ between tables too; it does not make them a keyed PRF (see
// code_table's flood defence).
std::uint64_t fast_hash(std::uint64_t seed, std::string_view s) noexcept {
  std::uint64_t h = seed ^ s.size();
  const char* p = s.data();
  std::size_t n = s.size();
  const auto fold = [&h](std::uint64_t word) {
    h = (h ^ word) * 0xBF58476D1CE4E5B9ULL;
    h ^= h >> 31;
  };
  for (; n >= 8; p += 8, n -= 8) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, 8);
    fold(word);
  }
  if (n > 0) {
    std::uint64_t word = 0;
    std::memcpy(&word, p, n);
    fold(word);
  }
  h ^= h >> 30;
  h *= 0xBF58476D1CE4E5B9ULL;
  h ^= h >> 27;
  h *= 0x94D049BB133111EBULL;
  return h ^ (h >> 31);
}

// Codes handled together by find_many and insert_many: enough cache misses in flight to
// hide most of the memory latency, few enough for their slots to stay in the L1 cache.
constexpr std::size_t group = 32;

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
  reserve_total(ends_, ends_.size() + n);
  // Never past the 4 GiB that push_back allows.
  constexpr std::size_t most = std::numeric_limits<std::uint32_t>::max();
  const std::size_t wanted = chars_.size() + std::min(n * chars_each, most);
  reserve_total(chars_, std::min(wanted, most));
}

code_table::code_table() noexcept : seed_(random_key()[0]) {}

std::uint64_t code_table::hash_of(std::string_view code) const noexcept {
  return keyed_ ? siphash24(key_, code) : fast_hash(seed_, code);
}

void code_table::rekey() noexcept {
  keyed_ = true;
  key_ = random_key();
  std::fill(slots_.begin(), slots_.end(), 0U);
  reindex();
}

std::size_t code_table::probe_from(std::string_view code, std::uint64_t hash,
                                   std::size_t i) const noexcept {
  const std::size_t mask = slots_.size() - 1;
  const std::uint64_t tag = hash & ~0xffffffffULL;
  for (;; i = (i + 1) & mask) {
    const std::uint64_t slot = slots_[i];
    if (slot == 0) return i;
    if ((slot & ~0xffffffffULL) == tag && codes_[(slot & 0xffffffffULL) - 1] == code) return i;
  }
}

std::optional<std::uint32_t> code_table::find(std::string_view code) const noexcept {
  if (slots_.empty()) return std::nullopt;
  const std::uint64_t slot = slots_[probe(code, hash_of(code))];
  if (slot == 0) return std::nullopt;
  return static_cast<std::uint32_t>((slot & 0xffffffffULL) - 1);
}

void code_table::find_many(std::span<const std::string_view> codes,
                           std::span<std::uint32_t> out) const noexcept {
  if (slots_.empty()) {
    std::fill(out.begin(), out.end(), absent);
    return;
  }
  const std::size_t mask = slots_.size() - 1;
  std::array<std::uint64_t, group> hashes{};
  std::array<std::size_t, group> at{};  // the slot of the candidate row
  for (std::size_t base = 0; base < codes.size(); base += group) {
    const std::size_t n = std::min(group, codes.size() - base);
    const std::string_view* code = codes.data() + base;
    std::uint32_t* row = out.data() + base;
    // Each pass requests what the next one reads, for the whole group at once.
    for (std::size_t k = 0; k < n; ++k) {
      hashes[k] = hash_of(code[k]);
      prefetch(&slots_[static_cast<std::size_t>(hashes[k]) & mask]);
    }
    // The first slot whose 32 hash bits match, or the empty slot that ends the run.
    for (std::size_t k = 0; k < n; ++k) {
      const std::uint64_t tag = hashes[k] & ~0xffffffffULL;
      std::size_t i = static_cast<std::size_t>(hashes[k]) & mask;
      while (slots_[i] != 0 && (slots_[i] & ~0xffffffffULL) != tag) i = (i + 1) & mask;
      at[k] = i;
      row[k] =
          slots_[i] == 0 ? absent : static_cast<std::uint32_t>((slots_[i] & 0xffffffffULL) - 1);
      if (row[k] != absent) codes_.prefetch(row[k]);
    }
    for (std::size_t k = 0; k < n; ++k) {
      if (row[k] != absent) prefetch(codes_[row[k]].data());
    }
    // Confirm; on a mere hash match (1 in 2^32), go on along the probe sequence.
    for (std::size_t k = 0; k < n; ++k) {
      if (row[k] == absent || codes_[row[k]] == code[k]) continue;
      const std::uint64_t slot = slots_[probe_from(code[k], hashes[k], (at[k] + 1) & mask)];
      row[k] = slot == 0 ? absent : static_cast<std::uint32_t>((slot & 0xffffffffULL) - 1);
    }
  }
}

bool code_table::insert(std::string_view code) {
  grow(codes_.size() + 1);
  const std::uint64_t h = hash_of(code);
  const std::size_t i = probe(code, h);
  if (slots_[i] != 0) return false;
  codes_.push_back(code);
  slots_[i] = (h & ~0xffffffffULL) | codes_.size();
  flooded(i, h);
  return true;
}

std::size_t code_table::insert_many(std::span<const std::string_view> codes) {
  grow(codes_.size() + codes.size());
  const std::size_t mask = slots_.size() - 1;
  const std::size_t n = codes.size();
  // A rolling window: the home slot of code i + group is requested from memory while
  // code i is inserted, so that each slot has arrived by the time it is probed.
  std::array<std::uint64_t, group> hashes{};
  const auto request = [&](std::size_t i) {
    hashes[i % group] = hash_of(codes[i]);
    prefetch_for_write(&slots_[static_cast<std::size_t>(hashes[i % group]) & mask]);
  };
  for (std::size_t i = 0; i < std::min(group, n); ++i) request(i);
  for (std::size_t i = 0; i < n; ++i) {
    const std::uint64_t h = hashes[i % group];
    if (i + group < n) request(i + group);
    const std::size_t at = probe(codes[i], h);
    if (slots_[at] != 0) return i;
    codes_.push_back(codes[i]);
    slots_[at] = (h & ~0xffffffffULL) | codes_.size();
    // Rekeyed: the hashes requested ahead are stale; go on with the new hash.
    if (flooded(at, h)) return i + 1 + insert_many(codes.subspan(i + 1));
  }
  return n;
}

void code_table::truncate(std::size_t n) {
  if (n >= codes_.size()) return;
  codes_.truncate(n);
  std::fill(slots_.begin(), slots_.end(), 0U);
  reindex();
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
  reindex();
}

void code_table::reindex() noexcept {
  const std::size_t mask = slots_.size() - 1;
  std::array<std::uint64_t, group> hashes{};
  for (std::size_t base = 0; base < codes_.size(); base += group) {
    const std::size_t n = std::min(group, codes_.size() - base);
    for (std::size_t k = 0; k < n; ++k) {
      hashes[k] = hash_of(codes_[base + k]);
      prefetch(&slots_[static_cast<std::size_t>(hashes[k]) & mask]);
    }
    for (std::size_t k = 0; k < n; ++k) {
      std::size_t i = static_cast<std::size_t>(hashes[k]) & mask;
      while (slots_[i] != 0) i = (i + 1) & mask;
      slots_[i] = (hashes[k] & ~0xffffffffULL) | (base + k + 1);
      if (!keyed_ && distance(i, hashes[k]) > flood_distance) {
        rekey();  // re-indexes every code with the keyed hash
        return;
      }
    }
  }
}

}  // namespace goaltrack::detail
