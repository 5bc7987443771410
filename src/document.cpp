// The report model (document.hpp): building documents and reading their figures.
#include "goaltrack/document.hpp"

#include <string>
#include <utility>

#include "goaltrack/error.hpp"

namespace goaltrack {

paragraph& paragraph::add(std::string text) {
  if (!runs.empty()) {
    if (auto* last = std::get_if<std::string>(&runs.back())) {
      *last += text;
      return *this;
    }
  }
  runs.emplace_back(std::move(text));
  return *this;
}

paragraph& paragraph::add(figure f) {
  runs.emplace_back(std::move(f));
  return *this;
}

std::string paragraph::text() const {
  std::string out;
  for (const text_run& r : runs) {
    const auto* plain = std::get_if<std::string>(&r);
    out += plain != nullptr ? *plain : std::get<figure>(r).text;
  }
  return out;
}

std::vector<figure> paragraph::figures() const {
  std::vector<figure> out;
  for (const text_run& r : runs) {
    if (const auto* f = std::get_if<figure>(&r)) out.push_back(*f);
  }
  return out;
}

table& table::add_row(std::vector<paragraph> cells) {
  if (cells.size() != header.size()) {
    throw invalid_argument("table " + (caption.empty() ? std::string() : "'" + caption + "' ") +
                           "row " + std::to_string(rows.size() + 1) + ": " +
                           std::to_string(cells.size()) + " cells for " +
                           std::to_string(header.size()) + " columns");
  }
  rows.push_back(std::move(cells));
  return *this;
}

paragraph& section::add_paragraph(std::uint8_t list_level) {
  paragraph p;
  p.list_level = list_level;
  return std::get<paragraph>(blocks.emplace_back(std::move(p)));
}

table& section::add_table(std::vector<std::string> header, std::string caption) {
  table t;
  t.header = std::move(header);
  t.caption = std::move(caption);
  return std::get<table>(blocks.emplace_back(std::move(t)));
}

chart& section::add_chart(chart c) {
  c.validate();
  return std::get<chart>(blocks.emplace_back(std::move(c)));
}

section& section::add(block b) {
  if (const auto* c = std::get_if<chart>(&b)) c->validate();
  blocks.push_back(std::move(b));
  return *this;
}

section& section::add_section(std::string title) {
  return sections.emplace_back(section{std::move(title), {}, {}});
}

section& document::add_section(std::string heading) {
  return sections.emplace_back(section{std::move(heading), {}, {}});
}

namespace {

void collect(const paragraph& p, std::vector<figure>& out) {
  const std::vector<figure> mine = p.figures();
  out.insert(out.end(), mine.begin(), mine.end());
}

void collect(const section& s, std::vector<figure>& out) {
  for (const block& b : s.blocks) {
    if (const auto* p = std::get_if<paragraph>(&b)) {
      collect(*p, out);
      continue;
    }
    if (const auto* t = std::get_if<table>(&b)) {
      for (const auto& row : t->rows) {
        for (const paragraph& cell : row) collect(cell, out);
      }
    }
  }
  for (const section& sub : s.sections) collect(sub, out);
}

}  // namespace

std::vector<figure> document::figures() const {
  std::vector<figure> out;
  for (const paragraph& p : preface) collect(p, out);
  for (const section& s : sections) collect(s, out);
  return out;
}

}  // namespace goaltrack
