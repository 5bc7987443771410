#pragma once
// Private to the `goaltrack` command: what its commands share. Every failure is a
// cli_failure carrying the documented exit status and a one-line message in the user's
// language; main() prints it and exits with that status.

#include <cstdint>
#include <filesystem>
#include <optional>
#include <stdexcept>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/goaltrack.hpp"

namespace goaltrack::cli {

/// The documented exit statuses (goaltrack --help, README "The goaltrack command").
enum exit_status : int {
  exit_ok = 0,         ///< done
  exit_problems = 1,   ///< the input has problems (validate lists them; a plan that fails to load)
  exit_usage = 2,      ///< a bad command line: an unknown option, a date that is not a date, ...
  exit_no_input = 3,   ///< the input folder or file is missing or cannot be read
  exit_no_output = 4,  ///< the output cannot be written
  exit_internal = 70,  ///< a fault of goaltrack itself (EX_SOFTWARE)
};

/// A failure to report: the status to exit with and the message, already in the user's
/// language.
class cli_failure : public std::runtime_error {
 public:
  cli_failure(exit_status status, const std::string& message)
      : std::runtime_error(message), status_(status) {}
  [[nodiscard]] exit_status status() const noexcept { return status_; }

 private:
  exit_status status_;
};

/// The text in the user's language (Vietnamese and English side by side).
inline std::string say(language lang, std::string_view vi, std::string_view en) {
  return std::string(lang == language::vi ? vi : en);
}

/// The language of messages when --lang is not given: Vietnamese when LC_ALL, LC_MESSAGES
/// or LANG (the first set) starts with "vi", else English.
language language_from_environment();

/// A date as the user writes it: "21/01/2021" (day/month/year, as Vietnamese documents
/// write it) or ISO "2021-01-21". @throws cli_failure(exit_usage) naming the text.
date parse_date_argument(std::string_view text, std::string_view option, language lang);

/// Where an issue of the import of `input` is: "data/targets.csv:3:1: message" for a CSV
/// folder, "plan.xlsx: targets!A3: message" for a workbook.
std::string where(const std::filesystem::path& input, const csv_issue& issue);

/// How the spreadsheets read are written (--spreadsheet en|vi, --notes): "en" is
/// ',' between fields, decimal '.', ISO dates; "vi" is ';', decimal ',' and dd/mm/yyyy,
/// as Excel saves them on a Vietnamese Windows. `notes` names columns of notes.
/// @throws cli_failure(exit_usage) for another name.
csv_dialect spreadsheet_dialect(std::string_view name, std::vector<std::string> notes,
                                language lang);

/// The plan in `path`, as it is: a CSV folder (import_csv), an Excel workbook (a name
/// ending in .xlsx: import_xlsx) or an archive file (load). Throws the library's errors.
plan read_plan(const std::filesystem::path& path, const csv_dialect& dialect);

/// read_plan(path, dialect), with its failures as messages.
/// @throws cli_failure: exit_no_input when missing or unreadable, exit_problems when it
///         does not load (the first problems listed in the message).
plan open_plan(const std::filesystem::path& path, language lang, const csv_dialect& dialect);

/// The evaluation policy named `code`: the plan's own, else a shipped preset; the default
/// policy when empty. @throws cli_failure(exit_usage) listing the codes known.
evaluation_policy find_policy(const plan& p, const std::string& code, language lang);

/// A command's output as it is made: written in pieces to the file at `path`, which
/// commit() replaces whole (file_writer: nothing of it shows before, nor after a failure),
/// or to standard output when there is no path. Each member throws
/// cli_failure(exit_no_output) naming the path.
class output_stream {
 public:
  output_stream(const std::optional<std::filesystem::path>& path, language lang);
  void write(std::string_view bytes);
  void commit();

 private:
  std::optional<file_writer> file_;  ///< none: standard output
  language lang_;
};

/// Writes `content` to `path` atomically (write_file), or to standard output when there is
/// no path: an output_stream written at once. @throws cli_failure(exit_no_output).
void emit(const std::string& content, const std::optional<std::filesystem::path>& path,
          language lang);

}  // namespace goaltrack::cli
