// Tests of goaltrack/note.hpp: notes of spreadsheet rows through the API (checks, NFC,
// all or nothing), import_csv and import_xlsx (the dialect's notes columns kept, or a
// warning where a file keeps none), export_csv and export_xlsx (written back after each
// file's columns) and archives.

#include "goaltrack/note.hpp"

#include <gtest/gtest.h>

#include <filesystem>
#include <map>
#include <sstream>
#include <string>
#include <vector>

#include "fresh_dir.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/io/archive.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/io/xlsx.hpp"
#include "goaltrack/plan.hpp"
#include "io/csv_notes.hpp"

namespace goaltrack {
namespace {

namespace fs = std::filesystem;

// A note on the row `row` names (its ids), in `column`.
row_note note(row_note row, std::string column, std::string text) {
  row.column = std::move(column);
  row.text = std::move(text);
  return row;
}
// The row of an entity, a rating or a measurement (as the importer names them).
using detail::csv::note_row;
row_note on_measurement(std::size_t row) { return note_row(row); }

csv_dialect with_notes() {
  csv_dialect d;
  d.notes_columns = {"Ghi chú", "ghi_chu", "Người nhập"};
  return d;
}

std::map<std::string, std::string> by_name(const std::vector<csv_source>& files) {
  std::map<std::string, std::string> m;
  for (const auto& f : files) m[f.name] = f.text;
  return m;
}

// A department with a cell and two members rated in a round, a program, a task, two
// targets with three measurements, and a policy: a row of every file that keeps notes.
class note_test : public ::testing::Test {
 protected:
  void SetUp() override {
    dept = p.org().add_collective("SGD", "Sở GD-ĐT", "department");
    cell = p.org().add_collective("CB1", "Chi bộ 1", "cell", dept);
    an = p.org().add_member("DV01", "Nguyễn Văn An", cell);
    binh = p.org().add_member("DV02", "Trần Thị Bình", cell);
    const scale_id vn4 = p.add_scale(rating_scale::vietnamese_default());
    round = p.add_round(vn4, period::year(2020));
    p.rate(round, an, rating_level(0));
    p.rate(round, binh, rating_level(1));
    p.rate(round, cell, rating_level(0));
    plan_12 = p.add_program({"KH-12", "12/KH", "", "Kế hoạch 12", period::year(2020), dept, {}});
    task k;
    k.code = "NV-1";
    k.title = "Rà soát";
    k.program = plan_12;
    k.owner = dept;
    review = p.add_task(k);
    sites = p.add_target(
        target::quantity("SITES", "Giảm điểm trường", dept, period::year(2020)).at_least(98));
    pupils = p.add_target(
        target::quantity("PUPILS", "Huy động trẻ", cell, period::year(2020)).at_least(240));
    p.add_measurement({sites, make_date(2020, 6, 30), 40, 1, "", ""});
    p.add_measurement({sites, make_date(2020, 12, 31), 98, 1, "Báo cáo", ""});
    p.add_measurement({pupils, make_date(2020, 12, 31), 250, 1, "", ""});
    strict = p.add_policy("strict", evaluation_policy{});
  }
  plan p;
  collective_id dept, cell;
  member_id an, binh;
  round_id round;
  program_id plan_12;
  task_id review;
  target_id sites, pupils;
  policy_id strict;
};

TEST_F(note_test, notes_are_kept_by_row_and_column_and_found_again) {
  p.add_notes(std::vector<row_note>{note(note_row(sites), "Ghi chú", "Số liệu tạm tính"),
                                    note(note_row(sites), "Người nhập", "Lan"),
                                    note(on_measurement(2), "Ghi chú", "chờ thẩm định"),
                                    note(note_row(round, binh), "Ghi chú", "xếp loại lại")});
  EXPECT_EQ(p.notes().size(), 4U);
  EXPECT_EQ(p.note(note(note_row(sites), "Người nhập", "")), "Lan");
  EXPECT_EQ(p.note(note(on_measurement(2), "Ghi chú", "")), "chờ thẩm định");
  EXPECT_EQ(p.note(note(note_row(round, binh), "Ghi chú", "")), "xếp loại lại");
  EXPECT_FALSE(p.note(note(note_row(binh), "Ghi chú", "")));  // the member's row, not its rating's
  EXPECT_FALSE(p.note(note(note_row(pupils), "Ghi chú", "")));
  // Equal plans have the same notes, whatever order they were added in.
  plan q = p;
  EXPECT_EQ(q, p);
  plan r;
  r = plan(p);
  EXPECT_EQ(r, p);
  p.add_note(note(note_row(pupils), "Ghi chú", "a"));
  EXPECT_NE(q, p);
}

TEST_F(note_test, the_api_refuses_what_names_no_row_and_names_the_row_at_fault) {
  const auto message = [&](const row_note& n) {
    try {
      p.add_note(n);
    } catch (const error& e) {
      return std::string(e.what());
    }
    return std::string("no error");
  };
  EXPECT_THROW(p.add_note(note({}, "Ghi chú", "x")), invalid_argument);  // no row
  row_note two = note_row(sites);
  two.program = plan_12;
  EXPECT_NE(message(note(two, "Ghi chú", "x")).find("set exactly one of"), std::string::npos);
  EXPECT_THROW(p.add_note(note(note_row(target_id(9)), "Ghi chú", "x")), not_found);
  EXPECT_EQ(message(note(on_measurement(3), "Ghi chú", "x")),
            "note 'Ghi chú' of measurement row 3: the plan has 3 measurements");
  EXPECT_THROW(p.add_note(note(on_measurement(3), "Ghi chú", "x")), not_found);
  EXPECT_EQ(message(note(note_row(sites), "Ghi chú", "")),
            "note 'Ghi chú' of target 'SITES' is empty");
  EXPECT_THROW(p.add_note(note(note_row(sites), "", "x")), invalid_argument);
  EXPECT_NE(
      message(note(note_row(sites), "Ghi chú", "\xC3")).find("note 'Ghi chú' of target 'SITES'"),
      std::string::npos);
  EXPECT_THROW(p.add_note(note(note_row(sites), "Ghi chú", "\xC3")), invalid_argument);
  const round_id other = p.add_round(*p.find_scale("vn4"), period::year(2021));
  EXPECT_EQ(message(note(note_row(other, an), "Ghi chú", "x")),
            "note 'Ghi chú' of the rating of member 'DV01' in rating round 'vn4 2021': the "
            "member is not rated in the round");
  EXPECT_EQ(message(note(note_row(strict), "Ghi chú", "")),
            "note 'Ghi chú' of policy 'strict' is empty");
  p.add_note(note(note_row(sites), "Ghi chú", "x"));
  EXPECT_THROW(p.add_note(note(note_row(sites), "Ghi chú", "y")), duplicate_error);
  // All or nothing: a batch that repeats a row and column adds none of its notes.
  EXPECT_THROW(p.add_notes(std::vector<row_note>{note(note_row(pupils), "Ghi chú", "a"),
                                                 note(note_row(pupils), "Ghi chú", "b")}),
               duplicate_error);
  EXPECT_EQ(p.notes().size(), 1U);
}

TEST_F(note_test, texts_are_put_in_nfc_on_entry) {
  // "Ghi chú" and "tạm tính" typed in decomposed Unicode (u + combining acute, ...).
  p.add_note(note(note_row(sites), "Ghi chu\xCC\x81", "ta\xCC\xA3m ti\xCC\x81nh"));
  EXPECT_EQ(p.notes()[0].column, "Ghi chú");
  EXPECT_EQ(p.notes()[0].text, "tạm tính");
}

TEST_F(note_test, csv_export_writes_each_files_notes_after_its_columns_and_reads_them_back) {
  p.add_notes(std::vector<row_note>{
      note(note_row(cell), "Ghi chú", "chi bộ mới"), note(note_row(binh), "ghi_chu", "chuyển đến"),
      note(note_row(round), "Ghi chú", "đợt 1"), note(note_row(round, binh), "Ghi chú", "=SUM(A1)"),
      note(note_row(round, cell), "Ghi chú", "tập thể"), note(note_row(plan_12), "Ghi chú", "k"),
      note(note_row(review), "Ghi chú", "t"), note(note_row(pupils), "Người nhập", "Lan"),
      note(note_row(pupils), "Ghi chú", "tạm tính"), note(note_row(sites), "Ghi chú", "a;b\n\"c\""),
      note(on_measurement(1), "ghi_chu", "chờ"), note(note_row(strict), "Ghi chú", "p")});
  const csv_dialect d = with_notes();
  const auto files = by_name(export_csv(p, d));
  EXPECT_EQ(files.at("collectives.csv"),
            "\xEF\xBB\xBF"
            "code,name,kind,parent,Ghi chú\nSGD,Sở GD-ĐT,department,,\nCB1,Chi bộ "
            "1,cell,SGD,chi bộ mới\n");
  // A file's note columns in the order of their first notes: pupils' Người nhập came first.
  EXPECT_NE(files.at("targets.csv").find(",over_tree,Người nhập,Ghi chú\n"), std::string::npos);
  EXPECT_NE(files.at("targets.csv").find(",,\"a;b\n\"\"c\"\"\"\n"), std::string::npos);
  // Ratings: a round's collectives, then its members; a formula is escaped as any text.
  EXPECT_NE(files.at("ratings.csv").find("collective,CB1,excellent,tập thể\n"), std::string::npos)
      << files.at("ratings.csv");
  EXPECT_NE(files.at("ratings.csv").find("member,DV02,good,'=SUM(A1)\n"), std::string::npos)
      << files.at("ratings.csv");
  // Files without notes are as before.
  EXPECT_EQ(by_name(export_csv(plan(), d)).at("members.csv"),
            "\xEF\xBB\xBF"
            "code,name,collective\n");
  std::vector<csv_issue> warnings;
  const plan back = import_csv(export_csv(p, d), d, warnings);
  EXPECT_TRUE(warnings.empty());
  EXPECT_EQ(back, p);
  EXPECT_EQ(back.note(note(note_row(round, binh), "Ghi chú", "")), "=SUM(A1)");
  // In Vietnamese, with ';' and CRLF, too.
  csv_dialect vi = d;
  vi.names = language::vi;
  vi.delimiter = ';';
  vi.decimal_separator = ',';
  vi.crlf = true;
  EXPECT_EQ(import_csv(export_csv(p, vi), vi), p);
}

TEST_F(note_test, a_note_column_with_the_name_of_a_column_of_its_file_is_refused_on_export) {
  p.add_note(note(note_row(cell), "Tên", "x"));  // collectives.csv's name, in Vietnamese
  EXPECT_THROW((void)export_csv(p, with_notes()), invalid_argument);
}

TEST(note_import, notes_columns_are_kept_by_row_blank_cells_add_nothing) {
  csv_dialect d = with_notes();
  d.delimiter = ';';
  // The header and the notes typed in decomposed Unicode: both are put in NFC.
  const plan p = import_csv(
      std::vector<csv_source>{
          {"collectives.csv",
           "code;name;Ghi chu\xCC\x81;ghi_chu\nSGD;Sở;tru\xCC\xA3 sở mới;\n"
           "CB1;Chi bộ;;  \nCB2;Chi bộ 2;;x\n"},
          {"targets.csv",
           "code;kind;owner;period;ghi_chu\nT1;quantity;SGD;2020;\nT2;quantity;SGD;2020;b\n"},
          {"measurements.csv",
           "target;date;value;source;ghi_chu\nT1;2020-06-30;1;;m0\nT2;2020-06-30;2;sổ;m1\n"
           "T1;2020-12-31;3;;\nT2;2020-12-31;4;;m3\n"}},
      d);
  std::vector<std::string> seen;
  for (const row_note& n : p.notes()) seen.push_back(n.column + "=" + n.text);
  EXPECT_EQ(seen, (std::vector<std::string>{"Ghi chú=trụ sở mới", "ghi_chu=x", "ghi_chu=b",
                                            "ghi_chu=m0", "ghi_chu=m1", "ghi_chu=m3"}));
  EXPECT_EQ(p.note(note(note_row(collective_id(2)), "ghi_chu", "")), "x");
  // Measurement rows in their order of addition, whether added in a batch or alone (with
  // a source).
  EXPECT_EQ(p.note(note(on_measurement(1), "ghi_chu", "")), "m1");
  EXPECT_EQ(p.note(note(on_measurement(3), "ghi_chu", "")), "m3");
  EXPECT_EQ(p.measurements().at(3).value, 4);
}

TEST(note_import, a_rejected_row_keeps_no_note) {
  // The second SGD is refused; its note is not taken for the first's (which would be a
  // second issue: a note given twice).
  const csv_dialect d = with_notes();
  try {
    (void)import_csv(
        std::vector<csv_source>{{"collectives.csv", "code,name,ghi_chu\nSGD,a,one\nSGD,b,two\n"}},
        d);
    ADD_FAILURE() << "no error";
  } catch (const csv_error& e) {
    ASSERT_EQ(e.issues().size(), 1U) << e.what();
    EXPECT_EQ(e.issues()[0].line, 3U);
  }
  try {
    (void)import_csv(
        std::vector<csv_source>{
            {"rating_scales.csv", "scale,level\nvn4,\n"},
            {"collectives.csv", "code\nSGD\n"},
            {"members.csv", "code,collective\nA,SGD\n"},
            {"rating_rounds.csv", "scale,period\nvn4,2020\n"},
            {"ratings.csv",
             "scale,period,rated,code,level,ghi_chu\nvn4,2020,member,A,good,one\n"
             "vn4,2020,member,A,good,two\n"}},
        d);
    ADD_FAILURE() << "no error";
  } catch (const csv_error& e) {
    ASSERT_EQ(e.issues().size(), 1U) << e.what();
    EXPECT_NE(std::string(e.what()).find("rated twice"), std::string::npos);
  }
}

TEST(note_import, a_file_that_keeps_no_notes_warns_and_a_repeated_notes_column_is_an_error) {
  const csv_dialect d = with_notes();
  std::vector<csv_issue> warnings;
  const plan p = import_csv(
      std::vector<csv_source>{{"rating_scales.csv", "scale,level,Ghi chú\nvn4,,built in\n"}}, d,
      warnings);
  EXPECT_TRUE(p.notes().empty());
  ASSERT_EQ(warnings.size(), 1U);
  EXPECT_EQ(to_string(warnings[0]),
            "rating_scales.csv:1:3: notes column 'Ghi chú': the notes of rating_scales.csv are "
            "not kept, so export will not write them back (notes are kept in collectives.csv, "
            "members.csv, rating_rounds.csv, ratings.csv, programs.csv, tasks.csv, targets.csv, "
            "measurements.csv, policies.csv)");
  try {
    (void)import_csv(std::vector<csv_source>{{"collectives.csv", "code,ghi_chu,ghi_chu\nA,x,y\n"}},
                     d);
    ADD_FAILURE() << "no error";
  } catch (const csv_error& e) {
    EXPECT_EQ(to_string(e.issues().at(0)), "collectives.csv:1:3: column 'ghi_chu' appears twice");
  }
}

TEST_F(note_test, workbooks_and_archives_keep_the_notes) {
  p.add_notes(std::vector<row_note>{
      note(note_row(cell), "Ghi chú", "chi bộ mới"), note(note_row(round, an), "Ghi chú", "12"),
      note(note_row(pupils), "Ghi chú", "tạm tính"), note(on_measurement(0), "ghi_chu", "chờ")});
  const fs::path dir = goaltrack_test::fresh_dir("note_workbook");
  const csv_dialect d = with_notes();
  export_xlsx(p, dir / "plan.xlsx", d);
  EXPECT_EQ(import_xlsx(dir / "plan.xlsx", d), p);
  csv_dialect vi = d;
  vi.names = language::vi;
  export_xlsx(p, dir / "plan_vi.xlsx", vi);
  EXPECT_EQ(import_xlsx(dir / "plan_vi.xlsx", vi), p);
  fs::remove_all(dir);
  for (const archive_format f :
       {archive_format::text, archive_format::xml, archive_format::binary}) {
    std::stringstream s;
    save(p, s, f);
    const plan back = load(s);
    EXPECT_EQ(back, p) << to_string(f);
    EXPECT_EQ(back.notes().size(), 4U);
  }
}

}  // namespace
}  // namespace goaltrack
