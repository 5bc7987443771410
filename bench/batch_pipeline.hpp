/// @file
/// batch_pipeline: batches read by a reader thread and added to a plan by another, in
/// the order they were read.
///
/// goaltrack_peer parses its CSV files on a reader thread while the main thread hands the
/// batches already parsed to the plan, so that both cores share the load. The plan is
/// only ever touched by the thread that calls run(); the reader sees only what it made
/// and what a completed drain() published.
///
/// Errors stay those of a sequential load: a reader's failure is queued as a job after
/// the batches it read before failing, so the first error in file order is the one run()
/// rethrows.

#pragma once

#include <condition_variable>
#include <cstddef>
#include <deque>
#include <exception>
#include <functional>
#include <mutex>
#include <thread>
#include <utility>

namespace kit {

class batch_pipeline {
 public:
  using job = std::function<void()>;

  /// At most `pending` jobs wait while one runs: bounds the parsed rows held at once.
  explicit batch_pipeline(std::size_t pending) : pending_(pending) {}

  /// Thrown by push and drain once run() has stopped taking jobs; let it leave the reader.
  struct cancelled {};

  /// Runs `read(pipeline)` on a new thread and the jobs it pushes on this one, in order,
  /// until the reader returns. @throws the first failure in job order (a reader's own
  /// failure comes after the jobs it pushed); the reader is joined first.
  template <class Reader>
  void run(Reader read) {
    std::thread reader([this, &read] {
      try {
        read(*this);
      } catch (const cancelled&) {
        // run() stopped taking jobs; it rethrows its own failure.
      } catch (...) {
        queue([failure = std::current_exception()] { std::rethrow_exception(failure); });
      }
      std::lock_guard lock(mutex_);
      closed_ = true;
      changed_.notify_all();
    });
    try {
      consume();
    } catch (...) {
      {
        std::lock_guard lock(mutex_);
        stopped_ = true;
        jobs_.clear();
        changed_.notify_all();
      }
      reader.join();
      throw;
    }
    reader.join();
  }

  /// Queues `j` (reader thread), waiting while `pending` jobs are queued.
  /// @throws cancelled once the jobs have stopped.
  void push(job j) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || jobs_.size() < pending_; });
    if (stopped_) throw cancelled{};
    jobs_.push_back(std::move(j));
    changed_.notify_all();
  }

  /// Waits until every job pushed so far has run (reader thread): what they made is then
  /// the reader's to read. @throws cancelled once the jobs have stopped.
  void drain() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || (jobs_.empty() && !running_); });
    if (stopped_) throw cancelled{};
  }

 private:
  // Queues a reader's failure whatever the room, unless the jobs have stopped already.
  void queue(job j) {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    jobs_.push_back(std::move(j));
    changed_.notify_all();
  }

  void consume() {
    for (;;) {
      job next;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return closed_ || !jobs_.empty(); });
        if (jobs_.empty()) return;  // closed, and every job has run
        next = std::move(jobs_.front());
        jobs_.pop_front();
        running_ = true;
        changed_.notify_all();
      }
      next();
      std::lock_guard lock(mutex_);
      running_ = false;
      changed_.notify_all();
    }
  }

  std::size_t pending_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::deque<job> jobs_;
  bool running_ = false;  // a job taken from the queue has not finished
  bool closed_ = false;   // the reader pushes no more
  bool stopped_ = false;  // a job failed: pushes and drains throw cancelled
};

}  // namespace kit
