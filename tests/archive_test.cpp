// goaltrack/io/archive.hpp: round trips over random plans, the envelope, limits, errors.

#include "goaltrack/io/archive.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <fstream>
#include <sstream>

#include "archive_golden.hpp"
#include "goaltrack/error.hpp"
#include "io/archive_payload.hpp"
#include "io/archive_snapshot.hpp"
#include "io/crc32c.hpp"
#include "io/payload_buf.hpp"
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
  for (const gt::archive_format f : all_formats)
    EXPECT_TRUE(from_bytes(to_bytes(gt::plan{}, f)) == gt::plan{});
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
  EXPECT_THROW(gt::save(gt::plan{}, "/nonexistent/dir/plan.gtk", gt::archive_format::binary),
               gt::io_error);
}

TEST(archive, not_a_goaltrack_file_is_a_format_error) {
  EXPECT_THROW((void)from_bytes(""), gt::format_error);
  EXPECT_THROW((void)from_bytes("hello, world; this is some text of more than thirty-two bytes"),
               gt::format_error);
}

TEST(archive, newer_format_version_is_refused_saying_so) {
  std::string bytes = to_bytes(gt::plan{}, gt::archive_format::binary);
  const std::uint32_t newer = gt::archive_format_version + 1;
  // The header checksum left as it is: the version is checked first.
  bytes[8] = static_cast<char>(newer);
  try {
    (void)from_bytes(bytes);
    FAIL();
  } catch (const gt::format_error& e) {
    const std::string said = "version " + std::to_string(newer) + ", newer than version " +
                             std::to_string(gt::archive_format_version);
    EXPECT_NE(std::string(e.what()).find(said), std::string::npos) << e.what();
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
  for (std::uint64_t seed = 1; p.org().member_count() < 5; ++seed)
    p = goaltrack_test::random_plan(seed, shape);
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
  // The cap on ratings counts them over every round.
  gt::plan rated;
  const auto c = rated.org().add_collective("C", "", "cell");
  const gt::member_id m = rated.org().add_member("M", "", c);
  const gt::scale_id s = rated.add_scale(gt::rating_scale::vietnamese_default());
  for (int year = 2020; year < 2023; ++year) {
    const gt::round_id r = rated.add_round(s, gt::period::year(year));
    rated.rate(r, m, gt::rating_level(1));
  }
  gt::load_limits two_ratings;
  two_ratings.ratings = 2;
  for (const gt::archive_format f : all_formats) {
    try {
      (void)from_bytes(to_bytes(rated, f), two_ratings);
      FAIL() << gt::to_string(f);
    } catch (const gt::corrupt_error& e) {
      EXPECT_NE(std::string(e.what()).find("3 ratings exceed the limit of 2"), std::string::npos)
          << e.what();
    }
    two_ratings.ratings = 3;
    EXPECT_TRUE(from_bytes(to_bytes(rated, f), two_ratings) == rated);
    two_ratings.ratings = 2;
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
      ASSERT_EQ(goaltrack::detail::crc32c_portable(0, p, n), want)
          << "offset " << offset << " length " << n;
      const std::size_t half = n / 2;
      ASSERT_EQ(
          goaltrack::detail::crc32c(goaltrack::detail::crc32c(0, p, half), p + half, n - half),
          want);
    }
  }
  // Lengths around the blocks the crc32 instruction works in by three (3 x 8 KiB).
  std::string large(100000, '\0');
  for (char& c : large) c = static_cast<char>((x = x * 1103515245U + 12345U) >> 24);
  for (const std::size_t n : {24575UL, 24576UL, 24577UL, 49159UL, 100000UL}) {
    const std::uint32_t want = goaltrack::detail::crc32c_portable(0, large.data(), n);
    ASSERT_EQ(goaltrack::detail::crc32c(0, large.data(), n), want) << "length " << n;
    ASSERT_EQ(goaltrack::detail::crc32c(goaltrack::detail::crc32c(0, large.data(), 5),
                                        large.data() + 5, n - 5),
              want);
  }
  EXPECT_EQ(goaltrack::detail::crc32c_portable(0, large.data(), 30000),
            goaltrack_test::crc32c_reference(large.data(), 30000));
}

// A binary file is checksummed, then parsed as it is read again: bytes that no longer
// match the checksum of the first pass (the file changed in between) are refused.
TEST(archive, binary_payload_that_changed_between_passes_is_refused) {
  const gt::plan p = goaltrack_test::random_plan(5);
  const std::string bytes = to_bytes(p, gt::archive_format::binary);
  const std::string payload = bytes.substr(32);
  const std::uint32_t crc = goaltrack::detail::crc32c(0, payload.data(), payload.size());
  std::istringstream same(payload);
  EXPECT_TRUE(goaltrack::detail::read_binary_payload(
                  same, payload.size(), crc, gt::archive_format_version, {}, 32, "f.gtk") == p);
  std::istringstream changed(payload);
  try {
    (void)goaltrack::detail::read_binary_payload(changed, payload.size(), crc ^ 1U,
                                                 gt::archive_format_version, {}, 32, "f.gtk");
    ADD_FAILURE() << "a changed payload was accepted";
  } catch (const gt::corrupt_error& e) {
    EXPECT_NE(std::string(e.what()).find("changed while it was being loaded"), std::string::npos)
        << e.what();
  }
}

// The chunked payload buffer hands out the same bytes as one over memory, whatever the
// chunk size and however reads straddle chunks, and checksums what it took.
TEST(archive, payload_buffer_reads_across_chunks) {
  std::string bytes(3000, '\0');
  std::uint32_t x = 7;
  for (char& c : bytes) c = static_cast<char>((x = x * 1103515245U + 12345U) >> 24);
  for (const std::size_t chunk : {1UL, 2UL, 7UL, 64UL, 1000UL, 5000UL}) {
    std::istringstream in(bytes);
    goaltrack::detail::payload_buf buf(in, bytes.size(), chunk);
    std::string got;
    std::size_t step = 1;
    while (buf.remaining() > 0) {
      const std::size_t n = std::min<std::size_t>(step, static_cast<std::size_t>(buf.remaining()));
      std::string part(n, '\0');
      if (step % 3 == 0) {
        ASSERT_EQ(buf.sgetn(part.data(), static_cast<std::streamsize>(n)),
                  static_cast<std::streamsize>(n));
      } else {
        ASSERT_TRUE(buf.read(part.data(), n)) << "chunk " << chunk;
      }
      got += part;
      step = step % 97 + 5;
    }
    EXPECT_EQ(got, bytes) << "chunk " << chunk;
    EXPECT_TRUE(buf.complete());
    EXPECT_EQ(buf.stream_crc(), goaltrack::detail::crc32c(0, bytes.data(), bytes.size()));
    char more = 0;
    EXPECT_FALSE(buf.read(&more, 1));
  }
  // A stream shorter than announced: reads fail at its end, and it is not complete.
  std::istringstream short_in(bytes.substr(0, 100));
  goaltrack::detail::payload_buf cut(short_in, bytes.size(), 64);
  std::string part(150, '\0');
  EXPECT_FALSE(cut.read(part.data(), part.size()));
  EXPECT_FALSE(cut.complete());
  // Nothing announced: reads of nothing succeed, of anything fail, Boost's too.
  std::istringstream none_in("");
  goaltrack::detail::payload_buf none(none_in, 0);
  EXPECT_TRUE(none.read(part.data(), 0));
  EXPECT_FALSE(none.read(part.data(), 1));
  EXPECT_EQ(none.sgetn(part.data(), 4), 0);
  EXPECT_TRUE(none.complete());
}

// A plan with enough members for the loader to add them on its second thread, with a
// round of their ratings (which waits for them) and a policy naming the round.
TEST(archive, many_members_load_on_a_second_thread) {
  gt::plan p;
  const gt::collective_id cell = p.org().add_collective("CELL", "", "cell");
  const std::size_t n = goaltrack::detail::plan_builder::threaded_members + 10;
  std::vector<std::string> codes;
  for (std::size_t i = 0; i < n; ++i) codes.push_back("m" + std::to_string(100000 + i));
  std::vector<gt::member_spec> specs;
  for (const std::string& c : codes) specs.push_back({c, "", cell});
  p.org().add_members(specs);
  const gt::scale_id scale = p.add_scale(gt::rating_scale::vietnamese_default());
  const gt::round_id round = p.add_round(scale, gt::period::year(2021));
  for (std::uint32_t i = 0; i < n; i += 3) p.rate(round, gt::member_id(i), gt::rating_level(i % 4));
  gt::evaluation_policy policy;
  policy.rating_summaries.push_back({round, gt::rating_level(1), "cell"});
  p.add_policy("P", policy);
  p.add_target(gt::target::quantity("T", "", cell, gt::period::year(2021)).at_least(1));
  const auto path = temp_dir() / "many_members.gtk";
  gt::save(p, path, gt::archive_format::binary);
  EXPECT_TRUE(gt::load(path) == p);
  // A repeated member code is still found, and named.
  std::string bytes(std::filesystem::file_size(path), '\0');
  std::ifstream(path, std::ios::binary)
      .read(bytes.data(), static_cast<std::streamsize>(bytes.size()));
  const std::string last_two = codes[n - 2] + codes[n - 1];
  const std::size_t at = bytes.find(last_two);
  ASSERT_NE(at, std::string::npos);
  bytes.replace(at + codes[n - 2].size(), codes[n - 1].size(), codes[n - 2]);
  goaltrack_test::fix_envelope(bytes);
  std::ofstream(path, std::ios::binary) << bytes;
  try {
    (void)gt::load(path);
    ADD_FAILURE() << "a repeated member code was accepted";
  } catch (const gt::corrupt_error& e) {
    EXPECT_NE(std::string(e.what()).find(codes[n - 2]), std::string::npos) << e.what();
  }
  std::filesystem::remove(path);
}

TEST(archive, format_names) {
  EXPECT_EQ(gt::to_string(gt::archive_format::text), "text");
  EXPECT_EQ(gt::to_string(gt::archive_format::xml), "xml");
  EXPECT_EQ(gt::to_string(gt::archive_format::binary), "binary");
}
