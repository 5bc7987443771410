// goaltrack/io/archive.hpp: saving and loading plans.

#include "goaltrack/io/archive.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <cerrno>
#include <cstring>
#include <fstream>
#include <istream>
#include <new>
#include <ostream>
#include <vector>

#include "goaltrack/error.hpp"
#include "io/archive_envelope.hpp"
#include "io/archive_payload.hpp"
#include "io/crc32c.hpp"
#include "io/file_kind.hpp"
#include "io/file_write.hpp"

namespace goaltrack {

std::string_view to_string(archive_format f) noexcept {
  switch (f) {
    case archive_format::text:
      return "text";
    case archive_format::xml:
      return "xml";
    case archive_format::binary:
      return "binary";
  }
  return "unknown";
}

namespace detail {
namespace {

// How the messages of a failed save start.
constexpr std::string_view save_lead = "could not save goaltrack file";

std::string file_name(const std::string& path) { return "goaltrack file '" + path + "'"; }

// The whole file: envelope then payload.
struct file_bytes {
  std::array<unsigned char, envelope_size> header;
  std::string payload;
};

file_bytes encode(const plan& p, archive_format format) {
  file_bytes f;
  f.payload = write_payload(p, format);
  envelope e;
  e.kind = format;
  e.payload_length = f.payload.size();
  e.payload_crc = crc32c(0, f.payload.data(), f.payload.size());
  f.header = encode_envelope(e);
  return f;
}

[[noreturn]] void throw_bad_checksum(const std::string& path) {
  throw corrupt_error(file_name(path) + " is damaged: the payload's checksum does not match", path,
                      24);
}

// Runs a payload reader; errors that are not already a file_error become one naming `path`.
template <class Read>
plan parse_guarded(const std::string& path, Read read) {
  try {
    return read();
  } catch (const file_error&) {
    throw;
  } catch (const std::bad_alloc&) {
    throw corrupt_error(file_name(path) + " could not be loaded: out of memory", path);
  } catch (const std::exception& x) {
    throw corrupt_error(file_name(path) + " is damaged: " + x.what(), path);
  }
}

[[noreturn]] void throw_truncated(const std::string& path, std::uint64_t have, std::uint64_t want) {
  throw corrupt_error(file_name(path) + " is damaged: truncated, " + std::to_string(have) +
                          " bytes where the envelope announces " + std::to_string(want),
                      path, have);
}

// Reads and checks the envelope at the start of `in`; with the file's size, also that the
// payload it announces is exactly what follows.
envelope read_envelope(std::istream& in, const load_limits& limits, const std::string& path,
                       std::optional<std::uint64_t> file_size) {
  std::array<unsigned char, envelope_size> header{};
  in.read(reinterpret_cast<char*>(header.data()), envelope_size);
  const auto got = static_cast<std::uint64_t>(in.gcount());
  if (got < envelope_size) {
    if (in.bad()) throw io_error(file_name(path) + " could not be read", path, got);
    // A short file that does not even start like ours is not ours.
    if (!std::equal(header.begin(),
                    header.begin() + static_cast<std::ptrdiff_t>(std::min<std::uint64_t>(got, 8)),
                    envelope_magic.begin()) ||
        got == 0) {
      throw format_error(file_name(path) + " is not a goaltrack file (" + std::to_string(got) +
                             " bytes, shorter than the envelope)",
                         path, 0);
    }
    throw_truncated(path, got, envelope_size);
  }
  const envelope e = decode_envelope(header.data(), limits, path);
  const std::uint64_t want = envelope_size + e.payload_length;
  if (file_size) {
    if (*file_size < want) throw_truncated(path, *file_size, want);
    if (*file_size > want) {
      throw corrupt_error(file_name(path) + " is damaged: " + std::to_string(*file_size - want) +
                              " unexpected bytes after the payload",
                          path, want);
    }
  }
  return e;
}

// Reads the payload that `e` announces, in chunks of at most 1 MiB, each into the
// `place(n)` where its n bytes go, so that a lying length costs no more than the bytes
// that are really there. Returns the payload's CRC-32C.
template <class Place>
std::uint32_t read_chunks(std::istream& in, const envelope& e, const std::string& path,
                          Place place) {
  constexpr std::uint64_t chunk = std::uint64_t{1} << 20;
  std::uint32_t crc = 0;
  for (std::uint64_t done = 0; done < e.payload_length;) {
    const auto step =
        static_cast<std::size_t>(std::min<std::uint64_t>(chunk, e.payload_length - done));
    char* to = place(step);
    in.read(to, static_cast<std::streamsize>(step));
    const auto n = static_cast<std::size_t>(in.gcount());
    crc = crc32c(crc, to, n);
    done += n;
    if (n < step) {
      if (in.bad())
        throw io_error(file_name(path) + " could not be read", path, envelope_size + done);
      throw_truncated(path, envelope_size + done, envelope_size + e.payload_length);
    }
  }
  return crc;
}

// The plan in `in` after its envelope `e`, with the whole payload read into memory first
// (a stream can be read only once; text and XML are parsed from memory).
// `sized`: the file's size confirmed the length, so it may be reserved at once.
plan load_in_memory(std::istream& in, const envelope& e, const load_limits& limits,
                    const std::string& path, bool sized) {
  std::string payload;
  if (sized) payload.reserve(static_cast<std::size_t>(e.payload_length));
  const std::uint32_t crc = read_chunks(in, e, path, [&](std::size_t n) {
    payload.resize(payload.size() + n);
    return payload.data() + payload.size() - n;
  });
  if (crc != e.payload_crc) throw_bad_checksum(path);
  return parse_guarded(path, [&] {
    return read_payload(payload.data(), payload.size(), e.kind, e.version, limits, envelope_size,
                        path);
  });
}

}  // namespace

}  // namespace detail

void save(const plan& p, std::ostream& out, archive_format format) {
  const detail::file_bytes f = detail::encode(p, format);
  out.write(reinterpret_cast<const char*>(f.header.data()),
            static_cast<std::streamsize>(f.header.size()));
  out.write(f.payload.data(), static_cast<std::streamsize>(f.payload.size()));
  out.flush();
  if (!out) throw io_error("could not write a goaltrack file to the stream", "");
}

void save(const plan& p, const std::filesystem::path& path, archive_format format) {
  // Through a symbolic link, the file it points to is replaced (the link stays); what is
  // not a regular file (a device, a FIFO, a directory) is never renamed over.
  const std::filesystem::path target = detail::follow_links(path);
  if (const std::string kind = detail::not_a_regular_file(target); !kind.empty()) {
    detail::throw_io(
        detail::save_lead,
        target == path ? "it is " + kind : "it leads to " + target.string() + ", " + kind,
        path.string(), 0);
  }
  const detail::file_bytes f = detail::encode(p, format);
  const std::string_view parts[] = {
      {reinterpret_cast<const char*>(f.header.data()), f.header.size()}, f.payload};
  detail::write_atomically(parts, target, path.string(), detail::save_lead);
}

plan load(std::istream& in, const load_limits& limits) {
  const detail::envelope e = detail::read_envelope(in, limits, "", std::nullopt);
  return detail::load_in_memory(in, e, limits, "", false);
}

plan load(const std::filesystem::path& path, const load_limits& limits) {
  const std::string name = path.string();
  if (const std::string kind = detail::not_a_regular_file(path); !kind.empty()) {
    throw io_error("cannot open goaltrack file '" + name + "': it is " + kind, name);
  }
  std::error_code ec;
  const std::uintmax_t size = std::filesystem::file_size(path, ec);
  if (ec) throw io_error("cannot open goaltrack file '" + name + "': " + ec.message(), name);
  std::ifstream in(path, std::ios::binary);
  if (!in)
    throw io_error("cannot open goaltrack file '" + name + "': " + std::strerror(errno), name);
  const detail::envelope e =
      detail::read_envelope(in, limits, name, static_cast<std::uint64_t>(size));
  if (e.kind != archive_format::binary) return detail::load_in_memory(in, e, limits, name, true);
  // A binary file is read twice in chunks, never held whole: once to check its checksum
  // before anything is parsed, then parsed as it is read again (and checksummed again,
  // in case it changed in between).
  std::vector<char> scratch;
  const std::uint32_t crc = detail::read_chunks(in, e, name, [&](std::size_t n) {
    scratch.resize(std::max(scratch.size(), n));
    return scratch.data();
  });
  if (crc != e.payload_crc) detail::throw_bad_checksum(name);
  in.clear();
  in.seekg(static_cast<std::streamoff>(detail::envelope_size));
  if (!in) throw io_error("cannot re-read goaltrack file '" + name + "'", name);
  return detail::parse_guarded(name, [&] {
    return detail::read_binary_payload(in, e.payload_length, crc, e.version, limits,
                                       detail::envelope_size, name);
  });
}

}  // namespace goaltrack
