// document.hpp: reports as documents. The parts are Python classes with keyword
// constructors and the C++ fields as attributes; a text_run (str | figure) and a block
// (paragraph | table | chart, bind_chart.cpp) are those Python objects themselves
// (pybind11's std::variant caster). render_json reads its plan under the plan's lock
// (plan_handle.hpp).
//
// As in C++, add_paragraph, add_table, add_chart and add_section return the part they
// appended, inside its parent (reference_internal keeps the parent alive). Blocks and
// sections are kept in containers that never move what they hold and that Python reads but
// cannot reassign; every other list attribute (runs, rows, preface, fallbacks, and a chart's
// lists) is read as a copy and written whole. So nothing can free a part a Python object
// still refers to.

#include <deque>
#include <list>
#include <optional>
#include <string>
#include <utility>
#include <vector>

#include "goaltrack/document.hpp"
#include "plan_handle.hpp"

namespace goaltrack::python {
namespace {

void wrap_figure(py::module_& m) {
  py::class_<figure>(m, "figure", "A figure of a report as written, with where it came from.")
      .def(py::init([](std::string text, entity_ref entity, std::string value,
                       std::optional<double> number) {
             return figure{std::move(text), entity, std::move(value), number};
           }),
           py::arg("text") = std::string(), py::arg("entity") = py::none(),
           py::arg("value") = std::string(), py::arg("number") = py::none())
      .def_readwrite("text", &figure::text, "as written: \"58,1%\", \"gần 47 triệu đồng\", \"đạt\"")
      .def_readwrite("entity", &figure::entity,
                     "the entity it is about (an id; None: the plan as a whole)")
      .def_readwrite("value", &figure::value,
                     "the evaluation value it writes: \"actual\", \"progress\", \"status\",\n"
                     "\"tasks.completed\", ...")
      .def_readwrite("number", &figure::number, "the number it writes, unrounded (None for words)")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const figure& f) {
        return "figure(" + py_repr(py::str(f.text)) + ", entity=" + py_repr(py::cast(f.entity)) +
               ", value=" + py_repr(py::str(f.value)) +
               ", number=" + (f.number ? py_repr(py::cast(*f.number)) : std::string("None")) + ")";
      });
}

void wrap_paragraph(py::module_& m) {
  py::class_<paragraph>(m, "paragraph",
                        "Text made of runs (str or figure): prose, or an item of a list.")
      .def(py::init([](std::vector<text_run> runs, std::uint8_t list_level) {
             return paragraph{std::move(runs), list_level};
           }),
           py::arg("runs") = std::vector<text_run>{}, py::arg("list_level") = 0)
      .def_property("runs", copy_of(&paragraph::runs), assign(&paragraph::runs),
                    "the runs, each a str or a figure (a copy: assign a list to change them)")
      .def_readwrite("list_level", &paragraph::list_level,
                     "0: prose; 1: an item of a list (\"- \"); 2: an item under the item "
                     "before it (\"  + \")")
      // reference: the paragraph returned is `self`, the Python object called.
      .def(
          "add",
          [](paragraph& self, std::string text) -> paragraph& { return self.add(std::move(text)); },
          py::arg("text"), py::return_value_policy::reference,
          "Appends plain text (joined to the text before it); returns this paragraph.")
      .def(
          "add", [](paragraph& self, figure f) -> paragraph& { return self.add(std::move(f)); },
          py::arg("figure"), py::return_value_policy::reference,
          "Appends a figure; returns this paragraph.")
      .def("text", &paragraph::text, "The runs' texts joined: what the paragraph says.")
      .def("figures", &paragraph::figures, "Every figure, in order.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const paragraph& p) {
        return "paragraph(" + py_repr(py::cast(p.runs)) +
               (p.list_level == 0 ? std::string()
                                  : ", list_level=" + std::to_string(p.list_level)) +
               ")";
      });
}

void wrap_table(py::module_& m) {
  py::class_<table>(m, "table",
                    "A table: a header row and rows of cells (paragraphs), as many cells as "
                    "header\ncolumns.")
      .def(py::init([](std::vector<std::string> header, std::string caption,
                       std::vector<std::vector<paragraph>> rows) {
             table t;
             t.header = std::move(header);
             t.caption = std::move(caption);
             for (std::vector<paragraph>& row : rows) t.add_row(std::move(row));
             return t;
           }),
           py::arg("header") = std::vector<std::string>{}, py::arg("caption") = std::string(),
           py::arg("rows") = std::vector<std::vector<paragraph>>{},
           "The rows are added by add_row: raises InvalidArgument for a row that has not as\n"
           "many cells as the header.")
      .def_readwrite("caption", &table::caption, "may be empty")
      .def_readwrite("header", &table::header, "the columns' names")
      .def_property("rows", copy_of(&table::rows), assign(&table::rows),
                    "the rows, each a list of paragraphs (a copy: add rows with add_row)")
      .def("add_row", &table::add_row, py::arg("cells"), py::return_value_policy::reference,
           "Appends a row; returns this table. Raises InvalidArgument when it has not as many\n"
           "cells as the header.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const table& t) {
        return "table(" + py_repr(py::cast(t.header)) +
               (t.caption.empty() ? std::string() : ", caption=" + py_repr(py::str(t.caption))) +
               ", " + list_repr(t.rows.size(), "row", "rows") + ")";
      });
}

void wrap_section(py::module_& m) {
  py::class_<section>(m, "section", "A section: a heading, its blocks, then its subsections.")
      .def(py::init(
               [](std::string heading, std::vector<block> blocks, std::vector<section> sections) {
                 section s{std::move(heading), {}, {sections.begin(), sections.end()}};
                 for (block& b : blocks) s.add(std::move(b));
                 return s;
               }),
           py::arg("heading") = std::string(), py::arg("blocks") = std::vector<block>{},
           py::arg("sections") = std::vector<section>{},
           "The blocks are added by add: raises InvalidArgument for a chart that chart.validate\n"
           "refuses.")
      .def_readwrite("heading", &section::heading)
      // The parts themselves, read-only: blocks and sections are only ever added, into
      // containers that never move them, so no Python object can outlive its part.
      .def_property_readonly(
          "blocks", [](section& s) -> std::deque<block>& { return s.blocks; },
          py::return_value_policy::reference_internal,
          "the blocks, each a paragraph, a table or a chart (add them with add_paragraph,\n"
          "add_table and add_chart)")
      .def_property_readonly(
          "sections", [](section& s) -> std::list<section>& { return s.sections; },
          py::return_value_policy::reference_internal,
          "the subsections (add them with add_section)")
      .def("add_paragraph", &section::add_paragraph, py::arg("list_level") = 0,
           py::return_value_policy::reference_internal,
           "Appends a paragraph at `list_level` and returns it (inside this section), to add\n"
           "runs to. It stays valid as more is added.")
      .def("add_table", &section::add_table, py::arg("header"), py::arg("caption") = std::string(),
           py::return_value_policy::reference_internal,
           "Appends a table with this header and returns it (inside this section), to add\n"
           "rows to. It stays valid as more is added.")
      .def("add_chart", &section::add_chart, py::arg("chart"),
           py::return_value_policy::reference_internal,
           "Appends a chart (a copy of it) and returns it (inside this section). It stays valid\n"
           "as more is added. Raises InvalidArgument as chart.validate, leaving the section as\n"
           "it was.")
      .def("add", &section::add, py::arg("block"), py::return_value_policy::reference,
           "Appends a block made elsewhere (a paragraph, a table or a chart: a copy of it);\n"
           "returns this section. Raises InvalidArgument for a chart that chart.validate\n"
           "refuses.")
      .def("add_section", &section::add_section, py::arg("title"),
           py::return_value_policy::reference_internal,
           "Appends a subsection and returns it (inside this section). It stays valid as\n"
           "more is added.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const section& s) {
        return "section(" + py_repr(py::str(s.heading)) + ", " +
               list_repr(s.blocks.size(), "block", "blocks") + ", " +
               list_repr(s.sections.size(), "subsection", "subsections") + ")";
      });
}

void wrap_document_class(py::module_& m) {
  py::class_<document>(m, "document", "A report in one language, as of one date.")
      .def(py::init([](language lang, std::string title, std::optional<date> as_of,
                       std::vector<paragraph> preface, std::vector<section> sections,
                       std::vector<entity_ref> fallbacks) {
             document d(lang, std::move(title), as_of.value_or(date()));
             d.preface = std::move(preface);
             d.sections.assign(sections.begin(), sections.end());
             d.fallbacks = std::move(fallbacks);
             return d;
           }),
           py::arg("lang") = language::vi, py::arg("title") = std::string(),
           py::arg("as_of") = py::none(), py::kw_only(),
           py::arg("preface") = std::vector<paragraph>{},
           py::arg("sections") = std::vector<section>{},
           py::arg("fallbacks") = std::vector<entity_ref>{})
      .def_readwrite("lang", &document::lang, "the language it is written in")
      .def_readwrite("title", &document::title)
      .def_property(
          "as_of",
          [](const document& d) {
            return d.as_of.is_special() ? std::nullopt : std::optional<date>(d.as_of);
          },
          [](document& d, std::optional<date> as_of) { d.as_of = as_of.value_or(date()); },
          "the date its figures are evaluated as of (None: not set)")
      .def_property("preface", copy_of(&document::preface), assign(&document::preface),
                    "paragraphs before the first section (e.g. the meeting's date)")
      .def_property_readonly(
          "sections", [](document& d) -> std::list<section>& { return d.sections; },
          py::return_value_policy::reference_internal,
          "numbered 1, 2, ... when rendered (add them with add_section)")
      .def_property("fallbacks", copy_of(&document::fallbacks), assign(&document::fallbacks),
                    "the entities named by their own name: they have no label in `lang`\n"
                    "(plan.name_in)")
      .def("add_section", &document::add_section, py::arg("heading"),
           py::return_value_policy::reference_internal,
           "Appends a numbered section and returns it (inside this document). It stays valid\n"
           "as more is added.")
      .def("figures", &document::figures, "Every figure of the document, in reading order.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const document& d) {
        return "<goaltrack.document " + py_repr(py::str(d.title)) + " (" +
               std::string(to_string(d.lang)) + ")" +
               (d.as_of.is_special() ? std::string() : " as of " + to_iso(d.as_of)) + ": " +
               list_repr(d.sections.size(), "section", "sections") + ">";
      });
}

}  // namespace

void wrap_document(py::module_& m) {
  wrap_figure(m);
  wrap_paragraph(m);
  wrap_table(m);
  wrap_section(m);
  wrap_document_class(m);
  m.def("render_text", &render_text, py::arg("doc"),
        "The document as plain text: the title, the preface, then \"1. Heading\" per section\n"
        "(\"1.2. Heading\" for a subsection), paragraphs as lines (\"- \" and \"  + \" for list\n"
        "items), tables with columns padded to their widest cell (in code points) under a rule\n"
        "of dashes, charts as their text alternative (\"Biểu đồ: title. description\" / \"Chart:\n"
        "...\"). Lines end with \"\\n\"; a blank line parts sections.");
  m.def("render_markdown", &render_markdown, py::arg("doc"),
        "The document as CommonMark (GitHub tables): \"# Title\", \"## 1. Heading\", list items,\n"
        "pipe tables, charts as their text alternative in italics; characters Markdown would\n"
        "read as markup are escaped, so every text is shown as written.");
  m.def(
      "render_json",
      [](const document& doc, const plan_handle& p) {
        return p.read([&](const plan& pl) { return render_json(doc, pl); });
      },
      py::arg("doc"), py::arg("plan"),
      "The document as JSON, in the layout of the JSON Schema schema/document.schema.json\n"
      "(installed as share/goaltrack/document.schema.json; draft 2020-12): {\"format\":\n"
      "\"goaltrack-document\", \"version\": 1, \"lang\", \"title\", \"as_of\" (ISO), \"preface\",\n"
      "\"sections\" (each with its \"number\" \"1.2\", \"heading\", \"blocks\", \"sections\"),\n"
      "\"fallbacks\"}. A block is {\"type\": \"paragraph\", \"list_level\", \"text\", \"runs\"},\n"
      "{\"type\": \"table\", \"caption\", \"header\", \"rows\" of paragraphs} or {\"type\":\n"
      "\"chart\", \"kind\", \"title\", \"description\", \"unit\", \"entity\", \"categories\"\n"
      "[{\"label\", \"entity\"}], \"series\" [{\"name\", \"colour\", \"style\", \"value\",\n"
      "\"values\", \"points\" [{\"day\", \"value\"}]}], \"span\" ({\"first\", \"last\"} or null),\n"
      "\"goal\" (or null)}; a run is {\"text\"} or {\"text\", \"figure\": {\"entity\", \"value\",\n"
      "\"number\"}}, an entity {\"kind\", \"id\", \"code\"} as `plan` names it (null for the plan\n"
      "as a whole). Keys in that order, two-space indents, UTF-8 as is. Raises NotFound for\n"
      "an entity the plan does not have; InvalidArgument for text that is not UTF-8.");
  m.def("render_html", &render_html, py::arg("doc"),
        "The document as one self-contained HTML5 page: UTF-8, an inline style sheet with print\n"
        "rules (A4 margins, no break inside a table row or a chart, table headers repeated on\n"
        "each page), no script and no external reference, so it opens offline and prints as\n"
        "shown. The title as <h1>, sections as <h2>/<h3> \"1.2. Heading\", prose as <p>, list\n"
        "items as nested <ul>, tables as <table> with border, cellpadding and inline cell\n"
        "styles (what Word keeps when the page is pasted into it), charts as inline SVG\n"
        "(render_svg) in a <figure> captioned by the chart's title. A figure is a <span\n"
        "class=\"figure\"> with data-entity (\"target:3\") and data-value, so a script can trace\n"
        "it. Deterministic, like the other renderers. Raises InvalidArgument for a chart that\n"
        "chart.validate refuses.");
}

}  // namespace goaltrack::python
