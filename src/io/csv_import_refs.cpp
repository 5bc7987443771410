// import_csv: the references by code that several files share (a collective, a scale, a
// program, a task, a target, a level, a round), and the rows rejected that others refer
// to. See csv_import.hpp.

#include <string>
#include <string_view>
#include <vector>

#include "io/csv_import.hpp"
#include "unicode.hpp"

namespace goaltrack::detail::csv {

// --- references --------------------------------------------------------------------------

std::vector<std::string_view> importer::codes_in(const layout& file) const {
  std::vector<std::string_view> codes;
  if (&file == &collectives_file) {
    for (std::size_t i = 0; i < p_.org().collective_count(); ++i) {
      codes.push_back(p_.org().code(collective_id(static_cast<collective_id::value_type>(i))));
    }
  } else if (&file == &members_file) {
    for (std::size_t i = 0; i < p_.org().member_count(); ++i) {
      codes.push_back(p_.org().code(member_id(static_cast<member_id::value_type>(i))));
    }
  } else if (&file == &targets_file) {
    for (std::size_t i = 0; i < p_.target_count(); ++i) {
      codes.push_back(p_.brief(target_id(static_cast<target_id::value_type>(i))).code);
    }
  } else if (&file == &scales_file) {
    for (const rating_scale& sc : p_.scales()) codes.push_back(sc.code());
  } else if (&file == &programs_file) {
    for (const program& pr : p_.programs()) codes.push_back(pr.code);
  } else if (&file == &tasks_file) {
    for (const task& tk : p_.tasks()) codes.push_back(tk.code);
  }
  return codes;
}

void importer::reject(const layout& file, std::string_view code, std::uint64_t line) {
  rejected_[file_index(file)].emplace(std::string(code), line);
}

void importer::report_missing(table& t, std::size_t col, const layout& file, std::string_view what,
                              std::string_view code, std::uint64_t line) {
  const std::uint64_t at = line == 0 ? t.line() : line;
  if (line == 0) t.mark_bad();
  const auto& rejected = rejected_[file_index(file)];
  const auto it = rejected.find(std::string(code));
  if (it == rejected.end()) {
    std::string hint;
    if (suggestions_left_[file_index(t.file())] > 0) {
      --suggestions_left_[file_index(t.file())];
      hint = did_you_mean(codes_in(file), code);
    }
    t.fail_at(
        at, col,
        std::string(what) + " " + in_quotes(code) + " is not in " + std::string(file.file) + hint);
    return;
  }
  if (!reported_missing_[file_index(t.file())].insert(std::string(code)).second) return;
  t.fail_at(at, col,
            std::string(what) + " " + in_quotes(code) + " refers to row " +
                std::to_string(it->second) + " of " + std::string(file.file) +
                ", which was rejected (later rows of this file that refer to it are not reported)");
}

std::optional<collective_id> importer::collective(table& t, std::size_t col) {
  const std::string_view code = t.text(col);
  if (auto id = p_.org().find_collective(code)) return id;
  report_missing(t, col, collectives_file, "collective", code);
  return std::nullopt;
}

std::optional<scale_id> importer::scale(table& t, std::size_t col) {
  const std::string_view code = t.text(col);
  if (auto id = p_.find_scale(code)) return id;
  report_missing(t, col, scales_file, "rating scale", code);
  return std::nullopt;
}

std::optional<program_id> importer::program_ref(table& t, std::size_t col) {
  const std::string_view code = t.text(col);
  if (auto id = p_.find_program(code)) return id;
  report_missing(t, col, programs_file, "program", code);
  return std::nullopt;
}

std::optional<task_id> importer::task_ref(table& t, std::size_t col) {
  const std::string_view code = t.text(col);
  if (auto id = p_.find_task(code)) return id;
  report_missing(t, col, tasks_file, "task", code);
  return std::nullopt;
}

std::optional<target_id> importer::target_ref(table& t, std::size_t col) {
  const std::string_view code = t.text(col);
  if (auto id = p_.find_target(code)) return id;
  report_missing(t, col, targets_file, "target", code);
  return std::nullopt;
}

std::optional<rating_level> importer::level(table& t, std::size_t col, scale_id s) {
  const rating_scale& scale = p_.get(s);
  const std::string_view text = t.value(col);
  // Codes first, by a plain scan: a scale has a handful of levels.
  const auto levels = scale.levels();
  for (std::size_t i = 0; i < levels.size(); ++i) {
    if (levels[i].code == text) return rating_level(static_cast<std::uint8_t>(i));
  }
  if (auto l = scale.find(text)) return l;
  std::string known;
  for (const auto& l : levels) known += (known.empty() ? "" : ", ") + l.code;
  t.fail(col, "rating " + in_quotes(text) + " is not on scale " + in_quotes(scale.code()) +
                  " (levels: " + known + ")");
  return std::nullopt;
}

std::optional<round_id> importer::round(table& t, std::size_t scale_col, std::size_t period_col) {
  const std::string_view s = t.text(scale_col);
  const std::string_view pr = t.value(period_col);
  if (last_round_ && s == last_round_scale_ && pr == last_round_period_) return last_round_;
  const auto sc = scale(t, scale_col);
  const auto span = t.period_of(period_col, d_.periods);
  if (!sc || !span) return std::nullopt;
  const auto r = p_.find_round(*sc, *span);
  if (!r) {
    t.fail(period_col, "no rating round of scale " + in_quotes(s) + " for period " + in_quotes(pr) +
                           " in rating_rounds.csv");
    return std::nullopt;
  }
  last_round_ = r;
  last_round_scale_ = s;
  last_round_period_ = pr;
  return r;
}

}  // namespace goaltrack::detail::csv
