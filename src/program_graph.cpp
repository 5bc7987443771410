#include "program_graph.hpp"

#include <algorithm>

namespace goaltrack::detail {
namespace {

// The edges child -> parent of the program DAG, grouped by child (counting sort).
struct parents_by_child {
  std::vector<std::uint32_t> begin;  // child c's parents are parent[begin[c], begin[c + 1])
  std::vector<std::uint32_t> parent;
};

parents_by_child edges_of(std::span<const program> programs, std::span<const alignment> aligned) {
  const std::size_t n = programs.size();
  parents_by_child g{std::vector<std::uint32_t>(n + 1, 0), {}};
  const auto each = [&](auto emit) {
    for (std::size_t i = 0; i < n; ++i)
      if (programs[i].parent) emit(i, programs[i].parent->value());
    for (const alignment& a : aligned)
      if (a.program.ok()) emit(a.program.index(), a.parent.value());
  };
  each([&](std::size_t child, std::uint32_t) { ++g.begin[child + 1]; });
  for (std::size_t c = 0; c < n; ++c) g.begin[c + 1] += g.begin[c];
  g.parent.resize(g.begin[n]);
  std::vector<std::uint32_t> next(g.begin.begin(), g.begin.end() - 1);
  each([&](std::size_t child, std::uint32_t parent) { g.parent[next[child]++] = parent; });
  return g;
}

// A cycle among `left`, the programs Kahn's algorithm could not order: each has a child
// among them (one it waited for), so walking from child to child inside `left` never ends
// and must repeat a program. The cycle is returned child first, as its edges run.
std::vector<std::uint32_t> cycle_in(const parents_by_child& g, const std::vector<bool>& left) {
  constexpr std::uint32_t none = UINT32_MAX;
  std::vector<std::uint32_t> a_child(left.size(), none);
  for (std::uint32_t c = 0; c < left.size(); ++c) {
    if (!left[c]) continue;
    for (std::uint32_t k = g.begin[c]; k < g.begin[c + 1]; ++k) {
      if (left[g.parent[k]]) a_child[g.parent[k]] = c;
    }
  }
  std::vector<std::int64_t> seen_at(left.size(), -1);
  std::vector<std::uint32_t> path;
  auto at = static_cast<std::uint32_t>(std::find(left.begin(), left.end(), true) - left.begin());
  while (seen_at[at] < 0) {
    seen_at[at] = static_cast<std::int64_t>(path.size());
    path.push_back(at);
    at = a_child[at];
  }
  std::vector<std::uint32_t> cycle(path.begin() + seen_at[at], path.end());
  std::reverse(cycle.begin(), cycle.end());
  return cycle;
}

}  // namespace

program_order order_programs(std::span<const program> programs,
                             std::span<const alignment> alignments) {
  const std::size_t n = programs.size();
  const parents_by_child g = edges_of(programs, alignments);
  std::vector<std::uint32_t> children(n, 0);  // not yet ordered
  for (const std::uint32_t p : g.parent) ++children[p];
  program_order out;
  out.order.reserve(n);
  for (std::size_t i = 0; i < n; ++i)
    if (children[i] == 0) out.order.push_back(static_cast<std::uint32_t>(i));
  for (std::size_t k = 0; k < out.order.size(); ++k) {
    const std::uint32_t c = out.order[k];
    for (std::uint32_t e = g.begin[c]; e < g.begin[c + 1]; ++e) {
      if (--children[g.parent[e]] == 0) out.order.push_back(g.parent[e]);
    }
  }
  if (out.order.size() < n) {
    std::vector<bool> left(n, true);
    for (const std::uint32_t i : out.order) left[i] = false;
    out.cycle = cycle_in(g, left);
  }
  return out;
}

}  // namespace goaltrack::detail
