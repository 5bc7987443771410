#pragma once
/// @file
/// Tasks (nhiệm vụ) of a program. A task is planned (in the program from the start) or
/// supplementary (nhiệm vụ bổ sung: added during the period); reviews count the two
/// apart ("15/15 tasks and 2 supplementary tasks"). A task keeps the history of its
/// status, so its status as of any date is known.

#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/period.hpp"

namespace goaltrack {

/// Whether a task was in the program from the start.
enum class task_kind : std::uint8_t {
  planned,        ///< in the program as issued
  supplementary,  ///< added later (nhiệm vụ bổ sung)
};

/// Where a task stands.
enum class task_status : std::uint8_t {
  not_started,  ///< the status before any change is recorded
  in_progress,
  completed,
  cancelled,  ///< dropped; not counted as due
};

/// The stable code of a status: "not_started", "in_progress", "completed", "cancelled".
GOALTRACK_API std::string_view to_string(task_status s) noexcept;
/// The status with this code or Vietnamese name ("hoàn thành"), matched as
/// parse_target_kind does. @throws parse_error naming the text.
GOALTRACK_API task_status parse_task_status(std::string_view code);
/// The stable code of a kind: "planned" or "supplementary".
GOALTRACK_API std::string_view to_string(task_kind k) noexcept;
/// The kind with this code or Vietnamese name ("bổ sung"), matched as parse_target_kind
/// does. @throws parse_error naming the text.
GOALTRACK_API task_kind parse_task_kind(std::string_view code);

/// A status and the day it took effect.
struct GOALTRACK_API task_status_change {
  date on;                                        ///< the day the status took effect
  task_status status = task_status::not_started;  ///< the status from that day on
  friend bool operator==(const task_status_change&, const task_status_change&) = default;
};

/// A task of a program.
struct GOALTRACK_API task {
  std::string code;                     ///< unique stable code
  std::string title;                    ///< what is to be done
  program_id program;                   ///< the program it belongs to
  collective_id owner;                  ///< the collective responsible
  std::optional<date> deadline;         ///< when it is due, if set
  task_kind kind = task_kind::planned;  ///< planned or supplementary
  double weight = 1.0;                  ///< relative weight for weighted roll-ups (finite, > 0)
  /// Status changes, oldest first (dates never decrease). Record them through
  /// plan::set_task_status, which checks the order.
  std::vector<task_status_change> history;
  /// the day it was assigned, if set: it is not counted before (a supplementary task added
  /// on 10 July is not in a review of 30 June)
  std::optional<date> added_on;

  /// The status in effect at the end of day `as_of`: the last change on or before it,
  /// or not_started when there is none.
  [[nodiscard]] task_status status_as_of(date as_of) const noexcept;
  /// The change in effect at the end of day `as_of`: the last on or before it; none when
  /// there is none (the task is not_started). A completed task's change gives the day it
  /// was completed.
  [[nodiscard]] std::optional<task_status_change> change_as_of(date as_of) const noexcept;
  /// True when the task is counted at the end of day `as_of`: it has no added_on, or was
  /// added on or before that day.
  [[nodiscard]] bool assigned_by(date as_of) const noexcept {
    return !added_on || *added_on <= as_of;
  }

  friend bool operator==(const task&, const task&) = default;
};

}  // namespace goaltrack
