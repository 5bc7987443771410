// The CSV dialect, issues and error of csv.hpp.

#include "goaltrack/io/csv.hpp"

#include "io/csv_layout.hpp"

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
}

std::string to_string(const csv_issue& issue) {
  std::string s = issue.file;
  if (issue.line != 0) {
    s += ':' + std::to_string(issue.line);
    if (issue.column != 0) s += ':' + std::to_string(issue.column);
  }
  return s + ": " + issue.message;
}

namespace {

std::string issues_message(const std::vector<csv_issue>& issues, std::uint64_t total) {
  constexpr std::size_t shown = 20;
  std::string s = "CSV import failed, nothing was imported: " + std::to_string(total) +
                  (total == 1 ? " problem" : " problems");
  for (std::size_t i = 0; i < issues.size() && i < shown; ++i) s += "\n" + to_string(issues[i]);
  if (total > shown) s += "\n... and " + std::to_string(total - shown) + " more";
  return s;
}

}  // namespace

csv_error::csv_error(std::vector<csv_issue> issues, std::uint64_t total)
    : invalid_argument(issues_message(issues, total)), issues_(std::move(issues)), total_(total) {}

std::vector<std::string> csv_file_names() {
  std::vector<std::string> names;
  names.reserve(detail::csv::all_files.size());
  for (const auto* f : detail::csv::all_files) names.emplace_back(f->file);
  return names;
}

}  // namespace goaltrack
