// The sections the reviews share (review_sections.hpp).
#include "review_sections.hpp"

#include <algorithm>
#include <cstdint>
#include <map>
#include <string>
#include <vector>

#include "goaltrack/report.hpp"
#include "review_detail.hpp"

namespace goaltrack::review_detail {
namespace {

std::string upper_first(std::string text) {
  if (!text.empty() && text[0] >= 'a' && text[0] <= 'z') text[0] = static_cast<char>(text[0] - 32);
  return text;
}

figure count_figure(std::uint64_t n, const entity_ref& entity, std::string value, language lang) {
  return {format_count(static_cast<std::int64_t>(n), lang), entity, std::move(value),
          static_cast<double>(n)};
}

// "Name: completed 7/7 tasks; 3/3 targets achieved" for a program over its cascade.
paragraph program_line(review_writer& w, program_id id, std::uint8_t level) {
  const language lang = w.lang();
  const program_result& r = w.results().program(id);
  paragraph out;
  out.list_level = level;
  out.add(w.name(id) + ": ");
  const bool has_tasks =
      r.cascade_tasks.count(task_figure::assigned) + r.cascade_tasks.count(task_figure::cancelled) >
      0;
  if (has_tasks) out.add(tasks_figure(w, id, r.cascade_tasks));
  const status_counts& targets = r.cascade_targets.statuses;
  if (targets.total() > 0) {
    if (has_tasks) out.add("; ");
    const std::uint32_t achieved = targets[target_status::achieved];
    const figure share{format_count(achieved, lang) + "/" + format_count(targets.total(), lang), id,
                       "targets.achieved", static_cast<double>(achieved)};
    if (lang == language::vi) {
      out.add("đạt ").add(share).add(" chỉ tiêu");
    } else {
      out.add(share).add(" targets achieved");
    }
  }
  if (!has_tasks && targets.total() == 0)
    out.add(say(lang, "chưa có nhiệm vụ, chỉ tiêu", "no tasks or targets"));
  out.add(".");
  return out;
}

// "3 đạt, 1 không đạt" / "3 achieved, 1 missed": the targets by status, in status order.
paragraph status_summary(review_writer& w, const std::vector<target_id>& ids) {
  const language lang = w.lang();
  std::array<std::uint32_t, target_status_count> counts{};
  const auto statuses = w.results().statuses();
  for (const target_id t : ids) ++counts[static_cast<std::size_t>(statuses[t.index()])];
  paragraph out;
  out.add(count_figure(ids.size(), std::monostate{}, "targets", lang))
      .add(say(lang, " chỉ tiêu: ", " targets: "));
  bool first = true;
  for (std::size_t s = 0; s < counts.size(); ++s) {
    if (counts[s] == 0) continue;
    const auto status = static_cast<target_status>(s);
    out.add(first ? "" : ", ")
        .add(count_figure(counts[s], std::monostate{}, "targets." + std::string(to_string(status)),
                          lang))
        .add(" " + std::string(status_label(status, lang)));
    first = false;
  }
  out.add(".");
  return out;
}

// "12 hoàn thành xuất sắc nhiệm vụ, 22 hoàn thành tốt nhiệm vụ": counts by rank.
void add_levels(paragraph& out, const rating_scale& scale, const std::vector<std::uint64_t>& counts,
                round_id round, const std::string& value, language lang) {
  bool first = true;
  for (std::size_t rank = 0; rank < counts.size(); ++rank) {  // rank 0 is the highest level
    if (counts[rank] == 0) continue;
    const rating_level level(static_cast<std::uint8_t>(rank));
    out.add(first ? "" : ", ")
        .add(count_figure(counts[rank], round, value + "." + scale.labels(level).code, lang))
        .add(" " + lower_first(scale.label(level, lang)));
    first = false;
  }
}

}  // namespace

document open_document(review_writer& w, const review_options& options, const std::string& title) {
  const language lang = options.lang;
  const std::string subject = options.subject ? w.name(*options.subject) + ": " : "";
  document doc{lang, subject.empty() ? upper_first(title) : subject + title, w.results().as_of()};
  doc.preface.emplace_back().add(say(lang, "Số liệu tính đến ", "Figures as of ") +
                                 format_date(doc.as_of, lang) + ".");
  return doc;
}

composition::composition(const plan& p, const evaluation& ev, const review_options& options,
                         review_kind kind, const std::string& heading)
    : w(p, ev, options.lang, options.names_language),
      scope(p, ev, options, kind),
      doc(open_document(w, options, heading + format_period(scope.span(), options.lang))) {
  w.name_owners(scope.titles_repeat());
}

document composition::finish() && {
  w.finish(doc);
  return std::move(doc);
}

void add_programs(document& doc, review_writer& w, const review_scope& scope,
                  const review_options& options) {
  const std::vector<program_id> roots = scope.root_programs();
  if (roots.empty()) return;
  section& s = doc.add_section(say(w.lang(), "Thực hiện các chương trình", "Programs"));
  for (const program_id root : roots) {
    s.blocks.emplace_back(program_line(w, root, 1));
    for (const program_id child : scope.children_of(root)) {
      s.blocks.emplace_back(program_line(w, child, 2));
    }
  }
  if (options.chart_limit == 0) return;
  chart tasks = w.task_bars(roots);  // a root's cascade holds its children's tasks
  if (!tasks.categories.empty()) s.add_chart(std::move(tasks));
}

void add_target_charts(section& s, review_writer& w, const review_scope& scope,
                       const review_options& options, const std::vector<target_id>& ids) {
  if (options.chart_limit == 0 || ids.empty()) return;
  chart statuses = w.status_bars(ids, scope.top());
  if (!statuses.categories.empty()) s.add_chart(std::move(statuses));
  const std::vector<target_id> first(
      ids.begin(),
      ids.begin() + static_cast<std::ptrdiff_t>(std::min(ids.size(), options.list_limit)));
  std::vector<chart> burn_ups = w.burn_ups(first);
  if (burn_ups.size() > options.chart_limit) burn_ups.resize(options.chart_limit);
  for (chart& c : burn_ups) s.add_chart(std::move(c));
}

void add_tasks(document& doc, review_writer& w, const review_scope& scope,
               const review_options& options) {
  const std::vector<collective_id> owners = scope.task_owners();
  if (owners.empty()) return;
  const language lang = w.lang();
  const date as_of = w.results().as_of();
  std::map<collective_id, std::vector<task_id>> supplementary;
  for (const task_id t : scope.tasks_where([&](const task& k) {
         return k.kind == task_kind::supplementary && k.assigned_by(as_of) &&
                k.status_as_of(as_of) == task_status::completed;
       })) {
    supplementary[w.source().get(t).owner].push_back(t);
  }
  section& s = doc.add_section(say(lang, "Thực hiện nhiệm vụ", "Tasks"));
  add_listed(s, owners, options.list_limit, lang, "đơn vị", "collectives",
             [&](collective_id c) { return w.tasks(c, w.results().collective(c).own_tasks); });
  for (auto& [owner, tasks] : supplementary) {
    for (const task_id t : tasks) {
      const date done = w.source().get(t).change_as_of(as_of)->on;
      s.add_paragraph(2)
          .add(say(lang, "Nhiệm vụ bổ sung: ", "Supplementary task: ") + w.name(t) +
               say(lang, " (hoàn thành ", " (completed "))
          .add({format_date(done, lang, date_style::numeric), t, "completed_on", std::nullopt})
          .add(").");
    }
  }
}

void add_results(document& doc, review_writer& w, const review_scope& scope,
                 const review_options& options, const std::string& heading) {
  const std::vector<target_id>& ids = scope.targets_in_span();
  if (ids.empty()) return;
  section& s = doc.add_section(heading);
  if (ids.size() > 1) s.blocks.emplace_back(status_summary(w, ids));
  add_listed(s, ids, options.list_limit, w.lang(), "chỉ tiêu", "targets",
             [&](target_id t) { return w.result(t, scope.span()); });
  add_target_charts(s, w, scope, options, ids);
}

void add_ratings(document& doc, review_writer& w, const review_scope& scope,
                 const review_options& options) {
  const std::vector<round_id> rounds = scope.rounds();
  const language lang = w.lang();
  const organization& org = w.source().org();
  section* s = nullptr;
  for (const round_id id : rounds) {
    const rating_round& round = w.source().get(id);
    const rating_scale& scale = w.source().get(round.scale());
    std::vector<std::uint64_t> members(scale.size());
    std::vector<std::uint64_t> collectives(scale.size());
    const auto member_ranks = round.member_ranks();
    const auto member_collective = org.member_collectives();
    for (std::size_t m = 0; m < member_ranks.size(); ++m) {
      if (member_ranks[m] < scale.size() && scope.owns(member_collective[m]))
        ++members[member_ranks[m]];
    }
    const auto collective_ranks = round.collective_ranks();
    for (std::size_t c = 0; c < collective_ranks.size(); ++c) {
      const collective_id cid(static_cast<collective_id::value_type>(c));
      if (collective_ranks[c] < scale.size() && scope.owns(cid)) ++collectives[collective_ranks[c]];
    }
    const std::string when = " (" + format_period(round.rated_period(), lang) + "): ";
    for (const auto& [counts, who, value] :
         {std::tuple{&members, say(lang, "Cá nhân", "Members"), "members"},
          std::tuple{&collectives, say(lang, "Tập thể", "Collectives"), "collectives"}}) {
      if (std::all_of(counts->begin(), counts->end(), [](auto n) { return n == 0; })) continue;
      if (s == nullptr) s = &doc.add_section(say(lang, "Đánh giá, xếp loại", "Ratings"));
      paragraph& line = s->add_paragraph(1).add(who + when);
      add_levels(line, scale, *counts, id, value, lang);
      line.add(".");
    }
  }
  if (s == nullptr || options.chart_limit == 0) return;
  for (const round_id id : rounds) {
    chart levels = w.rating_bars(id, scope.top());
    if (!levels.categories.empty()) s->add_chart(std::move(levels));
  }
}

void add_recognition(document& doc, review_writer& w, const review_scope& scope) {
  const std::vector<round_id> rounds = scope.rounds();
  const language lang = w.lang();
  section* s = nullptr;
  for (const rating_tally& tally : w.results().rating_summaries()) {
    const round_id id = tally.spec.round;
    if (!tally.decided || std::find(rounds.begin(), rounds.end(), id) == rounds.end()) continue;
    std::uint64_t collectives = 0;
    std::uint64_t members = 0;
    for (std::size_t c = 0; c < tally.qualifies.size(); ++c) {
      if (!scope.owns(collective_id(static_cast<collective_id::value_type>(c)))) continue;
      collectives += tally.qualifies[c];
      members += tally.members_ok[c];
    }
    const rating_round& round = w.source().get(id);
    const std::string level =
        lower_first(w.source().get(round.scale()).label(tally.spec.level, lang));
    const std::string when = format_period(round.rated_period(), lang);
    if (s == nullptr) s = &doc.add_section(say(lang, "Khen thưởng", "Recognition"));
    paragraph& line =
        s->add_paragraph(1).add(count_figure(collectives, id, "rating_summary.collectives", lang));
    if (lang == language::vi) {
      line.add(" tập thể và ")
          .add(count_figure(members, id, "rating_summary.members", lang))
          .add(" cá nhân " + level + " " + when + ".");
    } else {
      line.add(collectives == 1 ? " collective and " : " collectives and ")
          .add(count_figure(members, id, "rating_summary.members", lang))
          .add((members == 1 ? " individual" : " individuals") + std::string(" rated “") + level +
               "” for " + when + ".");
    }
  }
}

std::vector<task_id> overdue_tasks(const review_writer& w, const review_scope& scope) {
  const date as_of = w.results().as_of();
  return scope.tasks_where([&](const task& k) {
    const task_status status = k.status_as_of(as_of);
    return k.assigned_by(as_of) && k.deadline && *k.deadline <= as_of &&
           status != task_status::completed && status != task_status::cancelled;
  });
}

void add_overdue(section& s, review_writer& w, const std::vector<task_id>& overdue,
                 const review_options& options) {
  const language lang = w.lang();
  add_listed(s, overdue, options.list_limit, lang, "nhiệm vụ", "tasks", [&](task_id t) {
    paragraph out;
    out.list_level = 1;
    out.add(say(lang, "Nhiệm vụ quá hạn: ", "Overdue task: ") + w.name(t) +
            say(lang, " (hạn ", " (due "))
        .add({format_date(*w.source().get(t).deadline, lang, date_style::numeric), t, "deadline",
              std::nullopt})
        .add(").");
    return out;
  });
}

void add_shortcomings(document& doc, review_writer& w, const review_scope& scope,
                      const review_options& options, const std::string& heading,
                      std::initializer_list<target_status> statuses) {
  const language lang = w.lang();
  std::vector<target_id> weak = scope.targets_in_span();
  const auto status = w.results().statuses();
  std::erase_if(weak, [&](target_id t) {
    return std::find(statuses.begin(), statuses.end(), status[t.index()]) == statuses.end();
  });
  const std::vector<task_id> overdue = overdue_tasks(w, scope);
  section& s = doc.add_section(heading);
  add_listed(s, weak, options.list_limit, lang, "chỉ tiêu", "targets",
             [&](target_id t) { return w.result(t, scope.span()); });
  add_overdue(s, w, overdue, options);
  if (weak.empty() && overdue.empty()) {
    s.add_paragraph().add(say(lang, "Không có chỉ tiêu hay nhiệm vụ cần lưu ý.",
                              "No target or task needs attention."));
  }
}

void add_remaining(document& doc, review_writer& w, const review_scope& scope,
                   const review_options& options) {
  const language lang = w.lang();
  const date as_of = w.results().as_of();
  std::vector<target_id> open = scope.targets_in_span();
  const auto status = w.results().statuses();
  std::erase_if(open, [&](target_id t) {
    return status[t.index()] == target_status::achieved ||
           status[t.index()] == target_status::missed;
  });
  const std::vector<task_id> pending = scope.tasks_where([&](const task& k) {
    const task_status s = k.status_as_of(as_of);
    return k.assigned_by(as_of) && s != task_status::completed && s != task_status::cancelled &&
           (!k.deadline || *k.deadline > as_of);
  });
  if (open.empty() && pending.empty()) return;
  section& s = doc.add_section(say(lang, "Nhiệm vụ thời gian còn lại", "What is left to do"));
  add_listed(s, open, options.list_limit, lang, "chỉ tiêu", "targets",
             [&](target_id t) { return w.goal(t, scope.span()); });
  add_listed(s, pending, options.list_limit, lang, "nhiệm vụ", "tasks", [&](task_id t) {
    paragraph out;
    out.list_level = 1;
    out.add(say(lang, "Nhiệm vụ: ", "Task: ") + w.name(t));
    if (const auto due = w.source().get(t).deadline) {
      out.add(say(lang, " (hạn ", " (due "))
          .add({format_date(*due, lang, date_style::numeric), t, "deadline", std::nullopt})
          .add(")");
    }
    out.add(".");
    return out;
  });
}

}  // namespace goaltrack::review_detail
