// import_csv: the driver, issue collection, the per-file table and the references by code
// shared by several files. The files' rows are read in csv_import_org.cpp and
// csv_import_work.cpp; csv_import.hpp describes the split.

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
  const std::uintmax_t members_bytes = size_of(members_file.file);
  const std::uintmax_t ratings_bytes = size_of(ratings_file.file);
  const bool threaded = members_bytes + ratings_bytes >= threaded_bytes;
  if (!paths.empty()) {
    std::uintmax_t largest = 0;
    for (const auto& [name, i] : by_name) {
      if (!threaded || (name != members_file.file && name != ratings_file.file))
        largest = std::max(largest, size_of(name));
    }
    buffer.reserve(static_cast<std::size_t>(largest));
    if (threaded)
      second_buffer.reserve(static_cast<std::size_t>(std::max(members_bytes, ratings_bytes)));
  }
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
  const auto open = [&](const layout& l, std::string&, const table_reader& read) {
    const auto i = sheet_of[file_index(l)];
    if (!i) return;
    xlsx::sheet_reader sheet = book.sheet(*i);
    table t(*this, l, sheet, book.sheet_names()[*i], book.date1904());
    read(t);
  };
  // One reader of the workbook at a time: its zip archive is not shared between threads.
  std::string unused;
  std::string unused_second;
  return run_steps(logs, open, false, unused, unused_second);
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

void table::fail_required(std::size_t col) {
  fail(col, std::string(layout_.columns[col].name) + " is required");
}

std::optional<double> table::percent_or_fail(std::size_t col, std::string_view v) {
  double out = 0;
  const bool percent = parse_percent(v, decimal_, out);
  if (percent && ((percent_ok_ >> col) & 1U) != 0) {
    percents_ |= std::uint64_t{1} << col;
    return out;
  }
  fail(col, describe(col, v) +
                (percent ? " is a percentage, which this column does not take (only the values "
                           "of ratio targets and a policy's margins do)"
                         : " is not a number (decimal separator '" + std::string(1, decimal_) +
                               "', thousands grouped by '" + (decimal_ == ',' ? "." : ",") +
                               "' or a space)"));
  return std::nullopt;
}

void table::fail_day(std::size_t col, std::string_view v) {
  fail(col, describe(col, v) + " is not a date " +
                (dates_ == csv_date_format::iso ? "YYYY-MM-DD" : "DD/MM/YYYY or DD/MM/YY") +
                " (a real day of the years 1400..9999; a time of day, if any, 00:00)");
}

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

// --- column names --------------------------------------------------------------------------

column_names::column_names(const layout& l, std::span<const std::string> notes_columns) {
  for (std::size_t k = 0; k < l.columns.size(); ++k) {
    names_.push_back(l.columns[k].name);
    columns_.push_back(k);
  }
  for (std::size_t k = 0; k < l.columns.size(); ++k) {
    for (std::string_view rest = vi_names_of(l.columns[k].name); !rest.empty();) {
      const std::size_t bar = rest.find('|');
      names_.push_back(rest.substr(0, bar));
      columns_.push_back(k);
      rest = bar == std::string_view::npos ? std::string_view() : rest.substr(bar + 1);
    }
  }
  layout_names_ = names_.size();
  for (const std::string& n : notes_columns) {
    names_.emplace_back(n);
    columns_.push_back(notes);
  }
}

std::optional<std::size_t> column_names::find(std::string_view header) const {
  // The layout's names first: a notes column that a layout column's name also matches
  // ("ghi chú", measurements.csv's note) is that column in that file.
  const std::span<const std::string_view> all(names_);
  if (const auto i = find_loosely(all.first(layout_names_), header)) return columns_[*i];
  if (const auto i = find_loosely(all.subspan(layout_names_), header)) return notes;
  return std::nullopt;
}

std::string column_names::did_you_mean(std::string_view header) const {
  return detail::did_you_mean(names_, header);
}

// --- table -------------------------------------------------------------------------------

table::table(importer& im, const layout& layout, std::string& text)
    : im_(im),
      layout_(layout),
      name_(layout.file),
      reader_(text, 0, im.dialect().delimiter),
      slot_(layout.columns.size(), absent),
      decimal_(im.dialect().decimal_separator),
      dates_(im.dialect().dates) {
  mark_columns();
  std::size_t bom = 0;
  if (auto problem = check_encoding(text, bom)) {
    im_.issue(name_, problem->line, 0, problem->message);
    ok_ = false;
    return;
  }
  // Text typed in decomposed Unicode (some keyboards write "ệ" as e and two marks) is
  // put in NFC once, whole: the delimiters, quotes and line ends are ASCII, which NFC
  // leaves alone, so every field becomes the NFC of its text.
  if (maybe_not_nfc(std::string_view(text).substr(bom))) text = to_nfc(text);
  reader_ = record_reader(text, bom, im.dialect().delimiter);
  const auto s = reader_.next();
  if (s == record_reader::status::end) {
    im_.issue(name_, 1, 0, "the file is empty: it needs at least its header row");
    ok_ = false;
    return;
  }
  if (s == record_reader::status::bad) {
    im_.issue(name_, reader_.line(), reader_.error_column(), reader_.error());
    ok_ = false;
    return;
  }
  fields_ = reader_.fields();
  map_header(fields_);
}

void table::map_header(std::span<const std::string_view> fields) {
  // Empty columns after the last named one are what a spreadsheet leaves (";;;").
  width_ = fields.size();
  while (width_ > 0 && trim(fields[width_ - 1]).empty()) --width_;
  const column_names names(layout_, im_.dialect().notes_columns);
  for (std::size_t f = 0; f < width_; ++f) {
    const std::string_view name = trim(fields[f]);
    const auto column = static_cast<std::uint32_t>(f + 1);
    const auto k = names.find(name);
    if (!k) {
      report_unknown_column(name, column, names, fields.size());
      ok_ = false;
    } else if (*k == column_names::notes) {
      continue;  // the dialect's notes: not read
    } else if (slot_[*k] != absent) {
      im_.issue(name_, line(), column, "column " + in_quotes(name) + " appears twice");
      ok_ = false;
    } else {
      slot_[*k] = f;
    }
  }
  const auto& columns = layout_.columns;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].required && slot_[k] == absent) {
      im_.issue(name_, line(), 0, "the header has no column " + in_quotes(columns[k].name));
      ok_ = false;
    }
  }
  const auto first_required =
      std::find_if(columns.begin(), columns.end(), [](const column& c) { return c.required; });
  first_column_ = first_required == columns.end()
                      ? 0
                      : static_cast<std::size_t>(first_required - columns.begin());
}

void table::report_unknown_column(std::string_view name, std::uint32_t column,
                                  const column_names& names, std::size_t fields) {
  if (name.empty()) {
    im_.issue(name_, line(), column,
              "the column has no name (only empty columns may follow the last named one)");
    return;
  }
  std::string known;
  for (const auto& k : layout_.columns) known += (known.empty() ? "" : ", ") + std::string(k.name);
  const char other = im_.dialect().delimiter == ',' ? ';' : ',';
  const std::string hint = fields == 1 && name.find(other) != std::string_view::npos
                               ? " (is the delimiter right? the dialect says '" +
                                     std::string(1, im_.dialect().delimiter) + "')"
                               : names.did_you_mean(name);
  im_.issue(name_, line(), column,
            "unknown column " + in_quotes(name) + hint + "; columns: " + known +
                " (or their Vietnamese names; a notes column must be named by the dialect's "
                "notes_columns)");
}

void table::mark_columns() {
  const auto& columns = layout_.columns;
  for (std::size_t k = 0; k < columns.size(); ++k) {
    if (columns[k].name == (&layout_ == &scales_file ? "scale" : "code")) key_ = k;
  }
  for (const percent_column& pc : percent_columns) {
    if (pc.file != layout_.file) continue;
    for (std::size_t k = 0; k < columns.size(); ++k) {
      if (columns[k].name == pc.column) percent_ok_ |= std::uint64_t{1} << k;
    }
  }
}

record_reader::status table::read_row() {
  if (sheet_ != nullptr) return read_sheet_row();
  const auto s = reader_.next();
  fields_ = reader_.fields();
  return s;
}

bool table::next() {
  for (;;) {
    bad_ = false;
    percents_ = 0;
    const auto s = read_row();
    if (s == record_reader::status::end) return false;
    if (s == record_reader::status::bad) {
      im_.issue(name_, reader_.line(), reader_.error_column(), reader_.error());
      continue;
    }
    if (fields_.size() != width_ && !only_blanks_after(fields_)) {
      report_width();
      continue;
    }
    return true;
  }
}

void table::fail_percents(const std::string& why) {
  for (std::size_t col = 0; col < layout_.columns.size(); ++col) {
    if (percent(col)) fail(col, describe(col, value(col)) + ": " + why);
  }
}

void table::report_width() {
  if (sheet_ != nullptr) {
    im_.issue(name_, line(), static_cast<std::uint32_t>(width_ + 1),
              "the row has a value to the right of the last column with a header");
    return;
  }
  im_.issue(name_, line(), 0,
            "the row has " + std::to_string(fields_.size()) + " fields, the header " +
                std::to_string(width_) + " (a missing delimiter, or an unquoted '" +
                std::string(1, im_.dialect().delimiter) + "' in a field?)");
}

bool table::only_blanks_after(std::span<const std::string_view> fields) const noexcept {
  if (fields.size() < width_) return false;
  return std::all_of(fields.begin() + static_cast<std::ptrdiff_t>(width_), fields.end(),
                     [](std::string_view f) { return trim(f).empty(); });
}

void table::fail_at(std::uint64_t line, std::size_t col, const std::string& what,
                    std::string_view code) {
  const std::size_t k = col == absent ? first_column_ : col;
  const auto column = slot_[k] == absent ? 0U : static_cast<std::uint32_t>(slot_[k] + 1);
  im_.issue(name_, line, column, what);
  if (!code.empty()) im_.reject(layout_, code, line);
}

void table::warn_at(std::uint64_t line, std::size_t col, const std::string& what) {
  const auto column = slot_[col] == absent ? 0U : static_cast<std::uint32_t>(slot_[col] + 1);
  im_.warn(name_, line, column, what);
}

void table::mark_bad() {
  bad_ = true;
  if (key_ != absent && !value(key_).empty()) im_.reject(layout_, value(key_), line());
}

void table::fail(std::size_t col, const std::string& what) {
  bad_ = true;
  fail_at(line(), col, what, key_ == absent ? std::string_view() : value(key_));
}

std::optional<share> table::share_of(std::size_t col) {
  const std::string_view v = value(col);
  if (v.empty()) return std::nullopt;
  if (sheet_ != nullptr && typed(col)) return sheet_share(col, v);
  const std::size_t slash = v.find('/');
  if (slash != std::string_view::npos) {
    std::uint32_t n = 0;
    std::uint32_t d = 0;
    if (parse_count(v.substr(0, slash), n) && parse_count(v.substr(slash + 1), d) && d != 0) {
      return share{n, d};
    }
  } else if (!v.empty() && v.back() == '%') {
    // p% with up to six decimals, kept exact: 95.5% is 955/1000.
    std::string_view p = trim(v.substr(0, v.size() - 1));
    const std::size_t point = p.find(decimal_);
    std::string digits(p.substr(0, point));
    std::uint32_t denominator = 100;
    if (point != std::string_view::npos) {
      const std::string_view fraction = p.substr(point + 1);
      if (fraction.size() <= 6) {
        digits += fraction;
        for (std::size_t i = 0; i < fraction.size(); ++i) denominator *= 10;
      } else {
        digits = "x";
      }
    }
    std::uint32_t n = 0;
    if (!digits.empty() && digits.find_first_not_of("0123456789") == std::string::npos &&
        parse_count(digits, n)) {
      return share{n, denominator};
    }
  }
  fail(col, describe(col, v) + " is not a share such as 191/200 or 95" + std::string(1, decimal_) +
                "5%");
  return std::nullopt;
}

}  // namespace detail::csv

plan import_csv(std::vector<csv_source> files, const csv_dialect& dialect) {
  std::vector<csv_issue> warnings;
  return import_csv(std::move(files), dialect, warnings);
}

plan import_csv(std::vector<csv_source> files, const csv_dialect& dialect,
                std::vector<csv_issue>& warnings) {
  dialect.validate();
  detail::csv::importer im(dialect);
  plan p = im.run(files);
  warnings = im.take_warnings();
  return p;
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
  detail::csv::importer im(dialect);
  plan p = im.run(files, paths);
  warnings = im.take_warnings();
  return p;
}

}  // namespace goaltrack
