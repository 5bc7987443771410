#pragma once
// Private: the CSV layout (file names and columns) that import_csv and export_csv share.
// The table is documented for users in include/goaltrack/io/csv.hpp and README.md
// (tests/schema_test.cpp checks README's). targets.csv's columns are generated from the
// target's description (schema.hpp), and read and written by walking it (csv_fields.hpp).
// The other files of described entities are checked against their fields at the end: a
// field added there and not here, renamed, reordered or made required fails to compile.

#include <algorithm>
#include <array>
#include <cstddef>
#include <span>
#include <string_view>

#include "schema.hpp"

namespace goaltrack::detail::csv {

/// A column of a file: its header name, and whether a file must have it.
struct column {
  std::string_view name;
  bool required;
};

/// A file of the layout.
struct layout {
  std::string_view file;
  std::span<const column> columns;
};

// Column indices of each file, in the order export writes them.
namespace scales_col {
enum : std::size_t { scale, level, label_vi, label_en };
}
namespace collectives_col {
enum : std::size_t { code, name, kind, parent };
}
namespace members_col {
enum : std::size_t { code, name, collective };
}
namespace rounds_col {
enum : std::size_t { scale, period, decided_on };
}
namespace ratings_col {
enum : std::size_t { scale, period, rated, code, level };
}
namespace programs_col {
enum : std::size_t { code, number, issuer, title, period, owner, parent };
}
namespace tasks_col {
enum : std::size_t { code, title, program, owner, deadline, kind, weight, added_on };
}
namespace status_col {
enum : std::size_t { task, date, status };
}
namespace items_col {
enum : std::size_t { target, item, weight };
}
namespace phases_col {
enum : std::size_t { target, sub_period, planned };
}
namespace measurements_col {
enum : std::size_t { target, date, value, denominator, source, note };
}
namespace policies_col {
enum : std::size_t {
  code,
  on_track_margin,
  at_risk_margin,
  not_started_before_start,
  missed_after_end,
  trend_tolerance,
  close_at_period_end,
  basis,
  reached_is_achieved,
  minimum_points,
  forecast_min_points,
  rollup
};
}
namespace assessments_col {
enum : std::size_t { target, date, status, score, by, reason };
}
namespace summaries_col {
enum : std::size_t { policy, scale, period, level, counted_kind, criterion, required_share };
}
namespace statuses_col {
enum : std::size_t { policy, code, label_en, label_vi, colour, category };
}
namespace bands_col {
enum : std::size_t { policy, status, lower, upper, lower_inclusive, upper_inclusive, phase };
}
namespace rules_col {
enum : std::size_t {
  policy,
  code,
  method,
  exclude_not_started,
  exclude_no_data,
  required_share,
  required_count
};
}
namespace overrides_col {
enum : std::size_t { policy, scope, code, rule };
}
namespace alignments_col {
enum : std::size_t { target, program, parent, weight };
}
namespace labels_col {
enum : std::size_t { collective, program, task, target, language, text, part };
}

/// The position of column `name` among Entity's CSV columns (after `keys` key columns).
template <described Entity>
constexpr std::size_t column_index(std::string_view name, std::size_t keys = 0) {
  std::size_t i = keys;
  std::size_t found = static_cast<std::size_t>(-1);
  for_each_csv_column<Entity>([&](std::string_view column, bool) {
    if (column == name && found == static_cast<std::size_t>(-1)) found = i;
    ++i;
  });
  return found;
}

/// The number of Entity's CSV columns.
template <described Entity>
constexpr std::size_t column_count() {
  std::size_t n = 0;
  for_each_csv_column<Entity>([&](std::string_view, bool) { ++n; });
  return n;
}

/// Entity's columns, as its description gives them: a new field is a new column.
template <described Entity>
constexpr std::array<column, column_count<Entity>()> columns_of() {
  std::array<column, column_count<Entity>()> out{};
  std::size_t i = 0;
  for_each_csv_column<Entity>([&](std::string_view name, bool required) {
    out[i++] = {name, required};
  });
  return out;
}

// targets.csv: read and written by walking the description (csv_fields.hpp); these are
// the columns that the reader and writer name themselves.
inline constexpr auto targets_columns = columns_of<target>();
namespace targets_col {
inline constexpr std::size_t code = column_index<target>("code");
inline constexpr std::size_t owner = column_index<target>("owner");
inline constexpr std::size_t scale = column_index<target>("scale");
}  // namespace targets_col

inline constexpr column scales_columns[] = {
    {"scale", true}, {"level", true}, {"label_vi", false}, {"label_en", false}};
inline constexpr column collectives_columns[] = {
    {"code", true}, {"name", false}, {"kind", false}, {"parent", false}};
inline constexpr column members_columns[] = {{"code", true}, {"name", false}, {"collective", true}};
inline constexpr column rounds_columns[] = {
    {"scale", true}, {"period", true}, {"decided_on", false}};
inline constexpr column ratings_columns[] = {
    {"scale", true}, {"period", true}, {"rated", true}, {"code", true}, {"level", true}};
inline constexpr column programs_columns[] = {
    {"code", true},   {"number", false}, {"issuer", false}, {"title", false},
    {"period", true}, {"owner", true},   {"parent", false}};
inline constexpr column tasks_columns[] = {
    {"code", true},      {"title", false}, {"program", true}, {"owner", true},
    {"deadline", false}, {"kind", false},  {"weight", false}, {"added_on", false}};
inline constexpr column status_columns[] = {{"task", true}, {"date", true}, {"status", true}};
inline constexpr column items_columns[] = {{"target", true}, {"item", false}, {"weight", false}};
inline constexpr column phases_columns[] = {
    {"target", true}, {"sub_period", true}, {"planned", false}};
inline constexpr column measurements_columns[] = {{"target", true},  {"date", true},
                                                  {"value", true},   {"denominator", false},
                                                  {"source", false}, {"note", false}};
inline constexpr column policies_columns[] = {{"code", true},
                                              {"on_track_margin", false},
                                              {"at_risk_margin", false},
                                              {"not_started_before_start", false},
                                              {"missed_after_end", false},
                                              {"trend_tolerance", false},
                                              {"close_at_period_end", false},
                                              {"basis", false},
                                              {"reached_is_achieved", false},
                                              {"minimum_points", false},
                                              {"forecast_min_points", false},
                                              {"rollup", false}};
inline constexpr column assessments_columns[] = {{"target", true}, {"date", true},
                                                 {"status", true}, {"score", false},
                                                 {"by", false},    {"reason", false}};
inline constexpr column summaries_columns[] = {
    {"policy", true},        {"scale", true},      {"period", true},         {"level", true},
    {"counted_kind", false}, {"criterion", false}, {"required_share", false}};
inline constexpr column statuses_columns[] = {{"policy", true},    {"code", true},
                                              {"label_en", false}, {"label_vi", false},
                                              {"colour", false},   {"category", false}};
inline constexpr column bands_columns[] = {
    {"policy", true},           {"status", true},           {"lower", false}, {"upper", false},
    {"lower_inclusive", false}, {"upper_inclusive", false}, {"phase", false}};

inline constexpr column rules_columns[] = {
    {"policy", true},           {"code", true},
    {"method", true},           {"exclude_not_started", false},
    {"exclude_no_data", false}, {"required_share", false},
    {"required_count", false}};
inline constexpr column overrides_columns[] = {
    {"policy", true}, {"scope", true}, {"code", true}, {"rule", true}};
inline constexpr column alignments_columns[] = {
    {"target", false}, {"program", false}, {"parent", true}, {"weight", false}};
inline constexpr column labels_columns[] = {
    {"collective", false}, {"program", false}, {"task", false}, {"target", false},
    {"language", true},    {"text", true},     {"part", false}};

inline constexpr layout scales_file{"rating_scales.csv", scales_columns};
inline constexpr layout collectives_file{"collectives.csv", collectives_columns};
inline constexpr layout members_file{"members.csv", members_columns};
inline constexpr layout rounds_file{"rating_rounds.csv", rounds_columns};
inline constexpr layout ratings_file{"ratings.csv", ratings_columns};
inline constexpr layout programs_file{"programs.csv", programs_columns};
inline constexpr layout tasks_file{"tasks.csv", tasks_columns};
inline constexpr layout status_file{"task_status.csv", status_columns};
inline constexpr layout items_file{"milestone_items.csv", items_columns};
inline constexpr layout phases_file{"target_phases.csv", phases_columns};
inline constexpr layout targets_file{"targets.csv", targets_columns};
inline constexpr layout measurements_file{"measurements.csv", measurements_columns};
inline constexpr layout assessments_file{"assessments.csv", assessments_columns};
inline constexpr layout policies_file{"policies.csv", policies_columns};
inline constexpr layout summaries_file{"policy_rating_summaries.csv", summaries_columns};
inline constexpr layout statuses_file{"policy_statuses.csv", statuses_columns};
inline constexpr layout bands_file{"policy_bands.csv", bands_columns};
inline constexpr layout rules_file{"policy_rollup_rules.csv", rules_columns};
inline constexpr layout overrides_file{"policy_rollup_overrides.csv", overrides_columns};
inline constexpr layout alignments_file{"alignments.csv", alignments_columns};
inline constexpr layout labels_file{"labels.csv", labels_columns};

/// A column's Vietnamese names, separated by '|': a file's header may use any of them for
/// the column, and export writes the first for Vietnamese readers. Keyed by the column's
/// name, which means the same in every file that has it. tests/csv_habits_test.cpp
/// checks that every column of every file has one and that no two columns of a file
/// share a name, exactly or without diacritics; README.md lists them.
struct column_alias {
  std::string_view column;
  std::string_view vi;
};
inline constexpr column_alias column_aliases[] = {
    {"scale", "thang xếp loại|thang đánh giá"},
    {"level", "mức xếp loại|xếp loại|mức"},
    {"label_vi", "tên tiếng việt|nhãn tiếng việt"},
    {"label_en", "tên tiếng anh|nhãn tiếng anh"},
    {"code", "mã|mã số"},
    {"name", "tên|họ và tên|họ tên|tên đơn vị"},
    {"kind", "loại"},
    {"parent", "cấp trên|trực thuộc"},
    {"collective", "đơn vị|tập thể"},
    {"period", "kỳ|năm|thời gian"},
    {"decided_on", "ngày quyết định"},
    {"rated", "đối tượng"},
    {"number", "số hiệu|số văn bản"},
    {"issuer", "cơ quan ban hành|nơi ban hành"},
    {"title", "tiêu đề|trích yếu|nội dung"},
    {"owner", "đơn vị chủ trì|chủ trì|đơn vị thực hiện"},
    {"program", "chương trình"},
    {"deadline", "thời hạn|hạn hoàn thành|hạn"},
    {"weight", "trọng số"},
    {"added_on", "ngày bổ sung|ngày giao"},
    {"task", "nhiệm vụ"},
    {"date", "ngày"},
    {"status", "trạng thái|tình trạng"},
    {"target", "chỉ tiêu"},
    {"item", "hạng mục|công việc"},
    {"sub_period", "kỳ con|giai đoạn con"},
    {"planned", "kế hoạch|số kế hoạch"},
    {"unit", "đơn vị tính|đvt"},
    {"goal", "loại mục tiêu"},
    {"goal_value", "mục tiêu|giá trị mục tiêu"},
    {"goal_high", "mục tiêu trên|cận trên mục tiêu"},
    {"baseline", "giá trị gốc|số liệu gốc"},
    {"whole_numbers", "số nguyên"},
    {"currency", "tiền tệ"},
    {"limit", "giới hạn"},
    {"trend", "xu hướng"},
    {"required_share", "tỷ lệ yêu cầu"},
    {"count", "số lượng yêu cầu"},
    {"all", "tất cả"},
    {"scope", "phạm vi"},
    {"counted_kind", "loại được đếm"},
    {"criterion", "tiêu chí"},
    {"over_time", "tổng hợp theo thời gian"},
    {"scoring", "cách chấm"},
    {"planned_as", "kế hoạch theo"},
    {"expected_by", "kỳ vọng theo"},
    {"indicator", "chỉ số"},
    {"over_tree", "tổng hợp theo cây"},
    {"value", "giá trị|số liệu|kết quả"},
    {"denominator", "mẫu số"},
    {"source", "nguồn"},
    {"note", "ghi chú"},
    {"score", "điểm"},
    {"by", "người đánh giá"},
    {"reason", "lý do|lí do"},
    {"policy", "quy tắc đánh giá"},
    {"language", "ngôn ngữ"},
    {"text", "văn bản"},
    {"part", "phần"},
    {"on_track_margin", "biên đúng tiến độ"},
    {"at_risk_margin", "biên có nguy cơ"},
    {"not_started_before_start", "chưa bắt đầu trước kỳ"},
    {"missed_after_end", "không đạt sau kỳ"},
    {"trend_tolerance", "dung sai xu hướng"},
    {"close_at_period_end", "khép lại cuối kỳ"},
    {"basis", "cơ sở"},
    {"reached_is_achieved", "chạm là đạt"},
    {"minimum_points", "số điểm tối thiểu"},
    {"forecast_min_points", "số điểm dự báo tối thiểu"},
    {"rollup", "cách tổng hợp"},
    {"colour", "màu"},
    {"category", "nhóm"},
    {"lower", "cận dưới"},
    {"upper", "cận trên"},
    {"lower_inclusive", "gồm cận dưới"},
    {"upper_inclusive", "gồm cận trên"},
    {"phase", "giai đoạn"},
    {"method", "phương pháp"},
    {"exclude_not_started", "bỏ chưa bắt đầu"},
    {"exclude_no_data", "bỏ chưa có số liệu"},
    {"required_count", "số lượng cần đạt"},
    {"rule", "quy tắc"},
};

/// The Vietnamese names of `column` ('|'-separated), or "".
constexpr std::string_view vi_names_of(std::string_view column) {
  for (const auto& a : column_aliases) {
    if (a.column == column) return a.vi;
  }
  return {};
}

/// The columns in which a number may be written as a percentage ("95%", read as 0.95):
/// values of ratio targets (the loaders refuse one for a target of another kind) and
/// the fractions of policies. Anywhere else a percentage is an error.
struct percent_column {
  std::string_view file;
  std::string_view column;
};
inline constexpr percent_column percent_columns[] = {
    {"targets.csv", "goal_value"},      {"targets.csv", "goal_high"},
    {"targets.csv", "baseline"},        {"targets.csv", "limit"},
    {"measurements.csv", "value"},      {"policies.csv", "on_track_margin"},
    {"policies.csv", "at_risk_margin"}, {"policies.csv", "trend_tolerance"},
};

/// Every file, in the order import reads them.
inline constexpr std::array<const layout*, 21> all_files{
    &scales_file,   &collectives_file,  &members_file,     &rounds_file,     &ratings_file,
    &programs_file, &tasks_file,        &status_file,      &items_file,      &phases_file,
    &targets_file,  &measurements_file, &assessments_file, &alignments_file, &labels_file,
    &policies_file, &summaries_file,    &statuses_file,    &bands_file,      &rules_file,
    &overrides_file};

/// The files whose notes columns are kept (plan::add_note), in the layout's order: each
/// row adds one entity, rating or measurement, which names it (row_note). The other files'
/// notes columns are read past with a warning.
inline constexpr std::array<const layout*, 9> files_with_notes{
    &collectives_file, &members_file, &rounds_file,       &ratings_file, &programs_file,
    &tasks_file,       &targets_file, &measurements_file, &policies_file};

/// Whether import keeps the notes of `file` and export writes them.
constexpr bool keeps_notes(const layout& file) noexcept {
  return std::find(files_with_notes.begin(), files_with_notes.end(), &file) !=
         files_with_notes.end();
}

// True when `columns`, after its first `keys` columns (the file's own keys, such as a
// level's scale), are the CSV columns of Entity's fields, with the same names, order and
// required flags.
template <class Entity>
constexpr bool follows_schema(std::span<const column> columns, std::size_t keys) {
  std::size_t i = keys;
  bool same = true;
  for_each_csv_column<Entity>([&](std::string_view name, bool required) {
    same = same && i < columns.size() && columns[i].name == name && columns[i].required == required;
    ++i;
  });
  return same && i == columns.size();
}

static_assert(follows_schema<level_labels>(scales_columns, 1), "rating_scales.csv");
static_assert(follows_schema<collective_spec>(collectives_columns, 0), "collectives.csv");
static_assert(follows_schema<member_spec>(members_columns, 0), "members.csv");
static_assert(follows_schema<program>(programs_columns, 0), "programs.csv");
static_assert(follows_schema<task>(tasks_columns, 0), "tasks.csv");
static_assert(follows_schema<task_status_change>(status_columns, 1), "task_status.csv");
static_assert(follows_schema<measurement>(measurements_columns, 0), "measurements.csv");
static_assert(follows_schema<assessment>(assessments_columns, 0), "assessments.csv");
static_assert(follows_schema<named_policy>(policies_columns, 0), "policies.csv");
static_assert(follows_schema<rating_summary_spec>(summaries_columns, 3),
              "policy_rating_summaries.csv");
static_assert(follows_schema<status_definition>(statuses_columns, 1), "policy_statuses.csv");
static_assert(follows_schema<status_band>(bands_columns, 1), "policy_bands.csv");
static_assert(follows_schema<rollup_rule>(rules_columns, 1), "policy_rollup_rules.csv");
static_assert(follows_schema<rollup_override>(overrides_columns, 1), "policy_rollup_overrides.csv");
static_assert(follows_schema<alignment>(alignments_columns, 0), "alignments.csv");
static_assert(follows_schema<entity_label>(labels_columns, 0), "labels.csv");

}  // namespace goaltrack::detail::csv
