// Stage 1 of evaluate(): actuals over time (stages.hpp).

#include <algorithm>

#include "goaltrack/plan.hpp"
#include "plan_data.hpp"
#include "stages.hpp"

namespace goaltrack::detail {

// One pass over the measurement columns. It compares against the 4-byte day column only,
// a small working set for its random accesses; the row is kept only for ratios'
// denominators, a column that exists only once a measurement has one.
latest_measurements latest_as_of(const plan& p, std::int32_t as_of_day) {
  const std::size_t nt = plan_access::targets(p).rows().size();
  const measurement_table& ms = p.measurements();
  latest_measurements latest;
  latest.value.assign(nt, no_value);
  latest.day.assign(nt, no_day);
  latest.denominators = ms.denominators();
  latest.row.resize(latest.denominators.empty() ? 0 : nt);
  const auto mt = ms.targets();
  const auto md = ms.days();
  const auto mv = ms.values();
  for (std::size_t i = 0, n = ms.size(); i < n; ++i) {
    const std::int32_t d = md[i];
    const std::size_t t = mt[i].index();
    if (d > as_of_day || d < latest.day[t]) continue;
    latest.day[t] = d;
    latest.value[t] = mv[i];
    if (!latest.row.empty()) latest.row[t] = static_cast<std::uint32_t>(i);
  }
  return latest;
}

namespace {

// One check-in of a target: its day, value (a ratio's numerator) and denominator.
struct check_in {
  std::int32_t day;
  double value;
  double denominator;
};

// The measurements of the targets that aggregate, dated in their window [S, min(A, E)],
// grouped by target in the order added (rows [begin[t], begin[t + 1]) of `points`).
struct windowed_check_ins {
  std::vector<std::uint32_t> begin;
  std::vector<check_in> points;
};

windowed_check_ins gather_windows(const plan& p, std::int32_t as_of_day,
                                  std::span<const aggregation> over_time) {
  const auto rows = plan_access::targets(p).rows();
  const measurement_table& ms = p.measurements();
  const auto mt = ms.targets();
  const auto md = ms.days();
  const auto mv = ms.values();
  const auto den = ms.denominators();
  // Each target's window [S, min(A, E)], empty for those that take their latest value.
  std::vector<std::pair<std::int32_t, std::int32_t>> window(rows.size(), {1, 0});
  for (std::size_t t = 0; t < rows.size(); ++t) {
    if (over_time[t] == aggregation::latest) continue;
    window[t] = {day_number(rows[t].span.first()),
                 std::min(as_of_day, day_number(rows[t].span.last()))};
  }
  const auto in_window = [&](std::size_t i, std::size_t t) {
    return md[i] >= window[t].first && md[i] <= window[t].second;
  };
  windowed_check_ins w;
  w.begin.assign(rows.size() + 1, 0);
  for (std::size_t i = 0; i < ms.size(); ++i) {
    if (in_window(i, mt[i].index())) ++w.begin[mt[i].index() + 1];
  }
  for (std::size_t t = 0; t < rows.size(); ++t) w.begin[t + 1] += w.begin[t];
  std::vector<std::uint32_t> next(w.begin.begin(), w.begin.end() - 1);
  w.points.resize(w.begin.back());
  for (std::size_t i = 0; i < ms.size(); ++i) {
    const std::size_t t = mt[i].index();
    if (in_window(i, t)) w.points[next[t]++] = {md[i], mv[i], den.empty() ? 1.0 : den[i]};
  }
  return w;
}

// The check-ins sorted by day with one per day, the one added last (a correction).
std::span<check_in> one_per_day(std::span<check_in> points) {
  std::stable_sort(points.begin(), points.end(),
                   [](const check_in& a, const check_in& b) { return a.day < b.day; });
  std::size_t kept = 0;
  for (std::size_t i = 0; i < points.size(); ++i) {
    if (kept > 0 && points[kept - 1].day == points[i].day) --kept;
    points[kept++] = points[i];
  }
  return points.first(kept);
}

// The aggregate of day-ordered check-ins added one by one, as one check-in: its day is
// that of the check-in it picks, or the last one's for sum, mean and count (target.hpp's
// aggregation rules).
class running_aggregate {
 public:
  explicit running_aggregate(aggregation how) noexcept : how_(how) {}

  void add(const check_in& c) noexcept {
    const auto fraction = [](const check_in& x) { return x.value / x.denominator; };
    if (n_ == 0) {
      first_ = pick_ = c;
    } else if ((how_ == aggregation::minimum && fraction(c) < fraction(pick_)) ||
               (how_ == aggregation::maximum && fraction(c) > fraction(pick_)) ||
               how_ == aggregation::latest || how_ == aggregation::latest_in_period) {
      pick_ = c;  // the first of equal extremes stays
    }
    ++n_;
    total_ = {c.day, total_.value + c.value, total_.denominator + c.denominator};
  }
  [[nodiscard]] bool empty() const noexcept { return n_ == 0; }
  /// The aggregate of the check-ins added (at least one).
  [[nodiscard]] check_in value() const noexcept {
    const auto n = static_cast<double>(n_);
    switch (how_) {
      case aggregation::first:
        return first_;
      case aggregation::count:
        return {total_.day, n, 1.0};
      case aggregation::sum:
        return total_;
      case aggregation::mean:
        return {total_.day, total_.value / n, total_.denominator / n};
      case aggregation::minimum:
      case aggregation::maximum:
      case aggregation::latest:
      case aggregation::latest_in_period:
        break;
    }
    return pick_;
  }

 private:
  aggregation how_;
  std::size_t n_ = 0;
  check_in first_{};
  check_in pick_{};
  check_in total_{};
};

// The aggregate of non-empty, day-ordered check-ins (running_aggregate).
check_in aggregate(std::span<const check_in> points, aggregation how) {
  running_aggregate a(how);
  for (const check_in& c : points) a.add(c);
  return a.value();
}

}  // namespace

void aggregate_over_time(const plan& p, std::int32_t as_of_day,
                         std::span<const aggregation> over_time, latest_measurements& latest) {
  if (over_time.empty()) return;
  windowed_check_ins w = gather_windows(p, as_of_day, over_time);
  // Every target's denominator, in one column: the latest row's, then the aggregates'.
  std::vector<double> denominator(over_time.size());
  for (std::size_t t = 0; t < over_time.size(); ++t) denominator[t] = latest.denominator(t);
  latest.aggregated_denominator = std::move(denominator);
  for (std::size_t t = 0; t < over_time.size(); ++t) {
    if (over_time[t] == aggregation::latest) continue;
    const std::span<check_in> points =
        one_per_day(std::span(w.points).subspan(w.begin[t], w.begin[t + 1] - w.begin[t]));
    if (points.empty()) {
      latest.value[t] = no_value;
      latest.day[t] = no_day;
      continue;
    }
    const check_in a = aggregate(points, over_time[t]);
    latest.value[t] = a.value;
    latest.day[t] = a.day;
    latest.aggregated_denominator[t] = a.denominator;
  }
}

void aggregate_sub_periods(const plan& p, std::int32_t as_of_day,
                           std::span<const aggregation> over_time, sub_period_table& table) {
  if (table.empty()) return;
  const auto rows = plan_access::targets(p).rows();
  // The period's check-ins of the phased targets only (any aggregation but latest).
  std::vector<aggregation> phased(rows.size(), aggregation::latest);
  for (std::size_t t = 0; t < rows.size(); ++t) {
    if (table.end(t) > table.first(t)) phased[t] = aggregation::count;
  }
  windowed_check_ins w = gather_windows(p, as_of_day, phased);
  for (std::size_t t = 0; t < rows.size(); ++t) {
    if (phased[t] == aggregation::latest) continue;
    const aggregation how = over_time.empty() ? aggregation::latest : over_time[t];
    const std::span<const check_in> points =
        one_per_day(std::span(w.points).subspan(w.begin[t], w.begin[t + 1] - w.begin[t]));
    const auto value_of = [&](const running_aggregate& a) {
      if (a.empty()) return no_value;
      const check_in c = a.value();
      return rows[t].kind == target_kind::ratio ? c.value / c.denominator : c.value;
    };
    // One pass: the period's aggregate runs on, each sub-period's starts afresh.
    running_aggregate to_date(how);
    auto next = points.begin();
    for (std::uint32_t k = table.first(t); k < table.end(t); ++k) {
      if (day_number(table.span[k].first()) > as_of_day) break;
      const std::int32_t last = std::min(as_of_day, day_number(table.span[k].last()));
      running_aggregate own(how);
      for (; next != points.end() && next->day <= last; ++next) {
        own.add(*next);
        to_date.add(*next);
      }
      table.own[k] = value_of(own);
      table.to_date[k] = value_of(to_date);
    }
  }
}

check_in_table period_check_ins(const plan& p, std::int32_t as_of_day) {
  const std::size_t nt = plan_access::targets(p).rows().size();
  const std::vector<aggregation> every(nt, aggregation::count);
  windowed_check_ins w = gather_windows(p, as_of_day, every);
  check_in_table table;
  table.begin.assign(nt + 1, 0);
  table.points.reserve(w.points.size());
  for (std::size_t t = 0; t < nt; ++t) {
    const auto points = std::span(w.points).subspan(w.begin[t], w.begin[t + 1] - w.begin[t]);
    for (const check_in& c : one_per_day(points)) {
      table.points.emplace_back(c.day, c.value / c.denominator);
    }
    table.begin[t + 1] = static_cast<std::uint32_t>(table.points.size());
  }
  return table;
}

std::vector<check_ins> actual_histories(const plan& p, std::span<const target_id> wanted,
                                        std::int32_t as_of_day) {
  const auto rows = plan_access::targets(p).rows();
  constexpr std::uint32_t unwanted = UINT32_MAX;
  std::vector<std::uint32_t> slot(rows.size(), unwanted);
  for (std::size_t k = 0; k < wanted.size(); ++k)
    slot[wanted[k].index()] = static_cast<std::uint32_t>(k);
  const measurement_table& ms = p.measurements();
  const auto mt = ms.targets();
  const auto md = ms.days();
  const auto mv = ms.values();
  const auto den = ms.denominators();
  std::vector<std::vector<check_in>> points(wanted.size());
  for (std::size_t i = 0, n = ms.size(); i < n; ++i) {
    const std::size_t t = mt[i].index();
    if (slot[t] == unwanted) continue;
    const period& span = rows[t].span;
    if (md[i] < day_number(span.first()) || md[i] > std::min(as_of_day, day_number(span.last())))
      continue;
    points[slot[t]].push_back({md[i], mv[i], den.empty() ? 1.0 : den[i]});
  }
  std::vector<check_ins> out(wanted.size());
  for (std::size_t k = 0; k < wanted.size(); ++k) {
    const target t = p.get(wanted[k]);  // a copy: few are wanted
    running_aggregate so_far(t.over_time);
    for (const check_in& c : one_per_day(points[k])) {
      so_far.add(c);
      const check_in a = so_far.value();
      // Only a ratio's denominators mean anything (a sum of counts adds up 1s).
      out[k].emplace_back(c.day, t.kind == target_kind::ratio ? a.value / a.denominator : a.value);
    }
  }
  return out;
}

std::vector<check_ins> direction_check_ins(const plan& p, std::int32_t as_of_day) {
  const auto rows = plan_access::targets(p).rows();
  const measurement_table& ms = p.measurements();
  std::vector<check_ins> points(rows.size());
  const auto mt = ms.targets();
  const auto md = ms.days();
  const auto mv = ms.values();
  for (std::size_t i = 0, n = ms.size(); i < n; ++i) {
    const std::size_t t = mt[i].index();
    if (rows[t].kind != target_kind::direction || md[i] > as_of_day ||
        md[i] < day_number(rows[t].span.first())) {
      continue;
    }
    points[t].emplace_back(md[i], mv[i]);
  }
  return points;
}

}  // namespace goaltrack::detail
