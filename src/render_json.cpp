// Documents as JSON (document.hpp), in the layout of schema/document.schema.json. Keys keep
// the order written here (nlohmann::ordered_json), so a document renders byte for byte the
// same run after run.
#include <cmath>
#include <nlohmann/json.hpp>
#include <string>
#include <variant>

#include "entity_names.hpp"
#include "goaltrack/document.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {
namespace {

using json = nlohmann::ordered_json;

// The version of the layout (schema/document.schema.json's "version").
constexpr int json_layout_version = 1;

// {"kind": "target", "id": 3, "code": "diem-truong-2020"}; null for the plan as a whole.
json entity_json(const entity_ref& e, const plan& p) {
  if (std::holds_alternative<std::monostate>(e)) return nullptr;
  return json{{"kind", detail::entity_kind_name(e)},
              {"id", detail::entity_id_value(e)},
              {"code", p.code(e)}};
}

json paragraph_json(const paragraph& para, const plan& p) {
  json runs = json::array();
  for (const text_run& run : para.runs) {
    if (const auto* text = std::get_if<std::string>(&run)) {
      runs.push_back(json{{"text", *text}});
      continue;
    }
    const figure& f = std::get<figure>(run);
    json fig{{"entity", entity_json(f.entity, p)}, {"value", f.value}};
    if (f.number && std::isfinite(*f.number)) fig["number"] = *f.number;
    runs.push_back(json{{"text", f.text}, {"figure", std::move(fig)}});
  }
  return json{{"type", "paragraph"},
              {"list_level", para.list_level},
              {"text", para.text()},
              {"runs", std::move(runs)}};
}

json table_json(const table& t, const plan& p) {
  json rows = json::array();
  for (const auto& row : t.rows) {
    json cells = json::array();
    for (const paragraph& cell : row) cells.push_back(paragraph_json(cell, p));
    rows.push_back(std::move(cells));
  }
  return json{{"type", "table"}, {"caption", t.caption}, {"header", t.header}, {"rows", rows}};
}

json chart_json(const chart& c, const plan& p) {
  json categories = json::array();
  for (const chart_category& k : c.categories) {
    categories.push_back(json{{"label", k.label}, {"entity", entity_json(k.entity, p)}});
  }
  json series = json::array();
  for (const chart_series& s : c.series) {
    json points = json::array();
    for (const chart_point& pt : s.points) {
      points.push_back(json{{"day", to_iso(pt.day)}, {"value", pt.value}});
    }
    series.push_back(json{{"name", s.name},
                          {"colour", s.colour},
                          {"style", to_string(s.style)},
                          {"value", s.value},
                          {"values", s.values},
                          {"points", std::move(points)}});
  }
  const json span = c.span
                        ? json{{"first", to_iso(c.span->first())}, {"last", to_iso(c.span->last())}}
                        : json(nullptr);
  return json{{"type", "chart"},
              {"kind", to_string(c.kind)},
              {"title", c.title},
              {"description", c.description},
              {"unit", c.unit},
              {"entity", entity_json(c.entity, p)},
              {"categories", std::move(categories)},
              {"series", std::move(series)},
              {"span", span},
              {"goal", c.goal ? json(*c.goal) : json(nullptr)}};
}

json section_json(const section& s, const std::string& number, const plan& p) {
  json blocks = json::array();
  for (const block& b : s.blocks) {
    blocks.push_back(std::visit(
        [&](const auto& x) {
          using type = std::decay_t<decltype(x)>;
          if constexpr (std::is_same_v<type, paragraph>) {
            return paragraph_json(x, p);
          } else if constexpr (std::is_same_v<type, table>) {
            return table_json(x, p);
          } else {
            return chart_json(x, p);
          }
        },
        b));
  }
  json subsections = json::array();
  std::size_t i = 0;
  for (const section& sub : s.sections) {
    subsections.push_back(section_json(sub, number + "." + std::to_string(++i), p));
  }
  return json{{"number", number},
              {"heading", s.heading},
              {"blocks", std::move(blocks)},
              {"sections", std::move(subsections)}};
}

}  // namespace

std::string render_json(const document& doc, const plan& p) {
  json preface = json::array();
  for (const paragraph& para : doc.preface) preface.push_back(paragraph_json(para, p));
  json sections = json::array();
  std::size_t i = 0;
  for (const section& s : doc.sections) sections.push_back(section_json(s, std::to_string(++i), p));
  json fallbacks = json::array();
  for (const entity_ref& e : doc.fallbacks) fallbacks.push_back(entity_json(e, p));
  const json out{{"format", "goaltrack-document"},
                 {"version", json_layout_version},
                 {"lang", to_string(doc.lang)},
                 {"title", doc.title},
                 {"as_of", doc.as_of.is_special() ? json(nullptr) : json(to_iso(doc.as_of))},
                 {"preface", std::move(preface)},
                 {"sections", std::move(sections)},
                 {"fallbacks", std::move(fallbacks)}};
  try {
    return out.dump(2, ' ', false, json::error_handler_t::strict) + "\n";
  } catch (const json::type_error& e) {
    // Text added to a document by hand is not checked on entry; plan texts always are.
    throw invalid_argument(std::string("render_json: the document has text that is not UTF-8 (") +
                           e.what() + ")");
  }
}

}  // namespace goaltrack
