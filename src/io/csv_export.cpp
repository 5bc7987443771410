// export_csv and export_xlsx: a plan as the CSV layout of csv.hpp (src/io/csv_layout.hpp),
// as CSV files or as the sheets of a workbook. One exporter writes the rows of every file
// over either writer: the CSV writer (csv_text.hpp) or a sheet of a workbook (sheet_cells,
// over xlsx_write.hpp), which share text, raw, number, integer, day, boolean, blank,
// end_row and names. It is a template on the writer, so that the CSV writer's calls stay
// direct (export_csv writes millions of rows) and each file's rows are written once.

#include <charconv>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <fstream>
#include <optional>
#include <string>
#include <type_traits>
#include <vector>

#include "enum_names.hpp"
#include "goaltrack/io/csv.hpp"
#include "goaltrack/io/xlsx.hpp"
#include "io/csv_fields.hpp"
#include "io/csv_layout.hpp"
#include "io/csv_notes.hpp"
#include "io/csv_text.hpp"
#include "io/file_kind.hpp"
#include "io/xlsx_read.hpp"
#include "io/xlsx_write.hpp"
#include "plan_data.hpp"

namespace goaltrack {

namespace {

using detail::csv::layout;

// The rated column of ratings.csv in each language (import_csv reads either).
std::string_view rated_name(bool member, language names) {
  if (names == language::vi) return member ? "thành viên" : "tập thể";
  return member ? "member" : "collective";
}

// The header of `column` in `names`: its name, or its first Vietnamese name.
std::string_view header_of(std::string_view column, language names) {
  if (names != language::vi) return column;
  const std::string_view vi = detail::csv::vi_names_of(column);
  return vi.empty() ? column : vi.substr(0, vi.find('|'));
}

/// Writes the rows of each file of the layout with a writer of type W (see the top).
template <class W>
class exporter {
 public:
  /// @throws invalid_argument when a note column has the name of a column of its file.
  exporter(const plan& p, const csv_dialect& d) : p_(p), d_(d), notes_(p.notes()) {}

  /// Calls file(layout, note_columns, rows) for each file of the layout, in its order
  /// (all_files), where note_columns are the names of the file's note columns, after its
  /// own, and rows(w) writes the file's rows (not its header) with a W.
  template <class File>
  void each_file(File&& file) {
    using detail::csv::layout_notes;
    const auto one = [&](const layout& l, void (exporter::*rows)(W&)) {
      current_ = notes_.of(l);
      const auto columns =
          current_ == nullptr ? std::span<const std::string_view>() : current_->columns();
      file(l, columns, [&](W& w) { (this->*rows)(w); });
    };
    one(detail::csv::scales_file, &exporter::scales);
    one(detail::csv::collectives_file, &exporter::collectives);
    one(detail::csv::members_file, &exporter::members);
    one(detail::csv::rounds_file, &exporter::rounds);
    one(detail::csv::ratings_file, &exporter::ratings);
    one(detail::csv::programs_file, &exporter::programs);
    one(detail::csv::tasks_file, &exporter::tasks);
    one(detail::csv::status_file, &exporter::statuses);
    one(detail::csv::items_file, &exporter::items);
    one(detail::csv::phases_file, &exporter::phases);
    one(detail::csv::targets_file, &exporter::targets);
    one(detail::csv::measurements_file, &exporter::measurements);
    one(detail::csv::assessments_file, &exporter::assessments);
    one(detail::csv::alignments_file, &exporter::alignments);
    one(detail::csv::labels_file, &exporter::labels);
    one(detail::csv::policies_file, &exporter::policies);
    one(detail::csv::summaries_file, &exporter::summaries);
    one(detail::csv::statuses_file, &exporter::policy_statuses);
    one(detail::csv::bands_file, &exporter::policy_bands);
    one(detail::csv::rules_file, &exporter::rollup_rules);
    one(detail::csv::overrides_file, &exporter::rollup_overrides);
  }

 private:
  // Ends the row at `at` of a file that keeps notes: its notes first, in the file's note
  // columns.
  void end_row(W& w, const detail::csv::row_order& at) {
    if (current_ != nullptr) current_->write(w, at);
    w.end_row();
  }
  template <class Id>
  void end_row(W& w, Id id) {
    end_row(w, detail::csv::order_of(id.value()));
  }

  // An enum's value in the dialect's language.
  template <class Enum>
  std::string_view name(Enum e) const noexcept {
    return detail::name_in(e, d_.names);
  }
  // The text of a period (csv_text.hpp's form).
  std::string period_text(const period& span, std::string_view) const {
    return detail::csv::period_text(span, d_.periods);
  }
  static std::string share_text(share s) {
    return std::to_string(s.numerator) + "/" + std::to_string(s.denominator);
  }
  void date_field(W& w, date d) const { w.day(day_number(d)); }
  void level_field(W& w, scale_id scale, rating_level level) const {
    if (!scale.ok()) {
      w.blank();
      return;
    }
    w.text(p_.get(scale).labels(level).code);
  }

  void scales(W& w) {
    for (std::size_t s = 0; s < p_.scale_count(); ++s) {
      const rating_scale& scale = p_.get(scale_id(static_cast<scale_id::value_type>(s)));
      for (const level_labels& l : scale.levels()) {
        w.text(scale.code());
        w.text(l.code);
        w.text(l.label_vi);
        w.text(l.label_en);
        w.end_row();
      }
    }
  }

  void collectives(W& w) {
    const organization& org = p_.org();
    for (std::size_t i = 0; i < org.collective_count(); ++i) {
      const collective_id c(static_cast<collective_id::value_type>(i));
      w.text(org.code(c));
      w.text(org.name(c));
      w.text(org.kind(c));
      const auto parent = org.parent(c);
      w.text(parent ? org.code(*parent) : std::string_view());
      end_row(w, c);
    }
  }

  void members(W& w) {
    const organization& org = p_.org();
    const auto of = org.member_collectives();
    for (std::size_t i = 0; i < org.member_count(); ++i) {
      const member_id m(static_cast<member_id::value_type>(i));
      w.text(org.code(m));
      w.text(org.name(m));
      w.text(org.code(of[i]));
      end_row(w, m);
    }
  }

  void rounds(W& w) {
    for (std::size_t r = 0; r < p_.round_count(); ++r) {
      const rating_round& round = p_.get(round_id(static_cast<round_id::value_type>(r)));
      w.text(p_.get(round.scale()).code());
      w.raw(period_text(round.rated_period(), "rating round"));
      date_field(w, round.decided_on());
      end_row(w, round_id(static_cast<round_id::value_type>(r)));
    }
  }

  void ratings(W& w) {
    const organization& org = p_.org();
    for (std::size_t r = 0; r < p_.round_count(); ++r) {
      const rating_round& round = p_.get(round_id(static_cast<round_id::value_type>(r)));
      const rating_scale& scale = p_.get(round.scale());
      const std::string span = period_text(round.rated_period(), "rating round");
      const auto rows = [&](std::span<const std::uint8_t> ranks, bool member, auto code_of) {
        const std::string_view rated = rated_name(member, d_.names);
        for (std::size_t i = 0; i < ranks.size(); ++i) {
          if (ranks[i] == rating_round::unrated) continue;
          w.text(scale.code());
          w.raw(span);
          w.raw(rated);
          w.text(code_of(i));
          w.text(scale.labels(rating_level(ranks[i])).code);
          end_row(w, detail::csv::order_of(r, member, i));
        }
      };
      rows(round.collective_ranks(), false, [&](std::size_t i) {
        return org.code(collective_id(static_cast<collective_id::value_type>(i)));
      });
      rows(round.member_ranks(), true, [&](std::size_t i) {
        return org.code(member_id(static_cast<member_id::value_type>(i)));
      });
    }
  }

  void programs(W& w) {
    std::uint64_t id = 0;
    for (const program& pr : p_.programs()) {
      w.text(pr.code);
      w.text(pr.number);
      w.text(pr.issuer);
      w.text(pr.title);
      w.raw(period_text(pr.span, "program '" + pr.code + "'"));
      w.text(p_.org().code(pr.owner));
      w.text(pr.parent ? std::string_view(p_.get(*pr.parent).code) : std::string_view());
      end_row(w, detail::csv::order_of(id++));
    }
  }

  void tasks(W& w) {
    std::uint64_t id = 0;
    for (const task& t : p_.tasks()) {
      w.text(t.code);
      w.text(t.title);
      w.text(p_.get(t.program).code);
      w.text(p_.org().code(t.owner));
      if (t.deadline) {
        date_field(w, *t.deadline);
      } else {
        w.blank();
      }
      w.raw(name(t.kind));
      w.number(t.weight);
      if (t.added_on) {
        date_field(w, *t.added_on);
      } else {
        w.blank();
      }
      end_row(w, detail::csv::order_of(id++));
    }
  }

  void statuses(W& w) {
    for (const task& t : p_.tasks()) {
      for (const task_status_change& c : t.history) {
        w.text(t.code);
        date_field(w, c.on);
        w.raw(name(c.status));
        w.end_row();
      }
    }
  }

  void items(W& w) {
    const auto rows = detail::plan_access::targets(p_).rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].extra == detail::target_row::no_extra) continue;
      const target t = p_.get(target_id(static_cast<target_id::value_type>(i)));
      for (std::size_t k = 0; k < t.checklist.size(); ++k) {
        w.text(t.code);
        w.text(t.checklist[k]);
        if (t.item_weights.empty()) {
          w.blank();
        } else {
          w.number(t.item_weights[k]);
        }
        w.end_row();
      }
    }
  }

  void phases(W& w) {
    const auto rows = detail::plan_access::targets(p_).rows();
    for (std::size_t i = 0; i < rows.size(); ++i) {
      if (rows[i].extra == detail::target_row::no_extra) continue;
      const target t = p_.get(target_id(static_cast<target_id::value_type>(i)));
      for (std::size_t k = 0; k < t.sub_periods.size(); ++k) {
        w.text(t.code);
        w.raw(period_text(t.sub_periods[k], "target '" + t.code + "'"));
        if (t.planned.empty()) {
          w.blank();
        } else {
          w.number(t.planned[k]);
        }
        w.end_row();
      }
    }
  }

  void targets(W& w) {
    // The plain columns are written by the description; these name other entities.
    const auto special = detail::csv::overloaded{
        [&](const collective_id& owner, const target&) { w.text(p_.org().code(owner)); },
        [&](const period& span, const target& t) {
          w.raw(period_text(span, "target '" + t.code + "'"));
        },
        [&](const std::optional<program_id>& program, const target&) {
          w.text(program ? std::string_view(p_.get(*program).code) : std::string_view());
        },
        [&](const scale_id& scale, const rating_goal&) {
          w.text(scale.ok() ? std::string_view(p_.get(scale).code()) : std::string_view());
        },
        [&](const rating_level& level, const rating_goal& r) { level_field(w, r.scale, level); },
        [&](const share& required, const rating_goal&) { w.raw(share_text(required)); },
    };
    for (std::size_t i = 0; i < p_.target_count(); ++i) {
      detail::csv::write_columns(w, p_.get(target_id(static_cast<target_id::value_type>(i))),
                                 special);
      end_row(w, detail::csv::order_of(i));
    }
  }

  void assessments(W& w) {
    for (const assessment& a : p_.assessments()) {
      w.text(p_.get(a.target).code);
      date_field(w, a.on);
      w.text(a.status);
      if (a.score) {
        w.number(*a.score);
      } else {
        w.blank();
      }
      w.text(a.by);
      w.text(a.reason);
      w.end_row();
    }
  }

  void measurements(W& w) {
    const measurement_table& m = p_.measurements();
    const auto targets = m.targets();
    const auto days = m.days();
    const auto values = m.values();
    const auto dens = m.denominators();
    // Target codes looked up once per target, not per measurement.
    std::vector<std::string_view> codes;
    std::vector<std::string> owned(p_.target_count());
    codes.resize(p_.target_count());
    for (std::size_t i = 0; i < codes.size(); ++i) {
      owned[i] = p_.get(target_id(static_cast<target_id::value_type>(i))).code;
      codes[i] = owned[i];
    }
    for (std::size_t i = 0; i < m.size(); ++i) {
      w.text(codes[targets[i].index()]);
      w.day(days[i]);
      w.number(values[i]);
      if (dens.empty() || dens[i] == 1.0) {
        w.blank();
      } else {
        w.number(dens[i]);
      }
      const measurement full = m.at(i);
      w.text(full.source);
      w.text(full.note);
      end_row(w, detail::csv::order_of(i));
    }
  }

  void policies(W& w) {
    std::uint64_t id = 0;
    for (const named_policy& np : p_.policies()) {
      const evaluation_policy& e = np.policy;
      w.text(np.code);
      w.number(e.on_track_margin);
      w.number(e.at_risk_margin);
      w.boolean(e.not_started_before_start);
      w.boolean(e.missed_after_end);
      w.number(e.trend_tolerance);
      w.boolean(e.close_at_period_end);
      w.raw(name(e.basis));
      w.boolean(e.reached_is_achieved);
      w.integer(e.minimum_points);
      w.integer(e.forecast_min_points);
      w.text(e.rollup);
      end_row(w, detail::csv::order_of(id++));
    }
  }

  void alignments(W& w) {
    for (const alignment& a : p_.alignments()) {
      a.target.ok() ? w.text(p_.get(a.target).code) : w.blank();
      a.program.ok() ? w.text(p_.get(a.program).code) : w.blank();
      w.text(p_.get(a.parent).code);
      w.number(a.weight);
      w.end_row();
    }
  }

  void labels(W& w) {
    for (const entity_label& l : p_.labels()) {
      l.collective.ok() ? w.text(p_.org().code(l.collective)) : w.blank();
      l.program.ok() ? w.text(p_.get(l.program).code) : w.blank();
      l.task.ok() ? w.text(p_.get(l.task).code) : w.blank();
      l.target.ok() ? w.text(p_.code(l.target)) : w.blank();
      w.raw(name(l.language));
      w.text(l.text);
      w.raw(name(l.part));
      w.end_row();
    }
  }

  void rollup_rules(W& w) {
    for (const named_policy& np : p_.policies()) {
      for (const rollup_rule& r : np.policy.rollup_rules) {
        w.text(np.code);
        w.text(r.code);
        w.raw(name(r.method));
        w.boolean(r.exclude_not_started);
        w.boolean(r.exclude_no_data);
        w.raw(share_text(r.required_share));
        w.integer(r.required_count);
        w.end_row();
      }
    }
  }

  void rollup_overrides(W& w) {
    for (const named_policy& np : p_.policies()) {
      for (const rollup_override& o : np.policy.rollup_overrides) {
        w.text(np.code);
        w.raw(name(o.scope));
        w.text(o.code);
        w.text(o.rule);
        w.end_row();
      }
    }
  }

  void summaries(W& w) {
    for (const named_policy& np : p_.policies()) {
      for (const rating_summary_spec& s : np.policy.rating_summaries) {
        const rating_round& round = p_.get(s.round);
        w.text(np.code);
        w.text(p_.get(round.scale()).code());
        w.raw(period_text(round.rated_period(), "policy '" + np.code + "'"));
        level_field(w, round.scale(), s.level);
        w.text(s.counted_kind);
        w.raw(name(s.criterion));
        w.raw(share_text(s.required_share));
        w.end_row();
      }
    }
  }

  void policy_statuses(W& w) {
    for (const named_policy& np : p_.policies()) {
      for (const status_definition& s : np.policy.statuses) {
        w.text(np.code);
        w.text(s.code);
        w.text(s.label_en);
        w.text(s.label_vi);
        w.text(s.colour);
        w.raw(name(s.category));
        w.end_row();
      }
    }
  }

  void policy_bands(W& w) {
    // An infinite edge is a blank cell, which import reads back as open-ended.
    const auto edge = [&](double v) { std::isinf(v) ? w.blank() : w.number(v); };
    for (const named_policy& np : p_.policies()) {
      for (const status_band& b : np.policy.bands) {
        w.text(np.code);
        w.text(b.status);
        edge(b.lower);
        edge(b.upper);
        w.boolean(b.lower_inclusive);
        w.boolean(b.upper_inclusive);
        w.raw(name(b.phase));
        w.end_row();
      }
    }
  }

  const plan& p_;
  const csv_dialect& d_;
  detail::csv::layout_notes notes_;
  detail::csv::layout_notes::file* current_ = nullptr;  // the notes of the file being written
};

// Writes each file of the layout as CSV, into `directory` or, without one, into memory.
std::vector<csv_source> write_csv(const plan& p, const csv_dialect& d,
                                  const std::filesystem::path* directory) {
  using detail::csv::writer;
  std::vector<csv_source> out;
  exporter<writer>(p, d).each_file([&](const layout& file, auto note_columns, auto rows) {
    std::optional<std::ofstream> stream;
    std::string path;
    if (directory != nullptr) {
      path = (*directory / file.file).string();
      // Never opened for writing unless a regular file or absent: a FIFO would block.
      if (const std::string kind = detail::not_a_regular_file(path); !kind.empty()) {
        throw io_error("cannot write " + path + ": it is " + kind, path);
      }
      stream.emplace(path, std::ios::binary | std::ios::trunc);
      if (!*stream) throw io_error("cannot open " + path + " for writing", path);
    }
    writer w(d, stream ? &*stream : nullptr, path);
    for (const auto& c : file.columns) w.raw(header_of(c.name, d.names));
    for (const std::string_view c : note_columns) w.raw(c);
    w.end_row();
    rows(w);
    std::string text = w.finish();
    if (!stream) out.push_back({std::string(file.file), std::move(text)});
  });
  return out;
}

// --- workbooks ---------------------------------------------------------------------------

/// The exporter's writer over one sheet of a workbook: every cell typed as Excel types it
/// (numbers, dates, booleans), except what Excel cannot hold exactly, written as text that
/// import_xlsx reads as it reads a value typed as text (see number, integer and day).
class sheet_cells {
 public:
  sheet_cells(detail::xlsx::sheet_writer& sheet, const csv_dialect& d) : s_(sheet), d_(d) {}

  /// Text as it is: a string cell is never run as a formula, so nothing is escaped.
  void text(std::string_view v) { s_.text(v); }
  /// Periods, shares, codes and names: string cells too.
  void raw(std::string_view v) { s_.text(v); }
  void number(double v) {
    // libxlsxwriter 1.1.4 writes a number cell with "%.16G": 16 significant digits, and
    // some doubles need 17 to read back the same (0.1 + 0.2). Such a number is written as
    // a text cell holding the shortest text that reads back the same double (to_chars,
    // the CSV writer's form), with the dialect's decimal separator, which import_xlsx
    // reads as it reads a number typed as text: the workbook imports back equal, at the
    // cost of a few cells that Excel marks as "number stored as text". A number that is
    // not finite is refused by the sheet writer (no plan value is one: an open band edge
    // is a blank cell).
    char buffer[40];
    const int n = std::snprintf(buffer, sizeof buffer, "%.16G", v);
    double back = 0;
    if (!std::isfinite(v) || n <= 0 ||
        (std::from_chars(buffer, buffer + n, back).ec == std::errc() && back == v)) {
      s_.number(v);
      return;
    }
    char text[64];
    s_.text(
        std::string_view(text, detail::csv::writer::number_text(v, d_.decimal_separator, text)));
  }
  void integer(std::uint64_t v) {
    // Excel's numbers are doubles: a whole number above 2^53 is written as its digits.
    if (v <= (std::uint64_t{1} << 53U)) {
      s_.integer(v);
      return;
    }
    char text[32];
    auto* const end = std::to_chars(text, text + sizeof text, v).ptr;
    s_.text(std::string_view(text, static_cast<std::size_t>(end - text)));
  }
  void day(std::int32_t day_number) {
    // A day before 1900-01-01 has no date serial: it is written as text in the dialect's
    // format, which import_xlsx reads as a date typed as text.
    if (detail::xlsx::day_serial(day_number, false)) {
      s_.day(day_number);
    } else {
      s_.text(detail::csv::format_day(day_number, d_.dates));
    }
  }
  /// A TRUE or FALSE cell in English; in Vietnamese "đúng" or "sai", as the list of
  /// choices of a boolean column offers them.
  void boolean(bool v) {
    if (d_.names == language::vi) {
      s_.text(detail::csv::boolean_text(v, d_.names));
    } else {
      s_.boolean(v);
    }
  }
  void blank() { s_.blank(); }
  void end_row() { s_.end_row(); }
  [[nodiscard]] language names() const noexcept { return d_.names; }

 private:
  detail::xlsx::sheet_writer& s_;
  const csv_dialect& d_;
};

// The choices of a boolean column: what a cell shows.
std::vector<std::string> boolean_choices(language names) {
  if (names == language::vi) {
    return {std::string(detail::csv::boolean_text(true, names)),
            std::string(detail::csv::boolean_text(false, names))};
  }
  return {"TRUE", "FALSE"};
}

// Sets the choices of the columns of Entity's fields, which follow the file's first
// `keys` columns (csv_layout.hpp's follows_schema): each enum field's names, each flag's
// true and false.
template <class Entity>
void field_choices(std::vector<detail::xlsx::column_spec>& columns, std::size_t keys,
                   language names) {
  static const Entity defaults{};
  std::size_t col = keys;
  auto choose = [&](const auto&, const auto& value, const auto&, const auto&, std::size_t c) {
    using V = std::remove_cvref_t<decltype(value)>;
    if constexpr (std::is_same_v<V, bool>) {
      columns[c].choices = boolean_choices(names);
    } else if constexpr (detail::named_enum<V>) {
      columns[c].choices = detail::names_of_all<V>(names);
    }
  };
  detail::csv::fields_detail::visit_columns<Entity>(defaults, defaults, col, choose);
}

// The columns of a file's sheet: headers in `names`, and the choices of every column of
// enum values or flags.
std::vector<detail::xlsx::column_spec> sheet_columns(const layout& file, language names) {
  namespace csv = detail::csv;
  std::vector<detail::xlsx::column_spec> columns;
  for (const csv::column& c : file.columns) columns.push_back({header_of(c.name, names), {}});
  const std::string_view f = file.file;
  // The files of described entities, with their key columns, as csv_layout.hpp checks.
  if (f == csv::scales_file.file) field_choices<level_labels>(columns, 1, names);
  if (f == csv::collectives_file.file) field_choices<collective_spec>(columns, 0, names);
  if (f == csv::members_file.file) field_choices<member_spec>(columns, 0, names);
  if (f == csv::programs_file.file) field_choices<program>(columns, 0, names);
  if (f == csv::tasks_file.file) field_choices<task>(columns, 0, names);
  if (f == csv::status_file.file) field_choices<task_status_change>(columns, 1, names);
  if (f == csv::targets_file.file) field_choices<target>(columns, 0, names);
  if (f == csv::measurements_file.file) field_choices<measurement>(columns, 0, names);
  if (f == csv::assessments_file.file) field_choices<assessment>(columns, 0, names);
  if (f == csv::alignments_file.file) field_choices<alignment>(columns, 0, names);
  if (f == csv::labels_file.file) field_choices<entity_label>(columns, 0, names);
  if (f == csv::policies_file.file) field_choices<named_policy>(columns, 0, names);
  if (f == csv::summaries_file.file) field_choices<rating_summary_spec>(columns, 3, names);
  if (f == csv::statuses_file.file) field_choices<status_definition>(columns, 1, names);
  if (f == csv::bands_file.file) field_choices<status_band>(columns, 1, names);
  if (f == csv::rules_file.file) field_choices<rollup_rule>(columns, 1, names);
  if (f == csv::overrides_file.file) field_choices<rollup_override>(columns, 1, names);
  if (f == csv::ratings_file.file) {
    columns[csv::ratings_col::rated].choices = {std::string(rated_name(true, names)),
                                                std::string(rated_name(false, names))};
  }
  return columns;
}

}  // namespace

void export_csv(const plan& p, const std::filesystem::path& directory, const csv_dialect& dialect) {
  dialect.validate();
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    throw io_error("cannot create the folder " + directory.string() + ": " + ec.message(),
                   directory.string());
  }
  (void)write_csv(p, dialect, &directory);
}

std::vector<csv_source> export_csv(const plan& p, const csv_dialect& dialect) {
  dialect.validate();
  return write_csv(p, dialect, nullptr);
}

void export_xlsx(const plan& p, const std::filesystem::path& path, const csv_dialect& dialect) {
  dialect.validate();
  detail::xlsx::writer_options options;
  options.date_format = dialect.dates == csv_date_format::iso ? "yyyy-mm-dd" : "dd/mm/yyyy";
  detail::xlsx::workbook_writer book(path, options);
  exporter<sheet_cells>(p, dialect)
      .each_file([&](const layout& file, auto note_columns, auto rows) {
        std::vector<detail::xlsx::column_spec> columns = sheet_columns(file, dialect.names);
        for (const std::string_view c : note_columns) columns.push_back({c, {}});
        std::string_view name = file.file;
        name.remove_suffix(std::string_view(".csv").size());
        sheet_cells w(book.add_sheet(name, columns), dialect);
        rows(w);
      });
  book.close();
}

}  // namespace goaltrack
