// import_csv and import_xlsx: the driver (the files in the layout's order, from a folder,
// memory or a workbook's sheets) and the collection of issues and warnings. The files'
// rows are read in csv_import_org.cpp and csv_import_work.cpp; csv_import.hpp describes
// the split.

#include "io/csv_import.hpp"

#include <algorithm>
#include <exception>
#include <filesystem>
#include <fstream>
#include <optional>
#include <string>
#include <thread>
#include <unordered_map>
#include <utility>
#include <vector>

#include "io/file_kind.hpp"
#include "unicode.hpp"
#include "utf8.hpp"

namespace goaltrack {
namespace detail::csv {

namespace {

// The log the current thread's step reports into (importer::run sets it per step).
thread_local issue_log* current_log = nullptr;

// Reports into `log` for the lifetime of this object.
class log_scope {
 public:
  explicit log_scope(issue_log& log) noexcept : saved_(std::exchange(current_log, &log)) {}
  log_scope(const log_scope&) = delete;
  log_scope& operator=(const log_scope&) = delete;
  ~log_scope() { current_log = saved_; }

 private:
  issue_log* saved_;
};

// The steps of an import, in the layout's order: the order of their issues.
enum step : std::size_t {
  names,
  scales_step,
  collectives_step,
  members_step,
  rounds_step,
  ratings_step,
  programs_step,
  tasks_step,
  status_step,
  items_step,
  phases_step,
  targets_step,
  unused_items_step,
  measurements_step,
  assessments_step,
  alignments_step,
  labels_step,
  summaries_step,
  statuses_step,
  bands_step,
  rules_step,
  overrides_step,
  policies_step,
  unused_policy_rows_step,
  step_count
};

// members.csv and ratings.csv of at least this many bytes together are read on a second
// thread (below that, a thread costs more than it saves).
constexpr std::uintmax_t threaded_bytes = std::uintmax_t{4} << 20;

// Whether the members and their ratings are read on a second thread (when they are large),
// and, with `reserve`, room in each thread's buffer for the largest file it reads, so that
// one allocation serves them all and its pages are touched once. `size_of(layout)` gives
// a file's size in bytes, 0 when it is absent.
template <class SizeOf>
bool plan_threads(const SizeOf& size_of, bool reserve, std::string& buffer,
                  std::string& second_buffer) {
  const bool threaded = size_of(members_file) + size_of(ratings_file) >= threaded_bytes;
  if (!reserve) return threaded;
  std::uintmax_t largest = 0;
  std::uintmax_t second_largest = 0;
  for (const layout* l : all_files) {
    const bool second = threaded && (l == &members_file || l == &ratings_file);
    std::uintmax_t& max = second ? second_largest : largest;
    max = std::max(max, size_of(*l));
  }
  buffer.reserve(static_cast<std::size_t>(largest));
  second_buffer.reserve(static_cast<std::size_t>(second_largest));
  return threaded;
}

}  // namespace

void importer::issue(const std::string& file, std::uint64_t line, std::uint32_t column,
                     std::string what) {
  issue_log& log = *current_log;
  ++log.total;
  // A file's text is checked to be UTF-8 before its rows are read, but a name given to
  // import_csv(files) is not: an issue quotes both, and stays valid UTF-8.
  if (!valid_utf8(what)) what = printable_utf8(what);
  if (log.holding) {
    log.held.push_back({printable_utf8(file), line, column, std::move(what), sheets_});
  } else if (log.issues.size() < csv_error::max_kept_issues) {
    log.issues.push_back({printable_utf8(file), line, column, std::move(what), sheets_});
  }
}

void importer::warn(const std::string& file, std::uint64_t line, std::uint32_t column,
                    std::string what) {
  if (warnings_.size() < csv_error::max_kept_issues) {
    warnings_.push_back({printable_utf8(file), line, column, std::move(what), sheets_});
  }
}

void importer::hold_issues() noexcept { current_log->holding = true; }

void importer::release_issues() {
  issue_log& log = *current_log;
  std::stable_sort(log.held.begin(), log.held.end(),
                   [](const csv_issue& a, const csv_issue& b) { return a.line < b.line; });
  for (csv_issue& i : log.held) {
    if (log.issues.size() == csv_error::max_kept_issues) break;
    log.issues.push_back(std::move(i));
  }
  log.held.clear();
  log.holding = false;
}

plan importer::run(std::vector<csv_source>& files, std::span<const std::filesystem::path> paths) {
  std::vector<issue_log> logs(step_count);
  std::unordered_map<std::string_view, std::size_t> by_name;
  const std::vector<std::string> known = csv_file_names();
  const auto size_of = [&](std::string_view name) -> std::uintmax_t {
    const auto it = by_name.find(name);
    if (it == by_name.end()) return 0;
    if (paths.empty()) return files[it->second].text.size();
    std::error_code ec;
    const std::uintmax_t size = std::filesystem::file_size(paths[it->second], ec);
    return ec ? 0 : size;
  };
  // A folder's files are read one at a time, when their turn comes, into a buffer per
  // thread: the folder is never all in memory, and a buffer's pages are faulted in once,
  // at the size of the largest file it reads, instead of once per file.
  std::string buffer;
  std::string second_buffer;
  const auto text_of = [&](std::size_t i, std::string& into) -> std::string& {
    if (paths.empty()) return files[i].text;
    read_regular_file(paths[i], into);
    return into;
  };
  {
    const log_scope scope(logs[names]);
    for (std::size_t i = 0; i < files.size(); ++i) {
      const csv_source& f = files[i];
      if (std::find(known.begin(), known.end(), f.name) == known.end()) {
        // Read all the same, so that an unreadable file is an io_error whatever its name.
        (void)text_of(i, buffer);
        std::string list;
        for (const auto& k : known) list += (list.empty() ? "" : ", ") + k;
        issue(f.name, 0, 0, "not a file of the CSV layout (a misspelt name?); expected: " + list);
      } else if (!by_name.emplace(f.name, i).second) {
        (void)text_of(i, buffer);
        issue(f.name, 0, 0, "the file is given twice");
      }
    }
  }
  // Texts given in memory are read in place: no buffer to reserve.
  const bool threaded = plan_threads([&](const layout& l) { return size_of(l.file); },
                                     !paths.empty(), buffer, second_buffer);
  const auto open = [&](const layout& l, std::string& into, const table_reader& read) {
    const auto it = by_name.find(l.file);
    if (it == by_name.end()) return;
    std::string& text = text_of(it->second, into);
    table t(*this, l, text);
    read(t);
    // A text given in memory is no longer needed: free it before the next file.
    if (paths.empty()) std::string().swap(text);
  };
  return run_steps(logs, open, threaded, buffer, second_buffer);
}

plan importer::run(const xlsx::workbook& book) {
  sheets_ = true;
  std::vector<issue_log> logs(step_count);
  // The sheet of each file of the layout (by its position in all_files).
  std::vector<std::optional<std::size_t>> sheet_of(all_files.size());
  {
    const log_scope scope(logs[names]);
    std::vector<std::string_view> stems;  // "targets" for targets.csv
    std::string expected;
    for (const layout* l : all_files) {
      stems.push_back(l->file.substr(0, l->file.size() - 4));
      expected += (expected.empty() ? "" : ", ") + std::string(stems.back());
    }
    const std::vector<std::string>& sheets = book.sheet_names();
    for (std::size_t i = 0; i < sheets.size(); ++i) {
      // Hidden sheets hold lists of choices (export_xlsx's "lists") and the like.
      if (book.hidden(i)) continue;
      const auto k = find_loosely(stems, sheets[i]);
      if (!k) {
        issue(sheets[i], 0, 0,
              "not a sheet of the layout (a misspelt name?)" + did_you_mean(stems, sheets[i]) +
                  "; expected: " + expected);
      } else if (sheet_of[*k]) {
        issue(sheets[i], 0, 0,
              "the sheet is given twice (also as '" + sheets[*sheet_of[*k]] + "')");
      } else {
        sheet_of[*k] = i;
      }
    }
  }
  const auto open = [&](const layout& l, std::string& buffer, const table_reader& read) {
    const auto i = sheet_of[file_index(l)];
    if (!i) return;
    xlsx::sheet_reader sheet = book.sheet(*i, buffer);
    table t(*this, l, sheet, book.sheet_names()[*i], book.date1904());
    read(t);
  };
  // A sheet's XML, then the next's, in one buffer per thread, as for CSV files. A size a
  // sheet declares is within the limits (workbook::sheet_size), else 0.
  std::string buffer;
  std::string second_buffer;
  const auto size_of = [&](const layout& l) -> std::uintmax_t {
    const auto i = sheet_of[file_index(l)];
    return i ? book.sheet_size(*i) : 0;
  };
  const bool threaded = plan_threads(size_of, true, buffer, second_buffer);
  return run_steps(logs, open, threaded, buffer, second_buffer);
}

plan importer::run_steps(std::vector<issue_log>& logs, const file_opener& open, bool threaded,
                         std::string& buffer, std::string& second_buffer) {
  const auto with = [&](step k, const layout& l, auto handler, std::string& into) {
    const log_scope scope(logs[k]);
    open(l, into, [&](table& t) {
      if (t.ok()) (this->*handler)(t);
    });
    release_issues();
  };
  with(scales_step, scales_file, &importer::scales, buffer);
  with(collectives_step, collectives_file, &importer::collectives, buffer);
  // Rating rounds name scales and periods, no member: they go before the members so that
  // the members and their ratings can be read apart from the rest.
  with(rounds_step, rounds_file, &importer::rounds, buffer);
  // The members and their ratings write the plan's member columns and rounds' ratings
  // only; programs .. measurements write programs, tasks, targets and measurements, and
  // read the collectives and scales (written above). Of the importer's own state both read
  // collective_numbers_ only; round() (and its cache) is used by ratings here and by the
  // summaries after the join.
  const auto members_and_ratings = [&] {
    with(members_step, members_file, &importer::members, threaded ? second_buffer : buffer);
    with(ratings_step, ratings_file, &importer::ratings, threaded ? second_buffer : buffer);
  };
  std::exception_ptr second_error;
  std::thread second;
  if (threaded) {
    second = std::thread([&] {
      try {
        members_and_ratings();
      } catch (...) {
        second_error = std::current_exception();
      }
    });
  } else {
    members_and_ratings();
  }
  std::exception_ptr first_error;
  try {
    with(programs_step, programs_file, &importer::programs, buffer);
    with(tasks_step, tasks_file, &importer::tasks, buffer);
    with(status_step, status_file, &importer::statuses, buffer);
    with(items_step, items_file, &importer::items, buffer);
    with(phases_step, phases_file, &importer::phases, buffer);
    with(targets_step, targets_file, &importer::targets, buffer);
    {
      const log_scope scope(logs[unused_items_step]);
      report_unused_items();
    }
    with(measurements_step, measurements_file, &importer::measurements, buffer);
    with(assessments_step, assessments_file, &importer::assessments, buffer);
    with(alignments_step, alignments_file, &importer::alignments, buffer);
    with(labels_step, labels_file, &importer::labels, buffer);
  } catch (...) {
    first_error = std::current_exception();
  }
  if (second.joinable()) second.join();
  // As if read in order: the members' and ratings' error comes first.
  if (second_error) std::rethrow_exception(second_error);
  if (first_error) std::rethrow_exception(first_error);
  with(summaries_step, summaries_file, &importer::summaries, buffer);
  with(statuses_step, statuses_file, &importer::policy_statuses, buffer);
  with(bands_step, bands_file, &importer::policy_bands, buffer);
  with(rules_step, rules_file, &importer::rollup_rules, buffer);
  with(overrides_step, overrides_file, &importer::rollup_overrides, buffer);
  with(policies_step, policies_file, &importer::policies, buffer);
  {
    const log_scope scope(logs[unused_policy_rows_step]);
    report_unused_policy_rows();
    add_notes();
  }
  std::vector<csv_issue> issues;
  std::uint64_t total = 0;
  for (issue_log& log : logs) {
    total += log.total;
    for (csv_issue& i : log.issues) {
      if (issues.size() == csv_error::max_kept_issues) break;
      issues.push_back(std::move(i));
    }
  }
  if (total > 0) throw csv_error(std::move(issues), total, std::move(warnings_));
  return std::move(p_);
}

}  // namespace detail::csv

plan import_csv(std::vector<csv_source> files, const csv_dialect& dialect) {
  std::vector<csv_issue> warnings;
  return import_csv(std::move(files), dialect, warnings);
}

plan import_csv(std::vector<csv_source> files, const csv_dialect& dialect,
                std::vector<csv_issue>& warnings) {
  return detail::csv::importer::import(dialect, warnings, files);
}

plan import_csv(const std::filesystem::path& directory, const csv_dialect& dialect) {
  std::vector<csv_issue> warnings;
  return import_csv(directory, dialect, warnings);
}

plan import_csv(const std::filesystem::path& directory, const csv_dialect& dialect,
                std::vector<csv_issue>& warnings) {
  dialect.validate();
  std::error_code ec;
  if (!std::filesystem::is_directory(directory, ec)) {
    throw io_error("cannot read the folder " + directory.string() + ": not a folder",
                   directory.string());
  }
  std::vector<csv_source> files;  // names only: the texts are read from `paths` in turn
  std::vector<std::filesystem::path> paths;
  for (const auto& entry : std::filesystem::directory_iterator(directory, ec)) {
    const auto& path = entry.path();
    std::string ext = path.extension().string();
    std::transform(ext.begin(), ext.end(), ext.begin(), [](char ch) {
      return ch >= 'A' && ch <= 'Z' ? static_cast<char>(ch - 'A' + 'a') : ch;
    });
    // Every *.csv entry is read: one that is a FIFO, a directory, a device or a dangling
    // link is an io_error saying so, not a file silently left out.
    if (ext != ".csv") continue;
    files.push_back({path.filename().string(), {}});
    paths.push_back(path);
  }
  if (ec)
    throw io_error("cannot read the folder " + directory.string() + ": " + ec.message(),
                   directory.string());
  // Read in the layout's order regardless of the folder's.
  const std::span<const std::filesystem::path> in_order(paths);
  return detail::csv::importer::import(dialect, warnings, files, in_order);
}

}  // namespace goaltrack
