#pragma once
// The payload of a goaltrack file: a Boost.Serialization archive of a plan, written in
// the newest format version and read in any, with sizes bounded by the bytes that remain
// and by load_limits.

#include <cstddef>
#include <cstdint>
#include <string>

#include "goaltrack/io/archive.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack::detail {

/// The archive of `p` in `format`, laid out as format archive_format_version.
std::string write_payload(const plan& p, archive_format format);

/// The plan in the archive data[0..size), laid out as format `format_version` (checked by
/// the envelope: 1 .. archive_format_version), built as it is read (plan_builder). Never
/// reads outside it; every size read is checked before anything of that size is
/// allocated.
/// @throws corrupt_error naming `path` with the offset (base_offset + position) where
///         the archive stopped making sense or described an impossible plan;
///         format_error when Boost's archive is of a newer library version than this
///         Boost reads.
plan read_payload(const char* data, std::size_t size, archive_format format,
                  std::uint32_t format_version, const load_limits& limits,
                  std::uint64_t base_offset, const std::string& path);

/// As read_payload, for a binary archive read from the next `size` bytes of `in` in
/// chunks (payload_buf), never held whole in memory. The caller has checked that the
/// bytes' CRC-32C is `crc` in an earlier pass; they are checksummed again as they are
/// parsed, and the plan is returned only when they still match (else the file changed
/// in between: corrupt_error).
plan read_binary_payload(std::istream& in, std::uint64_t size, std::uint32_t crc,
                         std::uint32_t format_version, const load_limits& limits,
                         std::uint64_t base_offset, const std::string& path);

}  // namespace goaltrack::detail
