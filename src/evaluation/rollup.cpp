// Stage 4 of evaluate(): roll-ups per program and per collective (stages.hpp).

#include <algorithm>
#include <utility>

#include "goaltrack/plan.hpp"
#include "plan_data.hpp"
#include "stages.hpp"

namespace goaltrack::detail {

// Own figures first, then subtree and cascade sums in one reverse pass over ids: parents
// always have smaller ids than their children (organization.hpp), and a program's parent
// is added before it. A target's owner is any collective, so own sums are first gathered
// in a compact column of target_rollup (64 bytes each), which stays in cache where the
// collective_result rows (192 bytes) would cost a cache miss per target; own tasks
// likewise, in a column that exists only when there are tasks.
rollups roll_up(const plan& p, date as_of, std::span<const target_status> statuses,
                std::span<const double> progress) {
  const target_table& targets = plan_access::targets(p);
  const auto rows = targets.rows();
  const organization& org = p.org();
  const std::size_t nc = org.collective_count();
  const std::size_t np = p.program_count();
  rollups out;
  std::vector<target_rollup> own_targets(nc);
  out.programs.resize(np);
  for (std::size_t i = 0; i < np; ++i) {
    out.programs[i].program = program_id(static_cast<std::uint32_t>(i));
  }
  for (std::size_t t = 0; t < rows.size(); ++t) {
    // A target not started, or a limit met so far, is counted by its status only: the
    // progress of a figure measured before its period is no progress towards it yet, and
    // a limit's is not a result until its period closes.
    const bool counts_progress = progress[t] == progress[t] &&
                                 statuses[t] != target_status::not_started &&
                                 statuses[t] != target_status::within_so_far;
    // Read once for both roll-ups the target joins (its owner's and its program's).
    const double clamped = counts_progress ? std::clamp(progress[t], 0.0, 1.0) : 0.0;
    const double w = counts_progress ? targets.weight(rows[t]) : 0.0;
    const auto add = [&](target_rollup& roll) {
      ++roll.statuses.by_status[static_cast<std::size_t>(statuses[t])];
      if (counts_progress) {
        roll.progress_sum += clamped;
        ++roll.with_progress;
        roll.weighted_progress_sum += w * clamped;
        roll.weight_sum += w;
      }
    };
    add(own_targets[rows[t].owner.index()]);
    if (rows[t].program.ok()) add(out.programs[rows[t].program.index()].own_targets);
  }
  std::vector<task_tally> own_tasks(p.tasks().empty() ? 0 : nc);
  for (const task& tk : p.tasks()) {
    own_tasks[tk.owner.index()].add(tk, as_of);
    out.programs[tk.program.index()].own_tasks.add(tk, as_of);
  }
  out.collectives.reserve(nc);
  for (std::size_t c = 0; c < nc; ++c) {
    const collective_id id(static_cast<std::uint32_t>(c));
    // A tally of no task is a null pointer: a plan without tasks copies nothing here.
    task_tally tasks = own_tasks.empty() ? task_tally{} : std::move(own_tasks[c]);
    out.collectives.push_back({id, tasks, std::move(tasks), own_targets[c], own_targets[c]});
  }
  const auto parents = org.parents();
  for (std::size_t c = nc; c-- > 0;) {
    if (!parents[c].ok()) continue;
    auto& up = out.collectives[parents[c].index()];
    up.subtree_tasks.add(out.collectives[c].subtree_tasks);
    up.subtree_targets.add(out.collectives[c].subtree_targets);
  }
  for (auto& pr : out.programs) {
    pr.cascade_tasks = pr.own_tasks;
    pr.cascade_targets = pr.own_targets;
  }
  const auto programs = p.programs();
  for (std::size_t i = np; i-- > 0;) {
    if (!programs[i].parent) continue;
    auto& up = out.programs[programs[i].parent->index()];
    up.cascade_tasks.add(out.programs[i].cascade_tasks);
    up.cascade_targets.add(out.programs[i].cascade_targets);
  }
  return out;
}

}  // namespace goaltrack::detail
