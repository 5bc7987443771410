// Tests of goaltrack/io/csv.hpp: layouts, dialects, the reader (BOM, CRLF, quotes, line
// breaks), Vietnamese text, every kind of error with its file:line:column, all or
// nothing, formula escaping, Windows-1258 refusal, and round trips (hand-made, the
// origin review, and hundreds of seeded random plans).

#include "goaltrack/io/csv.hpp"

#include <gtest/gtest.h>

#include <algorithm>
#include <bit>
#include <charconv>
#include <filesystem>
#include <fstream>
#include <map>
#include <string>
#include <vector>

#include "goaltrack/goaltrack.hpp"
#include "io/csv_text.hpp"
#include "origin_review.hpp"
#include "random_plan.hpp"

namespace {

using namespace goaltrack;
namespace fs = std::filesystem;

// The sources are compiled by absolute path, so __FILE__ finds tests/data/csv.
const fs::path data_dir = fs::path(__FILE__).parent_path() / "data" / "csv";

// The files of an export, by name.
std::map<std::string, std::string> by_name(const std::vector<csv_source>& files) {
  std::map<std::string, std::string> m;
  for (const auto& f : files) m[f.name] = f.text;
  return m;
}

// Imports in-memory files given as name -> text.
plan import_texts(const std::map<std::string, std::string>& files, const csv_dialect& d = {}) {
  std::vector<csv_source> v;
  for (const auto& [name, text] : files) v.push_back({name, text});
  return import_csv(std::move(v), d);
}

// The issues of an import that must fail.
std::vector<csv_issue> issues_of(const std::map<std::string, std::string>& files,
                                 const csv_dialect& d = {}) {
  try {
    (void)import_texts(files, d);
  } catch (const csv_error& e) {
    EXPECT_EQ(e.issue_count(), e.issues().size());
    return e.issues();
  }
  ADD_FAILURE() << "the import did not fail";
  return {};
}

std::string all_issues(const std::vector<csv_issue>& issues) {
  std::string s;
  for (const auto& i : issues) s += to_string(i) + "\n";
  return s;
}

// True when some issue is at file:line:column and its message contains `text`.
bool has_issue(const std::vector<csv_issue>& issues, const std::string& file, std::uint64_t line,
               std::uint32_t column, const std::string& text) {
  return std::any_of(issues.begin(), issues.end(), [&](const csv_issue& i) {
    return i.file == file && i.line == line && i.column == column &&
           i.message.find(text) != std::string::npos;
  });
}

// A small plan with every entity kind and awkward text.
plan sample_plan() {
  plan p;
  const collective_id dept = p.org().add_collective("SGD", "Sở Giáo dục và Đào tạo", "department");
  const collective_id cell =
      p.org().add_collective("CB1", "Chi bộ \"Văn phòng\", số 1", "cell", dept);
  const collective_id cell2 = p.org().add_collective("=CB2", "line one\nline two", "cell", dept);
  const member_id a = p.org().add_member("M1", "Nguyễn Văn A", cell);
  const member_id b = p.org().add_member("M2", "-Trần Thị B", cell2);
  const scale_id vn4 = p.add_scale(rating_scale::vietnamese_default());
  const round_id r = p.add_round(vn4, period::year(2020), make_date(2021, 1, 15));
  p.rate(r, a, rating_level(1));
  p.rate(r, b, rating_level(0));
  p.rate(r, cell, rating_level(1));
  const program_id pr =
      p.add_program({"CTr-190", "190-CTr/TU", "Tỉnh ủy", "Chương trình; hành động",
                     period::school_year(2020), dept, std::nullopt});
  const program_id sub =
      p.add_program({"KH-1", "", "", "+plan", period::quarter(2021, 2), cell, pr});
  task t{
      "T1", "@mention task",      pr, dept, make_date(2021, 5, 31), task_kind::supplementary, 2.5,
      {},   make_date(2021, 3, 1)};
  const task_id tid = p.add_task(t);
  p.set_task_status(tid, task_status::in_progress, make_date(2021, 2, 1));
  p.set_task_status(tid, task_status::completed, make_date(2021, 4, 30));
  const target_id sites =
      p.add_target(target::quantity("SITES", "Giảm điểm trường", dept, period::year(2020))
                       .decrease_by(98)
                       .from(1250)
                       .counting("điểm trường")
                       .in_program(pr));
  const target_id ratio = p.add_target(
      target::ratio("RATIO", "Tỷ lệ vào lớp 10", dept, period::year(2020)).at_least(0.581));
  p.add_target(
      target::money("MONEY", "Quyên góp", cell, period::year(2020), "VND").at_least(47000000));
  const target_id ms = p.add_target(
      target::milestone("MS", "Mô hình", dept, period::year(2021), {"bước 1", "=step, 2", ""}));
  p.add_target(target::direction("DIR", "Giảm bỏ học", dept, period::year(2021), trend::decrease)
                   .in_program(sub));
  p.add_target(target::member_share("SHARE", "Đảng viên", dept, period::year(2020), vn4,
                                    rating_level(1), share{191, 200}, rating_scope::subtree));
  p.add_target(
      target::all_collectives("CELLS", "5/5 chi bộ", dept, period::year(2020), vn4, rating_level(1))
          .counting_kind("cell"));
  p.add_target(target::quantity("WITHIN", "Range", dept, period::year(2021)).within(-5.5, 7.25));
  p.add_measurement(
      {sites, make_date(2020, 12, 31), 1152, 1, "Báo cáo tổng kết", "ghi chú, \"quan trọng\""});
  p.add_measurement({ratio, make_date(2020, 9, 1), 581, 1000, "", ""});
  p.add_measurement({ms, make_date(2021, 3, 1), 2, 1, "", "-2 done"});
  std::vector<target_id> ts{sites, sites};
  std::vector<date> ds{make_date(2020, 6, 30), make_date(2020, 3, 31)};
  std::vector<double> vs{1200, 1230};
  p.add_measurements(ts, ds, vs);
  evaluation_policy pol;
  pol.on_track_margin = 0.05;
  pol.missed_after_end = false;
  pol.rating_summaries.push_back(
      {r, rating_level(1), "cell", collective_criterion::member_share, share{9, 10}});
  p.add_policy("kit", pol);
  return p;
}

// --- round trips ---------------------------------------------------------------------

TEST(csv, round_trip_in_memory_every_entity_kind) {
  const plan p = sample_plan();
  EXPECT_EQ(import_csv(export_csv(p)), p);
}

TEST(csv, round_trip_through_a_folder) {
  const plan p = sample_plan();
  const fs::path dir = fs::temp_directory_path() / "goaltrack_csv_test_folder";
  fs::remove_all(dir);
  export_csv(p, dir);
  EXPECT_EQ(fs::exists(dir / "targets.csv"), true);
  EXPECT_EQ(import_csv(dir), p);
  fs::remove_all(dir);
}

TEST(csv, round_trip_every_dialect) {
  const plan p = sample_plan();
  for (const char delimiter : {',', ';'}) {
    for (const char decimal : {'.', ','}) {
      for (const auto dates : {csv_date_format::iso, csv_date_format::day_month_year}) {
        for (const bool crlf : {false, true}) {
          csv_dialect d;
          d.delimiter = delimiter;
          d.decimal_separator = decimal;
          d.dates = dates;
          d.crlf = crlf;
          d.byte_order_mark = !crlf;
          EXPECT_EQ(import_csv(export_csv(p, d), d), p)
              << delimiter << decimal << static_cast<int>(dates) << crlf;
        }
      }
    }
  }
}

TEST(csv, round_trip_origin_review) {
  const plan p = origin::build_origin_plan();
  EXPECT_EQ(import_csv(export_csv(p)), p);
}

TEST(csv, round_trip_hundreds_of_random_plans) {
  for (std::uint64_t seed = 1; seed <= 300; ++seed) {
    const plan p = goaltrack_test::random_plan(seed);
    csv_dialect d;
    if (seed % 2 == 0) {
      d.delimiter = ';';
      d.decimal_separator = ',';
    }
    if (seed % 3 == 0) d.dates = csv_date_format::day_month_year;
    plan back;
    try {
      back = import_csv(export_csv(p, d), d);
    } catch (const std::exception& e) {
      FAIL() << "seed " << seed << ": " << e.what();
    }
    ASSERT_EQ(back, p) << "seed " << seed;
  }
}

TEST(csv, school_year_on_another_calendar_keeps_its_days) {
  plan p;
  const collective_id c = p.org().add_collective("C", "", "");
  const period sy = period::school_year(2019, school_calendar{8, 15, 6, 30});
  p.add_target(target::quantity("T", "", c, sy).at_least(1));
  const auto files = by_name(export_csv(p));
  EXPECT_NE(files.at("targets.csv").find("2019-2020@2019-08-15/2020-06-30"), std::string::npos);
  EXPECT_EQ(import_csv(export_csv(p)), p);
}

// --- formula escaping ----------------------------------------------------------------

TEST(csv, formulas_are_escaped_in_text_and_numbers_stay_numbers) {
  const plan p = sample_plan();
  const auto files = by_name(export_csv(p));
  const std::string& coll = files.at("collectives.csv");
  EXPECT_NE(coll.find("\n'=CB2,"), std::string::npos);
  EXPECT_NE(files.at("members.csv").find("'-Trần Thị B"), std::string::npos);
  EXPECT_NE(files.at("tasks.csv").find("'@mention task"), std::string::npos);
  EXPECT_NE(files.at("programs.csv").find("'+plan"), std::string::npos);
  // A negative number in a numeric column is a plain number.
  EXPECT_NE(files.at("targets.csv").find(",-5.5,7.25,"), std::string::npos);
  for (const auto& [name, text] : files) {
    // No cell of any file starts with a formula character.
    std::size_t start = 0;
    for (std::size_t i = 0; i <= text.size(); ++i) {
      if (i == text.size() || text[i] == ',' || text[i] == '\n') {
        if (i > start) {
          const char first = text[start] == '"' && i > start + 1 ? text[start + 1] : text[start];
          const bool number = i > start + 1 && first == '-' &&
                              std::isdigit(static_cast<unsigned char>(text[start + 1]));
          if (!number) {
            EXPECT_TRUE(first != '=' && first != '+' && first != '@') << name;
          }
        }
        start = i + 1;
      }
    }
  }
}

TEST(csv, apostrophes_round_trip_exactly) {
  plan p;
  for (const char* name : {"'=x", "''=x", "'abc", "'", "''", "=", "-", "'-1", "\tx", "a'=b"}) {
    p.org().add_collective(std::string("C") + std::to_string(p.org().collective_count()), name, "");
  }
  EXPECT_EQ(import_csv(export_csv(p)), p);
}

TEST(csv, unescaped_formula_text_from_a_spreadsheet_is_kept) {
  const plan p = import_texts({{"collectives.csv", "code,name\nC1,=1+1\n"}});
  EXPECT_EQ(p.org().name(collective_id(0)), "=1+1");
}

// --- the reader ------------------------------------------------------------------------

TEST(csv, reads_bom_crlf_quotes_and_line_breaks) {
  const std::string text =
      "\xEF\xBB\xBF"
      "code,name,kind,parent\r\n"
      "SGD,\"Sở GD-ĐT, tỉnh \"\"A\"\"\",department,\r\n"
      "CB1,\"Chi bộ\r\nnhiều dòng\",cell,SGD\r\n"
      "\r\n"
      ",,,\r\n"
      "CB2,Chi bộ 2,cell,SGD";  // no line end at the end of the file
  const plan p = import_texts({{"collectives.csv", text}});
  ASSERT_EQ(p.org().collective_count(), 3U);
  EXPECT_EQ(p.org().name(collective_id(0)), "Sở GD-ĐT, tỉnh \"A\"");
  EXPECT_EQ(p.org().name(collective_id(1)), "Chi bộ\r\nnhiều dòng");
  EXPECT_EQ(p.org().code(collective_id(2)), "CB2");
}

TEST(csv, line_numbers_count_every_kind_of_line_end_inside_and_outside_quotes) {
  // The same file with LF, CR LF and lone CR (old Mac) line ends, and a quoted field
  // spanning two lines: the unknown parent is on line 4 in each.
  for (const std::string end : {"\n", "\r\n", "\r"}) {
    const std::string text = "code,name,kind,parent" + end + "A,\"two" + end + "lines\",cell," +
                             end + "B,b,cell,NOPE" + end;
    const auto issues = issues_of({{"collectives.csv", text}});
    ASSERT_EQ(issues.size(), 1U) << all_issues(issues);
    EXPECT_EQ(issues[0].line, 4U) << all_issues(issues);
    // A byte that is not UTF-8 on line 5, after the quoted break.
    const auto encoding = issues_of({{"collectives.csv", text + "C,\xFF,cell," + end}});
    ASSERT_EQ(encoding.size(), 1U);
    EXPECT_EQ(encoding[0].line, 5U) << all_issues(encoding);
  }
}

TEST(csv, columns_in_any_order_and_optional_ones_left_out) {
  const plan p = import_texts({{"collectives.csv", "parent,code\n,A\nA,B\n"}});
  ASSERT_EQ(p.org().collective_count(), 2U);
  EXPECT_EQ(p.org().parent(collective_id(1)), collective_id(0));
  EXPECT_EQ(p.org().name(collective_id(0)), "");
}

TEST(csv, children_before_parents_are_ordered_parents_first) {
  const plan p = import_texts({{"collectives.csv", "code,parent\nC,B\nB,A\nA,\nD,\n"}});
  ASSERT_EQ(p.org().collective_count(), 4U);
  EXPECT_EQ(p.org().code(collective_id(0)), "A");
  EXPECT_EQ(p.org().code(collective_id(1)), "B");
  EXPECT_EQ(p.org().code(collective_id(2)), "C");
  EXPECT_EQ(p.org().code(collective_id(3)), "D");
}

TEST(csv, semicolon_dialect_with_decimal_comma_and_day_month_year) {
  csv_dialect d;
  d.delimiter = ';';
  d.decimal_separator = ',';
  d.dates = csv_date_format::day_month_year;
  const plan p =
      import_texts({{"collectives.csv", "code;name\nSGD;Sở GD-ĐT\n"},
                    {"targets.csv",
                     "code;kind;owner;period;goal;goal_value;baseline\n"
                     "TL;ratio;SGD;2020;at_least;0,581;0,5\n"},
                    {"measurements.csv", "target;date;value;denominator\nTL;21/1/2021;58,1;100\n"}},
                   d);
  const target t = p.get(target_id(0));
  EXPECT_EQ(t.goal_value, 0.581);
  EXPECT_EQ(t.baseline, 0.5);
  const measurement m = p.measurements().at(0);
  EXPECT_EQ(m.on, make_date(2021, 1, 21));
  EXPECT_EQ(m.value, 58.1);
  EXPECT_EQ(m.denominator, 100);
}

TEST(csv, the_dialect_is_never_guessed) {
  // A comma file read as ';' has one unknown column; "58.1" with a ',' separator is refused.
  csv_dialect semicolon;
  semicolon.delimiter = ';';
  auto issues = issues_of({{"collectives.csv", "code,name\nA,B\n"}}, semicolon);
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 1, 1, "is the delimiter right?"))
      << all_issues(issues);
  csv_dialect comma_decimal;
  comma_decimal.decimal_separator = ',';
  issues = issues_of(
      {{"collectives.csv", "code\nA\n"},
       {"targets.csv", "code,kind,owner,period,goal_value\nT,quantity,A,2021,\"58.1\"\n"}},
      comma_decimal);
  EXPECT_TRUE(has_issue(issues, "targets.csv", 2, 5, "not a number")) << all_issues(issues);
  // An ISO date in a day/month/year dialect, and the reverse.
  csv_dialect dmy;
  dmy.dates = csv_date_format::day_month_year;
  issues = issues_of({{"collectives.csv", "code\nA\n"},
                      {"targets.csv", "code,kind,owner,period\nT,quantity,A,2021\n"},
                      {"measurements.csv", "target,date,value\nT,2021-01-21,1\n"}},
                     dmy);
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 2, 2, "DD/MM/YYYY")) << all_issues(issues);
  issues = issues_of({{"collectives.csv", "code\nA\n"},
                      {"targets.csv", "code,kind,owner,period\nT,quantity,A,2021\n"},
                      {"measurements.csv", "target,date,value\nT,21/01/2021,1\n"}});
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 2, 2, "YYYY-MM-DD")) << all_issues(issues);
}

TEST(csv, invalid_dialect_is_refused) {
  csv_dialect d;
  d.delimiter = '\t';
  EXPECT_THROW((void)import_texts({}, d), invalid_argument);
  d.delimiter = ',';
  d.decimal_separator = '_';
  EXPECT_THROW((void)export_csv(plan{}, d), invalid_argument);
}

TEST(csv, sample_spreadsheet_folder) {
  // Files as a Vietnamese department would save them from Excel: ';', '58,1', dd/mm/yyyy,
  // CRLF, a BOM, quoted cells with line breaks.
  csv_dialect d;
  d.delimiter = ';';
  d.decimal_separator = ',';
  d.dates = csv_date_format::day_month_year;
  const plan p = import_csv(data_dir / "spreadsheet_semicolon", d);
  EXPECT_EQ(p.org().collective_count(), 3U);
  EXPECT_EQ(p.org().member_count(), 3U);
  ASSERT_TRUE(p.find_target("TL-VAO-10").has_value());
  EXPECT_EQ(p.get(*p.find_target("TL-VAO-10")).goal_value, 0.581);
  EXPECT_EQ(p.measurements().size(), 3U);
  const round_id r(0);
  EXPECT_EQ(p.get(r).of(member_id(2)), rating_level(0));
  const evaluation ev = evaluate(p, make_date(2021, 1, 21));
  (void)ev;
}

// --- errors ---------------------------------------------------------------------------

TEST(csv, every_error_kind_names_file_line_and_column) {
  const std::map<std::string, std::string> files{
      {"rating_scales.csv", "scale,level,label_vi\nvn,good,Tốt\nvn,good,Tốt lần hai\n"},
      {"collectives.csv", "code,name,kind,parent\nA,,,\nB,,,NOPE\nA,,,\n"},
      {"members.csv", "code,name,collective\nM1,,A\nM2,,ZZZ\nM1,,A\n"},
      {"rating_rounds.csv",
       "scale,period,decided_on\nvn4,2020,\nvn4,2020-Q5,\nvn4,2021,32/01/2021\n"},
      {"ratings.csv",
       "scale,period,rated,code,level\n"
       "vn4,2020,member,M1,great\n"
       "vn4,2020,member,NOBODY,good\n"
       "vn4,2020,someone,M1,good\n"},
      {"targets.csv",
       "code,kind,owner,period,goal,goal_value,baseline,whole_numbers\n"
       "T1,quantity,A,2021,at_least,abc,,\n"
       "T2,quantity,UNKNOWN,2021,at_least,1,,\n"
       "T3,quantity,A,2021,increase_to,10,10,\n"
       "T4,quantitty,A,2021,,,,\n"
       "T5,quantity,A,2021,at_least,1,,maybe\n"
       "T6,quantity,A,2021,at_least,1,,\n"
       "T6,quantity,A,2021,at_least,1,,\n"
       "T7,quantity,A,FY9999-10,at_least,1,,\n"},
      {"measurements.csv",
       "target,date,value\nT6,2021-02-30,1\nT6,2021-03-01,NaN\nT9,2021-03-01,1\n"
       "T6,2021-03-01,1.5e400\n"},
  };
  const auto issues = issues_of(files);
  const std::string all = all_issues(issues);
  // The default scale "vn4" is not in the files: it must be declared like any other.
  EXPECT_TRUE(has_issue(issues, "rating_scales.csv", 2, 1, "level code 'good' is used twice"))
      << all;
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 3, 4, "'NOPE' is not in collectives.csv"))
      << all;
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 4, 1, "already on line 2")) << all;
  EXPECT_TRUE(has_issue(issues, "members.csv", 3, 3, "collective 'ZZZ' is not in collectives.csv"))
      << all;
  EXPECT_TRUE(has_issue(issues, "members.csv", 4, 1, "M1")) << all;
  EXPECT_TRUE(has_issue(issues, "rating_rounds.csv", 2, 1,
                        "rating scale 'vn4' is not in rating_scales.csv"))
      << all;
  EXPECT_TRUE(has_issue(issues, "rating_rounds.csv", 3, 2, "2020-Q5")) << all;
  EXPECT_TRUE(has_issue(issues, "rating_rounds.csv", 4, 3, "not a date")) << all;
  EXPECT_TRUE(has_issue(issues, "targets.csv", 2, 6, "goal_value 'abc' is not a number")) << all;
  // A period that would end after 9999 is a row's error, not an abort of the import.
  EXPECT_TRUE(has_issue(issues, "targets.csv", 9, 4, "FY9999-10")) << all;
  EXPECT_TRUE(has_issue(issues, "targets.csv", 3, 3, "collective 'UNKNOWN'")) << all;
  EXPECT_TRUE(has_issue(issues, "targets.csv", 4, 1, "T3")) << all;
  EXPECT_TRUE(has_issue(issues, "targets.csv", 5, 2, "quantitty")) << all;
  EXPECT_TRUE(has_issue(issues, "targets.csv", 6, 8, "not true or false")) << all;
  EXPECT_TRUE(has_issue(issues, "targets.csv", 8, 1, "T6")) << all;
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 2, 2, "not a date")) << all;
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 3, 3, "'NaN' is not a number")) << all;
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 4, 1, "target 'T9' is not in targets.csv"))
      << all;
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 5, 3, "not a number")) << all;
}

TEST(csv, labels_name_one_entity_in_a_known_language_once) {
  const std::map<std::string, std::string> files{
      {"collectives.csv", "code,name\nA,Sở GD-ĐT\n"},
      {"labels.csv",
       "collective,program,task,target,language,text\n"
       "A,,,,en,Department\n"
       "A,,,,fr,Département\n"
       "A,P,,,en,Two at once\n"
       ",,,T9,en,Unknown target\n"
       "A,,,,en,Again\n"
       "A,,,,vi,\n"},
  };
  const auto issues = issues_of(files);
  const std::string all = all_issues(issues);
  EXPECT_TRUE(has_issue(issues, "labels.csv", 3, 5, "fr")) << all;
  EXPECT_TRUE(has_issue(issues, "labels.csv", 4, 1, "exactly one of collective, program")) << all;
  EXPECT_TRUE(has_issue(issues, "labels.csv", 5, 4, "target 'T9' is not in targets.csv")) << all;
  EXPECT_TRUE(has_issue(issues, "labels.csv", 6, 1, "label (en) of collective 'A' is given twice"))
      << all;
  EXPECT_TRUE(has_issue(issues, "labels.csv", 7, 6, "text")) << all;
}

TEST(csv, labels_give_a_target_unit_in_the_part_column) {
  const std::map<std::string, std::string> files{
      {"collectives.csv", "code,name\nA,Sở GD-ĐT\n"},
      {"targets.csv",
       "code,title,owner,period,kind,goal,goal_value,unit\n"
       "T1,Học sinh đạt giải,A,2020,quantity,at_least,600,học sinh\n"},
      {"labels.csv",
       "collective,program,task,target,language,text,part\n"
       ",,,T1,en,students,unit\n"
       ",,,T1,en,Students winning prizes,\n"
       "A,,,,en,Department,unit\n"
       ",,,T1,vi,x,title\n"},
  };
  const auto issues = issues_of(files);
  const std::string all = all_issues(issues);
  EXPECT_EQ(issues.size(), 2U) << all;
  EXPECT_TRUE(has_issue(issues, "labels.csv", 4, 1, "only a target has a unit")) << all;
  EXPECT_TRUE(has_issue(issues, "labels.csv", 5, 7, "title")) << all;
}

TEST(csv, rating_not_on_the_scale_and_rated_twice) {
  const std::map<std::string, std::string> files{
      {"rating_scales.csv", "scale,level\nvn,good\nvn,bad\n"},
      {"collectives.csv", "code\nA\n"},
      {"members.csv", "code,collective\nM1,A\nM2,A\n"},
      {"rating_rounds.csv", "scale,period\nvn,2020\n"},
      {"ratings.csv",
       "scale,period,rated,code,level\n"
       "vn,2020,member,M1,excellent\n"
       "vn,2020,member,M2,good\n"
       "vn,2020,member,M2,bad\n"
       "vn,2019,member,M1,good\n"
       "vn,2020,collective,A,good\n"},
  };
  const auto issues = issues_of(files);
  const std::string all = all_issues(issues);
  EXPECT_EQ(issues.size(), 3U) << all;
  EXPECT_TRUE(has_issue(issues, "ratings.csv", 2, 5,
                        "rating 'excellent' is not on scale 'vn' (levels: good, bad)"))
      << all;
  EXPECT_TRUE(has_issue(issues, "ratings.csv", 4, 4, "rated twice")) << all;
  EXPECT_TRUE(has_issue(issues, "ratings.csv", 5, 2, "no rating round")) << all;
}

TEST(csv, malformed_rows_and_headers) {
  const std::map<std::string, std::string> files{
      {"collectives.csv", "code,name,colour\nA,x,red\n"},
      {"members.csv", "code,name\nM,x\n"},
      {"programs.csv", "code,period,owner\nP,2021\nQ,2021,A,extra\nR,\"2021\"x,A\nS,20\"21,A\n"},
      {"tasks.csv", "code,program,owner,title\nT,P,A,\"never closed\n"},
      {"target.csv", "code\n"},
  };
  const auto issues = issues_of(files);
  const std::string all = all_issues(issues);
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 1, 3, "unknown column 'colour'")) << all;
  EXPECT_TRUE(has_issue(issues, "members.csv", 1, 0, "no column 'collective'")) << all;
  EXPECT_TRUE(has_issue(issues, "programs.csv", 2, 0, "the row has 2 fields, the header 3")) << all;
  EXPECT_TRUE(has_issue(issues, "programs.csv", 3, 0, "4 fields")) << all;
  EXPECT_TRUE(has_issue(issues, "programs.csv", 4, 2, "text after the closing quote")) << all;
  EXPECT_TRUE(has_issue(issues, "programs.csv", 5, 2, "a quote inside a field")) << all;
  EXPECT_TRUE(has_issue(issues, "tasks.csv", 2, 4, "never closed")) << all;
  EXPECT_TRUE(has_issue(issues, "target.csv", 0, 0, "misspelt")) << all;
}

TEST(csv, lines_count_line_breaks_inside_quoted_fields) {
  const auto issues = issues_of({{"collectives.csv", "code,name\nA,\"one\ntwo\nthree\"\nB,x,y\n"}});
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 5, 0, "3 fields")) << all_issues(issues);
}

TEST(csv, cycles_are_reported) {
  const auto issues = issues_of({{"collectives.csv", "code,parent\nA,C\nB,A\nC,B\nD,\nE,E\n"}});
  const std::string all = all_issues(issues);
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 2, 2, "cycle")) << all;
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 3, 2, "cycle")) << all;
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 4, 2, "cycle")) << all;
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 6, 2, "cycle")) << all;
  EXPECT_EQ(issues.size(), 4U) << all;
}

TEST(csv, all_or_nothing_even_with_one_bad_row_among_many_good_ones) {
  std::string members = "code,collective\n";
  for (int i = 0; i < 100000; ++i) members += "M" + std::to_string(i) + ",A\n";
  members += "M5,A\n";  // a repeated code at the very end
  try {
    (void)import_texts({{"collectives.csv", "code\nA\n"}, {"members.csv", members}});
    FAIL() << "no error";
  } catch (const csv_error& e) {
    ASSERT_EQ(e.issues().size(), 1U);
    EXPECT_EQ(e.issues()[0].line, 100002U);
    EXPECT_NE(std::string(e.what()).find("members.csv:100002:1:"), std::string::npos) << e.what();
  }
}

TEST(csv, error_is_typed_and_lists_every_issue) {
  try {
    (void)import_texts({{"collectives.csv", "code,parent\nA,X\nB,Y\n"}});
    FAIL();
  } catch (const invalid_argument& e) {
    const auto* csv = dynamic_cast<const csv_error*>(&e);
    ASSERT_NE(csv, nullptr);
    EXPECT_EQ(csv->issue_count(), 2U);
    EXPECT_NE(
        std::string(e.what()).find("collectives.csv:2:2: parent 'X' is not in collectives.csv"),
        std::string::npos)
        << e.what();
  }
}

TEST(csv, empty_file_and_header_only_file) {
  EXPECT_EQ(import_texts({{"collectives.csv", "code\n"}}), plan{});
  const auto issues = issues_of({{"collectives.csv", ""}});
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 1, 0, "empty"));
}

TEST(csv, missing_folder_is_an_io_error) {
  EXPECT_THROW((void)import_csv(fs::path("/nonexistent/goaltrack/csv")), io_error);
}

// --- encodings -----------------------------------------------------------------------

TEST(csv, windows1258_is_refused_with_advice) {
  // tests/data/csv/windows1258/collectives.csv: "Sở Giáo dục" saved by Excel as
  // "CSV (Comma delimited)" on a Vietnamese Windows (iconv -t CP1258).
  try {
    (void)import_csv(data_dir / "windows1258");
    FAIL();
  } catch (const csv_error& e) {
    ASSERT_EQ(e.issues().size(), 1U);
    const csv_issue& i = e.issues()[0];
    EXPECT_EQ(i.file, "collectives.csv");
    EXPECT_EQ(i.line, 2U);
    EXPECT_NE(i.message.find("Windows-1258"), std::string::npos) << i.message;
    EXPECT_NE(i.message.find("CSV UTF-8"), std::string::npos) << i.message;
  }
}

TEST(csv, other_encodings_are_refused) {
  auto issues = issues_of({{"collectives.csv", std::string("\xFF\xFE"
                                                           "c\0o\0",
                                                           6)}});
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 1, 0, "UTF-16"));
  issues = issues_of({{"collectives.csv", "code\n\x81\x8D\n"}});
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 2, 0, "not valid UTF-8"));
  issues = issues_of({{"collectives.csv", "code\n\xED\xA0\x80\n"}});  // a UTF-16 surrogate
  EXPECT_TRUE(has_issue(issues, "collectives.csv", 2, 0, "UTF-8"));
}

// targets.csv is written by walking the target's description (src/io/csv_fields.hpp):
// every column in the layout's order, plain ones by their type, the rating goal's sparse
// ones blank while they hold their default, references by code.
TEST(csv, targets_are_written_column_by_column_from_the_description) {
  plan p;
  const auto sgd = p.org().add_collective("SGD", "Sở", "department");
  const scale_id vn = p.add_scale(rating_scale::vietnamese_default());
  p.add_target(
      target::quantity("T1", "Điểm trường", sgd, period::year(2021)).decrease_by(98).from(1250));
  p.add_target(target::collective_count("T2", "Chi bộ", sgd, period::year(2021), vn,
                                        p.get(vn).level("good"), 5));
  csv_dialect plain;
  plain.byte_order_mark = false;
  const std::string text = by_name(export_csv(p, plain))["targets.csv"];
  std::vector<std::map<std::string, std::string>> rows;
  std::vector<std::string> header;
  std::size_t start = 0;
  while (start < text.size()) {
    const std::size_t end = text.find_first_of("\r\n", start);
    const std::string line = text.substr(start, end - start);
    start = text.find_first_not_of("\r\n", end);
    std::vector<std::string> cells;
    for (std::size_t from = 0;;) {
      const std::size_t comma = line.find(',', from);
      cells.push_back(line.substr(from, comma - from));
      if (comma == std::string::npos) break;
      from = comma + 1;
    }
    if (header.empty()) {
      header = cells;
      continue;
    }
    ASSERT_EQ(cells.size(), header.size()) << line;
    auto& row = rows.emplace_back();
    for (std::size_t i = 0; i < cells.size(); ++i) row[header[i]] = cells[i];
  }
  ASSERT_EQ(rows.size(), 2U) << text;
  const auto& quantity = rows[0];
  EXPECT_EQ(quantity.at("code"), "T1");
  EXPECT_EQ(quantity.at("title"), "Điểm trường");
  EXPECT_EQ(quantity.at("owner"), "SGD");
  EXPECT_EQ(quantity.at("goal"), "decrease_by");
  EXPECT_EQ(quantity.at("goal_value"), "98");
  EXPECT_EQ(quantity.at("baseline"), "1250");
  EXPECT_TRUE(quantity.at("whole_numbers") == "true" || quantity.at("whole_numbers") == "false");
  EXPECT_EQ(quantity.at("trend"), "increase");  // plain columns are written even at default
  for (const char* sparse :
       {"scale", "level", "required_share", "count", "all", "scope", "criterion"}) {
    EXPECT_EQ(quantity.at(sparse), "") << sparse;
  }
  const auto& count = rows[1];
  EXPECT_EQ(count.at("kind"), "collective_count");
  EXPECT_EQ(count.at("scale"), "vn4");
  EXPECT_EQ(count.at("level"), "good");
  EXPECT_EQ(count.at("count"), "5");
  EXPECT_EQ(count.at("all"), "");
  EXPECT_EQ(count.at("criterion"), "");
  // And back: the plain columns read into the same fields.
  const plan back = import_csv(export_csv(p));
  EXPECT_EQ(back.get(target_id(0)), p.get(target_id(0)));
  EXPECT_EQ(back.get(target_id(1)), p.get(target_id(1)));
}

TEST(csv, export_writes_bom_and_header_only_files) {
  const auto files = export_csv(plan{});
  EXPECT_EQ(files.size(), csv_file_names().size());
  for (const auto& f : files) {
    EXPECT_EQ(f.text.substr(0, 3), "\xEF\xBB\xBF") << f.name;
    EXPECT_EQ(f.text.back(), '\n');
  }
  EXPECT_EQ(by_name(files).at("members.csv"),
            "\xEF\xBB\xBF"
            "code,name,collective\n");
}

TEST(csv, issues_of_bulk_files_come_in_line_order) {
  // Members and measurements look their references up a batch at a time, after reading
  // the rows: the issues are still listed in line order.
  const auto issues = issues_of({
      {"collectives.csv", "code\nA\n"},
      {"members.csv", "code,name,collective\nM1,,A\nM2,,ZZZ\n,,A\nM1,,A\nM3,,\n"},
      {"targets.csv",
       "code,kind,owner,period\nT,quantity,A,2021\nU,quantity,NOPE,2021\nV,,A,2021\n"},
      {"measurements.csv",
       "target,date,value\nT9,2021-01-01,1\nT,2021-13-01,1\nT,2021-01-01,1\n"
       "T8,2021-01-01,1\n"},
  });
  const std::string all = all_issues(issues);
  std::map<std::string, std::vector<std::uint64_t>> lines;
  for (const auto& i : issues) lines[i.file].push_back(i.line);
  EXPECT_EQ(lines["members.csv"], (std::vector<std::uint64_t>{3, 4, 5, 6})) << all;
  EXPECT_EQ(lines["targets.csv"], (std::vector<std::uint64_t>{3, 4})) << all;
  EXPECT_EQ(lines["measurements.csv"], (std::vector<std::uint64_t>{2, 3, 5})) << all;
  EXPECT_TRUE(has_issue(issues, "members.csv", 3, 3, "collective 'ZZZ' is not in collectives.csv"))
      << all;
  EXPECT_TRUE(has_issue(issues, "members.csv", 5, 1, "member code 'M1'")) << all;
  EXPECT_TRUE(has_issue(issues, "targets.csv", 3, 3, "collective 'NOPE' is not in collectives.csv"))
      << all;
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 2, 1, "target 'T9' is not in targets.csv"))
      << all;
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 5, 1, "target 'T8' is not in targets.csv"))
      << all;
}

TEST(csv, issues_stay_in_line_order_across_batches) {
  // More rows than one batch: a lookup's issue on line 70000 comes before the next line's.
  std::string members = "code,collective\n";
  std::string targets = "code,kind,owner,period\n";
  for (int i = 2; i < 70000; ++i) members += "M" + std::to_string(i) + ",A\n";
  members += "X,ZZZ\n,A\n";  // lines 70000 and 70001
  for (int i = 2; i < 9000; ++i) targets += "T" + std::to_string(i) + ",quantity,A,2021\n";
  targets += "X,quantity,ZZZ,2021\nY,,A,2021\n";  // lines 9000 and 9001
  const auto issues = issues_of(
      {{"collectives.csv", "code\nA\n"}, {"members.csv", members}, {"targets.csv", targets}});
  ASSERT_EQ(issues.size(), 4U) << all_issues(issues);
  EXPECT_EQ(issues[0].line, 70000U);
  EXPECT_EQ(issues[1].line, 70001U);
  EXPECT_EQ(issues[2].line, 9000U);
  EXPECT_EQ(issues[3].line, 9001U);
}

TEST(csv, ratings_in_any_order_of_members) {
  // export_csv writes ratings in member order, which import_csv uses to skip the hash
  // lookups; any other order must import the same.
  plan p;
  const collective_id root = p.org().add_collective("R", "", "");
  const scale_id vn4 = p.add_scale(rating_scale::vietnamese_default());
  const round_id r = p.add_round(vn4, period::year(2020));
  for (int i = 0; i < 50; ++i) {
    const member_id m = p.org().add_member("M" + std::to_string(i), "", root);
    if (i % 7 != 3) p.rate(r, m, rating_level(static_cast<std::uint8_t>(i % 4)));
  }
  auto files = by_name(export_csv(p));
  std::string& ratings = files["ratings.csv"];
  std::vector<std::string> rows;
  std::size_t from = 0;
  for (std::size_t nl = ratings.find('\n'); nl != std::string::npos;
       nl = ratings.find('\n', from)) {
    rows.push_back(ratings.substr(from, nl + 1 - from));
    from = nl + 1;
  }
  ASSERT_GT(rows.size(), 40U);
  std::reverse(rows.begin() + 1, rows.end());  // the header stays first
  std::swap(rows[5], rows[20]);
  ratings.clear();
  for (const auto& row : rows) ratings += row;
  EXPECT_EQ(import_texts(files), p);
}

TEST(csv, numeric_codes_are_looked_up_exactly) {
  // Codes that are numbers are looked up by number; "7", "07", " 7" and "7.0" are still
  // different codes, and a number no entity has is still reported.
  const std::string targets =
      "code,kind,owner,period\n7,quantity,1,2021\n07,quantity,01,2021\n12345678901,quantity,1,"
      "2021\n";
  std::map<std::string, std::string> files{
      {"collectives.csv", "code\n1\n01\n"},
      {"members.csv", "code,collective\n5,1\n6,01\n"},
      {"targets.csv", targets},
      {"measurements.csv",
       "target,date,value\n7,2021-01-01,1\n07,2021-01-02,2\n"
       "12345678901,2021-01-03,3\n"},
  };
  const plan p = import_texts(files);
  ASSERT_EQ(p.target_count(), 3U);
  EXPECT_EQ(p.org().collective_of(*p.org().find_member("5")), *p.org().find_collective("1"));
  EXPECT_EQ(p.org().collective_of(*p.org().find_member("6")), *p.org().find_collective("01"));
  EXPECT_EQ(p.get(*p.find_target("07")).owner, *p.org().find_collective("01"));
  const auto& m = p.measurements();
  ASSERT_EQ(m.size(), 3U);
  EXPECT_EQ(m.targets()[0], *p.find_target("7"));
  EXPECT_EQ(m.targets()[1], *p.find_target("07"));
  EXPECT_EQ(m.targets()[2], *p.find_target("12345678901"));

  files["measurements.csv"] =
      "target,date,value\n8,2021-01-01,1\n 7,2021-01-01,1\n7.0,2021-01-01,1\n";
  const auto issues = issues_of(files);
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 2, 1, "target '8' is not in targets.csv"));
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 3, 1, "target ' 7' is not in targets.csv"));
  EXPECT_TRUE(has_issue(issues, "measurements.csv", 4, 1, "target '7.0' is not in targets.csv"));
}

}  // namespace

namespace goaltrack {
namespace {

// Files large enough for import_csv to read members.csv and ratings.csv on a second
// thread: the plan is the same as read in order, and so are the issues, listed in the
// layout's order of files whichever thread found them.
TEST(csv, large_imports_read_members_on_a_second_thread_with_the_same_result) {
  plan p;
  const collective_id a = p.org().add_collective("A", "", "cell");
  const scale_id vn4 = p.add_scale(rating_scale::vietnamese_default());
  const round_id r = p.add_round(vn4, period::year(2021));
  std::vector<std::string> codes;
  for (int i = 0; i < 200000; ++i) codes.push_back("member-" + std::to_string(i));
  std::vector<member_spec> specs;
  for (const std::string& c : codes) specs.push_back({c, "", a});
  const member_id first = p.org().add_members(specs);
  for (std::uint32_t i = 0; i < codes.size(); i += 2) {
    p.rate(r, member_id(first.value() + i), rating_level(static_cast<std::uint8_t>(i % 4)));
  }
  const target_id t = p.add_target(target::quantity("T", "", a, period::year(2021)).at_least(5));
  p.add_measurement({t, make_date(2021, 3, 1), 2, 1, "", ""});
  auto files = by_name(export_csv(p));
  ASSERT_GT(files["members.csv"].size() + files["ratings.csv"].size(), std::size_t{4} << 20);
  EXPECT_EQ(import_texts(files), p);

  files["members.csv"] += "member-7,,A\n";  // repeated: the last line
  files["ratings.csv"] += "vn4,2021,member,nobody,good\n";
  files["rating_rounds.csv"] += "vn4,2021-13,\n";
  files["measurements.csv"] += "NOPE,2021-01-01,1,,,\n";
  files["collectives.csv"] += "B,,cell,ZZZ\n";
  const auto issues = issues_of(files);
  const std::string all = all_issues(issues);
  std::vector<std::string> order;
  for (const auto& i : issues) order.push_back(i.file);
  EXPECT_EQ(order, (std::vector<std::string>{"collectives.csv", "members.csv", "rating_rounds.csv",
                                             "ratings.csv", "measurements.csv"}))
      << all;
  EXPECT_TRUE(has_issue(issues, "members.csv", 200002, 1, "member code 'member-7'")) << all;
}

}  // namespace
}  // namespace goaltrack

namespace goaltrack::detail::csv {
namespace {

// Plain decimals take a fast path (digits / 10^k): it must give exactly the double
// from_chars gives, bit for bit, for every length, sign and separator.
TEST(csv_text, plain_decimals_parse_exactly_as_from_chars) {
  std::uint64_t x = 88172645463325252ULL;
  const auto next = [&x] {
    x ^= x << 13;
    x ^= x >> 7;
    x ^= x << 17;
    return x;
  };
  for (int round = 0; round < 200000; ++round) {
    const std::size_t digits = 1 + next() % 17;
    std::string text = next() % 3 == 0 ? "-" : "";
    for (std::size_t d = 0; d < digits; ++d) text += static_cast<char>('0' + next() % 10);
    if (digits > 1 && next() % 4 != 0) text.insert(text.size() - 1 - next() % (digits - 1), ".");
    double want = 0;
    const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), want);
    ASSERT_TRUE(ec == std::errc() && end == text.data() + text.size()) << text;
    double got = 0;
    ASSERT_TRUE(parse_number(text, '.', got)) << text;
    ASSERT_EQ(std::bit_cast<std::uint64_t>(got), std::bit_cast<std::uint64_t>(want)) << text;
    std::string comma = text;
    std::replace(comma.begin(), comma.end(), '.', ',');
    double got_comma = 0;
    ASSERT_TRUE(parse_number(comma, ',', got_comma)) << comma;
    ASSERT_EQ(std::bit_cast<std::uint64_t>(got_comma), std::bit_cast<std::uint64_t>(want)) << comma;
  }
  double v = 0;
  for (const std::string_view bad : {"-", "1.2.3", "1,5", "--1", "1e", "+1", "1 2", "inf", "nan"}) {
    EXPECT_FALSE(parse_number(bad, '.', v)) << bad;
  }
  EXPECT_TRUE(parse_number("1e3", '.', v));
  EXPECT_EQ(std::bit_cast<std::uint64_t>(v), std::bit_cast<std::uint64_t>(1000.0));
}

}  // namespace
}  // namespace goaltrack::detail::csv
