#include "siphash.hpp"

#include <atomic>
#include <bit>
#include <chrono>
#include <random>

namespace goaltrack::detail {
namespace {

struct sip_state {
  std::uint64_t v0, v1, v2, v3;
  void round() noexcept {
    v0 += v1;
    v1 = std::rotl(v1, 13);
    v1 ^= v0;
    v0 = std::rotl(v0, 32);
    v2 += v3;
    v3 = std::rotl(v3, 16);
    v3 ^= v2;
    v0 += v3;
    v3 = std::rotl(v3, 21);
    v3 ^= v0;
    v2 += v1;
    v1 = std::rotl(v1, 17);
    v1 ^= v2;
    v2 = std::rotl(v2, 32);
  }
  void absorb(std::uint64_t m) noexcept {  // two compression rounds (the "2" of 2-4)
    v3 ^= m;
    round();
    round();
    v0 ^= m;
  }
};

// Bytes are read little-endian, as the specification says, whatever the machine.
std::uint64_t load_le(const char* p, std::size_t n) noexcept {
  std::uint64_t w = 0;
  for (std::size_t i = 0; i < n; ++i) {
    w |= static_cast<std::uint64_t>(static_cast<unsigned char>(p[i])) << (8 * i);
  }
  return w;
}

std::uint64_t splitmix64(std::uint64_t x) noexcept {
  x += 0x9E3779B97F4A7C15ULL;
  x = (x ^ (x >> 30)) * 0xBF58476D1CE4E5B9ULL;
  x = (x ^ (x >> 27)) * 0x94D049BB133111EBULL;
  return x ^ (x >> 31);
}

}  // namespace

std::uint64_t siphash24(const siphash_key& key, std::string_view s) noexcept {
  sip_state st{key[0] ^ 0x736f6d6570736575ULL, key[1] ^ 0x646f72616e646f6dULL,
               key[0] ^ 0x6c7967656e657261ULL, key[1] ^ 0x7465646279746573ULL};
  const char* p = s.data();
  std::size_t n = s.size();
  for (; n >= 8; p += 8, n -= 8) st.absorb(load_le(p, 8));
  st.absorb(load_le(p, n) | (static_cast<std::uint64_t>(s.size() & 0xff) << 56));
  st.v2 ^= 0xff;
  for (int i = 0; i < 4; ++i) st.round();  // the "4": finalisation rounds
  return st.v0 ^ st.v1 ^ st.v2 ^ st.v3;
}

siphash_key random_key() noexcept {
  static std::atomic<std::uint64_t> counter{0};
  std::uint64_t entropy = 0;
  try {
    std::random_device device;
    entropy = (static_cast<std::uint64_t>(device()) << 32) ^ device();
  } catch (...) {
    // No entropy source: the clock still makes keys differ between runs.
    entropy =
        static_cast<std::uint64_t>(std::chrono::steady_clock::now().time_since_epoch().count());
  }
  const std::uint64_t c = counter.fetch_add(1, std::memory_order_relaxed);
  return {splitmix64(entropy ^ c), splitmix64(entropy + 0x632BE59BD9B4E019ULL * (c + 1))};
}

}  // namespace goaltrack::detail
