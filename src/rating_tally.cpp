#include "rating_tally.hpp"

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack::detail {

std::uint32_t tally_set::require(const rating_summary_spec& spec) {
  for (std::size_t i = 0; i < tallies_.size(); ++i) {
    if (tallies_[i].spec == spec) return static_cast<std::uint32_t>(i);
  }
  tallies_.push_back(rating_tally{spec, false, {}, {}, {}, {}, {}, {}, {}, {}, {}});
  return static_cast<std::uint32_t>(tallies_.size() - 1);
}

void tally_set::compute() {
  for (auto& t : tallies_) fill(t);
}

void tally_set::fill(rating_tally& t) const {
  const rating_round& round = plan_.get(t.spec.round);
  plan_.get(round.scale()).check(t.spec.level, "rating summary");
  if (t.spec.required_share.denominator == 0 ||
      t.spec.required_share.numerator > t.spec.required_share.denominator) {
    throw invalid_argument("rating summary: required share must be a fraction in [0, 1]");
  }
  const organization& org = plan_.org();
  const std::size_t nc = org.collective_count();
  t.members.assign(nc, 0);
  t.members_ok.assign(nc, 0);
  t.subtree_members.assign(nc, 0);
  t.subtree_members_ok.assign(nc, 0);
  t.qualifies.assign(nc, 0);
  t.children_counted.assign(nc, 0);
  t.children_ok.assign(nc, 0);
  t.below_counted.assign(nc, 0);
  t.below_ok.assign(nc, 0);
  t.decided = day_number(round.decided_on()) <= as_of_day_;
  if (!t.decided) return;

  // Members: rank <= level is "the level or above"; unrated (255) never is.
  const std::uint8_t level = t.spec.level.rank();
  const auto member_of = org.member_collectives();
  const auto ranks = round.member_ranks();
  for (std::size_t m = 0, n = member_of.size(); m < n; ++m) {
    const std::size_t c = member_of[m].index();
    ++t.members[c];
    t.members_ok[c] += m < ranks.size() && ranks[m] <= level ? 1U : 0U;
  }
  for (std::size_t c = 0; c < nc; ++c) {
    t.subtree_members[c] = t.members[c];
    t.subtree_members_ok[c] = t.members_ok[c];
  }

  // One reverse pass over ids (children before parents): a collective's subtree sums
  // are complete when it is reached, so it can be judged and added to its parent.
  const auto kinds = org.kind_indices();
  const auto wanted_kind = t.spec.counted_kind.empty() ? std::optional<std::uint16_t>()
                                                       : org.find_kind(t.spec.counted_kind);
  const bool any_kind = t.spec.counted_kind.empty();
  const bool kind_exists = any_kind || wanted_kind.has_value();
  const auto collective_ranks = round.collective_ranks();
  const auto parents = org.parents();
  for (std::size_t c = nc; c-- > 0;) {
    const bool counted = kind_exists && (any_kind || kinds[c] == *wanted_kind);
    bool ok = false;
    if (counted) {
      if (t.spec.criterion == collective_criterion::own_rating) {
        ok = c < collective_ranks.size() && collective_ranks[c] <= level;
      } else {
        ok = t.subtree_members[c] > 0 &&
             t.spec.required_share.reached(t.subtree_members_ok[c], t.subtree_members[c]);
      }
    }
    t.qualifies[c] = ok ? 1 : 0;
    const collective_id parent = parents[c];
    if (!parent.ok()) continue;
    const std::size_t q = parent.index();
    t.subtree_members[q] += t.subtree_members[c];
    t.subtree_members_ok[q] += t.subtree_members_ok[c];
    t.children_counted[q] += counted ? 1U : 0U;
    t.children_ok[q] += ok ? 1U : 0U;
    t.below_counted[q] += t.below_counted[c] + (counted ? 1U : 0U);
    t.below_ok[q] += t.below_ok[c] + (ok ? 1U : 0U);
  }
}

}  // namespace goaltrack::detail
