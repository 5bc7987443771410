#pragma once
// The 32-byte envelope in front of every goaltrack file (layout in
// include/goaltrack/io/archive.hpp). Encoding and checking only: no I/O here.

#include <array>
#include <cstddef>
#include <cstdint>
#include <string>

#include "goaltrack/io/archive.hpp"

namespace goaltrack::detail {

inline constexpr std::size_t envelope_size = 32;
inline constexpr std::array<unsigned char, 8> envelope_magic = {'G', 'O', 'A', 'L',
                                                                'T', 'R', 'K', 0x1A};

/// The decoded fields of an envelope.
struct envelope {
  std::uint32_t version = archive_format_version;
  archive_format kind = archive_format::binary;
  std::uint64_t payload_length = 0;
  std::uint32_t payload_crc = 0;
};

/// The 32 bytes of `e` (header checksum included).
std::array<unsigned char, envelope_size> encode_envelope(const envelope& e) noexcept;

/// Decodes and checks the 32 bytes of an envelope, in this order: magic (format_error),
/// version (format_error for 0 or a newer one), header checksum (corrupt_error), archive
/// kind (format_error), payload length against `limits` (corrupt_error). `path` goes
/// into the errors.
envelope decode_envelope(const unsigned char* bytes, const load_limits& limits,
                         const std::string& path);

/// The archive kind's code in the envelope: 1 text, 2 XML, 3 binary.
std::uint32_t kind_code(archive_format f) noexcept;

}  // namespace goaltrack::detail
