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

rollup_graphs rollup_graphs_of(const plan& p, const evaluation_policy& policy) {
  rollup_graphs g;
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
  g.collectives.targets = by_parent(nc, rows.size(), [&](auto emit) {
    for (std::size_t t = 0; t < rows.size(); ++t)
      emit(rows[t].owner.index(), t, targets.weight(rows[t]));
  });
  g.collectives.nodes = by_parent(nc, nc, [&](auto emit) {
    for (std::size_t c = 0; c < nc; ++c)
      if (parents[c].ok()) emit(parents[c].index(), c, 1.0);
  });
  g.collectives.order = reverse_ids(nc);
  g.collectives.rule_of =
      rules_of(nc, policy, g.rules, rollup_scope::collective,
               [&](std::string_view code) { return org.find_collective(code); });
  // Programs: own targets, then aligned ones; child programs, then aligned ones.
  const auto programs = p.programs();
  const auto aligned = p.alignments();
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
  g.programs.rule_of = rules_of(np, policy, g.rules, rollup_scope::program,
                                [&](std::string_view code) { return p.find_program(code); });
  return g;
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

// Worst to best (rollup.hpp), by category.
constexpr std::uint8_t rank(target_status s) noexcept {
  switch (s) {
    case target_status::missed:
      return 0;
    case target_status::off_track:
      return 1;
    case target_status::no_data:
      return 2;
    case target_status::at_risk:
      return 3;
    case target_status::not_started:
      return 4;
    case target_status::on_track:
      return 5;
    case target_status::within_so_far:
      return 6;
    case target_status::achieved:
      return 7;
  }
  return 2;
}

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

// A chosen child: its position among the parent's children and its facts.
struct pick {
  std::uint32_t position = 0;
  child_fact fact;
  bool set = false;
};

// Lower scores are worse; a child without one is the worst of its rank.
double key(double score) noexcept {
  return score == score ? score : -std::numeric_limits<double>::infinity();
}

// True when child a is worse than child b (rollup.hpp: by rank, then score).
bool worse(const child_fact& a, const child_fact& b) noexcept {
  const std::uint8_t ra = rank(a.status);
  const std::uint8_t rb = rank(b.status);
  return ra != rb ? ra < rb : key(a.score) < key(b.score);
}

// One pass over a parent's children: the sums of the weighted mean, the counts, and the
// worst, best and latest counted children (the first of equals; the last for latest).
struct tally {
  double sum = 0, weight = 0, expected = 0;  // over counted children with a score
  std::uint32_t children = 0, counted = 0, achieved = 0, missed = 0, on_pace = 0, at_risk = 0,
                not_started = 0, final = 0;
  std::int32_t end = no_end;  // the latest end among the counted
  pick worst, best, latest;

  void add(const child_fact& c, double w, const rollup_rule& rule) noexcept {
    const std::uint32_t position = children++;
    not_started += c.status == target_status::not_started;
    missed += c.status == target_status::missed;
    if (excluded(rule, c.status)) return;
    ++counted;
    achieved += c.status == target_status::achieved;
    final += c.final;
    on_pace += c.status == target_status::on_track || c.status == target_status::within_so_far;
    at_risk += c.status == target_status::at_risk;
    end = std::max(end, c.end);
    if (c.score == c.score) {
      sum += w * c.score;
      weight += w;
      expected += w * c.expected;
    }
    if (!worst.set || worse(c, worst.fact)) worst = {position, c, true};
    if (!best.set || worse(best.fact, c)) best = {position, c, true};
    if (!latest.set || c.end >= latest.fact.end) latest = {position, c, true};
  }
};

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
const pick* decisive(const tally& a, const rollup_rule& r, bool has_mean) noexcept {
  switch (r.method) {
    case rollup_method::worst:
      return &a.worst;
    case rollup_method::best:
      return &a.best;
    case rollup_method::latest:
      return &a.latest;
    case rollup_method::weighted_mean:
      return has_mean ? nullptr : &a.worst;
    default:
      return nullptr;
  }
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

// The tally of row `node` of `g` under `rule`: its targets, then its child nodes, whose
// facts are `nodes`.
tally tally_of(const rollup_graph& g, std::uint32_t node, const rollup_rule& rule,
               const rollup_facts& in, std::span<const std::int32_t> last_days,
               std::span<const child_fact> nodes) {
  tally a;
  const auto r = static_cast<Eigen::Index>(node);
  for (matrix::InnerIterator it(g.targets, r); it; ++it) {
    a.add(target_child(in, last_days, static_cast<std::size_t>(it.index())), it.value(), rule);
  }
  for (matrix::InnerIterator it(g.nodes, r); it; ++it) {
    a.add(nodes[static_cast<std::size_t>(it.index())], it.value(), rule);
  }
  return a;
}

// A child's reference by its place in a row: the position-th child of `node`.
rollup_child child_at(const rollup_graph& g, std::uint32_t node, std::uint32_t position,
                      node_naming name) {
  const auto r = static_cast<Eigen::Index>(node);
  const std::int32_t first = g.targets.outerIndexPtr()[r];
  const auto own = static_cast<std::uint32_t>(g.targets.outerIndexPtr()[r + 1] - first);
  const auto column = [](const matrix& m, std::int64_t k) {
    return static_cast<std::uint32_t>(m.innerIndexPtr()[k]);
  };
  if (position < own) return target_id(column(g.targets, first + std::int64_t{position}));
  return name(column(g.nodes, g.nodes.outerIndexPtr()[r] + std::int64_t{position - own}));
}

struct judged {
  rollup_status status;
  child_fact fact;
};

// The status of a parent from its tally under `rule`.
judged finish(const tally& a, const rollup_rule& rule, const judgement_scheme& scheme,
              const evaluation_policy& policy) {
  judged out;
  rollup_status& st = out.status;
  st.counted = a.counted;
  st.achieved = a.achieved;
  const auto set = [&](target_status s, std::uint16_t index) {
    st.status = s;
    st.status_index = index;
  };
  if (a.counted == 0) {
    const target_status s = a.children > 0 && a.not_started == a.children
                                ? target_status::not_started
                                : target_status::no_data;
    set(s, judgement_scheme::index(s));
    out.fact = {s, st.status_index, no_value, no_value, no_end, false};
    return out;
  }
  if (a.weight > 0) st.expected = a.expected / a.weight;
  const bool all_final = a.final == a.counted;
  if (const pick* p = decisive(a, rule, a.weight > 0)) {
    const child_fact& c = p->fact;
    set(c.status, c.index);
    if (c.score == c.score) st.score = c.score;
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
  out.fact = {st.status, st.status_index, score, st.expected.value_or(no_value), a.end, all_final};
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
    judged j = finish(a, rule, scheme, policy);
    if (const pick* p = decisive(a, rule, a.weight > 0); p && a.counted > 0) {
      j.status.decided_by = child_at(g, node, p->position, name);
    }
    out[node] = std::move(j.status);
    facts[node] = j.fact;
  }
  return out;
}

std::vector<contribution> contributions_of(const rollup_graph& g,
                                           std::span<const rollup_rule> rules,
                                           const rollup_facts& in,
                                           std::span<const rollup_status> statuses,
                                           std::uint32_t node, node_naming name) {
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
