// Stage 4 of evaluate(), continued: the statuses of programs and collectives by their
// roll-up rules (rollup.hpp; stages.hpp).
//
// The weighted mean is a sparse linear map: with T the parents x targets matrix of edge
// weights, N the parents x child nodes one, x the targets' scores and s the nodes', over
// the children counted, s = D^-1 (T x + N s), D the diagonal of each parent's counted
// weights. In an order where every node follows its children N is strictly triangular, so
// one pass over the rows in that order solves it (a sparse triangular solve, by rows);
// D and the counting depend on which children have data, so the pass also counts them and
// makes the other rules' choices, in time linear in the edges.

#include "rollup_rules.hpp"

#include <algorithm>
#include <array>
#include <cmath>
#include <limits>

#include "goaltrack/error.hpp"
#include "goaltrack/plan.hpp"
#include "plan_data.hpp"
#include "program_graph.hpp"
#include "stages.hpp"

namespace goaltrack::detail {
namespace {

using matrix = rollup_graph::matrix;
constexpr std::int32_t no_end = std::numeric_limits<std::int32_t>::min();

// --- graphs ---------------------------------------------------------------------------

// A parents x children matrix from its edges, by a counting sort on the parent: `each`
// calls emit(parent, child, weight) for every edge, in the same order both times it runs;
// a parent's children keep that order.
template <class EachEdge>
matrix by_parent(std::size_t parents, std::size_t children, EachEdge each) {
  std::vector<std::int32_t> outer(parents + 1, 0);
  each([&](std::size_t parent, std::size_t, double) { ++outer[parent + 1]; });
  for (std::size_t r = 0; r < parents; ++r) outer[r + 1] += outer[r];
  matrix m(static_cast<Eigen::Index>(parents), static_cast<Eigen::Index>(children));
  m.resizeNonZeros(outer[parents]);
  std::copy(outer.begin(), outer.end(), m.outerIndexPtr());
  each([&](std::size_t parent, std::size_t child, double w) {
    const std::int32_t k = outer[parent]++;
    m.innerIndexPtr()[k] = static_cast<std::int32_t>(child);
    m.valuePtr()[k] = w;
  });
  return m;
}

std::vector<std::uint32_t> reverse_ids(std::size_t n) {
  std::vector<std::uint32_t> order(n);
  for (std::size_t i = 0; i < n; ++i) order[i] = static_cast<std::uint32_t>(n - 1 - i);
  return order;
}

// Each node's rule: the policy's default, or an override's, as an index into `rules`
// (the built-in rules first, then the policy's).
std::vector<std::uint16_t> rules_of(std::size_t nodes, const evaluation_policy& policy,
                                    std::span<const rollup_rule> rules, rollup_scope scope,
                                    const auto& find_node) {
  const auto index = [&](std::string_view code) {
    const auto it = std::find_if(rules.begin(), rules.end(),
                                 [&](const rollup_rule& r) { return r.code == code; });
    return static_cast<std::uint16_t>(it - rules.begin());
  };
  std::vector<std::uint16_t> of(nodes, index(policy.rollup));
  for (const rollup_override& o : policy.rollup_overrides) {
    if (o.scope != scope) continue;
    const auto node = find_node(o.code);
    if (!node) {
      throw not_found("roll-up override of " + std::string(to_string(scope)) + " '" + o.code +
                      "': no " + std::string(to_string(scope)) + " has that code");
    }
    of[node->index()] = index(o.rule);
  }
  return of;
}

}  // namespace

std::shared_ptr<rollup_graphs> rollup_graphs_of(const plan& p, const evaluation_policy& policy) {
  auto made = std::make_shared<rollup_graphs>();
  rollup_graphs& g = *made;
  for (std::uint8_t m = 0; m <= static_cast<std::uint8_t>(rollup_method::latest); ++m) {
    g.rules.push_back(builtin_rollup_rule(static_cast<rollup_method>(m)));
  }
  g.rules.insert(g.rules.end(), policy.rollup_rules.begin(), policy.rollup_rules.end());
  const target_table& targets = plan_access::targets(p);
  const auto rows = targets.rows();
  const organization& org = p.org();
  const std::size_t nc = org.collective_count();
  const std::size_t np = p.program_count();
  const auto parents = org.parents();
  // The collectives' targets are gathered by their owners as the statuses are computed
  // (tree_rollup_statuses), in the pass that reads the targets anyway.
  g.collectives.nodes = by_parent(nc, nc, [&](auto emit) {
    for (std::size_t c = 0; c < nc; ++c)
      if (parents[c].ok()) emit(parents[c].index(), c, 1.0);
  });
  g.collectives.order = reverse_ids(nc);
  g.collectives.owned = true;
  g.collectives.rule_of =
      rules_of(nc, policy, g.rules, rollup_scope::collective,
               [&](std::string_view code) { return org.find_collective(code); });
  // Programs: own targets, then aligned ones; child programs, then aligned ones.
  const auto programs = p.programs();
  const auto aligned = p.alignments();
  g.programs.rule_of = rules_of(np, policy, g.rules, rollup_scope::program,
                                [&](std::string_view code) { return p.find_program(code); });
  if (np == 0) return made;
  g.programs.targets = by_parent(np, rows.size(), [&](auto emit) {
    for (std::size_t t = 0; t < rows.size(); ++t)
      if (rows[t].program.ok()) emit(rows[t].program.index(), t, targets.weight(rows[t]));
    for (const alignment& a : aligned)
      if (a.target.ok()) emit(a.parent.index(), a.target.index(), a.weight);
  });
  bool programs_aligned = false;
  g.programs.nodes = by_parent(np, np, [&](auto emit) {
    for (std::size_t i = 0; i < np; ++i)
      if (programs[i].parent) emit(programs[i].parent->index(), i, 1.0);
    for (const alignment& a : aligned) {
      if (!a.program.ok()) continue;
      emit(a.parent.index(), a.program.index(), a.weight);
      programs_aligned = true;
    }
  });
  // A parent has a smaller id than its children; an aligned program need not.
  g.programs.order = programs_aligned ? order_programs(programs, aligned).order : reverse_ids(np);
  return made;
}

namespace {

// --- the children's facts and the tally of a parent --------------------------------------

// What a parent's rule reads of one child.
struct child_fact {
  target_status status = target_status::no_data;
  std::uint16_t index = 0;
  double score = no_value;     // clamped; NaN without one
  double expected = no_value;  // NaN without one
  std::int32_t end = no_end;   // the last day of its period (latest)
  bool final = false;          // achieved or missed, for good
};

// Worst to best (rollup.hpp), by category: missed 0, off_track 1, no_data 2, at_risk 3,
// not_started 4, on_track 5, within_so_far 6, achieved 7. A table, in target_status's order.
constexpr std::array<std::uint8_t, target_status_count> ranks{4, 2, 5, 3, 1, 7, 0, 6};
constexpr std::uint8_t rank(target_status s) noexcept {
  return ranks[static_cast<std::size_t>(s) & 7U];
}
static_assert(rank(target_status::missed) == 0 && rank(target_status::achieved) == 7 &&
              rank(target_status::no_data) == 2 && rank(target_status::within_so_far) == 6);

bool is_final(target_status s) noexcept {
  return s == target_status::achieved || s == target_status::missed;
}

// A target's score as its parents read it: clamped progress, none not started or within
// so far (a figure measured before its period, a limit's before it closes), as in the
// counts' means (rollup.cpp).
double target_score(const rollup_facts& in, std::size_t t) noexcept {
  const target_status s = in.status[t];
  const double p = in.progress[t];
  if (p != p || s == target_status::not_started || s == target_status::within_so_far) {
    return no_value;
  }
  return std::clamp(p, 0.0, 1.0);
}

child_fact target_child(const rollup_facts& in, std::span<const std::int32_t> last_days,
                        std::size_t t) noexcept {
  const target_status s = in.status[t];
  return {s,
          in.status_index[t],
          target_score(in, t),
          in.expected[t],
          last_days.empty() ? no_end : last_days[t],
          is_final(s)};
}

bool excluded(const rollup_rule& r, target_status s) noexcept {
  return (r.exclude_not_started && s == target_status::not_started) ||
         (r.exclude_no_data && s == target_status::no_data);
}

// A chosen child: which (a target, or a node of the graph), its status and status index,
// and what decides (its score for worst and best, the last day of its period for latest:
// then its score is read again from the child, fact_of). 16 bytes.
struct pick {
  static constexpr std::uint8_t is_set = 1, is_node = 2;
  static constexpr std::uint8_t tally_flag = 4;  // not the pick's: tally::started_or_none
  double key = no_value;
  std::uint32_t child = 0;
  std::uint16_t index = 0;
  target_status status = target_status::no_data;
  std::uint8_t flags = 0;
  [[nodiscard]] bool set() const noexcept { return (flags & is_set) != 0; }
  [[nodiscard]] bool node() const noexcept { return (flags & is_node) != 0; }
};

// Lower scores are worse; a child without one is the worst of its rank.
double key(double score) noexcept {
  return score == score ? score : -std::numeric_limits<double>::infinity();
}

// Which child a rule picks: worst (also weighted_mean's, taken when no child has a score),
// best or latest; none for the count rules.
enum class picking : std::uint8_t { none, worst, best, latest };
picking picking_of(rollup_method m) noexcept {
  switch (m) {
    case rollup_method::worst:
    case rollup_method::weighted_mean:
      return picking::worst;
    case rollup_method::best:
      return picking::best;
    case rollup_method::latest:
      return picking::latest;
    default:
      return picking::none;
  }
}

// Offers counted child c to pick `p` of a rule picking `how`: worst and best by rank, then
// score (rollup.hpp; the first of equals), latest by the last day of its period (the last
// of equals).
void offer(pick& p, picking how, const child_fact& c, std::uint32_t child, bool node) noexcept {
  bool take = !p.set();
  double k = key(c.score);
  switch (how) {
    // Without branches on the data (a mispredicted branch per target doubled the cost of
    // worst-wins): bitwise, not logical, operators.
    case picking::worst: {
      const std::uint8_t rc = rank(c.status);
      const std::uint8_t rp = rank(p.status);
      take = take | (rc < rp) | ((rc == rp) & (k < p.key));
      break;
    }
    case picking::best: {
      const std::uint8_t rc = rank(c.status);
      const std::uint8_t rp = rank(p.status);
      take = take | (rc > rp) | ((rc == rp) & (k > p.key));
      break;
    }
    case picking::latest:
      k = static_cast<double>(c.end);
      take = take || k >= p.key;
      break;
    case picking::none:
      return;
  }
  if (take) {
    const auto flags = static_cast<std::uint8_t>((p.flags & pick::tally_flag) | pick::is_set |
                                                 (node ? pick::is_node : 0));
    p = {k, child, c.index, c.status, flags};
  }
}

// One pass over a parent's children: the sums of the weighted mean, the counts and the
// child the rule picks, in one cache line (evaluate updates one per target, in no order of
// their parents).
struct alignas(64) tally {
  double sum = 0, weight = 0, expected = 0;  // over counted children with a score
  std::uint32_t children = 0, counted = 0, achieved = 0, missed = 0, on_pace = 0, at_risk = 0;
  pick chosen;

  // Adds child c of weight w; true when the rule counts it.
  bool add(const child_fact& c, double w, const rollup_rule& rule) noexcept {
    ++children;
    missed += c.status == target_status::missed;
    if (excluded(rule, c.status)) {
      if (c.status != target_status::not_started) chosen.flags |= pick::tally_flag;
      return false;
    }
    ++counted;
    achieved += c.status == target_status::achieved;
    on_pace += c.status == target_status::on_track || c.status == target_status::within_so_far;
    at_risk += c.status == target_status::at_risk;
    if (c.score == c.score) {
      sum += w * c.score;
      weight += w;
      expected += w * c.expected;
    }
    return true;
  }
  // Every counted child achieved or missed (excluded statuses are neither).
  [[nodiscard]] bool all_final() const noexcept { return achieved + missed == counted; }
  // Some child not counted is not not_started (without counted children: no_data).
  [[nodiscard]] bool started_or_none() const noexcept {
    return (chosen.flags & pick::tally_flag) != 0;
  }
};
static_assert(sizeof(tally) == 64, "a tally is one cache line");

// The k of a count rule over n counted children.
std::uint64_t required_of(const rollup_rule& r, std::uint64_t n) noexcept {
  switch (r.method) {
    case rollup_method::all_achieved:
      return n;
    case rollup_method::share_achieved: {
      const share s = r.required_share;  // ceil(n x numerator / denominator), exactly
      return (n * s.numerator + s.denominator - 1) / s.denominator;
    }
    default:
      return r.required_count;
  }
}

bool counts_achieved(rollup_method m) noexcept {
  return m == rollup_method::all_achieved || m == rollup_method::share_achieved ||
         m == rollup_method::count_achieved;
}

// The pick that decides a rule's status: worst, best or latest (weighted_mean without a
// score: the worst); none for the others.
const pick* decisive(const pick& chosen, const rollup_rule& r, bool has_mean) noexcept {
  const picking how = picking_of(r.method);
  if (how == picking::none || !chosen.set()) return nullptr;
  if (r.method == rollup_method::weighted_mean && has_mean) return nullptr;
  return &chosen;
}

// The status of a count rule needing k of the counted children (rollup.hpp's table):
// missed when, even if every child not yet achieved or missed were achieved (and so
// counted), fewer than the rule would then need would be: children - missed < k(children).
target_status count_status(const tally& a, const rollup_rule& rule) noexcept {
  const std::uint64_t k = required_of(rule, a.counted);
  if (a.achieved >= k) return target_status::achieved;
  if (a.children - a.missed < required_of(rule, a.children)) return target_status::missed;
  if (a.achieved + a.on_pace >= k) return target_status::on_track;
  if (a.achieved + a.on_pace + a.at_risk >= k) return target_status::at_risk;
  return target_status::off_track;
}

// Adds the child nodes of row `node` of `g` (their facts are `nodes`) to tally `a`.
void add_child_nodes(tally& a, const rollup_graph& g, std::uint32_t node, const rollup_rule& rule,
                     std::span<const child_fact> nodes) {
  const picking how = picking_of(rule.method);
  for (matrix::InnerIterator it(g.nodes, static_cast<Eigen::Index>(node)); it; ++it) {
    const auto q = static_cast<std::uint32_t>(it.index());
    if (a.add(nodes[q], it.value(), rule)) offer(a.chosen, how, nodes[q], q, true);
  }
}

// The tally of row `node` of `g` under `rule`: its targets, then its child nodes.
tally tally_of(const rollup_graph& g, std::uint32_t node, const rollup_rule& rule,
               const rollup_facts& in, std::span<const std::int32_t> last_days,
               std::span<const child_fact> nodes) {
  tally a;
  const picking how = picking_of(rule.method);
  for (matrix::InnerIterator it(g.targets, static_cast<Eigen::Index>(node)); it; ++it) {
    const auto t = static_cast<std::uint32_t>(it.index());
    const child_fact c = target_child(in, last_days, t);
    if (a.add(c, it.value(), rule)) offer(a.chosen, how, c, t, false);
  }
  add_child_nodes(a, g, node, rule, nodes);
  return a;
}

// The latest end among a node's counted children, for its parents' latest rule: its
// targets', then its child nodes'.
std::int32_t latest_end(const rollup_graph& g, std::uint32_t node, const rollup_rule& rule,
                        const rollup_facts& in, std::span<const std::int32_t> last_days,
                        std::span<const child_fact> nodes) {
  std::int32_t end = no_end;
  for (matrix::InnerIterator it(g.targets, static_cast<Eigen::Index>(node)); it; ++it) {
    const auto t = static_cast<std::size_t>(it.index());
    if (!excluded(rule, in.status[t])) end = std::max(end, last_days[t]);
  }
  for (matrix::InnerIterator it(g.nodes, static_cast<Eigen::Index>(node)); it; ++it) {
    const child_fact& c = nodes[static_cast<std::size_t>(it.index())];
    if (!excluded(rule, c.status)) end = std::max(end, c.end);
  }
  return end;
}

// The score of a picked child: its key for worst and best (-inf: none), else read from the
// child itself.
double score_of(const pick& p, picking how, const rollup_facts& in,
                std::span<const child_fact> nodes) {
  if (how != picking::latest)
    return p.key == -std::numeric_limits<double>::infinity() ? no_value : p.key;
  return p.node() ? nodes[p.child].score : target_score(in, p.child);
}

struct judged {
  rollup_status status;
  child_fact fact;
};

// The status of a parent from its tally under `rule`; `end` is the latest end among its
// counted children (no_end when no rule reads it).
judged finish(const tally& a, std::int32_t end, const rollup_rule& rule, const rollup_facts& in,
              std::span<const child_fact> nodes, const judgement_scheme& scheme,
              const evaluation_policy& policy, node_naming name) {
  judged out;
  rollup_status& st = out.status;
  st.counted = a.counted;
  st.achieved = a.achieved;
  const auto set = [&](target_status s, std::uint16_t index) {
    st.status = s;
    st.status_index = index;
  };
  if (a.counted == 0) {
    const target_status s = a.children > 0 && !a.started_or_none() ? target_status::not_started
                                                                   : target_status::no_data;
    set(s, judgement_scheme::index(s));
    out.fact = {s, st.status_index, no_value, no_value, no_end, false};
    return out;
  }
  if (a.weight > 0) st.expected = a.expected / a.weight;
  const bool all_final = a.all_final();
  if (const pick* p = decisive(a.chosen, rule, a.weight > 0)) {
    const double score = score_of(*p, picking_of(rule.method), in, nodes);
    set(p->status, p->index);
    if (score == score) st.score = score;
    st.decided_by = p->node() ? name(p->child) : rollup_child(target_id(p->child));
  } else if (counts_achieved(rule.method)) {
    const std::uint64_t k = required_of(rule, a.counted);
    const target_status s = count_status(a, rule);
    set(s, judgement_scheme::index(s));
    st.score = static_cast<double>(a.achieved) / static_cast<double>(k);
  } else {  // weighted_mean with a score
    const double mean = a.sum / a.weight;
    st.score = mean;
    const std::uint16_t s = judge({mean, mean >= 1.0, true}, *st.expected, {all_final, all_final},
                                  false, true, policy, scheme);
    set(scheme.category[s], s);
  }
  const double score = st.score ? std::clamp(*st.score, 0.0, 1.0) : no_value;
  out.fact = {st.status, st.status_index, score, st.expected.value_or(no_value), end, all_final};
  return out;
}

}  // namespace

std::vector<rollup_status> rollup_statuses(const rollup_graph& g,
                                           std::span<const rollup_rule> rules,
                                           const rollup_facts& in,
                                           std::span<const std::int32_t> last_days,
                                           const judgement_scheme& scheme,
                                           const evaluation_policy& policy, node_naming name) {
  const std::size_t n = g.order.size();
  std::vector<rollup_status> out(n);
  std::vector<child_fact> facts(n);
  for (const std::uint32_t node : g.order) {
    const rollup_rule& rule = rules[g.rule_of[node]];
    const tally a = tally_of(g, node, rule, in, last_days, facts);
    const std::int32_t end =
        last_days.empty() ? no_end : latest_end(g, node, rule, in, last_days, facts);
    judged j = finish(a, end, rule, in, facts, scheme, policy, name);
    out[node] = j.status;
    facts[node] = j.fact;
  }
  return out;
}

namespace {

// Adds the targets to the tallies of their owners, in one pass in id order, filling the
// graph's owner and weight columns on the first; a second pass (`again`) offers the
// targets only to the weighted_mean nodes in `unscored`, whose counted targets have no
// score (they take the worst's status).
// How many targets ahead tally_targets asks for the tally it will update: enough to cover a
// memory access (about 100 ns) at a few nanoseconds per target.
constexpr std::size_t prefetch_distance = 16;

void tally_targets(rollup_graph& g, std::span<const rollup_rule> rules, const rollup_facts& in,
                   std::span<const std::int32_t> last_days, const target_table& targets,
                   std::vector<tally>& tallies, std::vector<std::int32_t>& ends,
                   const std::vector<bool>* again) {
  const auto rows = targets.rows();
  if (again == nullptr) g.owner.resize(rows.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    const auto t = static_cast<std::uint32_t>(i);
    if (again != nullptr) {
      const std::uint32_t c = g.owner[i];
      if (!(*again)[c] || excluded(rules[g.rule_of[c]], in.status[i])) continue;
      offer(tallies[c].chosen, picking::worst, target_child(in, last_days, i), t, false);
      continue;
    }
    // The owners come in no order: ask for the tally some targets ahead (prefetch_distance).
    if (i + prefetch_distance < rows.size()) {
      __builtin_prefetch(&tallies[rows[i + prefetch_distance].owner.index()], 1);
    }
    const std::uint32_t c = rows[i].owner.value();
    const double w = targets.weight(rows[i]);
    g.owner[i] = c;
    if (w != 1.0 && g.weight.empty()) g.weight.assign(rows.size(), 1.0);
    if (!g.weight.empty()) g.weight[i] = w;
    const rollup_rule& rule = rules[g.rule_of[c]];
    const child_fact f = target_child(in, last_days, i);
    if (!tallies[c].add(f, w, rule)) continue;
    if (!ends.empty()) ends[c] = std::max(ends[c], f.end);
    if (rule.method != rollup_method::weighted_mean) {
      offer(tallies[c].chosen, picking_of(rule.method), f, t, false);
    }
  }
}

}  // namespace

std::vector<rollup_status> tree_rollup_statuses(rollup_graph& g, std::span<const rollup_rule> rules,
                                                const rollup_facts& in,
                                                std::span<const std::int32_t> last_days,
                                                const target_table& targets,
                                                const judgement_scheme& scheme,
                                                const evaluation_policy& policy, node_naming name) {
  const std::size_t n = g.order.size();
  std::vector<tally> tallies(n);
  std::vector<std::int32_t> ends(last_days.empty() ? 0 : n, no_end);
  tally_targets(g, rules, in, last_days, targets, tallies, ends, nullptr);
  // A weighted_mean node whose counted targets have no score takes its worst one's status.
  std::vector<bool> unscored(n, false);
  bool any = false;
  for (std::size_t c = 0; c < n; ++c) {
    unscored[c] = rules[g.rule_of[c]].method == rollup_method::weighted_mean &&
                  tallies[c].counted > 0 && tallies[c].weight == 0;
    any = any || unscored[c];
  }
  if (any) tally_targets(g, rules, in, last_days, targets, tallies, ends, &unscored);
  std::vector<rollup_status> out(n);
  std::vector<child_fact> facts(n);
  for (const std::uint32_t node : g.order) {
    const rollup_rule& rule = rules[g.rule_of[node]];
    add_child_nodes(tallies[node], g, node, rule, facts);
    std::int32_t end = no_end;
    if (!ends.empty()) {
      end = ends[node];
      for (matrix::InnerIterator it(g.nodes, static_cast<Eigen::Index>(node)); it; ++it) {
        const child_fact& c = facts[static_cast<std::size_t>(it.index())];
        if (!excluded(rule, c.status)) end = std::max(end, c.end);
      }
    }
    judged j = finish(tallies[node], end, rule, in, facts, scheme, policy, name);
    out[node] = j.status;
    facts[node] = j.fact;
  }
  return out;
}

void rollup_graph::index_owned_targets() const {
  std::call_once(indexed_, [this] {
    targets = by_parent(order.size(), owner.size(), [&](auto emit) {
      for (std::size_t t = 0; t < owner.size(); ++t)
        emit(owner[t], t, weight.empty() ? 1.0 : weight[t]);
    });
  });
}

std::vector<contribution> contributions_of(const rollup_graph& g,
                                           std::span<const rollup_rule> rules,
                                           const rollup_facts& in,
                                           std::span<const rollup_status> statuses,
                                           std::uint32_t node, node_naming name) {
  if (g.owned) g.index_owned_targets();
  const rollup_rule& rule = rules[g.rule_of[node]];
  const rollup_status& parent = statuses[node];
  // The child nodes' facts as their parents read them: from their statuses.
  const auto node_fact = [&](std::size_t q) {
    const rollup_status& s = statuses[q];
    const double score = s.score ? std::clamp(*s.score, 0.0, 1.0) : no_value;
    return child_fact{s.status, s.status_index,    score, s.expected.value_or(no_value),
                      no_end,   is_final(s.status)};
  };
  double weight = 0;  // the counted weights with a score (weighted_mean's denominator)
  std::vector<contribution> out;
  const auto r = static_cast<Eigen::Index>(node);
  const auto visit = [&](const child_fact& c, double w, rollup_child ref) {
    const bool counted = !excluded(rule, c.status);
    const std::optional<double> score =
        c.score == c.score ? std::optional<double>(c.score) : std::nullopt;
    if (counted && score) weight += w;
    out.push_back({ref, w, c.status, c.index, score, counted, 0.0, std::nullopt,
                   parent.decided_by && *parent.decided_by == ref});
  };
  for (matrix::InnerIterator it(g.targets, r); it; ++it) {
    const auto t = static_cast<std::size_t>(it.index());
    visit(target_child(in, {}, t), it.value(), target_id(static_cast<std::uint32_t>(t)));
  }
  for (matrix::InnerIterator it(g.nodes, r); it; ++it) {
    const auto q = static_cast<std::uint32_t>(it.index());
    visit(node_fact(q), it.value(), name(q));
  }
  const bool mean = rule.method == rollup_method::weighted_mean && !parent.decided_by;
  const std::uint64_t k = counts_achieved(rule.method) ? required_of(rule, parent.counted) : 0;
  for (contribution& c : out) {
    if (mean && c.counted && c.score) c.points = c.weight * *c.score / weight;
    if (k > 0 && c.counted && c.status == target_status::achieved) {
      c.points = 1.0 / static_cast<double>(k);
    }
    if (c.decisive) c.points = c.score.value_or(0.0);
    if (parent.score && *parent.score > 0) c.share = c.points / *parent.score;
  }
  return out;
}

}  // namespace goaltrack::detail
