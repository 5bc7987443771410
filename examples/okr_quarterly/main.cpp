// Quarterly OKRs at a software company, tracked with goaltrack: the company's OKR set
// for a quarter is a program, each objective a program that implements it, each key
// result a target (of four kinds), each weekly check-in a measurement. The plan is
// evaluated under the "okr" preset at the end of each month and a week after the
// quarter: by pace while the quarter is open, then graded green (>= 0.7, counted
// achieved), yellow or red when it closes. One key result is a health metric to keep every
// month (availability at least 99.9%): it has monthly sub-periods and is scored by
// compliance, the share of the months ended that met it. The progress and status of every
// key result and objective is printed in English. Objectives get a status of their own by
// roll-up rules: the weighted mean of their key results (the default), except the
// platform objective, which is as good as its weakest key result ("worst wins").
#include <array>
#include <cmath>
#include <cstdint>
#include <exception>
#include <iostream>
#include <optional>
#include <string>
#include <variant>
#include <vector>

#include "goaltrack/goaltrack.hpp"

namespace {

namespace gt = goaltrack;
constexpr gt::language en = gt::language::en;

// The quarter's Mondays: weekly check-ins from 1 July to 30 September 2024.
constexpr std::size_t weeks = 14;

// Check-ins, one per week.
constexpr std::array<double, weeks> active_teams{1200, 1228, 1265, 1301, 1352, 1410, 1466,
                                                 1525, 1590, 1652, 1718, 1786, 1850, 1921};
constexpr std::array<double, weeks> paid_conversions{33, 33, 37, 38, 42, 45, 46,
                                                     50, 53, 54, 57, 60, 60, 63};
constexpr std::array<double, weeks> trials{410, 395, 430, 420, 445, 460, 452,
                                           470, 480, 475, 490, 505, 498, 512};
constexpr std::array<double, weeks> p95_latency_ms{420, 415, 402, 398, 371, 360, 342,
                                                   318, 305, 290, 277, 262, 249, 244};
constexpr std::array<double, weeks> sso_steps_done{0, 0, 0, 1, 1, 1, 1, 1, 2, 2, 2, 2, 2, 2};

std::string pad(std::string s, std::size_t width) {
  if (s.size() < width) s.append(width - s.size(), ' ');
  return s;
}

// The actual value of a key result in its own terms.
std::string shown(const gt::target& t, double v) {
  switch (t.kind) {
    case gt::target_kind::ratio:
      return gt::format_percent(v, 2, en);
    case gt::target_kind::milestone:
      return gt::format_count(std::llround(v), en) + "/" + std::to_string(t.checklist.size()) +
             " steps";
    default:
      return gt::format_number(v, 0, en) + " " + t.unit;
  }
}

// The goal of a key result: "-> 2,000 teams", "<= 250 ms", "3/3 steps".
std::string goal_text(const gt::target& t) {
  if (t.kind == gt::target_kind::milestone)
    return shown(t, static_cast<double>(t.checklist.size()));
  const std::string g = shown(t, t.goal_level());
  switch (t.goal) {
    case gt::goal_kind::at_most:
      return "<= " + g;
    case gt::goal_kind::at_least:
      return ">= " + g;
    default:
      return "-> " + g;
  }
}

// "2 achieved, 1 on track": the non-zero counts, in the order of the statuses.
std::string describe(const gt::status_counts& counts) {
  std::string out;
  for (std::size_t s = 0; s < gt::target_status_count; ++s) {
    const auto status = static_cast<gt::target_status>(s);
    if (counts[status] == 0) continue;
    out += (out.empty() ? "" : ", ") + std::to_string(counts[status]) + " " +
           std::string(gt::status_label(status, en));
  }
  return out.empty() ? "no key results" : out;
}

// The label of a key result's status: a built-in one, or the preset's grade.
std::string grade(const gt::evaluation& ev, gt::target_id id) {
  return ev.status_definitions()[ev.status_indices()[id.index()]].label_en;
}

// Key results carry weights (KR1.1 counts twice): the weighted mean is the objective's score.
std::string rollup(const gt::target_rollup& r) {
  const auto mean = r.weighted_mean_progress();
  return describe(r.statuses) +
         (mean ? "; weighted mean progress " + gt::format_percent(*mean, 1, en) : "");
}

// An objective's status by its roll-up rule: "on track (weighted_mean 43.9%: KR1.1 2 x
// 40.0% = 26.7 points, ...)", or the key result that decided it.
std::string objective_status(const gt::plan& p, const gt::evaluation& ev, gt::program_id id) {
  const gt::rollup_status& s = ev.status_of(id);
  std::string out = ev.status_definitions()[s.status_index].label_en + " (" + ev.rule_of(id).code +
                    (s.score ? " " + gt::format_percent(*s.score, 1, en) : std::string());
  if (s.decided_by) {
    out += ", decided by " + p.get(std::get<gt::target_id>(*s.decided_by)).code;
  } else {
    for (const gt::contribution& c : ev.contributions(id)) {
      if (!c.counted || !c.score) continue;
      out += ", " + p.get(std::get<gt::target_id>(c.child)).code + " " +
             gt::format_number(c.weight, 0, en) + " x " + gt::format_percent(*c.score, 1, en) +
             " = " + gt::format_number(100 * c.points, 1, en) + " points";
    }
  }
  return out + ")";
}

// Initiatives as a review reports them: the completion rate, overdue and late ones.
std::string initiatives(const gt::task_tally& tasks) {
  return gt::describe_tasks(tasks, en, {.completion_rate = true, .deadlines = true});
}

}  // namespace

int main() {
  try {
    gt::plan p;
    gt::organization& org = p.org();
    const auto company = org.add_collective("NW", "Northwind Cloud", "company");
    const auto growth = org.add_collective("NW-GROWTH", "Growth team", "team", company);
    const auto platform = org.add_collective("NW-PLATFORM", "Platform team", "team", company);

    const gt::period q3 = gt::period::quarter(2024, 3);
    const auto okrs = p.add_program({"OKR-2024-Q3", "2024-Q3", "Leadership team",
                                     "Northwind Cloud OKRs", q3, company, std::nullopt});
    const auto o1 =
        p.add_program({"O1", "O1", "Growth team", "Grow self-serve adoption", q3, growth, okrs});
    const auto o2 =
        p.add_program({"O2", "O2", "Platform team", "Make the platform fast and enterprise-ready",
                       q3, platform, okrs});

    // Key results of four kinds.
    const auto kr11 = p.add_target(gt::target::quantity("KR1.1", "Weekly active teams", growth, q3)
                                       .increase_to(2000)
                                       .from(1200)
                                       .counting("teams")
                                       .with_weight(2)
                                       .in_program(o1));
    const auto kr12 =
        p.add_target(gt::target::ratio("KR1.2", "Trial-to-paid conversion", growth, q3)
                         .increase_to(0.12)
                         .from(0.08)
                         .in_program(o1));
    const auto kr21 = p.add_target(gt::target::quantity("KR2.1", "p95 API latency", platform, q3)
                                       .at_most(250)
                                       .from(420)
                                       .in_unit("ms")
                                       .in_program(o2));
    const auto kr22 = p.add_target(
        gt::target::milestone("KR2.2", "Ship single sign-on", platform, q3,
                              {"Design review", "Beta with 5 customers", "General availability"})
            .in_program(o2));
    // Kept every month, not reached once: monthly sub-periods, scored by compliance.
    const auto kr23 =
        p.add_target(gt::target::ratio("KR2.3", "API availability, monthly", platform, q3)
                         .at_least(0.999)
                         .aggregated_by(gt::aggregation::latest_in_period)
                         .phased_by(gt::period_kind::month)
                         .scored_by(gt::scoring_method::compliance)
                         .in_program(o2));
    const std::array key_results{kr11, kr12, kr21, kr22, kr23};

    // Initiatives: tasks of the objectives, one of them added mid-quarter.
    const auto initiative = [&](const char* code, const char* title, gt::program_id objective,
                                gt::collective_id team, gt::task_kind kind,
                                std::vector<gt::task_status_change> history,
                                std::optional<gt::date> added_on = std::nullopt) {
      gt::task t;
      t.code = code;
      t.title = title;
      t.program = objective;
      t.owner = team;
      t.deadline = q3.last();
      t.kind = kind;
      t.history = std::move(history);
      t.added_on = added_on;
      p.add_task(t);
    };
    using gt::make_date;
    constexpr auto started = gt::task_status::in_progress;
    constexpr auto done = gt::task_status::completed;
    initiative("I1", "Pricing page experiment", o1, growth, gt::task_kind::planned,
               {{make_date(2024, 7, 1), started}, {make_date(2024, 7, 26), done}});
    initiative("I2", "Onboarding checklist", o1, growth, gt::task_kind::planned,
               {{make_date(2024, 7, 8), started}, {make_date(2024, 8, 9), done}});
    initiative("I3", "Query result cache", o2, platform, gt::task_kind::planned,
               {{make_date(2024, 7, 1), started}, {make_date(2024, 8, 30), done}});
    initiative("I4", "SAML identity providers", o2, platform, gt::task_kind::planned,
               {{make_date(2024, 7, 8), started}});
    initiative("I5", "Self-serve invoicing", o1, growth, gt::task_kind::supplementary,
               {{make_date(2024, 8, 12), started}, {make_date(2024, 9, 20), done}},
               make_date(2024, 8, 12));

    // Weekly check-ins, added as columns.
    std::vector<gt::target_id> targets;
    std::vector<gt::date> days;
    std::vector<double> values;
    std::vector<double> denominators;
    for (std::size_t w = 0; w < weeks; ++w) {
      const gt::date monday =
          make_date(2024, 7, 1) + boost::gregorian::days(static_cast<long>(7 * w));
      const std::array<std::pair<gt::target_id, std::pair<double, double>>, 4> check_in{{
          {kr11, {active_teams[w], 1}},
          {kr12, {paid_conversions[w], trials[w]}},
          {kr21, {p95_latency_ms[w], 1}},
          {kr22, {sso_steps_done[w], 1}},
      }};
      for (const auto& [kr, value] : check_in) {
        targets.push_back(kr);
        days.push_back(monday);
        values.push_back(value.first);
        denominators.push_back(value.second);
      }
    }
    p.add_measurements(targets, days, values, denominators);
    // Availability, measured at each month's end: minutes up of the month's minutes.
    p.add_measurement({kr23, make_date(2024, 7, 31), 44'622, 44'640, "status page", ""});
    p.add_measurement({kr23, make_date(2024, 8, 31), 44'560, 44'640, "status page", ""});
    p.add_measurement({kr23, make_date(2024, 9, 30), 43'171, 43'200, "status page", ""});

    // Evaluate at the end of each month and a week after the quarter.
    const std::array as_of{make_date(2024, 7, 31), make_date(2024, 8, 31), make_date(2024, 9, 30),
                           make_date(2024, 10, 7)};
    gt::evaluation_policy okr = gt::policy_preset("okr");
    okr.rollup_overrides = {{gt::rollup_scope::program, "O2", "worst"}};
    std::cout << p.get(okrs).title << ", " << q3.to_string() << "\n";
    for (const gt::date d : as_of) {
      const gt::evaluation ev = gt::evaluate(p, d, okr);
      std::cout << "\nAs of " << gt::to_iso(d) << " ("
                << gt::format_percent(q3.elapsed_fraction(d), 0, en)
                << " of the quarter elapsed)\n";
      std::cout << "  " << pad("KR", 7) << pad("key result", 27) << pad("last check-in", 15)
                << pad("goal", 16) << pad("progress", 10) << "status\n";
      for (const gt::target_id id : key_results) {
        const gt::target t = p.get(id);
        const gt::target_result r = ev.target(id);
        std::cout << "  " << pad(t.code, 7) << pad(t.title, 27)
                  << pad(r.actual ? shown(t, *r.actual) : "-", 15) << pad(goal_text(t), 16)
                  << pad(r.progress ? gt::format_percent(*r.progress, 0, en) : "-", 10)
                  << grade(ev, id) << "\n";
      }
      // The months of the health metric: met or not once ended.
      std::cout << "  " << pad("", 7) << "months:";
      for (const gt::sub_period_result& month : ev.target(kr23).sub_periods) {
        const char* verdict = !month.met ? "open" : (*month.met ? "met" : "not met");
        std::cout << " " << month.span.to_string() << " " << verdict;
      }
      std::cout << "\n";
      for (const gt::program_id objective : {o1, o2}) {
        const gt::program_result& r = ev.program(objective);
        std::cout << "  " << p.get(objective).code << " " << p.get(objective).title << ": "
                  << rollup(r.cascade_targets) << "; initiatives: " << initiatives(r.cascade_tasks)
                  << "\n    status " << objective_status(p, ev, objective) << "\n";
      }
      const gt::program_result& all = ev.program(okrs);
      std::cout << "  " << p.get(okrs).title << " (" << q3.to_string() << ") as of "
                << gt::to_iso(d) << ": " << rollup(all.cascade_targets)
                << "; initiatives: " << initiatives(all.cascade_tasks) << "\n";
    }
  } catch (const std::exception& e) {
    std::cerr << "okr_quarterly: " << e.what() << "\n";
    return 1;
  }
  return 0;
}
