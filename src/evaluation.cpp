#include "goaltrack/evaluation.hpp"

#include <Eigen/Dense>
#include <algorithm>
#include <cmath>
#include <limits>

#include "enum_codes.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"
#include "plan_data.hpp"
#include "rating_tally.hpp"

namespace goaltrack {
namespace {

constexpr detail::code_list<target_status, target_status_count> status_codes{{
    {target_status::not_started, "not_started"},
    {target_status::no_data, "no_data"},
    {target_status::on_track, "on_track"},
    {target_status::at_risk, "at_risk"},
    {target_status::off_track, "off_track"},
    {target_status::achieved, "achieved"},
    {target_status::missed, "missed"},
}};

constexpr double nan = std::numeric_limits<double>::quiet_NaN();
constexpr std::int32_t no_day = std::numeric_limits<std::int32_t>::min();

// The status of a target that has data, by rules 3-7 of the header.
target_status judge(double progress, bool reached, double expected, bool ended,
                    const evaluation_policy& policy) {
  if (reached) return target_status::achieved;
  if (ended && policy.missed_after_end) return target_status::missed;
  if (progress >= expected - policy.on_track_margin) return target_status::on_track;
  if (progress >= expected - policy.at_risk_margin) return target_status::at_risk;
  return target_status::off_track;
}

// Progress of a numeric or milestone target with actual a (target.hpp's table).
double numeric_progress(const detail::target_row& t, double a, std::size_t checklist_items) {
  if (t.kind == target_kind::milestone) {
    return a / static_cast<double>(std::max<std::size_t>(1, checklist_items));
  }
  const double b = t.baseline;
  const bool has_b = t.has_baseline();
  switch (t.goal) {
    case goal_kind::increase_to:
    case goal_kind::decrease_to:
      return (a - b) / (t.goal_value - b);
    case goal_kind::increase_by:
      return (a - b) / ((b + t.goal_value) - b);
    case goal_kind::decrease_by:
      return (a - b) / ((b - t.goal_value) - b);
    case goal_kind::at_least:
      if (has_b) return (a - b) / (t.goal_value - b);
      if (t.goal_value > 0) return a / t.goal_value;
      return a >= t.goal_value ? 1.0 : 0.0;
    case goal_kind::at_most:
      if (has_b) return (a - b) / (t.goal_value - b);
      return a <= t.goal_value ? 1.0 : 0.0;
    case goal_kind::within: {
      const auto dist = [&](double x) {
        return x < t.goal_value ? t.goal_value - x : (x > t.goal_high ? x - t.goal_high : 0.0);
      };
      if (dist(a) == 0.0) return 1.0;
      return has_b ? (dist(b) - dist(a)) / dist(b) : 0.0;
    }
  }
  return nan;
}

// Trend r of a direction target from its measurements (days, values) in [S, A]: the
// least-squares slope times the period length, relative to the mean level (absolute
// when the mean is 0), signed so that r > 0 is the wanted direction. None when fewer
// than two distinct days.
std::optional<double> trend_score(const std::vector<std::pair<std::int32_t, double>>& points,
                                  std::int32_t period_days, trend wanted) {
  if (points.size() < 2) return std::nullopt;
  const auto n = static_cast<Eigen::Index>(points.size());
  Eigen::MatrixXd design(n, 2);
  Eigen::VectorXd y(n);
  const double origin = static_cast<double>(points.front().first);
  for (Eigen::Index i = 0; i < n; ++i) {
    const auto& [day, value] = points[static_cast<std::size_t>(i)];
    design(i, 0) = 1.0;
    design(i, 1) = static_cast<double>(day) - origin;
    y(i) = value;
  }
  const auto qr = design.colPivHouseholderQr();
  if (qr.rank() < 2) return std::nullopt;
  const Eigen::Vector2d beta = qr.solve(y);
  const double mean = y.mean();
  double r = beta(1) * static_cast<double>(period_days);
  if (mean != 0.0) r /= std::fabs(mean);
  return wanted == trend::increase ? r : -r;
}

}  // namespace

std::string_view to_string(target_status s) noexcept { return detail::code_of(status_codes, s); }
target_status parse_target_status(std::string_view code) {
  return detail::parse_code(status_codes, code, "target status");
}

std::uint32_t status_counts::total() const noexcept {
  std::uint32_t n = 0;
  for (const auto c : by_status) n += c;
  return n;
}

void task_tally::add(const task_tally& o) noexcept {
  planned += o.planned;
  planned_completed += o.planned_completed;
  supplementary += o.supplementary;
  supplementary_completed += o.supplementary_completed;
  cancelled += o.cancelled;
  weight += o.weight;
  weight_completed += o.weight_completed;
}

std::optional<double> target_rollup::mean_progress() const noexcept {
  if (with_progress == 0) return std::nullopt;
  return progress_sum / static_cast<double>(with_progress);
}

void target_rollup::add(const target_rollup& o) noexcept {
  for (std::size_t s = 0; s < target_status_count; ++s)
    statuses.by_status[s] += o.statuses.by_status[s];
  progress_sum += o.progress_sum;
  with_progress += o.with_progress;
}

target_result evaluation::target(target_id id) const {
  if (!id.ok() || id.index() >= target_count()) {
    throw not_found("evaluation has no target id " + std::to_string(id.value()));
  }
  const std::size_t i = id.index();
  const auto opt = [](double v) { return v == v ? std::optional<double>(v) : std::nullopt; };
  target_result r;
  r.target = id;
  r.status = status_[i];
  r.actual = opt(actual_[i]);
  if (!numerator_.empty()) {  // empty when no target has parts (see evaluate)
    r.numerator = opt(numerator_[i]);
    r.denominator = opt(denominator_[i]);
  }
  if (actual_day_[i] != no_day) r.actual_date = from_day_number(actual_day_[i]);
  r.progress = opt(progress_[i]);
  if (r.progress) r.clamped_progress = std::clamp(*r.progress, 0.0, 1.0);
  r.expected = expected_[i];
  return r;
}

status_counts evaluation::overall() const noexcept {
  status_counts c;
  for (const auto s : status_) ++c.by_status[static_cast<std::size_t>(s)];
  return c;
}

const program_result& evaluation::program(program_id id) const {
  if (!id.ok() || id.index() >= programs_.size()) {
    throw not_found("evaluation has no program id " + std::to_string(id.value()));
  }
  return programs_[id.index()];
}

const collective_result& evaluation::collective(collective_id id) const {
  if (!id.ok() || id.index() >= collectives_.size()) {
    throw not_found("evaluation has no collective id " + std::to_string(id.value()));
  }
  return collectives_[id.index()];
}

evaluation evaluate(const plan& p, date as_of, const evaluation_policy& policy) {
  policy.validate();
  if (as_of.is_special()) throw invalid_argument("evaluate: as_of is not a date");
  const std::int32_t A = day_number(as_of);
  const auto rows = detail::plan_access::targets(p).rows();
  const std::size_t nt = rows.size();
  const measurement_table& ms = p.measurements();
  const organization& org = p.org();

  evaluation ev;
  ev.as_of_ = as_of;
  ev.policy_ = policy;
  ev.status_.assign(nt, target_status::no_data);
  ev.actual_.assign(nt, nan);
  ev.actual_day_.assign(nt, no_day);
  ev.progress_.assign(nt, nan);
  ev.expected_.resize(nt);

  // The last measurement on or before A per target, in one pass over the columns, kept
  // in actual_day_ and actual_ (a ratio is divided later). On the same day the later row
  // wins, so a correction added later replaces a figure. The pass compares against the
  // 4-byte day column only, a small working set for its random accesses; the row is kept
  // only for ratios' denominators, a column that exists only once a measurement has one.
  const auto denominators = ms.denominators();
  std::vector<std::uint32_t> latest_row(denominators.empty() ? 0 : nt);
  {
    const auto mt = ms.targets();
    const auto md = ms.days();
    const auto mv = ms.values();
    for (std::size_t i = 0, n = ms.size(); i < n; ++i) {
      const std::int32_t d = md[i];
      const std::size_t t = mt[i].index();
      if (d > A || d < ev.actual_day_[t]) continue;
      ev.actual_day_[t] = d;
      ev.actual_[t] = mv[i];
      if (!latest_row.empty()) latest_row[t] = static_cast<std::uint32_t>(i);
    }
  }

  // Rating tallies: the summaries the policy asks for, then those rating targets need.
  detail::tally_set tallies(p, A);
  for (const auto& spec : policy.rating_summaries) tallies.require(spec);
  std::vector<std::uint32_t> target_tally(nt, detail::tally_set::none);
  bool any_direction = false;
  bool any_parts = false;  // a ratio or rating target, whose actual has parts
  for (std::size_t t = 0; t < nt; ++t) {
    any_direction = any_direction || rows[t].kind == target_kind::direction;
    any_parts = any_parts || rows[t].kind == target_kind::ratio;
    if (rows[t].kind != target_kind::member_share &&
        rows[t].kind != target_kind::collective_count) {
      continue;
    }
    any_parts = true;
    const rating_goal& g = detail::extra_value<&target::rating>(
        detail::plan_access::targets(p).extras()[rows[t].extra]);
    if (auto round = p.find_round(g.scale, rows[t].span)) {
      target_tally[t] =
          tallies.require({*round, g.level, g.counted_kind, g.criterion, g.required_share});
    }
  }
  tallies.compute();
  // Numerators and denominators only when some target has them (evaluation::target
  // reads an empty column as "none"): two columns fewer to fill in the common case.
  if (any_parts) {
    ev.numerator_.assign(nt, nan);
    ev.denominator_.assign(nt, nan);
  }

  // Direction targets: their measurements in [S, A], grouped per target.
  std::vector<std::vector<std::pair<std::int32_t, double>>> points;
  if (any_direction) {
    points.resize(nt);
    const auto mt = ms.targets();
    const auto md = ms.days();
    const auto mv = ms.values();
    for (std::size_t i = 0, n = ms.size(); i < n; ++i) {
      const std::size_t t = mt[i].index();
      if (rows[t].kind != target_kind::direction || md[i] > A ||
          md[i] < day_number(rows[t].span.first())) {
        continue;
      }
      points[t].emplace_back(md[i], mv[i]);
    }
  }

  for (std::size_t t = 0; t < nt; ++t) {
    const detail::target_row& r = rows[t];
    const std::int32_t S = day_number(r.span.first());
    const std::int32_t E = day_number(r.span.last());
    const double expected =
        std::clamp(static_cast<double>(A - S + 1) / static_cast<double>(E - S + 1), 0.0, 1.0);
    ev.expected_[t] = expected;
    const bool ended = A > E;
    if (A < S && policy.not_started_before_start) {
      ev.status_[t] = target_status::not_started;
      // Still report a measurement that exists, but judge nothing yet.
    }
    double progress = nan;
    bool reached = false;
    bool has_data = false;
    switch (r.kind) {
      case target_kind::quantity:
      case target_kind::money:
      case target_kind::ratio:
      case target_kind::milestone: {
        if (ev.actual_day_[t] == no_day) break;
        double a = ev.actual_[t];  // the latest measurement's value
        if (r.kind == target_kind::ratio) {
          const double den = latest_row.empty() ? 1.0 : denominators[latest_row[t]];
          ev.numerator_[t] = a;
          ev.denominator_[t] = den;
          a /= den;
          ev.actual_[t] = a;
        }
        progress = numeric_progress(r, a, detail::plan_access::targets(p).checklist_size(r));
        reached = progress >= 1.0;
        has_data = true;
        break;
      }
      case target_kind::direction: {
        // actual_ and actual_day_ hold the latest measurement already.
        const auto score = trend_score(points[t], E - S + 1, r.wanted);
        if (!score || ev.status_[t] == target_status::not_started) break;
        const double tol = policy.trend_tolerance;
        if (ended) {
          ev.status_[t] = *score > tol ? target_status::achieved
                                       : (policy.missed_after_end ? target_status::missed
                                                                  : target_status::off_track);
        } else {
          ev.status_[t] = *score > tol     ? target_status::on_track
                          : *score >= -tol ? target_status::at_risk
                                           : target_status::off_track;
        }
        continue;
      }
      case target_kind::member_share:
      case target_kind::collective_count: {
        if (target_tally[t] == detail::tally_set::none) break;
        const rating_tally& tally = tallies.get(target_tally[t]);
        if (!tally.decided) break;
        const rating_goal& g =
            detail::extra_value<&target::rating>(detail::plan_access::targets(p).extras()[r.extra]);
        const std::size_t c = r.owner.index();
        std::uint64_t part = 0;
        std::uint64_t whole = 0;
        if (r.kind == target_kind::member_share) {
          const bool subtree = g.scope == rating_scope::subtree;
          part = subtree ? tally.subtree_members_ok[c] : tally.members_ok[c];
          whole = subtree ? tally.subtree_members[c] : tally.members[c];
          if (whole == 0) break;
          const double fraction = static_cast<double>(part) / static_cast<double>(whole);
          ev.actual_[t] = fraction;
          reached = g.required_share.reached(part, whole);
          progress = g.required_share.numerator == 0 ? 1.0 : fraction / g.required_share.value();
        } else {
          const bool subtree = g.scope == rating_scope::subtree;
          part = subtree ? tally.below_ok[c] : tally.children_ok[c];
          whole = subtree ? tally.below_counted[c] : tally.children_counted[c];
          const std::uint64_t needed = g.all ? whole : g.count;
          if (needed == 0) break;
          ev.actual_[t] = static_cast<double>(part);
          reached = part >= needed;
          progress = static_cast<double>(part) / static_cast<double>(needed);
        }
        // The exact integer comparison decides; keep progress consistent with it.
        progress = reached ? std::max(progress, 1.0) : std::min(progress, std::nextafter(1.0, 0.0));
        ev.numerator_[t] = static_cast<double>(part);
        ev.denominator_[t] = static_cast<double>(whole);
        has_data = true;
        break;
      }
    }
    ev.progress_[t] = progress;
    if (ev.status_[t] == target_status::not_started) continue;
    ev.status_[t] =
        has_data ? judge(progress, reached, expected, ended, policy) : target_status::no_data;
  }

  // Roll-ups. Own figures first, then subtree/cascade sums in one reverse pass over
  // ids: parents always have smaller ids than their children (organization.hpp), and
  // a program's parent is added before it. A target's owner is any collective, so own
  // sums are first gathered in a compact column of target_rollup (48 bytes each), which
  // stays in cache where the collective_result rows (184 bytes) would cost a cache miss
  // per target; own tasks likewise, in a column that exists only when there are tasks.
  const std::size_t nc = org.collective_count();
  const std::size_t np = p.program_count();
  std::vector<target_rollup> own_targets(nc);
  ev.programs_.resize(np);
  for (std::size_t i = 0; i < np; ++i)
    ev.programs_[i].program = program_id(static_cast<std::uint32_t>(i));
  for (std::size_t t = 0; t < nt; ++t) {
    const detail::target_row& r = rows[t];
    const auto add = [&](target_rollup& roll) {
      ++roll.statuses.by_status[static_cast<std::size_t>(ev.status_[t])];
      const double pr = ev.progress_[t];
      if (pr == pr) {
        roll.progress_sum += std::clamp(pr, 0.0, 1.0);
        ++roll.with_progress;
      }
    };
    add(own_targets[r.owner.index()]);
    if (r.program.ok()) add(ev.programs_[r.program.index()].own_targets);
  }
  std::vector<task_tally> own_tasks(p.tasks().empty() ? 0 : nc);
  for (const task& tk : p.tasks()) {
    task_tally one;
    const task_status s = tk.status_as_of(as_of);
    const bool done = s == task_status::completed;
    if (s == task_status::cancelled) {
      one.cancelled = 1;
    } else {
      (tk.kind == task_kind::planned ? one.planned : one.supplementary) = 1;
      (tk.kind == task_kind::planned ? one.planned_completed : one.supplementary_completed) =
          done ? 1 : 0;
      one.weight = tk.weight;
      one.weight_completed = done ? tk.weight : 0.0;
    }
    own_tasks[tk.owner.index()].add(one);
    ev.programs_[tk.program.index()].own_tasks.add(one);
  }
  ev.collectives_.reserve(nc);
  for (std::size_t c = 0; c < nc; ++c) {
    const collective_id id(static_cast<std::uint32_t>(c));
    const task_tally tasks = own_tasks.empty() ? task_tally{} : own_tasks[c];
    ev.collectives_.push_back({id, tasks, tasks, own_targets[c], own_targets[c]});
  }
  const auto parents = org.parents();
  for (std::size_t c = nc; c-- > 0;) {
    const collective_id parent = parents[c];
    if (!parent.ok()) continue;
    auto& up = ev.collectives_[parent.index()];
    up.subtree_tasks.add(ev.collectives_[c].subtree_tasks);
    up.subtree_targets.add(ev.collectives_[c].subtree_targets);
  }
  for (auto& pr : ev.programs_) {
    pr.cascade_tasks = pr.own_tasks;
    pr.cascade_targets = pr.own_targets;
  }
  const auto programs = p.programs();
  for (std::size_t i = np; i-- > 0;) {
    if (!programs[i].parent) continue;
    auto& up = ev.programs_[programs[i].parent->index()];
    up.cascade_tasks.add(ev.programs_[i].cascade_tasks);
    up.cascade_targets.add(ev.programs_[i].cascade_targets);
  }

  ev.summaries_.reserve(policy.rating_summaries.size());
  for (std::size_t i = 0; i < policy.rating_summaries.size(); ++i) {
    ev.summaries_.push_back(tallies.take(i));
  }
  return ev;
}

evaluation evaluate(const plan& p, date as_of, std::string_view policy_code) {
  return evaluate(p, as_of, p.policy(policy_code));
}

}  // namespace goaltrack
