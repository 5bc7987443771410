#include <gtest/gtest.h>

#include <string>

#include "goaltrack/goaltrack.hpp"  // the umbrella header compiles on its own

namespace goaltrack {
namespace {

TEST(version, library_matches_header_macros) {
  const std::string expected = std::to_string(GOALTRACK_VERSION_MAJOR) + "." +
                               std::to_string(GOALTRACK_VERSION_MINOR) + "." +
                               std::to_string(GOALTRACK_VERSION_PATCH);
  EXPECT_EQ(version(), expected);
  EXPECT_EQ(GOALTRACK_VERSION, GOALTRACK_VERSION_MAJOR * 10000 + GOALTRACK_VERSION_MINOR * 100 +
                                   GOALTRACK_VERSION_PATCH);
}

}  // namespace
}  // namespace goaltrack
