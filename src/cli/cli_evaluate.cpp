// `goaltrack evaluate`: every target's result as a table (text), CSV or JSON.
#include <charconv>
#include <cmath>
#include <cstdint>
#include <nlohmann/json.hpp>
#include <thread>

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
                                                  const target_brief& t, std::size_t i,
                                                  Number number) {
  return {std::string(t.code),
          std::string(p.org().code(t.owner)),
          t.span.to_string(),
          std::string(to_string(ev.statuses()[i])),
          number(at(ev.actuals(), i)),
          number(at(ev.numerators(), i)),
          number(at(ev.denominators(), i)),
          number(at(ev.progress(), i)),
          number(at(ev.expected(), i))};
}

// Appends a text cell, quoted as RFC 4180 asks when it holds a comma, quote or line end.
void csv_text(std::string& out, std::string_view cell) {
  if (cell.find_first_of(",\"\r\n") == std::string_view::npos) {
    out += cell;
    return;
  }
  out += '"';
  for (const char c : cell) (c == '"' ? out += "\"\"" : out += c);
  out += '"';
}

// Appends ",number" (the shortest text that reads back as it), or "," for NaN. Whole
// numbers (counts, amounts: most actuals) take the integer conversion, several times
// faster; the test is exact, as every whole double below 2^53 is an int64.
void csv_number(std::string& out, double v) {
  out += ',';
  if (std::isnan(v)) return;
  std::array<char, 32> buffer{};
  constexpr double exact_integers = 9007199254740992.0;  // 2^53
  char* const end = std::trunc(v) == v && std::fabs(v) < exact_integers
                        ? std::to_chars(buffer.data(), buffer.data() + buffer.size(),
                                        static_cast<std::int64_t>(v))
                              .ptr
                        : std::to_chars(buffer.data(), buffer.data() + buffer.size(), v).ptr;
  out.append(buffer.data(), end);
}

// The CSV rows of targets [first, last).
std::string csv_rows(const plan& p, const evaluation& ev, std::size_t first, std::size_t last) {
  std::string out;
  out.reserve((last - first) * 96);
  std::optional<period> last_span;  // periods repeat: name each run of equal ones once
  std::string span_name;
  for (std::size_t i = first; i < last; ++i) {
    const target_brief t = p.brief(target_id(static_cast<target_id::value_type>(i)));
    if (!last_span || !(*last_span == t.span)) {
      last_span = t.span;
      span_name = t.span.to_string();
    }
    csv_text(out, t.code);
    out += ',';
    csv_text(out, p.org().code(t.owner));
    out += ',';
    csv_text(out, span_name);
    (out += ',') += to_string(ev.statuses()[i]);
    for (const auto column :
         {ev.actuals(), ev.numerators(), ev.denominators(), ev.progress(), ev.expected()}) {
      csv_number(out, at(column, i));
    }
    out += '\n';
  }
  return out;
}

// Written straight into buffers sized up front, the second half of the rows on a second
// thread: a national plan's million rows are ~85 MB, whose formatting would otherwise
// cost more than the evaluation. Both read the plan and evaluation only.
std::string as_csv(const plan& p, const evaluation& ev) {
  constexpr std::size_t rows_worth_a_thread = 100'000;
  const std::size_t n = p.target_count();
  const std::size_t half = n >= rows_worth_a_thread ? n / 2 : n;
  std::string second;
  std::thread helper;
  if (half < n) helper = std::thread([&] { second = csv_rows(p, ev, half, n); });
  std::string out;
  for (std::size_t c = 0; c < columns.size(); ++c) (out += c ? "," : "") += columns[c];
  out += '\n';
  try {
    out += csv_rows(p, ev, 0, half);
  } catch (...) {
    if (helper.joinable()) helper.join();
    throw;
  }
  if (helper.joinable()) helper.join();
  out += second;
  return out;
}

std::string as_json(const plan& p, const evaluation& ev) {
  using json = nlohmann::ordered_json;
  json rows = json::array();
  for (std::size_t i = 0; i < p.target_count(); ++i) {
    const target_brief t = p.brief(target_id(static_cast<target_id::value_type>(i)));
    const auto cells = row_cells(p, ev, t, i, machine_number);
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
  for (std::size_t i = 0; i < p.target_count(); ++i) {
    auto cells =
        row_cells(p, ev, p.brief(target_id(static_cast<target_id::value_type>(i))), i, number);
    cells[3] = std::string(status_label(ev.statuses()[i], lang));
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
