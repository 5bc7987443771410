// evaluation.hpp: evaluate(plan, as_of, policy) and its results. An evaluation is
// immutable, so its columns are NumPy arrays over its own memory (no copy, read-only,
// keeping the evaluation alive); results of programs and collectives are views into it.

#include <array>
#include <optional>
#include <string>
#include <string_view>

#include "goaltrack/evaluation.hpp"
#include "plan_handle.hpp"

namespace goaltrack::python {
namespace {

constexpr std::array<target_status, target_status_count> all_statuses{
    target_status::not_started, target_status::no_data,      target_status::on_track,
    target_status::at_risk,     target_status::off_track,    target_status::achieved,
    target_status::missed,      target_status::within_so_far};

struct program_results {
  static std::size_t size(const py::handle& ev) {
    return ev.cast<const evaluation&>().programs().size();
  }
  static py::object item(const py::handle& ev, std::size_t i) {
    return py::cast(&ev.cast<const evaluation&>().programs()[i],
                    py::return_value_policy::reference_internal, ev);
  }
};
struct collective_results {
  static std::size_t size(const py::handle& ev) {
    return ev.cast<const evaluation&>().collectives().size();
  }
  static py::object item(const py::handle& ev, std::size_t i) {
    return py::cast(&ev.cast<const evaluation&>().collectives()[i],
                    py::return_value_policy::reference_internal, ev);
  }
};
struct rating_summaries {
  static std::size_t size(const py::handle& ev) {
    return ev.cast<const evaluation&>().rating_summaries().size();
  }
  static py::object item(const py::handle& ev, std::size_t i) {
    return py::cast(&ev.cast<const evaluation&>().rating_summaries()[i],
                    py::return_value_policy::reference_internal, ev);
  }
};

std::string counts_repr(const status_counts& c) {
  std::string s = "status_counts(";
  bool first = true;
  for (const target_status st : all_statuses) {
    if (c[st] == 0) continue;
    s += (first ? "" : ", ") + std::string(to_string(st)) + "=" + std::to_string(c[st]);
    first = false;
  }
  return s + ")";
}

std::string rollup_repr(const target_rollup& r) {
  const auto mean = r.mean_progress();
  return "target_rollup(" + counts_repr(r.statuses) +
         ", mean_progress=" + (mean ? py_repr(py::cast(*mean)) : std::string("None")) + ")";
}

// A zero-copy column of a rating_tally (the tally object keeps its evaluation alive).
template <class T, std::vector<T> rating_tally::*Column>
py::array_t<T> tally_column(const py::object& self) {
  const auto& column = self.cast<const rating_tally&>().*Column;
  return column_view<T>(std::span<const T>(column), self);
}

// A float column of an evaluation, viewed without a copy while `self` lives.
template <std::span<const double> (evaluation::*Column)() const noexcept>
py::array_t<double> evaluation_column(const py::object& self) {
  return column_view<double>((self.cast<const evaluation&>().*Column)(), self);
}

void wrap_trend_results(py::module_& m) {
  py::class_<level_change>(m, "level_change",
                           "How a direction target's level moved over its check-ins in [S, A].")
      .def_readonly("first_date", &level_change::first_date, "the day of the first check-in")
      .def_readonly("first", &level_change::first, "its value")
      .def_readonly("last_date", &level_change::last_date, "the day of the last check-in")
      .def_readonly("last", &level_change::last, "its value")
      .def_readonly("slope_per_day", &level_change::slope_per_day,
                    "the least-squares slope of value over days, per day")
      .def("change", &level_change::change, "last - first")
      .def("relative_change", &level_change::relative_change,
           "(last - first) / |first|; None when first is 0")
      .def("__repr__", [](const level_change& c) {
        return "level_change(first=" + py_repr(py::cast(c.first)) +
               ", last=" + py_repr(py::cast(c.last)) +
               ", slope_per_day=" + py_repr(py::cast(c.slope_per_day)) + ")";
      });
  py::class_<target_forecast>(m, "target_forecast",
                              "A target's actual projected to its period's last day by the\n"
                              "least-squares line through its check-ins.")
      .def_readonly("value", &target_forecast::value, "the line's value on the last day")
      .def_readonly("spread", &target_forecast::spread, "the standard error of that prediction")
      .def_readonly("progress", &target_forecast::progress,
                    "progress of the value by the target's scoring")
      .def_readonly("status", &target_forecast::status,
                    "achieved when the value reaches the goal, else missed")
      .def_readonly("points", &target_forecast::points, "the check-ins fitted")
      .def("__repr__", [](const target_forecast& f) {
        return "target_forecast(value=" + py_repr(py::cast(f.value)) +
               ", spread=" + py_repr(py::cast(f.spread)) +
               ", status=" + std::string(to_string(f.status)) + ")";
      });
}

}  // namespace

void wrap_evaluation(py::module_& m) {
  wrap_trend_results(m);
  m.def("expected_value", &expected_value, py::arg("t"), py::arg("expected"),
        "The value of target `t` whose progress is `expected`: b + x (g - b) by_goal with a\n"
        "baseline, x g for at_least without one (g > 0) and percent_of_target upward, x n for "
        "a\nmilestone of n equal items; None for the others.");
  py::class_<sub_period_result>(m, "sub_period_result",
                                "One sub-period of a time-phased target as of the evaluated day.")
      .def_readonly("span", &sub_period_result::span, "the sub-period")
      .def_readonly("ended", &sub_period_result::ended, "its last day is on or before A")
      .def_readonly("value", &sub_period_result::value,
                    "The aggregate of its own check-ins up to A; None before it starts or "
                    "without any.")
      .def_readonly("to_date", &sub_period_result::to_date,
                    "The aggregate of the period's check-ins up to its end (or A): the "
                    "year-to-date value.")
      .def_readonly("planned", &sub_period_result::planned,
                    "The planned level by its end; None without a plan.")
      .def_readonly("met", &sub_period_result::met,
                    "Ended sub-periods of a target scored compliance (value meets the goal) or "
                    "with a plan\n(to_date reaches planned); None otherwise.")
      .def("__repr__", [](const sub_period_result& r) {
        const auto opt = [](const auto& v) {
          return v ? py_repr(py::cast(*v)) : std::string("None");
        };
        return "sub_period_result(span=" + r.span.to_string() + ", value=" + opt(r.value) +
               ", to_date=" + opt(r.to_date) + ", planned=" + opt(r.planned) +
               ", met=" + opt(r.met) + ")";
      });
  py::class_<target_result>(m, "target_result", "The evaluation of one target.")
      .def_readonly("target", &target_result::target, "the target")
      .def_readonly("status", &target_result::status,
                    "the category of its status: what roll-ups count")
      .def_readonly("status_code", &target_result::status_code,
                    "the code of its status: a built-in one or one of the policy's statuses")
      .def_readonly("actual", &target_result::actual,
                    "The actual value: the amount (quantity, money), the fraction (ratio,\n"
                    "member_share), the items done (milestone), the number of qualifying\n"
                    "collectives (collective_count), the last level (direction). None without "
                    "data.")
      .def_readonly("numerator", &target_result::numerator,
                    "Ratio and rating targets: the numerator of the actual.")
      .def_readonly("denominator", &target_result::denominator,
                    "Ratio and rating targets: the denominator of the actual.")
      .def_readonly("actual_date", &target_result::actual_date,
                    "The day of the measurement used (numeric, milestone and direction targets).")
      .def_readonly("progress", &target_result::progress,
                    "Progress by the target's formula; None without data and for direction "
                    "targets.")
      .def_readonly("clamped_progress", &target_result::clamped_progress,
                    "progress limited to [0, 1].")
      .def_readonly("expected", &target_result::expected,
                    "Expected progress at the as-of date, by the target's expectation (linear "
                    "in days by\ndefault).")
      .def_readonly("expected_value", &target_result::expected_value,
                    "The value whose progress is `expected` (the planned level with expected_by "
                    "plan);\nNone where the scoring is not linear in the value, and in a plan "
                    "without a time-phased\ntarget (expected_value(target, expected) computes "
                    "it).")
      .def_readonly("sub_periods", &target_result::sub_periods,
                    "Time-phased targets: each sub-period's result, in order (empty for the "
                    "others).")
      .def_readonly("change", &target_result::change,
                    "Direction targets with check-ins on two days or more: how the level moved.")
      .def_readonly("assessment", &target_result::assessment,
                    "The judgement made by hand in force as of the evaluated day, beside the\n"
                    "computed status.")
      .def_readonly("forecast", &target_result::forecast,
                    "Numeric and milestone targets, when the policy forecasts: the projection\n"
                    "to the period's last day.")
      .def("__repr__", [](const target_result& r) {
        const auto opt = [](const std::optional<double>& v) {
          return v ? py_repr(py::cast(*v)) : std::string("None");
        };
        return "target_result(target=" + py_repr(py::cast(r.target)) +
               ", status=" + std::string(to_string(r.status)) + ", actual=" + opt(r.actual) +
               ", progress=" + opt(r.progress) + ", expected=" + py_repr(py::cast(r.expected)) +
               ")";
      });

  py::class_<status_counts>(m, "status_counts", "Counts of targets by status.")
      .def(py::init<>())
      .def("__getitem__", &status_counts::operator[], py::arg("status"),
           "The number of targets with this status.")
      .def_property_readonly(
          "by_status",
          [](const status_counts& c) {
            return std::vector<std::uint32_t>(c.by_status.begin(), c.by_status.end());
          },
          "The counts as a list indexed by int(target_status).")
      .def("total", &status_counts::total, "Number of targets counted.")
      .def(
          "share",
          [](const status_counts& c, target_status s, const std::vector<target_status>& excluded) {
            return c.share(s, excluded);
          },
          py::arg("status"),
          py::arg("excluded") =
              std::vector<target_status>(status_counts::default_share_exclusions.begin(),
                                         status_counts::default_share_exclusions.end()),
          "The share of the targets with `status` among those counted but the statuses\n"
          "`excluded` (by default not_started and no_data), as an exact rate.")
      .def(
          "as_dict",
          [](const status_counts& c) {
            py::dict d;
            for (const target_status st : all_statuses)
              d[py::str(std::string(to_string(st)))] = c[st];
            return d;
          },
          "The counts keyed by status code.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", &counts_repr);

  py::class_<target_rollup>(m, "target_rollup",
                            "Roll-up of a set of targets: counts by status and the mean clamped "
                            "progress,\nplain and weighted by the targets' weights.")
      .def(py::init<>())
      .def_readonly("statuses", &target_rollup::statuses, "counts by status")
      .def_readonly("progress_sum", &target_rollup::progress_sum,
                    "sum of clamped progress over targets that have progress and are neither "
                    "not_started\nnor within_so_far")
      .def_readonly("with_progress", &target_rollup::with_progress,
                    "number of targets that have progress and are neither not_started nor\n"
                    "within_so_far")
      .def_readonly("weighted_progress_sum", &target_rollup::weighted_progress_sum,
                    "sum of weight x clamped progress over the same targets")
      .def_readonly("weight_sum", &target_rollup::weight_sum, "sum of their weights")
      .def("mean_progress", &target_rollup::mean_progress,
           "progress_sum / with_progress; None when no target has progress.")
      .def("weighted_mean_progress", &target_rollup::weighted_mean_progress,
           "weighted_progress_sum / weight_sum; None when no target has progress.")
      .def("add", &target_rollup::add, py::arg("other"), "Adds another roll-up to this one.")
      .def("__repr__", &rollup_repr);

  py::class_<rollup_status>(m, "rollup_status",
                            "A program's or collective's status by its roll-up rule.")
      .def_readonly("status", &rollup_status::status,
                    "the category of its status: what it counts as in its parent's rule")
      .def_readonly("status_index", &rollup_status::status_index,
                    "its status as an index into evaluation.status_definitions()")
      .def_readonly("score", &rollup_status::score,
                    "the rule's score: the weighted mean, a / k, or the chosen child's")
      .def_readonly("expected", &rollup_status::expected,
                    "the weighted mean of the averaged children's expected progress")
      .def_readonly("counted", &rollup_status::counted, "the children counted")
      .def_readonly("achieved", &rollup_status::achieved, "of those, the achieved")
      .def_readonly("decided_by", &rollup_status::decided_by,
                    "worst, best, latest: the child whose status it took")
      .def("__repr__", [](const rollup_status& s) {
        return "rollup_status(" + py_repr(py::cast(s.status)) +
               ", score=" + py_repr(py::cast(s.score)) + ", counted=" + std::to_string(s.counted) +
               ")";
      });
  py::class_<contribution>(m, "contribution", "One child's part in its parent's status.")
      .def_readonly("child", &contribution::child, "the target, program or collective id")
      .def_readonly("weight", &contribution::weight, "its weight toward the parent")
      .def_readonly("status", &contribution::status, "the category of its status")
      .def_readonly("status_index", &contribution::status_index,
                    "its status as an index into status_definitions()")
      .def_readonly("score", &contribution::score, "its score as its parent reads it")
      .def_readonly("counted", &contribution::counted, "counted by the parent's rule")
      .def_readonly("points", &contribution::points,
                    "its points in the parent's score (they add up to the score)")
      .def_readonly("share", &contribution::share, "points / the parent's score")
      .def_readonly("decisive", &contribution::decisive,
                    "worst, best, latest: this child's status is the parent's")
      .def("__repr__", [](const contribution& c) {
        return "contribution(child=" + py_repr(py::cast(c.child)) +
               ", weight=" + py_repr(py::cast(c.weight)) + ", score=" + py_repr(py::cast(c.score)) +
               ", points=" + py_repr(py::cast(c.points)) + ")";
      });

  py::class_<program_result>(m, "program_result",
                             "The evaluation of a program: own, and over its cascade (itself and "
                             "every program\nthat implements it, directly or not).")
      .def_readonly("program", &program_result::program)
      .def_readonly("own_tasks", &program_result::own_tasks)
      .def_readonly("cascade_tasks", &program_result::cascade_tasks)
      .def_readonly("own_targets", &program_result::own_targets)
      .def_readonly("cascade_targets", &program_result::cascade_targets)
      .def("__repr__", [](const program_result& r) {
        return "program_result(program=" + py_repr(py::cast(r.program)) +
               ", cascade_tasks=" + py_repr(py::cast(r.cascade_tasks)) +
               ", cascade_targets=" + rollup_repr(r.cascade_targets) + ")";
      });

  py::class_<collective_result>(m, "collective_result",
                                "The evaluation of a collective: own (owned by it) and over its "
                                "subtree.")
      .def_readonly("collective", &collective_result::collective)
      .def_readonly("own_tasks", &collective_result::own_tasks)
      .def_readonly("subtree_tasks", &collective_result::subtree_tasks)
      .def_readonly("own_targets", &collective_result::own_targets)
      .def_readonly("subtree_targets", &collective_result::subtree_targets)
      .def("__repr__", [](const collective_result& r) {
        return "collective_result(collective=" + py_repr(py::cast(r.collective)) +
               ", own_tasks=" + py_repr(py::cast(r.own_tasks)) +
               ", subtree_targets=" + rollup_repr(r.subtree_targets) + ")";
      });

  py::class_<rating_tally>(m, "rating_tally",
                           "Ratings per collective for one rating_summary_spec (or one rating "
                           "target's needs).\nColumns are NumPy arrays indexed by collective id "
                           "(read-only, no copy). \"ok\" means\nrated the level or above.")
      .def_readonly("spec", &rating_tally::spec)
      .def_readonly("decided", &rating_tally::decided,
                    "False when the round is not decided as of the date (all zero)")
      .def_property_readonly("members", &tally_column<std::uint32_t, &rating_tally::members>,
                             "members of the collective itself")
      .def_property_readonly("members_ok", &tally_column<std::uint32_t, &rating_tally::members_ok>)
      .def_property_readonly("subtree_members",
                             &tally_column<std::uint64_t, &rating_tally::subtree_members>,
                             "members in its subtree (itself included)")
      .def_property_readonly("subtree_members_ok",
                             &tally_column<std::uint64_t, &rating_tally::subtree_members_ok>)
      .def_property_readonly("qualifies", &tally_column<std::uint8_t, &rating_tally::qualifies>,
                             "1 when of the counted kind and meeting the criterion")
      .def_property_readonly("children_counted",
                             &tally_column<std::uint32_t, &rating_tally::children_counted>,
                             "direct children of the counted kind")
      .def_property_readonly("children_ok",
                             &tally_column<std::uint32_t, &rating_tally::children_ok>,
                             "... that qualify")
      .def_property_readonly("below_counted",
                             &tally_column<std::uint32_t, &rating_tally::below_counted>,
                             "collectives of the counted kind below it")
      .def_property_readonly("below_ok", &tally_column<std::uint32_t, &rating_tally::below_ok>,
                             "... that qualify")
      .def("__repr__", [](const rating_tally& t) {
        return "<goaltrack.rating_tally " + py_repr(py::cast(t.spec)) +
               (t.decided ? " decided" : " not decided") + ", " + std::to_string(t.members.size()) +
               " collectives>";
      });

  wrap_view<program_results>(m, "program_result_view", "The results of every program, by id.");
  wrap_view<collective_results>(m, "collective_result_view",
                                "The results of every collective, by id.");
  wrap_view<rating_summaries>(m, "rating_tally_view",
                              "The rating summaries asked for in policy.rating_summaries, in "
                              "that order.");

  py::class_<evaluation>(
      m, "evaluation",
      "The result of evaluate(): per target, per program, per collective, and the rating\n"
      "summaries. Bulk columns (statuses(), actuals(), progress(), expected()) are NumPy\n"
      "arrays over the evaluation's memory, indexed by target id.")
      .def_property_readonly("as_of", &evaluation::as_of, "The day evaluated.")
      .def_property_readonly("policy", &evaluation::policy, "The policy used.")
      .def_property_readonly("target_count", &evaluation::target_count,
                             "Number of targets evaluated (the plan's target count).")
      .def("__len__", &evaluation::target_count)
      .def("target", &evaluation::target, py::arg("id"),
           "The result of one target. Raises NotFound for an unknown id.")
      .def(
          "statuses",
          [](const py::object& self) {
            const auto s = self.cast<const evaluation&>().statuses();
            // target_status is a one-byte enum: its codes are the column's bytes.
            return column_view<std::uint8_t>(
                {reinterpret_cast<const std::uint8_t*>(s.data()), s.size()}, self);
          },
          "Status code of every target (NumPy uint8; compare with int(target_status.x)).")
      .def(
          "status_indices",
          [](const py::object& self) {
            return column_view<std::uint16_t>(self.cast<const evaluation&>().status_indices(),
                                              self);
          },
          "The status of every target as an index into status_definitions() (NumPy uint16).")
      .def(
          "status_definitions",
          [](const evaluation& e) {
            return std::vector<status_definition>(e.status_definitions().begin(),
                                                  e.status_definitions().end());
          },
          "The statuses a target can have: the eight built-in ones, in the order of\n"
          "target_status, then the policy's own.")
      .def(
          "actuals",
          [](const py::object& self) {
            return column_view<double>(self.cast<const evaluation&>().actuals(), self);
          },
          "Actual of every target (NumPy float64); NaN where none.")
      .def(
          "progress",
          [](const py::object& self) {
            return column_view<double>(self.cast<const evaluation&>().progress(), self);
          },
          "Progress of every target (NumPy float64); NaN where none.")
      .def(
          "expected",
          [](const py::object& self) {
            return column_view<double>(self.cast<const evaluation&>().expected(), self);
          },
          "Expected progress of every target (NumPy float64).")
      .def("expected_values", &evaluation_column<&evaluation::expected_values>,
           "Expected value of every target (NumPy float64); NaN where none.")
      .def(
          "sub_period_offsets",
          [](const py::object& self) {
            return column_view<std::uint32_t>(self.cast<const evaluation&>().sub_period_offsets(),
                                              self);
          },
          "The sub-periods of time-phased targets in columns (NumPy uint32): target t's are\n"
          "rows [offsets[t], offsets[t + 1]) of sub_period_values, sub_period_to_date and\n"
          "sub_period_planned. Empty when no target has sub-periods.")
      .def("sub_period_values", &evaluation_column<&evaluation::sub_period_values>,
           "Each sub-period's own value (NumPy float64); NaN where none.")
      .def("sub_period_to_date", &evaluation_column<&evaluation::sub_period_to_date>,
           "Each sub-period's to-date value (NumPy float64); NaN where none.")
      .def("sub_period_planned", &evaluation_column<&evaluation::sub_period_planned>,
           "Each sub-period's planned level (NumPy float64); NaN where none.")
      .def("slopes", &evaluation_column<&evaluation::slopes>,
           "The least-squares slope per day of every direction target (NumPy float64); NaN\n"
           "for the others; empty without direction targets.")
      .def("forecast_values", &evaluation_column<&evaluation::forecast_values>,
           "The forecast value of every target (NumPy float64); NaN where none; empty\n"
           "unless the policy forecasts.")
      .def("forecast_spreads", &evaluation_column<&evaluation::forecast_spreads>,
           "The forecast spread of every target (NumPy float64); NaN where none; empty\n"
           "unless the policy forecasts.")
      .def("numerators", &evaluation_column<&evaluation::numerators>,
           "The numerator of every ratio and rating target's actual (NumPy float64); NaN where\n"
           "none; empty when the plan has no ratio or rating target.")
      .def("denominators", &evaluation_column<&evaluation::denominators>,
           "The denominators, as numerators().")
      .def(
          "status_of", [](const evaluation& e, program_id id) { return e.status_of(id); },
          py::arg("id"),
          "A program's status by its roll-up rule. Raises NotFound for an unknown id, or when\n"
          "the policy has no roll-up rule.")
      .def(
          "status_of", [](const evaluation& e, collective_id id) { return e.status_of(id); },
          py::arg("id"), "A collective's status by its roll-up rule; raises as above.")
      .def(
          "rule_of", [](const evaluation& e, program_id id) { return e.rule_of(id); },
          py::arg("id"), "The rule a program rolls up by.")
      .def(
          "rule_of", [](const evaluation& e, collective_id id) { return e.rule_of(id); },
          py::arg("id"), "The rule a collective rolls up by.")
      .def(
          "contributions", [](const evaluation& e, program_id id) { return e.contributions(id); },
          py::arg("id"),
          "A program's children, each with its weight, score and part in its status.")
      .def(
          "contributions",
          [](const evaluation& e, collective_id id) { return e.contributions(id); }, py::arg("id"),
          "A collective's children, each with its part in its status.")
      .def(
          "program_statuses",
          [](const evaluation& e) {
            return std::vector<rollup_status>(e.program_statuses().begin(),
                                              e.program_statuses().end());
          },
          "Every program's status by its roll-up rule, by id; empty when the policy has none.")
      .def(
          "collective_statuses",
          [](const evaluation& e) {
            return std::vector<rollup_status>(e.collective_statuses().begin(),
                                              e.collective_statuses().end());
          },
          "Every collective's status by its roll-up rule, by id; empty as above.")
      .def("overall", &evaluation::overall, "Counts over all targets.")
      .def("program", &evaluation::program, py::arg("id"),
           py::return_value_policy::reference_internal,
           "The result of a program. Raises NotFound for an unknown id.")
      .def_property_readonly(
          "programs", [](const py::object& self) { return view<program_results>{self}; },
          "The results of every program (len(), iteration, [i] by id).")
      .def("collective", &evaluation::collective, py::arg("id"),
           py::return_value_policy::reference_internal,
           "The result of a collective. Raises NotFound for an unknown id.")
      .def_property_readonly(
          "collectives", [](const py::object& self) { return view<collective_results>{self}; },
          "The results of every collective (len(), iteration, [i] by id).")
      .def_property_readonly(
          "rating_summaries", [](const py::object& self) { return view<rating_summaries>{self}; },
          "The summaries asked for in policy.rating_summaries, in that order.")
      .def("__repr__", [](const evaluation& e) {
        return "<goaltrack.evaluation as of " + to_iso(e.as_of()) + ": " +
               std::to_string(e.target_count()) + " targets, " + counts_repr(e.overall()) + ">";
      });

  m.def(
      "tree_values",
      [](const plan_handle& p, const evaluation& ev, std::string_view indicator, const period& span,
         tree_aggregation how) {
        std::vector<double> v =
            p.read([&](const plan& pl) { return tree_values(pl, ev, indicator, span, how); });
        return py::array_t<double>(static_cast<py::ssize_t>(v.size()), v.data());
      },
      py::arg("plan"), py::arg("evaluation"), py::arg("indicator"), py::arg("span"), py::arg("how"),
      "An indicator's values up the organisation tree: for each collective, by id, `how` over\n"
      "the actuals of the targets of `indicator` and period `span` owned in its subtree (not\n"
      "aggregates themselves); NaN where none reports (NumPy float64). A ratio's sum is the\n"
      "sum of its numerators over the sum of its denominators. Raises InvalidArgument when\n"
      "`how` is none or the evaluation is not of this plan.");
  m.def(
      "evaluate",
      [](const plan_handle& p, date as_of, const evaluation_policy& policy) {
        return p.read_nogil([&](const plan& pl) { return evaluate(pl, as_of, policy); });
      },
      py::arg("plan"), py::arg("as_of"), py::arg("policy") = evaluation_policy{},
      "Evaluates every target, program and collective of `plan` as of the end of day `as_of`.\n"
      "For each target, with as-of day A and the target's period [S, E]: actual is the last\n"
      "measurement on or before A; progress by the target's formula; expected =\n"
      "clamp((A - S + 1) / (E - S + 1), 0, 1); status by the rules of target_status. Roll-ups\n"
      "per program (own and cascade) and per collective (own and subtree). Releases the GIL;\n"
      "several threads may evaluate at once.\n"
      "Raises InvalidArgument when the policy is invalid or a summary names an unknown\n"
      "round or a level not on its scale.");
  m.def(
      "evaluate",
      [](const plan_handle& p, date as_of, std::string_view policy_code) {
        const std::string code(policy_code);
        return p.read_nogil([&](const plan& pl) { return evaluate(pl, as_of, code); });
      },
      py::arg("plan"), py::arg("as_of"), py::arg("policy"),
      "Evaluates with the policy the plan keeps under the code `policy` (plan.add_policy).\n"
      "Raises NotFound when the plan has no such policy.");
}

}  // namespace goaltrack::python
