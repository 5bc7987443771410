#include "goaltrack/language.hpp"

#include <gtest/gtest.h>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

TEST(language, iso_codes_round_trip) {
  EXPECT_EQ(to_string(language::vi), "vi");
  EXPECT_EQ(parse_language("en"), language::en);
  EXPECT_EQ(parse_language(to_string(language::vi)), language::vi);
  try {
    (void)parse_language("fr");
    FAIL();
  } catch (const parse_error& e) {
    EXPECT_NE(std::string(e.what()).find("'fr'"), std::string::npos);
  }
}

}  // namespace
}  // namespace goaltrack
