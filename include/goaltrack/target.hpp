#pragma once
/// @file
/// Targets (chỉ tiêu): what a collective aims to reach over a period, of every kind a
/// review names.
///
/// | kind             | example from a review                            | actual value          |
/// |------------------|--------------------------------------------------|-----------------------|
/// | quantity         | remove 98 school sites; 623 prize winners        | last measurement      |
/// | ratio            | 58.1% go on to upper secondary                   | numerator/denominator |
/// | money            | raise 47 million VND                             | last measurement      |
/// | milestone        | replicate the "Happy School" model (a checklist) | items done            |
/// | direction        | reduce dropout in highland areas (no number)     | trend of measurements |
/// | member_share     | 100% of party members rated "good" or above      | share from ratings    |
/// | collective_count | 5/5 cells rated "good" or above                  | count from ratings    |
///
/// Progress of a numeric target, with actual a, baseline b and goal g (see also
/// evaluation.hpp for expected progress and status):
///
/// | goal                         | progress                                           |
/// |------------------------------|----------------------------------------------------|
/// | increase_to g / decrease_to g| (a - b) / (g - b)                                  |
/// | increase_by d / decrease_by d| the same with g = b + d / g = b - d                |
/// | at_least g, at_most g        | (a - b) / (g - b) with a baseline; without one:    |
/// |                              | at_least: a / g if g > 0, else 1 if a >= g else 0; |
/// |                              | at_most: 1 if a <= g else 0                        |
/// | within [lo, hi]              | 1 inside; outside, with a baseline outside:        |
/// |                              | (dist(b) - dist(a)) / dist(b), dist = distance to  |
/// |                              | the range; without a baseline 0                    |
/// | milestone                    | items done / items (1 item without a checklist);   |
/// |                              | weighted: w1 + ... + wk / (w1 + ... + wn), k done  |
///
/// A weighted milestone's items are stages done in order (plan, pilot, replicate): k items
/// done are the first k, and a fractional k (a forecast) takes that part of the next.
///
/// Progress 1 means achieved. A baseline of at_least or at_most may already lie on the
/// achieved side (a level to maintain: "keep dropout at most 1.5%", from 1.2%); progress is
/// then the formula without a baseline.
///
/// Those are the `by_goal` scoring. A numeric target may be scored otherwise
/// (target::scoring), with g its goal level (goal_level()) and a its actual; "upward" goals
/// are increase_to, increase_by and at_least, "downward" ones decrease_to, decrease_by and
/// at_most; `within` has only by_goal and compliance:
///
/// | scoring            | upward                   | downward                              |
/// |--------------------|--------------------------|---------------------------------------|
/// | percent_of_target  | a / g                    | g / a; +infinity when a <= 0          |
/// | distance_to_target | (a - g + abs(g)) / abs(g)| 1 - (a - g) / abs(g), for a cap g > 0 |
/// |                    | (a / g when g > 0);      | 2 - a / g; g = 0: 1 - a               |
/// |                    | g = 0: 1 + a             |                                       |
///
/// percent_of_target is the "achievement score" actual / target of scorecards (SAP
/// Strategy Management, "Achievement Scores": 45 of a target of 50 scores 90%) and its
/// inverse for measures where lower is better; it needs g > 0. distance_to_target is
/// Infor CPM Strategy Management's performance value ("Rules for increasing value types",
/// "Rules for decreasing value types": a cap of 50 scores 100% at 50, 0% at 100, 200% at 0).
///
/// `open_sdg` is the progress measure of Statistics Canada, built into Open SDG
/// (open-sdg.org, "Progress Measurement Methodology"; sdg-build's ProgressMeasure.py). Time
/// is in calendar years of the dates, as its annual series: t0 the base year, ti that of the
/// actual, tT that of the period's last day. The compound annual growth rate from y0 to y in
/// t years is CAGR(y, y0, t) = (y / y0)^(1 / t) - 1; s = -1 when y0 < 0, else 1; d = +1 for
/// an upward goal (or trend::increase), -1 for a downward one. A zero base or goal counts as
/// 0.001. Its score runs from -5 to 5, and progress is score / 5:
/// - a numeric target (with a target value g): y0 its baseline in the year its period starts,
///   yi the actual. Reached when yi is on g's side of it (score 5); else
///   R = s d CAGR(yi, y0, ti - t0) / |CAGR(g, y0, tT - t0)| and score =
///   min(7.1429 R - 4.2857, 5) for R >= 0.6, max(4.1667 R - 2.5, -5) below.
/// - a direction target (no target value): y0 its first check-in in the period, yi its last,
///   v = s d CAGR(yi, y0, ti - t0). With a limit L, C = 1 - (|y0| / |L|)^4.44 when
///   |y0| <= |L|, 1 - ((2|L| - |y0|) / |L|)^4.44 below 2|L|, else 1 (C = 1 without one).
///   Score: max(125 v - 2.5, -5) for v < 0; 5 when C = 0; 500 v / C - 2.5 below 0.005 C,
///   250 v / C - 1.25 below 0.015 C, min(500 v / C - 5, 5) from there.
/// The score's categories are 2.5 and above on track, [0, 2.5) progress made but
/// acceleration needed, [-2.5, 0) limited progress, below -2.5 deterioration (the
/// `open_sdg` policy preset, policy.hpp). There is no score with less than a year between
/// y0 and yi, or when they differ in sign.
///
/// `compliance` scores a target with sub-periods (target::sub_periods, "maintain": keep
/// coverage at least 95% every month) by the share of its sub-periods ended by A whose own
/// value meets the goal (a >= g upward, a <= g downward, lo <= a <= hi for a range), one
/// without a check-in counting as not met: periodic compliance, judged as a limit
/// (evaluation.hpp, "Time-phased targets").
///
/// The actual a is, by target::over_time, the latest measurement (the default) or an
/// aggregate of the measurements in the period (evaluation.hpp).
///
/// Values are doubles; counts and money are checked to be whole numbers no larger than
/// 2^53 in magnitude, where doubles are exact.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/period.hpp"
#include "goaltrack/rating.hpp"

namespace goaltrack {

/// What a target measures; see the table in this header.
enum class target_kind : std::uint8_t {
  quantity,
  ratio,
  money,
  milestone,
  direction,
  member_share,
  collective_count,
};

/// True for the kinds judged by the ratings of a round (member_share, collective_count):
/// their actuals are counts of rated members or collectives, not measurements.
[[nodiscard]] constexpr bool is_rating_kind(target_kind k) noexcept {
  return k == target_kind::member_share || k == target_kind::collective_count;
}

/// True for the numeric kinds (quantity, ratio, money): those with a goal and a baseline.
[[nodiscard]] constexpr bool is_numeric_kind(target_kind k) noexcept {
  return k == target_kind::quantity || k == target_kind::ratio || k == target_kind::money;
}

/// How a numeric target's goal is stated.
enum class goal_kind : std::uint8_t {
  increase_to,  ///< reach g from a lower baseline
  decrease_to,  ///< come down to g from a higher baseline ("giảm xuống")
  increase_by,  ///< rise by d over the baseline
  decrease_by,  ///< fall by d below the baseline ("giảm 98 điểm trường")
  at_least,     ///< be at least g
  at_most,      ///< be at most g
  within,       ///< stay within [g, goal_high]
};

/// True for the goals that want the value to rise (increase_to, increase_by, at_least);
/// decrease_to, decrease_by and at_most want it to fall, `within` neither.
[[nodiscard]] constexpr bool is_upward_goal(goal_kind g) noexcept {
  return g == goal_kind::increase_to || g == goal_kind::increase_by || g == goal_kind::at_least;
}

/// The goal level g of a goal stated as `value`: b + d for increase_by, b - d for
/// decrease_by (d = value, b = baseline), else the value itself.
[[nodiscard]] constexpr double goal_level(goal_kind g, double value, double baseline) noexcept {
  if (g == goal_kind::increase_by) return baseline + value;
  if (g == goal_kind::decrease_by) return baseline - value;
  return value;
}

/// The wanted trend of a direction-only target.
enum class trend : std::uint8_t {
  increase,  ///< "raise the quality of ..."
  decrease,  ///< "reduce dropout ..."
};

/// How a target's measurements make its actual as of day A, with [S, E] its period
/// (evaluation.hpp). On one day only the measurement added last counts (a correction
/// replaces a figure). Ratios aggregate numerators and denominators apart: the sum and the
/// mean are sum(numerators) / sum(denominators), never a mean of percentages.
enum class aggregation : std::uint8_t {
  latest,            ///< the latest measurement on or before A, in the period or not (default)
  latest_in_period,  ///< the latest measurement in [S, min(A, E)]
  sum,               ///< the sum of those in [S, min(A, E)]: flows, year-to-date totals
  mean,              ///< their mean (a ratio: of numerators over that of denominators)
  minimum,           ///< the least of them (a ratio: the least fraction)
  maximum,           ///< the greatest of them
  first,             ///< the earliest of them
  count,             ///< how many days of [S, min(A, E)] have a measurement (check-ins)
};

/// How a target defined at a collective aggregates the actuals of the targets of its
/// indicator (target::indicator) and period owned in that collective's subtree: its values
/// up the organisation tree, chosen apart from the aggregation over time, as DHIS2 chooses
/// a data element's aggregation over the hierarchy apart from its aggregation over periods.
/// Only the targets with an actual as of A take part (DHIS2's reporting units); targets that
/// are aggregates themselves do not (each level sums the ground, never a sum twice).
enum class tree_aggregation : std::uint8_t {
  none,     ///< its own measurements (default)
  sum,      ///< the sum of their actuals; a ratio: the sum of their numerators over the sum
            ///< of their denominators (a province's coverage, never a mean of percentages)
  mean,     ///< the mean of their actuals (a ratio: of their fractions)
  minimum,  ///< the least of them
  maximum,  ///< the greatest of them
};

/// How a numeric target's actual becomes its progress; see the tables in this header.
enum class scoring_method : std::uint8_t {
  by_goal,             ///< the goal's own formula (default)
  percent_of_target,   ///< a / g upward, g / a downward
  distance_to_target,  ///< 1 + (a - g) / abs(g) upward, 1 - (a - g) / abs(g) downward
  open_sdg,            ///< the Open SDG / Statistics Canada progress score / 5 (growth rates)
  compliance,          ///< the share of its ended sub-periods whose own value meets the goal
};

/// How a target's expected progress on day A is set, with [S, E] its period
/// (evaluation.hpp, "Time-phased targets").
enum class expectation : std::uint8_t {
  days,         ///< linear in days, (A - S + 1) / (E - S + 1) (default)
  sub_periods,  ///< k / n: k of its n sub-periods ended by A (DHIS2's
                ///< [periodInYear] / [yearlyPeriodCount])
  plan,         ///< the progress its planned value to date would have (target::planned)
  at_end,       ///< 0 until E, then 1: due only at the end
};

/// How a target's planned values read, one per sub-period.
enum class plan_basis : std::uint8_t {
  cumulative,      ///< each is the level to reach by its sub-period's end (default)
  per_sub_period,  ///< each is what its sub-period adds, counted from the baseline (or 0)
};

/// Which members or collectives a rating target counts.
enum class rating_scope : std::uint8_t {
  direct,   ///< member_share: members of the collective itself;
            ///< collective_count: its direct children
  subtree,  ///< member_share: members anywhere in its subtree;
            ///< collective_count: every collective below it
};

/// How a collective qualifies in a collective_count target.
enum class collective_criterion : std::uint8_t {
  own_rating,    ///< its own rating in the round is the level or above
  member_share,  ///< it has members and at least the share of its subtree's members are
                 ///< rated the level or above (a rating derived from its members')
};

/// Stable text codes of the enums above ("quantity", "increase_to", ...), for files,
/// reports and bindings, and their parsers. A parser reads a code or a Vietnamese name
/// ("số lượng", "tăng lên"), exactly, else ignoring case, else ignoring case and
/// diacritics where only one value matches so ("so luong"). @throws parse_error naming
/// the text, the codes, and the nearest one when the text looks like a typing slip.
GOALTRACK_API std::string_view to_string(target_kind k) noexcept;
GOALTRACK_API std::string_view to_string(goal_kind g) noexcept;
GOALTRACK_API std::string_view to_string(trend t) noexcept;
GOALTRACK_API std::string_view to_string(rating_scope s) noexcept;
GOALTRACK_API std::string_view to_string(collective_criterion c) noexcept;
GOALTRACK_API std::string_view to_string(aggregation a) noexcept;
GOALTRACK_API std::string_view to_string(scoring_method m) noexcept;
GOALTRACK_API std::string_view to_string(expectation e) noexcept;
GOALTRACK_API std::string_view to_string(plan_basis b) noexcept;
GOALTRACK_API std::string_view to_string(tree_aggregation a) noexcept;
GOALTRACK_API target_kind parse_target_kind(std::string_view code);
GOALTRACK_API goal_kind parse_goal_kind(std::string_view code);
GOALTRACK_API trend parse_trend(std::string_view code);
GOALTRACK_API rating_scope parse_rating_scope(std::string_view code);
GOALTRACK_API collective_criterion parse_collective_criterion(std::string_view code);
GOALTRACK_API aggregation parse_aggregation(std::string_view code);
GOALTRACK_API scoring_method parse_scoring_method(std::string_view code);
GOALTRACK_API expectation parse_expectation(std::string_view code);
GOALTRACK_API plan_basis parse_plan_basis(std::string_view code);
GOALTRACK_API tree_aggregation parse_tree_aggregation(std::string_view code);

/// A share as an exact fraction, numerator / denominator (100% is 1/1, 95.5% is 191/200).
struct GOALTRACK_API share {
  std::uint32_t numerator = 1;
  std::uint32_t denominator = 1;
  /// p percent given in tenths of a percent: percent_tenths(955) is 95.5%.
  static constexpr share percent_tenths(std::uint32_t tenths) noexcept { return {tenths, 1000}; }
  /// p whole percent: percent(100) is 100%.
  static constexpr share percent(std::uint32_t p) noexcept { return {p, 100}; }
  /// True when part / whole >= this share, compared exactly in integers.
  [[nodiscard]] constexpr bool reached(std::uint64_t part, std::uint64_t whole) const noexcept {
    return part * denominator >= whole * numerator;
  }
  /// True for a share: a denominator above 0 and at most 100%.
  [[nodiscard]] constexpr bool valid() const noexcept {
    return denominator > 0 && numerator <= denominator;
  }
  [[nodiscard]] double value() const noexcept {
    return static_cast<double>(numerator) / static_cast<double>(denominator);
  }
  friend constexpr bool operator==(share, share) noexcept = default;
};

/// The parameters of a member_share or collective_count target.
struct GOALTRACK_API rating_goal {
  scale_id scale;      ///< the scale of the rating round to read (matched by scale and period)
  rating_level level;  ///< "this level or above"
  /// member_share: the share of members to reach; collective_count with the
  /// member_share criterion: the share a collective's members must reach.
  share required_share = share::percent(100);
  std::uint32_t count = 0;  ///< collective_count: at least this many collectives ...
  bool all = false;         ///< ... or, when true, all of them ("5/5")
  rating_scope scope = rating_scope::direct;  ///< direct (children, own members) or the subtree
  std::string counted_kind;  ///< collective_count: count only collectives of this kind ("" = any)
  /// how a collective qualifies: its own rating or its members' share
  collective_criterion criterion = collective_criterion::own_rating;
  friend bool operator==(const rating_goal&, const rating_goal&) = default;
};

/// A target: what it is, who owns it, over which period, and its goal. Build one with a
/// factory (quantity, ratio, ...) and the chained setters, then plan::add_target checks
/// it as a whole.
struct GOALTRACK_API target {
  std::string code;                   ///< unique stable code
  std::string title;                  ///< what it aims at, e.g. "Giảm điểm trường"
  collective_id owner;                ///< the collective responsible
  period span = period::year(2020);   ///< the period over which it is to be reached
  std::optional<program_id> program;  ///< the program it belongs to, if any
  /// quantity, ratio, money, milestone, direction or a rating kind
  target_kind kind = target_kind::quantity;
  std::string unit;  ///< unit of measure, e.g. "điểm trường", "học sinh", "%"

  // numeric kinds (quantity, ratio, money)
  /// numeric kinds: how the goal reads (at_least, decrease_by, ...)
  goal_kind goal = goal_kind::at_least;
  double goal_value = 0;  ///< g, or d for increase_by / decrease_by; ratios as a fraction (0.581)
  double goal_high = 0;   ///< upper end for `within`
  /// its weight in the weighted means of roll-ups (finite, > 0; target_rollup)
  double weight = 1.0;
  std::optional<double> baseline;  ///< b, where it applies
  bool whole_numbers = false;      ///< counts: measurements must be whole numbers
  std::string currency;  ///< money: ISO 4217 code, e.g. "VND" (amounts in its smallest unit)

  std::vector<std::string> checklist;  ///< milestone: items to complete (empty: one step)
  /// milestone: the weight of each item, its stages done in order (empty: equal weights)
  std::vector<double> item_weights;
  /// direction scored open_sdg: the natural limit y_lim the level cannot pass (100%, 0)
  std::optional<double> limit;
  /// numeric kinds and milestones: the sub-periods that tile `span`, in order (empty: none)
  std::vector<period> sub_periods;
  /// the planned value of each sub-period, read by `planned_as` (empty: no plan)
  std::vector<double> planned;
  trend wanted = trend::increase;  ///< direction: the wanted trend
  /// planned values: levels to reach by each sub-period's end, or what each adds
  plan_basis planned_as = plan_basis::cumulative;
  /// how expected progress is set: by days, sub-periods ended, the plan, or at the end
  expectation expected_by = expectation::days;
  // how it is evaluated (evaluation.hpp), beside `wanted` to keep the struct packed
  /// numeric kinds and milestones: how measurements make the actual (latest, sum, ...)
  aggregation over_time = aggregation::latest;
  /// numeric kinds: how the actual becomes progress (by_goal, percent_of_target, ...);
  /// direction: by_goal (the trend) or open_sdg
  scoring_method scoring = scoring_method::by_goal;
  rating_goal rating;  ///< member_share and collective_count
  /// the indicator it measures, a code its targets share across units and levels (e.g.
  /// "vaccination_coverage"); the targets of one indicator have one kind and one unit
  std::string indicator;
  /// numeric kinds: its actual aggregates those of its indicator's targets of its period in
  /// its owner's subtree (sum, mean, minimum, maximum), or is its own (none)
  tree_aggregation over_tree = tree_aggregation::none;

  // --- factories ---------------------------------------------------------------------
  /// A quantity (count or amount); chain a goal setter (decrease_by(98), ...).
  static target quantity(std::string code, std::string title, collective_id owner, period span);
  /// A ratio numerator / denominator, shown as a percentage; goals are fractions.
  static target ratio(std::string code, std::string title, collective_id owner, period span);
  /// A money amount in whole units of `currency`'s smallest unit (VND has no minor unit).
  static target money(std::string code, std::string title, collective_id owner, period span,
                      std::string currency);
  /// A milestone: done or not, or the items of a checklist.
  static target milestone(std::string code, std::string title, collective_id owner, period span,
                          std::vector<std::string> checklist = {});
  /// A direction-only goal, judged by the trend of its measurements.
  static target direction(std::string code, std::string title, collective_id owner, period span,
                          trend wanted);
  /// At least `required` of the members of `owner` (scope direct) or of its subtree
  /// rated `level` or above on `scale` in the round for `span`.
  static target member_share(std::string code, std::string title, collective_id owner, period span,
                             scale_id scale, rating_level level,
                             share required = share::percent(100),
                             rating_scope scope = rating_scope::direct);
  /// At least `count` of the child collectives of `owner` (scope direct) or of all
  /// collectives below it, rated `level` or above on `scale` in the round for `span`.
  static target collective_count(std::string code, std::string title, collective_id owner,
                                 period span, scale_id scale, rating_level level,
                                 std::uint32_t count, rating_scope scope = rating_scope::direct);
  /// As collective_count, with "all" (n/n) instead of a count.
  static target all_collectives(std::string code, std::string title, collective_id owner,
                                period span, scale_id scale, rating_level level,
                                rating_scope scope = rating_scope::direct);

  // --- chained setters ---------------------------------------------------------------
  target& increase_to(double g) { return set_goal(goal_kind::increase_to, g); }
  target& decrease_to(double g) { return set_goal(goal_kind::decrease_to, g); }
  target& increase_by(double d) { return set_goal(goal_kind::increase_by, d); }
  target& decrease_by(double d) { return set_goal(goal_kind::decrease_by, d); }
  target& at_least(double g) { return set_goal(goal_kind::at_least, g); }
  target& at_most(double g) { return set_goal(goal_kind::at_most, g); }
  target& within(double lo, double hi) {
    goal_high = hi;
    return set_goal(goal_kind::within, lo);
  }
  /// Sets the baseline b.
  target& from(double b) {
    baseline = b;
    return *this;
  }
  /// Measurements are whole counts of `what` (e.g. "điểm trường").
  target& counting(std::string what) {
    whole_numbers = true;
    unit = std::move(what);
    return *this;
  }
  /// Sets the unit of measure.
  target& in_unit(std::string u) {
    unit = std::move(u);
    return *this;
  }
  /// milestone: weighs its items, stages done in order (one weight per checklist item).
  target& weighted(std::vector<double> weights) {
    item_weights = std::move(weights);
    return *this;
  }
  /// Makes the actual from the period's measurements by `a` (sum, mean, ...).
  target& aggregated_by(aggregation a) {
    over_time = a;
    return *this;
  }
  /// Scores the actual by `m` instead of the goal's own formula.
  target& scored_by(scoring_method m) {
    scoring = m;
    return *this;
  }
  /// direction scored open_sdg: the level cannot pass `y_lim` (a maximum of 100%, a
  /// minimum of 0), which scales the growth thresholds down near it.
  target& limited_at(double y_lim) {
    limit = y_lim;
    return *this;
  }
  /// Divides the period into its months, quarters, half-years or calendar years
  /// (split_period). @throws invalid_argument as split_period does.
  target& phased_by(period_kind sub_period_kind) {
    sub_periods = split_period(span, sub_period_kind);
    return *this;
  }
  /// Plans a value per sub-period (after phased_by), read as `basis` says.
  target& planned_values(std::vector<double> values, plan_basis basis = plan_basis::cumulative) {
    planned = std::move(values);
    planned_as = basis;
    return *this;
  }
  /// Sets how expected progress is set.
  target& expecting(expectation e) {
    expected_by = e;
    return *this;
  }
  /// Sets the target's weight in the weighted means of roll-ups (key results weighted 3
  /// and 1).
  target& with_weight(double w) {
    weight = w;
    return *this;
  }
  /// Names the indicator the target measures.
  target& measuring(std::string indicator_code) {
    indicator = std::move(indicator_code);
    return *this;
  }
  /// Makes the target the aggregate of its indicator's targets in its owner's subtree.
  target& aggregating(tree_aggregation how) {
    over_tree = how;
    return *this;
  }
  /// Puts the target in a program.
  target& in_program(program_id p) {
    program = p;
    return *this;
  }
  /// collective_count: count only collectives of this kind (e.g. "cell").
  target& counting_kind(std::string collective_kind) {
    rating.counted_kind = std::move(collective_kind);
    return *this;
  }
  /// collective_count: a collective qualifies when `s` of its subtree's members are rated
  /// the level or above, instead of by its own rating.
  target& qualifying_by_members(share s = share::percent(100)) {
    rating.criterion = collective_criterion::member_share;
    rating.required_share = s;
    return *this;
  }

  /// The goal g in the target's own terms: goal_value, or b + d / b - d for
  /// increase_by / decrease_by. Meaningless for milestone, direction and rating kinds.
  [[nodiscard]] double goal_level() const noexcept;
  /// True for quantity, ratio and money (is_numeric_kind).
  [[nodiscard]] bool is_numeric() const noexcept { return is_numeric_kind(kind); }
  /// True for member_share and collective_count (is_rating_kind).
  [[nodiscard]] bool is_rating() const noexcept { return is_rating_kind(kind); }

  /// Checks the target on its own (not its references, which plan::add_target checks).
  /// @throws invalid_argument naming the target and the field at fault: an empty code,
  ///         a non-finite number, a baseline equal to the goal, a goal on the wrong side
  ///         of the baseline (at_least and at_most may start on the achieved side), a missing
  ///         baseline where the goal needs one, a range with lo > hi, money or counts that are not
  ///         whole numbers, item weights not one per checklist item or not finite and > 0,
  ///         a weight not finite and > 0,
  ///         a currency that is not three letters, a share above 100% or with a zero
  ///         denominator, a count of 0, an aggregation or scoring that does not fit the kind or
  ///         goal (or a goal level of 0 or below for percent_of_target).
  void validate() const;

  friend bool operator==(const target&, const target&) = default;

 private:
  target& set_goal(goal_kind g, double v) {
    goal = g;
    goal_value = v;
    return *this;
  }
};

}  // namespace goaltrack
