#pragma once
// Whether the tests run under AddressSanitizer (the asan preset), where the exhaustive
// damage campaigns run five to ten times slower. They then sample: the dev build runs
// them whole, and the sanitizer's job there is memory errors on the paths a sample
// still walks (every byte of a file is still damaged, and the fuzzers add random damage).

#include <cstddef>

namespace goaltrack_test {

#if defined(__SANITIZE_ADDRESS__)
inline constexpr bool under_sanitizer = true;
#elif defined(__has_feature)
#if __has_feature(address_sanitizer)
inline constexpr bool under_sanitizer = true;
#else
inline constexpr bool under_sanitizer = false;
#endif
#else
inline constexpr bool under_sanitizer = false;
#endif

/// Calls f(bit) for the bits to flip in bytes [first, bytes) of a file: every bit, or
/// under a sanitizer (or when not `every_bit`) one bit of each byte, its position
/// turning with the byte.
template <class F>
void for_each_flip(std::size_t first, std::size_t bytes, F f, bool every_bit = true) {
  for (std::size_t byte = first; byte < bytes; ++byte) {
    if (under_sanitizer || !every_bit) {
      f(byte * 8 + byte % 8);
    } else {
      for (std::size_t bit = 0; bit < 8; ++bit) f(byte * 8 + bit);
    }
  }
}

}  // namespace goaltrack_test
