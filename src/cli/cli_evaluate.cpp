// `goaltrack evaluate`: every target's result as a table (text), CSV or JSON.
#include <charconv>
#include <cmath>
#include <nlohmann/json.hpp>

#include "cli_commands.hpp"

namespace goaltrack::cli {
namespace {

// The columns of the output, in order.
constexpr std::array<std::string_view, 9> columns{"target",      "owner",    "period",
                                                  "status",      "actual",   "numerator",
                                                  "denominator", "progress", "expected"};

// A number as the shortest text that reads back as it (machine formats); "" for NaN.
std::string machine_number(double v) {
  if (std::isnan(v)) return {};
  std::array<char, 32> buffer{};
  auto* const end = std::to_chars(buffer.data(), buffer.data() + buffer.size(), v).ptr;
  return {buffer.data(), end};
}

double at(std::span<const double> column, std::size_t i) {
  return i < column.size() ? column[i] : std::nan("");
}

// One row's cells: codes and the evaluation's figures, numbers written by `number`.
template <class Number>
std::array<std::string, columns.size()> row_cells(const plan& p, const evaluation& ev,
                                                  const target& t, std::size_t i, Number number) {
  return {t.code,
          std::string(p.org().code(t.owner)),
          t.span.to_string(),
          std::string(to_string(ev.statuses()[i])),
          number(at(ev.actuals(), i)),
          number(at(ev.numerators(), i)),
          number(at(ev.denominators(), i)),
          number(at(ev.progress(), i)),
          number(at(ev.expected(), i))};
}

// RFC 4180: a cell with a comma, quote or line end is quoted, its quotes doubled.
std::string csv_cell(const std::string& cell) {
  if (cell.find_first_of(",\"\r\n") == std::string::npos) return cell;
  std::string out = "\"";
  for (const char c : cell) out += c == '"' ? std::string("\"\"") : std::string(1, c);
  return out + "\"";
}

std::string as_csv(const plan& p, const evaluation& ev) {
  std::string out;
  for (std::size_t c = 0; c < columns.size(); ++c) out += (c ? "," : "") + std::string(columns[c]);
  out += "\n";
  std::size_t i = 0;
  for (const target& t : p.targets()) {
    const auto cells = row_cells(p, ev, t, i++, machine_number);
    for (std::size_t c = 0; c < cells.size(); ++c) (out += c ? "," : "") += csv_cell(cells[c]);
    out += "\n";
  }
  return out;
}

std::string as_json(const plan& p, const evaluation& ev) {
  using json = nlohmann::ordered_json;
  json rows = json::array();
  std::size_t i = 0;
  for (const target& t : p.targets()) {
    const auto cells = row_cells(p, ev, t, i++, machine_number);
    json row = json::object();
    for (std::size_t c = 0; c < cells.size(); ++c) {
      if (c < 4) {
        row[std::string(columns[c])] = cells[c];
      } else {
        // Numbers as JSON numbers, null where there is none.
        row[std::string(columns[c])] = cells[c].empty() ? json(nullptr) : json::parse(cells[c]);
      }
    }
    rows.push_back(std::move(row));
  }
  const json out{{"as_of", to_iso(ev.as_of())}, {"targets", std::move(rows)}};
  return out.dump(2, ' ', false, json::error_handler_t::replace) + "\n";
}

// A human table: the status in words, numbers in the language's style, columns padded.
std::string as_text(const plan& p, const evaluation& ev, language lang) {
  document doc{lang, say(lang, "Đánh giá ", "Evaluation as of ") + format_date(ev.as_of(), lang),
               ev.as_of()};
  table& t =
      doc.add_section(say(lang, "Các chỉ tiêu", "Targets"))
          .add_table(
              lang == language::vi
                  ? std::vector<std::string>{"Chỉ tiêu", "Đơn vị", "Kỳ", "Tình trạng", "Kết quả",
                                             "Tử số", "Mẫu số", "Tiến độ", "Kế hoạch"}
                  : std::vector<std::string>{"Target", "Owner", "Period", "Status", "Actual",
                                             "Numerator", "Denominator", "Progress", "Expected"});
  const auto number = [lang](double v) {
    return std::isnan(v) ? std::string("—") : format_number(v, std::fabs(v) < 10 ? 4 : 2, lang);
  };
  std::size_t i = 0;
  for (const target& x : p.targets()) {
    auto cells = row_cells(p, ev, x, i, number);
    cells[3] = std::string(status_label(ev.statuses()[i++], lang));
    std::vector<paragraph> row(cells.size());
    for (std::size_t c = 0; c < cells.size(); ++c) row[c].add(std::move(cells[c]));
    t.add_row(std::move(row));
  }
  return render_text(doc);
}

}  // namespace

std::string evaluation_output(const plan& p, const evaluation& ev, output_format format,
                              language lang) {
  switch (format) {
    case output_format::csv:
      return as_csv(p, ev);
    case output_format::json:
      return as_json(p, ev);
    default:
      return as_text(p, ev, lang);
  }
}

}  // namespace goaltrack::cli
