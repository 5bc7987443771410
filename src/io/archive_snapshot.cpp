// Taking a plan's snapshot and rebuilding a plan from one, through the public API only.

#include "io/archive_snapshot.hpp"

#include <cmath>
#include <string>
#include <utility>

#include "goaltrack/error.hpp"

namespace goaltrack::detail {

period_dto to_dto(const period& p) {
  return {static_cast<std::uint8_t>(p.kind()), day_number(p.first()), day_number(p.last())};
}

std::string period_text(const period_dto& d) {
  return "period of kind " + std::to_string(d.kind) + " from day " + std::to_string(d.first) +
         " to day " + std::to_string(d.last);
}

// The period with exactly this kind, first and last day (period::of_kind).
period from_dto(const period_dto& d) {
  if (d.kind > static_cast<std::uint8_t>(period_kind::nine_months)) {
    throw invalid_argument("unknown " + period_text(d));
  }
  try {
    return period::of_kind(static_cast<period_kind>(d.kind), from_day_number(d.first),
                           from_day_number(d.last));
  } catch (const invalid_argument&) {
    throw invalid_argument("impossible " + period_text(d));
  }
}

namespace {

void check_finite(double v, const std::string& where) {
  if (!std::isfinite(v))
    throw invalid_argument(where + " is not a finite number; files hold finite numbers only");
}

// Targets added to the plan at once by the builder: enough to overlap their code
// lookups, few enough to stay in the cache.
constexpr std::size_t target_batch = 4096;

}  // namespace

plan_columns take_columns(const plan& p) {
  plan_columns s;
  const organization& o = p.org();
  for (const std::string& k : o.kind_names()) s.org.kind_names.push_back(k);
  for (std::size_t i = 0; i < o.collective_count(); ++i) {
    const collective_id c(static_cast<std::uint32_t>(i));
    s.org.collective_codes.push_back(o.code(c));
    s.org.collective_names.push_back(o.name(c));
  }
  s.org.collective_kinds.assign(o.kind_indices().begin(), o.kind_indices().end());
  for (const collective_id c : o.parents())
    s.org.collective_parents.push_back(c.ok() ? c.value() : no_id);
  for (std::size_t i = 0; i < o.member_count(); ++i) {
    const member_id m(static_cast<std::uint32_t>(i));
    s.org.member_codes.push_back(o.code(m));
    s.org.member_names.push_back(o.name(m));
  }
  for (const collective_id c : o.member_collectives())
    s.org.member_collectives.push_back(c.value());

  for (std::size_t i = 0; i < p.round_count(); ++i) {
    const rating_round& r = p.get(round_id(static_cast<std::uint32_t>(i)));
    s.rounds.push_back({r.scale().value(),
                        to_dto(r.rated_period()),
                        day_number(r.decided_on()),
                        {r.member_ranks().begin(), r.member_ranks().end()},
                        {r.collective_ranks().begin(), r.collective_ranks().end()}});
  }
  const measurement_table& m = p.measurements();
  s.measurements.targets.assign(m.targets().begin(), m.targets().end());
  s.measurements.days.assign(m.days().begin(), m.days().end());
  s.measurements.values.assign(m.values().begin(), m.values().end());
  s.measurements.denominators.assign(m.denominators().begin(), m.denominators().end());
  for (std::size_t i = 0; i < m.size(); ++i) {
    // Measurements passed their checks, which refuse non-finite values and denominators.
    if (!std::isfinite(s.measurements.values[i]) ||
        (!s.measurements.denominators.empty() && !std::isfinite(s.measurements.denominators[i]))) {
      check_finite(NAN, "measurement (row " + std::to_string(i) + ")");
    }
  }
  for (measurement_annotation& a : m.annotations()) {
    s.measurements.annotations.push_back({a.row, std::move(a.source), std::move(a.note)});
  }
  return s;
}

void plan_builder::add(organization_dto&& org) {
  organization& o = plan_.org();
  const std::size_t n_coll = org.collective_codes.size();
  if (org.collective_names.size() != n_coll || org.collective_kinds.size() != n_coll ||
      org.collective_parents.size() != n_coll) {
    throw invalid_argument("the collectives' columns have different lengths");
  }
  // One by one in id order, so that every collective keeps its id.
  for (std::size_t i = 0; i < n_coll; ++i) {
    const std::uint16_t k = org.collective_kinds[i];
    if (k >= org.kind_names.size()) {
      throw invalid_argument("collective '" + std::string(org.collective_codes[i]) +
                             "' has unknown kind index " + std::to_string(k));
    }
    const std::uint32_t parent = org.collective_parents[i];
    o.add_collective(org.collective_codes[i], org.collective_names[i], org.kind_names[k],
                     parent == no_id ? std::nullopt : std::optional(collective_id(parent)));
  }
  if (o.kind_names().size() != org.kind_names.size()) {
    throw invalid_argument("the organisation lists kinds that no collective has");
  }
  const std::size_t n_mem = org.member_codes.size();
  if (org.member_names.size() != n_mem || org.member_collectives.size() != n_mem) {
    throw invalid_argument("the members' columns have different lengths");
  }
  if (n_mem < threaded_members) {
    add_members(org);
    return;
  }
  org_ = std::move(org);
  members_ = std::thread([this] {
    try {
      add_members(org_);
    } catch (...) {
      members_error_ = std::current_exception();
    }
  });
}

void plan_builder::add_members(const organization_dto& org) {
  organization& o = plan_.org();
  const std::size_t n_mem = org.member_codes.size();
  // In batches: a spec per member at once would be a copy of the whole column.
  constexpr std::size_t batch = std::size_t{1} << 16;
  std::vector<member_spec> specs;
  specs.reserve(std::min(batch, n_mem));
  o.reserve_members(n_mem);
  for (std::size_t base = 0; base < n_mem; base += batch) {
    specs.clear();
    for (std::size_t i = base; i < std::min(n_mem, base + batch); ++i) {
      specs.push_back(
          {org.member_codes[i], org.member_names[i], collective_id(org.member_collectives[i])});
    }
    o.add_members(specs);
  }
}

void plan_builder::join_members() {
  if (!members_.joinable()) return;
  members_.join();
  org_ = {};
  if (members_error_) std::rethrow_exception(std::exchange(members_error_, nullptr));
  for (const round_dto& d : waiting_rounds_) add_round(d);
  waiting_rounds_.clear();
}

plan_builder::~plan_builder() {
  if (members_.joinable()) members_.join();
}

plan plan_builder::finish() && {
  add_pending_targets();
  join_members();
  plan_.add_alignments(alignments_);
  plan_.add_notes(notes_);
  return std::move(plan_);
}

void plan_builder::add(const rating_scale& s) { plan_.add_scale(s); }

void plan_builder::add(const round_dto& d) {
  if (members_.joinable()) {
    waiting_rounds_.push_back(d);
  } else {
    add_round(d);
  }
}

void plan_builder::add_round(const round_dto& d) {
  const round_id r =
      plan_.add_round(scale_id(d.scale), from_dto(d.span), from_day_number(d.decided_on));
  std::vector<member_id> members;
  std::vector<rating_level> levels;
  for (std::size_t i = 0; i < d.member_ranks.size(); ++i) {
    if (d.member_ranks[i] == rating_round::unrated) continue;
    members.emplace_back(static_cast<std::uint32_t>(i));
    levels.emplace_back(d.member_ranks[i]);
  }
  if (!members.empty()) plan_.rate(r, members, levels);
  for (std::size_t i = 0; i < d.collective_ranks.size(); ++i) {
    if (d.collective_ranks[i] == rating_round::unrated) continue;
    plan_.rate(r, collective_id(static_cast<std::uint32_t>(i)),
               rating_level(d.collective_ranks[i]));
  }
}

void plan_builder::add(const program& p) { plan_.add_program(p); }

void plan_builder::add(const task& t) { plan_.add_task(t); }

target& plan_builder::next_target() {
  if (pending_count_ == pending_.size()) {
    if (pending_count_ == target_batch) add_pending_targets();
    if (pending_count_ == pending_.size()) pending_.emplace_back();
  }
  return pending_[pending_count_++];
}

void plan_builder::add_pending_targets() {
  if (pending_count_ == 0) return;
  plan_.add_targets(std::span(pending_.data(), pending_count_));
  pending_count_ = 0;
}

void plan_builder::add(measurements_dto&& m) {
  add_pending_targets();
  const std::size_t n = m.targets.size();  // the plan checks that the columns agree
  const bool had_denominators = !m.denominators.empty();
  plan_.add_measurements(measurement_columns{std::move(m.targets), std::move(m.days),
                                             std::move(m.values), std::move(m.denominators)});
  if (had_denominators && plan_.measurements().denominators().empty()) {
    throw invalid_argument("the measurements have a denominator column of ones only");
  }
  std::uint64_t next_row = 0;
  for (annotation_dto& a : m.annotations) {
    if (a.row < next_row || (a.source.empty() && a.note.empty())) {
      throw invalid_argument("measurement annotation of row " + std::to_string(a.row) +
                             " is out of order, repeated or empty");
    }
    if (a.row >= n)
      throw not_found("measurement annotation names row " + std::to_string(a.row) + " of " +
                      std::to_string(n));
    plan_.annotate_measurement(static_cast<std::size_t>(a.row), std::move(a.source),
                               std::move(a.note));
    next_row = a.row + 1;
  }
}

void plan_builder::add(const named_policy& p) {
  add_pending_targets();
  join_members();  // policies name rounds
  plan_.add_policy(p.code, p.policy);
}

void plan_builder::add(const assessment& a) {
  add_pending_targets();
  plan_.add_assessment(a);
}

void plan_builder::add(const entity_label& l) {
  add_pending_targets();
  join_members();  // the members' thread writes the organisation a label reads
  plan_.add_label(l);
}

void plan_builder::add(const row_note& n) { notes_.push_back(n); }

void plan_builder::add(const alignment& a) {
  add_pending_targets();
  alignments_.push_back(a);
}

}  // namespace goaltrack::detail
