// `goaltrack evaluate`: every target's result as a table (text), CSV or JSON.
#include <algorithm>
#include <bit>
#include <charconv>
#include <cmath>
#include <cstdint>
#include <future>
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

// The evaluation's columns of numbers, in the order of the output's.
using figure_columns = std::array<std::span<const double>, 5>;
figure_columns figures_of(const evaluation& ev) {
  return {ev.actuals(), ev.numerators(), ev.denominators(), ev.progress(), ev.expected()};
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
// (Tested a character at a time: find_first_of would search the four for each of them.)
void csv_text(std::string& out, std::string_view cell) {
  const auto special = [](char c) { return c == ',' || c == '"' || c == '\r' || c == '\n'; };
  if (std::none_of(cell.begin(), cell.end(), special)) {
    out += cell;
    return;
  }
  out += '"';
  for (const char c : cell) (c == '"' ? out += "\"\"" : out += c);
  out += '"';
}

// Writes v, not whole, at `first` when it has at most two decimals (amounts, most
// measured values: "680.38", "-12.5") and returns the end; null for any other v. The text
// is then the one to_chars writes, the shortest that reads back as v, at a fraction of its
// cost: v is checked to read back from it, and below 1e13 (a unit in v's last place under
// 0.002) no other decimal of two places, nor any with fewer digits, lies within half a
// unit of v; a number with a fraction is shorter in fixed than in scientific notation.
char* hundredths(char* first, double v) {
  if (!(std::fabs(v) < 1e13)) return nullptr;
  const double scaled = std::round(v * 100);
  if (scaled / 100 != v) return nullptr;
  auto cents = static_cast<std::int64_t>(scaled);
  if (cents < 0) {
    *first++ = '-';
    cents = -cents;
  }
  first = std::to_chars(first, first + 20, cents / 100).ptr;
  *first++ = '.';
  *first++ = static_cast<char>('0' + cents % 100 / 10);
  if (cents % 10 != 0) *first++ = static_cast<char>('0' + cents % 10);
  return first;
}

// A column's numbers as CSV cells. The shortest text that reads back as a double
// (to_chars) was 40% of the CSV's time on the national plan, so the common numbers go by
// quicker ways: whole numbers (counts, amounts: most actuals) by the integer conversion
// (the test is exact, as every whole double below 2^53 is an int64; they are written in
// full, 1000000 where to_chars writes 1e+06), numbers of two decimals by hundredths(), and
// the texts of the last few others are kept, as a column often repeats them (the expected
// progress is one per period).
class csv_numbers {
 public:
  // Appends ",number", or "," for NaN.
  void append(std::string& out, double v) {
    out += ',';
    if (std::isnan(v)) return;
    std::array<char, 32> buffer{};
    char* const first = buffer.data();
    constexpr double exact_integers = 9007199254740992.0;  // 2^53
    if (std::trunc(v) == v && std::fabs(v) < exact_integers) {
      out.append(first,
                 std::to_chars(first, first + buffer.size(), static_cast<std::int64_t>(v)).ptr);
    } else if (char* const end = hundredths(first, v)) {
      out.append(first, end);
    } else {
      out += recalled(v);
    }
  }

 private:
  struct kept_text {
    std::uint64_t bits = 0;  // of a number that never comes here: 0.0 is whole
    std::uint8_t size = 0;
    std::array<char, 31> text{};
  };

  // v's shortest text, kept in a slot chosen by v's bits (Fibonacci hashing).
  std::string_view recalled(double v) {
    const auto bits = std::bit_cast<std::uint64_t>(v);
    kept_text& k = kept_[(bits * 0x9E3779B97F4A7C15U) >> (64 - slot_bits)];
    if (k.bits != bits) {
      k.bits = bits;
      k.size = static_cast<std::uint8_t>(
          std::to_chars(k.text.data(), k.text.data() + k.text.size(), v).ptr - k.text.data());
    }
    return {k.text.data(), k.size};
  }

  static constexpr int slot_bits = 3;
  std::array<kept_text, std::size_t{1} << slot_bits> kept_;
};

// Period names by period: a plan has few distinct periods, each shared by many targets,
// and naming one per row (period::to_string, through snprintf) was a sixth of the CSV's
// time. The first `kept` distinct periods are named once, any others at each use.
class period_names {
 public:
  period_names() { names_.reserve(kept); }  // no reallocation: the names returned stay put

  std::string_view operator()(const period& span) {
    for (const auto& [known, name] : names_) {
      if (known == span) return name;
    }
    if (names_.size() == kept) return other_ = span.to_string();
    return names_.emplace_back(span, span.to_string()).second;
  }

 private:
  static constexpr std::size_t kept = 16;
  std::vector<std::pair<period, std::string>> names_;
  std::string other_;
};

// The CSV rows of an evaluation, made a batch of rows at a time: first the batch's briefs
// and owner codes, then its rows. The owners are scattered over the organisation, so each
// lookup misses the cache, and in a loop this short the processor overlaps the misses
// instead of waiting for each in its row.
class csv_rows {
 public:
  csv_rows(const plan& p, const evaluation& ev) : p_(p), ev_(ev), figures_(figures_of(ev)) {
    briefs_.reserve(batch_rows);
    owners_.reserve(batch_rows);
  }

  // Appends the rows of targets [first, last).
  void append(std::string& out, std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; i += batch_rows) {
      look_up(i, std::min(i + batch_rows, last));
      for (std::size_t k = 0; k < briefs_.size(); ++k) append_row(out, i + k, k);
    }
  }

 private:
  static constexpr std::size_t batch_rows = 64;

  // The briefs and owner codes of targets [first, last), and their codes asked for.
  void look_up(std::size_t first, std::size_t last) {
    briefs_.clear();
    owners_.clear();
    for (std::size_t i = first; i < last; ++i) {
      briefs_.push_back(p_.brief(target_id(static_cast<target_id::value_type>(i))));
    }
    for (const target_brief& t : briefs_) owners_.push_back(p_.org().code(t.owner));
#if defined(__GNUC__) || defined(__clang__)
    for (const std::string_view owner : owners_) __builtin_prefetch(owner.data());
#endif
  }

  // Appends the row of target i, the k-th of the batch.
  void append_row(std::string& out, std::size_t i, std::size_t k) {
    const target_brief& t = briefs_[k];
    csv_text(out, t.code);
    out += ',';
    csv_text(out, owners_[k]);
    out += ',';
    csv_text(out, names_(t.span));
    (out += ',') += to_string(ev_.statuses()[i]);
    for (std::size_t c = 0; c < figures_.size(); ++c) numbers_[c].append(out, at(figures_[c], i));
    out += '\n';
  }

  const plan& p_;
  const evaluation& ev_;
  figure_columns figures_;
  std::array<csv_numbers, std::tuple_size_v<figure_columns>> numbers_;  // their texts
  period_names names_;
  std::vector<target_brief> briefs_;  // of the batch (kept to reuse their memory)
  std::vector<std::string_view> owners_;
};

// The rows go out in pieces of this many (0.7 MB of CSV, 2.3 MB of JSON): large enough
// that a piece's write costs little, small enough to stay in the processor's cache and to
// keep the output (84 MB of CSV for a national plan's million targets) out of memory.
constexpr std::size_t piece_rows = 8192;

// Gives `sink` the rows of targets [0, n), in order, a piece at a time. Pieces are made two
// at a time, the second on a second thread (std::async: a thread per pair costs nothing
// next to a pair's rows), each maker with its own buffer: a free second core nearly halves
// the time, a busy one costs nothing. Makers (csv_rows, json_rows) read the plan and the
// evaluation only.
template <class Rows>
void write_pieces(std::array<Rows, 2>& makers, std::size_t n, const output_sink& sink) {
  std::array<std::string, 2> pieces;
  for (std::size_t first = 0; first < n; first += 2 * piece_rows) {
    const std::size_t middle = std::min(first + piece_rows, n);
    const std::size_t last = std::min(middle + piece_rows, n);
    std::future<void> second;  // waits for its thread when destroyed, even on an exception
    if (middle < last) {
      second = std::async(std::launch::async, [&] { makers[1].append(pieces[1], middle, last); });
    }
    makers[0].append(pieces[0], first, middle);
    sink(pieces[0]);
    pieces[0].clear();
    if (second.valid()) {
      second.get();
      sink(pieces[1]);
      pieces[1].clear();
    }
  }
}

void write_csv(const plan& p, const evaluation& ev, const output_sink& sink) {
  std::string header;
  for (std::size_t c = 0; c < columns.size(); ++c) (header += c ? "," : "") += columns[c];
  sink(header += '\n');
  std::array makers{csv_rows(p, ev), csv_rows(p, ev)};
  write_pieces(makers, p.target_count(), sink);
}

// The JSON document is written as nlohmann's dump(2) wrote the whole document once built
// (every row an object, numbers parsed back from machine_number): byte for byte the same,
// made and written a piece at a time, without a document of a million objects.
using json = nlohmann::ordered_json;

// Appends a JSON string. Plain ASCII (nearly every code) is written as it is; anything
// else as nlohmann escapes it (invalid UTF-8 replaced).
void json_string(std::string& out, std::string_view text) {
  const auto plain = [](char c) {
    return c >= ' ' && c != '"' && c != '\\' && static_cast<unsigned char>(c) < 0x80;
  };
  if (std::all_of(text.begin(), text.end(), plain)) {
    ((out += '"') += text) += '"';
    return;
  }
  out += json(text).dump(-1, ' ', false, json::error_handler_t::replace);
}

// Appends v as nlohmann reads and writes its shortest text: null for NaN; digits alone as
// they are (a 64-bit integer); a text with a fraction or an exponent reads back as v
// itself, written by nlohmann. The rare others ("-0", 19 digits or more, "inf") go through
// nlohmann's own reading, so that its choices stand.
void json_number(std::string& out, double v) {
  if (std::isnan(v)) {
    out += "null";
    return;
  }
  const std::string text = machine_number(v);
  const std::size_t sign = text[0] == '-' ? 1 : 0;
  const bool digits = text.find_first_not_of("0123456789", sign) == std::string::npos;
  if (digits && text.size() - sign <= 18 && text != "-0") {
    out += text;
  } else if (!digits && text.find_first_of(".e") != std::string::npos) {
    out += json(v).dump();
  } else {
    out += json::parse(text).dump();
  }
}

// The objects of targets, elements of the document's "targets", each after ",\n" (the
// first after "\n").
class json_rows {
 public:
  json_rows(const plan& p, const evaluation& ev) : p_(p), ev_(ev), figures_(figures_of(ev)) {}

  // Appends the objects of targets [first, last).
  void append(std::string& out, std::size_t first, std::size_t last) {
    for (std::size_t i = first; i < last; ++i) append_object(out, i);
  }

 private:
  void append_object(std::string& out, std::size_t i) {
    const target_brief t = p_.brief(target_id(static_cast<target_id::value_type>(i)));
    const std::array<std::string_view, 4> texts{t.code, p_.org().code(t.owner), names_(t.span),
                                                to_string(ev_.statuses()[i])};
    out += i == 0 ? "\n    {\n" : ",\n    {\n";
    for (std::size_t c = 0; c < columns.size(); ++c) {
      ((out += "      \"") += columns[c]) += "\": ";
      if (c < texts.size()) {
        json_string(out, texts[c]);
      } else {
        json_number(out, at(figures_[c - texts.size()], i));
      }
      out += c + 1 < columns.size() ? ",\n" : "\n";
    }
    out += "    }";
  }

  const plan& p_;
  const evaluation& ev_;
  figure_columns figures_;
  period_names names_;
};

void write_json(const plan& p, const evaluation& ev, const output_sink& sink) {
  std::string header = "{\n  \"as_of\": ";
  json_string(header, to_iso(ev.as_of()));
  const std::size_t n = p.target_count();
  sink(header += n == 0 ? ",\n  \"targets\": []" : ",\n  \"targets\": [");
  std::array makers{json_rows(p, ev), json_rows(p, ev)};
  write_pieces(makers, n, sink);
  sink(n == 0 ? "\n}\n" : "\n  ]\n}\n");
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

void write_evaluation(const plan& p, const evaluation& ev, output_format format, language lang,
                      const output_sink& sink) {
  switch (format) {
    case output_format::csv:
      return write_csv(p, ev, sink);
    case output_format::json:
      return write_json(p, ev, sink);
    default:
      return sink(as_text(p, ev, lang));
  }
}

}  // namespace goaltrack::cli
