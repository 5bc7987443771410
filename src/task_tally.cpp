#include "goaltrack/task_tally.hpp"

#include <array>
#include <cstddef>
#include <memory>
#include <optional>

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

// The figures kept; the others are sums and differences of these (task_figure's table).
struct task_tally::figures {
  enum kept : std::uint8_t {
    planned,
    planned_completed,
    supplementary,
    supplementary_completed,
    due,
    due_completed,
    completed_late,
    overdue,
    cancelled,
    kept_count
  };
  std::array<std::uint32_t, kept_count> counts{};
  std::array<double, kept_count> weights{};

  void put(kept k, double weight) noexcept {
    ++counts[k];
    weights[k] += weight;
  }
  template <class T>
  static T figure(const std::array<T, kept_count>& v, task_figure f) noexcept;
};

template <class T>
T task_tally::figures::figure(const std::array<T, kept_count>& v, task_figure f) noexcept {
  const T assigned = v[planned] + v[supplementary];
  const T completed = v[planned_completed] + v[supplementary_completed];
  switch (f) {
    case task_figure::assigned:
      return assigned;
    case task_figure::completed:
      return completed;
    case task_figure::planned:
      return v[planned];
    case task_figure::planned_completed:
      return v[planned_completed];
    case task_figure::supplementary:
      return v[supplementary];
    case task_figure::supplementary_completed:
      return v[supplementary_completed];
    case task_figure::due:
      return v[due];
    case task_figure::due_completed:
      return v[due_completed];
    case task_figure::due_or_completed:
      return completed + v[overdue];
    case task_figure::completed_on_time:
      return completed - v[completed_late];
    case task_figure::completed_late:
      return v[completed_late];
    case task_figure::overdue:
      return v[overdue];
    case task_figure::not_yet_due:
      return assigned - completed - v[overdue];
    case task_figure::cancelled:
      return v[cancelled];
  }
  return T{};
}

task_tally::task_tally() noexcept = default;
task_tally::task_tally(const task_tally& other)
    : figures_(other.figures_ ? std::make_unique<figures>(*other.figures_) : nullptr) {}
task_tally::task_tally(task_tally&& other) noexcept = default;
task_tally& task_tally::operator=(const task_tally& other) {
  if (this != &other) *this = task_tally(other);
  return *this;
}
task_tally& task_tally::operator=(task_tally&& other) noexcept = default;
task_tally::~task_tally() = default;

task_tally::figures& task_tally::figures_for_write() {
  if (!figures_) figures_ = std::make_unique<figures>();
  return *figures_;
}

bool operator==(const task_tally& a, const task_tally& b) noexcept {
  static const task_tally::figures none{};
  const task_tally::figures& x = a.figures_ ? *a.figures_ : none;
  const task_tally::figures& y = b.figures_ ? *b.figures_ : none;
  return x.counts == y.counts && x.weights == y.weights;
}

void task_tally::add(const task& tk, date as_of) {
  if (!tk.assigned_by(as_of)) return;
  const std::optional<task_status_change> now = tk.change_as_of(as_of);
  const task_status status = now ? now->status : task_status::not_started;
  figures& f = figures_for_write();
  const double w = tk.weight;
  if (status == task_status::cancelled) {
    f.put(figures::cancelled, w);
    return;
  }
  const bool planned = tk.kind == task_kind::planned;
  const bool done = status == task_status::completed;
  const bool due = tk.deadline && *tk.deadline <= as_of;
  f.put(planned ? figures::planned : figures::supplementary, w);
  if (done) f.put(planned ? figures::planned_completed : figures::supplementary_completed, w);
  if (due) {
    f.put(figures::due, w);
    f.put(done ? figures::due_completed : figures::overdue, w);
  }
  // Completed after its deadline: the deadline had passed when it was done, so it is due.
  if (done && tk.deadline && now->on > *tk.deadline) f.put(figures::completed_late, w);
}

void task_tally::add(const task_tally& other) {
  if (!other.figures_) return;
  figures& f = figures_for_write();
  for (std::size_t k = 0; k < figures::kept_count; ++k) {
    f.counts[k] += other.figures_->counts[k];
    f.weights[k] += other.figures_->weights[k];
  }
}

std::uint32_t task_tally::count(task_figure f) const noexcept {
  return figures_ ? figures::figure(figures_->counts, f) : 0;
}

double task_tally::weight(task_figure f) const noexcept {
  return figures_ ? figures::figure(figures_->weights, f) : 0.0;
}

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
