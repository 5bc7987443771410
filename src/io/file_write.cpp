// Writing a file atomically: save() of archives, and write_file() (goaltrack/io/file.hpp).
#include "io/file_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>

#include "goaltrack/error.hpp"
#include "goaltrack/io/file.hpp"
#include "io/file_kind.hpp"

namespace goaltrack {
namespace detail {
namespace {

std::atomic<save_fault_hook> fault_hook{nullptr};

bool fault(save_step step) {
  const save_fault_hook hook = fault_hook.load();
  if (hook != nullptr && hook(step)) {
    errno = EIO;
    return true;
  }
  return false;
}

}  // namespace

void throw_io(std::string_view lead, const std::string& what, const std::string& path, int err) {
  throw io_error(std::string(lead) + " '" + path + "': " + what +
                     (err != 0 ? std::string(": ") + std::strerror(err) : std::string()),
                 path);
}

void write_atomically(std::span<const std::string_view> parts, const std::filesystem::path& target,
                      const std::string& path, std::string_view lead) {
  const std::filesystem::path dir =
      target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
  static std::atomic<unsigned> counter{0};
  std::filesystem::path temp;
  int fd = -1;
  for (int attempt = 0; fd < 0; ++attempt) {
    temp = dir / ("." + target.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
                  std::to_string(counter.fetch_add(1)));
    if (fault(save_step::create)) throw_io(lead, "cannot create a temporary file", path, errno);
    fd = ::open(temp.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd < 0 && (errno != EEXIST || attempt > 100)) {
      throw_io(lead, "cannot create temporary file '" + temp.string() + "'", path, errno);
    }
  }
  const auto fail = [&](const std::string& what) {
    const int err = errno;
    if (fd >= 0) ::close(fd);
    ::unlink(temp.c_str());
    throw_io(lead, what, path, err);
  };
  const auto write_all = [&](const char* data, std::size_t size) {
    while (size > 0) {
      if (fault(save_step::write)) fail("cannot write");
      const ssize_t n = ::write(fd, data, std::min<std::size_t>(size, std::size_t{1} << 20));
      if (n < 0) {
        if (errno == EINTR) continue;
        fail("cannot write");
      }
      data += n;
      size -= static_cast<std::size_t>(n);
    }
  };
  for (const std::string_view part : parts) write_all(part.data(), part.size());
  if (fault(save_step::sync) || ::fsync(fd) != 0) fail("cannot flush to disk (fsync)");
  const int closed = ::close(fd);
  fd = -1;
  if (closed != 0) fail("cannot close the temporary file");
  if (fault(save_step::rename) || std::rename(temp.c_str(), target.c_str()) != 0) {
    fail("cannot rename the temporary file over it");
  }
  // The new file is in place; make its directory entry durable too.
  const int dfd =
      fault(save_step::sync_dir) ? -1 : ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0 || ::fsync(dfd) != 0) {
    const int err = errno;
    if (dfd >= 0) ::close(dfd);
    throw_io(
        lead,
        "saved, but cannot flush its directory to disk (the new content may not survive a power "
        "loss)",
        path, err);
  }
  ::close(dfd);
}

save_fault_hook set_save_fault_hook(save_fault_hook hook) noexcept {
  return fault_hook.exchange(hook);
}

}  // namespace detail

void write_file(const std::filesystem::path& path, std::string_view content) {
  constexpr std::string_view lead = "could not write file";
  const std::filesystem::path target = detail::follow_links(path);
  if (const std::string kind = detail::not_a_regular_file(target); !kind.empty()) {
    detail::throw_io(
        lead, target == path ? "it is " + kind : "it leads to " + target.string() + ", " + kind,
        path.string(), 0);
  }
  const std::string_view parts[] = {content};
  detail::write_atomically(parts, target, path.string(), lead);
}

}  // namespace goaltrack
