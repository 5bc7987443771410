// The CSV dialect, issues and error of csv.hpp.

#include "goaltrack/io/csv.hpp"

#include "io/csv_layout.hpp"
#include "utf8.hpp"

namespace goaltrack {

void csv_dialect::validate() const {
  if (delimiter != ',' && delimiter != ';') {
    throw invalid_argument("csv_dialect: delimiter must be ',' or ';', not '" +
                           std::string(1, delimiter) + "'");
  }
  if (decimal_separator != '.' && decimal_separator != ',') {
    throw invalid_argument("csv_dialect: decimal separator must be '.' or ',', not '" +
                           std::string(1, decimal_separator) + "'");
  }
  for (const std::string& name : notes_columns) {
    if (name.empty() || !detail::valid_utf8(name)) {
      throw invalid_argument("csv_dialect: a notes column needs a name in UTF-8, not '" +
                             detail::printable_utf8(name) + "'");
    }
  }
}

namespace {
// A column's letters, as Excel names it: 1 is A, 27 is AA.
std::string column_letters(std::uint32_t column) {
  std::string letters;
  for (; column > 0; column = (column - 1) / 26) {
    letters.insert(letters.begin(), static_cast<char>('A' + (column - 1) % 26));
  }
  return letters;
}
}  // namespace

std::string to_string(const csv_issue& issue) {
  std::string s = issue.file;
  if (issue.sheet) {
    if (issue.line != 0) s += '!' + column_letters(issue.column) + std::to_string(issue.line);
  } else if (issue.line != 0) {
    s += ':' + std::to_string(issue.line);
    if (issue.column != 0) s += ':' + std::to_string(issue.column);
  }
  return s + ": " + issue.message;
}

namespace {

std::string issues_message(const std::vector<csv_issue>& issues, std::uint64_t total) {
  constexpr std::size_t shown = 20;
  const bool workbook = !issues.empty() && issues.front().sheet;
  std::string s = std::string(workbook ? "Workbook" : "CSV") +
                  " import failed, nothing was imported: " + std::to_string(total) +
                  (total == 1 ? " problem" : " problems");
  for (std::size_t i = 0; i < issues.size() && i < shown; ++i) s += "\n" + to_string(issues[i]);
  if (total > shown) s += "\n... and " + std::to_string(total - shown) + " more";
  return s;
}

}  // namespace

csv_error::csv_error(std::vector<csv_issue> issues, std::uint64_t total,
                     std::vector<csv_issue> warnings)
    : invalid_argument(issues_message(issues, total)),
      issues_(std::move(issues)),
      total_(total),
      warnings_(std::move(warnings)) {}

std::vector<std::string> csv_file_names() {
  std::vector<std::string> names;
  names.reserve(detail::csv::all_files.size());
  for (const auto* f : detail::csv::all_files) names.emplace_back(f->file);
  return names;
}

}  // namespace goaltrack
