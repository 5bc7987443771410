// Tests of goaltrack/io/csv.hpp with files saved the way a Vietnamese planning clerk
// saves them: Vietnamese headers and values, thousands separators, percentages, two-digit
// years and midnight times, trailing empty columns, a notes column, decomposed Unicode,
// labels in lower case and without diacritics; and what is still refused, with its
// message.

#include <gtest/gtest.h>
#include <unistd.h>

#include <algorithm>
#include <filesystem>
#include <fstream>
#include <map>
#include <set>
#include <string>
#include <vector>

#include "goaltrack/goaltrack.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/io/xlsx.hpp"
#include "io/csv_layout.hpp"
#include "unicode.hpp"

namespace {

using namespace goaltrack;
namespace fs = std::filesystem;

plan import_texts(const std::map<std::string, std::string>& files, const csv_dialect& d) {
  std::vector<csv_source> v;
  for (const auto& [name, text] : files) v.push_back({name, text});
  return import_csv(std::move(v), d);
}

std::string issues_of(const std::map<std::string, std::string>& files, const csv_dialect& d) {
  try {
    (void)import_texts(files, d);
  } catch (const csv_error& e) {
    std::string s;
    for (const auto& i : e.issues()) s += to_string(i) + "\n";
    return s;
  }
  ADD_FAILURE() << "the import did not fail";
  return {};
}

// The dialect of a Vietnamese Excel: ';', decimal ',', dd/mm/yyyy.
csv_dialect vietnamese() {
  csv_dialect d;
  d.delimiter = ';';
  d.decimal_separator = ',';
  d.dates = csv_date_format::day_month_year;
  return d;
}

const std::string collectives = "Mã;Tên đơn vị;Loại;Cấp trên\nSGD;Sở GD-ĐT;department;\n";

TEST(csv_habits, thousands_separators_follow_the_dialect) {
  const plan p = import_texts({{"collectives.csv", collectives},
                               {"targets.csv",
                                "mã;loại;đơn vị chủ trì;kỳ;mục tiêu;đơn vị tính;tiền tệ\n"
                                "VND;số tiền;SGD;2020;48.500.000.000;đồng;VND\n"
                                "HS;số lượng;SGD;2020;14.200;học sinh;\n"
                                "SP;số lượng;SGD;2020;1 234,5;m2;\n"
                                "NB;số lượng;SGD;2020;2\xC2\xA0"
                                "500;m2;\n"}},
                              vietnamese());
  EXPECT_EQ(p.get(*p.find_target("VND")).goal_value, 48'500'000'000.0);
  EXPECT_EQ(p.get(*p.find_target("HS")).goal_value, 14'200.0);
  EXPECT_EQ(p.get(*p.find_target("SP")).goal_value, 1234.5);
  EXPECT_EQ(p.get(*p.find_target("NB")).goal_value, 2500.0);
  // With decimal '.', "14.200" is fourteen point two and ',' groups thousands.
  const plan q = import_texts({{"collectives.csv", "code\nSGD\n"},
                               {"targets.csv",
                                "code,kind,owner,period,goal_value\n"
                                "A,quantity,SGD,2020,14.200\nB,quantity,SGD,2020,\"14,200\"\n"}},
                              csv_dialect{});
  EXPECT_EQ(q.get(*q.find_target("A")).goal_value, 14.2);
  EXPECT_EQ(q.get(*q.find_target("B")).goal_value, 14200.0);
}

TEST(csv_habits, separators_that_do_not_group_by_three_are_refused) {
  for (const char* value : {"1.23.4", "14.20", "1.2345", ".200", "14..200", "14.200,5,1"}) {
    const std::string issues = issues_of(
        {{"collectives.csv", collectives},
         {"targets.csv",
          std::string("mã;loại;đơn vị chủ trì;kỳ;mục tiêu\nA;số lượng;SGD;2020;") + value + "\n"}},
        vietnamese());
    EXPECT_NE(issues.find("targets.csv:2:5: goal_value '" + std::string(value) +
                          "' is not a number (decimal separator ',', thousands grouped by '.'"),
              std::string::npos)
        << value << "\n"
        << issues;
  }
}

TEST(csv_habits, percentages_in_the_values_of_ratio_targets) {
  const plan p = import_texts(
      {{"collectives.csv", collectives},
       {"targets.csv",
        "mã;loại;đơn vị chủ trì;kỳ;mục tiêu;giá trị gốc\nTL;tỷ lệ;SGD;2020;95%;48,0 %\n"},
       {"measurements.csv", "chỉ tiêu;ngày;giá trị\nTL;21/01/2021;58,1%\n"}},
      vietnamese());
  const target t = p.get(*p.find_target("TL"));
  EXPECT_EQ(t.goal_value, 0.95);
  EXPECT_EQ(t.baseline, 0.48);
  EXPECT_EQ(p.measurements().at(0).value, 0.581);  // the double nearest to 0.581
}

TEST(csv_habits, a_percentage_elsewhere_is_refused_naming_why) {
  const std::string issues = issues_of(
      {{"collectives.csv", collectives},
       {"targets.csv",
        "mã;loại;đơn vị chủ trì;kỳ;mục tiêu;trọng số\nSL;số lượng;SGD;2020;95%;1\n"
        "TL;tỷ lệ;SGD;2020;0,9;1\nW;tỷ lệ;SGD;2020;0,9;50%\nQ;số lượng;SGD;2020;5;1\n"},
       {"measurements.csv", "chỉ tiêu;ngày;giá trị\nTL;21/01/2021;58,1%\nQ;21/01/2021;7%\n"}},
      vietnamese());
  EXPECT_NE(issues.find("targets.csv:2:5: goal_value '95%': a percentage is a value of a ratio "
                        "target only; this target is quantity"),
            std::string::npos)
      << issues;
  EXPECT_NE(issues.find("targets.csv:4:6: weight '50%' is a percentage, which this column does "
                        "not take"),
            std::string::npos)
      << issues;
  EXPECT_NE(issues.find("measurements.csv:3:3: value: a percentage is a value of a ratio target "
                        "only; target 'Q' is quantity"),
            std::string::npos)
      << issues;
}

TEST(csv_habits, two_digit_years_and_midnight_times) {
  const plan p = import_texts(
      {{"collectives.csv", collectives},
       {"targets.csv", "mã;loại;đơn vị chủ trì;kỳ\nA;số lượng;SGD;2025\n"},
       {"measurements.csv",
        "chỉ tiêu;ngày;giá trị\nA;30/06/25;1\nA;30/06/2025 00:00;2\nA;1/7/2025 0:00:00;3\n"}},
      vietnamese());
  EXPECT_EQ(p.measurements().at(0).on, make_date(2025, 6, 30));
  EXPECT_EQ(p.measurements().at(1).on, make_date(2025, 6, 30));
  EXPECT_EQ(p.measurements().at(2).on, make_date(2025, 7, 1));
  const std::string issues =
      issues_of({{"collectives.csv", collectives},
                 {"targets.csv", "mã;loại;đơn vị chủ trì;kỳ\nA;số lượng;SGD;2025\n"},
                 {"measurements.csv", "chỉ tiêu;ngày;giá trị\nA;30/06/2025 08:30;1\n"}},
                vietnamese());
  EXPECT_NE(issues.find("measurements.csv:2:2: date '30/06/2025 08:30' is not a date DD/MM/YYYY "
                        "or DD/MM/YY (a real day of the years 1400..9999; a time of day, if any, "
                        "00:00)"),
            std::string::npos)
      << issues;
}

TEST(csv_habits, the_two_digit_year_rule_is_excels) {
  csv_dialect d = vietnamese();
  const plan p = import_texts(
      {{"collectives.csv", collectives},
       {"targets.csv", "mã;loại;đơn vị chủ trì;kỳ\nA;số lượng;SGD;1930-01-01/2029-12-31\n"},
       {"measurements.csv", "chỉ tiêu;ngày;giá trị\nA;31/12/29;1\nA;1/1/30;2\n"}},
      d);
  EXPECT_EQ(p.measurements().at(0).on, make_date(2029, 12, 31));
  EXPECT_EQ(p.measurements().at(1).on, make_date(1930, 1, 1));
}

TEST(csv_habits, trailing_empty_columns_are_ignored) {
  const plan p = import_texts({{"collectives.csv", "Mã;Tên;;;\nSGD;Sở GD-ĐT;;;\nP1;Phòng 1;;\n"}},
                              vietnamese());
  EXPECT_EQ(p.org().collective_count(), 2U);
  // A value in a column without a name is not ignored.
  const std::string issues =
      issues_of({{"collectives.csv", "Mã;Tên;;;\nSGD;Sở GD-ĐT;;x;\n"}}, vietnamese());
  EXPECT_NE(issues.find("collectives.csv:2: the row has 5 fields, the header 2"), std::string::npos)
      << issues;
  // Nor is an empty header between named ones.
  EXPECT_NE(issues_of({{"collectives.csv", "Mã;;Tên\nSGD;;Sở\n"}}, vietnamese())
                .find("collectives.csv:1:2: the column has no name"),
            std::string::npos);
}

TEST(csv_habits, a_notes_column_needs_the_dialect_to_name_it) {
  const std::map<std::string, std::string> files{
      {"collectives.csv", "Mã;Tên;ghi_chu\nSGD;Sở GD-ĐT;trụ sở mới\n"}};
  csv_dialect d = vietnamese();
  EXPECT_NE(issues_of(files, d).find("collectives.csv:1:3: unknown column 'ghi_chu'"),
            std::string::npos);
  d.notes_columns = {"Ghi chú"};
  // Named loosely: "ghi_chu" is not "Ghi chú"; the dialect names what the files use.
  EXPECT_FALSE(issues_of(files, d).empty());
  d.notes_columns = {"ghi_chu"};
  EXPECT_EQ(import_texts(files, d).org().collective_count(), 1U);
  // A misspelt column is still an error, with the nearest name.
  const std::string issues = issues_of({{"collectives.csv", "Mã;Teen;ghi_chu\nSGD;Sở;x\n"}}, d);
  EXPECT_NE(issues.find("unknown column 'Teen' (did you mean 'tên'?)"), std::string::npos)
      << issues;
}

TEST(csv_habits, vietnamese_headers_and_values) {
  const plan p = import_texts(
      {{"collectives.csv", collectives},
       {"members.csv", "Mã;Họ và tên;Đơn vị\nDV01;Nguyễn Văn A;SGD\n"},
       {"programs.csv",
        "Mã;Số hiệu;Cơ quan ban hành;Trích yếu;Kỳ;Đơn vị chủ trì\n"
        "CT1;15/KH-UBND;UBND tỉnh;Kế hoạch năm;2020;SGD\n"},
       {"tasks.csv", "Mã;Tiêu đề;Chương trình;Chủ trì;Loại\nNV1;Rà soát;CT1;SGD;Bổ sung\n"},
       {"task_status.csv", "Nhiệm vụ;Ngày;Trạng thái\nNV1;01/03/2020;Hoàn thành\n"},
       {"targets.csv",
        "Mã;Loại;Đơn vị chủ trì;Kỳ;Loại mục tiêu;Mục tiêu;Giá trị gốc;Số nguyên;Xu hướng\n"
        "DT;SỐ LƯỢNG;SGD;2020;giảm bớt;98;1.200;ĐÚNG;\n"
        "BH;Định hướng;SGD;2020;;;;;giảm\n"}},
      vietnamese());
  EXPECT_EQ(p.org().member_count(), 1U);
  const task t = p.get(*p.find_task("NV1"));
  EXPECT_EQ(t.kind, task_kind::supplementary);
  EXPECT_EQ(t.status_as_of(make_date(2020, 12, 31)), task_status::completed);
  const target x = p.get(*p.find_target("DT"));
  EXPECT_EQ(x.kind, target_kind::quantity);
  EXPECT_EQ(x.goal, goal_kind::decrease_by);
  EXPECT_TRUE(x.whole_numbers);
  EXPECT_EQ(p.get(*p.find_target("BH")).wanted, trend::decrease);
}

TEST(csv_habits, headers_and_values_without_diacritics) {
  const plan p = import_texts(
      {{"collectives.csv", "Ma;Ten don vi\nSGD;So\n"},
       {"members.csv", "MA;HO VA TEN;DON VI\nDV01;A;SGD\n"},
       {"targets.csv", "ma;loai;don vi chu tri;ky;so nguyen\nT;so luong;SGD;2020;sai\n"}},
      vietnamese());
  EXPECT_EQ(p.org().member_count(), 1U);
  EXPECT_FALSE(p.get(*p.find_target("T")).whole_numbers);
}

TEST(csv_habits, levels_in_lower_case_decomposed_or_without_diacritics) {
  const std::string scales =
      "thang xếp loại;mức;tên tiếng việt\n"
      "vn4;excellent;Hoàn thành xuất sắc nhiệm vụ\nvn4;good;Hoàn thành tốt nhiệm vụ\n"
      "vn4;completed;Hoàn thành nhiệm vụ\nvn4;not_completed;Không hoàn thành nhiệm vụ\n";
  const plan p = import_texts(
      {{"rating_scales.csv", scales},
       {"collectives.csv", collectives},
       {"members.csv", "Mã;Đơn vị\nA;SGD\nB;SGD\nC;SGD\n"},
       {"rating_rounds.csv", "thang xếp loại;kỳ\nvn4;2020\n"},
       {"ratings.csv",
        "thang xếp loại;kỳ;đối tượng;mã;mức xếp loại\n"
        "vn4;2020;member;A;hoàn thành tốt nhiệm vụ\n"
        // Unikey's "Unicode tổ hợp": a + combining grave, o + combining acute.
        "vn4;2020;member;B;Hoa\xCC\x80n tha\xCC\x80nh to\xCC\x81t nhiê\xCC\xA3m vu\xCC\xA3\n"
        "vn4;2020;member;C;khong hoan thanh nhiem vu\n"}},
      vietnamese());
  const scale_id s = *p.find_scale("vn4");
  const round_id r = *p.find_round(s, period::year(2020));
  const rating_round& round = p.get(r);
  EXPECT_EQ(round.of(member_id(0)), rating_level(1));
  EXPECT_EQ(round.of(member_id(1)), rating_level(1));
  EXPECT_EQ(round.of(member_id(2)), rating_level(3));
}

TEST(csv_habits, a_near_miss_value_gets_did_you_mean) {
  const std::string issues = issues_of(
      {{"collectives.csv", collectives},
       {"targets.csv", "mã;loại;đơn vị chủ trì;kỳ\nA;quantiy;SGD;2020\nB;so luogn;SGD;2020\n"}},
      vietnamese());
  EXPECT_NE(issues.find("targets.csv:2:2: kind: target kind 'quantiy' is not one of: quantity, "
                        "ratio, money, milestone, direction, member_share, collective_count "
                        "(did you mean 'quantity'?)"),
            std::string::npos)
      << issues;
  EXPECT_NE(issues.find("(did you mean 'số lượng'?)"), std::string::npos) << issues;
}

TEST(csv_habits, every_column_has_a_vietnamese_name_that_a_header_may_use) {
  for (const detail::csv::layout* file : detail::csv::all_files) {
    // Within a file, no two columns share a name, exactly or loosely.
    std::map<std::string, std::string> owner;
    for (const auto& column : file->columns) {
      const std::string_view vi = detail::csv::vi_names_of(column.name);
      EXPECT_FALSE(vi.empty()) << file->file << ": " << column.name;
      std::vector<std::string_view> names{column.name};
      for (std::string_view rest = vi; !rest.empty();) {
        const std::size_t bar = rest.find('|');
        names.push_back(rest.substr(0, bar));
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
      }
      for (const std::string_view n : names) {
        const std::string key = detail::match_key(n, true);
        const auto [it, fresh] = owner.emplace(key, std::string(column.name));
        EXPECT_TRUE(fresh || it->second == column.name)
            << file->file << ": '" << n << "' names " << it->second << " and " << column.name;
      }
    }
  }
}

TEST(csv_habits, every_vietnamese_column_name_is_read) {
  // Each file's header written with every column's every Vietnamese name in turn: the
  // header maps (an unknown column would be an issue on line 1).
  for (const detail::csv::layout* file : detail::csv::all_files) {
    for (const auto& column : file->columns) {
      for (std::string_view rest = detail::csv::vi_names_of(column.name); !rest.empty();) {
        const std::size_t bar = rest.find('|');
        const std::string_view alias = rest.substr(0, bar);
        rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
        std::string header;
        for (const auto& c : file->columns) {
          header += (header.empty() ? "" : ";") +
                    (c.name == column.name ? std::string(alias) : std::string(c.name));
        }
        std::string issues;
        try {
          (void)import_texts({{std::string(file->file), header + "\n"}}, vietnamese());
        } catch (const csv_error& e) {
          for (const auto& i : e.issues()) {
            if (i.line == 1) issues += to_string(i) + "\n";
          }
        }
        EXPECT_EQ(issues, "") << file->file << " with '" << alias << "' for " << column.name;
      }
    }
  }
}

}  // namespace

namespace {

TEST(csv_habits, a_rejected_row_is_reported_once_by_the_rows_that_refer_to_it) {
  // One typo in an owner's code: one issue at its cause, with the nearest code, and one
  // line per file that refers to the rejected target, not one per row.
  const std::string issues =
      issues_of({{"collectives.csv", "Mã;Tên\nTYT12;Trạm y tế 12\n"},
                 {"targets.csv",
                  "mã;loại;đơn vị chủ trì;kỳ\nT1;số lượng;TYT1Z;2020\nT2;số lượng;TYT12;2020\n"},
                 {"measurements.csv",
                  "chỉ tiêu;ngày;giá trị\nT1;01/02/2020;1\nT1;01/03/2020;2\nT2;01/03/2020;2\n"},
                 {"milestone_items.csv", "chỉ tiêu;hạng mục\nT1;a\n"},
                 {"assessments.csv", "chỉ tiêu;ngày;trạng thái\nT1;01/03/2020;đạt\n"}},
                vietnamese());
  EXPECT_EQ(issues,
            "targets.csv:2:3: collective 'TYT1Z' is not in collectives.csv (did you mean "
            "'TYT12'?)\n"
            "milestone_items.csv:2:1: target 'T1' refers to row 2 of targets.csv, which was "
            "rejected\n"
            "measurements.csv:2:1: target 'T1' refers to row 2 of targets.csv, which was rejected "
            "(later rows of this file that refer to it are not reported)\n"
            "assessments.csv:2:1: target 'T1' refers to row 2 of targets.csv, which was rejected "
            "(later rows of this file that refer to it are not reported)\n");
}

TEST(csv_habits, a_rejected_parent_rejects_its_children_once) {
  const std::string issues =
      issues_of({{"collectives.csv", "Mã;Cấp trên\nSGD;\nP1;SGD\nP1;SGD\nT1;P2\nP2;P9\nT2;P2\n"},
                 {"members.csv", "Mã;Đơn vị\nA;T1\nB;T2\n"}},
                vietnamese());
  EXPECT_NE(issues.find("collectives.csv:4:1: collective 'P1' is already on line 3"),
            std::string::npos)
      << issues;
  EXPECT_NE(issues.find("collectives.csv:6:2: parent 'P9' is not in collectives.csv"),
            std::string::npos)
      << issues;
  EXPECT_NE(issues.find("collectives.csv:5:2: parent 'P2' refers to row 6 of collectives.csv"),
            std::string::npos)
      << issues;
  EXPECT_EQ(issues.find("collectives.csv:7:2"), std::string::npos) << issues;
  EXPECT_NE(issues.find("members.csv:2:2: collective 'T1' refers to row 5 of collectives.csv"),
            std::string::npos)
      << issues;
  EXPECT_NE(issues.find("members.csv:3:2: collective 'T2' refers to row 7 of collectives.csv"),
            std::string::npos)
      << issues;
}

}  // namespace

namespace {

TEST(csv_habits, real_mistakes_are_caught_from_a_file_as_from_the_api) {
  const std::string issues = issues_of(
      {{"collectives.csv", collectives},
       {"targets.csv",
        "mã;loại;đơn vị chủ trì;kỳ;mục tiêu;tiền tệ\nVND;số tiền;SGD;2020;47.000.000;VND\n"
        "TL;tỷ lệ;SGD;2020;95;\n"},
       {"measurements.csv",
        "chỉ tiêu;ngày;giá trị\nVND;31/12/2020;46.900.000,5\nVND;31/12/2002;1.000\n"}},
      vietnamese());
  EXPECT_NE(issues.find("targets.csv:3:1: target 'TL': goal value 95 is above 1: ratio goals are "
                        "fractions; did you mean 95%?"),
            std::string::npos)
      << issues;
  EXPECT_NE(issues.find("measurements.csv:2:3: measurement (row 0) of target 'VND': value "
                        "46900000.500000 is not a whole number (money is counted in whole units "
                        "of its currency)"),
            std::string::npos)
      << issues;
  EXPECT_NE(issues.find("measurements.csv:3:2: date 31/12/2002 is more than a year outside target "
                        "'VND''s period 2020 (01/01/2020..31/12/2020); a year typed wrong?"),
            std::string::npos)
      << issues;
  // The API refuses the same.
  plan p;
  const collective_id sgd = p.org().add_collective("SGD", "Sở", "department");
  target ratio = target::ratio("TL", "Tỷ lệ", sgd, period::year(2020));
  ratio.goal_value = 95;
  EXPECT_THROW((void)p.add_target(ratio), invalid_argument);
}

TEST(csv_habits, warnings_are_apart_and_an_import_with_warnings_only_succeeds) {
  const fs::path dir =
      fs::temp_directory_path() / ("goaltrack-habits-" + std::to_string(::getpid()));
  fs::remove_all(dir);
  fs::create_directories(dir);
  const auto write = [&](const std::string& name, const std::string& text) {
    std::ofstream(dir / name, std::ios::binary) << text;
  };
  write("collectives.csv", collectives);
  write("targets.csv", "mã;loại;đơn vị chủ trì;kỳ;mục tiêu\nTL;tỷ lệ;SGD;2020;0,95\n");
  write("measurements.csv", "chỉ tiêu;ngày;giá trị\nTL;15/01/2022;0,9\nTL;31/12/2020;58,1\n");
  csv_dialect d = vietnamese();
  // Outside the period: an error by default...
  EXPECT_THROW((void)import_csv(dir, d), csv_error);
  // ... a warning when the dialect allows it; the ratio above 100% is one too.
  d.measurements_outside_period = true;
  std::vector<csv_issue> warnings;
  const plan p = import_csv(dir, d, warnings);
  EXPECT_EQ(p.measurements().size(), 2U);
  ASSERT_EQ(warnings.size(), 2U);
  EXPECT_EQ(to_string(warnings[0]),
            "measurements.csv:2:2: date 15/01/2022 is more than a year outside target 'TL''s "
            "period 2020 (01/01/2020..31/12/2020)");
  EXPECT_EQ(to_string(warnings[1]),
            "measurements.csv:3:3: value 58.1 is a ratio above 1: ratios are fractions; did you "
            "mean 58.1%?");
  fs::remove_all(dir);
}

}  // namespace

namespace {

TEST(csv_habits, a_clerks_folder_and_workbook_give_the_plan_of_the_strict_folder) {
  // tests/data/clerk (make_clerk.py): the origin review's folder as a Vietnamese clerk
  // keeps it, as CSV files and as a workbook from another writer (openpyxl).
  const fs::path tests_dir = fs::path(__FILE__).parent_path();
  const plan strict = import_csv(tests_dir.parent_path() / "examples" / "annual_review" / "data");
  csv_dialect d = vietnamese();
  d.notes_columns = {"ghi_chu"};
  std::vector<csv_issue> warnings;
  // The CSV files' targets have the clerk's notes ("xem lại", to review), which are kept.
  plan noted = strict;
  std::vector<row_note> notes;
  for (std::size_t i = 0; i < strict.target_count(); ++i) {
    row_note n;
    n.target = target_id(static_cast<target_id::value_type>(i));
    n.column = "ghi_chu";
    n.text = "xem lại";
    notes.push_back(n);
  }
  noted.add_notes(notes);
  const plan clerks = import_csv(tests_dir / "data" / "clerk" / "csv", d, warnings);
  EXPECT_EQ(clerks, noted);
  EXPECT_NE(clerks, strict);
  EXPECT_TRUE(warnings.empty());
  // Exported, the notes are in the column the clerk gave them, and read back.
  EXPECT_EQ(import_csv(export_csv(clerks, d), d), clerks);
  EXPECT_EQ(import_xlsx(tests_dir / "data" / "clerk" / "ke_hoach.xlsx", d, warnings), strict);
  EXPECT_TRUE(warnings.empty());
}

}  // namespace

namespace {

TEST(csv_habits, a_built_in_scale_is_named_instead_of_listed) {
  const plan p =
      import_texts({{"rating_scales.csv", "thang xếp loại;mức\nvn4;\n"},
                    {"collectives.csv", collectives},
                    {"members.csv", "Mã;Đơn vị\nA;SGD\n"},
                    {"rating_rounds.csv", "thang xếp loại;kỳ\nvn4;2020\n"},
                    {"ratings.csv",
                     "thang xếp loại;kỳ;đối tượng;mã;mức xếp loại\nvn4;2020;đảng viên;A;hoàn "
                     "thành tốt nhiệm vụ\n"}},
                   vietnamese());
  EXPECT_EQ(p.get(*p.find_scale("vn4")), rating_scale::vietnamese_default());
  std::string issues = issues_of({{"rating_scales.csv", "scale;level\nvn5;\n"}}, vietnamese());
  EXPECT_NE(issues.find("rating_scales.csv:2:2: level is required, unless the scale is a built-in "
                        "one (vn4) named on a row of its own; 'vn5' is not"),
            std::string::npos)
      << issues;
  issues = issues_of({{"rating_scales.csv", "scale;level\nvn4;\nvn4;good\n"}}, vietnamese());
  EXPECT_NE(issues.find("rating_scales.csv:3:2: scale 'vn4' is named as the built-in scale and "
                        "also lists levels"),
            std::string::npos)
      << issues;
}

}  // namespace
