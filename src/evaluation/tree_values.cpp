// Stage 1 of evaluate(), continued: aggregate targets take their subtree's actuals
// (target::over_tree, target.hpp), and tree_values gives an indicator's per collective.
//
// An aggregate defined at collective C for indicator X and period P reads every target of
// X and P owned in C's subtree (C included) that is not an aggregate itself and has an
// actual as of A, as DHIS2 aggregates a data element's values over the organisation unit
// hierarchy: sum (a ratio: sum of numerators / sum of denominators, "indicators are
// re-calculated at each level"), mean (over the reporting units only), minimum, maximum.

#include <algorithm>
#include <cmath>
#include <limits>
#include <map>
#include <string>
#include <tuple>
#include <unordered_map>

#include "goaltrack/plan.hpp"
#include "plan_data.hpp"
#include "stages.hpp"

namespace goaltrack::detail {

void tree_total::add(double fraction, double numerator, double denominator,
                     std::int32_t day) noexcept {
  ++reporting;
  sum += fraction;
  numerators += numerator;
  denominators += denominator;
  least = std::min(least, fraction);
  greatest = std::max(greatest, fraction);
  last_day = std::max(last_day, day);
}

void tree_total::add(const tree_total& o) noexcept {
  reporting += o.reporting;
  sum += o.sum;
  numerators += o.numerators;
  denominators += o.denominators;
  least = std::min(least, o.least);
  greatest = std::max(greatest, o.greatest);
  last_day = std::max(last_day, o.last_day);
}

double tree_total::value(tree_aggregation how, bool ratio) const noexcept {
  if (reporting == 0) return no_value;
  switch (how) {
    case tree_aggregation::sum:
      return ratio ? numerators / denominators : sum;
    case tree_aggregation::mean:
      return sum / static_cast<double>(reporting);
    case tree_aggregation::minimum:
      return least;
    case tree_aggregation::maximum:
      return greatest;
    case tree_aggregation::none:
      break;
  }
  return no_value;
}

namespace {

// An indicator and a period: the targets an aggregate reads.
using indicator_key = std::tuple<std::string_view, std::int32_t, std::int32_t>;

indicator_key key_of(std::string_view indicator, const period& span) {
  return {indicator, day_number(span.first()), day_number(span.last())};
}

// What stage 1 knows of target t: its fraction and parts (a ratio's numerator and
// denominator, or the value over 1).
struct target_figure {
  double fraction, numerator, denominator;
};
target_figure figure_of(const target_row& r, const latest_measurements& latest, std::size_t t) {
  if (r.kind != target_kind::ratio) return {latest.value[t], latest.value[t], 1.0};
  const double den = latest.denominator(t);
  return {latest.value[t] / den, latest.value[t], den};
}

}  // namespace

void aggregate_up_tree(const plan& p, latest_measurements& latest) {
  const target_table& targets = plan_access::targets(p);
  const auto rows = targets.rows();
  const auto extras = targets.extras();
  const auto extra_of = [&](std::size_t t) -> const target_extra* {
    return rows[t].extra == target_row::no_extra ? nullptr : &extras[rows[t].extra];
  };
  // The aggregates, by their indicator and period, then their owner.
  struct aggregate {
    std::uint32_t target;
    tree_aggregation how;
    tree_total total;
  };
  std::vector<aggregate> aggregates;
  std::map<indicator_key, std::uint32_t> groups;
  std::unordered_map<std::uint64_t, std::vector<std::uint32_t>> at;  // (group, owner) -> rows
  for (std::size_t t = 0; t < rows.size(); ++t) {
    const target_extra* e = extra_of(t);
    if (e == nullptr || extra_value<&target::over_tree>(*e) == tree_aggregation::none) continue;
    const auto [g, added] =
        groups.try_emplace(key_of(extra_value<&target::indicator>(*e), rows[t].span),
                           static_cast<std::uint32_t>(groups.size()));
    at[(std::uint64_t{g->second} << 32) | rows[t].owner.value()].push_back(
        static_cast<std::uint32_t>(aggregates.size()));
    aggregates.push_back({static_cast<std::uint32_t>(t), extra_value<&target::over_tree>(*e), {}});
  }
  if (aggregates.empty()) return;
  const auto parents = p.org().parents();
  for (std::size_t t = 0; t < rows.size(); ++t) {
    const target_extra* e = extra_of(t);
    if (e == nullptr || latest.day[t] == no_day) continue;
    const std::string& indicator = extra_value<&target::indicator>(*e);
    if (indicator.empty() || extra_value<&target::over_tree>(*e) != tree_aggregation::none)
      continue;
    const auto g = groups.find(key_of(indicator, rows[t].span));
    if (g == groups.end()) continue;
    const target_figure f = figure_of(rows[t], latest, t);
    for (collective_id c = rows[t].owner; c.ok(); c = parents[c.index()]) {
      const auto found = at.find((std::uint64_t{g->second} << 32) | c.value());
      if (found == at.end()) continue;
      for (const std::uint32_t a : found->second)
        aggregates[a].total.add(f.fraction, f.numerator, f.denominator, latest.day[t]);
    }
  }
  // The aggregates' actuals: a ratio summed keeps its parts (its value is the numerator
  // until scoring divides it), the others are fractions over 1.
  if (latest.aggregated_denominator.empty()) {
    std::vector<double> dens(rows.size());  // read before the column exists: then it is read
    for (std::size_t t = 0; t < rows.size(); ++t) dens[t] = latest.denominator(t);
    latest.aggregated_denominator = std::move(dens);
  }
  for (const aggregate& a : aggregates) {
    const std::uint32_t t = a.target;
    const bool parts = rows[t].kind == target_kind::ratio && a.how == tree_aggregation::sum;
    latest.value[t] = parts ? a.total.numerators : a.total.value(a.how, false);
    latest.aggregated_denominator[t] = parts ? a.total.denominators : 1.0;
    latest.day[t] = a.total.reporting == 0 ? no_day : a.total.last_day;
    if (a.total.reporting == 0) latest.value[t] = no_value;
  }
}

}  // namespace goaltrack::detail

namespace goaltrack {

std::vector<double> tree_values(const plan& p, const evaluation& ev, std::string_view indicator,
                                const period& span, tree_aggregation how) {
  using namespace detail;
  if (how == tree_aggregation::none) throw invalid_argument("tree_values: how is none");
  const target_table& targets = plan_access::targets(p);
  const auto rows = targets.rows();
  if (ev.target_count() != rows.size()) {
    throw invalid_argument("tree_values: the evaluation has " + std::to_string(ev.target_count()) +
                           " targets, the plan " + std::to_string(rows.size()));
  }
  const std::size_t nc = p.org().collective_count();
  std::vector<tree_total> totals(nc);
  const auto actual = ev.actuals();
  const auto numerators = ev.numerators();
  const auto denominators = ev.denominators();
  const indicator_key wanted = key_of(indicator, span);
  bool ratio = false;
  for (std::size_t t = 0; t < rows.size(); ++t) {
    if (rows[t].extra == target_row::no_extra || actual[t] != actual[t]) continue;
    const target_extra& e = targets.extras()[rows[t].extra];
    if (extra_value<&target::over_tree>(e) != tree_aggregation::none ||
        key_of(extra_value<&target::indicator>(e), rows[t].span) != wanted) {
      continue;
    }
    ratio = rows[t].kind == target_kind::ratio;  // one kind per indicator (plan::add_targets)
    const double num = ratio ? numerators[t] : actual[t];
    const double den = ratio ? denominators[t] : 1.0;
    totals[rows[t].owner.index()].add(actual[t], num, den, no_day);  // values only: no day
  }
  // Children have larger ids than their parents: one reverse pass sums each subtree.
  const auto parents = p.org().parents();
  for (std::size_t c = nc; c-- > 0;) {
    if (parents[c].ok()) totals[parents[c].index()].add(totals[c]);
  }
  std::vector<double> out(nc);
  for (std::size_t c = 0; c < nc; ++c) out[c] = totals[c].value(how, ratio);
  return out;
}

}  // namespace goaltrack
