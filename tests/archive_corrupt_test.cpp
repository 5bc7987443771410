// Damaged files: every truncation and every single-bit flip of the golden files, in
// every archive kind, loads to the plan or to a typed goaltrack::file_error; never a
// crash, a hang, another exception or a sanitizer report. Each is run twice: as damaged,
// and with the envelope's length and checksums recomputed after the damage (a hostile
// file carries valid checksums: the payload parser must stand on its own). Under a
// sanitizer one bit of each byte is flipped instead of all eight (sanitized.hpp).

#include <gtest/gtest.h>
#include <unistd.h>

#include <fstream>
#include <sstream>

#include "archive_golden.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/io/archive.hpp"
#include "sanitized.hpp"

namespace gt = goaltrack;

namespace {

std::string read_file(const std::filesystem::path& path) {
  std::string bytes(static_cast<std::size_t>(std::filesystem::file_size(path)), '\0');
  std::ifstream in(path, std::ios::binary);
  in.read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  return bytes;
}

using goaltrack_test::fix_envelope;

struct outcome {
  std::size_t equal = 0, format = 0, corrupt = 0;
};

void load_damaged(const std::string& bytes, const gt::plan& expected, outcome& o,
                  const std::string& what) {
  std::istringstream in(bytes, std::ios::binary);
  try {
    const gt::plan p = gt::load(in);
    // A flip may land on a byte that does not change the plan (white space in XML), or
    // change it to another valid plan: both are fine as long as it loaded.
    if (p == expected) ++o.equal;
  } catch (const gt::format_error&) {
    ++o.format;
  } catch (const gt::corrupt_error&) {
    ++o.corrupt;
  } catch (const std::exception& e) {
    ADD_FAILURE() << what << ": untyped exception " << e.what();
  } catch (...) {
    ADD_FAILURE() << what << ": unknown exception";
  }
}

void damage_every_way(gt::archive_format f, bool fix, std::uint32_t version) {
  SCOPED_TRACE("format version " + std::to_string(version));
  const std::string good = read_file(goaltrack_test::golden_file(f, version));
  ASSERT_GT(good.size(), 32U);
  const gt::plan expected = goaltrack_test::golden_plan(version);
  outcome o;
  for (std::size_t len = 0; len < good.size(); ++len) {
    std::string b = good.substr(0, len);
    if (fix) fix_envelope(b);
    load_damaged(b, expected, o, "truncated to " + std::to_string(len));
  }
  goaltrack_test::for_each_flip(
      0, good.size(),
      [&](std::size_t bit) {
        std::string b = good;
        b[bit / 8] = static_cast<char>(b[bit / 8] ^ (1 << (bit % 8)));
        if (fix && bit / 8 >= 32) fix_envelope(b);
        load_damaged(b, expected, o, "bit " + std::to_string(bit) + " flipped");
      },
      version == gt::archive_format_version);
  ::testing::Test::RecordProperty("loaded_equal", static_cast<int>(o.equal));
  ::testing::Test::RecordProperty("corrupt_errors", static_cast<int>(o.corrupt));
  // Without fixing, the checksums catch every damage.
  if (!fix) {
    EXPECT_EQ(o.equal, 0U);
  }
  EXPECT_GT(o.corrupt, 0U);
}

// The golden files of every version, damaged: every bit of the newest version's, one bit
// of each byte of the older ones' (whose readers are frozen, and were damaged bit by
// bit while they were the newest).
void damage_every_version(gt::archive_format f, bool fix) {
  for (const std::uint32_t version : goaltrack_test::golden_versions)
    damage_every_way(f, fix, version);
}

}  // namespace

TEST(archive_corrupt, text_as_damaged) { damage_every_version(gt::archive_format::text, false); }
TEST(archive_corrupt, text_with_checksums_fixed) {
  damage_every_version(gt::archive_format::text, true);
}
TEST(archive_corrupt, xml_as_damaged) { damage_every_version(gt::archive_format::xml, false); }
TEST(archive_corrupt, xml_with_checksums_fixed) {
  damage_every_version(gt::archive_format::xml, true);
}
TEST(archive_corrupt, binary_as_damaged) {
  damage_every_version(gt::archive_format::binary, false);
}
TEST(archive_corrupt, binary_with_checksums_fixed) {
  damage_every_version(gt::archive_format::binary, true);
}

// A binary file given by path is read in chunks, twice (archive.cpp), not from memory:
// the golden file with every bit flip and every seventh truncation (checksums forged)
// gets the same outcome either way.
TEST(archive_corrupt, binary_through_a_path_as_through_a_stream) {
  const std::string good = read_file(
      goaltrack_test::golden_file(gt::archive_format::binary, gt::archive_format_version));
  const auto path = std::filesystem::temp_directory_path() /
                    ("goaltrack-corrupt-" + std::to_string(::getpid()) + ".gtk");
  // 0: loaded (the plan's checksum-free text form compared), 1: format_error, 2: corrupt_error.
  const auto outcome_of = [](auto load) -> std::pair<int, std::string> {
    try {
      std::ostringstream text;
      gt::save(load(), text, gt::archive_format::text);
      return {0, text.str()};
    } catch (const gt::format_error&) {
      return {1, ""};
    } catch (const gt::corrupt_error&) {
      return {2, ""};
    }
  };
  std::size_t compared = 0;
  const auto compare = [&](std::string b, const std::string& what) {
    fix_envelope(b);
    std::ofstream(path, std::ios::binary | std::ios::trunc) << b;
    const auto via_stream = outcome_of([&] {
      std::istringstream in(b, std::ios::binary);
      return gt::load(in);
    });
    const auto via_path = outcome_of([&] { return gt::load(path); });
    EXPECT_EQ(via_path, via_stream) << what;
    ++compared;
  };
  for (std::size_t len = 32; len < good.size(); len += 7) compare(good.substr(0, len), "truncated");
  goaltrack_test::for_each_flip(32, good.size(), [&](std::size_t bit) {
    std::string b = good;
    b[bit / 8] = static_cast<char>(b[bit / 8] ^ (1 << (bit % 8)));
    compare(b, "bit " + std::to_string(bit) + " flipped");
  });
  std::filesystem::remove(path);
  EXPECT_GT(compared, goaltrack_test::under_sanitizer ? 2500U : 20000U);
}
