// CRC-32C: the table-driven implementation and the one on the crc32 instruction.

#include "io/crc32c.hpp"

#include <array>
#include <bit>
#include <cstring>

#if defined(__x86_64__) && (defined(__GNUC__) || defined(__clang__))
#include <nmmintrin.h>
#define GOALTRACK_CRC32C_SSE42 1
#endif

namespace goaltrack::detail {
namespace {

constexpr std::array<std::array<std::uint32_t, 256>, 8> tables = [] {
  std::array<std::array<std::uint32_t, 256>, 8> t{};
  for (std::uint32_t i = 0; i < 256; ++i) {
    std::uint32_t c = i;
    for (int k = 0; k < 8; ++k) c = (c & 1U) != 0 ? (c >> 1) ^ 0x82F63B78U : c >> 1;
    t[0][i] = c;
  }
  for (std::size_t i = 0; i < 256; ++i) {
    for (std::size_t k = 1; k < 8; ++k) t[k][i] = (t[k - 1][i] >> 8) ^ t[0][t[k - 1][i] & 0xFFU];
  }
  return t;
}();

#ifdef GOALTRACK_CRC32C_SSE42
// The crc32 instruction takes 3 cycles but can start every cycle, so three independent
// lanes over three consecutive blocks run three times as fast as one; the lanes are then
// joined by linearity. On the register r (the CRC before its final inversion):
//   r(c, A || B) = Z_|B|(r(c, A)) ^ r(0, B)
// where Z_n, the effect of n zero bytes, is linear in r, so it is applied byte by byte
// from four 256-entry tables (zeros_operator). Blocks are `lane` bytes.
constexpr std::size_t lane = 8192;

struct zeros_operator {
  std::array<std::array<std::uint32_t, 256>, 4> t{};
  [[nodiscard]] std::uint32_t apply(std::uint32_t r) const noexcept {
    return t[0][r & 0xFFU] ^ t[1][(r >> 8) & 0xFFU] ^ t[2][(r >> 16) & 0xFFU] ^ t[3][r >> 24];
  }
};

__attribute__((target("sse4.2"))) std::uint32_t zeros(std::uint32_t r, std::size_t n) noexcept {
  std::uint64_t c = r;
  for (std::size_t i = 0; i < n / 8; ++i) c = _mm_crc32_u64(c, 0);
  return static_cast<std::uint32_t>(c);
}

__attribute__((target("sse4.2"))) const zeros_operator& lane_zeros() {
  static const zeros_operator z = [] {
    zeros_operator o;
    for (std::uint32_t k = 0; k < 4; ++k) {
      for (std::uint32_t v = 0; v < 256; ++v) o.t[k][v] = zeros(v << (8 * k), lane);
    }
    return o;
  }();
  return z;
}

__attribute__((target("sse4.2"))) std::uint32_t crc32c_sse42(std::uint32_t crc, const void* data,
                                                             std::size_t size) noexcept {
  const auto* p = static_cast<const unsigned char*>(data);
  const auto word = [](const unsigned char* at) {
    std::uint64_t w = 0;
    std::memcpy(&w, at, 8);
    return w;
  };
  std::uint64_t c = ~crc;
  if (size >= 3 * lane) {
    const zeros_operator& z = lane_zeros();
    while (size >= 3 * lane) {
      std::uint64_t c1 = 0;
      std::uint64_t c2 = 0;
      for (std::size_t i = 0; i < lane; i += 8) {
        c = _mm_crc32_u64(c, word(p + i));
        c1 = _mm_crc32_u64(c1, word(p + lane + i));
        c2 = _mm_crc32_u64(c2, word(p + 2 * lane + i));
      }
      c = z.apply(static_cast<std::uint32_t>(c)) ^ c1;
      c = z.apply(static_cast<std::uint32_t>(c)) ^ c2;
      p += 3 * lane;
      size -= 3 * lane;
    }
  }
  while (size >= 8) {
    c = _mm_crc32_u64(c, word(p));
    p += 8;
    size -= 8;
  }
  auto c32 = static_cast<std::uint32_t>(c);
  while (size-- > 0) c32 = _mm_crc32_u8(c32, *p++);
  return ~c32;
}

bool has_sse42() noexcept {
  static const bool has = __builtin_cpu_supports("sse4.2") != 0;
  return has;
}
#endif

}  // namespace

std::uint32_t crc32c_portable(std::uint32_t crc, const void* data, std::size_t size) noexcept {
  const auto& t = tables;
  const auto* p = static_cast<const unsigned char*>(data);
  std::uint32_t c = ~crc;
  while (size >= 8) {
    std::uint32_t lo = 0;
    std::uint32_t hi = 0;
    std::memcpy(&lo, p, 4);
    std::memcpy(&hi, p + 4, 4);
    if constexpr (std::endian::native == std::endian::big) {
      lo = __builtin_bswap32(lo);
      hi = __builtin_bswap32(hi);
    }
    lo ^= c;
    c = t[7][lo & 0xFFU] ^ t[6][(lo >> 8) & 0xFFU] ^ t[5][(lo >> 16) & 0xFFU] ^ t[4][lo >> 24] ^
        t[3][hi & 0xFFU] ^ t[2][(hi >> 8) & 0xFFU] ^ t[1][(hi >> 16) & 0xFFU] ^ t[0][hi >> 24];
    p += 8;
    size -= 8;
  }
  while (size-- > 0) c = (c >> 8) ^ t[0][(c ^ *p++) & 0xFFU];
  return ~c;
}

std::uint32_t crc32c(std::uint32_t crc, const void* data, std::size_t size) noexcept {
#ifdef GOALTRACK_CRC32C_SSE42
  if (has_sse42()) return crc32c_sse42(crc, data, size);
#endif
  return crc32c_portable(crc, data, size);
}

}  // namespace goaltrack::detail
