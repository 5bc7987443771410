// Tests of the Excel workbook reader and writer (src/io/xlsx_read.hpp, xlsx_write.hpp):
// round trips through the writer, the golden hand-made workbook (tests/data/xlsx), cell
// types and XML variants in workbooks zipped here from XML text, date serials in both
// systems, and hostile files: damaged bytes, zip bombs, entity expansion, deep nesting,
// .xls files, and every structural fault with the sheet!cell it names.

#include <gtest/gtest.h>
#include <zip.h>

#include <charconv>
#include <filesystem>
#include <limits>
#include <map>
#include <string>
#include <vector>

#include "fresh_dir.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/period.hpp"
#include "io/xlsx_parts.hpp"
#include "io/xlsx_read.hpp"
#include "io/xlsx_write.hpp"

namespace {

using namespace goaltrack;
using namespace goaltrack::detail::xlsx;
namespace fs = std::filesystem;

// The sources are compiled by absolute path, so __FILE__ finds tests/data/xlsx.
const fs::path data_dir = fs::path(__FILE__).parent_path() / "data" / "xlsx";

// --- building workbooks ---------------------------------------------------------------

// A zip archive of `entries` (name -> content), deflated, built in memory with libzip.
std::string zip_of(const std::map<std::string, std::string>& entries) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* buffer = zip_source_buffer_create(nullptr, 0, 0, &error);
  zip_source_keep(buffer);
  zip_t* z = zip_open_from_source(buffer, ZIP_TRUNCATE, &error);
  for (const auto& [name, content] : entries) {
    zip_source_t* s = zip_source_buffer(z, content.data(), content.size(), 0);
    zip_file_add(z, name.c_str(), s, ZIP_FL_ENC_UTF_8);
  }
  zip_close(z);
  zip_source_open(buffer);
  zip_source_seek(buffer, 0, SEEK_END);
  const zip_int64_t size = zip_source_tell(buffer);
  zip_source_seek(buffer, 0, SEEK_SET);
  std::string bytes(static_cast<std::size_t>(size), '\0');
  zip_source_read(buffer, bytes.data(), bytes.size());
  zip_source_close(buffer);
  zip_source_free(buffer);
  return bytes;
}

const std::string ns = R"( xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main")";
const std::string rel = "http://schemas.openxmlformats.org/officeDocument/2006/relationships/";

// The entries of a workbook of one sheet "S" whose <sheetData> holds `rows`.
std::map<std::string, std::string> parts_with(const std::string& rows,
                                              const std::string& strings = "",
                                              const std::string& workbook_pr = "") {
  std::map<std::string, std::string> p;
  p["xl/workbook.xml"] = "<workbook" + ns + R"( xmlns:r="r">)" + workbook_pr +
                         R"(<sheets><sheet name="S" sheetId="1" r:id="rId1"/></sheets></workbook>)";
  p["xl/_rels/workbook.xml.rels"] =
      R"(<Relationships><Relationship Id="rId1" Type=")" + rel +
      R"(worksheet" Target="worksheets/sheet1.xml"/></Relationships>)";
  p["xl/worksheets/sheet1.xml"] =
      "<worksheet" + ns + "><sheetData>" + rows + "</sheetData></worksheet>";
  if (!strings.empty()) p["xl/sharedStrings.xml"] = "<sst" + ns + ">" + strings + "</sst>";
  p["xl/styles.xml"] = "<styleSheet" + ns +
                       R"(><cellXfs><xf numFmtId="0"/><xf numFmtId="14"/></cellXfs></styleSheet>)";
  return p;
}

std::string workbook_with(const std::string& rows, const std::string& strings = "",
                          const std::string& workbook_pr = "") {
  return zip_of(parts_with(rows, strings, workbook_pr));
}

// --- reading --------------------------------------------------------------------------

// A row as read: its number and its cells as "type:text" (blank cells as "").
struct read_row {
  std::uint32_t number = 0;
  std::vector<std::string> cells;
};

std::string shown(const cell& c) {
  static const char* const names[] = {"", "n", "t", "b", "e", "d"};
  if (c.type == cell_type::blank) return "";
  return std::string(names[static_cast<int>(c.type)]) + ":" + std::string(c.text);
}

std::vector<read_row> rows_of(sheet_reader r) {
  std::vector<read_row> rows;
  while (r.next()) {
    read_row row{r.row(), {}};
    for (const cell& c : r.cells()) row.cells.push_back(shown(c));
    rows.push_back(std::move(row));
  }
  return rows;
}

std::vector<read_row> rows_of(const std::string& bytes, std::size_t sheet = 0,
                              const limits& caps = {}) {
  const workbook wb = workbook::from_memory(bytes, caps);
  return rows_of(wb.sheet(sheet));
}

// Reads every row of every sheet; returns the message of the corrupt_error it throws.
template <typename Error = corrupt_error>
std::string error_of(const std::string& bytes, const limits& caps = {}) {
  try {
    const workbook wb = workbook::from_memory(bytes, caps);
    for (std::size_t i = 0; i < wb.sheet_names().size(); ++i) (void)rows_of(wb.sheet(i));
  } catch (const Error& e) {
    return e.what();
  }
  ADD_FAILURE() << "no error";
  return {};
}

double number_of(std::string_view text) {
  double v = 0;
  const auto [end, ec] = std::from_chars(text.data(), text.data() + text.size(), v);
  EXPECT_TRUE(ec == std::errc() && end == text.data() + text.size()) << text;
  return v;
}

std::int32_t day_of(int y, int m, int d) { return day_number(make_date(y, m, d)); }

// --- the golden workbook --------------------------------------------------------------

TEST(xlsx_read, golden_workbook_has_every_cell_type) {
  const workbook wb = workbook::open(data_dir / "golden.xlsx");
  EXPECT_EQ(wb.sheet_names(), (std::vector<std::string>{"targets", "tasks"}));
  EXPECT_TRUE(wb.date1904());
  EXPECT_FALSE(wb.hidden(0));
  const std::vector<read_row> targets = rows_of(wb.sheet(0));
  ASSERT_EQ(targets.size(), 3U);
  EXPECT_EQ(targets[0].number, 1U);
  EXPECT_EQ(targets[0].cells, (std::vector<std::string>{"t:code", "t:value"}));
  EXPECT_EQ(targets[1].number, 3U);
  EXPECT_EQ(targets[1].cells,
            (std::vector<std::string>{"t:Hoàn thành", "", "n:0.581", "d:45473", "b:1"}));
  // Rich text runs joined, the phonetic guide left out; a formula's cached string.
  EXPECT_EQ(targets[2].cells, (std::vector<std::string>{"t:ab ", "e:#N/A", "t:code", "d:0.5"}));
  const std::vector<read_row> tasks = rows_of(wb.sheet(1));
  ASSERT_EQ(tasks.size(), 2U);
  // No r attributes, and a prefixed namespace (x:row, x:c).
  EXPECT_EQ(tasks[0].number, 1U);
  EXPECT_EQ(tasks[0].cells, (std::vector<std::string>{"n:1", "", "n:3"}));
  EXPECT_EQ(tasks[1].number, 2U);
  EXPECT_EQ(tasks[1].cells, (std::vector<std::string>{"t:line\rend"}));
  // 45473 in the 1904 system is 2028-07-01 (2024-06-30 in the 1900 one).
  EXPECT_EQ(serial_day(45473, wb.date1904()), day_of(2028, 7, 1));
}

TEST(xlsx_read, damaged_golden_workbook_throws_only_file_errors) {
  const std::string golden = goaltrack_test::read_text(data_dir / "golden.xlsx");
  ASSERT_GT(golden.size(), 1000U);
  std::size_t failures = 0;
  for (std::size_t n = 0; n < golden.size(); n += 7) {
    std::string cut = golden.substr(0, n);
    try {
      const workbook wb = workbook::from_memory(cut);
      for (std::size_t i = 0; i < wb.sheet_names().size(); ++i) (void)rows_of(wb.sheet(i));
    } catch (const file_error&) {
      ++failures;
    } catch (const std::exception& e) {
      ADD_FAILURE() << "truncated at " << n << ": " << e.what();
    }
  }
  EXPECT_GT(failures, 0U);
  for (std::size_t at = 0; at < golden.size(); ++at) {
    for (const unsigned flip : {0x01U, 0x80U, 0xFFU}) {
      std::string bad = golden;
      bad[at] = static_cast<char>(static_cast<unsigned char>(bad[at]) ^ flip);
      try {
        const workbook wb = workbook::from_memory(bad);
        for (std::size_t i = 0; i < wb.sheet_names().size(); ++i) (void)rows_of(wb.sheet(i));
      } catch (const file_error&) {
      } catch (const std::exception& e) {
        ADD_FAILURE() << "byte " << at << " ^ " << flip << ": " << e.what();
      }
    }
  }
}

// --- cell types and XML variants --------------------------------------------------------

TEST(xlsx_read, reads_inline_rich_and_formula_strings_errors_and_booleans) {
  const std::string strings =
      "<si><t>plain</t></si><si><r><t>a</t></r><r><t>b</t></r></si><si><t>tab_x0009_</t></si>";
  const std::string bytes = workbook_with(
      R"(<row r="2"><c r="A2" t="s"><v>1</v></c><c r="B2" t="inlineStr"><is><t>in</t>)"
      R"(<r><t>line</t></r></is></c><c r="C2" t="str"><f>1+1</f><v>2</v></c>)"
      R"(<c r="D2" t="e"><v>#DIV/0!</v></c><c r="E2" t="b"><v>0</v></c>)"
      R"(<c r="F2" t="d"><v>2024-06-30</v></c><c r="G2" t="s"><v>2</v></c></row>)",
      strings);
  const std::vector<read_row> rows = rows_of(bytes);
  ASSERT_EQ(rows.size(), 1U);
  EXPECT_EQ(rows[0].number, 2U);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"t:ab", "t:inline", "t:2", "e:#DIV/0!", "b:0",
                                                     "t:2024-06-30", "t:tab\t"}));
}

TEST(xlsx_read, cells_read_the_same_whether_written_plainly_or_not) {
  // The first form takes the scanner's fast path for each cell; the others its general
  // path: prefixes, spaces, quotes, references, CDATA, comments and rich text.
  const std::string plain = R"(<row r="2"><c r="A2" t="inlineStr"><is><t>T&amp;1</t></is></c>)"
                            R"(<c r="B2" s="1"><v>44406</v></c><c r="C2"><v>0.581</v></c></row>)";
  const std::string varied =
      R"(<x:row r='2' ><x:c r="A2" t="inlineStr"><x:is><x:r><x:t>T</x:t></x:r>)"
      R"(<x:r><x:t><![CDATA[&1]]></x:t></x:r></x:is></x:c>)"
      R"(<c r="B2" s = "1"><!-- a date --><v>44&#52;06</v></c>)"
      R"(<c r="C2" ><v >0.581</v ></c ></x:row>)";
  const std::string expected_cells = "t:T&1 d:44406 n:0.581";
  for (const std::string& rows : {plain, varied}) {
    std::map<std::string, std::string> p = parts_with(rows);
    p["xl/worksheets/sheet1.xml"] =
        R"(<x:worksheet xmlns:x="u"><x:sheetData>)" + rows + "</x:sheetData></x:worksheet>";
    const std::vector<read_row> read = rows_of(zip_of(p));
    ASSERT_EQ(read.size(), 1U) << rows;
    std::string cells;
    for (const std::string& c : read[0].cells) cells += (cells.empty() ? "" : " ") + c;
    EXPECT_EQ(cells, expected_cells) << rows;
  }
}

TEST(xlsx_read, dense_cells_skip_blank_rows_and_trailing_blank_cells) {
  const std::vector<read_row> rows = rows_of(
      workbook_with(R"(<row r="1"><c r="C1"><v>7</v></c><c r="E1" s="1"/></row>)"
                    R"(<row r="5"><c r="A5" s="1"/></row>)"  // styled but blank: no row
                    R"(<row r="9"><c r="B9" s="1"><v>61</v></c></row>)"
                    R"(<row><c><v>1</v></c><c><v>2</v></c></row>)"));  // counted: row 10, A and B
  ASSERT_EQ(rows.size(), 3U);
  EXPECT_EQ(rows[0].number, 1U);
  EXPECT_EQ(rows[0].cells, (std::vector<std::string>{"", "", "n:7"}));
  EXPECT_EQ(rows[1].number, 9U);
  EXPECT_EQ(rows[1].cells, (std::vector<std::string>{"", "d:61"}));
  EXPECT_EQ(rows[2].number, 10U);
  EXPECT_EQ(rows[2].cells, (std::vector<std::string>{"n:1", "n:2"}));
}

TEST(xlsx_read, custom_number_formats_are_dates_only_with_date_letters_outside_quotes) {
  EXPECT_TRUE(date_format_code("dd/mm/yyyy"));
  EXPECT_TRUE(date_format_code("[$-42A]d mmmm yyyy"));
  EXPECT_TRUE(date_format_code("[h]:mm"));
  EXPECT_TRUE(date_format_code("HH:MM:SS"));
  EXPECT_FALSE(date_format_code("0.00\" days\""));
  EXPECT_FALSE(date_format_code("[Red]#,##0;[Blue]-#,##0"));
  EXPECT_FALSE(date_format_code("#,##0\\d"));
  EXPECT_FALSE(date_format_code("General"));
  EXPECT_FALSE(date_format_code("0.0_);(0.0)"));
  EXPECT_TRUE(date_format_id(14));
  EXPECT_TRUE(date_format_id(22));
  EXPECT_TRUE(date_format_id(47));
  EXPECT_FALSE(date_format_id(23));
  EXPECT_FALSE(date_format_id(164));
}

TEST(xlsx_read, date1904_flag_is_read_as_1_or_true) {
  EXPECT_TRUE(
      workbook::from_memory(workbook_with("", "", R"(<workbookPr date1904="true"/>)")).date1904());
  EXPECT_TRUE(
      workbook::from_memory(workbook_with("", "", R"(<workbookPr date1904="1"/>)")).date1904());
  EXPECT_FALSE(workbook::from_memory(workbook_with("", "", "<workbookPr/>")).date1904());
}

TEST(xlsx_read, cell_names_run_from_a1_to_xfd) {
  EXPECT_EQ(cell_name(7, 2), "B7");
  EXPECT_EQ(cell_name(1, 26), "Z1");
  EXPECT_EQ(cell_name(1, 27), "AA1");
  EXPECT_EQ(cell_name(1048576, 16384), "XFD1048576");
}

// --- date serials ---------------------------------------------------------------------

TEST(xlsx_read, serials_1900_skip_the_fictitious_leap_day) {
  EXPECT_EQ(serial_day(1, false), day_of(1900, 1, 1));
  EXPECT_EQ(serial_day(59, false), day_of(1900, 2, 28));
  EXPECT_EQ(serial_day(60, false), std::nullopt);
  EXPECT_EQ(serial_day(61, false), day_of(1900, 3, 1));
  EXPECT_EQ(serial_day(25569, false), 0);
  EXPECT_EQ(serial_day(45473, false), day_of(2024, 6, 30));
  EXPECT_EQ(serial_day(2958465, false), day_of(9999, 12, 31));
  EXPECT_EQ(serial_day(2958466, false), std::nullopt);
  EXPECT_EQ(serial_day(0, false), std::nullopt);
  EXPECT_EQ(serial_day(-1, false), std::nullopt);
  EXPECT_EQ(day_serial(day_of(1900, 2, 28), false), 59);
  EXPECT_EQ(day_serial(day_of(1900, 3, 1), false), 61);
  EXPECT_EQ(day_serial(day_of(1899, 12, 31), false), std::nullopt);
}

TEST(xlsx_read, serials_1904_start_on_1904_01_01) {
  EXPECT_EQ(serial_day(0, true), day_of(1904, 1, 1));
  EXPECT_EQ(serial_day(60, true), day_of(1904, 3, 1));
  EXPECT_EQ(serial_day(44011, true), day_of(2024, 6, 30));
  EXPECT_EQ(day_serial(day_of(1903, 12, 31), true), std::nullopt);
  for (const bool date1904 : {false, true}) {
    for (std::int32_t d = day_of(1904, 1, 1); d < day_of(2100, 1, 1); d += 97) {
      const std::optional<std::int32_t> s = day_serial(d, date1904);
      ASSERT_TRUE(s.has_value());
      EXPECT_EQ(serial_day(*s, date1904), d);
    }
  }
}

TEST(xlsx_read, serial_with_a_time_part_keeps_its_day_and_gives_the_time) {
  EXPECT_EQ(serial_day(45473.5, false), day_of(2024, 6, 30));
  EXPECT_DOUBLE_EQ(serial_time(45473.5), 0.5);
  EXPECT_DOUBLE_EQ(serial_time(45473), 0.0);
  EXPECT_EQ(serial_day(60.25, false), std::nullopt);
}

// --- faults ---------------------------------------------------------------------------

TEST(xlsx_read, structural_faults_name_the_sheet_and_cell) {
  const auto fails_with = [](const std::string& rows, const std::string& expected,
                             const std::string& strings = "") {
    const std::string m = error_of(workbook_with(rows, strings));
    EXPECT_NE(m.find(expected), std::string::npos) << m;
  };
  fails_with(R"(<row r="3"><c r="B3" t="s"><v>5</v></c></row>)",
             "sheet 'S'!B3: shared string 5 is not in the table (of 1)", "<si><t>x</t></si>");
  fails_with(R"(<row r="3"><c r="XFE3"><v>1</v></c></row>)", "not a cell reference");
  fails_with(R"(<row r="1048577"><c><v>1</v></c></row>)", "row number '1048577'");
  fails_with(R"(<row r="4"><c><v>1</v></c></row><row r="4"><c><v>1</v></c></row>)",
             "row 4 is out of order or repeated");
  fails_with(R"(<row r="4"><c><v>1</v></c></row><row r="2"><c><v>1</v></c></row>)",
             "row 2 is out of order");
  fails_with(R"(<row r="2"><c r="C2"><v>1</v></c><c r="B2"><v>1</v></c></row>)",
             "sheet 'S'!B2: cell reference 'B2' is out of order");
  fails_with(R"(<row r="2"><c r="C3"><v>1</v></c></row>)", "cell reference 'C3' is out of order");
  fails_with(R"(<row r="2"><c r="A2" t="b"><v>yes</v></c></row>)", "S'!A2: a boolean");
  fails_with(R"(<row r="2"><c r="A2"><v>12abc</v></c></row>)", "'12abc' is not a number");
  fails_with(R"(<row r="2"><c r="A2" t="zz"><v>1</v></c></row>)", "unknown cell type");
  fails_with(R"(<row r="2"><c r="A2"><v>1</v></row>)", "line 1: not well-formed XML");
}

TEST(xlsx_read, a_cell_longer_than_the_limit_is_refused) {
  limits caps;
  caps.cell_bytes = 10;
  const std::string m = error_of(
      workbook_with(
          R"(<row r="12"><c r="C12" t="inlineStr"><is><t>0123456789ab</t></is></c></row>)"),
      caps);
  EXPECT_NE(m.find("sheet 'S'!C12: cell text longer than 10 bytes"), std::string::npos) << m;
}

TEST(xlsx_read, shared_strings_are_bounded_by_what_is_read_not_what_is_declared) {
  const std::string declared_huge =
      R"(<sst)" + ns + R"( count="4000000000" uniqueCount="4000000000">)";
  std::map<std::string, std::string> p = parts_with(R"(<row r="1"><c t="s"><v>1</v></c></row>)");
  p["xl/sharedStrings.xml"] = declared_huge + "<si><t>a</t></si><si><t>b</t></si></sst>";
  EXPECT_EQ(rows_of(zip_of(p))[0].cells, (std::vector<std::string>{"t:b"}));
  limits caps;
  caps.shared_strings = 1;
  EXPECT_NE(error_of(zip_of(p), caps).find("xl/sharedStrings.xml: more than 1 shared strings"),
            std::string::npos);
  caps = {};
  caps.shared_string_bytes = 1;
  EXPECT_NE(error_of(zip_of(p), caps).find("shared strings hold more than 1 bytes"),
            std::string::npos);
}

TEST(xlsx_read, zip_bombs_are_stopped_while_inflating) {
  std::map<std::string, std::string> p = parts_with("");
  p["xl/worksheets/sheet1.xml"] =
      "<worksheet" + ns + "><sheetData>" + std::string(64U << 20, ' ') + "</sheetData></worksheet>";
  const std::string bomb = zip_of(p);
  EXPECT_LT(bomb.size(), 1U << 20);
  limits caps;
  caps.entry_bytes = 16U << 20;
  std::string m = error_of(bomb, caps);
  EXPECT_NE(m.find("xl/worksheets/sheet1.xml: the entry inflates to more than 16777216 bytes "
                   "(a zip bomb?)"),
            std::string::npos)
      << m;
  caps = {};
  caps.compression_ratio = 100;
  m = error_of(bomb, caps);
  EXPECT_NE(m.find("inflates more than 100 times its compressed size"), std::string::npos) << m;
  caps = {};
  caps.total_bytes = 1U << 20;
  m = error_of(bomb, caps);
  EXPECT_NE(m.find("the workbook inflates to more than 1048576 bytes"), std::string::npos) << m;
}

TEST(xlsx_read, doctype_and_entity_expansion_are_refused) {
  std::map<std::string, std::string> p = parts_with("");
  p["xl/worksheets/sheet1.xml"] =
      R"(<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol">)"
      R"(<!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;">)"
      R"(<!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]>)"
      "<worksheet" +
      ns +
      R"(><sheetData><row><c t="inlineStr"><is><t>&lol3;</t></is></c></row>)"
      "</sheetData></worksheet>";
  const std::string m = error_of(zip_of(p));
  EXPECT_NE(m.find("xl/worksheets/sheet1.xml: line 1: a DOCTYPE is not allowed"), std::string::npos)
      << m;
  // In a part read on opening too.
  p = parts_with("");
  p["xl/sharedStrings.xml"] = R"(<!DOCTYPE x SYSTEM "file:///etc/passwd"><sst/>)";
  EXPECT_NE(error_of(zip_of(p)).find("xl/sharedStrings.xml: line 1: a DOCTYPE"), std::string::npos);
}

TEST(xlsx_read, deep_nesting_is_refused) {
  std::string deep;
  for (int i = 0; i < 10'000; ++i) deep += "<a>";
  for (int i = 0; i < 10'000; ++i) deep += "</a>";
  std::map<std::string, std::string> p = parts_with(deep);
  EXPECT_NE(error_of(zip_of(p)).find("elements nested deeper than 64 levels"), std::string::npos);
  p = parts_with("");
  p["xl/styles.xml"] = deep;
  EXPECT_NE(error_of(zip_of(p)).find("xl/styles.xml: line 1: elements nested deeper"),
            std::string::npos);
}

TEST(xlsx_read, files_that_are_not_workbooks_are_format_errors) {
  std::string ole("\xD0\xCF\x11\xE0\xA1\xB1\x1A\xE1", 8);
  ole += std::string(512, '\0');
  EXPECT_NE(error_of<format_error>(ole).find(".xls (Excel 97-2003)"), std::string::npos);
  EXPECT_NE(error_of<format_error>("code,name\n1,x\n")
                .find("not an Excel workbook (.xlsx): not a zip file"),
            std::string::npos);
  EXPECT_NE(error_of<format_error>("").find("not a zip file"), std::string::npos);
  EXPECT_NE(error_of<format_error>(zip_of({{"word/document.xml", "<w/>"}}))
                .find("not an Excel workbook (.xlsx): the zip file has no xl/workbook.xml"),
            std::string::npos);
  std::map<std::string, std::string> p = parts_with("");
  p.erase("xl/worksheets/sheet1.xml");
  EXPECT_NE(
      error_of(zip_of(p)).find("sheet 'S': the workbook has no entry xl/worksheets/sheet1.xml"),
      std::string::npos);
}

TEST(xlsx_read, a_file_that_cannot_be_opened_is_an_io_error) {
  const fs::path missing = goaltrack_test::fresh_dir("xlsx_missing") / "none.xlsx";
  try {
    (void)workbook::open(missing);
    ADD_FAILURE() << "opened";
  } catch (const io_error& e) {
    EXPECT_EQ(e.path(), missing.string());
    EXPECT_NE(std::string(e.what()).find("cannot open"), std::string::npos);
  }
}

// --- writing and reading back ---------------------------------------------------------

// The text of entry `name` of the zip archive `bytes` ("" when absent).
std::string entry_text(const std::string& bytes, const std::string& name) {
  zip_error_t error;
  zip_error_init(&error);
  zip_source_t* s = zip_source_buffer_create(bytes.data(), bytes.size(), 0, &error);
  zip_t* z = zip_open_from_source(s, ZIP_RDONLY, &error);
  if (z == nullptr) return {};
  std::string text;
  if (zip_file_t* f = zip_fopen(z, name.c_str(), 0)) {
    char buffer[4096];
    zip_int64_t n = 0;
    while ((n = zip_fread(f, buffer, sizeof buffer)) > 0) {
      text.append(buffer, static_cast<std::size_t>(n));
    }
    zip_fclose(f);
  }
  zip_discard(z);
  return text;
}

TEST(xlsx_write, round_trip_keeps_cells_types_and_sheet_order) {
  const fs::path dir = goaltrack_test::fresh_dir("xlsx_round_trip");
  const fs::path file = dir / "plan.xlsx";
  const std::vector<column_spec> target_columns = {
      {"code", {}}, {"name", {}}, {"value", {}},
      {"due", {}},  {"done", {}}, {"status", {"planned", "Hoàn thành", "dropped"}}};
  const std::vector<column_spec> task_columns = {{"task", {}}, {"count", {}}};
  constexpr int rows = 1200;
  {
    workbook_writer w(file);
    sheet_writer& targets = w.add_sheet("targets", target_columns);
    sheet_writer& tasks = w.add_sheet("nhiệm vụ", task_columns);
    for (int i = 0; i < rows; ++i) {
      targets.text("T" + std::to_string(i));
      targets.text(i % 3 == 0 ? "Hoàn thành" : "");
      if (i % 5 == 0) {
        targets.blank();
      } else {
        targets.number(i * 0.5 + 0.125);
      }
      targets.day(day_of(2024, 1, 1) + i);
      targets.boolean(i % 2 == 0);
      targets.text(i % 2 == 0 ? "planned" : "dropped");
      targets.end_row();
      tasks.integer(static_cast<std::uint64_t>(i) * 1'000'003U);
      tasks.end_row();
    }
    w.close();
  }
  ASSERT_TRUE(fs::exists(file));
  EXPECT_EQ(std::distance(fs::directory_iterator(dir), fs::directory_iterator()), 1);
  const workbook wb = workbook::open(file);
  EXPECT_EQ(wb.sheet_names(), (std::vector<std::string>{"targets", "nhiệm vụ"}));
  EXPECT_FALSE(wb.date1904());
  sheet_reader r = wb.sheet(0);
  ASSERT_TRUE(r.next());
  EXPECT_EQ(r.row(), 1U);
  ASSERT_EQ(r.cells().size(), 6U);
  EXPECT_EQ(r.cells()[5].text, "status");
  for (int i = 0; i < rows; ++i) {
    ASSERT_TRUE(r.next());
    EXPECT_EQ(r.row(), static_cast<std::uint32_t>(i + 2));
    const std::span<const cell> c = r.cells();
    ASSERT_EQ(c.size(), 6U) << i;
    EXPECT_EQ(c[0].type, cell_type::text);
    EXPECT_EQ(c[0].text, "T" + std::to_string(i));
    EXPECT_EQ(c[1].type, i % 3 == 0 ? cell_type::text : cell_type::blank);
    if (i % 3 == 0) {
      EXPECT_EQ(c[1].text, "Hoàn thành");
    }
    if (i % 5 == 0) {
      EXPECT_EQ(c[2].type, cell_type::blank);
    } else {
      EXPECT_EQ(c[2].type, cell_type::number);
      EXPECT_DOUBLE_EQ(number_of(c[2].text), i * 0.5 + 0.125);
    }
    EXPECT_EQ(c[3].type, cell_type::date_number);
    EXPECT_EQ(serial_day(number_of(c[3].text), wb.date1904()), day_of(2024, 1, 1) + i);
    EXPECT_EQ(c[4].type, cell_type::boolean);
    EXPECT_EQ(c[4].text, i % 2 == 0 ? "1" : "0");
    EXPECT_EQ(c[5].text, i % 2 == 0 ? "planned" : "dropped");
  }
  EXPECT_FALSE(r.next());
  sheet_reader t = wb.sheet(1);
  ASSERT_TRUE(t.next());
  EXPECT_EQ(t.cells()[1].text, "count");
  for (int i = 0; i < rows; ++i) {
    ASSERT_TRUE(t.next());
    EXPECT_DOUBLE_EQ(number_of(t.cells()[0].text), static_cast<double>(i) * 1'000'003.0);
  }
  EXPECT_FALSE(t.next());
}

TEST(xlsx_write, header_is_frozen_columns_sized_and_choices_validated) {
  const fs::path file = goaltrack_test::fresh_dir("xlsx_features") / "f.xlsx";
  std::vector<std::string> many;
  for (int i = 0; i < 40; ++i) many.push_back("choice number " + std::to_string(i));
  many.emplace_back("with, a comma");
  const std::vector<column_spec> columns = {
      {"kind", {"a", "b"}}, {"a rather long header for its column", {}}, {"long", many}};
  {
    workbook_writer w(file);
    sheet_writer& s = w.add_sheet("S", columns);
    s.text("a");
    s.text(std::string(100, 'x'));
    s.text("choice number 3");
    s.end_row();
    w.close();
  }
  const std::string bytes = goaltrack_test::read_text(file);
  const std::string sheet = entry_text(bytes, "xl/worksheets/sheet1.xml");
  EXPECT_NE(sheet.find(R"(<pane ySplit="1" topLeftCell="A2" activePane="bottomLeft")"),
            std::string::npos)
      << sheet;
  EXPECT_NE(sheet.find(R"(<col min="2" max="2" width="60)"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find(R"(<formula1>"a,b"</formula1>)"), std::string::npos) << sheet;
  EXPECT_NE(sheet.find("<formula1>lists!$A$1:$A$41</formula1>"), std::string::npos) << sheet;
  // The long list is on a hidden sheet "lists", read back like any other.
  const workbook wb = workbook::from_memory(bytes);
  ASSERT_EQ(wb.sheet_names(), (std::vector<std::string>{"S", "lists"}));
  EXPECT_TRUE(wb.hidden(1));
  const std::vector<read_row> lists = rows_of(wb.sheet(1));
  ASSERT_EQ(lists.size(), many.size());
  EXPECT_EQ(lists.back().cells, (std::vector<std::string>{"t:with, a comma"}));
  // The header is bold: its cells have a style other than the default.
  EXPECT_NE(sheet.find(R"(<c r="A1" s=")"), std::string::npos) << sheet;
}

TEST(xlsx_write, refused_names_and_texts_are_invalid_arguments) {
  const fs::path dir = goaltrack_test::fresh_dir("xlsx_refused");
  workbook_writer w(dir / "r.xlsx");
  const std::vector<column_spec> columns = {{"a", {}}};
  EXPECT_THROW(w.add_sheet("lists", columns), invalid_argument);
  EXPECT_THROW(w.add_sheet("a[b]", columns), invalid_argument);
  EXPECT_THROW(w.add_sheet(std::string(32, 's'), columns), invalid_argument);
  sheet_writer& s = w.add_sheet("S", columns);
  EXPECT_THROW(w.add_sheet("S", columns), invalid_argument);
  try {
    s.text(std::string(32768, 'x'));
    ADD_FAILURE() << "written";
  } catch (const invalid_argument& e) {
    EXPECT_NE(std::string(e.what()).find("sheet 'S'!A2: text longer than Excel's 32767"),
              std::string::npos)
        << e.what();
  }
  EXPECT_THROW(s.text(std::string("a\0b", 3)), invalid_argument);
  EXPECT_THROW(s.number(std::numeric_limits<double>::infinity()), invalid_argument);
  EXPECT_THROW(s.day(day_of(1899, 12, 31)), invalid_argument);
  // Without close() the target is never created and the temporary is removed.
}

TEST(xlsx_write, unclosed_writer_leaves_no_file) {
  const fs::path dir = goaltrack_test::fresh_dir("xlsx_unclosed");
  {
    workbook_writer w(dir / "u.xlsx");
    const std::vector<column_spec> columns = {{"a", {}}};
    w.add_sheet("S", columns).text("x");
  }
  EXPECT_TRUE(fs::is_empty(dir));
}

TEST(xlsx_write, close_in_a_missing_directory_is_an_io_error) {
  const fs::path file = goaltrack_test::fresh_dir("xlsx_missing_dir") / "no" / "w.xlsx";
  EXPECT_THROW(
      {
        workbook_writer w(file);
        w.close();
      },
      io_error);
}

TEST(xlsx_write, text_that_looks_like_an_escape_and_control_characters_round_trip) {
  const fs::path file = goaltrack_test::fresh_dir("xlsx_escapes") / "e.xlsx";
  const std::vector<std::string> texts = {"a_x0041_b", "_x005F_",  "tab\there",
                                          "bell\x07",  "cr\r\nlf", "_x00_"};
  {
    workbook_writer w(file);
    const std::vector<column_spec> columns = {{"t", {}}};
    sheet_writer& s = w.add_sheet("S", columns);
    for (const std::string& t : texts) {
      s.text(t);
      s.end_row();
    }
    w.close();
  }
  const std::vector<read_row> rows = rows_of(workbook::open(file).sheet(0));
  ASSERT_EQ(rows.size(), texts.size() + 1);
  for (std::size_t i = 0; i < texts.size(); ++i) {
    EXPECT_EQ(rows[i + 1].cells, (std::vector<std::string>{"t:" + texts[i]}));
  }
}

}  // namespace
