// The 32-byte envelope of goaltrack files: encoding and checking.

#include "io/archive_envelope.hpp"

#include <algorithm>

#include "goaltrack/error.hpp"
#include "io/crc32c.hpp"

namespace goaltrack::detail {
namespace {

void put32(unsigned char* p, std::uint32_t v) noexcept {
  for (int i = 0; i < 4; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
void put64(unsigned char* p, std::uint64_t v) noexcept {
  for (int i = 0; i < 8; ++i) p[i] = static_cast<unsigned char>(v >> (8 * i));
}
std::uint32_t get32(const unsigned char* p) noexcept {
  std::uint32_t v = 0;
  for (int i = 3; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}
std::uint64_t get64(const unsigned char* p) noexcept {
  std::uint64_t v = 0;
  for (int i = 7; i >= 0; --i) v = (v << 8) | p[i];
  return v;
}

std::string where(const std::string& path) { return "goaltrack file '" + path + "'"; }

}  // namespace

std::uint32_t kind_code(archive_format f) noexcept {
  switch (f) {
    case archive_format::text:
      return 1;
    case archive_format::xml:
      return 2;
    case archive_format::binary:
      return 3;
  }
  return 0;
}

std::array<unsigned char, envelope_size> encode_envelope(const envelope& e) noexcept {
  std::array<unsigned char, envelope_size> b{};
  std::copy(envelope_magic.begin(), envelope_magic.end(), b.begin());
  put32(&b[8], e.version);
  put32(&b[12], kind_code(e.kind));
  put64(&b[16], e.payload_length);
  put32(&b[24], e.payload_crc);
  put32(&b[28], crc32c(0, b.data(), 28));
  return b;
}

envelope decode_envelope(const unsigned char* b, const load_limits& limits,
                         const std::string& path) {
  if (!std::equal(envelope_magic.begin(), envelope_magic.end(), b)) {
    throw format_error(
        where(path) + " is not a goaltrack file (its first 8 bytes are not the magic GOALTRK)",
        path, 0);
  }
  envelope e;
  // The version comes before the header checksum: a newer version may lay out its
  // header otherwise, and must be named as such.
  e.version = get32(&b[8]);
  if (e.version > archive_format_version) {
    throw format_error(where(path) + " has file-format version " + std::to_string(e.version) +
                           ", newer than version " + std::to_string(archive_format_version) +
                           " that this goaltrack reads; load it with a newer goaltrack",
                       path, 8);
  }
  if (crc32c(0, b, 28) != get32(&b[28])) {
    throw corrupt_error(where(path) + " is damaged: the envelope's header checksum does not match",
                        path, 28);
  }
  if (e.version == 0)
    throw format_error(where(path) + " has file-format version 0, which never existed", path, 8);
  switch (get32(&b[12])) {
    case 1:
      e.kind = archive_format::text;
      break;
    case 2:
      e.kind = archive_format::xml;
      break;
    case 3:
      e.kind = archive_format::binary;
      break;
    default:
      throw format_error(where(path) + " has unknown archive kind " + std::to_string(get32(&b[12])),
                         path, 12);
  }
  e.payload_length = get64(&b[16]);
  if (e.payload_length > limits.payload_bytes) {
    throw corrupt_error(where(path) + " has a payload of " + std::to_string(e.payload_length) +
                            " bytes, above the limit of " + std::to_string(limits.payload_bytes) +
                            " (load_limits::payload_bytes)",
                        path, 16);
  }
  e.payload_crc = get32(&b[24]);
  return e;
}

}  // namespace goaltrack::detail
