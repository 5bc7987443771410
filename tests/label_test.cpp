#include "goaltrack/label.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {
namespace {

// A department with a program, a task and a target named in Vietnamese, as the origin
// review writes them.
class label_test : public ::testing::Test {
 protected:
  void SetUp() override {
    department = p.org().add_collective("SGDDT", "Sở GD-ĐT", "department");
    program_190 =
        p.add_program({"CTr-190", "190-CTr/TU", "", "Chương trình hành động số 190-CTr/TU",
                       period::year(2020), department, std::nullopt});
    sites = p.add_target(
        target::quantity("diem-truong", "Giảm điểm trường", department, period::year(2020))
            .at_least(98));
  }
  plan p;
  collective_id department;
  program_id program_190;
  target_id sites;
};

TEST_F(label_test, a_report_names_an_entity_by_its_label_or_falls_back_to_its_own_name) {
  p.add_label({department, {}, {}, {}, language::en, "Department of Education and Training"});
  EXPECT_EQ(p.name_in(department, language::en),
            (localized_name{"Department of Education and Training", false}));
  EXPECT_EQ(p.name_in(department, language::vi), (localized_name{"Sở GD-ĐT", true}));
  EXPECT_EQ(p.name_in(sites, language::en), (localized_name{"Giảm điểm trường", true}));
  p.add_label({{}, {}, {}, sites, language::vi, "Sắp xếp mạng lưới trường lớp"});
  EXPECT_EQ(p.name_in(sites, language::vi).text, "Sắp xếp mạng lưới trường lớp");
  EXPECT_FALSE(p.label(program_190, language::en));
  EXPECT_EQ(p.code(program_190), "CTr-190");
  EXPECT_EQ(p.code(department), "SGDDT");
  EXPECT_EQ(p.name(sites), "Giảm điểm trường");
  EXPECT_EQ(p.labels().size(), 2U);
  EXPECT_EQ(p.labels()[1].entity(), entity_ref(sites));
}

TEST_F(label_test, a_target_unit_has_labels_of_its_own_beside_the_title) {
  const target_id counted =
      p.add_target(target::quantity("hsg", "Học sinh đạt giải", department, period::year(2020))
                       .at_least(600)
                       .counting("học sinh"));
  EXPECT_EQ(p.unit_in(counted, language::en), (localized_name{"học sinh", true}));
  EXPECT_EQ(p.unit_in(sites, language::en), (localized_name{"", false}));  // no unit
  p.add_labels(
      std::vector<entity_label>{{{}, {}, {}, counted, language::en, "Students winning prizes"},
                                {{}, {}, {}, counted, language::en, "students", label_part::unit}});
  EXPECT_EQ(p.unit_in(counted, language::en), (localized_name{"students", false}));
  EXPECT_EQ(p.name_in(counted, language::en).text, "Students winning prizes");
  EXPECT_EQ(p.label(counted, language::en, label_part::unit), "students");
  EXPECT_EQ(to_string(label_part::unit), "unit");
  EXPECT_EQ(parse_label_part("name"), label_part::name);
  EXPECT_THROW((void)parse_label_part("title"), parse_error);
}

TEST_F(label_test, a_unit_label_needs_a_target_with_a_unit) {
  try {
    p.add_label({department, {}, {}, {}, language::en, "schools", label_part::unit});
    FAIL() << "a collective's unit was labelled";
  } catch (const invalid_argument& e) {
    EXPECT_STREQ(e.what(), "unit label (en) of collective 'SGDDT': only a target has a unit");
  }
  EXPECT_THROW(p.add_label({{}, {}, {}, sites, language::en, "sites", label_part::unit}),
               invalid_argument);  // "Giảm điểm trường" counts nothing named
  EXPECT_TRUE(p.labels().empty());
}

TEST_F(label_test, bad_labels_are_typed_errors_naming_the_entity_and_nothing_is_added) {
  const std::vector<entity_label> batch{
      {{}, program_190, {}, {}, language::en, "Action Program No. 190-CTr/TU"},
      {{}, program_190, {}, {}, language::en, "again"}};
  try {
    p.add_labels(batch);
    FAIL() << "a second English label was accepted";
  } catch (const duplicate_error& e) {
    EXPECT_STREQ(e.what(), "label (en) of program 'CTr-190' is given twice");
  }
  EXPECT_TRUE(p.labels().empty());
  EXPECT_FALSE(p.label(program_190, language::en));
  EXPECT_THROW(p.add_label({department, program_190, {}, {}, language::en, "two"}),
               invalid_argument);
  EXPECT_THROW(p.add_label({{}, {}, {}, {}, language::en, "none"}), invalid_argument);
  EXPECT_THROW(p.add_label({{}, {}, task_id(7), {}, language::en, "unknown"}), not_found);
  try {
    p.add_label({department, {}, {}, {}, language::en, ""});
    FAIL();
  } catch (const invalid_argument& e) {
    EXPECT_STREQ(e.what(), "label (en) of collective 'SGDDT' is empty");
  }
  try {
    p.add_label({department, {}, {}, {}, language::en, std::string("bad \xff byte")});
    FAIL();
  } catch (const invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("label (en) of collective 'SGDDT': text"),
              std::string::npos)
        << e.what();
  }
  p.add_label({department, {}, {}, {}, language::en, "Department"});
  EXPECT_THROW(p.add_label({department, {}, {}, {}, language::en, "again"}), duplicate_error);
  EXPECT_EQ(p.labels().size(), 1U);
}

TEST_F(label_test, plans_with_other_labels_differ) {
  plan q = p;
  EXPECT_EQ(p, q);
  q.add_label({department, {}, {}, {}, language::en, "Department"});
  EXPECT_NE(p, q);
  p.add_label({department, {}, {}, {}, language::en, "Department"});
  EXPECT_EQ(p, q);
}

}  // namespace
}  // namespace goaltrack
