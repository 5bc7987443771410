#pragma once
// SipHash-2-4 (Aumasson and Bernstein, "SipHash: a fast short-input PRF", 2012): a keyed
// hash whose outputs an adversary who does not know the key cannot predict, so cannot
// make collide. The code index switches to it when it detects a flood (code_table.hpp);
// it is too slow to be the everyday hash of millions of short codes.

#include <array>
#include <cstdint>
#include <string_view>

namespace goaltrack::detail {

/// A 128-bit SipHash key (k0, k1).
using siphash_key = std::array<std::uint64_t, 2>;

/// SipHash-2-4 of `s` under `key`, as in the paper (the reference implementation's
/// vectors are in code_table_test.cpp).
[[nodiscard]] std::uint64_t siphash24(const siphash_key& key, std::string_view s) noexcept;

/// A key nobody outside this process can know: from std::random_device, mixed with a
/// counter (so that two keys taken in one process differ even where random_device is a
/// fixed sequence).
[[nodiscard]] siphash_key random_key() noexcept;

}  // namespace goaltrack::detail
