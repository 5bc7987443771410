#pragma once
// The payload of a goaltrack file: a Boost.Serialization archive of a snapshot
// (archive_snapshot.hpp), written and read with sizes bounded by the bytes that remain
// and by load_limits.

#include <cstddef>
#include <cstdint>
#include <string>

#include "goaltrack/io/archive.hpp"
#include "io/archive_snapshot.hpp"

namespace goaltrack::detail {

/// The archive of `s` in `format`.
std::string write_payload(const snapshot& s, archive_format format);

/// The plan in the archive data[0..size), built as it is read (plan_builder). Never
/// reads outside it; every size read is checked before anything of that size is
/// allocated.
/// @throws corrupt_error naming `path` with the offset (base_offset + position) where
///         the archive stopped making sense or described an impossible plan;
///         format_error when Boost's archive is of a newer library version than this
///         Boost reads.
plan read_payload(const char* data, std::size_t size, archive_format format,
                  const load_limits& limits, std::uint64_t base_offset, const std::string& path);

/// As read_payload, for a binary archive read from the next `size` bytes of `in` in
/// chunks (payload_buf), never held whole in memory. The caller has checked that the
/// bytes' CRC-32C is `crc` in an earlier pass; they are checksummed again as they are
/// parsed, and the plan is returned only when they still match (else the file changed
/// in between: corrupt_error).
plan read_binary_payload(std::istream& in, std::uint64_t size, std::uint32_t crc,
                         const load_limits& limits, std::uint64_t base_offset,
                         const std::string& path);

}  // namespace goaltrack::detail
