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

/// The snapshot in the archive data[0..size). Never reads outside it; every size read
/// is checked before anything of that size is allocated.
/// @throws corrupt_error naming `path` with the offset (base_offset + position) where
///         the archive stopped making sense; format_error when Boost's archive is of a
///         newer library version than this Boost reads.
snapshot read_payload(const char* data, std::size_t size, archive_format format,
                      const load_limits& limits, std::uint64_t base_offset, const std::string& path);

}  // namespace goaltrack::detail
