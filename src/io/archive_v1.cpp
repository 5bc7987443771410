// The entities of a format-1 file, made from the classes it saved them as.

#include "io/archive_v1.hpp"

#include <string>
#include <utility>

#include "enum_codes.hpp"
#include "goaltrack/error.hpp"

namespace goaltrack::detail {
namespace {

// The enum with code `v`. Format 1 saved enums as their codes.
template <class Enum>
Enum to_enum(std::uint8_t v, const std::string& what) {
  const auto e = static_cast<Enum>(v);
  if (!is_known(e)) throw invalid_argument(what + " has unknown code " + std::to_string(v));
  return e;
}

}  // namespace

rating_scale to_scale(const scale_dto& d) {
  std::vector<level_labels> levels;
  levels.reserve(d.levels.size());
  for (const level_dto& l : d.levels) levels.push_back({l.code, l.label_vi, l.label_en});
  return {d.code, std::move(levels)};
}

program to_program(const program_dto& d) {
  return {d.code,
          d.number,
          d.issuer,
          d.title,
          from_dto(d.span),
          collective_id(d.owner),
          d.parent == no_id ? std::nullopt : std::optional(program_id(d.parent))};
}

task to_task(const task_dto& d) {
  task t;
  t.code = d.code;
  t.title = d.title;
  t.program = program_id(d.program);
  t.owner = collective_id(d.owner);
  if (d.has_deadline) t.deadline = from_day_number(d.deadline);
  t.kind = to_enum<task_kind>(d.kind, "task '" + d.code + "': kind");
  t.weight = d.weight;  // finite: the payload reader refuses other numbers
  for (const status_change_dto& h : d.history) {
    t.history.push_back(
        {from_day_number(h.day), to_enum<task_status>(h.status, "task '" + d.code + "': status")});
  }
  return t;
}

void fill(target& t, const target_dto& d) {
  const std::string where = "target '" + d.code + "': ";
  t.code = d.code;
  t.title = d.title;
  t.owner = collective_id(d.owner);
  t.span = from_dto(d.span);
  t.program = d.program != no_id ? std::optional(program_id(d.program)) : std::nullopt;
  t.kind = to_enum<target_kind>(d.kind, where + "kind");
  t.unit = d.unit;
  t.goal = to_enum<goal_kind>(d.goal, where + "goal");
  t.goal_value = d.goal_value;
  t.goal_high = d.goal_high;
  t.baseline = d.has_baseline ? std::optional(d.baseline) : std::nullopt;
  t.whole_numbers = d.whole_numbers;
  t.currency = d.currency;
  t.checklist = d.checklist;
  t.wanted = to_enum<trend>(d.wanted, where + "trend");
  t.rating.scale = d.scale != no_id ? scale_id(d.scale) : scale_id{};
  t.rating.level = rating_level(d.level);
  t.rating.required_share = {d.share_numerator, d.share_denominator};
  t.rating.count = d.count;
  t.rating.all = d.all;
  t.rating.scope = to_enum<rating_scope>(d.scope, where + "rating scope");
  t.rating.counted_kind = d.counted_kind;
  t.rating.criterion = to_enum<collective_criterion>(d.criterion, where + "criterion");
}

named_policy to_policy(const policy_dto& d) {
  named_policy p{d.code, {}};
  evaluation_policy& pol = p.policy;
  pol.on_track_margin = d.on_track_margin;
  pol.at_risk_margin = d.at_risk_margin;
  pol.trend_tolerance = d.trend_tolerance;
  pol.not_started_before_start = d.not_started_before_start;
  pol.missed_after_end = d.missed_after_end;
  for (const summary_dto& r : d.summaries) {
    pol.rating_summaries.push_back(
        {round_id(r.round), rating_level(r.level), r.counted_kind,
         to_enum<collective_criterion>(r.criterion, "policy '" + d.code + "': criterion"),
         share{r.share_numerator, r.share_denominator}});
  }
  return p;
}

}  // namespace goaltrack::detail
