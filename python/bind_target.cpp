// target.hpp: targets of every kind, their factories and chained setters.

#include <optional>
#include <string>
#include <vector>

#include "bindings.hpp"
#include "goaltrack/target.hpp"

namespace goaltrack::python {
namespace {

// A chained setter: returns the same Python object, so calls chain.
constexpr auto chain = py::return_value_policy::reference_internal;

}  // namespace

void wrap_target(py::module_& m) {
  py::enum_<target_kind>(m, "target_kind", "What a target measures.")
      .value("quantity", target_kind::quantity, "remove 98 school sites; 623 prize winners")
      .value("ratio", target_kind::ratio, "58.1% go on to upper secondary")
      .value("money", target_kind::money, "raise 47 million VND")
      .value("milestone", target_kind::milestone,
             "replicate the \"Happy School\" model (a checklist)")
      .value("direction", target_kind::direction, "reduce dropout in highland areas (no number)")
      .value("member_share", target_kind::member_share,
             "100% of party members rated \"good\" or above")
      .value("collective_count", target_kind::collective_count,
             "5/5 cells rated \"good\" or above");
  py::enum_<goal_kind>(m, "goal_kind", "How a numeric target's goal is stated.")
      .value("increase_to", goal_kind::increase_to, "reach g from a lower baseline")
      .value("decrease_to", goal_kind::decrease_to,
             "come down to g from a higher baseline (\"giảm xuống\")")
      .value("increase_by", goal_kind::increase_by, "rise by d over the baseline")
      .value("decrease_by", goal_kind::decrease_by,
             "fall by d below the baseline (\"giảm 98 điểm trường\")")
      .value("at_least", goal_kind::at_least, "be at least g")
      .value("at_most", goal_kind::at_most, "be at most g")
      .value("within", goal_kind::within, "stay within [g, goal_high]");
  py::enum_<trend>(m, "trend", "The wanted trend of a direction-only target.")
      .value("increase", trend::increase, "\"raise the quality of ...\"")
      .value("decrease", trend::decrease, "\"reduce dropout ...\"");
  py::enum_<rating_scope>(m, "rating_scope", "Which members or collectives a rating target counts.")
      .value("direct", rating_scope::direct,
             "member_share: members of the collective itself; collective_count: its direct "
             "children")
      .value("subtree", rating_scope::subtree,
             "member_share: members anywhere in its subtree; collective_count: every "
             "collective below it");
  py::enum_<collective_criterion>(m, "collective_criterion",
                                  "How a collective qualifies in a collective_count target.")
      .value("own_rating", collective_criterion::own_rating,
             "its own rating in the round is the level or above")
      .value("member_share", collective_criterion::member_share,
             "it has members and at least the share of its subtree's members are rated the "
             "level or above");
  py::enum_<aggregation>(m, "aggregation",
                         "How a target's measurements make its actual as of day A, with [S, E] "
                         "its period.\nOn one day only the measurement added last counts. "
                         "Ratios aggregate numerators\nand denominators apart.")
      .value("latest", aggregation::latest,
             "the latest measurement on or before A, in the period or not (default)")
      .value("latest_in_period", aggregation::latest_in_period,
             "the latest measurement in [S, min(A, E)]")
      .value("sum", aggregation::sum,
             "the sum of those in [S, min(A, E)]: flows, year-to-date totals")
      .value("mean", aggregation::mean,
             "their mean (a ratio: of numerators over that of denominators)")
      .value("minimum", aggregation::minimum, "the least of them (a ratio: the least fraction)")
      .value("maximum", aggregation::maximum, "the greatest of them")
      .value("first", aggregation::first, "the earliest of them")
      .value("count", aggregation::count,
             "how many days of [S, min(A, E)] have a measurement (check-ins)");
  py::enum_<tree_aggregation>(
      m, "tree_aggregation",
      "How a target defined at a collective aggregates the actuals of the targets of its\n"
      "indicator and period owned in that collective's subtree (DHIS2's aggregation over the\n"
      "hierarchy, chosen apart from the aggregation over time).")
      .value("none", tree_aggregation::none, "its own measurements (default)")
      .value("sum", tree_aggregation::sum,
             "the sum of their actuals; a ratio: the sum of their numerators over the sum of "
             "their denominators")
      .value("mean", tree_aggregation::mean, "the mean of their actuals (a ratio: of fractions)")
      .value("minimum", tree_aggregation::minimum, "the least of them")
      .value("maximum", tree_aggregation::maximum, "the greatest of them");
  wrap_codes<tree_aggregation>(m, "parse_tree_aggregation", &parse_tree_aggregation,
                               "tree aggregation");
  py::enum_<scoring_method>(m, "scoring_method",
                            "How a numeric target's actual becomes its progress.")
      .value("by_goal", scoring_method::by_goal, "the goal's own formula (default)")
      .value("percent_of_target", scoring_method::percent_of_target, "a / g upward, g / a downward")
      .value("distance_to_target", scoring_method::distance_to_target,
             "1 + (a - g) / abs(g) upward, 1 - (a - g) / abs(g) downward")
      .value("open_sdg", scoring_method::open_sdg,
             "the Open SDG / Statistics Canada progress score / 5 (growth rates)")
      .value("compliance", scoring_method::compliance,
             "the share of its ended sub-periods whose own value meets the goal");
  py::enum_<expectation>(m, "expectation", "How a target's expected progress on day A is set.")
      .value("days", expectation::days, "linear in days, (A - S + 1) / (E - S + 1) (default)")
      .value("sub_periods", expectation::sub_periods,
             "k / n: k of its n sub-periods ended by A (DHIS2's [periodInYear] / "
             "[yearlyPeriodCount])")
      .value("plan", expectation::plan, "the progress its planned value to date would have")
      .value("at_end", expectation::at_end, "0 until E, then 1: due only at the end");
  py::enum_<plan_basis>(m, "plan_basis", "How a target's planned values read, one per sub-period.")
      .value("cumulative", plan_basis::cumulative,
             "each is the level to reach by its sub-period's end (default)")
      .value("per_sub_period", plan_basis::per_sub_period,
             "each is what its sub-period adds, counted from the baseline (or 0)");
  wrap_codes<expectation>(m, "parse_expectation", &parse_expectation, "expectation");
  wrap_codes<plan_basis>(m, "parse_plan_basis", &parse_plan_basis, "plan basis");
  wrap_codes<target_kind>(m, "parse_target_kind", &parse_target_kind, "target kind");
  wrap_codes<aggregation>(m, "parse_aggregation", &parse_aggregation, "aggregation");
  wrap_codes<scoring_method>(m, "parse_scoring_method", &parse_scoring_method, "scoring method");
  wrap_codes<goal_kind>(m, "parse_goal_kind", &parse_goal_kind, "goal kind");
  wrap_codes<trend>(m, "parse_trend", &parse_trend, "trend");
  wrap_codes<rating_scope>(m, "parse_rating_scope", &parse_rating_scope, "rating scope");
  wrap_codes<collective_criterion>(m, "parse_collective_criterion", &parse_collective_criterion,
                                   "collective criterion");

  py::class_<share>(m, "share",
                    "A share as an exact fraction, numerator / denominator (100% is 1/1, 95.5% "
                    "is 191/200).")
      .def(py::init([](std::uint32_t numerator, std::uint32_t denominator) {
             return share{numerator, denominator};
           }),
           py::arg("numerator") = 1, py::arg("denominator") = 1)
      .def_static("percent_tenths", &share::percent_tenths, py::arg("tenths"),
                  "p percent given in tenths of a percent: percent_tenths(955) is 95.5%.")
      .def_static("percent", &share::percent, py::arg("p"),
                  "p whole percent: percent(100) is 100%.")
      .def_readwrite("numerator", &share::numerator)
      .def_readwrite("denominator", &share::denominator)
      .def("reached", &share::reached, py::arg("part"), py::arg("whole"),
           "True when part / whole >= this share, compared exactly in integers.")
      .def_property_readonly("value", &share::value, "numerator / denominator as a float.")
      .def("__float__", &share::value)
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__",
           [](share s) {
             return "share(" + std::to_string(s.numerator) + ", " + std::to_string(s.denominator) +
                    ")";
           })
      .def(py::pickle([](share s) { return py::make_tuple(s.numerator, s.denominator); },
                      [](const py::tuple& t) {
                        return share{t[0].cast<std::uint32_t>(), t[1].cast<std::uint32_t>()};
                      }));

  def_fields<rating_goal>(
      py::class_<rating_goal>(m, "rating_goal",
                              "The parameters of a member_share or collective_count target.")
          .def(py::init<>()))
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__repr__", [](const rating_goal& g) {
        return "rating_goal(scale=" + py_repr(py::cast(g.scale)) +
               ", level=" + py_repr(py::cast(g.level)) +
               ", required_share=" + py_repr(py::cast(g.required_share)) +
               ", count=" + std::to_string(g.count) + ", all=" + (g.all ? "True" : "False") +
               ", scope=" + py_repr(py::cast(g.scope)) +
               ", counted_kind=" + py_repr(py::str(g.counted_kind)) +
               ", criterion=" + py_repr(py::cast(g.criterion)) + ")";
      });

  def_fields<target>(
      py::class_<target>(
          m, "target",
          "A target (chỉ tiêu): what it is, who owns it, over which period, and its goal. "
          "Build\n"
          "one with a factory (quantity, ratio, money, milestone, direction, "
          "member_share,\n"
          "collective_count, all_collectives) and the chained setters, then "
          "plan.add_target\n"
          "checks it as a whole:\n\n"
          "    target.quantity(\"SITES\", \"Giảm điểm trường\", dept, period.year(2020))"
          ".decrease_by(98).from_(1046)\n\n"
          "Progress, with actual a, baseline b and goal g: increase_to/decrease_to (and "
          "_by with\n"
          "g = b +- d): (a - b) / (g - b); at_least: with a baseline the same, without one "
          "a / g\n"
          "(g > 0); at_most: 1 if a <= g else 0; within [lo, hi]: 1 inside; milestone: "
          "items\n"
          "done / items. Progress 1 means achieved. Counts and money must be whole numbers "
          "no\n"
          "larger than 2^53 in magnitude.")
          // --- factories
          // -------------------------------------------------------------------
          .def_static("quantity", &target::quantity, py::arg("code"), py::arg("title"),
                      py::arg("owner"), py::arg("span"),
                      "A quantity (count or amount); chain a goal setter (decrease_by(98), ...).")
          .def_static("ratio", &target::ratio, py::arg("code"), py::arg("title"), py::arg("owner"),
                      py::arg("span"),
                      "A ratio numerator / denominator, shown as a percentage; goals are "
                      "fractions.")
          .def_static("money", &target::money, py::arg("code"), py::arg("title"), py::arg("owner"),
                      py::arg("span"), py::arg("currency"),
                      "A money amount in whole units of `currency`'s smallest unit (VND has no "
                      "minor unit).")
          .def_static("milestone", &target::milestone, py::arg("code"), py::arg("title"),
                      py::arg("owner"), py::arg("span"),
                      py::arg("checklist") = std::vector<std::string>{},
                      "A milestone: done or not, or the items of a checklist.")
          .def_static("direction", &target::direction, py::arg("code"), py::arg("title"),
                      py::arg("owner"), py::arg("span"), py::arg("wanted"),
                      "A direction-only goal, judged by the trend of its measurements.")
          .def_static("member_share", &target::member_share, py::arg("code"), py::arg("title"),
                      py::arg("owner"), py::arg("span"), py::arg("scale"), py::arg("level"),
                      py::arg("required") = share::percent(100),
                      py::arg("scope") = rating_scope::direct,
                      "At least `required` of the members of `owner` (scope direct) or of its "
                      "subtree\nrated `level` or above on `scale` in the round for `span`.")
          .def_static("collective_count", &target::collective_count, py::arg("code"),
                      py::arg("title"), py::arg("owner"), py::arg("span"), py::arg("scale"),
                      py::arg("level"), py::arg("count"), py::arg("scope") = rating_scope::direct,
                      "At least `count` of the child collectives of `owner` (scope direct) or of "
                      "all\ncollectives below it, rated `level` or above on `scale` in the round "
                      "for "
                      "`span`.")
          .def_static("all_collectives", &target::all_collectives, py::arg("code"),
                      py::arg("title"), py::arg("owner"), py::arg("span"), py::arg("scale"),
                      py::arg("level"), py::arg("scope") = rating_scope::direct,
                      "As collective_count, with \"all\" (n/n) instead of a count.")
          // --- chained setters
          // ---------------------------------------------------------------
          .def("increase_to", &target::increase_to, py::arg("g"), chain,
               "Goal: reach g from a lower baseline. Returns the target (chainable).")
          .def("decrease_to", &target::decrease_to, py::arg("g"), chain,
               "Goal: come down to g from a higher baseline. Returns the target.")
          .def("increase_by", &target::increase_by, py::arg("d"), chain,
               "Goal: rise by d over the baseline. Returns the target.")
          .def("decrease_by", &target::decrease_by, py::arg("d"), chain,
               "Goal: fall by d below the baseline. Returns the target.")
          .def("at_least", &target::at_least, py::arg("g"), chain,
               "Goal: be at least g. Returns the target.")
          .def("at_most", &target::at_most, py::arg("g"), chain,
               "Goal: be at most g. Returns the target.")
          .def("within", &target::within, py::arg("lo"), py::arg("hi"), chain,
               "Goal: stay within [lo, hi]. Returns the target.")
          .def("from_", &target::from, py::arg("b"), chain,
               "Sets the baseline b (C++ from(); `from` is a Python keyword). Returns the "
               "target.")
          .def("counting", &target::counting, py::arg("what"), chain,
               "Measurements are whole counts of `what` (e.g. \"điểm trường\"). Returns "
               "the target.")
          .def("in_unit", &target::in_unit, py::arg("u"), chain,
               "Sets the unit of measure. Returns the target.")
          .def("in_program", &target::in_program, py::arg("p"), chain,
               "Puts the target in a program. Returns the target.")
          .def("with_weight", &target::with_weight, py::arg("w"), chain,
               "Sets the target's weight in the weighted means of roll-ups (finite, > 0). "
               "Returns the target.")
          .def("measuring", &target::measuring, py::arg("indicator_code"), chain,
               "Names the indicator the target measures. Returns the target.")
          .def("aggregating", &target::aggregating, py::arg("how"), chain,
               "Makes the target the aggregate of its indicator's targets in its owner's "
               "subtree. Returns the target.")
          .def("aggregated_by", &target::aggregated_by, py::arg("a"), chain,
               "Makes the actual from the period's measurements by `a` (sum, mean, ...). "
               "Returns the target.")
          .def("weighted", &target::weighted, py::arg("weights"), chain,
               "milestone: weighs its items, stages done in order (one weight per checklist "
               "item). Returns the target.")
          .def("scored_by", &target::scored_by, py::arg("m"), chain,
               "Scores the actual by `m` instead of the goal's own formula. Returns the "
               "target.")
          .def("phased_by", &target::phased_by, py::arg("sub_period_kind"), chain,
               "Divides the period into its months, quarters, half-years or calendar years\n"
               "(split_period). Raises InvalidArgument as split_period does. Returns the "
               "target.")
          .def("planned_values", &target::planned_values, py::arg("values"),
               py::arg("basis") = plan_basis::cumulative, chain,
               "Plans a value per sub-period (after phased_by), read as `basis` says. "
               "Returns the target.")
          .def("expecting", &target::expecting, py::arg("e"), chain,
               "Sets how expected progress is set. Returns the target.")
          .def("limited_at", &target::limited_at, py::arg("y_lim"), chain,
               "direction scored open_sdg: the level cannot pass `y_lim`, which scales the "
               "growth thresholds down near it. Returns the target.")
          .def("counting_kind", &target::counting_kind, py::arg("collective_kind"), chain,
               "collective_count: count only collectives of this kind (e.g. \"cell\"). "
               "Returns the "
               "target.")
          .def("qualifying_by_members", &target::qualifying_by_members,
               py::arg("s") = share::percent(100), chain,
               "collective_count: a collective qualifies when `s` of its subtree's members "
               "are "
               "rated\nthe level or above, instead of by its own rating. Returns the "
               "target."))  // the fields: def_fields<target>
      // --- queries ---------------------------------------------------------------------
      .def("goal_level", &target::goal_level,
           "The goal g in the target's own terms: goal_value, or b + d / b - d for\n"
           "increase_by / decrease_by. Meaningless for milestone, direction and rating kinds.")
      .def_property_readonly("is_numeric", &target::is_numeric,
                             "True for quantity, ratio and money.")
      .def_property_readonly("is_rating", &target::is_rating,
                             "True for member_share and collective_count.")
      .def("validate", &target::validate,
           "Checks the target on its own (not its references, which plan.add_target checks).\n"
           "Raises InvalidArgument naming the target and the field at fault: an empty code,\n"
           "a non-finite number, a baseline equal to the goal, a goal on the wrong side\n"
           "of the baseline, a missing baseline where the goal needs one, a range with\n"
           "lo > hi, money or counts that are not whole numbers, a currency that is not\n"
           "three letters, a share above 100% or with a zero denominator, a count of 0.")
      .def(py::self == py::self)
      .def(py::self != py::self)
      .def("__copy__", [](const target& t) { return t; })
      .def(
          "__deepcopy__", [](const target& t, const py::dict&) { return t; }, py::arg("memo"))
      .def("__repr__", [](const target& t) {
        std::string s = "target." + std::string(to_string(t.kind)) + "(" +
                        py_repr(py::str(t.code)) + ", owner=" + py_repr(py::cast(t.owner)) +
                        ", span=" + py_repr(py::cast(t.span));
        if (t.is_numeric()) {
          s += ", goal=" + std::string(to_string(t.goal)) + " " + py_repr(py::cast(t.goal_value));
          if (t.baseline) s += ", baseline=" + py_repr(py::cast(*t.baseline));
        }
        if (t.kind == target_kind::money) s += ", currency=" + py_repr(py::str(t.currency));
        if (t.kind == target_kind::milestone) s += ", items=" + std::to_string(t.checklist.size());
        if (t.kind == target_kind::direction) s += ", wanted=" + std::string(to_string(t.wanted));
        if (t.program) s += ", program=" + py_repr(py::cast(*t.program));
        return s + ")";
      });
}

}  // namespace goaltrack::python
