#include "goaltrack/task_tally.hpp"

#include "enum_codes.hpp"

namespace goaltrack {
namespace {

constexpr detail::code_list<task_figure, task_figure_count> figure_codes{{
    {task_figure::assigned, "assigned"},
    {task_figure::completed, "completed"},
    {task_figure::planned, "planned"},
    {task_figure::planned_completed, "planned_completed"},
    {task_figure::supplementary, "supplementary"},
    {task_figure::supplementary_completed, "supplementary_completed"},
    {task_figure::due, "due"},
    {task_figure::due_completed, "due_completed"},
    {task_figure::due_or_completed, "due_or_completed"},
    {task_figure::completed_on_time, "completed_on_time"},
    {task_figure::completed_late, "completed_late"},
    {task_figure::overdue, "overdue"},
    {task_figure::not_yet_due, "not_yet_due"},
    {task_figure::cancelled, "cancelled"},
}};

constexpr detail::code_list<task_basis, 3> basis_codes{{
    {task_basis::assigned, "assigned"},
    {task_basis::due, "due"},
    {task_basis::due_and_completed, "due_and_completed"},
}};

}  // namespace

std::string_view to_string(task_figure f) noexcept { return detail::code_of(figure_codes, f); }
task_figure parse_task_figure(std::string_view code) {
  return detail::parse_code(figure_codes, code, "task figure");
}
std::string_view to_string(task_basis b) noexcept { return detail::code_of(basis_codes, b); }
task_basis parse_task_basis(std::string_view code) {
  return detail::parse_code(basis_codes, code, "task basis");
}

void task_tally::add(const task& tk, date as_of) noexcept {
  if (!tk.assigned_by(as_of)) return;
  const std::optional<task_status_change> now = tk.change_as_of(as_of);
  const task_status status = now ? now->status : task_status::not_started;
  const auto put = [&](kept k) {
    ++counts_[k];
    weights_[k] += tk.weight;
  };
  if (status == task_status::cancelled) {
    put(cancelled_);
    return;
  }
  const bool planned = tk.kind == task_kind::planned;
  const bool done = status == task_status::completed;
  const bool due = tk.deadline && *tk.deadline <= as_of;
  put(planned ? planned_ : supplementary_);
  if (done) put(planned ? planned_completed_ : supplementary_completed_);
  if (due) put(done ? due_completed_ : overdue_);
  if (due) put(due_);
  // Completed after its deadline: the deadline had passed when it was done, so it is due.
  if (done && tk.deadline && now->on > *tk.deadline) put(completed_late_);
}

void task_tally::add(const task_tally& other) noexcept {
  for (std::size_t k = 0; k < kept_count_; ++k) {
    counts_[k] += other.counts_[k];
    weights_[k] += other.weights_[k];
  }
}

template <class T>
T task_tally::figure(const std::array<T, kept_count_>& kept_figures, task_figure f) noexcept {
  const auto& v = kept_figures;
  const T assigned = v[planned_] + v[supplementary_];
  const T completed = v[planned_completed_] + v[supplementary_completed_];
  switch (f) {
    case task_figure::assigned:
      return assigned;
    case task_figure::completed:
      return completed;
    case task_figure::planned:
      return v[planned_];
    case task_figure::planned_completed:
      return v[planned_completed_];
    case task_figure::supplementary:
      return v[supplementary_];
    case task_figure::supplementary_completed:
      return v[supplementary_completed_];
    case task_figure::due:
      return v[due_];
    case task_figure::due_completed:
      return v[due_completed_];
    case task_figure::due_or_completed:
      return completed + v[overdue_];
    case task_figure::completed_on_time:
      return completed - v[completed_late_];
    case task_figure::completed_late:
      return v[completed_late_];
    case task_figure::overdue:
      return v[overdue_];
    case task_figure::not_yet_due:
      return assigned - completed - v[overdue_];
    case task_figure::cancelled:
      return v[cancelled_];
  }
  return T{};
}

std::uint32_t task_tally::count(task_figure f) const noexcept { return figure(counts_, f); }

double task_tally::weight(task_figure f) const noexcept { return figure(weights_, f); }

rate task_tally::rate_of(task_figure numerator, task_figure denominator,
                         bool weighted) const noexcept {
  if (weighted) return {weight(numerator), weight(denominator)};
  return {static_cast<double>(count(numerator)), static_cast<double>(count(denominator))};
}

rate task_tally::completion_rate(task_basis basis, bool weighted) const noexcept {
  switch (basis) {
    case task_basis::assigned:
      return rate_of(task_figure::completed, task_figure::assigned, weighted);
    case task_basis::due:
      return rate_of(task_figure::due_completed, task_figure::due, weighted);
    case task_basis::due_and_completed:
      return rate_of(task_figure::completed, task_figure::due_or_completed, weighted);
  }
  return {};
}

}  // namespace goaltrack
