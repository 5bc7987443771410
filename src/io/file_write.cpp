// Writing a file atomically: save() of archives, write_file() and file_writer
// (goaltrack/io/file.hpp).
#include "io/file_write.hpp"

#include <fcntl.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <atomic>
#include <cerrno>
#include <cstring>
#include <memory>
#include <stdexcept>
#include <utility>

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

namespace {

std::filesystem::path directory_of(const std::filesystem::path& target) {
  return target.has_parent_path() ? target.parent_path() : std::filesystem::path(".");
}

}  // namespace

atomic_writer::atomic_writer(std::filesystem::path target, std::string path, std::string_view lead)
    : target_(std::move(target)), path_(std::move(path)), lead_(lead) {
  // A name no other writer uses: this process's id and a counter, retried while taken.
  static std::atomic<unsigned> counter{0};
  for (int attempt = 0; fd_ < 0; ++attempt) {
    temp_ = directory_of(target_) /
            ("." + target_.filename().string() + ".tmp." + std::to_string(::getpid()) + "." +
             std::to_string(counter.fetch_add(1)));
    if (fault(save_step::create)) throw_io(lead_, "cannot create a temporary file", path_, errno);
    fd_ = ::open(temp_.c_str(), O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0666);
    if (fd_ < 0 && (errno != EEXIST || attempt > 100)) {
      throw_io(lead_, "cannot create temporary file '" + temp_.string() + "'", path_, errno);
    }
  }
}

atomic_writer::~atomic_writer() {
  if (fd_ < 0) return;  // committed, or already cleaned up by fail()
  ::close(fd_);
  ::unlink(temp_.c_str());
}

void atomic_writer::fail(const std::string& what) {
  const int err = errno;
  if (fd_ >= 0) ::close(fd_);
  fd_ = -1;
  ::unlink(temp_.c_str());
  throw_io(lead_, what, path_, err);
}

void atomic_writer::check_open() const {
  if (fd_ < 0) throw std::logic_error("goaltrack: writing to '" + path_ + "' after it ended");
}

void atomic_writer::write(std::string_view bytes) {
  check_open();
  // In pieces of at most 1 MiB: each is one fault-injection point (save_step::write).
  constexpr std::size_t most = std::size_t{1} << 20;
  while (!bytes.empty()) {
    if (fault(save_step::write)) fail("cannot write");
    const ssize_t n = ::write(fd_, bytes.data(), std::min(bytes.size(), most));
    if (n < 0) {
      if (errno == EINTR) continue;
      fail("cannot write");
    }
    start_writeback(static_cast<std::size_t>(n));
    bytes.remove_prefix(static_cast<std::size_t>(n));
  }
}

void atomic_writer::start_writeback(std::size_t just_written) {
#if defined(__linux__)
  // A hint: errors are fsync's to report.
  ::sync_file_range(fd_, static_cast<off_t>(written_), static_cast<off_t>(just_written),
                    SYNC_FILE_RANGE_WRITE);
#endif
  written_ += just_written;
}

void atomic_writer::commit() {
  check_open();
  if (fault(save_step::sync) || ::fsync(fd_) != 0) fail("cannot flush to disk (fsync)");
  const int closed = ::close(fd_);
  fd_ = -1;  // closed either way; fail() still removes the temporary
  if (closed != 0) fail("cannot close the temporary file");
  if (fault(save_step::rename) || std::rename(temp_.c_str(), target_.c_str()) != 0) {
    fail("cannot rename the temporary file over it");
  }
  // The new file is in place; make its directory entry durable too.
  const std::filesystem::path dir = directory_of(target_);
  const int dfd =
      fault(save_step::sync_dir) ? -1 : ::open(dir.c_str(), O_RDONLY | O_DIRECTORY | O_CLOEXEC);
  if (dfd < 0 || ::fsync(dfd) != 0) {
    const int err = errno;
    if (dfd >= 0) ::close(dfd);
    throw_io(
        lead_,
        "saved, but cannot flush its directory to disk (the new content may not survive a power "
        "loss)",
        path_, err);
  }
  ::close(dfd);
}

void write_atomically(std::span<const std::string_view> parts, const std::filesystem::path& target,
                      const std::string& path, std::string_view lead) {
  atomic_writer out(target, path, lead);
  for (const std::string_view part : parts) out.write(part);
  out.commit();
}

save_fault_hook set_save_fault_hook(save_fault_hook hook) noexcept {
  return fault_hook.exchange(hook);
}

}  // namespace detail

namespace {

constexpr std::string_view write_lead = "could not write file";

}  // namespace

file_writer::file_writer(const std::filesystem::path& path) {
  const std::filesystem::path target = detail::follow_links(path);
  if (const std::string kind = detail::not_a_regular_file(target); !kind.empty()) {
    detail::throw_io(
        write_lead,
        target == path ? "it is " + kind : "it leads to " + target.string() + ", " + kind,
        path.string(), 0);
  }
  impl_ = std::make_unique<detail::atomic_writer>(target, path.string(), write_lead);
}

file_writer::file_writer(file_writer&&) noexcept = default;
file_writer& file_writer::operator=(file_writer&&) noexcept = default;
file_writer::~file_writer() = default;

void file_writer::write(std::string_view bytes) { live().write(bytes); }

void file_writer::commit() { live().commit(); }

detail::atomic_writer& file_writer::live() const {
  if (!impl_) throw std::logic_error("goaltrack: a moved-from file_writer");
  return *impl_;
}

void write_file(const std::filesystem::path& path, std::string_view content) {
  file_writer out(path);
  out.write(content);
  out.commit();
}

}  // namespace goaltrack
