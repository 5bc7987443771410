#pragma once
/// @file
/// Evaluation policies as data: the thresholds and switches evaluate() applies, and the
/// rating summaries it computes. A plan can keep named policies (plan::add_policy) so that
/// a department's rules travel with its plan.

#include <cstdint>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/rating.hpp"
#include "goaltrack/rollup.hpp"
#include "goaltrack/status.hpp"
#include "goaltrack/target.hpp"

namespace goaltrack {

/// A request to summarise ratings per collective without a target: how many members
/// are rated `level` or above, and how many collectives (of `counted_kind`) qualify.
struct GOALTRACK_API rating_summary_spec {
  round_id round;            ///< the round whose ratings are summarised
  rating_level level;        ///< "this level or above"
  std::string counted_kind;  ///< "" counts collectives of every kind
  /// how a collective qualifies: its own rating or its members' share
  collective_criterion criterion = collective_criterion::own_rating;
  share required_share = share::percent(100);  ///< for the member_share criterion
  friend bool operator==(const rating_summary_spec&, const rating_summary_spec&) = default;
};

/// The thresholds and switches of evaluation. The defaults are documented per field.
struct GOALTRACK_API evaluation_policy {
  /// on_track when progress >= expected - on_track_margin. Default 0.10.
  double on_track_margin = 0.10;
  /// at_risk when progress >= expected - at_risk_margin. Default 0.25.
  double at_risk_margin = 0.25;
  /// Report not_started before a target's period starts. Default true.
  bool not_started_before_start = true;
  /// Report missed after a target's period ends unachieved. Default true.
  bool missed_after_end = true;
  /// A measured target with fewer check-ins (days with a measurement) than this in its
  /// period up to the as-of date has no_data (a series too short to judge). Default 0:
  /// any one measurement suffices.
  std::uint32_t minimum_points = 0;
  /// Direction targets: a relative change over the period within +-tolerance is flat.
  /// Default 0.02 (2%).
  double trend_tolerance = 0.02;
  /// Rating summaries to compute besides those the rating targets need.
  std::vector<rating_summary_spec> rating_summaries;
  /// A year-end review: a target is achieved or missed from its period's last day on (its
  /// period is closed then), and a rating target once its round is decided; never on track.
  /// Off by default (then a target is judged missed from the day after its period); on
  /// in the "year_end_review" preset (policy_preset).
  bool close_at_period_end = false;
  /// What the bands divide: progress against expected progress (pace), or progress.
  /// Default pace.
  band_basis basis = band_basis::pace;
  /// A target whose progress reaches 1 while its period is open is achieved, before any
  /// open band applies (today's rule). Default true; false lets the bands decide (a RAG
  /// that shows a reached target green).
  bool reached_is_achieved = true;
  /// Forecast every numeric and milestone target with at least this many check-ins in its
  /// period up to the as-of date (target_result::forecast). Default 0: no forecast; else
  /// at least 3 (a spread needs a residual).
  std::uint32_t forecast_min_points = 0;
  /// The policy's own statuses, which its bands may give besides the built-in ones.
  std::vector<status_definition> statuses;
  /// Bands on the score line (status.hpp), for the open and the closed phase. A phase
  /// without bands keeps today's rules: on_track / at_risk / off_track by the margins
  /// while open, achieved / missed once closed.
  std::vector<status_band> bands;
  /// The roll-up rule of every program and collective not overridden: a built-in rule's
  /// code or one of rollup_rules; "none" for none (rollup.hpp). A built-in rule's code is
  /// its method's ("weighted_mean", "worst", ...); with "none" (no_rollup) programs and
  /// collectives get no status of their own, only counts and means. Default
  /// "weighted_mean".
  std::string rollup = "weighted_mean";
  /// The policy's own roll-up rules, besides the built-in ones.
  std::vector<rollup_rule> rollup_rules;
  /// Programs and collectives that roll up by another rule than `rollup`.
  std::vector<rollup_override> rollup_overrides;

  /// Checks the policy on its own (plan::add_policy also checks that its rounds and
  /// levels exist).
  /// @throws invalid_argument naming `name` and the field: margins not finite, negative,
  ///         or at_risk_margin < on_track_margin; tolerance not finite or negative; a
  ///         summary's required share with a zero denominator or above 100%; a status
  ///         with an empty, repeated or built-in code, a colour not "#rrggbb", or the
  ///         category not_started or no_data; a band naming an unknown status, with a NaN
  ///         edge or lower > upper; the bands of a phase that leave a gap or overlap
  ///         (naming both bands and the point); forecast_min_points of 1 or 2; a roll-up
  ///         rule with an empty, repeated or built-in code, a required share of 0 or above
  ///         100%, or a required count of 0; a default or override naming a rule unknown to
  ///         the policy; overrides without a default rule, or two for one entity.
  void validate(std::string_view name = "policy") const;

  friend bool operator==(const evaluation_policy&, const evaluation_policy&) = default;
};

/// The codes of the shipped presets, in order:
/// - "default": evaluation_policy{};
/// - "year_end_review": the default with close_at_period_end on, for a review written on
///   31 December, as the origin document's annual review is;
/// - "okr": key results graded when their period closes, as Google grades them (Doerr,
///   "Measure What Matters", 2018): statuses green (progress >= 0.7, counted achieved),
///   yellow ([0.4, 0.7), missed) and red (< 0.4, missed); the default margins while open;
/// - "rag": red / amber / green by pace while the period is open, at the default margins
///   (counted on_track / at_risk / off_track), a reached target green until it closes;
/// - "performance_report": a performance report's year-end judgement by progress (actual
///   / target), as the US Department of Commerce's FY 2007 Performance and Accountability
///   Report colours its measures: exceeded (> 125%, counted achieved), met ([100%, 125%],
///   achieved), slightly_below ([95%, 100%), missed), not_met (< 95%, missed), once the
///   period closes on its last day; the default margins while it is open;
/// - "open_sdg": the Open SDG / Statistics Canada statuses for targets scored open_sdg
///   (target.hpp), by progress = score / 5: substantial_progress "on track" (score >= 2.5,
///   counted on_track), moderate_progress "progress made but acceleration needed" ([0, 2.5),
///   at_risk), limited_progress ([-2.5, 0), off_track), deterioration (< -2.5, off_track);
///   a target met is achieved.
GOALTRACK_API std::span<const std::string_view> policy_preset_codes() noexcept;

/// The shipped preset with this code (policy_preset_codes).
/// @throws not_found naming the code and the known ones.
GOALTRACK_API evaluation_policy policy_preset(std::string_view code);

/// A policy kept in a plan under a code.
struct GOALTRACK_API named_policy {
  std::string code;          ///< unique stable code
  evaluation_policy policy;  ///< the thresholds and switches
  friend bool operator==(const named_policy&, const named_policy&) = default;
};

}  // namespace goaltrack
