#include "goaltrack/task.hpp"

#include <algorithm>

#include "enum_codes.hpp"
#include "enum_names.hpp"

namespace goaltrack {
namespace {

constexpr detail::code_list<task_status, 4> status_codes{{
    {task_status::not_started, "not_started", "chưa thực hiện|chưa bắt đầu"},
    {task_status::in_progress, "in_progress", "đang thực hiện"},
    {task_status::completed, "completed", "hoàn thành|đã hoàn thành"},
    {task_status::cancelled, "cancelled", "hủy|huỷ|đã hủy"},
}};

constexpr detail::code_list<task_kind, 2> kind_codes{{
    {task_kind::planned, "planned", "kế hoạch|theo kế hoạch"},
    {task_kind::supplementary, "supplementary", "bổ sung|phát sinh"},
}};

}  // namespace

std::string_view to_string(task_status s) noexcept { return detail::code_of(status_codes, s); }
std::string_view detail::vi_name(task_status s) noexcept {
  return detail::vi_name_of(status_codes, s);
}
task_status parse_task_status(std::string_view code) {
  return detail::parse_code(status_codes, code, "task status");
}
std::string_view to_string(task_kind k) noexcept { return detail::code_of(kind_codes, k); }
std::string_view detail::vi_name(task_kind k) noexcept { return detail::vi_name_of(kind_codes, k); }
task_kind parse_task_kind(std::string_view code) {
  return detail::parse_code(kind_codes, code, "task kind");
}

task_status task::status_as_of(date as_of) const noexcept {
  const std::optional<task_status_change> in_effect = change_as_of(as_of);
  return in_effect ? in_effect->status : task_status::not_started;
}

std::optional<task_status_change> task::change_as_of(date as_of) const noexcept {
  // history is sorted by date: the last change on or before as_of is in effect.
  const auto after =
      std::upper_bound(history.begin(), history.end(), as_of,
                       [](const date& d, const task_status_change& c) { return d < c.on; });
  if (after == history.begin()) return std::nullopt;
  return *std::prev(after);
}

}  // namespace goaltrack
