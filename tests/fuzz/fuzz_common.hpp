#pragma once
// Shared by the archive harnesses: load bytes as a goaltrack file through the public
// API; any goaltrack::file_error is an expected outcome, anything else escapes and
// libFuzzer reports it (as it does crashes, hangs and sanitizer reports).

#include <cstddef>
#include <cstdint>
#include <sstream>
#include <string>

#include "goaltrack/error.hpp"
#include "goaltrack/io/archive.hpp"
#include "io/crc32c.hpp"

namespace goaltrack_fuzz {

inline goaltrack::load_limits fuzz_limits() {
  goaltrack::load_limits l;  // small caps keep every input's memory small
  l.payload_bytes = 1 << 20;
  return l;
}

inline void load_bytes(const std::string& bytes) {
  std::istringstream in(bytes, std::ios::binary);
  try {
    const goaltrack::plan p = goaltrack::load(in, fuzz_limits());
    // A loaded plan must save and load back to itself.
    std::ostringstream out(std::ios::binary);
    goaltrack::save(p, out, goaltrack::archive_format::binary);
    std::istringstream again(std::move(out).str(), std::ios::binary);
    if (!(goaltrack::load(again) == p)) __builtin_trap();
  } catch (const goaltrack::file_error&) {
  }
}

/// The payload `data` behind a valid envelope of archive kind `kind` (1 text, 2 XML,
/// 3 binary) and file-format `version`: length and checksums fixed up, so the fuzzer
/// reaches the payload parser.
inline std::string with_envelope(const std::uint8_t* data, std::size_t size, std::uint32_t kind,
                                 std::uint32_t version) {
  std::string b(32, '\0');
  const auto put = [&](std::size_t at, std::uint64_t v, int n) {
    for (int i = 0; i < n; ++i)
      b[at + static_cast<std::size_t>(i)] = static_cast<char>(v >> (8 * i));
  };
  const char magic[8] = {'G', 'O', 'A', 'L', 'T', 'R', 'K', 0x1A};
  b.replace(0, 8, magic, 8);
  put(8, version, 4);
  put(12, kind, 4);
  put(16, size, 8);
  put(24, goaltrack::detail::crc32c(0, data, size), 4);
  put(28, goaltrack::detail::crc32c(0, b.data(), 28), 4);
  b.append(reinterpret_cast<const char*>(data), size);
  return b;
}

/// Loads the payload `data` of archive kind `kind` as each file-format version reads it.
inline void load_payload_every_version(const std::uint8_t* data, std::size_t size,
                                       std::uint32_t kind) {
  for (std::uint32_t v = 1; v <= goaltrack::archive_format_version; ++v)
    load_bytes(with_envelope(data, size, kind, v));
}

}  // namespace goaltrack_fuzz
