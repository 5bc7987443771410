#pragma once
// Private: the descriptions (schema.hpp) of the evaluation policies and what they hold
// (rating summaries, roll-up rules and overrides, statuses and bands) and of alignments.

#include <string_view>
#include <tuple>

#include "goaltrack/policy.hpp"
#include "goaltrack/rollup.hpp"
#include "schema_field.hpp"

namespace goaltrack::detail {

template <>
struct schema<rating_summary_spec> {
  static constexpr std::string_view kind = "rating summary";
  static constexpr std::tuple fields{
      field{"round",
            &rating_summary_spec::round,
            "the round whose ratings are summarised",
            {"scale, period", true, true}},
      field{"level", &rating_summary_spec::level, "\"this level or above\"", required_column},
      field{"counted_kind", &rating_summary_spec::counted_kind,
            "\"\" counts collectives of every kind"},
      field{"criterion", &rating_summary_spec::criterion,
            "how a collective qualifies: its own rating or its members' share"},
      field{"required_share", &rating_summary_spec::required_share,
            "for the member_share criterion"},
  };
};

template <>
struct schema<named_policy> {
  static constexpr std::string_view kind = "policy";
  static constexpr std::tuple fields{
      field{"code", &named_policy::code, "unique stable code", required_column},
      field{"policy", &named_policy::policy, "the thresholds and switches"},
  };
};

template <>
struct schema<evaluation_policy> {
  static constexpr std::string_view kind = "policy";
  static constexpr std::tuple fields{
      field{"on_track_margin", &evaluation_policy::on_track_margin,
            "on_track when progress >= expected - on_track_margin"},
      field{"at_risk_margin", &evaluation_policy::at_risk_margin,
            "at_risk when progress >= expected - at_risk_margin"},
      field{"not_started_before_start", &evaluation_policy::not_started_before_start,
            "report not_started before a target's period starts"},
      field{"missed_after_end", &evaluation_policy::missed_after_end,
            "report missed after a target's period ends unachieved"},
      field{"trend_tolerance", &evaluation_policy::trend_tolerance,
            "direction targets: a relative change over the period within +-tolerance is flat"},
      field{"rating_summaries",
            &evaluation_policy::rating_summaries,
            "rating summaries to compute besides those the rating targets need",
            {"policy_rating_summaries.csv", false, true}}
          .capped_by(&load_limits::rating_summaries),
      field{"close_at_period_end", &evaluation_policy::close_at_period_end,
            "a year-end review: a target is achieved or missed from its period's last day on"}
          .since(3),
      field{"basis", &evaluation_policy::basis,
            "what the bands divide: progress against expected progress (pace), or progress"}
          .since(4),
      field{"reached_is_achieved", &evaluation_policy::reached_is_achieved,
            "a target whose progress reaches 1 while its period is open is achieved"}
          .since(4),
      field{"statuses",
            &evaluation_policy::statuses,
            "the policy's own statuses, which its bands may give besides the built-in ones",
            {"policy_statuses.csv", false, true}}
          .since(4)
          .capped_by(&load_limits::policy_statuses),
      field{"bands",
            &evaluation_policy::bands,
            "bands on the score line (status.hpp), for the open and the closed phase",
            {"policy_bands.csv", false, true}}
          .since(4)
          .capped_by(&load_limits::policy_bands),
      field{"minimum_points", &evaluation_policy::minimum_points,
            "a measured target with fewer check-ins (days with a measurement) than this in its "
            "period up to the as-of date has no_data"}
          .since(5),
      field{"forecast_min_points", &evaluation_policy::forecast_min_points,
            "forecast every numeric and milestone target with at least this many check-ins in "
            "its period up to the as-of date"}
          .since(5),
      field{"rollup", &evaluation_policy::rollup,
            "the roll-up rule of every program and collective not overridden: a built-in "
            "rule's code or one of rollup_rules; \"none\" for none"}
          .since(8),
      field{"rollup_rules",
            &evaluation_policy::rollup_rules,
            "the policy's own roll-up rules, besides the built-in ones",
            {"policy_rollup_rules.csv", false, true}}
          .since(8)
          .capped_by(&load_limits::rollup_rules),
      field{"rollup_overrides",
            &evaluation_policy::rollup_overrides,
            "programs and collectives that roll up by another rule than `rollup`",
            {"policy_rollup_overrides.csv", false, true}}
          .since(8)
          .capped_by(&load_limits::rollup_overrides),
  };
};

template <>
struct schema<rollup_rule> {
  static constexpr std::string_view kind = "roll-up rule";
  static constexpr std::tuple fields{
      field{"code", &rollup_rule::code,
            "unique stable code within its policy, e.g. \"four_of_five\"", required_column},
      field{"method", &rollup_rule::method, "how the status comes", required_column},
      field{"exclude_not_started", &rollup_rule::exclude_not_started,
            "children not started are not counted"},
      field{"exclude_no_data", &rollup_rule::exclude_no_data,
            "children without data are not counted"},
      field{"required_share", &rollup_rule::required_share, "share_achieved: the share to reach"},
      field{"required_count", &rollup_rule::required_count, "count_achieved: k, at least 1"},
  };
};

template <>
struct schema<rollup_override> {
  static constexpr std::string_view kind = "roll-up override";
  static constexpr std::tuple fields{
      field{"scope", &rollup_override::scope, "a program or a collective", required_column},
      field{"code", &rollup_override::code, "the program's or collective's code", required_column},
      field{"rule", &rollup_override::rule, "a built-in rule's code or one of the policy's",
            required_column},
  };
};

template <>
struct schema<alignment> {
  static constexpr std::string_view kind = "alignment";
  static constexpr std::tuple fields{
      field{"target", &alignment::target, "the target that counts toward `parent`, or none"},
      field{"program", &alignment::program, "the program that counts toward `parent`, or none"},
      field{"parent", &alignment::parent, "the program it counts toward", required_column},
      field{"weight", &alignment::weight, "its weight in the parent's weighted mean (finite, > 0)"},
  };
};

template <>
struct schema<status_definition> {
  static constexpr std::string_view kind = "status";
  static constexpr std::tuple fields{
      field{"code", &status_definition::code,
            "unique stable code within its policy, e.g. \"slightly_below\"", required_column},
      field{"label_en", &status_definition::label_en,
            "English label, e.g. \"slightly below target\""},
      field{"label_vi", &status_definition::label_vi, "Vietnamese label, e.g. \"gần đạt\""},
      field{"colour", &status_definition::colour, "\"#rrggbb\", or \"\" for none"},
      field{"category", &status_definition::category,
            "what it counts as in roll-ups (neither not_started nor no_data)"},
  };
};

template <>
struct schema<status_band> {
  static constexpr std::string_view kind = "band";
  static constexpr std::tuple fields{
      field{"status", &status_band::status,
            "the status it gives: a code of the policy's statuses or a built-in one",
            required_column},
      field{"lower", &status_band::lower, "lower edge (-inf: none)"}.may_be_infinite(),
      field{"upper", &status_band::upper, "upper edge (+inf: none)"}.may_be_infinite(),
      field{"lower_inclusive", &status_band::lower_inclusive, "the lower edge is in the band"},
      field{"upper_inclusive", &status_band::upper_inclusive, "the upper edge is in the band"},
      field{"phase", &status_band::phase, "while the period is open, or once it is closed"},
  };
};

}  // namespace goaltrack::detail
