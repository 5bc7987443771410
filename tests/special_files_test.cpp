// Paths that are not plain files, for every entry point that takes a path: save writes
// through a symbolic link (the link stays a link) and never renames over a device, FIFO
// or directory; load, import_csv and export_csv refuse FIFOs, directories and devices
// (without blocking on a FIFO) and name a dangling link as such.

#include <gtest/gtest.h>
#include <sys/stat.h>
#include <unistd.h>

#include <filesystem>
#include <fstream>
#include <string>

#include "fresh_dir.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/io/archive.hpp"
#include "goaltrack/io/csv.hpp"
#include "random_plan.hpp"

namespace gt = goaltrack;
namespace fs = std::filesystem;

namespace {

using goaltrack_test::fresh_dir;

void make_fifo(const fs::path& p) { ASSERT_EQ(::mkfifo(p.c_str(), 0600), 0); }

// The message of the io_error that f throws.
template <class F>
std::string io_refusal(F&& f) {
  try {
    f();
  } catch (const gt::io_error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no io_error";
  return {};
}

bool mentions(const std::string& message, const std::string& text) {
  return message.find(text) != std::string::npos;
}

}  // namespace

TEST(special_files, save_through_a_link_replaces_the_file_it_points_to) {
  const fs::path dir = fresh_dir("save-link");
  const gt::plan a = goaltrack_test::random_plan(1);
  const gt::plan b = goaltrack_test::random_plan(2);
  fs::create_directories(dir / "real");
  gt::save(a, dir / "real" / "plan.gtk", gt::archive_format::binary);
  fs::create_symlink("real/plan.gtk", dir / "link.gtk");  // relative to the link's folder
  fs::create_symlink(dir / "link.gtk", dir / "link2.gtk");
  gt::save(b, dir / "link2.gtk", gt::archive_format::text);
  EXPECT_TRUE(fs::is_symlink(dir / "link.gtk"));
  EXPECT_TRUE(fs::is_symlink(dir / "link2.gtk"));
  EXPECT_EQ(gt::load(dir / "real" / "plan.gtk"), b);
  // A link to a file not yet there: the file is created, the link kept.
  fs::create_symlink("real/new.gtk", dir / "new-link.gtk");
  gt::save(a, dir / "new-link.gtk", gt::archive_format::binary);
  EXPECT_TRUE(fs::is_symlink(dir / "new-link.gtk"));
  EXPECT_EQ(gt::load(dir / "real" / "new.gtk"), a);
  fs::remove_all(dir);
}

TEST(special_files, save_never_replaces_a_fifo_a_directory_or_a_device) {
  const fs::path dir = fresh_dir("save-special");
  const gt::plan p = goaltrack_test::random_plan(3);
  make_fifo(dir / "fifo");
  EXPECT_TRUE(mentions(io_refusal([&] { gt::save(p, dir / "fifo", gt::archive_format::text); }),
                       "it is a FIFO"));
  EXPECT_TRUE(fs::is_fifo(dir / "fifo"));
  fs::create_directories(dir / "folder");
  EXPECT_TRUE(mentions(io_refusal([&] { gt::save(p, dir / "folder", gt::archive_format::text); }),
                       "it is a directory"));
  fs::create_symlink("fifo", dir / "to-fifo");
  EXPECT_TRUE(mentions(io_refusal([&] { gt::save(p, dir / "to-fifo", gt::archive_format::text); }),
                       "a FIFO"));
  // /dev/null is a character device on every Linux: as root, renaming over it would
  // have replaced the device node.
  EXPECT_TRUE(
      mentions(io_refusal([] { gt::save(gt::plan(), "/dev/null", gt::archive_format::text); }),
               "it is a character device"));
  struct ::stat st {};
  ASSERT_EQ(::stat("/dev/null", &st), 0);
  EXPECT_TRUE(S_ISCHR(st.st_mode));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 3);  // no temp
  fs::remove_all(dir);
}

TEST(special_files, load_refuses_a_fifo_without_blocking_and_names_a_dangling_link) {
  const fs::path dir = fresh_dir("load-special");
  make_fifo(dir / "fifo.gtk");
  EXPECT_TRUE(mentions(io_refusal([&] { (void)gt::load(dir / "fifo.gtk"); }), "it is a FIFO"));
  fs::create_symlink("gone.gtk", dir / "dangling.gtk");
  EXPECT_TRUE(
      mentions(io_refusal([&] { (void)gt::load(dir / "dangling.gtk"); }),
               "a symbolic link to '" + (dir / "gone.gtk").string() + "', which does not exist"));
  fs::remove_all(dir);
}

TEST(special_files, import_csv_refuses_csv_entries_that_are_not_files) {
  const fs::path dir = fresh_dir("import-special");
  gt::export_csv(goaltrack_test::random_plan(4), dir);
  const gt::plan good = gt::import_csv(dir);
  fs::remove(dir / "targets.csv");
  make_fifo(dir / "targets.csv");
  EXPECT_TRUE(
      mentions(io_refusal([&] { (void)gt::import_csv(dir); }), "targets.csv: it is a FIFO"));
  fs::remove(dir / "targets.csv");
  fs::create_directories(dir / "targets.csv");
  EXPECT_TRUE(mentions(io_refusal([&] { (void)gt::import_csv(dir); }), "it is a directory"));
  fs::remove(dir / "targets.csv");
  fs::create_symlink("elsewhere/targets.csv", dir / "targets.csv");
  EXPECT_TRUE(mentions(io_refusal([&] { (void)gt::import_csv(dir); }), "which does not exist"));
  // Once the link leads to a real file, it is read through.
  gt::export_csv(good, dir / "elsewhere");
  EXPECT_EQ(gt::import_csv(dir), good);
  fs::remove_all(dir);
}

TEST(special_files, export_csv_refuses_to_write_into_a_fifo) {
  const fs::path dir = fresh_dir("export-special");
  make_fifo(dir / "tasks.csv");
  EXPECT_TRUE(mentions(io_refusal([&] { gt::export_csv(goaltrack_test::random_plan(5), dir); }),
                       "tasks.csv: it is a FIFO"));
  EXPECT_TRUE(fs::is_fifo(dir / "tasks.csv"));
  fs::remove_all(dir);
}
