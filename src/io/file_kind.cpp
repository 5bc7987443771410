#include "io/file_kind.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <cerrno>
#include <cstring>
#include <system_error>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {

namespace fs = std::filesystem;

namespace {

std::string kind_of(fs::file_type t) {
  switch (t) {
    case fs::file_type::directory:
      return "a directory";
    case fs::file_type::fifo:
      return "a FIFO";
    case fs::file_type::character:
      return "a character device";
    case fs::file_type::block:
      return "a block device";
    case fs::file_type::socket:
      return "a socket";
    default:
      return "not a regular file";
  }
}

std::string kind_of(mode_t mode) {
  if (S_ISDIR(mode)) return kind_of(fs::file_type::directory);
  if (S_ISFIFO(mode)) return kind_of(fs::file_type::fifo);
  if (S_ISCHR(mode)) return kind_of(fs::file_type::character);
  if (S_ISBLK(mode)) return kind_of(fs::file_type::block);
  if (S_ISSOCK(mode)) return kind_of(fs::file_type::socket);
  return kind_of(fs::file_type::unknown);
}

// The POSIX limit on links followed in one path (SYMLOOP_MAX is at least 8; Linux uses 40).
constexpr int max_links = 40;

}  // namespace

std::string not_a_regular_file(const fs::path& path) {
  std::error_code ec;
  const fs::file_status st = fs::status(path, ec);
  if (st.type() == fs::file_type::regular) return {};
  if (st.type() == fs::file_type::not_found) {
    const fs::file_status own = fs::symlink_status(path, ec);
    if (own.type() != fs::file_type::symlink) return {};
    const fs::path end = follow_links(path);
    return "a symbolic link to '" + end.string() + "', which does not exist";
  }
  if (ec) return {};  // unreadable: opening the path reports why
  return kind_of(st.type());
}

fs::path follow_links(const fs::path& path) {
  fs::path p = path;
  for (int hops = 0; hops <= max_links; ++hops) {
    std::error_code ec;
    if (fs::symlink_status(p, ec).type() != fs::file_type::symlink) return p;
    const fs::path link = fs::read_symlink(p, ec);
    if (ec) return p;
    p = link.is_absolute() ? link : p.parent_path() / link;
  }
  throw io_error("'" + path.string() + "': too many levels of symbolic links", path.string());
}

void read_regular_file(const fs::path& path, std::string& text) {
  const std::string name = path.string();
  const auto refuse = [&](const std::string& why, int err) {
    throw io_error("cannot read " + name + ": " + why +
                       (err != 0 ? std::string(": ") + std::strerror(err) : ""),
                   name);
  };
  if (const std::string kind = not_a_regular_file(path); !kind.empty()) refuse("it is " + kind, 0);
  const int fd = ::open(path.c_str(), O_RDONLY | O_NONBLOCK | O_CLOEXEC);
  if (fd < 0) refuse("cannot open it", errno);
  struct ::stat st {};
  if (::fstat(fd, &st) != 0 || !S_ISREG(st.st_mode)) {
    const int err = errno;
    ::close(fd);
    refuse("it is " + kind_of(st.st_mode), S_ISREG(st.st_mode) ? err : 0);
  }
  text.resize(static_cast<std::size_t>(st.st_size));
  std::size_t done = 0;
  while (done < text.size()) {
    const ssize_t n = ::read(fd, text.data() + done, text.size() - done);
    if (n < 0 && errno == EINTR) continue;
    if (n <= 0) {
      const int err = n < 0 ? errno : 0;
      ::close(fd);
      refuse(n < 0 ? "cannot read it"
                   : "it was cut short while being read (at byte " + std::to_string(done) + ")",
             err);
    }
    done += static_cast<std::size_t>(n);
  }
  ::close(fd);
}

}  // namespace goaltrack::detail
