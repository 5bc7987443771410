// Tests of goaltrack/io/xlsx.hpp's import: sheets read as the CSV layout's files, cells
// typed as Excel types them (numbers, date serials, booleans) or as text read with the
// dialect, and every issue named by its sheet and cell. The workbooks are written with
// the library's own low-level writer (src/io/xlsx_write.hpp), cell type by cell type.

#include "goaltrack/io/xlsx.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <string>
#include <vector>

#include "fresh_dir.hpp"
#include "goaltrack/goaltrack.hpp"
#include "io/xlsx_write.hpp"
#include "origin_review.hpp"
#include "random_plan.hpp"

namespace {

using namespace goaltrack;
namespace fs = std::filesystem;
using detail::xlsx::column_spec;
using detail::xlsx::sheet_writer;
using detail::xlsx::workbook_writer;

std::vector<column_spec> columns(std::initializer_list<std::string_view> headers) {
  std::vector<column_spec> out;
  for (const std::string_view h : headers) out.push_back({h, {}});
  return out;
}

std::int32_t day_of(int y, int m, int d) { return day_number(make_date(y, m, d)); }

// A workbook as a clerk types it: Vietnamese headers, numbers and dates as Excel types
// them, a ratio as a number formatted as a percentage (Excel stores 0.581).
fs::path typed_workbook(const fs::path& dir) {
  const fs::path file = dir / "ke-hoach.xlsx";
  workbook_writer w(file);
  const auto collective_columns = columns({"Mã", "Tên đơn vị"});
  sheet_writer& collectives = w.add_sheet("collectives", collective_columns);
  collectives.text("SGD");
  collectives.text("Sở Giáo dục và Đào tạo");
  collectives.end_row();
  collectives.integer(63013);  // a numeric code typed as a number
  collectives.text("Trường 63013");
  collectives.end_row();
  const auto target_columns =
      columns({"Mã", "Loại", "Đơn vị chủ trì", "Kỳ", "Mục tiêu", "Số nguyên", "Tiền tệ"});
  sheet_writer& targets = w.add_sheet("targets", target_columns);
  targets.text("TL");
  targets.text("Tỷ lệ");
  targets.text("SGD");
  targets.integer(2020);  // a year typed as a number
  targets.number(0.581);
  targets.blank();
  targets.blank();
  targets.end_row();
  targets.text("VND");
  targets.text("số tiền");
  targets.integer(63013);
  targets.text("2020");
  targets.integer(47'000'000);
  targets.boolean(true);
  targets.text("VND");
  targets.end_row();
  const auto measurement_columns = columns({"Chỉ tiêu", "Ngày", "Giá trị"});
  sheet_writer& measurements = w.add_sheet("measurements", measurement_columns);
  measurements.text("TL");
  measurements.day(day_of(2021, 1, 21));
  measurements.number(0.581);
  measurements.end_row();
  measurements.text("VND");
  measurements.text("21/01/2021");  // a date typed as text, read with the dialect
  measurements.text("46.900.000");  // a number typed as text, likewise
  measurements.end_row();
  w.close();
  return file;
}

csv_dialect vietnamese() {
  csv_dialect d;
  d.delimiter = ';';
  d.decimal_separator = ',';
  d.dates = csv_date_format::day_month_year;
  return d;
}

std::string issues_of(const fs::path& file, const csv_dialect& d = {}) {
  try {
    (void)import_xlsx(file, d);
  } catch (const csv_error& e) {
    std::string s;
    for (const auto& i : e.issues()) s += to_string(i) + "\n";
    return s;
  }
  ADD_FAILURE() << "the import did not fail";
  return {};
}

TEST(xlsx, cells_are_read_as_excel_types_them) {
  const plan p = import_xlsx(typed_workbook(goaltrack_test::fresh_dir("xlsx_typed")), vietnamese());
  ASSERT_TRUE(p.org().find_collective("63013"));
  const target ratio = p.get(*p.find_target("TL"));
  EXPECT_EQ(ratio.kind, target_kind::ratio);
  EXPECT_EQ(ratio.span, period::year(2020));
  EXPECT_EQ(ratio.goal_value, 0.581);
  const target money = p.get(*p.find_target("VND"));
  EXPECT_EQ(money.owner, *p.org().find_collective("63013"));
  EXPECT_EQ(money.goal_value, 47'000'000.0);
  EXPECT_TRUE(money.whole_numbers);
  ASSERT_EQ(p.measurements().size(), 2U);
  EXPECT_EQ(p.measurements().at(0).on, make_date(2021, 1, 21));
  EXPECT_EQ(p.measurements().at(0).value, 0.581);
  EXPECT_EQ(p.measurements().at(1).on, make_date(2021, 1, 21));
  EXPECT_EQ(p.measurements().at(1).value, 46'900'000.0);
}

TEST(xlsx, the_same_workbook_from_memory) {
  const fs::path file = typed_workbook(goaltrack_test::fresh_dir("xlsx_memory"));
  EXPECT_EQ(import_xlsx_bytes(goaltrack_test::read_text(file), vietnamese()),
            import_xlsx(file, vietnamese()));
}

TEST(xlsx, issues_name_the_sheet_and_cell) {
  const fs::path file = goaltrack_test::fresh_dir("xlsx_issues") / "bad.xlsx";
  {
    workbook_writer w(file);
    const auto collective_columns = columns({"code"});
    sheet_writer& collectives = w.add_sheet("collectives", collective_columns);
    collectives.text("SGD");
    collectives.end_row();
    const auto target_columns = columns({"code", "kind", "owner", "period", "goal_value", "all"});
    sheet_writer& targets = w.add_sheet("targets", target_columns);
    targets.text("T");
    targets.text("quantiy");
    targets.text("SGD");
    targets.text("2020");
    targets.boolean(true);  // TRUE is not a number
    targets.integer(1);     // 1 is not TRUE or FALSE
    targets.end_row();
    const auto measurement_columns = columns({"target", "date", "value"});
    sheet_writer& m = w.add_sheet("measurements", measurement_columns);
    m.text("T2");
    m.number(44217.5);  // noon on 21/01/2021
    m.number(1);
    m.end_row();
    const auto other_columns = columns({"x"});
    w.add_sheet("Sheet1", other_columns).end_row();
    w.close();
  }
  EXPECT_EQ(issues_of(file),
            "Sheet1: not a sheet of the layout (a misspelt name?); expected: rating_scales, "
            "collectives, members, rating_rounds, ratings, programs, tasks, task_status, "
            "milestone_items, target_phases, targets, measurements, assessments, alignments, "
            "labels, policies, policy_rating_summaries, policy_statuses, policy_bands, "
            "policy_rollup_rules, policy_rollup_overrides\n"
            "targets!B2: kind: target kind 'quantiy' is not one of: quantity, ratio, money, "
            "milestone, direction, member_share, collective_count (did you mean 'quantity'?)\n"
            "targets!E2: goal_value '1' is not a number\n"
            "targets!F2: all '1' is not TRUE or FALSE\n"
            "measurements!B2: date '2021-01-21' has a time of day: a date is a whole day\n");
}

TEST(xlsx, what_is_not_a_workbook_is_a_typed_error) {
  const fs::path dir = goaltrack_test::fresh_dir("xlsx_not");
  EXPECT_THROW((void)import_xlsx(dir / "missing.xlsx"), io_error);
  EXPECT_THROW((void)import_xlsx_bytes("code,name\nA,B\n"), format_error);
  EXPECT_THROW((void)import_xlsx_bytes(std::string("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8)),
               format_error);
}

}  // namespace

namespace {

TEST(xlsx, export_then_import_gives_the_plan_back) {
  const fs::path dir = goaltrack_test::fresh_dir("xlsx_round_trip_plans");
  std::vector<csv_dialect> dialects(2);
  dialects[1] = vietnamese();
  dialects[1].names = language::vi;
  for (const csv_dialect& d : dialects) {
    const plan origin = origin::build_origin_plan();
    export_xlsx(origin, dir / "origin.xlsx", d);
    EXPECT_EQ(import_xlsx(dir / "origin.xlsx", d), origin);
    for (std::uint64_t seed = 1; seed <= 60; ++seed) {
      const plan p = goaltrack_test::random_plan(seed);
      export_xlsx(p, dir / "random.xlsx", d);
      EXPECT_EQ(import_xlsx(dir / "random.xlsx", d), p) << "seed " << seed;
    }
  }
}

}  // namespace

namespace {

TEST(xlsx, a_sheet_names_a_built_in_scale) {
  const fs::path file = goaltrack_test::fresh_dir("xlsx_builtin_scale") / "scale.xlsx";
  {
    workbook_writer w(file);
    const auto scale_columns = columns({"Thang xếp loại", "Mức"});
    sheet_writer& scales = w.add_sheet("rating_scales", scale_columns);
    scales.text("vn4");
    scales.blank();
    scales.end_row();
    w.close();
  }
  EXPECT_EQ(import_xlsx(file).get(scale_id(0)), rating_scale::vietnamese_default());
}

}  // namespace
