#pragma once
/// @file
/// Progress evaluation as of a date: goaltrack::evaluate(plan, as_of, policy).
///
/// For each target, with as-of day A and the target's period [S, E]:
/// - actual, by the target's aggregation over time (target::over_time, target.hpp):
///   `latest` (the default) is the value of the last measurement dated on or before A
///   (ties on the same day: the one added last); the others aggregate the measurements
///   dated in [S, min(A, E)], one per day (the one added last), and have no actual when
///   there is none. Ratios: numerator / denominator, never an average of percentages.
///   Rating targets: counted from the rating round of the target's scale and period, once
///   decided (decided_on <= A).
/// - progress: by the target's scoring (target.hpp); clamped progress is progress
///   limited to [0, 1].
/// - expected progress, by the target's expectation (target::expected_by): `days` (the
///   default) clamp((A - S + 1) / (E - S + 1), 0, 1) (period::elapsed_fraction); the
///   others are under "Time-phased targets" below. The expected value (in a plan with a
///   time-phased target: sub-periods, or an expectation other than days) is the value whose
///   progress that is, where the scoring is linear in the value: b + x (g - b) by_goal with
///   a baseline, x g for at_least without one (g > 0) and percent_of_target upward, x n
///   items for a milestone of equal items; none for the others.
/// - the period is closed when A > E and policy.missed_after_end, or, with
///   policy.close_at_period_end (a year-end review), from A = E on, and for a rating
///   target as soon as its round is decided.
/// - a limit is a goal at_most or within: it holds or not at every date, so meeting it
///   during the period is provisional.
/// - status, decided in this order:
///   1. not_started    if A < S                   (when policy.not_started_before_start)
///   2. no_data        if there is no actual or no progress (open_sdg without two years),
///                     or a measured target has fewer check-ins (days with a
///                     measurement) in [S, min(A, E)] than policy.minimum_points
///   3. within_so_far  if a limit is met and the period has neither ended nor closed
///   4. achieved       if progress >= 1 (rating targets: the share or count is reached,
///                     compared exactly in integers; open_sdg: the goal is met)
///   5. missed         if the period is closed
///   6. off_track      if a limit without a baseline is not met (violated so far)
///   7. on_track       if progress >= expected - policy.on_track_margin
///   8. at_risk        if progress >= expected - policy.at_risk_margin
///   9. off_track      otherwise.
///   Direction targets scored open_sdg (target.hpp) have progress and follow rules 1-9.
///   Other direction targets have no progress: with fewer than two measurements in [S, A]
///   no_data; else the least-squares slope of value over days, in the wanted direction,
///   as a change over the whole period relative to the mean level, r; once A > E or the
///   period is closed, achieved if r > tolerance, else missed when closed and off_track
///   when not; before, on_track if r > tolerance, at_risk if |r| <= tolerance, off_track
///   if r < -tolerance.
///
/// Time-phased targets: a numeric or milestone target may have sub-periods s_k..e_k that
/// tile its period (target::sub_periods; split_period makes months, quarters, half-years),
/// and a planned level P_k by each one's end (target::planned: the values themselves, or
/// the baseline (0 without one) plus the values up to k, by target::planned_as). As of A:
/// - each sub-period's own value aggregates the check-ins in [s_k, min(A, e_k)], its
///   to-date value those in [S, min(A, e_k)] (DHIS2's yearToDate), by the target's
///   aggregation (`latest` reads the last of them); none before s_k or without check-ins;
/// - expected progress by `sub_periods` is k / n, k of its n sub-periods ended by A
///   (e_k <= A), as DHIS2's [periodInYear] / [yearlyPeriodCount] ("in February this gives
///   #{b} * 2 / 12", DHIS2 manual, "Indicators: year to date"): on a sub-period's last day k
///   counts it, as a DHIS2 report for that period does; by `plan`, the progress of the
///   planned level on A, P_(k-1) + (P_k - P_(k-1)) (A - s_k + 1) / (e_k - s_k + 1) in the
///   sub-period holding A (P_0 the baseline or 0), which is also the expected value; by
///   `at_end`, 0 before E and 1 from E on (due only at the end);
/// - an ended sub-period is met, for a target scored compliance, when its own value meets
///   the goal (>= g upward, <= g downward, within [lo, hi] for a range); for a target with a
///   plan, when its to-date value reaches P_k (>= upward and for milestones, <= downward);
///   without a value it is not met;
/// - scoring compliance ("maintain": keep coverage at least 95% every month) gives progress
///   = met / ended over the sub-periods ended by A, no data before the first ends, and is
///   judged as a limit: within_so_far while every ended one is met and the period is open,
///   off_track when one is not, achieved or missed (all met) once closed.
///
/// Roll-ups: per program, its own tasks and targets and those of the programs that
/// implement it (the cascade); per collective, its own and its whole subtree's. The mean
/// progress is over the targets that have progress and are not not_started (a target
/// whose period has not begun is counted by its status only, even when a figure was
/// measured before its start). Task figures are as of A (task_tally.hpp: a task counts
/// once assigned; completed on time or late, overdue, not yet due; cancelled tasks apart).
/// Each program and collective also gets a status of its own from its children by the
/// policy's roll-up rule (rollup.hpp: weighted mean, worst, best, latest, all, share or
/// count achieved; evaluation::status_of, contributions), over its own targets, its child
/// programs or collectives and what is aligned to it (plan::add_alignment).
///
/// Values up the tree: an aggregate target (target::over_tree) takes, as its actual as of
/// A, the aggregate of the actuals of its indicator's targets of its period in its owner's
/// subtree (tree_aggregation, target.hpp), before it is scored; tree_values gives every
/// collective's.
///
/// Results are deterministic: the same plan, date and policy give the same bits.

#include <array>
#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <variant>
#include <vector>

#include "goaltrack/assessment.hpp"
#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/period.hpp"
#include "goaltrack/policy.hpp"
#include "goaltrack/rate.hpp"
#include "goaltrack/rating.hpp"
#include "goaltrack/rollup.hpp"
#include "goaltrack/status.hpp"
#include "goaltrack/target.hpp"
#include "goaltrack/task_tally.hpp"

namespace goaltrack {

class plan;
namespace detail {
struct evaluation_builder;
struct rollup_graphs;
}  // namespace detail

/// How a direction target's level moved over its check-ins in [S, A] (at least two days):
/// "from 48 to 42, -12.5%" (describe_change, report.hpp).
struct GOALTRACK_API level_change {
  date first_date;   ///< the day of the first check-in
  double first = 0;  ///< its value (on one day, the one added last)
  date last_date;    ///< the day of the last check-in
  double last = 0;   ///< its value
  /// The least-squares slope of value over days, per day (the line the trend r reads).
  double slope_per_day = 0;
  /// last - first.
  [[nodiscard]] double change() const noexcept { return last - first; }
  /// (last - first) / |first|; none when first is 0.
  [[nodiscard]] std::optional<double> relative_change() const noexcept;
  friend bool operator==(const level_change&, const level_change&) = default;
};

/// A target's actual projected to its period's last day E by the least-squares line
/// through its check-ins in [S, min(A, E)] (one per day), when the policy asks for it
/// (evaluation_policy::forecast_min_points). The line is fitted to the values (a ratio's
/// fractions), or to the running total for aggregation sum and the running count for
/// count, over days.
struct GOALTRACK_API target_forecast {
  double value = 0;  ///< the line's value on E
  /// The standard error of that prediction, s sqrt(1 + 1/n + (E - d)^2 / Sxx), with s^2
  /// the residual sum of squares / (n - 2), d the mean day and Sxx the sum of squared
  /// deviations of the days (Montgomery & Runger, Applied Statistics, 11-5.2).
  double spread = 0;
  std::optional<double> progress;  ///< progress of `value` by the target's scoring
  /// achieved when `value` reaches the goal (progress >= 1, open_sdg: the goal met), else
  /// missed: the status the period would close with on this trend.
  target_status status = target_status::missed;
  std::uint32_t points = 0;  ///< the check-ins fitted (n)
  friend bool operator==(const target_forecast&, const target_forecast&) = default;
};

/// One sub-period of a time-phased target (target::sub_periods) as of the evaluated day A
/// (the rules under "Time-phased targets" above).
struct GOALTRACK_API sub_period_result {
  period span = period::year(2020);  ///< the sub-period
  bool ended = false;                ///< its last day is on or before A
  /// The aggregate of its own check-ins up to A; none before it starts or without any.
  std::optional<double> value;
  /// The aggregate of the period's check-ins up to its end (or A): the year-to-date value.
  std::optional<double> to_date;
  /// The planned level by its end; none without a plan.
  std::optional<double> planned;
  /// Ended sub-periods of a target scored compliance (`value` meets the goal) or with a
  /// plan (`to_date` reaches `planned`); none otherwise.
  std::optional<bool> met;
  friend bool operator==(const sub_period_result&, const sub_period_result&) = default;
};

/// The evaluation of one target.
struct GOALTRACK_API target_result {
  target_id target;
  /// The category of its status: what roll-ups count.
  target_status status = target_status::no_data;
  /// The code of its status: a built-in one (to_string(status)) or one of the policy's
  /// statuses (evaluation::status_definitions).
  std::string status_code;
  /// The actual value: the amount (quantity, money), the fraction (ratio,
  /// member_share), the items done (milestone), the number of qualifying collectives
  /// (collective_count), the last level (direction). None without data.
  std::optional<double> actual;
  /// Ratio and rating targets: the parts of the actual (numerator / denominator).
  std::optional<double> numerator;
  std::optional<double> denominator;
  /// The day of the measurement used (numeric, milestone and direction targets).
  std::optional<date> actual_date;
  /// Progress by the target's formula; none without data and for direction targets.
  std::optional<double> progress;
  /// progress limited to [0, 1].
  std::optional<double> clamped_progress;
  /// Expected progress at the as-of date, by the target's expectation (linear in days by
  /// default).
  double expected = 0;
  /// The value whose progress is `expected` (the planned level with expected_by plan);
  /// none where the scoring is not linear in the value, and unless the plan has a
  /// time-phased target (one with sub-periods or an expectation other than days).
  std::optional<double> expected_value;
  /// Time-phased targets: each sub-period's result, in order (empty for the others).
  std::vector<sub_period_result> sub_periods;
  /// Direction targets with check-ins on two days or more: how the level moved.
  std::optional<level_change> change;
  /// Numeric and milestone targets (not scored compliance), when the policy forecasts and
  /// the target has enough check-ins: the projection to the period's last day.
  std::optional<target_forecast> forecast;
  /// The judgement made by hand in force as of the evaluated day (assessment.hpp), beside
  /// the computed status: the latest made on or before it (on one day, the one added last).
  std::optional<goaltrack::assessment> assessment;
};

/// Counts of targets by status.
struct GOALTRACK_API status_counts {
  std::array<std::uint32_t, target_status_count> by_status{};
  [[nodiscard]] std::uint32_t operator[](target_status s) const noexcept {
    return by_status[static_cast<std::size_t>(s)];
  }
  /// Number of targets counted.
  [[nodiscard]] std::uint32_t total() const noexcept;
  /// The share of the targets with status `s` among those counted but the statuses
  /// `excluded`, exactly: achieved / (total - not_started - no_data) by default ("the share
  /// of targets achieved, leaving out those not started or without data").
  [[nodiscard]] rate share(target_status s, std::span<const target_status> excluded =
                                                default_share_exclusions) const noexcept;
  /// The statuses share() leaves out of its denominator by default.
  static constexpr std::array<target_status, 2> default_share_exclusions{target_status::not_started,
                                                                         target_status::no_data};
  friend bool operator==(const status_counts&, const status_counts&) = default;
};

/// Roll-up of a set of targets: counts by status and the mean clamped progress, plain and
/// weighted by the targets' weights (target::weight). Key results weighted 3 and 1 at 30%
/// and 90% have the weighted mean (3 x 0.3 + 1 x 0.9) / 4 = 45%, the plain one 60%.
struct GOALTRACK_API target_rollup {
  // Aligned to a cache line: a roll-up (64 bytes) updated per target is one line, not two.
  alignas(64) status_counts statuses;
  /// sum of clamped progress over targets that have progress and are neither not_started
  /// nor within_so_far
  double progress_sum = 0;
  std::uint32_t with_progress = 0;  ///< the number of targets in progress_sum
  /// sum of weight x clamped progress over the same targets
  double weighted_progress_sum = 0;
  double weight_sum = 0;  ///< sum of their weights
  /// progress_sum / with_progress; none when no target has progress.
  [[nodiscard]] std::optional<double> mean_progress() const noexcept;
  /// weighted_progress_sum / weight_sum; none when no target has progress. Equal to
  /// mean_progress when every weight is the same.
  [[nodiscard]] std::optional<double> weighted_mean_progress() const noexcept;
  void add(const target_rollup& other) noexcept;
};

/// The evaluation of a program: own, and over its cascade (itself and every program
/// that implements it, directly or not).
struct GOALTRACK_API program_result {
  program_id program;
  task_tally own_tasks;
  task_tally cascade_tasks;
  target_rollup own_targets;
  target_rollup cascade_targets;
};

/// The evaluation of a collective: own (owned by it) and over its subtree.
struct GOALTRACK_API collective_result {
  collective_id collective;
  task_tally own_tasks;
  task_tally subtree_tasks;
  target_rollup own_targets;
  target_rollup subtree_targets;
};

/// A child of a program or collective: a target, a program or a collective.
using rollup_child = std::variant<target_id, program_id, collective_id>;

/// A program's or collective's status by its roll-up rule (rollup.hpp).
struct GOALTRACK_API rollup_status {
  /// The category of its status: what it counts as in its parent's rule.
  target_status status = target_status::no_data;
  /// Its status as an index into evaluation::status_definitions: a child's own status
  /// (worst, best, latest) keeps its code.
  std::uint16_t status_index = static_cast<std::uint16_t>(target_status::no_data);
  /// The rule's score: the weighted mean of the children's scores, a / k for the count
  /// rules, the chosen child's for worst, best and latest; none without one.
  std::optional<double> score;
  /// The weighted mean of the expected progress of the children averaged (those counted
  /// with a score); none when there is none.
  std::optional<double> expected;
  std::uint32_t counted = 0;   ///< the children counted (not excluded by the rule)
  std::uint32_t achieved = 0;  ///< of those, the achieved
  /// worst, best, latest (and weighted_mean without a score): the child whose status it took.
  std::optional<rollup_child> decided_by;
  friend bool operator==(const rollup_status&, const rollup_status&) = default;
};

/// One child's part in its parent's status (evaluation::contributions). The points of a
/// parent's children add up to its score.
struct GOALTRACK_API contribution {
  rollup_child child;  ///< the target, program or collective
  double weight = 1;   ///< its weight toward the parent (rollup.hpp)
  /// The category of its status, and its status as an index into status_definitions.
  target_status status = target_status::no_data;
  std::uint16_t status_index = static_cast<std::uint16_t>(target_status::no_data);
  /// Its score as its parent reads it: clamped progress, or its own rule's score clamped
  /// to [0, 1]; none without one.
  std::optional<double> score;
  bool counted = false;  ///< counted by the parent's rule (its status not excluded)
  /// Its points in the parent's score: weight x score / the counted weights (weighted_mean),
  /// 1 / k when achieved (the count rules), the score of the child whose status the parent
  /// took (worst, best, latest); 0 otherwise.
  double points = 0;
  /// points / the parent's score ("share of the parent's score"); none when that is 0 or none.
  std::optional<double> share;
  /// worst, best, latest: this child's status is the parent's.
  bool decisive = false;
  friend bool operator==(const contribution&, const contribution&) = default;
};

/// Ratings per collective for one rating_summary_spec (or one rating target's needs).
/// Columns indexed by collective id. "ok" means rated the level or above.
struct GOALTRACK_API rating_tally {
  rating_summary_spec spec;
  bool decided = false;  ///< false when the round is not decided as of the date (all zero)
  std::vector<std::uint32_t> members;  ///< members of the collective itself
  std::vector<std::uint32_t> members_ok;
  std::vector<std::uint64_t> subtree_members;  ///< members in its subtree (itself included)
  std::vector<std::uint64_t> subtree_members_ok;
  std::vector<std::uint8_t> qualifies;  ///< 1 when of the counted kind and meeting the criterion
  std::vector<std::uint32_t> children_counted;  ///< direct children of the counted kind
  std::vector<std::uint32_t> children_ok;       ///< ... that qualify
  std::vector<std::uint32_t> below_counted;     ///< collectives of the counted kind below it
  std::vector<std::uint32_t> below_ok;          ///< ... that qualify
};

/// The result of evaluate(): per target, per program, per collective, and the rating
/// summaries, in columns indexed by id (bulk readers use the spans).
class GOALTRACK_API evaluation {
 public:
  /// The day evaluated.
  [[nodiscard]] date as_of() const noexcept { return as_of_; }
  /// The policy used.
  [[nodiscard]] const evaluation_policy& policy() const noexcept { return policy_; }

  /// Number of targets evaluated (the plan's target count).
  [[nodiscard]] std::size_t target_count() const noexcept { return status_.size(); }
  /// The result of one target. @throws not_found for an unknown id.
  [[nodiscard]] target_result target(target_id id) const;
  /// Status of every target (its category, which roll-ups count).
  [[nodiscard]] std::span<const target_status> statuses() const noexcept { return status_; }
  /// The status of every target as an index into status_definitions().
  [[nodiscard]] std::span<const std::uint16_t> status_indices() const noexcept {
    return status_index_;
  }
  /// The statuses a target can have: the eight built-in ones (builtin_status), in the
  /// order of target_status, then the policy's own (evaluation_policy::statuses).
  [[nodiscard]] std::span<const status_definition> status_definitions() const noexcept {
    return definitions_;
  }
  /// Actual of every target; NaN where none.
  [[nodiscard]] std::span<const double> actuals() const noexcept { return actual_; }
  /// The numerator of every ratio and rating target's actual (target_result::numerator);
  /// NaN where none. Empty when the plan has no ratio or rating target.
  [[nodiscard]] std::span<const double> numerators() const noexcept { return numerator_; }
  /// The denominators, as numerators().
  [[nodiscard]] std::span<const double> denominators() const noexcept { return denominator_; }
  /// Progress of every target; NaN where none.
  [[nodiscard]] std::span<const double> progress() const noexcept { return progress_; }
  /// Expected progress of every target.
  [[nodiscard]] std::span<const double> expected() const noexcept { return expected_; }
  /// Expected value of every target (target_result::expected_value); NaN where none. Empty
  /// unless the plan has a time-phased target (sub-periods, or expected_by other than days).
  [[nodiscard]] std::span<const double> expected_values() const noexcept { return expected_value_; }
  /// The sub-periods of time-phased targets in columns: target t's are rows
  /// [sub_period_offsets()[t], sub_period_offsets()[t + 1]) of the three columns below.
  /// Empty when no target has sub-periods.
  [[nodiscard]] std::span<const std::uint32_t> sub_period_offsets() const noexcept {
    return sub_begin_;
  }
  /// Each sub-period's own value (sub_period_result::value); NaN where none.
  [[nodiscard]] std::span<const double> sub_period_values() const noexcept { return sub_own_; }
  /// Each sub-period's to-date value; NaN where none.
  [[nodiscard]] std::span<const double> sub_period_to_date() const noexcept { return sub_to_date_; }
  /// Each sub-period's planned level; NaN where none.
  [[nodiscard]] std::span<const double> sub_period_planned() const noexcept { return sub_planned_; }
  /// The least-squares slope per day of every direction target's check-ins; NaN for the
  /// others and with fewer than two days (level_change::slope_per_day). Empty when the
  /// plan has no direction target.
  [[nodiscard]] std::span<const double> slopes() const noexcept { return slope_; }
  /// The forecast value of every target (target_forecast::value); NaN where none. Empty
  /// unless the policy forecasts.
  [[nodiscard]] std::span<const double> forecast_values() const noexcept { return forecast_value_; }
  /// The forecast spread of every target (target_forecast::spread); NaN where none. Empty
  /// unless the policy forecasts.
  [[nodiscard]] std::span<const double> forecast_spreads() const noexcept {
    return forecast_spread_;
  }
  /// Counts over all targets.
  [[nodiscard]] status_counts overall() const noexcept;

  /// @throws not_found for an unknown id.
  [[nodiscard]] const program_result& program(program_id id) const;
  [[nodiscard]] std::span<const program_result> programs() const noexcept { return programs_; }
  /// @throws not_found for an unknown id.
  [[nodiscard]] const collective_result& collective(collective_id id) const;
  [[nodiscard]] std::span<const collective_result> collectives() const noexcept {
    return collectives_;
  }
  /// Every program's status by its roll-up rule (policy().rollup and its overrides), by id;
  /// empty when the policy has no rule (rollup "none").
  [[nodiscard]] std::span<const rollup_status> program_statuses() const noexcept {
    return program_status_;
  }
  /// Every collective's status by its roll-up rule, by id; empty as above.
  [[nodiscard]] std::span<const rollup_status> collective_statuses() const noexcept {
    return collective_status_;
  }
  /// A program's status by its rule.
  /// @throws not_found for an unknown id, or when the policy has no roll-up rule.
  [[nodiscard]] const rollup_status& status_of(program_id id) const;
  /// A collective's status by its rule; throws as above.
  [[nodiscard]] const rollup_status& status_of(collective_id id) const;
  /// The rule a program rolls up by; throws as above.
  [[nodiscard]] const rollup_rule& rule_of(program_id id) const;
  /// The rule a collective rolls up by; throws as above.
  [[nodiscard]] const rollup_rule& rule_of(collective_id id) const;
  /// A program's children, each with its weight, score and part in the program's status
  /// (its own targets in id order, then the aligned targets, then its child and aligned
  /// programs); throws as above.
  [[nodiscard]] std::vector<contribution> contributions(program_id id) const;
  /// A collective's children (its targets, then its child collectives); throws as above.
  [[nodiscard]] std::vector<contribution> contributions(collective_id id) const;

  /// The summaries asked for in policy().rating_summaries, in that order.
  [[nodiscard]] std::span<const rating_tally> rating_summaries() const noexcept {
    return summaries_;
  }

 private:
  friend struct detail::evaluation_builder;
  date as_of_;
  evaluation_policy policy_;
  std::vector<target_status> status_;
  std::vector<std::uint16_t> status_index_;
  std::vector<status_definition> definitions_;
  std::vector<double> actual_;
  std::vector<double> numerator_;
  std::vector<double> denominator_;
  std::vector<std::int32_t> actual_day_;
  std::vector<double> progress_;
  std::vector<double> expected_;
  // Expected values (empty unless a target is time-phased: a plan of none allocates no
  // column it does not use, whose pages would be faulted in for every evaluation).
  std::vector<double> expected_value_;
  // Time-phased targets' sub-periods (empty without any).
  std::vector<std::uint32_t> sub_begin_;
  std::vector<period> sub_span_;
  std::vector<double> sub_own_;
  std::vector<double> sub_to_date_;
  std::vector<double> sub_planned_;
  std::vector<std::int8_t> sub_met_;
  // Direction targets' level changes (empty without direction targets).
  std::vector<std::int32_t> first_day_;
  std::vector<double> first_;
  std::vector<std::int32_t> last_day_;
  std::vector<double> last_;
  std::vector<double> slope_;
  // Forecasts (empty unless the policy forecasts).
  std::vector<double> forecast_value_;
  std::vector<double> forecast_spread_;
  std::vector<double> forecast_progress_;
  std::vector<std::uint32_t> forecast_points_;
  std::vector<std::uint8_t> forecast_reached_;
  // The assessments in force, and each target's row in them (empty without assessments).
  std::vector<goaltrack::assessment> assessments_;
  std::vector<std::uint32_t> assessment_of_;
  std::vector<program_result> programs_;
  std::vector<collective_result> collectives_;
  std::vector<rating_tally> summaries_;
  // Roll-up statuses and the graphs that gave them (absent when the policy has no rule).
  std::vector<rollup_status> program_status_;
  std::vector<rollup_status> collective_status_;
  std::shared_ptr<const detail::rollup_graphs> rollup_graphs_;
};

/// The value of target `t` whose progress is `expected` (its expected value, as above):
/// b + x (g - b) by_goal with a baseline, x g for at_least without one (g > 0) and
/// percent_of_target upward, x n for a milestone of n equal items; none for the others.
/// What target_result::expected_value holds in a plan with a time-phased target, for any
/// plan: expected_value(plan.get(id), result.expected).
GOALTRACK_API std::optional<double> expected_value(const target& t, double expected);

/// An indicator's values up the organisation tree as of evaluation `ev` of plan `p`
/// (tree_aggregation, target.hpp): for each collective, by id, `how` over the actuals of the
/// targets of `indicator` and period `span` owned in its subtree (it included) that are not
/// aggregates themselves; NaN where none reports. A ratio's sum is the sum of its
/// numerators over the sum of its denominators. An aggregate target of that indicator,
/// period and aggregation has its owner's value as its actual. Linear in targets and
/// collectives.
/// @throws invalid_argument when `how` is none, or `ev` has not as many targets as `p`.
GOALTRACK_API std::vector<double> tree_values(const plan& p, const evaluation& ev,
                                              std::string_view indicator, const period& span,
                                              tree_aggregation how);

/// Evaluates every target, program and collective of `p` as of the end of day `as_of`.
/// @throws invalid_argument when the policy is invalid or a summary names an unknown
///         round or a level not on its scale.
GOALTRACK_API evaluation evaluate(const plan& p, date as_of, const evaluation_policy& policy = {});

/// Evaluates with the policy the plan keeps under `policy_code` (plan::add_policy).
/// @throws not_found when the plan has no such policy.
GOALTRACK_API evaluation evaluate(const plan& p, date as_of, std::string_view policy_code);

}  // namespace goaltrack
