#include "goaltrack/document.hpp"

#include <gtest/gtest.h>

#include <nlohmann/json.hpp>
#include <string>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {
namespace {

// A small review: a preface, a section with list items and a figure, a table, and a
// subsection.
document small_review(language lang) {
  document doc{lang, "Review of 2020", make_date(2021, 1, 21)};
  doc.preface.emplace_back().add("Conference of 21 January 2021.");
  section& programs = doc.add_section("Action programs");
  programs.add_paragraph(1)
      .add("Program 190: completed ")
      .add({"7/7", program_id(0), "tasks.completed", 7.0});
  programs.add_paragraph(2).add("Supplementary task: advise on closing schools");
  programs.add_paragraph().add("All programs are on track.");
  section& targets = doc.add_section("Targets");
  targets.add_table({"Target", "Figure", "Status"}, "Targets of 2020")
      .add_row({paragraph().add("School sites removed"),
                paragraph().add({"98", target_id(0), "actual", 98.0}),
                paragraph().add({"achieved", target_id(0), "status", std::nullopt})})
      .add_row({paragraph().add("Going on to upper secondary"),
                paragraph().add({"58.1%", target_id(2), "actual", 0.581}),
                paragraph().add("achieved")});
  targets.add_section("Next year").add_paragraph(1).add("Aim for 100% well completed.");
  return doc;
}

TEST(document, figures_keep_their_entity_and_value_in_reading_order) {
  const document doc = small_review(language::en);
  const std::vector<figure> all = doc.figures();
  ASSERT_EQ(all.size(), 4U);
  EXPECT_EQ(all[0].entity, entity_ref(program_id(0)));
  EXPECT_EQ(all[0].value, "tasks.completed");
  EXPECT_EQ(all[2].text, "achieved");
  EXPECT_FALSE(all[2].number);
  EXPECT_EQ(all[3].entity, entity_ref(target_id(2)));
  EXPECT_NEAR(*all[3].number, 0.581, 1e-15);
  const auto& first = std::get<paragraph>(doc.sections.front().blocks[0]);
  EXPECT_EQ(first.text(), "Program 190: completed 7/7");
  EXPECT_EQ(first.runs.size(), 2U);  // plain text runs added in a row are joined
}

TEST(document, plain_text_numbers_sections_and_pads_tables) {
  EXPECT_EQ(render_text(small_review(language::en)),
            "Review of 2020\n"
            "Conference of 21 January 2021.\n"
            "\n"
            "1. Action programs\n"
            "- Program 190: completed 7/7\n"
            "  + Supplementary task: advise on closing schools\n"
            "All programs are on track.\n"
            "\n"
            "2. Targets\n"
            "Targets of 2020\n"
            "Target                       Figure  Status\n"
            "---------------------------  ------  --------\n"
            "School sites removed         98      achieved\n"
            "Going on to upper secondary  58.1%   achieved\n"
            "\n"
            "2.1. Next year\n"
            "- Aim for 100% well completed.\n");
}

TEST(document, text_tables_pad_by_code_points_not_bytes) {
  document doc{language::vi, "Báo cáo", make_date(2021, 1, 21)};
  doc.add_section("Chỉ tiêu")
      .add_table({"Chỉ tiêu", "Kết quả"})
      .add_row({paragraph().add("Điểm trường"), paragraph().add("đạt")})
      .add_row({paragraph().add("HSG"), paragraph().add("đạt")});
  EXPECT_EQ(render_text(doc),
            "Báo cáo\n\n1. Chỉ tiêu\n"
            "Chỉ tiêu     Kết quả\n"
            "-----------  -------\n"
            "Điểm trường  đạt\n"
            "HSG          đạt\n");
}

TEST(document, markdown_escapes_markup_so_text_shows_as_written) {
  document doc{language::en, "Review *2020*", make_date(2021, 1, 21)};
  section& s = doc.add_section("Results | notes");
  s.add_paragraph().add("1. not a list, # not a heading, <b>not html</b> & _not emphasis_");
  s.add_paragraph(1).add("- a dash in an item");
  s.add_paragraph(2).add("line one\nline two");
  s.add_table({"a|b", "c"}).add_row({paragraph().add("x|y"), paragraph().add("[z](u)")});
  EXPECT_EQ(render_markdown(doc),
            "# Review \\*2020\\*\n"
            "\n## 1. Results \\| notes\n"
            "\n"
            "1\\. not a list, # not a heading, \\<b\\>not html\\</b\\> \\& \\_not emphasis\\_\n"
            "\n"
            "- - a dash in an item\n"
            "  - line one\\\n"
            "line two\n"
            "\n"
            "| a\\|b | c |\n"
            "| --- | --- |\n"
            "| x\\|y | \\[z\\](u) |\n"
            "\n");
}

TEST(document, markdown_of_the_small_review) {
  const std::string md = render_markdown(small_review(language::en));
  EXPECT_NE(md.find("# Review of 2020\n"), std::string::npos) << md;
  EXPECT_NE(md.find("## 1. Action programs\n"), std::string::npos) << md;
  EXPECT_NE(md.find("### 2.1. Next year\n"), std::string::npos) << md;
  EXPECT_NE(md.find("| School sites removed | 98 | achieved |\n"), std::string::npos) << md;
  EXPECT_EQ(render_markdown(small_review(language::en)), md);  // the same, run after run
}

// The plan small_review's figures name: a program (id 0) and targets 0 to 2.
plan small_plan() {
  plan p;
  const collective_id dept = p.org().add_collective("SGD", "Sở GD-ĐT", "department");
  p.add_program({"CTr-190", "", "", "Chương trình 190", period::year(2020), dept, std::nullopt});
  for (const char* code : {"SITES", "PRIZES", "UPPER"}) {
    p.add_target(target::quantity(code, code, dept, period::year(2020)).at_least(1));
  }
  return p;
}

TEST(document, json_keeps_each_figure_with_its_entity_code_and_number) {
  const plan p = small_plan();
  document doc = small_review(language::en);
  doc.fallbacks.emplace_back(target_id(2));
  const std::string text = render_json(doc, p);
  EXPECT_EQ(text.rfind("{\n  \"format\": \"goaltrack-document\",\n  \"version\": 1,\n", 0), 0U)
      << "keys in the documented order, two-space indents:\n"
      << text;
  const auto json = nlohmann::json::parse(text);
  EXPECT_EQ(json["lang"], "en");
  EXPECT_EQ(json["as_of"], "2021-01-21");
  EXPECT_EQ(json["preface"][0]["text"], "Conference of 21 January 2021.");
  const auto& targets = json["sections"][1];
  EXPECT_EQ(targets["number"], "2");
  EXPECT_EQ(targets["sections"][0]["number"], "2.1");
  const auto& table = targets["blocks"][0];
  EXPECT_EQ(table["type"], "table");
  EXPECT_EQ(table["caption"], "Targets of 2020");
  const auto& run = table["rows"][1][1]["runs"][0];
  EXPECT_EQ(run["text"], "58.1%");
  EXPECT_EQ(run["figure"]["entity"],
            (nlohmann::json{{"kind", "target"}, {"id", 2}, {"code", "UPPER"}}));
  EXPECT_EQ(run["figure"]["value"], "actual");
  EXPECT_DOUBLE_EQ(run["figure"]["number"].get<double>(), 0.581);  // unrounded, as given
  EXPECT_FALSE(table["rows"][0][2]["runs"][0]["figure"].contains("number")) << "a word";
  const auto& item = json["sections"][0]["blocks"][0];
  EXPECT_EQ(item["list_level"], 1);
  EXPECT_EQ(item["text"], "Program 190: completed 7/7");
  EXPECT_EQ(json["fallbacks"],
            nlohmann::json::parse(R"([{"kind": "target", "id": 2, "code": "UPPER"}])"));
  EXPECT_EQ(text, render_json(doc, p)) << "run after run";
}

TEST(document, json_refuses_text_that_is_not_utf8_and_entities_of_another_plan) {
  const plan p = small_plan();
  document doc{language::vi, "Báo cáo", make_date(2021, 1, 21)};
  doc.add_section("A").add_paragraph().add("bad \xFF byte");
  EXPECT_THROW((void)render_json(doc, p), invalid_argument);
  document other{language::vi, "Báo cáo", make_date(2021, 1, 21)};
  other.add_section("A").add_paragraph().add({"1", target_id(7), "actual", 1.0});
  EXPECT_THROW((void)render_json(other, p), not_found);
}

TEST(document, what_add_returns_stays_valid_as_more_is_added) {
  document doc{language::en, "Review", make_date(2021, 1, 21)};
  section& first = doc.add_section("First");
  paragraph& opening = first.add_paragraph();
  table& figures = first.add_table({"Target", "Figure"});
  for (int i = 0; i < 100; ++i) {
    doc.add_section("More " + std::to_string(i)).add_section("Under it");
    first.add_paragraph(1).add("item");
  }
  first.heading = "Still the first";  // what the references name is still there
  opening.add("Still the opening.");
  figures.add_row({paragraph().add("Sites"), paragraph().add("98")});
  EXPECT_EQ(doc.sections.front().heading, "Still the first");
  EXPECT_EQ(std::get<paragraph>(doc.sections.front().blocks.front()).text(), "Still the opening.");
  EXPECT_EQ(std::get<table>(doc.sections.front().blocks[1]).rows.size(), 1U);
}

TEST(document, a_row_of_the_wrong_width_is_refused_naming_the_table) {
  table t;
  t.caption = "Targets";
  t.header = {"a", "b"};
  try {
    t.add_row({paragraph().add("only one")});
    FAIL();
  } catch (const invalid_argument& e) {
    EXPECT_STREQ(e.what(), "table 'Targets' row 1: 1 cells for 2 columns");
  }
  EXPECT_TRUE(t.rows.empty());
}

// The small review with a chart of its figures.
document charted_review() {
  document doc = small_review(language::en);
  chart c;
  c.title = "Targets by status";
  c.description = "3 targets: 3 achieved";
  c.unit = "targets";
  c.categories = {{"Department <DOET>", collective_id(0)}};
  c.series = {{"achieved", "#1b5e20", series_style::bar, "status:achieved", {3}, {}}};
  doc.sections.back().add_chart(c);
  return doc;
}

TEST(document, html_is_one_self_contained_page_that_prints) {
  const std::string html = render_html(charted_review());
  EXPECT_EQ(html.rfind("<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">", 0),
            0U);
  EXPECT_NE(html.find("<title>Review of 2020</title>"), std::string::npos);
  EXPECT_NE(html.find("@media print{"), std::string::npos);
  EXPECT_NE(html.find("@page{size:A4"), std::string::npos);
  // Nothing to fetch and nothing to run: the one URL is the SVG namespace, a name.
  for (const char* fetching : {"<script", "src=", "href=", "url(", "@import", "<link"}) {
    EXPECT_EQ(html.find(fetching), std::string::npos) << fetching;
  }
  std::size_t urls = 0;
  for (std::size_t at = html.find("http"); at != std::string::npos;
       at = html.find("http", at + 1)) {
    EXPECT_EQ(html.compare(at, 26, "http://www.w3.org/2000/svg"), 0);
    ++urls;
  }
  EXPECT_EQ(urls, 1U);
  EXPECT_EQ(html, render_html(charted_review())) << "run after run";
}

TEST(document, html_nests_lists_traces_figures_and_escapes_text) {
  document doc = small_review(language::en);
  doc.sections.front().add_paragraph().add("a < b & \"c\"\nnext line");
  const std::string html = render_html(doc);
  EXPECT_NE(html.find("<h2>1. Action programs</h2>\n<ul>\n<li>Program 190: completed <span "
                      "class=\"figure\" data-entity=\"program:0\" "
                      "data-value=\"tasks.completed\">7/7</span><ul>\n<li>Supplementary task: "
                      "advise on closing schools</li>\n</ul>\n</li>\n</ul>\n<p>All programs are "
                      "on track.</p>\n<p>a &lt; b &amp; &quot;c&quot;<br>next line</p>\n"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<h3>2.1. Next year</h3>"), std::string::npos);
}

TEST(document, html_tables_keep_their_borders_where_word_reads_them) {
  const std::string html = render_html(small_review(language::en));
  // Attributes and inline styles: what survives a paste into Word.
  EXPECT_NE(html.find("<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
                      "style=\"border-collapse:collapse;border:1px solid #9e9e9e\">\n"
                      "<caption>Targets of 2020</caption>\n<thead><tr><th style=\"border:1px "
                      "solid #9e9e9e;"),
            std::string::npos)
      << html;
  EXPECT_NE(html.find("<td style=\"border:1px solid #9e9e9e;padding:4px 6px;vertical-align:top\">"
                      "<span class=\"figure\" data-entity=\"target:2\" "
                      "data-value=\"actual\">58.1%</span></td>"),
            std::string::npos);
}

TEST(document, charts_are_svg_in_html_their_text_elsewhere_and_data_in_json) {
  const document doc = charted_review();
  const std::string html = render_html(doc);
  const std::size_t figure = html.find("<figure class=\"chart\">\n<svg ");
  ASSERT_NE(figure, std::string::npos);
  EXPECT_NE(html.find("</svg>\n<figcaption>Targets by status</figcaption>\n</figure>", figure),
            std::string::npos);
  EXPECT_NE(render_text(doc).find("Chart: Targets by status. 3 targets: 3 achieved\n"),
            std::string::npos);
  EXPECT_NE(render_markdown(doc).find("*Chart: Targets by status. 3 targets: 3 achieved*"),
            std::string::npos);
  const auto json = nlohmann::json::parse(render_json(doc, small_plan()));
  const auto& c = json["sections"][1]["blocks"][1];
  EXPECT_EQ(c["type"], "chart");
  EXPECT_EQ(c["kind"], "bars");
  EXPECT_EQ(c["categories"][0]["label"], "Department <DOET>");
  EXPECT_EQ(c["series"][0]["values"], nlohmann::json::parse("[3.0]"));
  EXPECT_EQ(c["series"][0]["colour"], "#1b5e20");
  EXPECT_TRUE(c["span"].is_null());
  EXPECT_EQ(doc.figures().size(), small_review(language::en).figures().size());
}

}  // namespace
}  // namespace goaltrack
