// Documents as one self-contained HTML page (document.hpp): no script, no external
// reference; tables carry their borders as attributes and inline styles as well as in the
// style sheet, because Word keeps those when a page is pasted into it and drops the rest.
#include <algorithm>
#include <string>
#include <string_view>

#include "entity_names.hpp"
#include "goaltrack/document.hpp"
#include "markup.hpp"

namespace goaltrack {
namespace {

using markup::escape;

// Screen: a readable column that never scrolls sideways (long words and codes break);
// print: A4, no break inside a table row or a chart, headers repeated on each page.
constexpr std::string_view style_sheet = R"(:root{color-scheme:light}
body{margin:0;background:#fff;color:#212121;font:15px/1.5 "Noto Sans","DejaVu Sans","Segoe UI",Roboto,Arial,sans-serif}
main{max-width:52rem;margin:0 auto;padding:1.5rem 1rem}
h1{font-size:1.5rem;line-height:1.3;margin:0 0 .75rem}
h2{font-size:1.2rem;margin:1.6rem 0 .5rem;padding-bottom:.2rem;border-bottom:1px solid #e0e0e0}
h3{font-size:1.05rem;margin:1.2rem 0 .4rem}
h1,h2,h3,p,li,th,td,caption,figcaption{overflow-wrap:anywhere}
p{margin:.4rem 0}
ul{margin:.3rem 0;padding-left:1.4rem}
table{border-collapse:collapse;width:100%;margin:.6rem 0;font-size:.9rem}
caption{caption-side:top;text-align:left;font-weight:600;padding:.3rem 0}
figure.chart{margin:1rem 0}
figure.chart svg{display:block;max-width:100%;height:auto}
figcaption{font-size:.9rem;color:#616161}
@page{size:A4;margin:18mm 16mm}
@media print{body{font-size:11pt}main{max-width:none;padding:0}h2,h3{break-after:avoid}tr,figure.chart{break-inside:avoid}thead{display:table-header-group}}
)";

constexpr std::string_view cell_style =
    "border:1px solid #9e9e9e;padding:4px 6px;vertical-align:top";

// A paragraph's runs: text escaped (its line breaks as <br>), figures traceable.
std::string runs_html(const paragraph& p) {
  std::string out;
  const auto add_text = [&](std::string_view text) {
    std::size_t start = 0;
    for (std::size_t end; (end = text.find('\n', start)) != std::string_view::npos;
         start = end + 1) {
      out += escape(text.substr(start, end - start)) + "<br>";
    }
    out += escape(text.substr(start));
  };
  for (const text_run& run : p.runs) {
    if (const auto* text = std::get_if<std::string>(&run)) {
      add_text(*text);
      continue;
    }
    const figure& f = std::get<figure>(run);
    out += "<span class=\"figure\" data-entity=\"" +
           std::string(detail::entity_kind_name(f.entity)) + ":" +
           std::to_string(detail::entity_id_value(f.entity)) + "\" data-value=\"" +
           escape(f.value) + "\">";
    add_text(f.text);
    out += "</span>";
  }
  return out;
}

std::string table_html(const table& t) {
  std::string out =
      "<table border=\"1\" cellspacing=\"0\" cellpadding=\"4\" "
      "style=\"border-collapse:collapse;border:1px solid #9e9e9e\">\n";
  if (!t.caption.empty()) out += "<caption>" + escape(t.caption) + "</caption>\n";
  out += "<thead><tr>";
  for (const std::string& h : t.header) {
    out += "<th style=\"" + std::string(cell_style) + ";background:#eeeeee;text-align:left\">" +
           escape(h) + "</th>";
  }
  out += "</tr></thead>\n<tbody>\n";
  for (const auto& row : t.rows) {
    out += "<tr>";
    for (const paragraph& cell : row) {
      out += "<td style=\"" + std::string(cell_style) + "\">" + runs_html(cell) + "</td>";
    }
    out += "</tr>\n";
  }
  return out + "</tbody>\n</table>\n";
}

std::string chart_html(const chart& c, language lang) {
  return "<figure class=\"chart\">\n" + render_svg(c, lang) + "<figcaption>" + escape(c.title) +
         "</figcaption>\n</figure>\n";
}

// Paragraphs of list levels 1 and 2 as nested lists: `open` is the level of the list item
// left open (0: none), which each call moves to the next block's.
class list_writer {
 public:
  explicit list_writer(std::string& out) : out_(out) {}
  list_writer(const list_writer&) = delete;
  list_writer& operator=(const list_writer&) = delete;
  ~list_writer() { close(); }

  void item(const paragraph& p) {
    const int level = std::min<int>(p.list_level, 2);
    while (open_ > level) close_one();
    if (open_ == level) {
      out_ += "</li>\n<li>";
    } else {
      while (open_ < level) {
        out_ += "<ul>\n<li>";
        ++open_;
      }
    }
    out_ += runs_html(p);
  }
  void close() {
    while (open_ > 0) close_one();
  }

 private:
  void close_one() {
    out_ += "</li>\n</ul>\n";
    --open_;
  }
  std::string& out_;
  int open_ = 0;
};

void section_html(const section& s, const std::string& number, int depth, language lang,
                  std::string& out) {
  const std::string h = "h" + std::to_string(std::min(depth + 1, 6));
  out += "<section>\n<" + h + ">" + escape(number + ". " + s.heading) + "</" + h + ">\n";
  {
    list_writer lists(out);
    for (const block& b : s.blocks) {
      const auto* p = std::get_if<paragraph>(&b);
      if (p != nullptr && p->list_level > 0) {
        lists.item(*p);
        continue;
      }
      lists.close();
      if (p != nullptr) {
        out += "<p>" + runs_html(*p) + "</p>\n";
      } else if (const auto* t = std::get_if<table>(&b)) {
        out += table_html(*t);
      } else {
        out += chart_html(std::get<chart>(b), lang);
      }
    }
  }
  std::size_t i = 0;
  for (const section& sub : s.sections) {
    section_html(sub, number + "." + std::to_string(++i), depth + 1, lang, out);
  }
  out += "</section>\n";
}

}  // namespace

std::string render_html(const document& doc) {
  std::string out = "<!DOCTYPE html>\n<html lang=\"" + std::string(to_string(doc.lang)) +
                    "\">\n<head>\n<meta charset=\"utf-8\">\n"
                    "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
                    "<title>" +
                    escape(doc.title) + "</title>\n<style>\n" + std::string(style_sheet) +
                    "</style>\n</head>\n<body>\n<main>\n<h1>" + escape(doc.title) + "</h1>\n";
  for (const paragraph& p : doc.preface) out += "<p>" + runs_html(p) + "</p>\n";
  std::size_t i = 0;
  for (const section& s : doc.sections) section_html(s, std::to_string(++i), 1, doc.lang, out);
  return out + "</main>\n</body>\n</html>\n";
}

}  // namespace goaltrack
