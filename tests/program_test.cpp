#include "goaltrack/program.hpp"

#include <gtest/gtest.h>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {
namespace {

TEST(program, cascade_of_programs_implementing_parents) {
  plan p;
  const auto province = p.org().add_collective("TU", "Tỉnh ủy", "province");
  const auto dept = p.org().add_collective("SGD", "Sở GD-ĐT", "department");
  const program_id ctr190 =
      p.add_program({"CTr-190", "190-CTr/TU", "Tỉnh ủy", "Chương trình hành động số 190",
                     period::year(2020), province, std::nullopt});
  const program_id plan2020 =
      p.add_program({"KH-SGD-2020", "", "Sở GD-ĐT", "Kế hoạch thực hiện Chương trình 190",
                     period::year(2020), dept, ctr190});
  EXPECT_EQ(p.get(plan2020).parent, ctr190);
  EXPECT_EQ(p.get(ctr190).number, "190-CTr/TU");
  EXPECT_EQ(p.find_program("KH-SGD-2020"), plan2020);
  EXPECT_EQ(p.programs().size(), 2U);
}

TEST(program, rejects_bad_references_leaving_the_plan_unchanged) {
  plan p;
  const auto dept = p.org().add_collective("SGD", "", "department");
  p.add_program({"A", "", "", "", period::year(2020), dept, std::nullopt});
  const plan before = p;
  EXPECT_THROW(p.add_program({"A", "", "", "", period::year(2020), dept, std::nullopt}),
               duplicate_error);
  EXPECT_THROW(p.add_program({"B", "", "", "", period::year(2020), collective_id{5}, std::nullopt}),
               not_found);
  EXPECT_THROW(p.add_program({"C", "", "", "", period::year(2020), dept, program_id{7}}),
               not_found);
  EXPECT_THROW(p.add_program({"", "", "", "", period::year(2020), dept, std::nullopt}),
               invalid_argument);
  EXPECT_EQ(p, before);
}

}  // namespace
}  // namespace goaltrack
