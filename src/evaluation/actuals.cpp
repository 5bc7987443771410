// Stage 1 of evaluate(): actuals over time (stages.hpp).

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
