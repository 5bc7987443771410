#pragma once
// Private to archive_payload.cpp: files of format version 1, which saved each entity as a
// class of its own (below) rather than walking its description. Loaded only: this
// library saves the newest format. Frozen: format 1 never changes, so a field added to an
// entity needs nothing here (format-1 files load it with its default value).

#include <boost/serialization/nvp.hpp>
#include <cstdint>
#include <string>
#include <vector>

#include "goaltrack/plan.hpp"
#include "io/archive_parts.hpp"

namespace goaltrack::detail {

struct level_dto {
  std::string code, label_vi, label_en;
};
struct scale_dto {
  std::string code;
  std::vector<level_dto> levels;
};
struct program_dto {
  std::string code, number, issuer, title;
  period_dto span;
  std::uint32_t owner = 0;
  std::uint32_t parent = no_id;
};
struct status_change_dto {
  std::int32_t day = 0;
  std::uint8_t status = 0;
};
struct task_dto {
  std::string code, title;
  std::uint32_t program = 0, owner = 0;
  bool has_deadline = false;
  std::int32_t deadline = 0;
  std::uint8_t kind = 0;
  double weight = 1;
  std::vector<status_change_dto> history;
};
struct target_dto {
  std::string code, title, unit, currency;
  std::uint32_t owner = 0;
  period_dto span;
  std::uint32_t program = no_id;
  std::uint8_t kind = 0, goal = 0, wanted = 0;
  double goal_value = 0, goal_high = 0;
  bool has_baseline = false;
  double baseline = 0;
  bool whole_numbers = false;
  std::vector<std::string> checklist;
  // rating goal
  std::uint32_t scale = no_id;
  std::uint8_t level = 0, scope = 0, criterion = 0;
  std::uint32_t share_numerator = 1, share_denominator = 1, count = 0;
  bool all = false;
  std::string counted_kind;
};
struct summary_dto {
  std::uint32_t round = 0;
  std::uint8_t level = 0, criterion = 0;
  std::string counted_kind;
  std::uint32_t share_numerator = 1, share_denominator = 1;
};
struct policy_dto {
  std::string code;
  double on_track_margin = 0, at_risk_margin = 0, trend_tolerance = 0;
  bool not_started_before_start = true, missed_after_end = true;
  std::vector<summary_dto> summaries;
};

/// The entities format 1 describes. @throws invalid_argument naming the entity and field
/// when an enum's code is unknown; the plan checks the rest when they are added.
rating_scale to_scale(const scale_dto& d);
program to_program(const program_dto& d);
task to_task(const task_dto& d);
void fill(target& t, const target_dto& d);
named_policy to_policy(const policy_dto& d);

/// A format-1 file's plan, handed part by part to the builder as it is read.
struct plan_v1 {
  plan_builder* builder = nullptr;
};

template <class A>
void serialize(A& ar, level_dto& d, const unsigned int version) {
  check_version<A>(version, "a rating level");
  str(ar, "code", d.code);
  str(ar, "label_vi", d.label_vi);
  str(ar, "label_en", d.label_en);
}

template <class A>
void serialize(A& ar, scale_dto& d, const unsigned int version) {
  check_version<A>(version, "a rating scale");
  str(ar, "code", d.code);
  const std::uint64_t cap = A::is_loading::value ? rating_scale::max_levels : ~std::uint64_t{0};
  objects(ar, "levels", d.levels, cap, "levels of a scale");
}

template <class A>
void serialize(A& ar, program_dto& d, const unsigned int version) {
  check_version<A>(version, "a program");
  str(ar, "code", d.code);
  str(ar, "number", d.number);
  str(ar, "issuer", d.issuer);
  str(ar, "title", d.title);
  ar& make_nvp("period", d.span);
  number(ar, "owner", d.owner);
  number(ar, "parent", d.parent);
}

template <class A>
void serialize(A& ar, status_change_dto& d, const unsigned int version) {
  check_version<A>(version, "a task status change");
  number(ar, "day", d.day);
  number(ar, "status", d.status);
}

template <class A>
void serialize(A& ar, task_dto& d, const unsigned int version) {
  check_version<A>(version, "a task");
  str(ar, "code", d.code);
  str(ar, "title", d.title);
  number(ar, "program", d.program);
  number(ar, "owner", d.owner);
  flag(ar, "has_deadline", d.has_deadline);
  number(ar, "deadline", d.deadline);
  number(ar, "kind", d.kind);
  real(ar, "weight", d.weight);
  const std::uint64_t cap = A::is_loading::value ? ctx().limits->status_changes : 0;
  objects(ar, "history", d.history, cap, "status changes of a task");
}

template <class A>
void serialize(A& ar, target_dto& d, const unsigned int version) {
  check_version<A>(version, "a target");
  str(ar, "code", d.code);
  str(ar, "title", d.title);
  number(ar, "owner", d.owner);
  ar& make_nvp("period", d.span);
  number(ar, "program", d.program);
  number(ar, "kind", d.kind);
  str(ar, "unit", d.unit);
  number(ar, "goal", d.goal);
  real(ar, "goal_value", d.goal_value);
  real(ar, "goal_high", d.goal_high);
  flag(ar, "has_baseline", d.has_baseline);
  real(ar, "baseline", d.baseline);
  flag(ar, "whole_numbers", d.whole_numbers);
  str(ar, "currency", d.currency);
  const std::uint64_t cap = A::is_loading::value ? ctx().limits->checklist_items : 0;
  text_list(ar, "checklist", d.checklist, cap, "checklist items");
  number(ar, "wanted", d.wanted);
  number(ar, "scale", d.scale);
  number(ar, "level", d.level);
  number(ar, "share_numerator", d.share_numerator);
  number(ar, "share_denominator", d.share_denominator);
  number(ar, "count", d.count);
  flag(ar, "all", d.all);
  number(ar, "scope", d.scope);
  str(ar, "counted_kind", d.counted_kind);
  number(ar, "criterion", d.criterion);
}

template <class A>
void serialize(A& ar, summary_dto& d, const unsigned int version) {
  check_version<A>(version, "a rating summary");
  number(ar, "round", d.round);
  number(ar, "level", d.level);
  number(ar, "criterion", d.criterion);
  str(ar, "counted_kind", d.counted_kind);
  number(ar, "share_numerator", d.share_numerator);
  number(ar, "share_denominator", d.share_denominator);
}

template <class A>
void serialize(A& ar, policy_dto& d, const unsigned int version) {
  check_version<A>(version, "a policy");
  str(ar, "code", d.code);
  real(ar, "on_track_margin", d.on_track_margin);
  real(ar, "at_risk_margin", d.at_risk_margin);
  real(ar, "trend_tolerance", d.trend_tolerance);
  flag(ar, "not_started_before_start", d.not_started_before_start);
  flag(ar, "missed_after_end", d.missed_after_end);
  const std::uint64_t cap = A::is_loading::value ? ctx().limits->rating_summaries : 0;
  objects(ar, "rating_summaries", d.summaries, cap, "rating summaries of a policy");
}

template <class A>
void serialize(A& ar, plan_v1& s, const unsigned int version) {
  static_assert(A::is_loading::value, "format 1 is loaded, never saved");
  check_version<A>(version, "the plan");
  const load_limits& l = *ctx().limits;
  plan_builder& b = *s.builder;
  load_organization(ar, b);
  load_objects<A, scale_dto>(ar, "scales", l.scales, "rating scales",
                             [&](const scale_dto& d) { b.add(to_scale(d)); });
  load_rounds(ar, b);
  load_objects<A, program_dto>(ar, "programs", l.programs, "programs",
                               [&](const program_dto& d) { b.add(to_program(d)); });
  load_objects<A, task_dto>(ar, "tasks", l.tasks, "tasks",
                            [&](const task_dto& d) { b.add(to_task(d)); });
  load_objects<A, target_dto>(ar, "targets", l.targets, "targets",
                              [&](const target_dto& d) { fill(b.next_target(), d); });
  load_measurements(ar, b);
  load_objects<A, policy_dto>(ar, "policies", l.policies, "policies",
                              [&](const policy_dto& d) { b.add(to_policy(d)); });
}

}  // namespace goaltrack::detail

GOALTRACK_ARCHIVE_CLASS(level_dto)
GOALTRACK_ARCHIVE_CLASS(scale_dto)
GOALTRACK_ARCHIVE_CLASS(program_dto)
GOALTRACK_ARCHIVE_CLASS(status_change_dto)
GOALTRACK_ARCHIVE_CLASS(task_dto)
GOALTRACK_ARCHIVE_CLASS(target_dto)
GOALTRACK_ARCHIVE_CLASS(summary_dto)
GOALTRACK_ARCHIVE_CLASS(policy_dto)
GOALTRACK_ARCHIVE_CLASS(plan_v1)
