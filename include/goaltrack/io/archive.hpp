#pragma once
/// @file
/// Saving and loading a whole plan (organisation, rating scales, rounds and ratings,
/// programs, tasks, targets, measurements with their sources and notes, named policies)
/// as one file.
///
/// A file is the library's envelope followed by a Boost.Serialization archive of the
/// plan in one of three kinds (text, XML, binary). The envelope is 32 bytes, all
/// integers little-endian:
///
/// | offset | size | field                                                          |
/// |--------|------|----------------------------------------------------------------|
/// | 0      | 8    | magic "GOALTRK\x1a"                                            |
/// | 8      | 4    | file-format version (this library writes 2, reads 1 and 2)     |
/// | 12     | 4    | archive kind: 1 text, 2 XML, 3 binary                          |
/// | 16     | 8    | payload length in bytes                                        |
/// | 24     | 4    | CRC-32C (Castagnoli) of the payload                            |
/// | 28     | 4    | CRC-32C of bytes 0..27 (the header itself)                     |
///
/// Loading checks the whole envelope before the archive parser reads a byte, bounds
/// every collection and string size read from the payload by the bytes that remain
/// and by load_limits, rebuilds the plan through its public API (so every invariant
/// is checked again), and hands the plan over only on success. Every failure is a
/// goaltrack::file_error: io_error (the system refused), format_error (not a goaltrack
/// file, an unknown archive kind, a newer format version) or corrupt_error (damaged),
/// naming the path and, where known, the byte offset. No input crashes, hangs or
/// allocates beyond a small multiple of the file size or the limits.
///
/// Binary archives are the fastest; they are for the platform that wrote them (same
/// endianness and Boost's binary archive rules). Text and XML archives move between
/// platforms.

#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <iosfwd>
#include <string_view>

#include "goaltrack/export.hpp"
#include "goaltrack/io/load_limits.hpp"
#include "goaltrack/plan.hpp"
#include "goaltrack/text.hpp"

namespace goaltrack {

/// The kind of Boost.Serialization archive inside a goaltrack file.
enum class archive_format : std::uint8_t {
  text,    ///< portable text archive
  xml,     ///< portable XML archive, readable by people
  binary,  ///< fastest; for the platform that wrote it
};

/// The stable code of a format: "text", "xml" or "binary".
GOALTRACK_API std::string_view to_string(archive_format f) noexcept;

/// The file-format version this library writes; it reads every version up to it.
/// Version 1 saved each entity in a layout of its own; version 2 saves entities field by
/// field, in the order of their descriptions. A field added later raises the version, and
/// files of older versions load it with its default value. Version 3 added the targets'
/// aggregation over time and scoring, the policies' close_at_period_end, and the
/// half-year and nine-month period kinds. Version 4 added the policies' statuses and
/// bands, their basis and reached_is_achieved. Version 5 added the targets' limit (for
/// the open_sdg scoring), the policies' minimum_points and forecast_min_points, and the
/// plan's assessments. Version 6 added the targets' sub-periods, planned values,
/// planned_as and expected_by (time-phased targets). Version 7 added the tasks' added_on
/// and the targets' weight. Version 8 added the targets' indicator and over_tree, the
/// policies' roll-up rules (rollup, rollup_rules, rollup_overrides) and the plan's
/// alignments. Version 9 added the plan's labels (names in each language). Version 10
/// added the labels' part (a target's unit in a language). Version 11 added the plan's
/// notes of spreadsheet rows (note.hpp).
inline constexpr std::uint32_t archive_format_version = 11;

/// Saves `p` to `path` atomically: writes a temporary file in the same directory,
/// flushes and fsyncs it, renames it over `path` and fsyncs the directory. On any
/// failure `path` keeps its old content (or stays absent) and the temporary is removed.
/// When `path` is a symbolic link, the file it leads to is replaced and the link kept; a
/// path that is (or leads to) a directory, FIFO, device or socket is refused.
/// @throws io_error naming the path when a step fails; invalid_argument when the plan
///         holds a value the format cannot hold (none that the plan's checks admit).
GOALTRACK_API void save(const plan& p, const std::filesystem::path& path, archive_format format);

/// Writes `p` as a goaltrack file (envelope and archive) to `out`.
/// @throws io_error when the stream fails.
GOALTRACK_API void save(const plan& p, std::ostream& out, archive_format format);

/// Loads the plan saved in `path`, of any archive kind and any format version up to
/// archive_format_version.
/// @throws io_error when the file cannot be opened or read, or is not a regular file (a
///         FIFO, a directory, a device; a dangling link is named as such); format_error when it is
///         not a goaltrack file, has an unknown archive kind or a newer format version (the message
///         says which version it has and which this library reads); corrupt_error, with the byte
///         offset where known, when it is damaged or above `limits`. Every message names the path.
[[nodiscard]] GOALTRACK_API plan load(const std::filesystem::path& path,
                                      const load_limits& limits = {});

/// Loads a plan from a stream positioned at a goaltrack file's first byte; reads exactly
/// the file's bytes. Errors as load(path), with an empty path.
[[nodiscard]] GOALTRACK_API plan load(std::istream& in, const load_limits& limits = {});

}  // namespace goaltrack
