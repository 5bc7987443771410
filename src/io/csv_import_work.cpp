// import_csv: the files of the work (programs, tasks, task_status, milestone_items,
// targets, measurements, policy_rating_summaries, policy_statuses, policy_bands, policies). See
// csv_import.hpp.

#include <charconv>
#include <optional>
#include <string>
#include <unordered_map>
#include <vector>

#include "io/csv_fields.hpp"
#include "io/csv_import.hpp"

namespace goaltrack::detail::csv {

void importer::programs(table& t) {
  struct row {
    std::string_view code, parent;
    program value;
    std::uint64_t line;
  };
  std::vector<row> rows;
  code_table codes;  // rows[i].code at row i: repeated codes, and parents by code
  while (t.next()) {
    const bool has_code = t.required(programs_col::code);
    const auto span = t.period_of(programs_col::period, d_.periods);
    std::optional<collective_id> owner;
    if (t.required(programs_col::owner)) owner = collective(t, programs_col::owner);
    if (!has_code || t.bad()) continue;
    row r{t.text(programs_col::code), t.text(programs_col::parent), {}, t.line()};
    if (!codes.insert(r.code)) {
      t.fail(programs_col::code, "program " + in_quotes(r.code) + " is already on line " +
                                     std::to_string(rows[*codes.find(r.code)].line));
      continue;
    }
    r.value.code = r.code;
    r.value.number = t.text(programs_col::number);
    r.value.issuer = t.text(programs_col::issuer);
    r.value.title = t.text(programs_col::title);
    r.value.span = *span;
    r.value.owner = *owner;
    rows.push_back(std::move(r));
  }
  for (const std::size_t i : parents_first(t, rows, codes, programs_col::parent, "program")) {
    row& r = rows[i];
    if (!r.parent.empty()) {
      r.value.parent = p_.find_program(r.parent);
      if (!r.value.parent) {
        reject_orphan(t, programs_file, programs_col::parent, r, codes.find(r.parent).has_value());
        continue;
      }
    }
    try {
      t.keep_notes(r.line, p_.add_program(r.value));
    } catch (const error& e) {
      t.fail_at(r.line, programs_col::code, e.what(), r.code);
    }
  }
}

void importer::tasks(table& t) {
  while (t.next()) {
    task k;
    const bool has_code = t.required(tasks_col::code);
    std::optional<program_id> pr;
    std::optional<collective_id> owner;
    if (t.required(tasks_col::program)) pr = program_ref(t, tasks_col::program);
    if (t.required(tasks_col::owner)) owner = collective(t, tasks_col::owner);
    const auto deadline = t.day(tasks_col::deadline);
    k.kind = t.code(tasks_col::kind, parse_task_kind, task_kind::planned);
    k.weight = t.number_or(tasks_col::weight, 1.0);
    const auto added_on = t.day(tasks_col::added_on);
    if (!has_code || t.bad() || !pr || !owner) continue;
    k.code = t.text(tasks_col::code);
    k.title = t.text(tasks_col::title);
    k.program = *pr;
    k.owner = *owner;
    try {
      if (deadline) k.deadline = from_day_number(*deadline);
      if (added_on) k.added_on = from_day_number(*added_on);
      t.keep_notes(t.line(), p_.add_task(k));
    } catch (const error& e) {
      t.fail(tasks_col::code, e.what());
    }
  }
}

void importer::statuses(table& t) {
  while (t.next()) {
    const bool has_task = t.required(status_col::task);
    const auto on = t.day(status_col::date);
    if (!on) t.required(status_col::date);
    const bool has_status = t.required(status_col::status);
    const auto status = t.code(status_col::status, parse_task_status, task_status::not_started);
    if (!has_task || !has_status || t.bad() || !on) continue;
    const auto id = task_ref(t, status_col::task);
    if (!id) continue;
    try {
      p_.set_task_status(*id, status, from_day_number(*on));
    } catch (const error& e) {
      t.fail(status_col::date, e.what());
    }
  }
}

void importer::items(table& t) {
  items_.file = t.name();
  while (t.next()) {
    if (!t.required(items_col::target)) continue;
    checklist_row r{std::string(t.text(items_col::item)), t.number(items_col::weight)};
    if (t.bad()) continue;
    items_.add(t.text(items_col::target), t.line(), std::move(r));
  }
}

void importer::phases(table& t) {
  phases_.file = t.name();
  while (t.next()) {
    if (!t.required(phases_col::target)) continue;
    const std::optional<period> span = t.period_of(phases_col::sub_period, d_.periods);
    const std::optional<double> planned = t.number(phases_col::planned);
    if (t.bad() || !span) continue;
    phases_.add(t.text(phases_col::target), t.line(), phase_row{*span, planned});
  }
}

void importer::report_unused_items() {
  report_unused(items_, "target", targets_file, "is not a milestone target of targets.csv");
  report_unused(phases_, "target", targets_file,
                "is not a numeric or milestone target of targets.csv");
}

void importer::targets(table& t) {
  namespace k = targets_col;
  // The rows of a batch wait here for their owners, which are looked up together
  // (organization::find_collectives), and are then added one by one.
  struct row {
    std::string_view owner, code;
    std::uint64_t line;
    bool ok;  // false: only the owner remains to be checked
  };
  constexpr std::size_t batch = 4096;  // rows of a few hundred bytes each
  std::vector<row> rows;
  std::vector<target> values;  // values[i] is rows[i]'s target (when ok)
  std::vector<std::string_view> owners;
  std::vector<std::optional<collective_id>> ids;
  std::size_t read = 0;  // rows read in this batch, good or bad
  const auto find_collectives = [&](std::span<const std::string_view> codes) {
    return p_.org().find_collectives(codes);
  };
  target_numbers_.limit(4 * t.rows_left() + 1024);
  const auto flush = [&] {
    owners.clear();
    for (const row& r : rows) owners.push_back(r.owner);
    find_ids(collective_numbers_, owners, find_collectives, ids);
    bool all_ok = true;
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const row& r = rows[i];
      if (!ids[i]) {
        report_missing(t, k::owner, collectives_file, "collective", r.owner, r.line);
        reject(targets_file, r.code, r.line);
        all_ok = false;
        continue;
      }
      all_ok = all_ok && r.ok;
      if (!r.ok) continue;
      target& value = values[i];
      value.owner = *ids[i];
      if (!items_.by_owner.empty() && value.kind == target_kind::milestone) {
        // Weights are all or none: the target's check names a list that does not match.
        for (checklist_row& item : items_.take(value.code)) {
          value.checklist.push_back(std::move(item.item));
          if (item.weight) value.item_weights.push_back(*item.weight);
        }
      }
      if (!phases_.by_owner.empty() &&
          (value.is_numeric() || value.kind == target_kind::milestone)) {
        // Planned values are all or none: the target's check names a list that does not match.
        for (const phase_row& phase : phases_.take(value.code)) {
          value.sub_periods.push_back(phase.sub_period);
          if (phase.planned) value.planned.push_back(*phase.planned);
        }
      }
    }
    // A clean batch goes in at once (its codes indexed together); otherwise, or when
    // the plan refuses it, one by one, so that every refused row is reported.
    bool added = false;
    if (all_ok && !values.empty()) {
      try {
        const target_id first = p_.add_targets(values);
        for (std::size_t i = 0; i < values.size(); ++i) {
          const target_id id(first.value() + static_cast<target_id::value_type>(i));
          target_numbers_.add(values[i].code, id);
          t.keep_notes(rows[i].line, id);
        }
        added = true;
      } catch (const error&) {
      }
    }
    for (std::size_t i = 0; i < rows.size() && !added; ++i) {
      if (!ids[i] || !rows[i].ok) continue;
      try {
        const target_id id = p_.add_target(values[i]);
        target_numbers_.add(values[i].code, id);
        t.keep_notes(rows[i].line, id);
      } catch (const error& e) {
        t.fail_at(rows[i].line, k::code, e.what(), values[i].code);
      }
    }
    rows.clear();
    values.clear();
    read = 0;
    end_batch();
  };
  hold_issues();
  while (t.next()) {
    if (read == batch) flush();
    ++read;
    target x;
    bool has_owner = false;
    std::optional<period> span;
    // The plain columns are read by the description; these name other entities.
    const auto special = overloaded{
        [&](collective_id&, const target&, std::size_t c) { has_owner = t.required(c); },
        [&](period&, const target&, std::size_t c) { span = t.period_of(c, d_.periods); },
        [&](std::optional<program_id>& program, const target&, std::size_t c) {
          if (t.value(c).empty()) return;
          if (auto pr = program_ref(t, c)) program = *pr;
        },
        [&](scale_id& scale_of, const rating_goal&, std::size_t c) {
          if (t.value(c).empty()) return;
          if (auto sc = scale(t, c)) scale_of = *sc;
        },
        [&](rating_level& level_of, const rating_goal& r, std::size_t c) {
          if (t.value(k::scale).empty()) {
            if (!t.value(c).empty()) t.fail(c, "a level needs the scale column");
            return;
          }
          if (!r.scale.ok() || !t.required(c)) return;
          if (auto l = level(t, c, r.scale)) level_of = *l;
        },
        [&](share& required, const rating_goal&, std::size_t c) {
          if (auto sh = t.share_of(c)) required = *sh;
        },
    };
    const bool complete = read_columns(t, x, special);
    if (t.percents() != 0 && x.kind != target_kind::ratio) {
      t.fail_percents("a percentage is a value of a ratio target only; this target is " +
                      std::string(to_string(x.kind)));
    }
    if (!has_owner) continue;
    if (!complete || t.bad() || !span) {
      rows.push_back({t.text(k::owner), t.text(k::code), t.line(), false});
      values.emplace_back();
      continue;
    }
    x.span = *span;
    rows.push_back({t.text(k::owner), t.text(k::code), t.line(), true});
    values.push_back(std::move(x));
  }
  flush();
}

bool importer::check_measurement(table& t, target_id id, std::string_view code, std::uint64_t line,
                                 std::int32_t day, double ratio, bool percent) {
  namespace k = measurements_col;
  const target_facts& target = target_facts_[id.index()];
  if (percent && target.kind != target_kind::ratio) {
    t.fail_at(line, k::value,
              "value: a percentage is a value of a ratio target only; target " + in_quotes(code) +
                  " is " + std::string(to_string(target.kind)));
    return false;
  }
  // More than measurement_slack_days out, the date is most likely a year typed wrong
  // (2002 for 2020).
  const std::int32_t first = target.first;
  const std::int32_t last = target.last;
  if (far_outside(target, day)) [[unlikely]] {
    const std::string what = "date " + format_day(day, d_.dates) +
                             " is more than a year outside target " + in_quotes(code) +
                             "'s period " + p_.brief(id).span.to_string() + " (" +
                             format_day(first, d_.dates) + ".." + format_day(last, d_.dates) + ")";
    if (!d_.measurements_outside_period) {
      t.fail_at(
          line, k::date,
          what + "; a year typed wrong? (csv_dialect::measurements_outside_period allows it)");
      return false;
    }
    t.warn_at(line, k::date, what);
  }
  if (target.kind == target_kind::ratio && ratio > 1) {
    char shown[32];
    const std::string text(shown, std::to_chars(shown, shown + sizeof shown, ratio).ptr);
    t.warn_at(
        line, k::value,
        "value " + text + " is a ratio above 1: ratios are fractions; did you mean " + text + "%?");
  }
  return true;
}

void importer::measurements(table& t) {
  namespace k = measurements_col;
  // What check_measurement reads of each target, in one array read in id order: the
  // measurements come in any order of targets, and one small entry each is one cache miss.
  target_facts_.resize(p_.target_count());
  for (std::size_t i = 0; i < target_facts_.size(); ++i) {
    const target_brief b = p_.brief(target_id(static_cast<target_id::value_type>(i)));
    target_facts_[i] = {day_number(b.span.first()), day_number(b.span.last()), b.kind};
  }
  // The rows of a batch wait here for their targets, which are looked up together
  // (plan::find_targets: measurements come in any order of targets, so that each lookup
  // would otherwise wait for memory), and are then added together.
  struct row {
    std::string_view target, source, note;
    std::uint64_t line;
    double value, den;
    std::int32_t day;
    bool percent;  // the value was written as a percentage
  };
  std::vector<row> rows;
  std::vector<std::string_view> codes;
  std::vector<std::optional<target_id>> ids;
  std::vector<target_id> targets;
  std::vector<std::int32_t> days;
  std::vector<double> values;
  std::vector<double> dens;
  std::vector<std::uint64_t> lines;
  std::size_t read = 0;  // rows read in this batch, good or bad
  const auto one = [&](target_id id, const row& r) {
    try {
      p_.add_measurement(
          {id, from_day_number(r.day), r.value, r.den, std::string(r.source), std::string(r.note)});
      t.keep_notes(r.line, p_.measurements().size() - 1);
    } catch (const error& e) {
      t.fail_at(r.line, k::value, e.what());
    }
  };
  // Adds the rows gathered in the columns; when the plan refuses them, one by one to
  // name every bad row.
  const auto add = [&] {
    if (targets.empty()) return;
    try {
      const std::size_t first = p_.measurements().size();
      p_.add_measurements(targets, days, values, dens);
      for (std::size_t i = 0; i < lines.size(); ++i) t.keep_notes(lines[i], first + i);
    } catch (const error&) {
      for (std::size_t i = 0; i < targets.size(); ++i) {
        one(targets[i], {{}, {}, {}, lines[i], values[i], dens[i], days[i], false});
      }
    }
    targets.clear();
    days.clear();
    values.clear();
    dens.clear();
    lines.clear();
  };
  const auto find_targets = [&](std::span<const std::string_view> c) { return p_.find_targets(c); };
  const auto flush = [&] {
    codes.clear();
    for (const row& r : rows) codes.push_back(r.target);
    find_ids(target_numbers_, codes, find_targets, ids);
    // The batch's targets' facts, fetched together rather than one cache miss per row.
    for (const std::optional<target_id>& id : ids) {
      if (id) detail::prefetch(&target_facts_[id->index()]);
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
      const row& r = rows[i];
      if (!ids[i]) {
        report_missing(t, k::target, targets_file, "target", r.target, r.line);
      } else if (!unremarkable(*ids[i], r.day, r.value / r.den, r.percent) &&
                 !check_measurement(t, *ids[i], r.target, r.line, r.day, r.value / r.den,
                                    r.percent)) {
        // reported
      } else if (!r.source.empty() || !r.note.empty()) {
        // Annotated: the rows before it, then this row alone (add_measurements takes no text).
        add();
        one(*ids[i], r);
      } else {
        targets.push_back(*ids[i]);
        days.push_back(r.day);
        values.push_back(r.value);
        dens.push_back(r.den);
        lines.push_back(r.line);
      }
    }
    add();
    rows.clear();
    read = 0;
    end_batch();
  };
  p_.reserve_measurements(t.rows_to_reserve(13));  // "t,1/1/2021,1" and its line end at least
  hold_issues();
  while (t.next()) {
    if (read == batch_rows) flush();
    ++read;
    const bool has_target = t.required(k::target);
    const auto day = t.day(k::date);
    if (!day) t.required(k::date);
    const auto value = t.number(k::value);
    if (!value) t.required(k::value);
    const double den = t.number_or(k::denominator, 1.0);
    if (!has_target || t.bad()) continue;
    rows.push_back({t.text(k::target), t.text(k::source), t.text(k::note), t.line(), *value, den,
                    *day, t.percent(k::value)});
  }
  flush();
}

void importer::assessments(table& t) {
  namespace k = assessments_col;
  while (t.next()) {
    const bool has_target = t.required(k::target);
    const auto on = t.day(k::date);
    if (!on) t.required(k::date);
    const bool has_status = t.required(k::status);
    assessment a;
    a.score = t.number(k::score);
    if (!has_target || !has_status || t.bad() || !on) continue;
    const auto id = target_ref(t, k::target);
    if (!id) continue;
    a.target = *id;
    a.on = from_day_number(*on);
    a.status = t.text(k::status);
    a.by = t.text(k::by);
    a.reason = t.text(k::reason);
    try {
      p_.add_assessment(a);
    } catch (const error& e) {
      t.fail(k::status, e.what());
    }
  }
}

void importer::summaries(table& t) {
  namespace k = summaries_col;
  summaries_.file = t.name();
  while (t.next()) {
    const bool has_policy = t.required(k::policy);
    const bool has_level = t.required(k::level);
    const auto r = round(t, k::scale, k::period);
    rating_summary_spec s;
    s.counted_kind = t.text(k::counted_kind);
    s.criterion =
        t.code(k::criterion, parse_collective_criterion, collective_criterion::own_rating);
    if (auto sh = t.share_of(k::required_share)) s.required_share = *sh;
    if (!r || !has_level) continue;
    const auto l = level(t, k::level, p_.get(*r).scale());
    if (!has_policy || !l || t.bad()) continue;
    s.round = *r;
    s.level = *l;
    summaries_.add(t.text(k::policy), t.line(), std::move(s));
  }
}

void importer::policy_statuses(table& t) {
  namespace k = statuses_col;
  statuses_.file = t.name();
  while (t.next()) {
    const bool has_policy = t.required(k::policy);
    const bool has_code = t.required(k::code);
    status_definition s;
    s.code = t.text(k::code);
    s.label_en = t.text(k::label_en);
    s.label_vi = t.text(k::label_vi);
    s.colour = t.text(k::colour);
    s.category = t.code(k::category, parse_target_status, s.category);
    if (!has_policy || !has_code || t.bad()) continue;
    statuses_.add(t.text(k::policy), t.line(), std::move(s));
  }
}

void importer::policy_bands(table& t) {
  namespace k = bands_col;
  bands_.file = t.name();
  while (t.next()) {
    const bool has_policy = t.required(k::policy);
    const bool has_status = t.required(k::status);
    status_band b;
    b.status = t.text(k::status);
    // A blank edge is open-ended: the spreadsheet form of -inf and +inf.
    b.lower = t.number_or(k::lower, b.lower);
    b.upper = t.number_or(k::upper, b.upper);
    b.lower_inclusive = t.boolean(k::lower_inclusive).value_or(b.lower_inclusive);
    b.upper_inclusive = t.boolean(k::upper_inclusive).value_or(b.upper_inclusive);
    b.phase = t.code(k::phase, parse_band_phase, b.phase);
    if (!has_policy || !has_status || t.bad()) continue;
    bands_.add(t.text(k::policy), t.line(), std::move(b));
  }
}

void importer::rollup_rules(table& t) {
  namespace k = rules_col;
  rollup_rules_.file = t.name();
  while (t.next()) {
    const bool has_policy = t.required(k::policy);
    const bool has_code = t.required(k::code);
    const bool has_method = t.required(k::method);
    rollup_rule r;
    r.code = t.text(k::code);
    r.method = t.code(k::method, parse_rollup_method, r.method);
    r.exclude_not_started = t.boolean(k::exclude_not_started).value_or(r.exclude_not_started);
    r.exclude_no_data = t.boolean(k::exclude_no_data).value_or(r.exclude_no_data);
    if (auto sh = t.share_of(k::required_share)) r.required_share = *sh;
    r.required_count = t.count(k::required_count).value_or(r.required_count);
    if (!has_policy || !has_code || !has_method || t.bad()) continue;
    rollup_rules_.add(t.text(k::policy), t.line(), std::move(r));
  }
}

void importer::rollup_overrides(table& t) {
  namespace k = overrides_col;
  rollup_overrides_.file = t.name();
  while (t.next()) {
    const bool has_policy = t.required(k::policy);
    const bool has_scope = t.required(k::scope);
    const bool has_code = t.required(k::code);
    const bool has_rule = t.required(k::rule);
    rollup_override o;
    o.scope = t.code(k::scope, parse_rollup_scope, o.scope);
    o.code = t.text(k::code);
    o.rule = t.text(k::rule);
    if (!has_policy || !has_scope || !has_code || !has_rule || t.bad()) continue;
    rollup_overrides_.add(t.text(k::policy), t.line(), std::move(o));
  }
}

void importer::labels(table& t) {
  namespace k = labels_col;
  while (t.next()) {
    const bool has_language = t.required(k::language);
    const bool has_text = t.required(k::text);
    entity_label l;
    l.language = t.code(k::language, parse_language, l.language);
    l.text = t.text(k::text);
    l.part = t.code(k::part, parse_label_part, l.part);
    // Which entity: exactly one of the first four columns names it, in its own file.
    const std::size_t given = std::size_t{!t.text(k::collective).empty()} +
                              !t.text(k::program).empty() + !t.text(k::task).empty() +
                              !t.text(k::target).empty();
    if (given != 1)
      t.fail(k::collective, "exactly one of collective, program, task and target must be given");
    // The entity's code, looked up in its own file (each names the file when absent).
    if (!t.text(k::collective).empty())
      l.collective = collective(t, k::collective).value_or(collective_id{});
    if (!t.text(k::program).empty()) l.program = program_ref(t, k::program).value_or(program_id{});
    if (!t.text(k::task).empty()) l.task = task_ref(t, k::task).value_or(task_id{});
    if (!t.text(k::target).empty()) l.target = target_ref(t, k::target).value_or(target_id{});
    if (!has_language || !has_text || t.bad()) continue;
    try {
      p_.add_label(l);
    } catch (const error& e) {
      issue(t.name(), t.line(), 1, e.what());
    }
  }
}

void importer::alignments(table& t) {
  namespace k = alignments_col;
  std::vector<alignment> rows;
  std::vector<std::uint64_t> lines;
  while (t.next()) {
    const bool has_parent = t.required(k::parent);
    alignment a;
    a.weight = t.number_or(k::weight, a.weight);
    const std::string_view target_code = t.text(k::target);
    const std::string_view program_code = t.text(k::program);
    if (target_code.empty() == program_code.empty()) {
      t.fail(k::target, "exactly one of target and program must be given");
    }
    if (!target_code.empty()) a.target = target_ref(t, k::target).value_or(target_id{});
    if (!program_code.empty()) a.program = program_ref(t, k::program).value_or(program_id{});
    if (has_parent) a.parent = program_ref(t, k::parent).value_or(program_id{});
    if (!has_parent || t.bad()) continue;
    rows.push_back(a);
    lines.push_back(t.line());
  }
  // All at once (plan::add_alignments checks repeats and cycles over the whole DAG); on an
  // error, a small file's rows are added one by one to say which, a large one's error
  // names the alignment (each single add sorts every alignment: quadratic).
  constexpr std::size_t diagnosed_rows = 10'000;
  try {
    p_.add_alignments(rows);
  } catch (const error& batch) {
    if (rows.size() > diagnosed_rows) {
      issue(t.name(), lines.front(), 1, batch.what());
      return;
    }
    for (std::size_t i = 0; i < rows.size(); ++i) {
      try {
        p_.add_alignment(rows[i]);
      } catch (const error& e) {
        issue(t.name(), lines[i], 1, e.what());
      }
    }
  }
}

void importer::report_unused_policy_rows() {
  report_unused(summaries_, "policy", policies_file, "is not in policies.csv");
  report_unused(statuses_, "policy", policies_file, "is not in policies.csv");
  report_unused(bands_, "policy", policies_file, "is not in policies.csv");
  report_unused(rollup_rules_, "policy", policies_file, "is not in policies.csv");
  report_unused(rollup_overrides_, "policy", policies_file, "is not in policies.csv");
}

void importer::policies(table& t) {
  namespace k = policies_col;
  while (t.next()) {
    evaluation_policy e;
    const bool has_code = t.required(k::code);
    e.on_track_margin = t.number_or(k::on_track_margin, e.on_track_margin);
    e.at_risk_margin = t.number_or(k::at_risk_margin, e.at_risk_margin);
    e.not_started_before_start =
        t.boolean(k::not_started_before_start).value_or(e.not_started_before_start);
    e.missed_after_end = t.boolean(k::missed_after_end).value_or(e.missed_after_end);
    e.trend_tolerance = t.number_or(k::trend_tolerance, e.trend_tolerance);
    e.close_at_period_end = t.boolean(k::close_at_period_end).value_or(e.close_at_period_end);
    e.basis = t.code(k::basis, parse_band_basis, e.basis);
    e.reached_is_achieved = t.boolean(k::reached_is_achieved).value_or(e.reached_is_achieved);
    e.minimum_points = t.count(k::minimum_points).value_or(e.minimum_points);
    e.forecast_min_points = t.count(k::forecast_min_points).value_or(e.forecast_min_points);
    if (!t.text(k::rollup).empty()) e.rollup = t.text(k::rollup);
    if (!has_code || t.bad()) continue;
    const std::string code(t.text(k::code));
    e.rating_summaries = summaries_.take(code);
    e.statuses = statuses_.take(code);
    e.bands = bands_.take(code);
    e.rollup_rules = rollup_rules_.take(code);
    e.rollup_overrides = rollup_overrides_.take(code);
    try {
      t.keep_notes(t.line(), p_.add_policy(code, std::move(e)));
    } catch (const error& err) {
      t.fail(k::code, err.what());
    }
  }
}

}  // namespace goaltrack::detail::csv
