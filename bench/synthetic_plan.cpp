#include "synthetic_plan.hpp"

#include <algorithm>
#include <cmath>
#include <cstdio>
#include <memory>
#include <optional>
#include <span>
#include <string>

namespace goaltrack_bench {

namespace gt = goaltrack;

namespace {

constexpr std::size_t batch_rows = 1'000'000;

/// A code such as "u17": a letter and a number. (Built by appending: GCC 12 gives a false
/// -Wrestrict warning on "u" + std::to_string(n).)
std::string code(char letter, std::size_t number) {
  std::string s(1, letter);
  s += std::to_string(number);
  return s;
}

/// SplitMix64: a tiny generator whose sequence is fixed by its seed on every platform and
/// standard library (the std:: distributions are not).
class splitmix64 {
 public:
  explicit splitmix64(std::uint64_t seed) noexcept : state_(seed) {}
  std::uint64_t next() noexcept {
    std::uint64_t z = (state_ += 0x9e3779b97f4a7c15ULL);
    z = (z ^ (z >> 30)) * 0xbf58476d1ce4e5b9ULL;
    z = (z ^ (z >> 27)) * 0x94d049bb133111ebULL;
    return z ^ (z >> 31);
  }
  /// Uniform in [0, n), n > 0 (the modulo bias is far below what matters here).
  std::uint32_t below(std::size_t n) noexcept { return static_cast<std::uint32_t>(next() % n); }

 private:
  std::uint64_t state_;
};

/// Row counts at a scale, as the kit's gen.py computes them: provinces stay 63, lower
/// levels scale but never have fewer units than their parents.
struct shape {
  explicit shape(double scale)
      : districts(std::max<std::size_t>(provinces, scaled(700, scale))),
        orgs(std::max(districts, scaled(10'000, scale))),
        cells(std::max(orgs, scaled(300'000, scale))),
        members(std::max(cells, scaled(5'000'000, scale))),
        targets(std::max<std::size_t>(1, scaled(1'000'000, scale))) {}
  static std::size_t scaled(double n, double scale) {
    return static_cast<std::size_t>(std::llround(n * scale));
  }
  static constexpr std::size_t provinces = 63;
  std::size_t districts;
  std::size_t orgs;
  std::size_t cells;
  std::size_t members;
  std::size_t targets;
};

/// The collectives of the tree, parents first; returns the ids of each level's units.
std::vector<std::vector<gt::collective_id>> add_tree(gt::plan& plan, const shape& s,
                                                     splitmix64& rng) {
  const std::size_t sizes[] = {1, shape::provinces, s.districts, s.orgs, s.cells};
  const char* const kinds[] = {"nation", "province", "district", "org", "cell"};
  std::vector<std::string> codes;
  std::vector<gt::collective_spec> specs;
  std::vector<std::size_t> first_of_level;
  for (std::size_t level = 0; level < 5; ++level) {
    first_of_level.push_back(codes.size());
    for (std::size_t i = 0; i < sizes[level]; ++i) codes.push_back(code('u', codes.size()));
  }
  for (std::size_t level = 0; level < 5; ++level) {
    for (std::size_t i = 0; i < sizes[level]; ++i) {
      gt::collective_spec spec;
      spec.code = codes[first_of_level[level] + i];
      spec.kind = kinds[level];
      if (level > 0) {
        // Every parent gets a child first, then children go to random parents.
        const std::size_t parents = sizes[level - 1];
        spec.parent_code =
            codes[first_of_level[level - 1] + (i < parents ? i : rng.below(parents))];
      }
      specs.push_back(spec);
    }
  }
  const std::vector<gt::collective_id> ids = plan.org().add_collectives(specs);
  std::vector<std::vector<gt::collective_id>> levels(5);
  for (std::size_t level = 0; level < 5; ++level) {
    const auto first = ids.begin() + static_cast<std::ptrdiff_t>(first_of_level[level]);
    levels[level].assign(first, first + static_cast<std::ptrdiff_t>(sizes[level]));
  }
  return levels;
}

/// Members spread over the cells (each cell gets one first), rated ≈ 15/70/13/2 %
/// excellent/good/completed/not_completed; every fourth cell rates only excellent or
/// good, so that some cells qualify as all good.
void add_members(gt::plan& plan, gt::round_id round, std::span<const gt::collective_id> cells,
                 std::size_t count, splitmix64& rng) {
  std::vector<std::string> codes;
  std::vector<gt::member_spec> specs;
  std::vector<gt::member_id> ids;
  std::vector<gt::rating_level> levels;
  for (std::size_t first = 0; first < count; first += batch_rows) {
    const std::size_t n = std::min(batch_rows, count - first);
    codes.clear();
    specs.clear();
    levels.clear();
    for (std::size_t i = 0; i < n; ++i) codes.push_back(code('m', first + i));
    for (std::size_t i = 0; i < n; ++i) {
      const std::size_t cell = first + i < cells.size() ? first + i : rng.below(cells.size());
      specs.push_back({codes[i], "", cells[cell]});
      const std::uint32_t r = rng.below(100);
      const bool strong_cell = cell % 4 == 0;
      levels.emplace_back(static_cast<std::uint8_t>(r < 15                    ? 0
                                                    : (r < 85 || strong_cell) ? 1
                                                    : r < 98                  ? 2
                                                                              : 3));
    }
    const gt::member_id start = plan.org().add_members(specs);
    ids.resize(n);
    for (std::size_t i = 0; i < n; ++i)
      ids[i] = gt::member_id(start.value() + static_cast<std::uint32_t>(i));
    plan.rate(round, ids, levels);
  }
}

/// Gives `t` its months as sub-periods and planned levels from its baseline to its goal,
/// even steps, expected by that plan.
void phase_monthly(gt::target& t) {
  t.phased_by(gt::period_kind::month);
  const double n = static_cast<double>(t.sub_periods.size());
  std::vector<double> levels;
  for (std::size_t k = 1; k <= t.sub_periods.size(); ++k) {
    levels.push_back(*t.baseline + (t.goal_level() - *t.baseline) * static_cast<double>(k) / n);
  }
  t.planned_values(std::move(levels)).expecting(gt::expectation::plan);
}

/// Quantity targets on units of every level (≈ 60 % cells, 30 % orgs, 7 % districts,
/// 2.5 % provinces, 0.5 % the nation), a third of them decreasing, over the whole of 2021
/// (70 %), H1, H2, Q3 or Q4; and 0..20 measurements each on days of its period, in
/// shuffled order. `phased`: each target also has its months as sub-periods, a plan of
/// levels rising (or falling) evenly to the goal by each month's end, and expects by it.
measurement_columns add_targets(gt::plan& plan,
                                const std::vector<std::vector<gt::collective_id>>& levels,
                                std::size_t count, splitmix64& rng, bool phased) {
  const gt::period periods[] = {gt::period::year(2021), gt::period::parse("2021-01-01/2021-06-30"),
                                gt::period::parse("2021-07-01/2021-12-31"),
                                gt::period::quarter(2021, 3), gt::period::quarter(2021, 4)};
  measurement_columns m;
  for (std::size_t t = 0; t < count; ++t) {
    const std::uint32_t k = rng.below(1000);
    const std::size_t level = k < 600 ? 4 : k < 900 ? 3 : k < 970 ? 2 : k < 995 ? 1 : 0;
    const gt::collective_id owner = levels[level][rng.below(levels[level].size())];
    const std::uint32_t p = rng.below(100);
    const gt::period& span = periods[p < 70 ? 0 : p < 80 ? 1 : p < 90 ? 2 : p < 95 ? 3 : 4];
    const double baseline = rng.below(100'000) / 100.0;
    const double delta = (1 + rng.below(50'000)) / 100.0;
    gt::target target = gt::target::quantity(code('t', t), "", owner, span);
    if (rng.below(3) == 0) {
      target.decrease_to(baseline - delta);
    } else {
      target.increase_to(baseline + delta);
    }
    target.from(baseline);
    if (phased) phase_monthly(target);
    const gt::target_id id = plan.add_target(target);
    const std::int32_t first_day = gt::day_number(span.first());
    for (std::uint32_t i = 0, n = rng.below(21); i < n; ++i) {
      m.targets.push_back(id);
      m.days.push_back(first_day +
                       static_cast<std::int32_t>(rng.below(static_cast<std::size_t>(span.days()))));
      m.values.push_back(baseline +
                         (target.goal_value - baseline) * (rng.below(15'000) / 10'000.0 - 0.25));
    }
  }
  for (std::size_t i = m.targets.size(); i > 1; --i) {  // Fisher-Yates: rows come unsorted
    const std::size_t j = rng.below(i);
    std::swap(m.targets[i - 1], m.targets[j]);
    std::swap(m.days[i - 1], m.days[j]);
    std::swap(m.values[i - 1], m.values[j]);
  }
  return m;
}

/// Adds the measurement columns to `plan` in batches.
}  // namespace

gt::date as_of() { return gt::make_date(2021, 9, 30); }

void add_measurements(gt::plan& plan, const measurement_columns& m) {
  const std::span targets(m.targets);
  const std::span days(m.days);
  const std::span values(m.values);
  for (std::size_t first = 0; first < targets.size(); first += batch_rows) {
    const std::size_t n = std::min(batch_rows, targets.size() - first);
    plan.add_measurements(targets.subspan(first, n), days.subspan(first, n),
                          values.subspan(first, n));
  }
}

/// The synthetic plan at `scale`, generated on first use and kept until another scale
/// is asked for (one plan in memory at a time).
namespace {

// The synthetic plan at `scale`, its targets time-phased or not.
std::unique_ptr<synthetic> generate(double scale, bool phased) {
  std::fprintf(stderr, "generating the synthetic plan at scale %g%s ...\n", scale,
               phased ? ", time-phased" : "");
  auto s = std::make_unique<synthetic>();
  s->scale = scale;
  splitmix64 rng(20210930);
  const shape counts(scale);
  const gt::scale_id vn4 = s->base.add_scale(gt::rating_scale::vietnamese_default());
  s->round = s->base.add_round(vn4, gt::period::year(2021), as_of());  // known by the as-of day
  const auto levels = add_tree(s->base, counts, rng);
  add_members(s->base, s->round, levels[4], counts.members, rng);
  s->measurements = add_targets(s->base, levels, counts.targets, rng, phased);
  s->full = s->base;
  add_measurements(s->full, s->measurements);
  return s;
}

}  // namespace

const synthetic& plan_at(double scale) {
  static std::unique_ptr<synthetic> cached;
  if (cached && cached->scale == scale) return *cached;
  cached.reset();
  cached = generate(scale, false);
  return *cached;
}

const synthetic& time_phased_plan_at(double scale) {
  static std::unique_ptr<synthetic> cached;
  if (cached && cached->scale == scale) return *cached;
  cached.reset();
  cached = generate(scale, true);
  return *cached;
}

/// The peer kit's policy (see goaltrack_peer.cpp): its margins, no not_started or missed,
/// and the "all members good or above" summary over cells.
gt::evaluation_policy kit_policy(const synthetic& s) {
  gt::evaluation_policy policy;
  policy.on_track_margin = 0.1;
  policy.at_risk_margin = 0.25;
  policy.not_started_before_start = false;
  policy.missed_after_end = false;
  policy.rollup = gt::no_rollup;  // the kit's job counts and averages; it has no roll-up statuses
  policy.rating_summaries.push_back({s.round, gt::rating_level(1), "cell",
                                     gt::collective_criterion::member_share,
                                     gt::share::percent(100)});
  return policy;
}

}  // namespace goaltrack_bench
