#pragma once
// Private: the stages of evaluate() (evaluation.hpp), each a pass that reads columns and
// writes columns, in this order:
//
//   1. actuals over time (actuals.cpp): what each target's measurements say as of day A;
//   2. score (scoring.cpp): progress by the target's formula, or a trend;
//   3. judgement (judgement.cpp): expected progress and the status;
//   4. roll-ups (rollup.cpp): per program and per collective; their statuses by the
//      policy's roll-up rules (rollup_rules.cpp).
//
// Each stage knows one method today (the rules of evaluation.hpp). A new method is a
// new function in its stage's file, chosen there by data.

#include <Eigen/SparseCore>
#include <cstdint>
#include <limits>
#include <memory>
#include <mutex>
#include <optional>
#include <span>
#include <utility>
#include <vector>

#include "goaltrack/evaluation.hpp"
#include "goaltrack/rollup.hpp"
#include "target_table.hpp"

namespace goaltrack {
class plan;
}

namespace goaltrack::detail {

inline constexpr double no_value = std::numeric_limits<double>::quiet_NaN();
inline constexpr std::int32_t no_day = std::numeric_limits<std::int32_t>::min();

// --- 1. actuals over time ------------------------------------------------------------

/// The last measurement of each target dated on or before A (on one day, the row added
/// last: a correction added later replaces a figure).
struct latest_measurements {
  std::vector<double> value;             ///< its value; no_value where none
  std::vector<std::int32_t> day;         ///< its day; no_day where none
  std::vector<std::uint32_t> row;        ///< its row, kept only when the plan has denominators
  std::span<const double> denominators;  ///< the plan's denominator column (may be empty)
  /// An aggregated ratio's denominator (aggregate_over_time); empty when none is.
  std::vector<double> aggregated_denominator;

  /// A ratio's denominator: its aggregate's, else that of the latest row, 1 when the plan
  /// has none.
  [[nodiscard]] double denominator(std::size_t t) const noexcept {
    if (!aggregated_denominator.empty()) return aggregated_denominator[t];
    return row.empty() ? 1.0 : denominators[row[t]];
  }
};
latest_measurements latest_as_of(const plan& p, std::int32_t as_of_day);

/// Replaces, for every target t with over_time[t] other than `latest`, its value, day and
/// denominator by the aggregate of its measurements in [S, min(A, E)] (target.hpp), one per
/// day (the one added last); no value where there is none. `over_time` is empty or has one
/// entry per target.
void aggregate_over_time(const plan& p, std::int32_t as_of_day,
                         std::span<const aggregation> over_time, latest_measurements& latest);

/// What a subtree gives an indicator (target::over_tree): the reporting targets' count,
/// the sum of their fractions (a ratio's numerator / denominator, else the value), of their
/// numerators and denominators (the value over 1), the least and greatest fraction, and the
/// day of the latest actual.
struct tree_total {
  std::uint32_t reporting = 0;
  double sum = 0;
  double numerators = 0;
  double denominators = 0;
  double least = std::numeric_limits<double>::infinity();
  double greatest = -std::numeric_limits<double>::infinity();
  std::int32_t last_day = no_day;

  void add(double fraction, double numerator, double denominator, std::int32_t day) noexcept;
  void add(const tree_total& other) noexcept;
  /// The aggregate `how` (tree_aggregation, target.hpp): a ratio's sum is its numerators
  /// over its denominators; NaN when none reports.
  [[nodiscard]] double value(tree_aggregation how, bool ratio) const noexcept;
};

/// Replaces the value, day and denominator of every aggregate target (target::over_tree)
/// by what its owner's subtree gives its indicator and period (tree_values.cpp); none
/// where no target reports. Call after aggregate_over_time.
void aggregate_up_tree(const plan& p, latest_measurements& latest);

/// A check-in: (day, value).
using check_in_point = std::pair<std::int32_t, double>;
/// A target's check-ins.
using check_ins = std::vector<check_in_point>;
/// A view of check-ins.
using check_in_span = std::span<const check_in_point>;

/// Every target's check-ins in one column: target t's are points[begin[t], begin[t + 1]).
struct check_in_table {
  std::vector<std::uint32_t> begin;
  std::vector<check_in_point> points;

  [[nodiscard]] check_in_span of(std::size_t t) const noexcept {
    return check_in_span(points).subspan(begin[t], begin[t + 1] - begin[t]);
  }
};

/// Each target's check-ins in [S, min(A, E)], one per day (the one added last), by day; a
/// ratio's values are fractions. For the minimum-data rule (evaluation_policy::
/// minimum_points) and forecasts.
check_in_table period_check_ins(const plan& p, std::int32_t as_of_day);

/// The actual of each target of `wanted` (distinct ids) after each day with check-ins in
/// its window [S, min(A, E)]: its aggregation over time (target::over_time) of the
/// check-ins so far, one per day (the one added last), a ratio's as a fraction. The line a
/// burn-up draws (review_writer::burn_ups); one pass over the measurements for them all.
std::vector<check_ins> actual_histories(const plan& p, std::span<const target_id> wanted,
                                        std::int32_t as_of_day);

/// A direction target's check-ins in [S, A], in the order added.
/// The check-ins of every direction target (empty lists for the others).
std::vector<check_ins> direction_check_ins(const plan& p, std::int32_t as_of_day);

/// The sub-periods of every time-phased target (target::sub_periods) as of day A, in one
/// column: target t's are rows [begin[t], begin[t + 1]); `begin` is empty when no target
/// is phased. Values are NaN where there is none; a ratio's are fractions.
struct sub_period_table {
  std::vector<std::uint32_t> begin;
  std::vector<period> span;
  /// The aggregate of the target's check-ins in [s, min(A, e)] by its aggregation
  /// (`latest`: the last of them); none when the sub-period starts after A.
  std::vector<double> own;
  /// The aggregate of its check-ins in [S, min(A, e)]: the period's to its end (DHIS2's
  /// year-to-date value).
  std::vector<double> to_date;
  /// The planned level by the sub-period's end: the value itself (plan_basis::cumulative),
  /// or the baseline (0 without one) plus the values up to it (per_sub_period).
  std::vector<double> planned;
  /// 1 met, 0 not, -1 not judged (see sub_period_met).
  std::vector<std::int8_t> met;

  [[nodiscard]] bool empty() const noexcept { return begin.empty(); }
  [[nodiscard]] std::uint32_t first(std::size_t t) const noexcept { return begin[t]; }
  [[nodiscard]] std::uint32_t end(std::size_t t) const noexcept { return begin[t + 1]; }
  /// How many of target t's sub-periods end on or before day A.
  [[nodiscard]] std::uint32_t ended(std::size_t t, std::int32_t as_of_day) const noexcept;
};

/// The table of the sub-periods and planned levels of the targets `phased` (those with
/// sub-periods, in order; own, to_date and met still unset); an empty one without any.
sub_period_table sub_periods_of(const target_table& targets, std::span<const std::uint32_t> phased);

/// Fills `own` and `to_date` of every sub-period as of A (actuals.cpp); `over_time` is empty
/// (all latest) or has one entry per target.
void aggregate_sub_periods(const plan& p, std::int32_t as_of_day,
                           std::span<const aggregation> over_time, sub_period_table& table);

/// Fills `met` of every sub-period ended by A: for a target scored compliance, its own
/// value meets the goal (goal_met); for one with a plan, its to-date value reaches the
/// planned level in the goal's direction (a milestone's: upward); a sub-period without a
/// value is not met. The others stay -1.
void judge_sub_periods(const target_table& targets, std::span<const scoring_method> scoring,
                       std::int32_t as_of_day, sub_period_table& table);

/// True when value `v` meets numeric target t's goal: v >= g upward, v <= g downward,
/// lo <= v <= hi for a range.
[[nodiscard]] bool goal_met(const target_row& t, double v) noexcept;

// --- 2. score --------------------------------------------------------------------------

/// How far a target has come: its progress (no_value without data), whether it is
/// reached (decided exactly for rating targets), and whether it has data at all.
struct target_score {
  double progress = no_value;
  bool reached = false;
  bool has_data = false;
};

/// Progress of a numeric or milestone target whose actual is `a`, scored by `method`
/// (target.hpp's tables; a milestone's is items done / items, or the weight of its first
/// `a` items over the total with `item_weights`).
double numeric_progress(const target_row& t, scoring_method method, double a,
                        std::size_t checklist_items, std::span<const double> item_weights) noexcept;

/// A rating target's actual (the fraction of members, or the number of collectives), its
/// parts, and its score; no data when there is no one to count.
struct rating_outcome {
  target_score score;
  double actual = no_value;
  double part = no_value;
  double whole = no_value;
};
/// The outcome of a rating target (member_share, collective_count) from its round's tally,
/// for the collective that owns it.
rating_outcome rating_score(const target_row& t, const rating_goal& goal,
                            const rating_tally& tally) noexcept;

/// The calendar year of a day number (the open_sdg scoring's unit of time).
inline int year_of(std::int32_t day) { return static_cast<int>(from_day_number(day).year()); }

/// One series of the open_sdg scoring (target.hpp): the base value y0 in calendar year t0,
/// the current value yi in year ti, and the wanted direction d (+1 up, -1 down).
struct growth_series {
  double base = 0;
  int base_year = 0;
  double current = 0;
  int current_year = 0;
  double direction = 1;
};
/// The open_sdg score, as progress = score / 5, of a series with a target value `goal` for
/// year `goal_year` (goal_year > base_year): reached (progress 1) once the current value
/// is on the goal's side; no data otherwise when ti - t0 < 1 or y0 and yi differ in sign.
target_score open_sdg_toward(const growth_series& s, double goal, int goal_year) noexcept;
/// The open_sdg score of a series without a target value, with the natural limit `limit`
/// (if any); never reached; no data as for open_sdg_toward.
target_score open_sdg_trend(const growth_series& s, std::optional<double> limit) noexcept;
/// The series of a direction target: its first and last check-ins by day (on one day,
/// the one added last); none with fewer than two days.
std::optional<growth_series> direction_series(check_in_span points, trend wanted);

/// The least-squares line value = intercept + slope (day - origin) through check-ins.
struct fitted_line {
  double origin = 0;      ///< the first check-in's day
  double intercept = 0;   ///< the line's value at `origin`
  double slope = 0;       ///< per day
  double mean_value = 0;  ///< of the check-ins
  double mean_day = 0;    ///< relative to `origin`
  double sxx = 0;         ///< sum of squared deviations of the days from their mean
  double rss = 0;         ///< residual sum of squares
  std::size_t n = 0;      ///< check-ins fitted

  [[nodiscard]] double at(std::int32_t day) const noexcept {
    return intercept + slope * (static_cast<double>(day) - origin);
  }
};
/// The line through `points` (the normal equations on [1, day - mean day], solved with
/// Eigen); none with fewer than two distinct days.
std::optional<fitted_line> fit_line(check_in_span points) noexcept;

/// The check-ins of the earliest and the latest day (on one day, the one added last) of
/// non-empty `points`.
std::pair<const check_in_point*, const check_in_point*> first_and_last(
    check_in_span points) noexcept;

/// A projection of a target's actual to day `last_day` (target_forecast, evaluation.hpp):
/// the line through its check-ins (by day, one per day), or through their running total
/// (sum) or count (count); none with fewer than `min_points` (>= 3) check-ins or one day.
struct projection {
  double value = 0;
  double spread = 0;
  std::uint32_t points = 0;
};
/// `scratch` is working space, reused from one target to the next.
std::optional<projection> project(check_in_span series, aggregation how, std::int32_t last_day,
                                  std::uint32_t min_points, check_ins& scratch);

/// The trend r of a direction target: the least-squares slope of value over days times
/// the period's length, relative to the mean level (absolute when the mean is 0), signed
/// so that r > 0 is the wanted direction. None with fewer than two distinct days.
std::optional<double> trend_score(check_in_span points, std::int32_t period_days, trend wanted);

/// The compliance score of target t (scoring_method::compliance): progress = met / ended
/// over its sub-periods ended by A (a missing value counts as not met), reached when every
/// one is met; no data before the first one ends.
target_score compliance_score(const sub_period_table& table, std::size_t t,
                              std::int32_t as_of_day) noexcept;

// --- 3. judgement ----------------------------------------------------------------------

/// Expected progress on day A of [S, E], linear in days: clamp((A - S + 1) / (E - S + 1),
/// 0, 1) (period::elapsed_fraction).
double expected_by_days(std::int32_t as_of_day, std::int32_t first_day,
                        std::int32_t last_day) noexcept;

/// What the value whose progress is x depends on (value_at_progress).
struct linear_goal {
  target_kind kind;
  goal_kind goal;
  double goal_value;
  double baseline;  ///< NaN without one
  scoring_method method;
  std::size_t items;  ///< a milestone's checklist items
  bool weighted;      ///< a milestone's items have weights
};
/// The value whose progress is `expected` for the scorings linear in the value (by_goal
/// with or without a baseline, percent_of_target upward, a milestone of equal items):
/// from + expected (g - from), from the baseline or 0; NaN for the others
/// (evaluation.hpp's expected value).
double value_at_progress(const linear_goal& t, double expected) noexcept;

/// Expected progress and value of target t on day A by its expectation (evaluation.hpp,
/// "Time-phased targets"); the value is NaN where the target has none.
struct expectation_of_target {
  double progress = 0;
  double value = no_value;
};
/// `phases` is sub_periods_of's table (read for sub_periods and plan expectations),
/// `method` the target's scoring.
expectation_of_target expected_of(const target_table& targets, std::size_t t, expectation how,
                                  scoring_method method, const sub_period_table& phases,
                                  std::int32_t as_of_day) noexcept;

/// Where day A stands in a target's period: past its end (A > E), and closed (its result
/// final: achieved or missed) by evaluation.hpp's rule.
struct period_state {
  bool ended = false;
  bool closed = false;
};
/// The state on day A of a period ending on E; `decided_rating`: a rating target whose
/// round is decided.
period_state period_state_of(std::int32_t as_of_day, std::int32_t last_day, bool decided_rating,
                             const evaluation_policy& policy) noexcept;

/// True for the goals that hold or not at every date (at_most, within): met during the
/// period, they are only within so far.
[[nodiscard]] constexpr bool is_limit(goal_kind g) noexcept {
  return g == goal_kind::at_most || g == goal_kind::within;
}

/// A policy's judgement made ready for evaluate: its bands with the status each gives, as
/// an index into evaluation::status_definitions (the built-in statuses first, in the order
/// of target_status, then the policy's), and the category of every index.
struct judgement_scheme {
  struct band {
    status_band edges;
    std::uint16_t status = 0;
  };
  std::vector<band> open;               ///< bands while the period is open (empty: the margins)
  std::vector<band> closed;             ///< bands once it is closed (empty: achieved or missed)
  std::vector<target_status> category;  ///< per status index
  band_basis basis = band_basis::pace;

  /// The scheme of a valid policy (evaluation_policy::validate).
  static judgement_scheme of(const evaluation_policy& policy);
  /// The index of a built-in status.
  static constexpr std::uint16_t index(target_status s) noexcept {
    return static_cast<std::uint16_t>(s);
  }
};

/// The status of a target that has data, as an index into the scheme's statuses, by rules
/// 3-9 of evaluation.hpp and the policy's bands; `limit` for a numeric target whose goal
/// is_limit.
std::uint16_t judge(const target_score& score, double expected, period_state period, bool limit,
                    bool has_baseline, const evaluation_policy& policy,
                    const judgement_scheme& scheme) noexcept;

/// The status of a direction target with trend r (evaluation.hpp).
target_status judge_trend(double r, period_state period, const evaluation_policy& policy) noexcept;

// --- 4. roll-ups -----------------------------------------------------------------------

/// The results of every program and collective, from the targets' statuses and
/// progress and the tasks' statuses as of `as_of`.
struct rollups {
  std::vector<program_result> programs;
  std::vector<collective_result> collectives;
};
rollups roll_up(const plan& p, date as_of, std::span<const target_status> statuses,
                std::span<const double> progress);

/// The children of every parent node of one roll-up (rollup.hpp) with their weights, in
/// rows by parent: targets (a node's own) and nodes (its child programs or collectives),
/// and an order of the nodes in which every node comes after its children. Targets come
/// before nodes among a parent's children, each in id order.
struct rollup_graph {
  using matrix = Eigen::SparseMatrix<double, Eigen::RowMajor, std::int32_t>;
  /// parents x targets; for a tree (collectives), made from `owner` and `weight` on first
  /// use (index_owned_targets): evaluate gathers the targets in its own pass over them
  mutable matrix targets;
  matrix nodes;                        ///< parents x child nodes
  std::vector<std::uint32_t> order;    ///< children before parents
  std::vector<std::uint16_t> rule_of;  ///< each node's rule, an index into rollup_graphs::rules
  std::vector<std::uint32_t> owner;    ///< a tree's: each target's parent node
  std::vector<double> weight;          ///< a tree's: each target's weight (empty: all 1)
  bool owned = false;  ///< a tree: `targets` is made from `owner` (even with no targets)
  /// Makes `targets` from `owner` and `weight`, once (safe from several threads).
  void index_owned_targets() const;

 private:
  mutable std::once_flag indexed_;
};

/// The graphs of an evaluation's roll-up statuses and the rules they apply.
struct rollup_graphs {
  std::vector<rollup_rule> rules;
  rollup_graph programs;     ///< programs: own targets, implementing programs, alignments
  rollup_graph collectives;  ///< collectives: owned targets, child collectives
};

/// The graphs of plan `p` under `policy`, whose rollup is not empty.
/// @throws not_found naming an override's program or collective that is not in the plan.
std::shared_ptr<rollup_graphs> rollup_graphs_of(const plan& p, const evaluation_policy& policy);

/// What the rules read of the targets: their statuses, progress and expected progress as
/// evaluated.
struct rollup_facts {
  std::span<const target_status> status;
  std::span<const std::uint16_t> status_index;
  std::span<const double> progress;
  std::span<const double> expected;
};

/// How a graph names its nodes as children (a program's or a collective's id).
using node_naming = rollup_child (*)(std::uint32_t node);

/// The status of every node of graph `g` by its rule (rollup.hpp), by node id; `last_days`
/// are the targets' periods' last days (day numbers), read by the latest rule.
std::vector<rollup_status> rollup_statuses(const rollup_graph& g,
                                           std::span<const rollup_rule> rules,
                                           const rollup_facts& in,
                                           std::span<const std::int32_t> last_days,
                                           const judgement_scheme& scheme,
                                           const evaluation_policy& policy, node_naming name);

/// The status of every node of tree `g` (collectives), its targets read from the plan in
/// one pass (which also fills the graph's owner and weight columns).
std::vector<rollup_status> tree_rollup_statuses(rollup_graph& g, std::span<const rollup_rule> rules,
                                                const rollup_facts& in,
                                                std::span<const std::int32_t> last_days,
                                                const target_table& targets,
                                                const judgement_scheme& scheme,
                                                const evaluation_policy& policy, node_naming name);

/// The children of node `node` of `g` and their parts in its status; `statuses` are
/// the graph's nodes' (rollup_statuses).
std::vector<contribution> contributions_of(const rollup_graph& g,
                                           std::span<const rollup_rule> rules,
                                           const rollup_facts& in,
                                           std::span<const rollup_status> statuses,
                                           std::uint32_t node, node_naming name);

}  // namespace goaltrack::detail
