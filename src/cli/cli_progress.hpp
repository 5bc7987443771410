#pragma once
// Private to the `goaltrack` command: a progress line on standard error while a long step
// runs (reading a national plan, evaluating it), only on a terminal and only once the
// step has lasted a second; nothing when standard error is redirected.

#include <chrono>
#include <condition_variable>
#include <mutex>
#include <string>
#include <thread>

#include "goaltrack/language.hpp"

namespace goaltrack::cli {

/// Shows "Reading plan/ [  ===   ] 3.2 s" on standard error for as long as it lives. The
/// loaders do not report how far they are, so the bar moves to show work without claiming
/// a fraction done.
class activity {
 public:
  activity(language lang, std::string label);
  ~activity();
  activity(const activity&) = delete;
  activity& operator=(const activity&) = delete;

 private:
  void run();

  language lang_;
  std::string label_;
  std::chrono::steady_clock::time_point start_;
  std::mutex mutex_;
  std::condition_variable wake_;
  bool done_ = false;
  bool shown_ = false;
  std::thread thread_;
};

}  // namespace goaltrack::cli
