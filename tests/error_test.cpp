#include "goaltrack/error.hpp"

#include <gtest/gtest.h>

#include <type_traits>

namespace goaltrack {
namespace {

static_assert(std::is_base_of_v<std::invalid_argument, invalid_argument>);
static_assert(std::is_base_of_v<std::out_of_range, not_found>);
static_assert(std::is_base_of_v<invalid_argument, parse_error>);
static_assert(std::is_base_of_v<invalid_argument, duplicate_error>);
static_assert(std::is_base_of_v<invalid_argument, cycle_error>);

TEST(error, every_error_is_catchable_as_the_root_and_as_the_standard_one) {
  try {
    throw duplicate_error("collective code 'X' is used twice");
  } catch (const error& e) {
    EXPECT_STREQ(e.what(), "collective code 'X' is used twice");
  }
  try {
    throw not_found("no collective has code 'Y'");
  } catch (const std::out_of_range& e) {
    EXPECT_STREQ(e.what(), "no collective has code 'Y'");
  }
  try {
    throw cycle_error("cycle");
  } catch (const std::invalid_argument& e) {
    EXPECT_STREQ(e.what(), "cycle");
  }
}

}  // namespace
}  // namespace goaltrack

namespace goaltrack {
namespace {

static_assert(std::is_base_of_v<file_error, io_error>);
static_assert(std::is_base_of_v<file_error, format_error>);
static_assert(std::is_base_of_v<file_error, corrupt_error>);
static_assert(std::is_base_of_v<std::runtime_error, file_error>);

TEST(error, file_errors_carry_path_and_offset) {
  try {
    throw corrupt_error("plan.gtk: checksum mismatch at byte 40", "plan.gtk", 40);
  } catch (const file_error& e) {
    EXPECT_EQ(e.path(), "plan.gtk");
    EXPECT_EQ(e.offset(), 40U);
    EXPECT_STREQ(e.what(), "plan.gtk: checksum mismatch at byte 40");
  }
  const io_error no_offset("cannot open x", "x");
  EXPECT_FALSE(no_offset.offset().has_value());
}

}  // namespace
}  // namespace goaltrack
