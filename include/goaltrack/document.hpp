#pragma once
/// @file
/// Reports as documents: a title and numbered sections of paragraphs, tables and charts,
/// in one language, in which every figure keeps the entity and the evaluation value it
/// came from. A document is data: renderers write it as plain text, Markdown, HTML or
/// JSON with the same facts, and a reader or a program can trace each figure back.
///
///     document doc{language::en, "Review of 2020", make_date(2021, 1, 21)};
///     section& targets = doc.add_section("Targets for 2020");
///     targets.add_paragraph(1)
///         .add("Students going on to upper secondary: ")
///         .add({"58.1%", upper_secondary, "actual", 0.581});
///     render_text(doc);  // "Review of 2020\n\n1. Targets for 2020\n- Students ...: 58.1%\n"

#include <cstdint>
#include <deque>
#include <list>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "goaltrack/chart.hpp"
#include "goaltrack/export.hpp"
#include "goaltrack/label.hpp"
#include "goaltrack/language.hpp"
#include "goaltrack/period.hpp"

namespace goaltrack {

class plan;

/// A figure of a report as written, with where it came from.
struct GOALTRACK_API figure {
  std::string text;   ///< as written: "58,1%", "gần 47 triệu đồng", "đạt"
  entity_ref entity;  ///< the entity it is about
  /// the evaluation value it writes: "actual", "progress", "status", "tasks.completed", ...
  std::string value;
  std::optional<double> number;  ///< the number it writes, unrounded (none for words)
  friend bool operator==(const figure&, const figure&) = default;
};

/// A piece of a paragraph: plain text or a figure.
using text_run = std::variant<std::string, figure>;

/// Text made of runs: prose, or an item of a list.
struct GOALTRACK_API paragraph {
  std::vector<text_run> runs;
  /// 0: prose; 1: an item of a list ("- "); 2: an item under the item before it ("  + ")
  std::uint8_t list_level = 0;

  /// Appends plain text (joined to the text before it) or a figure; returns *this.
  paragraph& add(std::string text);
  paragraph& add(figure f);
  /// The runs' texts joined: what the paragraph says.
  [[nodiscard]] std::string text() const;
  /// Every figure, in order.
  [[nodiscard]] std::vector<figure> figures() const;
  friend bool operator==(const paragraph&, const paragraph&) = default;
};

/// A table: a header row and rows of cells (paragraphs), as many cells as header columns.
struct GOALTRACK_API table {
  std::string caption;              ///< may be empty
  std::vector<std::string> header;  ///< the columns' names
  std::vector<std::vector<paragraph>> rows;
  /// Appends a row. @throws invalid_argument when it has not as many cells as the header.
  table& add_row(std::vector<paragraph> cells);
  friend bool operator==(const table&, const table&) = default;
};

/// A paragraph, a table or a chart.
using block = std::variant<paragraph, table, chart>;

/// A section: a heading, its blocks, then its subsections. Blocks and sections are kept in
/// containers that never move what they hold: a reference add_paragraph, add_table or
/// add_section returned stays valid as more is added (std::list holds sections, whose type
/// is incomplete where it is declared).
struct GOALTRACK_API section {
  std::string heading;
  std::deque<block> blocks;
  std::list<section> sections;

  /// Appends a paragraph at `list_level` and returns it, to add runs to.
  paragraph& add_paragraph(std::uint8_t list_level = 0);
  /// Appends a table with this header and returns it, to add rows to.
  table& add_table(std::vector<std::string> header, std::string caption = {});
  /// Appends a chart (chart.hpp) and returns it. @throws invalid_argument as
  /// chart::validate, leaving the section as it was.
  chart& add_chart(chart c);
  /// Appends a block made elsewhere (review_writer::result, a copied table); returns *this.
  /// @throws invalid_argument for a chart that chart::validate refuses.
  section& add(block b);
  /// Appends a subsection and returns it.
  section& add_section(std::string title);
  friend bool operator==(const section&, const section&) = default;
};

/// A report in one language, as of one date.
struct GOALTRACK_API document {
  language lang = language::vi;  ///< the language it is written in
  std::string title;
  date as_of;                      ///< the date its figures are evaluated as of
  std::vector<paragraph> preface;  ///< before the first section (e.g. the meeting's date)
  std::list<section> sections;     ///< numbered 1, 2, ... when rendered (stable references)
  /// The entities named by their own name: they have no label in `lang` (plan::name_in).
  std::vector<entity_ref> fallbacks;

  document() = default;
  document(language in, std::string title_text, date evaluated_as_of)
      : lang(in), title(std::move(title_text)), as_of(evaluated_as_of) {}
  /// Appends a numbered section and returns it.
  section& add_section(std::string heading);
  /// Every figure of the document, in reading order.
  [[nodiscard]] std::vector<figure> figures() const;
  friend bool operator==(const document&, const document&) = default;
};

/// The document as plain text: the title, the preface, then "1. Heading" per section
/// ("1.2. Heading" for a subsection), paragraphs as lines ("- " and "  + " for list
/// items), tables with columns padded to their widest cell (in code points) under a rule
/// of dashes, charts as their text alternative ("Biểu đồ: title. description" / "Chart:
/// ..."). Lines end with "\n"; a blank line parts sections.
[[nodiscard]] GOALTRACK_API std::string render_text(const document& doc);

/// The document as CommonMark (GitHub tables): "# Title", "## 1. Heading", list items,
/// pipe tables, charts as their text alternative in italics; characters Markdown would
/// read as markup are escaped, so every text is shown as written.
[[nodiscard]] GOALTRACK_API std::string render_markdown(const document& doc);

/// The document as JSON, in the layout the JSON Schema `schema/document.schema.json`
/// publishes (installed as `share/goaltrack/document.schema.json`; draft 2020-12):
/// {"format": "goaltrack-document", "version": 1, "lang", "title", "as_of" (ISO), "preface",
/// "sections" (each with its "number" "1.2", "heading", "blocks", "sections"), "fallbacks"}.
/// A block is {"type": "paragraph", "list_level", "text", "runs"}, {"type": "table",
/// "caption", "header", "rows" of paragraphs} or {"type": "chart", "kind", "title",
/// "description", "unit", "entity", "categories" [{"label", "entity"}], "series" [{"name",
/// "colour", "style", "value", "values", "points" [{"day", "value"}]}], "span" ({"first",
/// "last"} or null), "goal" (or null)}; a run is {"text"} or {"text", "figure":
/// {"entity", "value", "number"}}, an entity {"kind", "id", "code"} as `p` names it (null
/// for the plan as a whole). Keys in that order, two-space indents, UTF-8 as is.
/// @throws not_found for an entity `p` does not have; invalid_argument for text that is
///         not UTF-8 (text added by hand: a plan's is always UTF-8).
[[nodiscard]] GOALTRACK_API std::string render_json(const document& doc, const plan& p);

/// The document as one self-contained HTML5 page: UTF-8, an inline style sheet with print
/// rules (A4 margins, no break inside a table row or a chart, table headers repeated on
/// each page), no script and no external reference, so it opens offline and prints as
/// shown. The title as <h1>, sections as <h2>/<h3> "1.2. Heading", prose as <p>, list
/// items as nested <ul>, tables as <table> with border, cellpadding and inline cell styles
/// (what Word keeps when the page is pasted into it), charts as inline SVG (render_svg) in
/// a <figure> captioned by the chart's title. A figure is a <span class="figure"> with
/// data-entity ("target:3") and data-value, so a script can trace it. Deterministic, like
/// the other renderers. @throws invalid_argument for a chart that chart::validate refuses.
[[nodiscard]] GOALTRACK_API std::string render_html(const document& doc);

}  // namespace goaltrack
