// Atomic save (goaltrack::save to a path, write_file, file_writer): an injected failure at
// each step leaves the old file untouched and no temporary behind; a child killed (SIGKILL) at
// random points of a large save leaves a file that loads to either the old or the new plan.

#include <gtest/gtest.h>
#include <signal.h>  // NOLINT(modernize-deprecated-headers): kill() is POSIX
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <stdexcept>
#include <string>
#include <thread>

#include "fresh_dir.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/io/archive.hpp"
#include "goaltrack/io/file.hpp"
#include "io/save_fault.hpp"
#include "random_plan.hpp"
#include "sanitized.hpp"

namespace gt = goaltrack;
namespace fs = std::filesystem;

namespace {

using goaltrack_test::fresh_dir;

std::size_t entries(const fs::path& dir) {
  std::size_t n = 0;
  for ([[maybe_unused]] const auto& e : fs::directory_iterator(dir)) ++n;
  return n;
}

gt::detail::save_step failing_step;
int calls_before_failure = 0;

bool fail_at_step(gt::detail::save_step step) {
  return step == failing_step && calls_before_failure-- == 0;
}

struct hook_guard {
  explicit hook_guard(gt::detail::save_fault_hook h) { gt::detail::set_save_fault_hook(h); }
  ~hook_guard() { gt::detail::set_save_fault_hook(nullptr); }
};

}  // namespace

TEST(atomic_save, an_injected_failure_at_each_step_keeps_the_old_file) {
  using gt::detail::save_step;
  const fs::path dir = fresh_dir("atomic-fault");
  const fs::path path = dir / "plan.gtk";
  const gt::plan old_plan = goaltrack_test::random_plan(21);
  goaltrack_test::random_plan_shape big;
  big.max_members = 3000;  // a payload of several write chunks
  big.max_measurements = 20000;
  const gt::plan new_plan = goaltrack_test::random_plan(22, big);
  for (const save_step step :
       {save_step::create, save_step::write, save_step::sync, save_step::rename}) {
    for (const int nth : {0, 1}) {
      if (nth == 1 && step != save_step::write) continue;  // a later chunk's write fails
      gt::save(old_plan, path, gt::archive_format::binary);
      failing_step = step;
      calls_before_failure = nth;
      {
        hook_guard guard(&fail_at_step);
        EXPECT_THROW(gt::save(new_plan, path, gt::archive_format::binary), gt::io_error)
            << "step " << static_cast<int>(step);
      }
      EXPECT_TRUE(gt::load(path) == old_plan) << "step " << static_cast<int>(step);
      EXPECT_EQ(entries(dir), 1U) << "a temporary was left behind at step "
                                  << static_cast<int>(step);
    }
  }
  // A failure to sync the directory comes after the rename: the new file is in place,
  // and the error says its durability is not assured.
  gt::save(old_plan, path, gt::archive_format::binary);
  failing_step = save_step::sync_dir;
  calls_before_failure = 0;
  {
    hook_guard guard(&fail_at_step);
    try {
      gt::save(new_plan, path, gt::archive_format::binary);
      ADD_FAILURE() << "no error";
    } catch (const gt::io_error& e) {
      EXPECT_EQ(e.path(), path.string());
      EXPECT_NE(std::string(e.what()).find("directory"), std::string::npos) << e.what();
    }
  }
  EXPECT_TRUE(gt::load(path) == new_plan);
  EXPECT_EQ(entries(dir), 1U);
  // Saving into a directory that does not exist fails cleanly.
  EXPECT_THROW(gt::save(old_plan, dir / "no" / "plan.gtk", gt::archive_format::text), gt::io_error);
  fs::remove_all(dir);
}

TEST(atomic_save, write_file_replaces_a_file_whole_or_not_at_all) {
  using gt::detail::save_step;
  const fs::path dir = fresh_dir("atomic-write-file");
  const fs::path path = dir / "report.html";
  gt::write_file(path, "old");
  for (const save_step step :
       {save_step::create, save_step::write, save_step::sync, save_step::rename}) {
    failing_step = step;
    calls_before_failure = 0;
    hook_guard guard(&fail_at_step);
    try {
      gt::write_file(path, "new content");
      ADD_FAILURE() << "no error at step " << static_cast<int>(step);
    } catch (const gt::io_error& e) {
      EXPECT_EQ(e.path(), path.string());
      EXPECT_EQ(std::string(e.what()).rfind("could not write file '" + path.string() + "': ", 0),
                0U)
          << e.what();
    }
  }
  EXPECT_EQ(goaltrack_test::read_text(path), "old");
  EXPECT_EQ(entries(dir), 1U) << "a temporary was left behind";
  gt::write_file(path, "new");
  EXPECT_EQ(goaltrack_test::read_text(path), "new");
  EXPECT_THROW(gt::write_file(dir, "x"), gt::io_error);  // a directory is never replaced
  EXPECT_THROW(gt::write_file(dir / "no" / "report.html", "x"), gt::io_error);
  fs::remove_all(dir);
}

// file_writer: the same guarantee for a file written in pieces, whatever stops it.
TEST(atomic_save, file_writer_puts_its_pieces_in_place_whole_or_not_at_all) {
  using gt::detail::save_step;
  const fs::path dir = fresh_dir("atomic-file-writer");
  const fs::path path = dir / "out.csv";
  gt::write_file(path, "old");
  const std::string piece(700'000, 'x');  // three pieces, a write each (under 1 MiB)
  const auto write_pieces = [&] {
    gt::file_writer out(path);
    out.write(piece);
    out.write("|");
    out.write(piece);
    out.commit();
  };
  for (const save_step step :
       {save_step::create, save_step::write, save_step::sync, save_step::rename}) {
    for (const int nth : {0, 2}) {
      if (nth == 2 && step != save_step::write) continue;  // the last piece's write fails
      failing_step = step;
      calls_before_failure = nth;
      hook_guard guard(&fail_at_step);
      EXPECT_THROW(write_pieces(), gt::io_error) << "step " << static_cast<int>(step);
      EXPECT_EQ(goaltrack_test::read_text(path), "old") << "step " << static_cast<int>(step);
      EXPECT_EQ(entries(dir), 1U) << "a temporary was left behind at step "
                                  << static_cast<int>(step);
    }
  }
  {  // abandoned: an exception while the content is made, before commit()
    gt::file_writer out(path);
    out.write(piece);
    EXPECT_EQ(entries(dir), 2U);  // the temporary, beside the old file
  }
  EXPECT_EQ(goaltrack_test::read_text(path), "old");
  EXPECT_EQ(entries(dir), 1U) << "an abandoned writer left its temporary behind";
  write_pieces();
  EXPECT_EQ(goaltrack_test::read_text(path), piece + "|" + piece);
  EXPECT_EQ(entries(dir), 1U);
  fs::remove_all(dir);
}

TEST(atomic_save, a_finished_file_writer_refuses_more) {
  using gt::detail::save_step;
  const fs::path dir = fresh_dir("atomic-file-writer-done");
  const fs::path path = dir / "out.txt";
  gt::file_writer done(path);
  done.write("new");
  done.commit();
  EXPECT_THROW(done.write("more"), std::logic_error);
  EXPECT_THROW(done.commit(), std::logic_error);
  EXPECT_EQ(goaltrack_test::read_text(path), "new");
  gt::file_writer failed(path);
  failing_step = save_step::write;
  calls_before_failure = 0;
  {
    hook_guard guard(&fail_at_step);
    EXPECT_THROW(failed.write("x"), gt::io_error);
  }
  EXPECT_THROW(failed.write("x"), std::logic_error);
  EXPECT_THROW(failed.commit(), std::logic_error);
  gt::file_writer moved(path);
  moved.write("moved");
  gt::file_writer taker(std::move(moved));
  // NOLINTNEXTLINE(bugprone-use-after-move,clang-analyzer-cplusplus.Move): documented
  EXPECT_THROW(moved.write("x"), std::logic_error);
  taker.commit();
  EXPECT_EQ(goaltrack_test::read_text(path), "moved");
  EXPECT_THROW(gt::file_writer{dir}, gt::io_error);  // a directory is never replaced
  EXPECT_EQ(entries(dir), 1U);
  fs::remove_all(dir);
}

TEST(atomic_save, a_save_killed_at_random_points_leaves_the_old_or_the_new_plan) {
  const fs::path dir = fresh_dir("atomic-kill");
  const fs::path path = dir / "plan.gtk";
  goaltrack_test::random_plan_shape big;
  big.max_members = 20000;
  big.max_collectives = 500;
  big.max_targets = 2000;
  big.max_measurements = 60000;
  const gt::plan plans[2] = {goaltrack_test::random_plan(31, big),
                             goaltrack_test::random_plan(32, big)};
  gt::save(plans[0], path, gt::archive_format::binary);
  // How long one save takes, to spread the kills over it.
  const auto t0 = std::chrono::steady_clock::now();
  gt::save(plans[0], path, gt::archive_format::binary);
  const auto save_us =
      std::chrono::duration_cast<std::chrono::microseconds>(std::chrono::steady_clock::now() - t0)
          .count();
  goaltrack_test::random_source r(2024);
  int current = 0;  // the plan the file holds
  int killed_mid_save = 0;
  // Fewer under a sanitizer, where each save takes several times longer (sanitized.hpp).
  constexpr int runs = goaltrack_test::under_sanitizer ? 60 : 200;
  for (int run = 0; run < runs; ++run) {
    const int next = 1 - current;
    const pid_t child = ::fork();
    ASSERT_GE(child, 0);
    if (child == 0) {
      try {
        gt::save(plans[next], path, gt::archive_format::binary);
      } catch (...) {
        ::_exit(2);
      }
      ::_exit(0);
    }
    const auto delay = static_cast<long>(r.below(static_cast<std::size_t>(save_us * 5 / 4 + 1)));
    std::this_thread::sleep_for(std::chrono::microseconds(delay));
    ::kill(child, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(child, &status, 0), child);
    const bool finished = WIFEXITED(status);
    if (finished) {
      ASSERT_EQ(WEXITSTATUS(status), 0);
    } else {
      ++killed_mid_save;
    }
    const gt::plan loaded = gt::load(path);
    if (loaded == plans[next]) {
      current = next;
    } else {
      ASSERT_TRUE(loaded == plans[current])
          << "run " << run << ": neither the old nor the new plan";
      ASSERT_FALSE(finished) << "run " << run << ": the save finished but the file is old";
    }
    // Temporaries of killed saves stay (a killed process cannot clean up); remove them.
    for (const auto& e : fs::directory_iterator(dir)) {
      if (e.path() != path) fs::remove(e.path());
    }
  }
  RecordProperty("killed_mid_save", killed_mid_save);
  EXPECT_GT(killed_mid_save, runs / 4) << "the kills should land during saves";
  fs::remove_all(dir);
}
