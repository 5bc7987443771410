#include "goaltrack/measurement.hpp"

#include <gtest/gtest.h>

#include <cmath>
#include <limits>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {
namespace {

class measurement_test : public ::testing::Test {
 protected:
  void SetUp() override {
    owner = p.org().add_collective("SGD", "", "department");
    count = p.add_target(target::quantity("PRIZES", "", owner, period::school_year(2019))
                             .at_least(600)
                             .counting("học sinh"));
    rate = p.add_target(
        target::ratio("TRANSITION", "", owner, period::school_year(2019)).at_least(0.55));
    done = p.add_target(
        target::milestone("HAPPY", "", owner, period::year(2021), {"pilot", "scale up"}));
  }
  plan p;
  collective_id owner;
  target_id count, rate, done;
};

TEST_F(measurement_test, stores_columns_and_annotations) {
  p.add_measurement(
      {count, make_date(2020, 5, 31), 623, 1, "Báo cáo tổng kết", "cấp tỉnh và quốc gia"});
  p.add_measurement({rate, make_date(2020, 7, 15), 7425, 12780, "", ""});
  const measurement_table& m = p.measurements();
  ASSERT_EQ(m.size(), 2U);
  EXPECT_EQ(m.at(0).source, "Báo cáo tổng kết");
  EXPECT_EQ(m.at(0).on, make_date(2020, 5, 31));
  EXPECT_DOUBLE_EQ(m.at(1).denominator, 12780);
  EXPECT_DOUBLE_EQ(m.at(0).denominator, 1);
  EXPECT_EQ(m.days()[0], day_number(make_date(2020, 5, 31)));
  EXPECT_THROW((void)m.at(2), not_found);
}

TEST_F(measurement_test, bulk_columns_are_all_or_nothing) {
  const std::vector<target_id> targets{count, count, done};
  const std::vector<date> dates{make_date(2020, 1, 1), make_date(2020, 2, 1),
                                make_date(2021, 3, 1)};
  p.add_measurements(targets, dates, std::vector<double>{100, 200, 1});
  EXPECT_EQ(p.measurements().size(), 3U);
  const plan before = p;
  // Row 2 is bad (milestone value above its two items): nothing of the batch is added.
  EXPECT_THROW(p.add_measurements(targets, dates, std::vector<double>{1, 2, 3}), invalid_argument);
  EXPECT_THROW(p.add_measurements(targets, dates, std::vector<double>{1, 2}), invalid_argument);
  EXPECT_EQ(p, before);
}

TEST_F(measurement_test, columns_are_taken_over_or_appended) {
  const std::int32_t d1 = day_number(make_date(2020, 1, 1));
  measurement_columns bad{{count, done}, {d1, d1}, {5, 7}, {}};  // a milestone of 2 items done 7
  const plan empty = p;
  EXPECT_THROW(p.add_measurements(std::move(bad)), invalid_argument);
  EXPECT_EQ(p, empty);
  EXPECT_EQ(bad.values.size(), 2U);  // unchanged on error
  // Into an empty plan: the columns become the plan's (the ones only denominator dropped).
  measurement_columns first{{count, done}, {d1, d1}, {5, 1}, {1, 1}};
  p.add_measurements(std::move(first));
  EXPECT_TRUE(first.targets.empty());
  EXPECT_EQ(p.measurements().size(), 2U);
  EXPECT_TRUE(p.measurements().denominators().empty());
  // Appended, with a ratio's denominator: the column appears, ones before.
  p.add_measurements(measurement_columns{{rate}, {d1}, {3}, {4}});
  ASSERT_EQ(p.measurements().denominators().size(), 3U);
  EXPECT_DOUBLE_EQ(p.measurements().denominators()[0], 1);
  EXPECT_DOUBLE_EQ(p.measurements().denominators()[2], 4);
  EXPECT_EQ(p.measurements().targets()[2], rate);
}

TEST_F(measurement_test, rejects_bad_values_naming_the_target) {
  const plan before = p;
  const auto message = [&](const measurement& m) -> std::string {
    try {
      p.add_measurement(m);
    } catch (const error& e) {
      return e.what();
    }
    return "(accepted)";
  };
  const double inf = std::numeric_limits<double>::infinity();
  EXPECT_NE(message({count, make_date(2020, 1, 1), std::nan(""), 1, "", ""}).find("'PRIZES'"),
            std::string::npos);
  EXPECT_NE(message({count, make_date(2020, 1, 1), inf, 1, "", ""}).find("finite"),
            std::string::npos);
  EXPECT_NE(message({count, make_date(2020, 1, 1), 2.5, 1, "", ""}).find("whole"),
            std::string::npos);
  EXPECT_NE(message({rate, make_date(2020, 1, 1), 5, 0, "", ""}).find("'TRANSITION'"),
            std::string::npos);
  EXPECT_NE(message({rate, make_date(2020, 1, 1), 5, -2, "", ""}), "(accepted)");
  EXPECT_NE(message({target_id{99}, make_date(2020, 1, 1), 5, 1, "", ""}).find("99"),
            std::string::npos);
  EXPECT_THROW(p.add_measurement({target_id{99}, make_date(2020, 1, 1), 5, 1, "", ""}), not_found);
  EXPECT_EQ(p, before);
}

}  // namespace
}  // namespace goaltrack
