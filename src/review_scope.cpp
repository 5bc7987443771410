// What a review covers (review_scope.hpp).
#include "review_scope.hpp"

#include <string_view>
#include <unordered_set>

#include "plan_data.hpp"

namespace goaltrack::review_detail {

review_scope::review_scope(const plan& p, const evaluation& ev, const review_options& options,
                           review_kind kind)
    : plan_(p),
      ev_(ev),
      span_(options.span.value_or(review_span(kind, ev.as_of()))),
      subject_(options.subject) {
  if (subject_ && !p.org().contains(*subject_)) {
    throw not_found("review: the subject (collective id " + std::to_string(subject_->value()) +
                    ") is not in the plan");
  }
  if (subject_) mark_subtree();
  in_span_ = targets_where([this](const period& span) { return overlaps(span); });
}

void review_scope::mark_subtree() {
  // Parents have smaller ids than their children: one pass in id order marks the subtree.
  const auto parents = plan_.org().parents();
  owned_.assign(parents.size(), 0);
  for (std::size_t c = subject_->index(); c < parents.size(); ++c) {
    owned_[c] = c == subject_->index() || (parents[c].ok() && owned_[parents[c].index()] != 0);
  }
}

std::optional<collective_id> review_scope::top() const {
  if (subject_) return subject_;
  const auto parents = plan_.org().parents();
  const auto roots = std::count_if(parents.begin(), parents.end(),
                                   [](collective_id parent) { return !parent.ok(); });
  if (roots != 1) return std::nullopt;
  return collective_id(0);  // a root precedes its subtree: the one root is the first
}

bool review_scope::owns(collective_id c) const {
  return !subject_ || (c.index() < owned_.size() && owned_[c.index()] != 0);
}

template <class Keep>
std::vector<target_id> review_scope::targets_where(Keep keep) const {
  std::vector<target_id> out;
  const auto rows = detail::plan_access::targets(plan_).rows();
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (owns(rows[i].owner) && keep(rows[i].span))
      out.emplace_back(static_cast<target_id::value_type>(i));
  }
  return out;
}

std::vector<target_id> review_scope::targets_owned() const {
  return targets_where([](const period&) { return true; });
}

std::vector<target_id> review_scope::targets_after_span() const {
  return targets_where([this](const period& p) { return p.first() > span_.last(); });
}

bool review_scope::titles_repeat() const {
  const auto& columns = detail::plan_access::targets(plan_).columns();
  std::unordered_set<std::string_view> seen;
  for (std::size_t i = 0; i < columns.rows.size(); ++i) {
    if (owns(columns.rows[i].owner) && !seen.insert(columns.titles[i]).second) return true;
  }
  return false;
}

std::vector<program_id> review_scope::root_programs() const {
  std::vector<program_id> out;
  const auto programs = plan_.programs();
  for (std::size_t i = 0; i < programs.size(); ++i) {
    const program& pr = programs[i];
    const bool parent_in_span = pr.parent && overlaps(plan_.get(*pr.parent).span);
    if (overlaps(pr.span) && !parent_in_span && owns(pr.owner))
      out.emplace_back(static_cast<program_id::value_type>(i));
  }
  return out;
}

std::vector<program_id> review_scope::children_of(program_id parent) const {
  std::vector<program_id> out;
  const auto programs = plan_.programs();
  for (std::size_t i = 0; i < programs.size(); ++i) {
    if (programs[i].parent == parent && overlaps(programs[i].span))
      out.emplace_back(static_cast<program_id::value_type>(i));
  }
  return out;
}

std::vector<collective_id> review_scope::task_owners() const {
  std::vector<collective_id> out;
  for (const collective_result& c : ev_.collectives()) {
    if (c.own_tasks.count(task_figure::assigned) + c.own_tasks.count(task_figure::cancelled) > 0 &&
        owns(c.collective)) {
      out.push_back(c.collective);
    }
  }
  return out;
}

std::vector<task_id> review_scope::tasks_where(const std::function<bool(const task&)>& keep) const {
  std::vector<task_id> out;
  const auto tasks = plan_.tasks();
  for (std::size_t i = 0; i < tasks.size(); ++i) {
    if (owns(tasks[i].owner) && keep(tasks[i]))
      out.emplace_back(static_cast<task_id::value_type>(i));
  }
  return out;
}

std::vector<round_id> review_scope::rounds() const {
  std::vector<round_id> out;
  const auto rounds = plan_.rounds();
  for (std::size_t i = 0; i < rounds.size(); ++i) {
    if (overlaps(rounds[i].rated_period()) && rounds[i].decided_on() <= ev_.as_of())
      out.emplace_back(static_cast<round_id::value_type>(i));
  }
  return out;
}

}  // namespace goaltrack::review_detail
