// Plain-text and Markdown renderings of a document (document.hpp).
#include <algorithm>
#include <cctype>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/document.hpp"
#include "utf8.hpp"

namespace goaltrack {
namespace {

// A table cell's width: its code points (a plan's text is NFC, one per Vietnamese letter).
std::size_t width(std::string_view s) { return detail::code_points(s); }

// `s` with its line breaks as spaces (a table cell is one line).
std::string one_line(std::string s) {
  std::replace(s.begin(), s.end(), '\n', ' ');
  return s;
}

// "1", "2", ... and "1.1", "1.2" for subsections.
std::string child_number(const std::string& parent, std::size_t i) {
  return (parent.empty() ? "" : parent + ".") + std::to_string(i + 1);
}

// --- plain text -------------------------------------------------------------------------

void text_paragraph(const paragraph& p, std::string& out) {
  static constexpr std::string_view prefixes[] = {"", "- ", "  + "};
  out += prefixes[std::min<std::size_t>(p.list_level, 2)];
  out += p.text();
  out += '\n';
}

void text_table(const table& t, std::string& out) {
  std::vector<std::vector<std::string>> lines{t.header};
  for (const auto& row : t.rows) {
    std::vector<std::string>& cells = lines.emplace_back();
    for (const paragraph& cell : row) cells.push_back(one_line(cell.text()));
  }
  std::vector<std::size_t> widths(t.header.size(), 0);
  for (const auto& cells : lines) {
    for (std::size_t c = 0; c < cells.size(); ++c) widths[c] = std::max(widths[c], width(cells[c]));
  }
  if (!t.caption.empty()) out += t.caption + "\n";
  const auto write = [&](const std::vector<std::string>& cells) {
    std::string line;
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c > 0) line += "  ";
      line += cells[c];
      line.append(widths[c] - width(cells[c]), ' ');
    }
    line.erase(line.find_last_not_of(' ') + 1);
    out += line + "\n";
  };
  write(lines.front());
  std::vector<std::string> rule;
  rule.reserve(widths.size());
  for (const std::size_t w : widths) rule.emplace_back(w, '-');
  write(rule);
  for (std::size_t i = 1; i < lines.size(); ++i) write(lines[i]);
}

// "Biểu đồ: title. description" / "Chart: ...": what the picture would say.
std::string chart_text(const chart& c, language lang) {
  std::string out = (lang == language::vi ? "Biểu đồ: " : "Chart: ") + c.title;
  if (!c.description.empty()) out += ". " + c.description;
  return out;
}

void text_section(const section& s, const std::string& number, language lang, std::string& out) {
  out += number + ". " + s.heading + "\n";
  for (const block& b : s.blocks) {
    if (const auto* p = std::get_if<paragraph>(&b)) {
      text_paragraph(*p, out);
    } else if (const auto* t = std::get_if<table>(&b)) {
      text_table(*t, out);
    } else {
      out += one_line(chart_text(std::get<chart>(b), lang)) + "\n";
    }
  }
  std::size_t i = 0;
  for (const section& sub : s.sections) {
    out += "\n";
    text_section(sub, child_number(number, i++), lang, out);
  }
}

// --- Markdown ---------------------------------------------------------------------------

// `s` with every character CommonMark could read as markup backslash-escaped (any ASCII
// punctuation may be, CommonMark 0.30 section 2.4), so it shows as written: inline markup
// anywhere, and the block markers a line could start with.
std::string md_escape(std::string_view s, bool line_start) {
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size(); ++i) {
    const char c = s[i];
    const bool at_start = line_start && (i == 0 || s[i - 1] == '\n');
    const bool inline_markup = std::string_view("\\`*_[]<>|~&!").find(c) != std::string_view::npos;
    const bool block_marker =
        at_start && std::string_view("#-+=>").find(c) != std::string_view::npos;
    // "1." or "1)" at a line's start opens an ordered list: escape its mark.
    const bool list_number = (c == '.' || c == ')') && i > 0 &&
                             std::isdigit(static_cast<unsigned char>(s[i - 1])) != 0 && [&] {
                               std::size_t j = i;
                               while (j > 0 && std::isdigit(static_cast<unsigned char>(s[j - 1])))
                                 --j;
                               return line_start && (j == 0 || s[j - 1] == '\n');
                             }();
    if (inline_markup || block_marker || list_number) out += '\\';
    if (c == '\n') {
      out += "\\\n";  // a hard line break, as the text has one
      continue;
    }
    out += c;
  }
  return out;
}

void md_paragraph(const paragraph& p, std::string& out) {
  static constexpr std::string_view prefixes[] = {"", "- ", "  - "};
  const std::size_t level = std::min<std::size_t>(p.list_level, 2);
  out += prefixes[level];
  out += md_escape(p.text(), level == 0);
  out += '\n';
}

void md_table(const table& t, std::string& out) {
  if (!t.caption.empty()) out += "\n" + md_escape(t.caption, true) + "\n";
  out += "\n|";
  for (const std::string& h : t.header) out += " " + md_escape(one_line(h), false) + " |";
  out += "\n|";
  for (std::size_t c = 0; c < t.header.size(); ++c) out += " --- |";
  out += "\n";
  for (const auto& row : t.rows) {
    out += "|";
    for (const paragraph& cell : row) out += " " + md_escape(one_line(cell.text()), false) + " |";
    out += "\n";
  }
  out += "\n";
}

void md_section(const section& s, const std::string& number, std::size_t depth, language lang,
                std::string& out) {
  out += "\n" + std::string(depth + 1, '#') + " " + number + ". " + md_escape(s.heading, false) +
         "\n\n";
  bool in_list = false;
  for (const block& b : s.blocks) {
    if (const auto* p = std::get_if<paragraph>(&b)) {
      // Prose parts from a list before it by a blank line.
      if (in_list && p->list_level == 0) out += "\n";
      in_list = p->list_level > 0;
      md_paragraph(*p, out);
      if (!in_list) out += "\n";
    } else if (const auto* t = std::get_if<table>(&b)) {
      md_table(*t, out);
      in_list = false;
    } else {
      out += std::string(in_list ? "\n" : "") + "*" +
             md_escape(one_line(chart_text(std::get<chart>(b), lang)), false) + "*\n\n";
      in_list = false;
    }
  }
  std::size_t i = 0;
  for (const section& sub : s.sections) {
    md_section(sub, child_number(number, i++), depth + 1, lang, out);
  }
}

}  // namespace

std::string render_text(const document& doc) {
  std::string out = doc.title + "\n";
  for (const paragraph& p : doc.preface) text_paragraph(p, out);
  std::size_t i = 0;
  for (const section& s : doc.sections) {
    out += "\n";
    text_section(s, child_number("", i++), doc.lang, out);
  }
  return out;
}

std::string render_markdown(const document& doc) {
  std::string out = "# " + md_escape(doc.title, false) + "\n";
  for (const paragraph& p : doc.preface) {  // each parted from what precedes it by a blank line
    out += "\n";
    md_paragraph(p, out);
  }
  std::size_t i = 0;
  for (const section& s : doc.sections) md_section(s, child_number("", i++), 1, doc.lang, out);
  return out;
}

}  // namespace goaltrack
