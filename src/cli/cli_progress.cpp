// The progress line of long steps (cli_progress.hpp).
#include "cli_progress.hpp"

#include <unistd.h>

#include <cstdio>

#include "goaltrack/report.hpp"

namespace goaltrack::cli {
namespace {

constexpr std::chrono::seconds quiet_for{1};            // shorter steps show nothing
constexpr std::chrono::milliseconds redraw_every{100};  // ten frames a second
constexpr int bar_width = 20;

// "[   ====             ]": a block bouncing across the bar, one cell per frame.
std::string bar(long frame) {
  const long span = bar_width - 4;
  const long at = frame % (2 * span) < span ? frame % (2 * span) : 2 * span - frame % (2 * span);
  std::string cells(bar_width, ' ');
  cells.replace(static_cast<std::size_t>(at), 4, "====");
  return "[" + cells + "]";
}

}  // namespace

activity::activity(language lang, std::string label)
    : lang_(lang), label_(std::move(label)), start_(std::chrono::steady_clock::now()) {
  if (::isatty(STDERR_FILENO) == 1) thread_ = std::thread([this] { run(); });
}

activity::~activity() {
  if (!thread_.joinable()) return;
  {
    const std::lock_guard lock(mutex_);
    done_ = true;
  }
  wake_.notify_one();
  thread_.join();
  if (shown_) std::fputs("\r\033[K", stderr);  // clear the line for what follows
}

void activity::run() {
  std::unique_lock lock(mutex_);
  if (wake_.wait_for(lock, quiet_for, [this] { return done_; })) return;
  for (long frame = 0; !done_; ++frame) {
    const double seconds =
        std::chrono::duration<double>(std::chrono::steady_clock::now() - start_).count();
    const std::string line =
        "\r" + label_ + " " + bar(frame) + " " + format_number(seconds, 1, lang_) + " s\033[K";
    std::fputs(line.c_str(), stderr);
    std::fflush(stderr);
    shown_ = true;
    wake_.wait_for(lock, redraw_every, [this] { return done_; });
  }
}

}  // namespace goaltrack::cli
