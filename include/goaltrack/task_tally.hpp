#pragma once
/// @file
/// Task figures as reviews report them, as of a day A: "completed 1,240 of 1,600 tasks
/// assigned (77.5%); of those fallen due, 93.2% were completed; 58 overdue; 31 done late".
///
/// A task counts at the end of day A, so a deadline of A has passed by then. It is
/// counted only once assigned (task::added_on <= A, or no added_on), and as exactly one of:
///
/// | figure             | the task, as of A                                   |
/// |--------------------|-----------------------------------------------------|
/// | cancelled          | cancelled (in no other figure)                      |
/// | completed_on_time  | completed, on or before its deadline (or without one) |
/// | completed_late     | completed after its deadline                        |
/// | overdue            | not completed, its deadline on or before A          |
/// | not_yet_due        | not completed, its deadline after A, or none        |
///
/// The day a task was completed is the day of the change in effect (task::change_as_of).
/// assigned = completed_on_time + completed_late + overdue + not_yet_due (cancelled tasks
/// are not assigned work any more); completed = completed_on_time + completed_late; due
/// (fallen due: a deadline on or before A) = due_completed + overdue; due_or_completed =
/// completed + overdue. Every figure also has a weighted form, the sum of the tasks' weights
/// (task::weight); a weighted figure that is a difference of sums (completed_on_time,
/// not_yet_due) is computed as one.

#include <cstddef>
#include <cstdint>
#include <memory>
#include <string_view>

#include "goaltrack/export.hpp"
#include "goaltrack/period.hpp"
#include "goaltrack/rate.hpp"
#include "goaltrack/task.hpp"

namespace goaltrack {

/// A figure of task_tally (the table above).
enum class task_figure : std::uint8_t {
  assigned,                 ///< assigned by A and not cancelled
  completed,                ///< assigned and completed as of A
  planned,                  ///< assigned planned tasks
  planned_completed,        ///< ... completed
  supplementary,            ///< assigned supplementary tasks (nhiệm vụ bổ sung)
  supplementary_completed,  ///< ... completed
  due,                      ///< assigned with a deadline on or before A (fallen due)
  due_completed,            ///< due and completed
  /// completed or overdue: what Vietnam's government reports call the tasks fallen due
  /// ("nhiệm vụ đến hạn"), completed early ones included
  due_or_completed,
  completed_on_time,  ///< completed on or before the deadline, or without one
  completed_late,     ///< completed after the deadline
  overdue,            ///< not completed, the deadline on or before A
  not_yet_due,        ///< not completed, the deadline after A or none
  cancelled,          ///< cancelled as of A (in no other figure)
};
/// Number of task figures.
inline constexpr std::size_t task_figure_count = 14;
/// The stable code of a figure ("completed_late", ...).
GOALTRACK_API std::string_view to_string(task_figure f) noexcept;
/// The figure with this code. @throws parse_error naming the text.
GOALTRACK_API task_figure parse_task_figure(std::string_view code);

/// The denominator of a completion rate, as reports choose it.
enum class task_basis : std::uint8_t {
  assigned,  ///< completed / assigned: "completed 1,240 of 1,600 (77.5%)"
  due,       ///< due_completed / due: "of those fallen due, 93.2% were completed"
  /// completed / due_or_completed, as Vietnam's government reports it: "16.051 nhiệm vụ đến
  /// hạn đã hoàn thành, đạt 98,62%" is 16,051 / (16,051 + 223 overdue), truncated
  due_and_completed,
};
/// The stable code of a basis: "assigned", "due", "due_and_completed".
GOALTRACK_API std::string_view to_string(task_basis b) noexcept;
/// The basis with this code. @throws parse_error naming the text.
GOALTRACK_API task_basis parse_task_basis(std::string_view code);

/// The tasks of a program or a collective as of a day, by figure: how many, and the sum of
/// their weights. Tallies add up (a cascade, a subtree).
class GOALTRACK_API task_tally {
 public:
  task_tally() noexcept;
  task_tally(const task_tally& other);
  task_tally(task_tally&& other) noexcept;
  task_tally& operator=(const task_tally& other);
  task_tally& operator=(task_tally&& other) noexcept;
  ~task_tally();

  /// Counts task `tk` as it stands at the end of day `as_of` (nothing before it is assigned).
  void add(const task& tk, date as_of);
  /// Adds another tally's figures.
  void add(const task_tally& other);

  /// The number of tasks in figure `f`.
  [[nodiscard]] std::uint32_t count(task_figure f) const noexcept;
  /// The sum of the weights of the tasks in figure `f`.
  [[nodiscard]] double weight(task_figure f) const noexcept;
  /// The rate `numerator` / `denominator` of two figures, in tasks, or in weights when
  /// `weighted`.
  [[nodiscard]] rate rate_of(task_figure numerator, task_figure denominator,
                             bool weighted = false) const noexcept;
  /// The completion rate over `basis` (task_basis), in tasks or in weights.
  [[nodiscard]] rate completion_rate(task_basis basis, bool weighted = false) const noexcept;

  /// Equal when every figure is (a tally of no task equals an empty one).
  friend GOALTRACK_API bool operator==(const task_tally& a, const task_tally& b) noexcept;

 private:
  // The figures, made on the first task counted: a tally of no task holds one null pointer,
  // so that the results of the collectives of a plan without tasks stay small (a national
  // plan has 310,764 collectives, two tallies each).
  struct figures;
  std::unique_ptr<figures> figures_;
  figures& figures_for_write();
};

}  // namespace goaltrack
