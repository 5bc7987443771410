#include "goaltrack/evaluation.hpp"

#include <algorithm>
#include <cmath>
#include <limits>
#include <memory>

#include "evaluation/stages.hpp"
#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"
#include "plan_data.hpp"
#include "rating_tally.hpp"

namespace goaltrack {
namespace {

using detail::no_day;
constexpr std::uint32_t no_assessment = std::numeric_limits<std::uint32_t>::max();

}  // namespace

std::optional<double> level_change::relative_change() const noexcept {
  if (first == 0.0) return std::nullopt;
  return (last - first) / std::fabs(first);
}

std::optional<double> expected_value(const target& t, double expected) {
  const detail::linear_goal goal{t.kind,
                                 t.goal,
                                 t.goal_value,
                                 t.baseline.value_or(detail::no_value),
                                 t.scoring,
                                 t.checklist.size(),
                                 !t.item_weights.empty()};
  const double v = detail::value_at_progress(goal, expected);
  return v == v ? std::optional<double>(v) : std::nullopt;
}

std::uint32_t status_counts::total() const noexcept {
  std::uint32_t n = 0;
  for (const auto c : by_status) n += c;
  return n;
}

rate status_counts::share(target_status s, std::span<const target_status> excluded) const noexcept {
  std::array<bool, target_status_count> left_out{};
  for (const target_status e : excluded) left_out[static_cast<std::size_t>(e)] = true;
  std::uint32_t counted = 0;
  for (std::size_t k = 0; k < target_status_count; ++k) counted += left_out[k] ? 0 : by_status[k];
  const std::uint32_t part = left_out[static_cast<std::size_t>(s)] ? 0 : (*this)[s];
  return {static_cast<double>(part), static_cast<double>(counted)};
}

std::optional<double> target_rollup::mean_progress() const noexcept {
  if (with_progress == 0) return std::nullopt;
  return progress_sum / static_cast<double>(with_progress);
}

std::optional<double> target_rollup::weighted_mean_progress() const noexcept {
  if (with_progress == 0) return std::nullopt;
  return weighted_progress_sum / weight_sum;
}

void target_rollup::add(const target_rollup& o) noexcept {
  for (std::size_t s = 0; s < target_status_count; ++s)
    statuses.by_status[s] += o.statuses.by_status[s];
  progress_sum += o.progress_sum;
  with_progress += o.with_progress;
  weighted_progress_sum += o.weighted_progress_sum;
  weight_sum += o.weight_sum;
}

namespace {

// The statuses of an evaluation under `policy`: the built-in ones, then the policy's.
std::vector<status_definition> status_definitions_of(const evaluation_policy& policy) {
  std::vector<status_definition> all;
  all.reserve(target_status_count + policy.statuses.size());
  for (std::size_t s = 0; s < target_status_count; ++s) {
    all.push_back(builtin_status(static_cast<target_status>(s)));
  }
  all.insert(all.end(), policy.statuses.begin(), policy.statuses.end());
  return all;
}

}  // namespace

target_result evaluation::target(target_id id) const {
  if (!id.ok() || id.index() >= target_count()) {
    throw not_found("evaluation has no target id " + std::to_string(id.value()));
  }
  const std::size_t i = id.index();
  const auto opt = [](double v) { return v == v ? std::optional<double>(v) : std::nullopt; };
  target_result r;
  r.target = id;
  r.status = status_[i];
  r.status_code = definitions_[status_index_[i]].code;
  r.actual = opt(actual_[i]);
  if (!numerator_.empty()) {  // empty when no target has parts (see evaluate)
    r.numerator = opt(numerator_[i]);
    r.denominator = opt(denominator_[i]);
  }
  if (actual_day_[i] != no_day) r.actual_date = from_day_number(actual_day_[i]);
  r.progress = opt(progress_[i]);
  if (r.progress) r.clamped_progress = std::clamp(*r.progress, 0.0, 1.0);
  r.expected = expected_[i];
  if (!expected_value_.empty()) r.expected_value = opt(expected_value_[i]);
  if (!sub_begin_.empty()) {
    for (std::uint32_t k = sub_begin_[i]; k < sub_begin_[i + 1]; ++k) {
      const period& p = sub_span_[k];
      const std::optional<bool> met =
          sub_met_[k] < 0 ? std::nullopt : std::optional<bool>(sub_met_[k] == 1);
      r.sub_periods.push_back({p, p.last() <= as_of_, opt(sub_own_[k]), opt(sub_to_date_[k]),
                               opt(sub_planned_[k]), met});
    }
  }
  if (!slope_.empty() && first_day_[i] != no_day) {
    r.change = level_change{from_day_number(first_day_[i]), first_[i],
                            from_day_number(last_day_[i]), last_[i], slope_[i]};
  }
  if (!assessment_of_.empty() && assessment_of_[i] != no_assessment) {
    r.assessment = assessments_[assessment_of_[i]];
  }
  if (!forecast_value_.empty() && forecast_points_[i] > 0) {
    r.forecast =
        target_forecast{forecast_value_[i], forecast_spread_[i], opt(forecast_progress_[i]),
                        forecast_reached_[i] ? target_status::achieved : target_status::missed,
                        forecast_points_[i]};
  }
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

namespace {

// The rule-based statuses of a graph's nodes, or a not_found naming the id.
template <class Id>
const rollup_status& status_in(std::span<const rollup_status> statuses, Id id,
                               std::string_view what) {
  if (statuses.empty()) {
    throw not_found("evaluation has no roll-up statuses: its policy has no roll-up rule");
  }
  if (!id.ok() || id.index() >= statuses.size()) {
    throw not_found("evaluation has no " + std::string(what) + " id " + std::to_string(id.value()));
  }
  return statuses[id.index()];
}

rollup_child program_child(std::uint32_t i) { return program_id(i); }
rollup_child collective_child(std::uint32_t i) { return collective_id(i); }

}  // namespace

const rollup_status& evaluation::status_of(program_id id) const {
  return status_in(std::span(program_status_), id, "program");
}

const rollup_status& evaluation::status_of(collective_id id) const {
  return status_in(std::span(collective_status_), id, "collective");
}

const rollup_rule& evaluation::rule_of(program_id id) const {
  (void)status_of(id);
  return rollup_graphs_->rules[rollup_graphs_->programs.rule_of[id.index()]];
}

const rollup_rule& evaluation::rule_of(collective_id id) const {
  (void)status_of(id);
  return rollup_graphs_->rules[rollup_graphs_->collectives.rule_of[id.index()]];
}

std::vector<contribution> evaluation::contributions(program_id id) const {
  (void)status_of(id);
  const detail::rollup_facts facts{status_, status_index_, progress_, expected_};
  return detail::contributions_of(rollup_graphs_->programs, rollup_graphs_->rules, facts,
                                  program_status_, id.value(), program_child);
}

std::vector<contribution> evaluation::contributions(collective_id id) const {
  (void)status_of(id);
  const detail::rollup_facts facts{status_, status_index_, progress_, expected_};
  return detail::contributions_of(rollup_graphs_->collectives, rollup_graphs_->rules, facts,
                                  collective_status_, id.value(), collective_child);
}

namespace {

// The rating tallies the policy's summaries and the rating targets need, each target's
// tally (none where its round does not exist) set in `of_target`.
detail::tally_set rating_tallies(const plan& p, std::int32_t as_of_day,
                                 const evaluation_policy& policy,
                                 std::vector<std::uint32_t>& of_target) {
  const auto& targets = detail::plan_access::targets(p);
  const auto rows = targets.rows();
  detail::tally_set tallies(p, as_of_day);
  for (const auto& spec : policy.rating_summaries) tallies.require(spec);
  of_target.assign(rows.size(), detail::tally_set::none);
  for (std::size_t t = 0; t < rows.size(); ++t) {
    if (!is_rating_kind(rows[t].kind)) continue;
    const rating_goal& g = detail::extra_value<&target::rating>(targets.extras()[rows[t].extra]);
    if (auto round = p.find_round(g.scale, rows[t].span)) {
      of_target[t] =
          tallies.require({*round, g.level, g.counted_kind, g.criterion, g.required_share});
    }
  }
  tallies.compute();
  return tallies;
}

// Each target's methods where any differs from the default: over_time is empty when every
// target takes its latest measurement, scoring when every one is scored by its goal,
// expected_by when every one expects by days (the usual plan, whose targets have no
// extras, allocates none).
struct target_methods {
  std::vector<aggregation> over_time;
  std::vector<scoring_method> scoring;
  std::vector<expectation> expected_by;
  std::vector<std::uint32_t> phased;  // the targets with sub-periods, in order

  [[nodiscard]] scoring_method scoring_of(std::size_t t) const noexcept {
    return scoring.empty() ? scoring_method::by_goal : scoring[t];
  }
  [[nodiscard]] expectation expected_by_of(std::size_t t) const noexcept {
    return expected_by.empty() ? expectation::days : expected_by[t];
  }
};

// Sets method[t] to `m`, allocating the column (filled with `fallback`) on first use.
template <class Method>
void set_method(std::vector<Method>& column, std::size_t nt, std::size_t t, Method m,
                Method fallback) {
  if (m == fallback) return;
  if (column.empty()) column.assign(nt, fallback);
  column[t] = m;
}

target_methods methods_of(const detail::target_table& targets) {
  const auto rows = targets.rows();
  target_methods m;
  for (std::size_t t = 0; t < rows.size(); ++t) {
    if (rows[t].extra == detail::target_row::no_extra) continue;
    const detail::target_extra& e = targets.extras()[rows[t].extra];
    const std::size_t nt = rows.size();
    set_method(m.over_time, nt, t, detail::extra_value<&target::over_time>(e), aggregation::latest);
    set_method(m.scoring, nt, t, detail::extra_value<&target::scoring>(e), scoring_method::by_goal);
    set_method(m.expected_by, nt, t, detail::extra_value<&target::expected_by>(e),
               expectation::days);
    if (!detail::extra_value<&target::sub_periods>(e).empty()) {
      m.phased.push_back(static_cast<std::uint32_t>(t));
    }
  }
  return m;
}

// What stage 1 found, for the score of each target.
struct stage_inputs {
  const detail::target_table& targets;
  const target_methods& methods;
  // Read for ratios' denominators only: its values and days have moved into the result
  // columns (actual_columns).
  const detail::latest_measurements& latest;
  const detail::tally_set& tallies;
  std::span<const std::uint32_t> target_tally;
  std::span<const detail::check_ins> points;
  const detail::sub_period_table& phases;

  // True for a rating target whose round is decided as of A.
  [[nodiscard]] bool round_decided(std::size_t t) const {
    return target_tally[t] != detail::tally_set::none && tallies.get(target_tally[t]).decided;
  }
};

// The result columns a score completes: a ratio's actual is divided by its denominator,
// a rating target's is its count (numerator and denominator exist when such targets do).
struct actual_columns {
  std::span<const std::int32_t> day;  // the day of the latest measurement, or no_day
  std::span<double> actual;
  std::span<double> numerator;
  std::span<double> denominator;
};

// The open_sdg score of numeric target r whose actual is `a`, measured on `day`: from its
// baseline in the year its period starts toward its goal in the year the period ends.
detail::target_score open_sdg_numeric(const detail::target_row& r, double a, std::int32_t day) {
  const detail::growth_series s{r.baseline, r.span.first().year(), a, detail::year_of(day),
                                is_upward_goal(r.goal) ? 1.0 : -1.0};
  return detail::open_sdg_toward(s, goal_level(r.goal, r.goal_value, r.baseline),
                                 r.span.last().year());
}

// The open_sdg score of direction target t, from its first and last check-ins.
detail::target_score open_sdg_direction(const stage_inputs& in, std::size_t t) {
  const detail::target_row& r = in.targets.rows()[t];
  const auto series = detail::direction_series(in.points[t], r.wanted);
  if (!series) return {};
  const std::optional<double> limit =
      r.extra == detail::target_row::no_extra
          ? std::nullopt
          : detail::extra_value<&target::limit>(in.targets.extras()[r.extra]);
  return detail::open_sdg_trend(*series, limit);
}

// Stage 2 for target t (not a direction target scored by its trend): its score, by its
// kind and scoring.
detail::target_score score_target(const stage_inputs& in, std::size_t t, std::int32_t A,
                                  actual_columns out) {
  const detail::target_row& r = in.targets.rows()[t];
  detail::target_score score;
  if (r.kind == target_kind::direction) return open_sdg_direction(in, t);
  if (is_rating_kind(r.kind)) {
    if (in.target_tally[t] == detail::tally_set::none) return score;
    const rating_tally& tally = in.tallies.get(in.target_tally[t]);
    if (!tally.decided) return score;
    const detail::rating_outcome o = detail::rating_score(
        r, detail::extra_value<&target::rating>(in.targets.extras()[r.extra]), tally);
    if (!o.score.has_data) return score;
    out.actual[t] = o.actual;
    out.numerator[t] = o.part;
    out.denominator[t] = o.whole;
    return o.score;
  }
  // Quantity, money, ratio, milestone: the latest measurement.
  if (out.day[t] == no_day) return score;
  double a = out.actual[t];
  if (r.kind == target_kind::ratio) {
    const double den = in.latest.denominator(t);
    out.numerator[t] = a;
    out.denominator[t] = den;
    a /= den;
    out.actual[t] = a;
  }
  if (in.methods.scoring_of(t) == scoring_method::open_sdg)
    return open_sdg_numeric(r, a, out.day[t]);
  if (in.methods.scoring_of(t) == scoring_method::compliance) {
    return detail::compliance_score(in.phases, t, A);
  }
  score.progress = detail::numeric_progress(
      r, in.methods.scoring_of(t), a, in.targets.checklist_size(r), in.targets.item_weights(r));
  score.reached = score.progress >= 1.0;
  score.has_data = true;
  return score;
}

// How each direction target's level moved over its check-ins in [S, A] (level_change).
struct level_change_columns {
  std::vector<std::int32_t> first_day;
  std::vector<double> first;
  std::vector<std::int32_t> last_day;
  std::vector<double> last;
  std::vector<double> slope;
};

level_change_columns level_changes(std::span<const detail::target_row> rows,
                                   std::span<const detail::check_ins> points) {
  const std::size_t nt = rows.size();
  level_change_columns c{
      std::vector<std::int32_t>(nt, no_day), std::vector<double>(nt, detail::no_value),
      std::vector<std::int32_t>(nt, no_day), std::vector<double>(nt, detail::no_value),
      std::vector<double>(nt, detail::no_value)};
  for (std::size_t t = 0; t < nt; ++t) {
    if (rows[t].kind != target_kind::direction) continue;
    const std::optional<detail::fitted_line> line = detail::fit_line(points[t]);
    if (!line) continue;  // fewer than two days
    const auto [first, last] = detail::first_and_last(points[t]);
    c.first_day[t] = first->first;
    c.first[t] = first->second;
    c.last_day[t] = last->first;
    c.last[t] = last->second;
    c.slope[t] = line->slope;
  }
  return c;
}

// The assessments in force on day A (the latest made on or before it; on one day, the one
// added last), and each target's row among them.
struct assessments_in_force {
  std::vector<assessment> rows;
  std::vector<std::uint32_t> of_target;
};

assessments_in_force assessments_as_of(std::span<const assessment> all, std::size_t nt,
                                       std::int32_t as_of_day) {
  std::vector<std::size_t> latest(nt, all.size());
  for (std::size_t i = 0; i < all.size(); ++i) {
    const std::int32_t day = day_number(all[i].on);
    const std::size_t t = all[i].target.index();
    if (day <= as_of_day && (latest[t] == all.size() || day >= day_number(all[latest[t]].on))) {
      latest[t] = i;
    }
  }
  assessments_in_force out{{}, std::vector<std::uint32_t>(nt, no_assessment)};
  for (std::size_t t = 0; t < nt; ++t) {
    if (latest[t] == all.size()) continue;
    out.of_target[t] = static_cast<std::uint32_t>(out.rows.size());
    out.rows.push_back(all[latest[t]]);
  }
  return out;
}

// Each numeric and milestone target's projection to its period's last day (target_forecast).
struct forecast_columns {
  std::vector<double> value;
  std::vector<double> spread;
  std::vector<double> progress;
  std::vector<std::uint32_t> points;
  std::vector<std::uint8_t> reached;
};

forecast_columns forecasts(const stage_inputs& in, const detail::check_in_table& series,
                           std::uint32_t min_points) {
  const auto rows = in.targets.rows();
  const std::size_t nt = rows.size();
  forecast_columns f{std::vector<double>(nt, detail::no_value),
                     std::vector<double>(nt, detail::no_value),
                     std::vector<double>(nt, detail::no_value), std::vector<std::uint32_t>(nt, 0),
                     std::vector<std::uint8_t>(nt, 0)};
  detail::check_ins scratch;
  for (std::size_t t = 0; t < nt; ++t) {
    const detail::target_row& r = rows[t];
    if (!is_numeric_kind(r.kind) && r.kind != target_kind::milestone) continue;
    const std::int32_t E = day_number(r.span.last());
    const auto over_time =
        in.methods.over_time.empty() ? aggregation::latest : in.methods.over_time[t];
    const scoring_method method = in.methods.scoring_of(t);
    if (method == scoring_method::compliance) continue;  // a share of sub-periods, no line
    const std::optional<detail::projection> pr =
        detail::project(series.of(t), over_time, E, min_points, scratch);
    if (!pr) continue;
    const detail::target_score score =
        method == scoring_method::open_sdg
            ? open_sdg_numeric(r, pr->value, E)
            : detail::target_score{
                  detail::numeric_progress(r, method, pr->value, in.targets.checklist_size(r),
                                           in.targets.item_weights(r)),
                  false, true};
    f.value[t] = pr->value;
    f.spread[t] = pr->spread;
    f.progress[t] = score.progress;
    f.points[t] = pr->points;
    f.reached[t] = method == scoring_method::open_sdg ? score.reached : score.progress >= 1.0;
  }
  return f;
}

}  // namespace

namespace detail {

// The last day of every target's period, when a rule in use reads it (latest); else none.
std::vector<std::int32_t> last_days_for(const plan& p, const rollup_graphs& g) {
  const auto used = [&](const rollup_graph& graph) {
    return std::any_of(graph.rule_of.begin(), graph.rule_of.end(),
                       [&](std::uint16_t r) { return g.rules[r].method == rollup_method::latest; });
  };
  if (!used(g.programs) && !used(g.collectives)) return {};
  const auto rows = plan_access::targets(p).rows();
  std::vector<std::int32_t> days(rows.size());
  for (std::size_t t = 0; t < rows.size(); ++t) days[t] = day_number(rows[t].span.last());
  return days;
}

// Fills an evaluation stage by stage (stages.hpp): the one writer of its columns.
struct evaluation_builder {
  // The columns every target has, sized; the actuals and their days taken from stage 1.
  // `any_parts`: a ratio or rating target exists; `time_phased`: a target has sub-periods
  // or expects otherwise than by days.
  static void start(evaluation& ev, date as_of, const evaluation_policy& policy,
                    latest_measurements& latest, bool any_parts, bool time_phased) {
    const std::size_t nt = latest.value.size();
    ev.as_of_ = as_of;
    ev.policy_ = policy;
    ev.status_.assign(nt, target_status::no_data);
    ev.status_index_.assign(nt, judgement_scheme::index(target_status::no_data));
    ev.definitions_ = status_definitions_of(policy);
    ev.actual_ = std::move(latest.value);
    ev.actual_day_ = std::move(latest.day);
    ev.progress_.assign(nt, no_value);
    ev.expected_.resize(nt);
    if (time_phased) ev.expected_value_.assign(nt, no_value);
    // Without a ratio or rating target, two columns fewer (target() reads them as none).
    if (any_parts) {
      ev.numerator_.assign(nt, no_value);
      ev.denominator_.assign(nt, no_value);
    }
  }

  // Stages 2 and 3 for target t: its score, then its status.
  static void judge_target(evaluation& ev, const stage_inputs& in, std::size_t t, std::int32_t A,
                           const check_in_table& series, const judgement_scheme& scheme) {
    const evaluation_policy& policy = ev.policy_;
    const target_row& r = in.targets.rows()[t];
    const std::int32_t S = day_number(r.span.first());
    const std::int32_t E = day_number(r.span.last());
    const scoring_method method = in.methods.scoring_of(t);
    if (ev.expected_value_.empty()) {  // every target expects by days
      ev.expected_[t] = expected_by_days(A, S, E);
    } else {
      const expectation_of_target expected =
          expected_of(in.targets, t, in.methods.expected_by_of(t), method, in.phases, A);
      ev.expected_[t] = expected.progress;
      ev.expected_value_[t] = expected.value;
    }
    const period_state period = period_state_of(A, E, in.round_decided(t), policy);
    // Before its period a target is not judged, but a measurement that exists is shown.
    const bool not_started = A < S && policy.not_started_before_start;
    // A measured target with fewer check-ins than the policy's minimum has no data.
    const bool too_few = policy.minimum_points > 1 && !is_rating_kind(r.kind) &&
                         series.of(t).size() < policy.minimum_points;
    const auto set = [&](target_status s) {
      ev.status_[t] = s;
      ev.status_index_[t] = judgement_scheme::index(s);
    };
    if (r.kind == target_kind::direction && method == scoring_method::by_goal) {
      // The actual is the latest measurement already; the trend decides.
      const auto trend = trend_score(in.points[t], E - S + 1, r.wanted);
      if (not_started) {
        set(target_status::not_started);
      } else if (trend && !too_few) {
        set(judge_trend(*trend, period, policy));
      }
      return;
    }
    // The actual is shown even when too few check-ins leave the target unjudged.
    const actual_columns out{ev.actual_day_, ev.actual_, ev.numerator_, ev.denominator_};
    target_score score = score_target(in, t, A, out);
    if (too_few) score = {};
    ev.progress_[t] = score.progress;
    if (not_started) {
      set(target_status::not_started);
    } else if (score.has_data) {
      // Compliance holds or not sub-period by sub-period, as a cap does day by day.
      const bool compliance = method == scoring_method::compliance;
      const bool limit = compliance || (is_numeric_kind(r.kind) && is_limit(r.goal));
      const std::uint16_t s = judge(score, ev.expected_[t], period, limit,
                                    r.has_baseline() && !compliance, policy, scheme);
      ev.status_index_[t] = s;
      ev.status_[t] = scheme.category[s];
    }
  }

  // What results show beside the status: sub-periods, level changes, forecasts,
  // assessments in force.
  static void add_outlook(evaluation& ev, const plan& p, const stage_inputs& in,
                          const check_in_table& series, sub_period_table& phases) {
    ev.sub_begin_ = std::move(phases.begin);
    ev.sub_span_ = std::move(phases.span);
    ev.sub_own_ = std::move(phases.own);
    ev.sub_to_date_ = std::move(phases.to_date);
    ev.sub_planned_ = std::move(phases.planned);
    ev.sub_met_ = std::move(phases.met);
    if (!in.points.empty()) {
      level_change_columns c = level_changes(in.targets.rows(), in.points);
      ev.first_day_ = std::move(c.first_day);
      ev.first_ = std::move(c.first);
      ev.last_day_ = std::move(c.last_day);
      ev.last_ = std::move(c.last);
      ev.slope_ = std::move(c.slope);
    }
    if (ev.policy_.forecast_min_points > 0) {
      forecast_columns f = forecasts(in, series, ev.policy_.forecast_min_points);
      ev.forecast_value_ = std::move(f.value);
      ev.forecast_spread_ = std::move(f.spread);
      ev.forecast_progress_ = std::move(f.progress);
      ev.forecast_points_ = std::move(f.points);
      ev.forecast_reached_ = std::move(f.reached);
    }
    if (!p.assessments().empty()) {
      assessments_in_force a =
          assessments_as_of(p.assessments(), ev.status_.size(), day_number(ev.as_of_));
      ev.assessments_ = std::move(a.rows);
      ev.assessment_of_ = std::move(a.of_target);
    }
  }

  // Stage 4: roll-ups, the statuses by the roll-up rules (`graphs`: none without a rule),
  // and the summaries the policy asked for.
  static void add_rollups(evaluation& ev, const plan& p, tally_set& tallies,
                          std::shared_ptr<rollup_graphs> graphs, const judgement_scheme& scheme) {
    if (graphs) {
      const rollup_facts facts{ev.status_, ev.status_index_, ev.progress_, ev.expected_};
      const std::vector<std::int32_t> last_days = last_days_for(p, *graphs);
      ev.program_status_ = rollup_statuses(graphs->programs, graphs->rules, facts, last_days,
                                           scheme, ev.policy_, program_child);
      ev.collective_status_ =
          tree_rollup_statuses(graphs->collectives, graphs->rules, facts, last_days,
                               plan_access::targets(p), scheme, ev.policy_, collective_child);
      ev.rollup_graphs_ = std::move(graphs);
    }
    rollups sums = roll_up(p, ev.as_of_, ev.status_, ev.progress_);
    ev.programs_ = std::move(sums.programs);
    ev.collectives_ = std::move(sums.collectives);
    ev.summaries_.reserve(ev.policy_.rating_summaries.size());
    for (std::size_t i = 0; i < ev.policy_.rating_summaries.size(); ++i) {
      ev.summaries_.push_back(tallies.take(i));
    }
  }
};

}  // namespace detail

evaluation evaluate(const plan& p, date as_of, const evaluation_policy& policy) {
  policy.validate();
  if (as_of.is_special()) throw invalid_argument("evaluate: as_of is not a date");
  const std::int32_t A = day_number(as_of);
  const auto& targets = detail::plan_access::targets(p);
  const auto rows = targets.rows();
  const auto any = [&](auto pred) { return std::any_of(rows.begin(), rows.end(), pred); };

  // Stage 1: actuals over time, rating tallies, and the check-ins the methods read: the
  // direction targets' in [S, A], and the period's for the minimum-data rule (when it asks
  // for more than one) and forecasts.
  // The roll-up graphs first: an override naming no program or collective fails early.
  std::shared_ptr<detail::rollup_graphs> graphs =
      policy.rollup == no_rollup ? nullptr : detail::rollup_graphs_of(p, policy);
  const target_methods methods = methods_of(targets);
  detail::latest_measurements latest = detail::latest_as_of(p, A);
  detail::aggregate_over_time(p, A, methods.over_time, latest);
  detail::aggregate_up_tree(p, latest);
  std::vector<std::uint32_t> target_tally;
  detail::tally_set tallies = rating_tallies(p, A, policy, target_tally);
  const std::vector<detail::check_ins> points =
      any([](const auto& r) { return r.kind == target_kind::direction; })
          ? detail::direction_check_ins(p, A)
          : std::vector<detail::check_ins>{};
  const detail::check_in_table series = policy.minimum_points > 1 || policy.forecast_min_points > 0
                                            ? detail::period_check_ins(p, A)
                                            : detail::check_in_table{};
  detail::sub_period_table phases = detail::sub_periods_of(targets, methods.phased);
  detail::aggregate_sub_periods(p, A, methods.over_time, phases);
  detail::judge_sub_periods(targets, methods.scoring, A, phases);

  evaluation ev;
  using builder = detail::evaluation_builder;
  const bool any_parts =
      any([](const auto& r) { return r.kind == target_kind::ratio || is_rating_kind(r.kind); });
  builder::start(ev, as_of, policy, latest, any_parts,
                 !methods.phased.empty() || !methods.expected_by.empty());
  const detail::judgement_scheme scheme = detail::judgement_scheme::of(policy);
  const stage_inputs in{targets, methods, latest, tallies, target_tally, points, phases};
  for (std::size_t t = 0; t < rows.size(); ++t) builder::judge_target(ev, in, t, A, series, scheme);
  builder::add_outlook(ev, p, in, series, phases);
  builder::add_rollups(ev, p, tallies, std::move(graphs), scheme);
  return ev;
}

evaluation evaluate(const plan& p, date as_of, std::string_view policy_code) {
  return evaluate(p, as_of, p.policy(policy_code));
}

}  // namespace goaltrack
