// export_csv: a plan as the CSV layout of csv.hpp (src/io/csv_layout.hpp).

#include <cmath>
#include <fstream>
#include <optional>
#include <string>

#include "goaltrack/io/csv.hpp"
#include "io/csv_fields.hpp"
#include "io/csv_layout.hpp"
#include "io/csv_text.hpp"
#include "io/file_kind.hpp"
#include "plan_data.hpp"

namespace goaltrack {

namespace {

using detail::csv::layout;
using detail::csv::writer;

/// Writes each file of the layout, to a folder or into memory.
class exporter {
 public:
  exporter(const plan& p, const csv_dialect& d, const std::filesystem::path* directory)
      : p_(p), d_(d), directory_(directory) {}

  std::vector<csv_source> run() {
    write(detail::csv::scales_file, [&](writer& w) { scales(w); });
    write(detail::csv::collectives_file, [&](writer& w) { collectives(w); });
    write(detail::csv::members_file, [&](writer& w) { members(w); });
    write(detail::csv::rounds_file, [&](writer& w) { rounds(w); });
    write(detail::csv::ratings_file, [&](writer& w) { ratings(w); });
    write(detail::csv::programs_file, [&](writer& w) { programs(w); });
    write(detail::csv::tasks_file, [&](writer& w) { tasks(w); });
    write(detail::csv::status_file, [&](writer& w) { statuses(w); });
    write(detail::csv::items_file, [&](writer& w) { items(w); });
    write(detail::csv::phases_file, [&](writer& w) { phases(w); });
    write(detail::csv::targets_file, [&](writer& w) { targets(w); });
    write(detail::csv::measurements_file, [&](writer& w) { measurements(w); });
    write(detail::csv::assessments_file, [&](writer& w) { assessments(w); });
    write(detail::csv::alignments_file, [&](writer& w) { alignments(w); });
    write(detail::csv::labels_file, [&](writer& w) { labels(w); });
    write(detail::csv::policies_file, [&](writer& w) { policies(w); });
    write(detail::csv::summaries_file, [&](writer& w) { summaries(w); });
    write(detail::csv::statuses_file, [&](writer& w) { policy_statuses(w); });
    write(detail::csv::bands_file, [&](writer& w) { policy_bands(w); });
    write(detail::csv::rules_file, [&](writer& w) { rollup_rules(w); });
    write(detail::csv::overrides_file, [&](writer& w) { rollup_overrides(w); });
    return std::move(out_);
  }

 private:
  template <class Rows>
  void write(const layout& file, Rows rows) {
    std::optional<std::ofstream> stream;
    std::string path;
    if (directory_ != nullptr) {
      path = (*directory_ / file.file).string();
      // Never opened for writing unless a regular file or absent: a FIFO would block.
      if (const std::string kind = detail::not_a_regular_file(path); !kind.empty()) {
        throw io_error("cannot write " + path + ": it is " + kind, path);
      }
      stream.emplace(path, std::ios::binary | std::ios::trunc);
      if (!*stream) throw io_error("cannot open " + path + " for writing", path);
    }
    writer w(d_, stream ? &*stream : nullptr, path);
    for (const auto& c : file.columns) w.raw(c.name);
    w.end_row();
    rows(w);
    std::string text = w.finish();
    if (!stream) out_.push_back({std::string(file.file), std::move(text)});
  }

  // The text of a period (csv_text.hpp's form).
  std::string period_text(const period& span, std::string_view) const {
    return detail::csv::period_text(span, d_.periods);
  }
  static std::string share_text(share s) {
    return std::to_string(s.numerator) + "/" + std::to_string(s.denominator);
  }
  void date_field(writer& w, date d) const { w.day(day_number(d)); }
  void level_field(writer& w, scale_id scale, rating_level level) const {
    if (!scale.ok()) {
      w.blank();
      return;
    }
    w.text(p_.get(scale).labels(level).code);
  }

  void scales(writer& w) {
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

  void collectives(writer& w) {
    const organization& org = p_.org();
    for (std::size_t i = 0; i < org.collective_count(); ++i) {
      const collective_id c(static_cast<collective_id::value_type>(i));
      w.text(org.code(c));
      w.text(org.name(c));
      w.text(org.kind(c));
      const auto parent = org.parent(c);
      w.text(parent ? org.code(*parent) : std::string_view());
      w.end_row();
    }
  }

  void members(writer& w) {
    const organization& org = p_.org();
    const auto of = org.member_collectives();
    for (std::size_t i = 0; i < org.member_count(); ++i) {
      const member_id m(static_cast<member_id::value_type>(i));
      w.text(org.code(m));
      w.text(org.name(m));
      w.text(org.code(of[i]));
      w.end_row();
    }
  }

  void rounds(writer& w) {
    for (std::size_t r = 0; r < p_.round_count(); ++r) {
      const rating_round& round = p_.get(round_id(static_cast<round_id::value_type>(r)));
      w.text(p_.get(round.scale()).code());
      w.raw(period_text(round.rated_period(), "rating round"));
      date_field(w, round.decided_on());
      w.end_row();
    }
  }

  void ratings(writer& w) {
    const organization& org = p_.org();
    for (std::size_t r = 0; r < p_.round_count(); ++r) {
      const rating_round& round = p_.get(round_id(static_cast<round_id::value_type>(r)));
      const rating_scale& scale = p_.get(round.scale());
      const std::string span = period_text(round.rated_period(), "rating round");
      const auto rows = [&](std::span<const std::uint8_t> ranks, std::string_view rated,
                            auto code_of) {
        for (std::size_t i = 0; i < ranks.size(); ++i) {
          if (ranks[i] == rating_round::unrated) continue;
          w.text(scale.code());
          w.raw(span);
          w.raw(rated);
          w.text(code_of(i));
          w.text(scale.labels(rating_level(ranks[i])).code);
          w.end_row();
        }
      };
      rows(round.collective_ranks(), "collective", [&](std::size_t i) {
        return org.code(collective_id(static_cast<collective_id::value_type>(i)));
      });
      rows(round.member_ranks(), "member", [&](std::size_t i) {
        return org.code(member_id(static_cast<member_id::value_type>(i)));
      });
    }
  }

  void programs(writer& w) {
    for (const program& pr : p_.programs()) {
      w.text(pr.code);
      w.text(pr.number);
      w.text(pr.issuer);
      w.text(pr.title);
      w.raw(period_text(pr.span, "program '" + pr.code + "'"));
      w.text(p_.org().code(pr.owner));
      w.text(pr.parent ? std::string_view(p_.get(*pr.parent).code) : std::string_view());
      w.end_row();
    }
  }

  void tasks(writer& w) {
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
      w.raw(to_string(t.kind));
      w.number(t.weight);
      if (t.added_on) {
        date_field(w, *t.added_on);
      } else {
        w.blank();
      }
      w.end_row();
    }
  }

  void statuses(writer& w) {
    for (const task& t : p_.tasks()) {
      for (const task_status_change& c : t.history) {
        w.text(t.code);
        date_field(w, c.on);
        w.raw(to_string(c.status));
        w.end_row();
      }
    }
  }

  void items(writer& w) {
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

  void phases(writer& w) {
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

  void targets(writer& w) {
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
      w.end_row();
    }
  }

  void assessments(writer& w) {
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

  void measurements(writer& w) {
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
      w.end_row();
    }
  }

  void policies(writer& w) {
    for (const named_policy& np : p_.policies()) {
      const evaluation_policy& e = np.policy;
      w.text(np.code);
      w.number(e.on_track_margin);
      w.number(e.at_risk_margin);
      w.raw(e.not_started_before_start ? "true" : "false");
      w.raw(e.missed_after_end ? "true" : "false");
      w.number(e.trend_tolerance);
      w.raw(e.close_at_period_end ? "true" : "false");
      w.raw(to_string(e.basis));
      w.raw(e.reached_is_achieved ? "true" : "false");
      w.integer(e.minimum_points);
      w.integer(e.forecast_min_points);
      w.text(e.rollup);
      w.end_row();
    }
  }

  void alignments(writer& w) {
    for (const alignment& a : p_.alignments()) {
      a.target.ok() ? w.text(p_.get(a.target).code) : w.blank();
      a.program.ok() ? w.text(p_.get(a.program).code) : w.blank();
      w.text(p_.get(a.parent).code);
      w.number(a.weight);
      w.end_row();
    }
  }

  void labels(writer& w) {
    for (const entity_label& l : p_.labels()) {
      l.collective.ok() ? w.text(p_.org().code(l.collective)) : w.blank();
      l.program.ok() ? w.text(p_.get(l.program).code) : w.blank();
      l.task.ok() ? w.text(p_.get(l.task).code) : w.blank();
      l.target.ok() ? w.text(p_.code(l.target)) : w.blank();
      w.raw(to_string(l.language));
      w.text(l.text);
      w.raw(to_string(l.part));
      w.end_row();
    }
  }

  void rollup_rules(writer& w) {
    for (const named_policy& np : p_.policies()) {
      for (const rollup_rule& r : np.policy.rollup_rules) {
        w.text(np.code);
        w.text(r.code);
        w.raw(to_string(r.method));
        w.raw(r.exclude_not_started ? "true" : "false");
        w.raw(r.exclude_no_data ? "true" : "false");
        w.raw(share_text(r.required_share));
        w.integer(r.required_count);
        w.end_row();
      }
    }
  }

  void rollup_overrides(writer& w) {
    for (const named_policy& np : p_.policies()) {
      for (const rollup_override& o : np.policy.rollup_overrides) {
        w.text(np.code);
        w.raw(to_string(o.scope));
        w.text(o.code);
        w.text(o.rule);
        w.end_row();
      }
    }
  }

  void summaries(writer& w) {
    for (const named_policy& np : p_.policies()) {
      for (const rating_summary_spec& s : np.policy.rating_summaries) {
        const rating_round& round = p_.get(s.round);
        w.text(np.code);
        w.text(p_.get(round.scale()).code());
        w.raw(period_text(round.rated_period(), "policy '" + np.code + "'"));
        level_field(w, round.scale(), s.level);
        w.text(s.counted_kind);
        w.raw(to_string(s.criterion));
        w.raw(share_text(s.required_share));
        w.end_row();
      }
    }
  }

  void policy_statuses(writer& w) {
    for (const named_policy& np : p_.policies()) {
      for (const status_definition& s : np.policy.statuses) {
        w.text(np.code);
        w.text(s.code);
        w.text(s.label_en);
        w.text(s.label_vi);
        w.text(s.colour);
        w.raw(to_string(s.category));
        w.end_row();
      }
    }
  }

  void policy_bands(writer& w) {
    // An infinite edge is a blank cell, which import reads back as open-ended.
    const auto edge = [&](double v) { std::isinf(v) ? w.blank() : w.number(v); };
    for (const named_policy& np : p_.policies()) {
      for (const status_band& b : np.policy.bands) {
        w.text(np.code);
        w.text(b.status);
        edge(b.lower);
        edge(b.upper);
        w.raw(b.lower_inclusive ? "true" : "false");
        w.raw(b.upper_inclusive ? "true" : "false");
        w.raw(to_string(b.phase));
        w.end_row();
      }
    }
  }

  const plan& p_;
  const csv_dialect& d_;
  const std::filesystem::path* directory_;
  std::vector<csv_source> out_;
};

}  // namespace

void export_csv(const plan& p, const std::filesystem::path& directory, const csv_dialect& dialect) {
  dialect.validate();
  std::error_code ec;
  std::filesystem::create_directories(directory, ec);
  if (ec) {
    throw io_error("cannot create the folder " + directory.string() + ": " + ec.message(),
                   directory.string());
  }
  exporter(p, dialect, &directory).run();
}

std::vector<csv_source> export_csv(const plan& p, const csv_dialect& dialect) {
  dialect.validate();
  return exporter(p, dialect, nullptr).run();
}

}  // namespace goaltrack
