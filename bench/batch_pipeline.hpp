/// @file
/// batch_pipeline: batches read by reader threads and added to a plan by one thread, in
/// file order.
///
/// goaltrack_peer parses its CSV files on reader threads while the main thread hands the
/// batches already parsed to the plan, so that both cores share the load. Every job has a
/// ticket, and jobs run in ticket order whichever thread queued them first; the plan is
/// only ever touched by the thread that calls run(), and a reader sees only what it made
/// and what a completed drain() published.
///
/// Errors stay those of a sequential load: a reader's failure is queued as the job of the
/// ticket it was reading for, so the first error in file order is the one run() rethrows.

#pragma once

#include <condition_variable>
#include <cstddef>
#include <exception>
#include <functional>
#include <map>
#include <mutex>
#include <thread>
#include <utility>

namespace kit {

class batch_pipeline {
 public:
  using job = std::function<void()>;

  /// Jobs may be queued up to `window` tickets ahead of the one running: bounds the parsed
  /// rows held at once.
  explicit batch_pipeline(std::size_t window) : window_(window) {}

  /// Thrown by push and drain once run() has stopped taking jobs; let it leave the reader.
  struct cancelled {};

  /// Runs `read(pipeline)` on a new thread and the jobs it queues on this one, in ticket
  /// order, until the reader returns. @throws the first failure in ticket order (a
  /// reader's own failure takes the ticket after those it took); the reader is joined first.
  template <class Reader>
  void run(Reader read) {
    std::thread reader([this, &read] {
      try {
        read(*this);
      } catch (const cancelled&) {
        // run() stopped taking jobs; it rethrows its own failure.
      } catch (...) {
        fail(take_tickets(1), std::current_exception());
      }
      close();
    });
    try {
      consume();
    } catch (...) {
      stop();
      reader.join();
      throw;
    }
    reader.join();
  }

  /// Takes the next `n` tickets: the first is returned. Only the reader thread of run()
  /// takes tickets, so that tickets follow the files' order.
  std::size_t take_tickets(std::size_t n) {
    std::lock_guard lock(mutex_);
    const std::size_t first = issued_;
    issued_ += n;
    return first;
  }

  /// Queues `j` as the job of `ticket`, waiting while it is `window` or more tickets
  /// ahead of the one running. Any thread. @throws cancelled once the jobs have stopped.
  void push(std::size_t ticket, job j) {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || ticket < next_ + window_; });
    if (stopped_) throw cancelled{};
    jobs_.emplace(ticket, std::move(j));
    changed_.notify_all();
  }
  /// Queues `j` as the job of the next ticket (reader thread).
  void push(job j) { push(take_tickets(1), std::move(j)); }

  /// Queues, as the job of `ticket`, a job that rethrows `failure`, unless the jobs have
  /// stopped already. Any thread.
  void fail(std::size_t ticket, std::exception_ptr failure) {
    std::lock_guard lock(mutex_);
    if (stopped_) return;
    jobs_.emplace(ticket, [failure] { std::rethrow_exception(failure); });
    changed_.notify_all();
  }

  /// Waits until the jobs of every ticket taken so far have run (reader thread): what
  /// they made is then the reader's to read. @throws cancelled once the jobs have stopped.
  void drain() {
    std::unique_lock lock(mutex_);
    changed_.wait(lock, [&] { return stopped_ || next_ == issued_; });
    if (stopped_) throw cancelled{};
  }

 private:
  void consume() {
    for (;;) {
      job next;
      {
        std::unique_lock lock(mutex_);
        changed_.wait(lock, [&] { return jobs_.contains(next_) || (closed_ && next_ == issued_); });
        const auto it = jobs_.find(next_);
        if (it == jobs_.end()) return;  // closed, and every ticket's job has run
        next = std::move(it->second);
        jobs_.erase(it);
      }
      next();
      std::lock_guard lock(mutex_);
      ++next_;
      changed_.notify_all();
    }
  }
  void close() {
    std::lock_guard lock(mutex_);
    closed_ = true;
    changed_.notify_all();
  }
  void stop() {
    std::lock_guard lock(mutex_);
    stopped_ = true;
    jobs_.clear();
    changed_.notify_all();
  }

  std::size_t window_;
  std::mutex mutex_;
  std::condition_variable changed_;
  std::map<std::size_t, job> jobs_;  // queued, by ticket
  std::size_t issued_ = 0;           // tickets taken
  std::size_t next_ = 0;             // the ticket whose job runs next (or is running)
  bool closed_ = false;              // the reader takes no more tickets
  bool stopped_ = false;             // a job failed: pushes and drains throw cancelled
};

}  // namespace kit
