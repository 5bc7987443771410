// goaltrack/io/archive.hpp: round trips over random plans, the envelope, limits, errors.

#include "goaltrack/io/archive.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "goaltrack/error.hpp"
#include "archive_golden.hpp"
#include "io/crc32c.hpp"
#include "random_plan.hpp"

namespace gt = goaltrack;

namespace {

constexpr gt::archive_format all_formats[] = {gt::archive_format::text, gt::archive_format::xml,
                                              gt::archive_format::binary};

std::string to_bytes(const gt::plan& p, gt::archive_format f) {
  std::ostringstream out(std::ios::binary);
  gt::save(p, out, f);
  return std::move(out).str();
}

gt::plan from_bytes(const std::string& bytes, const gt::load_limits& limits = {}) {
  std::istringstream in(bytes, std::ios::binary);
  return gt::load(in, limits);
}

std::filesystem::path temp_dir() {
  const auto dir = std::filesystem::temp_directory_path() /
                   ("goaltrack-archive-test-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  return dir;
}

}  // namespace

TEST(archive, round_trip_of_random_plans_in_every_format) {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    goaltrack_test::random_plan_shape shape;
    if (seed % 10 == 0) {  // now and then a bigger one
      shape.max_collectives = 60;
      shape.max_members = 400;
      shape.max_targets = 120;
      shape.max_measurements = 900;
    }
    const gt::plan p = goaltrack_test::random_plan(seed, shape);
    for (const gt::archive_format f : all_formats) {
      const gt::plan q = from_bytes(to_bytes(p, f));
      ASSERT_TRUE(q == p) << "seed " << seed << ", format " << gt::to_string(f);
    }
  }
}

TEST(archive, empty_plan_round_trips) {
  for (const gt::archive_format f : all_formats) EXPECT_TRUE(from_bytes(to_bytes(gt::plan{}, f)) == gt::plan{});
}

TEST(archive, file_round_trip_and_replace) {
  const auto dir = temp_dir();
  const auto path = dir / "plan.gtk";
  const gt::plan a = goaltrack_test::random_plan(7);
  const gt::plan b = goaltrack_test::random_plan(8);
  for (const gt::archive_format f : all_formats) {
    gt::save(a, path, f);
    EXPECT_TRUE(gt::load(path) == a);
    gt::save(b, path, f);
    EXPECT_TRUE(gt::load(path) == b);
  }
  // No temporary is left behind.
  std::size_t files = 0;
  for ([[maybe_unused]] const auto& e : std::filesystem::directory_iterator(dir)) ++files;
  EXPECT_EQ(files, 1U);
  std::filesystem::remove_all(dir);
}

TEST(archive, missing_file_is_an_io_error_naming_it) {
  try {
    (void)gt::load("/nonexistent/dir/plan.gtk");
    FAIL();
  } catch (const gt::io_error& e) {
    EXPECT_EQ(e.path(), "/nonexistent/dir/plan.gtk");
    EXPECT_NE(std::string(e.what()).find("/nonexistent/dir/plan.gtk"), std::string::npos);
  }
  EXPECT_THROW(gt::save(gt::plan{}, "/nonexistent/dir/plan.gtk", gt::archive_format::binary), gt::io_error);
}

TEST(archive, not_a_goaltrack_file_is_a_format_error) {
  EXPECT_THROW((void)from_bytes(""), gt::format_error);
  EXPECT_THROW((void)from_bytes("hello, world; this is some text of more than thirty-two bytes"),
               gt::format_error);
}

TEST(archive, newer_format_version_is_refused_saying_so) {
  std::string bytes = to_bytes(gt::plan{}, gt::archive_format::binary);
  bytes[8] = 2;  // version 2; header checksum left as it is: the version is checked first
  try {
    (void)from_bytes(bytes);
    FAIL();
  } catch (const gt::format_error& e) {
    EXPECT_NE(std::string(e.what()).find("version 2, newer than version 1"), std::string::npos) << e.what();
    EXPECT_EQ(e.offset(), 8U);
  }
}

TEST(archive, damaged_checksum_and_truncation_are_corrupt_errors) {
  const std::string bytes = to_bytes(goaltrack_test::random_plan(3), gt::archive_format::text);
  std::string flipped = bytes;
  flipped[40] = static_cast<char>(flipped[40] ^ 1);
  EXPECT_THROW((void)from_bytes(flipped), gt::corrupt_error);
  EXPECT_THROW((void)from_bytes(bytes.substr(0, bytes.size() - 1)), gt::corrupt_error);
  EXPECT_THROW((void)from_bytes(bytes.substr(0, 20)), gt::corrupt_error);
}

TEST(archive, limits_refuse_big_counts_before_allocating) {
  goaltrack_test::random_plan_shape shape;
  shape.max_members = 50;
  gt::plan p;
  for (std::uint64_t seed = 1; p.org().member_count() < 5; ++seed) p = goaltrack_test::random_plan(seed, shape);
  gt::load_limits limits;
  limits.members = 2;
  for (const gt::archive_format f : all_formats) {
    try {
      (void)from_bytes(to_bytes(p, f), limits);
      FAIL() << gt::to_string(f);
    } catch (const gt::corrupt_error& e) {
      EXPECT_NE(std::string(e.what()).find("limit of 2"), std::string::npos) << e.what();
      EXPECT_TRUE(e.offset().has_value());
    }
  }
  gt::load_limits tiny;
  tiny.payload_bytes = 10;
  EXPECT_THROW((void)from_bytes(to_bytes(p, gt::archive_format::binary), tiny), gt::corrupt_error);
}

TEST(archive, crc32c_check_value_and_forged_envelopes) {
  EXPECT_EQ(goaltrack_test::crc32c_reference("123456789", 9), 0xE3069283U);
  // An envelope forged with the reference CRC is accepted: both CRCs agree.
  std::string bytes = to_bytes(goaltrack_test::random_plan(11), gt::archive_format::binary);
  const gt::plan p = from_bytes(bytes);
  goaltrack_test::fix_envelope(bytes);
  EXPECT_TRUE(from_bytes(bytes) == p);
}

// Both implementations (the crc32 instruction where the processor has it, and the
// tables) against the bit-by-bit definition: every length up to 300 at every alignment,
// and a checksum continued across two calls.
TEST(archive, crc32c_implementations_agree_with_the_definition) {
  std::string bytes(320, '\0');
  std::uint32_t x = 12345;
  for (char& c : bytes) c = static_cast<char>((x = x * 1103515245U + 12345U) >> 24);
  for (std::size_t offset = 0; offset < 8; ++offset) {
    for (std::size_t n = 0; n + offset <= 308; ++n) {
      const char* p = bytes.data() + offset;
      const std::uint32_t want = goaltrack_test::crc32c_reference(p, n);
      ASSERT_EQ(goaltrack::detail::crc32c(0, p, n), want) << "offset " << offset << " length " << n;
      ASSERT_EQ(goaltrack::detail::crc32c_portable(0, p, n), want) << "offset " << offset << " length " << n;
      const std::size_t half = n / 2;
      ASSERT_EQ(goaltrack::detail::crc32c(goaltrack::detail::crc32c(0, p, half), p + half, n - half), want);
    }
  }
}

TEST(archive, format_names) {
  EXPECT_EQ(gt::to_string(gt::archive_format::text), "text");
  EXPECT_EQ(gt::to_string(gt::archive_format::xml), "xml");
  EXPECT_EQ(gt::to_string(gt::archive_format::binary), "binary");
}
