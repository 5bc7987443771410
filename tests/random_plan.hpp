#pragma once
/// @file
/// A seeded generator of random plans for property tests (archives, CSV): every entity
/// kind and every target kind, rating scales and rounds with member and collective
/// ratings, programs with parents, tasks with status histories, measurements with
/// sources, notes and ratio denominators, and named policies with rating summaries.
/// Text mixes Vietnamese, quotes, commas, semicolons, newlines, XML and formula
/// characters, so that every encoder meets them.
///
/// The same seed gives the same plan on every platform: the generator draws from its
/// own SplitMix64 stream, not from <random>'s distributions (whose output differs
/// between standard libraries). Header-only, so any test may include it.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <set>
#include <string>
#include <tuple>
#include <vector>

#include "goaltrack/plan.hpp"

namespace goaltrack_test {

/// How big a random plan may get. Each count is drawn uniformly from 0..max (collectives
/// from 1..max).
struct random_plan_shape {
  std::size_t max_collectives = 12;
  std::size_t max_members = 40;
  std::size_t max_programs = 5;
  std::size_t max_tasks = 12;
  std::size_t max_targets = 16;
  std::size_t max_measurements = 60;
  std::size_t max_policies = 3;
  /// Probability (percent) that a text field gets a "hard" string (quotes, newlines,
  /// separators, XML and formula characters, Vietnamese).
  unsigned hard_text_percent = 30;
  /// Also draw school years on a non-default calendar (15 August to 30 June). CSV files
  /// name periods under one dialect-wide calendar: set false for CSV round trips.
  bool other_school_calendars = true;
  /// When above 0, every target has this weight (the same plan otherwise: the same draws).
  double equal_weight = 0;
};

/// SplitMix64: a small, fully specified generator (same numbers everywhere).
class random_source {
 public:
  explicit random_source(std::uint64_t seed) noexcept : state_(seed) {}
  /// The next 64 random bits.
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9E3779B97F4A7C15ULL);
    z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9ULL;
    z = (z ^ (z >> 27)) * 0x94D049BB133111EBULL;
    return z ^ (z >> 31);
  }
  /// Uniform in 0..n-1 (n > 0; the tiny modulo bias does not matter for tests).
  std::size_t below(std::size_t n) noexcept { return static_cast<std::size_t>(next() % n); }
  /// Uniform in lo..hi, both included.
  int between(int lo, int hi) noexcept {
    return lo + static_cast<int>(below(static_cast<std::size_t>(hi - lo + 1)));
  }
  /// True with probability percent / 100.
  bool chance(unsigned percent) noexcept { return below(100) < percent; }

 private:
  std::uint64_t state_;
};

namespace detail {

inline std::string random_text(random_source& r, const random_plan_shape& s, bool may_be_empty) {
  static const char* const hard[] = {
      "Hoàn thành tốt nhiệm vụ",
      "Sở GD-ĐT, \"Đảng bộ\"",
      "line one\nline two",
      "a;b;c",
      "58,1%",
      "<tag attr=\"x\">&amp; &lt;</tag>",
      "=SUM(A1:A9)",
      "+1",
      "-2",
      "@cmd",
      "tab\there",
      "crlf\r\nend",
      "  leading and trailing  ",
      "giảm 98 điểm trường",
      "'quoted' \"twice\"\"",
      "ẩ ữ ỗ đ Đ",
  };
  if (may_be_empty && r.chance(15)) return {};
  if (r.chance(s.hard_text_percent)) return hard[r.below(std::size(hard))];
  static const char alphabet[] = "abcdefghijklmnopqrstuvwxyz ABCXYZ0123456789-_.";
  std::string out;
  const std::size_t n = 1 + r.below(14);
  for (std::size_t i = 0; i < n; ++i) out += alphabet[r.below(sizeof alphabet - 1)];
  return out;
}

inline goaltrack::period random_period(random_source& r, const random_plan_shape& s) {
  using goaltrack::period;
  const int year = r.between(2015, 2030);
  switch (r.below(8)) {
    case 0:
      return period::year(year);
    case 6:
      return period::half_year(year, r.between(1, 2));
    case 7:
      return period::nine_months(year);
    case 1:
      return period::quarter(year, r.between(1, 4));
    case 2:
      return period::month(year, r.between(1, 12));
    case 3:
      return !s.other_school_calendars || r.chance(70)
                 ? period::school_year(year)
                 : period::school_year(year, goaltrack::school_calendar{8, 15, 6, 30});
    case 4:
      return period::fiscal_year(year, r.between(1, 12));
    default: {
      const goaltrack::date a = goaltrack::make_date(year, r.between(1, 12), r.between(1, 28));
      return period::between(a, a + boost::gregorian::days(r.between(0, 400)));
    }
  }
}

inline goaltrack::date random_date(random_source& r) {
  return goaltrack::make_date(r.between(2015, 2030), r.between(1, 12), r.between(1, 28));
}

inline bool spans_years(const goaltrack::period& p) { return p.last().year() > p.first().year(); }

/// Sometimes gives a numeric or milestone target sub-periods tiling its period (calendar
/// units where they fit, else custom ranges), planned values, an expectation, or the
/// compliance scoring, all passing target::validate.
inline void random_phasing(random_source& r, goaltrack::target& t) {
  using namespace goaltrack;
  if (!r.chance(30) || t.span.days() < 2) return;
  constexpr period_kind units[] = {period_kind::month, period_kind::quarter, period_kind::half_year,
                                   period_kind::calendar_year};
  try {
    t.phased_by(units[r.below(std::size(units))]);
  } catch (const invalid_argument&) {  // not on calendar units: 1-4 custom ranges
    const std::int32_t S = day_number(t.span.first());
    const std::int32_t E = day_number(t.span.last());
    std::int32_t first = S;
    const std::size_t n = 1 + r.below(4);
    for (std::size_t k = 0; k + 1 < n && first < E; ++k) {
      const std::int32_t last =
          first + static_cast<std::int32_t>(r.below(static_cast<std::size_t>(E - first)));
      t.sub_periods.push_back(period::between(from_day_number(first), from_day_number(last)));
      first = last + 1;
    }
    t.sub_periods.push_back(period::between(from_day_number(first), t.span.last()));
  }
  if (t.sub_periods.size() > 400) t.sub_periods.clear();  // keep plans small
  if (t.sub_periods.empty()) return;
  const bool range = t.is_numeric() && t.goal == goal_kind::within;
  if (t.is_numeric() && r.chance(30) && t.scoring != scoring_method::open_sdg) {
    t.scored_by(scoring_method::compliance);
  } else if (!range && r.chance(60)) {
    std::vector<double> values;
    for (std::size_t k = 0; k < t.sub_periods.size(); ++k) {
      values.push_back(static_cast<double>(r.between(0, 100)));
    }
    t.planned_values(std::move(values),
                     r.chance(50) ? plan_basis::cumulative : plan_basis::per_sub_period);
  }
  const bool open_sdg = t.scoring == scoring_method::open_sdg;
  switch (r.below(4)) {
    case 0:
      t.expecting(expectation::sub_periods);
      break;
    case 1:
      if (!t.planned.empty() && !open_sdg) t.expecting(expectation::plan);
      break;
    case 2:
      t.expecting(expectation::at_end);
      break;
    default:
      break;
  }
}

/// A numeric target of a random goal kind that passes target::validate.
inline void random_numeric_goal(random_source& r, goaltrack::target& t, bool whole) {
  const auto num = [&](int lo, int hi) {
    const double v = r.between(lo, hi);
    return whole ? v : v + static_cast<double>(r.between(0, 99)) / 100.0;
  };
  switch (r.below(7)) {
    case 0:
      t.from(num(0, 100)).increase_to(num(101, 1000));
      break;
    case 1:
      t.from(num(500, 1000)).decrease_to(num(0, 499));
      break;
    case 2:
      t.from(num(0, 1000)).increase_by(num(1, 100));
      break;
    case 3:
      t.from(num(200, 1000)).decrease_by(num(1, 100));
      break;
    case 4:
      t.at_least(num(1, 1000));
      if (r.chance(50)) t.from(t.goal_value - num(1, 50));
      break;
    case 5:
      t.at_most(num(100, 1000));
      if (r.chance(50)) t.from(t.goal_value + num(1, 50));
      break;
    default: {
      const double lo = num(10, 100);
      t.within(lo, lo + num(0, 100));
      if (r.chance(50)) t.from(lo - num(1, 9));
    }
  }
  // A ratio is no count of check-ins (the last aggregation); a range has only by_goal.
  const bool ratio = t.kind == goaltrack::target_kind::ratio;
  if (r.chance(30)) t.aggregated_by(static_cast<goaltrack::aggregation>(r.below(ratio ? 7 : 8)));
  if (t.goal != goaltrack::goal_kind::within && r.chance(30)) {
    const bool percent = r.chance(50) && t.goal_level() > 0;
    t.scored_by(percent ? goaltrack::scoring_method::percent_of_target
                        : goaltrack::scoring_method::distance_to_target);
    // Growth rates need a base value of the goal's sign and more than one calendar year.
    if (t.baseline && (*t.baseline >= 0) == (t.goal_level() >= 0) && spans_years(t.span) &&
        r.chance(40)) {
      t.scored_by(goaltrack::scoring_method::open_sdg);
    }
  }
}

}  // namespace detail

/// Random bands of one phase that partition the whole line: up to four cuts on a grid of
/// 0.05 in [-0.5, 1.5] (rarely a one-point band [x, x]), each cut in the band below or
/// the one above at random, each band giving one of `statuses`; in random order.
inline std::vector<goaltrack::status_band> random_bands(random_source& r,
                                                        goaltrack::band_phase phase,
                                                        const std::vector<std::string>& statuses) {
  using goaltrack::status_band;
  std::vector<double> cuts;
  for (int n = r.between(0, 4); n > 0; --n) cuts.push_back(r.between(-10, 30) * 0.05);
  std::sort(cuts.begin(), cuts.end());
  cuts.erase(std::unique(cuts.begin(), cuts.end()), cuts.end());
  const auto status = [&] { return statuses[r.below(statuses.size())]; };
  std::vector<status_band> bands(1);
  for (const double cut : cuts) {
    // A copy of the flag: push_back below may move the band it was set on.
    const bool below_holds_cut = r.chance(50);
    bands.back().upper = cut;
    bands.back().upper_inclusive = below_holds_cut;
    if (!below_holds_cut && r.chance(10)) {  // the cut alone: [cut, cut]
      bands.push_back({status(), cut, cut, true, true, phase});
      bands.push_back({});
      bands.back().lower_inclusive = false;
    } else {
      bands.push_back({});
      bands.back().lower_inclusive = !below_holds_cut;
    }
    bands.back().lower = cut;
  }
  for (status_band& b : bands) {
    if (b.status.empty()) b.status = status();
    b.phase = phase;
  }
  for (std::size_t i = bands.size(); i > 1; --i) std::swap(bands[i - 1], bands[r.below(i)]);
  return bands;
}

namespace detail {

// Sometimes statuses of the policy's own, and bands for either phase giving them or
// built-in ones.
/// Roll-up rules: a default (a built-in rule, a rule of the policy's, or none), maybe a rule
/// of its own, and overrides of a program or collective of `p`.
inline void random_rollup(random_source& r, const goaltrack::plan& p,
                          goaltrack::evaluation_policy& pol) {
  using namespace goaltrack;
  if (r.chance(40)) {
    rollup_rule rule{"rule-" + std::to_string(r.below(100)),
                     static_cast<rollup_method>(r.below(7))};
    rule.exclude_not_started = r.chance(70);
    rule.exclude_no_data = r.chance(70);
    rule.required_share = share::percent(static_cast<std::uint32_t>(r.between(1, 100)));
    rule.required_count = static_cast<std::uint32_t>(r.between(1, 5));
    pol.rollup_rules.push_back(rule);
  }
  const std::string builtin(to_string(static_cast<rollup_method>(r.below(7))));
  const int pick = r.between(0, 9);
  pol.rollup = pick == 0                               ? std::string(no_rollup)
               : pick < 4 && !pol.rollup_rules.empty() ? pol.rollup_rules[0].code
               : pick < 7                              ? builtin
                                                       : pol.rollup;
  if (pol.rollup == no_rollup) return;
  for (int n = r.between(0, 2); n > 0; --n) {
    const bool program = p.program_count() > 0 && r.chance(50);
    const std::string code =
        program ? p.get(program_id(static_cast<std::uint32_t>(r.below(p.program_count())))).code
                : std::string(p.org().code(collective_id(
                      static_cast<std::uint32_t>(r.below(p.org().collective_count())))));
    const rollup_scope scope = program ? rollup_scope::program : rollup_scope::collective;
    const bool taken =
        std::any_of(pol.rollup_overrides.begin(), pol.rollup_overrides.end(),
                    [&](const rollup_override& o) { return o.scope == scope && o.code == code; });
    if (!taken) pol.rollup_overrides.push_back({scope, code, builtin});
  }
}

inline void random_judgement(random_source& r, goaltrack::evaluation_policy& pol) {
  using namespace goaltrack;
  if (r.chance(30)) pol.basis = band_basis::progress;
  if (r.chance(30)) pol.reached_is_achieved = false;
  std::vector<std::string> codes{"on_track", "at_risk", "off_track", "achieved", "missed"};
  for (int n = r.between(0, 3), i = 0; i < n; ++i) {
    status_definition d{"s" + std::to_string(i), r.chance(50) ? "grade " + std::to_string(i) : "",
                        r.chance(50) ? "mức " + std::to_string(i) : "",
                        r.chance(50) ? "#a0b1c2" : "", static_cast<target_status>(r.between(2, 7))};
    codes.push_back(d.code);
    pol.statuses.push_back(std::move(d));
  }
  for (const band_phase phase : {band_phase::open, band_phase::closed}) {
    if (!r.chance(40)) continue;
    for (status_band& b : random_bands(r, phase, codes)) pol.bands.push_back(std::move(b));
  }
}

}  // namespace detail

/// A random plan drawn from `seed` within `shape`. Always valid: it is built through the
/// public API, so every add_* checks it.
inline goaltrack::plan random_plan(std::uint64_t seed, const random_plan_shape& shape = {}) {
  using namespace goaltrack;
  random_source r(seed);
  const auto text = [&](bool may_be_empty = true) {
    return detail::random_text(r, shape, may_be_empty);
  };
  const auto code = [&](char letter, std::size_t i) {
    // Unique codes; some carry separators and Vietnamese letters.
    std::string c(1, letter);
    c += std::to_string(i);
    if (r.chance(10)) c += r.chance(50) ? ",x" : "-Đ";
    return c;
  };
  plan p;

  // Organisation: a forest; each collective's parent is an earlier one (or none).
  static const char* const kinds[] = {"department", "party_committee", "cell", "school", "team"};
  const std::size_t n_coll = 1 + r.below(shape.max_collectives);
  for (std::size_t i = 0; i < n_coll; ++i) {
    std::optional<collective_id> parent;
    if (i > 0 && r.chance(80)) parent = collective_id(static_cast<std::uint32_t>(r.below(i)));
    p.org().add_collective(code('C', i), text(), kinds[r.below(std::size(kinds))], parent);
  }
  const auto any_collective = [&] {
    return collective_id(static_cast<std::uint32_t>(r.below(n_coll)));
  };
  const std::size_t n_mem = r.below(shape.max_members + 1);
  for (std::size_t i = 0; i < n_mem; ++i)
    p.org().add_member(code('M', i), text(), any_collective());

  // Scales and rounds, with member and collective ratings.
  std::vector<scale_id> scales{p.add_scale(rating_scale::vietnamese_default())};
  if (r.chance(50)) {
    std::vector<level_labels> levels;
    const std::size_t n = 1 + r.below(6);
    for (std::size_t i = 0; i < n; ++i) levels.push_back({"L" + std::to_string(i), text(), text()});
    scales.push_back(p.add_scale(rating_scale("custom" + std::to_string(r.below(100)), levels)));
  }
  std::vector<round_id> rounds;
  for (const scale_id s : scales) {
    const std::size_t n_rounds = r.below(3);
    for (std::size_t k = 0; k < n_rounds; ++k) {
      const period rated =
          period::year(2018 + static_cast<int>(k) + static_cast<int>(r.below(2)) * 5);
      if (p.find_round(s, rated)) continue;
      std::optional<date> decided;
      if (r.chance(50)) decided = rated.last() + boost::gregorian::days(r.between(1, 60));
      const round_id rd = p.add_round(s, rated, decided);
      rounds.push_back(rd);
      const auto levels = static_cast<std::size_t>(p.get(s).size());
      for (std::size_t m = 0; m < n_mem; ++m) {
        if (r.chance(70))
          p.rate(rd, member_id(static_cast<std::uint32_t>(m)),
                 rating_level(static_cast<std::uint8_t>(r.below(levels))));
      }
      for (std::size_t c = 0; c < n_coll; ++c) {
        if (r.chance(50))
          p.rate(rd, collective_id(static_cast<std::uint32_t>(c)),
                 rating_level(static_cast<std::uint8_t>(r.below(levels))));
      }
    }
  }

  // Programs (a cascade) and tasks with histories.
  const std::size_t n_prog = r.below(shape.max_programs + 1);
  for (std::size_t i = 0; i < n_prog; ++i) {
    program pr{code('P', i),     text(), text(), text(), detail::random_period(r, shape),
               any_collective(), {}};
    if (i > 0 && r.chance(60)) pr.parent = program_id(static_cast<std::uint32_t>(r.below(i)));
    p.add_program(pr);
  }
  if (n_prog > 0) {
    const std::size_t n_task = r.below(shape.max_tasks + 1);
    for (std::size_t i = 0; i < n_task; ++i) {
      task t;
      t.code = code('T', i);
      t.title = text();
      t.program = program_id(static_cast<std::uint32_t>(r.below(n_prog)));
      t.owner = any_collective();
      if (r.chance(60)) t.deadline = detail::random_date(r);
      t.kind = r.chance(70) ? task_kind::planned : task_kind::supplementary;
      t.weight = r.chance(70) ? 1.0 : 0.25 * static_cast<double>(1 + r.below(12));
      if (r.chance(30)) t.added_on = detail::random_date(r);
      date on = detail::random_date(r);
      const std::size_t changes = r.below(5);
      for (std::size_t k = 0; k < changes; ++k) {
        t.history.push_back({on, static_cast<task_status>(r.below(4))});
        on = on + boost::gregorian::days(r.between(0, 90));
      }
      p.add_task(t);
    }
  }

  // Targets of every kind.
  const std::size_t n_targets = r.below(shape.max_targets + 1);
  for (std::size_t i = 0; i < n_targets; ++i) {
    const std::string c = code('G', i);
    const collective_id owner = any_collective();
    const period span = detail::random_period(r, shape);
    target t;
    switch (static_cast<target_kind>(r.below(7))) {
      case target_kind::quantity:
        t = target::quantity(c, text(), owner, span);
        if (r.chance(50))
          t.counting(text());
        else
          t.in_unit(text());
        detail::random_numeric_goal(r, t, t.whole_numbers);
        break;
      case target_kind::ratio:
        t = target::ratio(c, text(), owner, span).in_unit("%");
        detail::random_numeric_goal(r, t, false);
        // A ratio's goal is a fraction (target::validate): 0..1000.99 scaled into 0..1.
        t.goal_value /= 2000;
        t.goal_high /= 2000;
        if (t.baseline) *t.baseline /= 2000;
        break;
      case target_kind::money:
        t = target::money(c, text(), owner, span, r.chance(70) ? "VND" : "USD");
        detail::random_numeric_goal(r, t, true);
        break;
      case target_kind::milestone: {
        std::vector<std::string> items;
        if (r.chance(60)) {
          const std::size_t n = 1 + r.below(5);
          for (std::size_t k = 0; k < n; ++k) items.push_back(text(false));
        }
        t = target::milestone(c, text(), owner, span, items);
        if (!items.empty() && r.chance(30)) {
          for (std::size_t k = 0; k < items.size(); ++k) {
            t.item_weights.push_back(static_cast<double>(r.between(1, 40)) / 4.0);
          }
        }
        if (r.chance(30)) t.aggregated_by(aggregation::latest_in_period);
        break;
      }
      case target_kind::direction:
        t = target::direction(c, text(), owner, span,
                              r.chance(50) ? trend::increase : trend::decrease);
        if (detail::spans_years(span) && r.chance(40)) {
          t.scored_by(scoring_method::open_sdg);
          if (r.chance(50)) t.limited_at(r.between(0, 100));
        }
        break;
      case target_kind::member_share: {
        const scale_id s = scales[r.below(scales.size())];
        t = target::member_share(c, text(), owner, span, s,
                                 rating_level(static_cast<std::uint8_t>(r.below(p.get(s).size()))),
                                 share{static_cast<std::uint32_t>(r.below(1001)), 1000},
                                 r.chance(50) ? rating_scope::direct : rating_scope::subtree);
        break;
      }
      case target_kind::collective_count: {
        const scale_id s = scales[r.below(scales.size())];
        const rating_level level(static_cast<std::uint8_t>(r.below(p.get(s).size())));
        const rating_scope scope = r.chance(50) ? rating_scope::direct : rating_scope::subtree;
        t = r.chance(50)
                ? target::all_collectives(c, text(), owner, span, s, level, scope)
                : target::collective_count(c, text(), owner, span, s, level,
                                           static_cast<std::uint32_t>(1 + r.below(9)), scope);
        if (r.chance(40)) t.counting_kind(kinds[r.below(std::size(kinds))]);
        if (r.chance(30))
          t.qualifying_by_members(share::percent(static_cast<std::uint32_t>(r.below(101))));
        break;
      }
    }
    // One indicator per kind and unit (the plan's rule); some numeric targets aggregate it.
    if (r.chance(40)) t.measuring("i-" + std::string(to_string(t.kind)) + "-" + t.unit);
    if (t.is_numeric() && !t.indicator.empty() && t.over_time == aggregation::latest &&
        r.chance(30)) {
      t.aggregating(static_cast<tree_aggregation>(1 + r.below(4)));
    }
    if ((t.is_numeric() || t.kind == target_kind::milestone) &&
        t.over_tree == tree_aggregation::none)
      detail::random_phasing(r, t);
    const double weight = r.chance(30) ? 0.5 * static_cast<double>(1 + r.below(8)) : 1.0;
    t.with_weight(shape.equal_weight > 0 ? shape.equal_weight : weight);
    if (n_prog > 0 && r.chance(50))
      t.in_program(program_id(static_cast<std::uint32_t>(r.below(n_prog))));
    p.add_target(t);
  }

  // Measurements of the targets that take them.
  std::vector<target_id> measurable;
  for (std::size_t i = 0; i < p.target_count(); ++i) {
    const target t = p.get(target_id(static_cast<std::uint32_t>(i)));
    if (!t.is_rating() && t.over_tree == tree_aggregation::none) {
      measurable.push_back(target_id(static_cast<std::uint32_t>(i)));
    }
  }
  if (!measurable.empty()) {
    const std::size_t n_meas = r.below(shape.max_measurements + 1);
    for (std::size_t i = 0; i < n_meas; ++i) {
      const target_id id = measurable[r.below(measurable.size())];
      const target t = p.get(id);
      // Within a year of the target's period, as import_csv takes a measurement's date.
      const std::int32_t first = day_number(t.span.first()) - 365;
      const std::int32_t days = day_number(t.span.last()) + 365 - first;
      const auto day =
          first + static_cast<std::int32_t>(r.below(static_cast<std::size_t>(days) + 1));
      measurement m{id, from_day_number(day), 0, 1, {}, {}};
      switch (t.kind) {
        case target_kind::ratio:
          m.denominator = static_cast<double>(r.between(1, 5000));
          m.value = static_cast<double>(r.below(static_cast<std::size_t>(m.denominator) + 1));
          break;
        case target_kind::milestone:
          m.value = static_cast<double>(r.below(std::max<std::size_t>(1, t.checklist.size()) + 1));
          break;
        case target_kind::money:
          m.value = static_cast<double>(r.between(0, 1'000'000)) * 1000.0;
          break;
        default:
          m.value = t.whole_numbers ? static_cast<double>(r.between(0, 2000))
                                    : static_cast<double>(r.between(-500, 2000)) / 8.0;
      }
      if (r.chance(40)) m.source = text(false);
      if (r.chance(30)) m.note = text(false);
      p.add_measurement(m);
    }
  }
  // Assessments of any target, some with a score.
  if (p.target_count() > 0) {
    const char* statuses[] = {"achieved", "on_track", "green", "hoàn thành tốt"};
    for (int n = r.between(0, 3); n > 0; --n) {
      const target_id id(static_cast<std::uint32_t>(r.below(p.target_count())));
      p.add_assessment(
          {id, detail::random_date(r), statuses[r.below(std::size(statuses))],
           r.chance(50) ? std::optional<double>(r.between(0, 10) / 10.0) : std::nullopt, text(),
           text()});
    }
  }

  // Alignments: targets toward programs other than their own, programs toward programs of
  // smaller ids than theirs (as parents are: no cycle).
  std::vector<alignment> aligned;
  std::set<std::pair<std::string, std::uint32_t>> edges;
  for (int n = n_prog > 0 ? r.between(0, 4) : 0; n > 0; --n) {
    const auto parent = program_id(static_cast<std::uint32_t>(r.below(n_prog)));
    alignment a{{}, {}, parent, 0.25 * static_cast<double>(r.between(1, 12))};
    if (p.target_count() > 0 && r.chance(60)) {
      a.target = target_id(static_cast<std::uint32_t>(r.below(p.target_count())));
      if (p.get(a.target).program == parent) continue;
    } else {
      if (parent.index() + 1 >= n_prog) continue;
      a.program = program_id(
          static_cast<std::uint32_t>(parent.index() + 1 + r.below(n_prog - parent.index() - 1)));
      if (p.get(a.program).parent == parent) continue;
    }
    const std::string child = a.target.ok() ? "t" + std::to_string(a.target.value())
                                            : "p" + std::to_string(a.program.value());
    if (edges.insert({child, parent.value()}).second) aligned.push_back(a);
  }
  p.add_alignments(aligned);

  // Labels: names in a language, at most one per entity and language.
  std::vector<entity_label> labels;
  std::set<std::tuple<entity_ref, language, label_part>> labelled;
  for (int n = r.between(0, 5); n > 0; --n) {
    entity_label l;
    l.language = r.chance(50) ? language::en : language::vi;
    l.text = text();
    if (l.text.empty()) l.text = "Nhãn";
    const auto pick = [&](std::size_t count) { return static_cast<std::uint32_t>(r.below(count)); };
    switch (r.below(4)) {
      case 0:
        if (p.org().collective_count() == 0) continue;
        l.collective = collective_id(pick(p.org().collective_count()));
        break;
      case 1:
        if (n_prog == 0) continue;
        l.program = program_id(pick(n_prog));
        break;
      case 2:
        if (p.task_count() == 0) continue;
        l.task = task_id(pick(p.task_count()));
        break;
      default:
        if (p.target_count() == 0) continue;
        l.target = target_id(pick(p.target_count()));
        // A target with a unit may have its unit labelled too.
        if (!p.get(l.target).unit.empty() && r.chance(50)) l.part = label_part::unit;
    }
    if (labelled.insert({l.entity(), l.language, l.part}).second) labels.push_back(l);
  }
  p.add_labels(labels);

  // Named policies, some with rating summaries.
  const std::size_t n_pol = r.below(shape.max_policies + 1);
  for (std::size_t i = 0; i < n_pol; ++i) {
    evaluation_policy pol;
    pol.on_track_margin = static_cast<double>(r.between(0, 20)) / 100.0;
    pol.at_risk_margin = pol.on_track_margin + static_cast<double>(r.between(0, 30)) / 100.0;
    pol.not_started_before_start = r.chance(50);
    pol.missed_after_end = r.chance(50);
    pol.trend_tolerance = static_cast<double>(r.between(0, 10)) / 100.0;
    pol.close_at_period_end = r.chance(50);
    if (r.chance(30)) pol.minimum_points = static_cast<std::uint32_t>(r.between(2, 4));
    if (r.chance(30)) pol.forecast_min_points = static_cast<std::uint32_t>(r.between(3, 5));
    for (const round_id rd : rounds) {
      if (!r.chance(50)) continue;
      const auto levels = p.get(p.get(rd).scale()).size();
      pol.rating_summaries.push_back(
          {rd, rating_level(static_cast<std::uint8_t>(r.below(levels))),
           r.chance(50) ? std::string() : std::string(kinds[r.below(std::size(kinds))]),
           r.chance(50) ? collective_criterion::own_rating : collective_criterion::member_share,
           share::percent(static_cast<std::uint32_t>(r.below(101)))});
    }
    detail::random_judgement(r, pol);
    detail::random_rollup(r, p, pol);
    p.add_policy("policy-" + std::to_string(i) + (r.chance(30) ? " ẩ" : ""), pol);
  }
  return p;
}

}  // namespace goaltrack_test
