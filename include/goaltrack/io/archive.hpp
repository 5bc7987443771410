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
/// | 8      | 4    | file-format version (this library writes and reads version 1)  |
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
inline constexpr std::uint32_t archive_format_version = 1;

/// Caps on what a loaded file may describe. A file above any cap is refused with a
/// corrupt_error naming the cap, before anything of that size is allocated. The
/// defaults are about 10 times the national-scale plan (63 provinces, 300 000 cells,
/// 5 million members, 1 million targets, 10 million measurements); raise them for
/// bigger plans, lower them for files from untrusted sources.
struct GOALTRACK_API load_limits {
  std::uint64_t payload_bytes = std::uint64_t{16} << 30;  ///< bytes after the envelope (16 GiB)
  std::uint64_t collectives = 10'000'000;                 ///< collectives in the organisation
  std::uint64_t members = 100'000'000;                    ///< members
  std::uint64_t scales = 100'000;                         ///< rating scales
  std::uint64_t rounds = 1'000'000;                       ///< rating rounds
  std::uint64_t ratings = 1'000'000'000;       ///< member and collective ratings, all rounds
  std::uint64_t programs = 10'000'000;         ///< programs
  std::uint64_t tasks = 100'000'000;           ///< tasks
  std::uint64_t status_changes = 100'000;      ///< status changes of one task
  std::uint64_t targets = 100'000'000;         ///< targets
  std::uint64_t checklist_items = 100'000;     ///< items of one milestone checklist
  std::uint64_t measurements = 1'000'000'000;  ///< measurements
  std::uint64_t policies = 100'000;            ///< named policies
  std::uint64_t rating_summaries = 100'000;    ///< rating summaries of one policy
  /// Bytes of one string. The default is the most a plan's text may have
  /// (max_text_bytes), so every plan that saves loads again.
  std::uint64_t string_bytes = max_text_bytes;
};

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
