// Assessments (assessment.hpp): judgements made by hand, kept beside the computed status,
// through evaluation, archives and CSV.

#include "goaltrack/assessment.hpp"

#include <gtest/gtest.h>

#include <limits>
#include <sstream>
#include <string>

#include "goaltrack/error.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/io/archive.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {
namespace {

date d(int y, int m, int day) { return make_date(y, m, day); }

class assessments : public ::testing::Test {
 protected:
  void SetUp() override {
    dept = p.org().add_collective("SGD", "Sở GD-ĐT", "department");
    prizes = p.add_target(
        target::quantity("PRIZES", "Học sinh giỏi", dept, period::year(2021)).at_least(600));
    p.add_measurement({prizes, d(2021, 6, 30), 250, 1, "", ""});
  }
  plan p;
  collective_id dept;
  target_id prizes;
};

// A self-assessment sits beside the computed status and never changes it or the roll-ups;
// the one in force is the latest made on or before the day (on one day, the last added).
TEST_F(assessments, the_one_in_force_is_shown_beside_the_computed_status) {
  p.add_assessment({prizes, d(2021, 7, 1), "on_track", std::nullopt, "Phòng GD", "mid-year"});
  p.add_assessment({prizes, d(2021, 12, 20), "achieved", 0.9, "Ban giám đốc", "draft"});
  p.add_assessment({prizes, d(2021, 12, 20), "achieved", 1.0, "Ban giám đốc", "623 prizes"});
  EXPECT_FALSE(evaluate(p, d(2021, 6, 30)).target(prizes).assessment);
  const target_result mid = evaluate(p, d(2021, 9, 30)).target(prizes);
  ASSERT_TRUE(mid.assessment);
  EXPECT_EQ(mid.assessment->status, "on_track");
  EXPECT_EQ(mid.status, target_status::off_track);  // 250 of 600 as of 30 September
  const evaluation end = evaluate(p, d(2021, 12, 31));
  const target_result r = end.target(prizes);
  ASSERT_TRUE(r.assessment);
  EXPECT_EQ(r.assessment->reason, "623 prizes");
  EXPECT_EQ(r.assessment->score, 1.0);
  EXPECT_EQ(r.assessment->by, "Ban giám đốc");
  EXPECT_EQ(r.status, target_status::off_track);
  EXPECT_EQ(end.collective(dept).own_targets.statuses[target_status::achieved], 0U);
}

TEST_F(assessments, bad_assessments_are_refused_naming_the_target) {
  const auto refused = [&](const assessment& a, const std::string& words) {
    try {
      p.add_assessment(a);
      ADD_FAILURE() << "accepted";
    } catch (const error& e) {
      const std::string msg = e.what();
      EXPECT_NE(msg.find(words), std::string::npos) << msg;
    }
  };
  refused({target_id(7), d(2021, 1, 1), "achieved", {}, "", ""}, "unknown target id 7");
  refused({prizes, d(2021, 1, 1), "", {}, "", ""}, "target 'PRIZES': status is empty");
  refused({prizes, d(2021, 1, 1), "achieved", std::numeric_limits<double>::infinity(), "", ""},
          "score is not finite");
  refused({prizes, date(), "achieved", {}, "", ""}, "on is not a day");
  refused({prizes, d(2021, 1, 1), "achieved", {}, "\xff", ""}, "by is not UTF-8");
  EXPECT_TRUE(p.assessments().empty());
}

TEST_F(assessments, they_survive_archives_and_csv) {
  p.add_assessment({prizes, d(2021, 12, 20), "green", 0.7, "Nguyễn Văn A", "tự đánh giá"});
  for (const archive_format f :
       {archive_format::text, archive_format::xml, archive_format::binary}) {
    std::stringstream file;
    save(p, file, f);
    const plan back = load(file);
    EXPECT_EQ(back, p) << to_string(f);
  }
  // load_limits::assessments caps them, naming them.
  std::stringstream file;
  save(p, file, archive_format::binary);
  load_limits limits;
  limits.assessments = 0;
  try {
    (void)load(file, limits);
    ADD_FAILURE() << "loaded past the cap";
  } catch (const error& e) {
    EXPECT_NE(std::string(e.what()).find("assessments"), std::string::npos) << e.what();
  }
  const std::vector<csv_source> files = export_csv(p);
  const plan back = import_csv(files);
  ASSERT_EQ(back.assessments().size(), 1U);
  EXPECT_EQ(back.assessments()[0], p.assessments()[0]);
}

TEST_F(assessments, a_csv_row_naming_an_unknown_target_names_file_and_line) {
  std::vector<csv_source> files = export_csv(p);
  for (csv_source& f : files) {
    if (f.name == "assessments.csv") {
      f.text = "target,date,status\nPRIZES,2021-12-20,achieved\nNONE,2021-12-20,achieved\n";
    }
  }
  try {
    (void)import_csv(files);
    FAIL();
  } catch (const csv_error& e) {
    ASSERT_FALSE(e.issues().empty());
    EXPECT_EQ(e.issues()[0].file, "assessments.csv");
    EXPECT_EQ(e.issues()[0].line, 3U);
    EXPECT_NE(e.issues()[0].message.find("'NONE' is not in targets.csv"), std::string::npos);
  }
}

}  // namespace
}  // namespace goaltrack
