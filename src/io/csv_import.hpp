#pragma once
// Private: the state shared by the files of import_csv (csv.hpp).
//
//   csv_import.cpp       the driver (files in the layout's order, from a folder, memory or
//                        a workbook), issue and warning collection
//   csv_import_table.cpp the per-file `table` (header mapping, typed getters)
//   csv_import_refs.cpp  references by code shared by several files, rejected rows
//   xlsx_import.cpp      a workbook sheet's rows for its table; import_xlsx
//   csv_import_org.cpp   rating_scales, collectives, members, rating_rounds, ratings
//   csv_import_work.cpp  programs, tasks, task_status, milestone_items, targets,
//                        measurements, policy_rating_summaries, policies
//
// Each file is read whole, checked to be UTF-8, split into records in place, and its rows
// handed to the plan's public add_* (which check them). Rows of millions (members,
// ratings, measurements) go to the plan in batches; when a batch is refused, its rows are
// added one by one to name every bad one. Any issue makes the import throw csv_error at
// the end, and the plan being built is dropped: nothing is imported.

#include <algorithm>
#include <array>
#include <cstddef>
#include <cstdint>
#include <filesystem>
#include <functional>
#include <limits>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <unordered_map>
#include <unordered_set>
#include <vector>

#include "code_table.hpp"
#include "goaltrack/io/csv.hpp"
#include "io/csv_layout.hpp"
#include "io/csv_notes.hpp"
#include "io/csv_number_index.hpp"
#include "io/csv_text.hpp"
#include "io/xlsx_read.hpp"

namespace goaltrack::detail::csv {

/// Rows handed to the plan at once by the bulk files.
inline constexpr std::size_t batch_rows = 1 << 12;
/// A layout column the file does not have.
inline constexpr std::size_t absent = std::numeric_limits<std::size_t>::max();

inline std::string in_quotes(std::string_view s) { return "'" + std::string(s) + "'"; }

class importer;

/// The position of `file` in all_files.
inline std::size_t file_index(const layout& file) noexcept {
  return static_cast<std::size_t>(std::find(all_files.begin(), all_files.end(), &file) -
                                  all_files.begin());
}

/// The names a file's header may give its columns: each column's name and Vietnamese
/// names (csv_layout.hpp), and the dialect's notes columns, matched loosely
/// (unicode.hpp: "Mã", "MÃ", "ma" are code).
class column_names {
 public:
  /// What find() returns for a notes column.
  static constexpr std::size_t notes = absent - 1;

  column_names(const layout& l, std::span<const std::string> notes_columns);
  /// The layout column (or `notes`) a header cell names; none when it names none.
  [[nodiscard]] std::optional<std::size_t> find(std::string_view header) const;
  /// " (did you mean 'X'?)" when `header` is a slip of one name, or "".
  [[nodiscard]] std::string did_you_mean(std::string_view header) const;

 private:
  std::vector<std::string_view> names_;
  std::vector<std::size_t> columns_;  // columns_[i]: the column names_[i] names
  std::size_t layout_names_ = 0;      // names_ before the notes columns'
};

static_assert(std::ranges::all_of(all_files,
                                  [](const layout* l) { return l->columns.size() <= 64; }),
              "table keeps a bit per column");

/// Texts kept for as long as a table lives: a sheet's cells, copied out of the sheet
/// reader's row (which the next row overwrites), so that views into them stay valid as
/// a CSV file's fields do (loaders keep them across rows and batches).
class text_arena {
 public:
  /// A copy of `s` that lives as long as the arena.
  std::string_view keep(std::string_view s);

 private:
  static constexpr std::size_t block_bytes = std::size_t{1} << 20;
  std::vector<std::unique_ptr<char[]>> blocks_;
  std::size_t used_ = 0;  // bytes used in the last block
  std::size_t size_ = 0;  // its size
};

/// One file being read: its header mapped to the layout's columns, then one row at a
/// time, with typed getters that report what does not parse (and mark the row bad).
class table {
 public:
  /// A CSV file's text (put in NFC and split in place).
  table(importer& im, const layout& layout, std::string& text);
  /// A workbook's sheet named `sheet_name` (xlsx_import.cpp): cells typed as Excel types
  /// them, 1900 or 1904 date system.
  table(importer& im, const layout& layout, xlsx::sheet_reader& sheet, std::string sheet_name,
        bool date1904);

  /// False when the file cannot be read at all (encoding, header).
  [[nodiscard]] bool ok() const noexcept { return ok_; }
  /// Moves to the next well-formed row; false at the end.
  bool next();
  /// True when a getter has reported a problem in this row.
  [[nodiscard]] bool bad() const noexcept { return bad_; }
  /// The row's line in the file (its row number in a sheet).
  [[nodiscard]] std::uint64_t line() const noexcept {
    return sheet_ == nullptr ? reader_.line() : sheet_row_;
  }
  [[nodiscard]] const std::string& name() const noexcept { return name_; }
  /// At least the number of rows left (line ends, for reserving room; may be more; in a
  /// sheet, whose rows are not counted before they are read, a guess).
  [[nodiscard]] std::size_t rows_left() const noexcept {
    return sheet_ == nullptr ? reader_.lines_left() : sheet_rows_guess;
  }
  /// Room to reserve for the rows left, each at least `min_row_bytes` long with its line
  /// end: rows_left(), but never more rows than the bytes left can hold, so that a file
  /// of blank lines cannot make a loader reserve without bound.
  [[nodiscard]] std::size_t rows_to_reserve(std::size_t min_row_bytes) const noexcept {
    if (sheet_ != nullptr) return 0;
    return std::min(rows_left(), reader_.bytes_left() / min_row_bytes + 1);
  }

  /// The field as text (in a CSV file, a formula escaped by export loses its
  /// apostrophe; a sheet's text cells are text already); "" when the file has no such
  /// column.
  [[nodiscard]] std::string_view text(std::size_t col) const noexcept {
    if (slot_[col] == absent) return {};
    return sheet_ == nullptr ? unescape_formula(fields_[slot_[col]]) : fields_[slot_[col]];
  }
  /// The field without surrounding spaces, for values and codes of enums.
  [[nodiscard]] std::string_view value(std::size_t col) const noexcept {
    return slot_[col] == absent ? std::string_view() : trim(fields_[slot_[col]]);
  }
  /// Reports `what` at this row and the column.
  void fail(std::size_t col, const std::string& what);
  /// Reports `what` at this row (the row as a whole: its first column).
  void fail_row(const std::string& what) { fail(absent, what); }
  /// Reports a problem at line `line`, column `col` (a row read before). `code`, when
  /// given, is the code of that row, which is thereby rejected (importer::reject).
  void fail_at(std::uint64_t line, std::size_t col, const std::string& what,
               std::string_view code = {});
  /// Reports a warning at line `line` (a row read before), column `col`.
  void warn_at(std::uint64_t line, std::size_t col, const std::string& what);
  /// Marks this row bad, and rejected for the rows that refer to it by its code, without
  /// an issue of its own (its cause has one).
  void mark_bad();
  /// The file's layout.
  [[nodiscard]] const layout& file() const noexcept { return layout_; }
  /// Keeps the notes of the row read on `line` (its cells in the dialect's notes columns
  /// that are not blank) as notes of the row that `row` names (its ids only), when the
  /// file keeps notes (keeps_notes). For the loaders, once the plan has added the row:
  /// a rejected row keeps nothing.
  /// `ids` name the row as note_row's arguments do; nothing is built when the file has
  /// no notes (every row of nearly every file).
  template <class... Ids>
  void keep_notes(std::uint64_t line, Ids... ids) {
    if (!notes_.empty()) keep_notes_of(line, note_row(ids...));
  }

  /// False (and reported) when the field is blank.
  bool required(std::size_t col) {
    if (!value(col).empty()) return true;
    fail_required(col);
    return false;
  }
  /// A number, or a percentage ("95%" is 0.95: percent(col) then says so, for the
  /// loader to refuse where a percentage means nothing).
  std::optional<double> number(std::size_t col) {
    const std::string_view v = value(col);
    double out = 0;
    if (v.empty()) return std::nullopt;
    if (sheet_ != nullptr && typed(col)) return sheet_number(col, v);
    if (parse_number(v, decimal_, out)) return out;
    return percent_or_fail(col, v);
  }
  /// True when column `col` of this row held a percentage read by number().
  [[nodiscard]] bool percent(std::size_t col) const noexcept {
    return ((percents_ >> col) & 1U) != 0;
  }
  /// The columns of this row that held percentages, as bits (1 << col).
  [[nodiscard]] std::uint64_t percents() const noexcept { return percents_; }
  /// Reports each column of this row that held a percentage: "<column> '<value>': <why>".
  void fail_percents(const std::string& why);
  double number_or(std::size_t col, double fallback) { return number(col).value_or(fallback); }
  std::optional<std::int32_t> day(std::size_t col) {
    const std::string_view v = value(col);
    std::int32_t out = 0;
    if (v.empty()) return std::nullopt;
    if (sheet_ != nullptr && typed(col)) return sheet_day(col, v);
    if (parse_day(v, dates_, out)) return out;
    fail_day(col, v);
    return std::nullopt;
  }
  std::optional<bool> boolean(std::size_t col) {
    const std::string_view v = value(col);
    bool out = false;
    if (v.empty()) return std::nullopt;
    if (sheet_ != nullptr && typed(col)) return sheet_boolean(col, v);
    if (parse_bool(v, out)) return out;
    fail(col, describe(col, v) + " is not true or false");
    return std::nullopt;
  }
  std::optional<std::uint32_t> count(std::size_t col) {
    const std::string_view v = value(col);
    std::uint32_t out = 0;
    if (v.empty()) return std::nullopt;
    if (parse_count(v, out)) return out;
    fail(col, describe(col, v) + " is not a whole number 0..4294967295");
    return std::nullopt;
  }
  std::optional<period> period_of(std::size_t col, const period_format& format) {
    if (!required(col)) return std::nullopt;
    try {
      return parse_period(value(col), format);
    } catch (const error& e) {
      fail(col, std::string(layout_.columns[col].name) + ": " + e.what());
      return std::nullopt;
    }
  }
  /// An enum parsed by `parse` (which throws parse_error); blank gives `fallback`.
  template <class Enum, class Parse>
  Enum code(std::size_t col, Parse parse, Enum fallback) {
    const std::string_view v = value(col);
    if (v.empty()) return fallback;
    try {
      return parse(v);
    } catch (const error& e) {
      fail(col, std::string(layout_.columns[col].name) + ": " + e.what());
      return fallback;
    }
  }
  /// A share "n/d" or "p%"; blank gives 100%.
  std::optional<share> share_of(std::size_t col);
  /// Text naming a column and its value.
  [[nodiscard]] std::string describe(std::size_t col, std::string_view v) const {
    return std::string(layout_.columns[col].name) + " " + in_quotes(v);
  }

 private:
  // The reports of the getters above, out of line: the getters run for every field of
  // millions of rows, and stay small enough to be inlined into the loaders' loops.
  [[gnu::cold]] void fail_required(std::size_t col);
  [[gnu::cold]] std::optional<double> percent_or_fail(std::size_t col, std::string_view v);
  // The layout column of each header cell into slot_; reports what it cannot map.
  void map_header(std::span<const std::string_view> fields);
  void report_unknown_column(std::string_view name, std::uint32_t column, const column_names& names,
                             std::size_t fields);
  // Reports a row of another width than the header's.
  [[gnu::cold]] void report_width();
  // True when `fields` has the header's columns and only blank fields after them.
  [[nodiscard]] bool only_blanks_after(std::span<const std::string_view> fields) const noexcept;
  [[gnu::cold]] void fail_day(std::size_t col, std::string_view v);
  // Finds the key column (key_) and the columns that take percentages (percent_ok_).
  void mark_columns();
  // The notes columns of the header: kept (note_slots_), or, in a file that keeps no
  // notes, a warning; a repeated one is an issue.
  void map_notes_column(std::string_view name, std::size_t field);
  // The current row's notes into notes_.
  void read_notes();
  void keep_notes_of(std::uint64_t line, const row_note& row);
  // Reads the next CSV record, or sheet row, into fields_.
  record_reader::status read_row();
  // --- sheets (xlsx_import.cpp) ---
  // Rows a sheet is taken to have left, for sizing indexes (see rows_left()).
  static constexpr std::size_t sheet_rows_guess = std::size_t{1} << 20;
  record_reader::status read_sheet_row();
  // True when the cell of column `col` is typed (a number, date or boolean cell), not text.
  [[nodiscard]] bool typed(std::size_t col) const noexcept {
    return types_[slot_[col]] != xlsx::cell_type::text;
  }
  // The ISO text of a date cell's serial (kept in texts_), or none when it is no date.
  std::optional<std::string_view> iso_date(std::string_view serial_text);
  std::optional<double> sheet_number(std::size_t col, std::string_view v);
  std::optional<std::int32_t> sheet_day(std::size_t col, std::string_view v);
  std::optional<bool> sheet_boolean(std::size_t col, std::string_view v);
  std::optional<share> sheet_share(std::size_t col, std::string_view v);

  importer& im_;
  const layout& layout_;
  std::string name_;
  record_reader reader_;
  std::span<const std::string_view> fields_;  // the current row's fields
  // A sheet's rows: the reader, the workbook's date system, and the current row's cells
  // as texts (kept in texts_: a date cell as its ISO date, text in NFC) and types.
  xlsx::sheet_reader* sheet_ = nullptr;
  bool date1904_ = false;
  std::uint64_t sheet_row_ = 0;
  std::vector<std::string_view> cells_;
  std::vector<xlsx::cell_type> types_;
  std::vector<std::string_view> raw_;  // numbers' texts as written, for the typed getters
  text_arena texts_;
  struct shown_date {
    std::uint32_t serial = 0;
    std::string_view iso;  // in texts_; empty: no entry
  };
  std::array<shown_date, 1024> dates_shown_{};  // by serial % 1024 (iso_date)
  std::vector<std::size_t> slot_;               // layout column -> field position, or absent
  std::size_t width_ = 0;                       // fields in the header up to its last named one
  std::size_t first_column_ = 0;                // layout column of the first required column
  char decimal_;
  csv_date_format dates_;
  std::uint64_t percents_ = 0;    // columns of this row read as percentages
  std::uint64_t percent_ok_ = 0;  // columns that may hold one (percent_columns)
  std::size_t key_ = absent;      // the column other files refer to a row by (its code)
  bool ok_ = true;
  bool bad_ = false;
  // The notes columns (files that keep notes only): their names as the header gives them,
  // their field positions, and the notes of the rows read, in line order.
  struct cell_note {
    std::uint64_t line;
    std::size_t column;  // in note_names_
    std::string_view text;
  };
  std::vector<std::string> note_names_;
  std::vector<std::size_t> note_slots_;
  std::vector<cell_note> notes_;
};

/// The issues of one step of an import (a file, or a check after one), in line order.
struct issue_log {
  std::vector<csv_issue> issues;  // at most csv_error::max_kept_issues
  std::uint64_t total = 0;
  std::vector<csv_issue> held;
  bool holding = false;
};

/// Builds the plan from the files, collecting issues.
///
/// Each step of the import reports into its own issue_log (the current one of its thread),
/// and the logs are joined in the layout's order at the end, so that the issues come in
/// the same order however the steps ran. A large members.csv and ratings.csv are read on
/// a second thread while programs .. measurements are read on the first (run()): those
/// steps touch disjoint parts of the plan and of the importer (see run()).
class importer {
 public:
  explicit importer(const csv_dialect& d) : d_(d) {}

  /// Reports an issue into the current step's log.
  void issue(const std::string& file, std::uint64_t line, std::uint32_t column, std::string what);
  /// Reports a warning: valid data that looks like a mistake. Warnings do not fail the
  /// import; they are kept in file and line order apart from the issues.
  void warn(const std::string& file, std::uint64_t line, std::uint32_t column, std::string what);
  /// Imports with `dialect` (validated) from run(source...), handing the warnings to
  /// `warnings`: the one body of import_csv's and import_xlsx's overloads.
  template <class... Source>
  static plan import(const csv_dialect& dialect, std::vector<csv_issue>& warnings,
                     Source&... source) {
    dialect.validate();
    importer im(dialect);
    plan p = im.run(source...);
    warnings = std::move(im.warnings_);
    return p;
  }
  /// Holds the issues reported from now on until release_issues. The bulk files look
  /// codes up and add rows a batch at a time, so that a batch reports a row's own problems
  /// as it reads the row but those found by a lookup or by the plan at the batch's end;
  /// held issues are put back in line order. A batch is at most batch_rows rows read, so
  /// that the held issues stay few. Each batch ends with end_batch(); run() releases
  /// after each file.
  void hold_issues() noexcept;
  /// Keeps the held issues, in line order, and stops holding.
  void release_issues();
  /// The boundary between two batches: keeps the batch's issues and holds the next's.
  void end_batch() {
    release_issues();
    hold_issues();
  }

  /// Reads the files in the layout's order: their texts, or when `paths` is not empty,
  /// the files paths[i] (files[i] gives the name). @throws csv_error listing every issue;
  /// io_error when a file cannot be read.
  plan run(std::vector<csv_source>& files, std::span<const std::filesystem::path> paths = {});
  /// Reads the sheets of a workbook, one per file (xlsx_import.cpp). @throws csv_error
  /// listing every issue, each naming its sheet and cell; corrupt_error when the
  /// workbook is damaged.
  plan run(const xlsx::workbook& book);

  [[nodiscard]] const csv_dialect& dialect() const noexcept { return d_; }
  /// The notes kept from `file` (table::keep_notes), added to the plan at the end (add_notes).
  [[nodiscard]] std::vector<row_note>& kept_notes(const layout& file) noexcept {
    return notes_[file_index(file)];
  }
  /// Adds the notes kept from every file, in the layout's order. A file is read by one
  /// thread: its own list is written by that thread only.
  void add_notes();
  /// True when the files are a workbook's sheets.
  [[nodiscard]] bool sheets() const noexcept { return sheets_; }

  /// Records that the row of `file` on `line`, whose code is `code`, was rejected, for
  /// the rows of other files that refer to it.
  void reject(const layout& file, std::string_view code, std::uint64_t line);
  /// Reports, at column `col` of the current row of `t` (or of `line`, a row read
  /// before), that the `what` of code `code` is not in `file`: "<what> 'X' is not in
  /// <file>", or, when `file` had it on a row it rejected, "<what> 'X' refers to row N of
  /// <file>, which was rejected", once for each file and code: later rows that refer to
  /// it are not reported again (the import fails already). Marks the row bad.
  void report_missing(table& t, std::size_t col, const layout& file, std::string_view what,
                      std::string_view code, std::uint64_t line = 0);

 private:
  // Calls its argument with a table over a file's rows, when the source has the file.
  using table_reader = std::function<void(table&)>;
  // Opens `file` of the source (into `buffer` when it reads a file) for a table_reader.
  using file_opener =
      std::function<void(const layout& file, std::string& buffer, const table_reader&)>;
  // Reads the files in the layout's order from `open`, the members and ratings on a second
  // thread when `threaded`; joins the steps' issue logs (logs[0] holds the names' issues).
  plan run_steps(std::vector<issue_log>& logs, const file_opener& open, bool threaded,
                 std::string& buffer, std::string& second_buffer);

  // --- references, shared by several files (csv_import.cpp) ------------------------------
  std::optional<collective_id> collective(table& t, std::size_t col);
  std::optional<scale_id> scale(table& t, std::size_t col);
  std::optional<program_id> program_ref(table& t, std::size_t col);
  std::optional<task_id> task_ref(table& t, std::size_t col);
  std::optional<target_id> target_ref(table& t, std::size_t col);
  std::optional<rating_level> level(table& t, std::size_t col, scale_id s);
  // The round of the row's scale and period columns, remembering the last one looked up.
  std::optional<round_id> round(table& t, std::size_t scale_col, std::size_t period_col);

  // Reports that row `r` of `file` (read into a pending row: code, parent, line) names a
  // parent that was not added, and rejects the row: its parent's row was rejected
  // (`parent_in_file`), or there is no such row.
  template <class Row>
  void reject_orphan(table& t, const layout& file, std::size_t parent_col, const Row& r,
                     bool parent_in_file) {
    if (parent_in_file) {
      report_missing(t, parent_col, file, "parent", r.parent, r.line);
    } else {
      t.fail_at(r.line, parent_col,
                "parent " + in_quotes(r.parent) + " is not in " + std::string(file.file), r.code);
    }
    reject(file, r.code, r.line);
  }

  // Rows of a file whose entities name a parent in the same file: the order in which to
  // add them, parents first, otherwise keeping the file's order (so that a file written by
  // export_csv gets the same ids back). Rows on a parent cycle are reported and left out.
  // `codes` holds the rows' codes, rows[i].code at row i.
  template <class Row>
  std::vector<std::size_t> parents_first(table& t, const std::vector<Row>& rows,
                                         const code_table& codes, std::size_t parent_col,
                                         std::string_view what) {
    const auto parent_of = [&](std::size_t i) -> std::optional<std::size_t> {
      if (rows[i].parent.empty()) return std::nullopt;
      return codes.find(rows[i].parent);
    };
    std::vector<std::uint8_t> state(rows.size(), 0);  // 0 new, 1 on the path, 2 placed
    std::vector<std::size_t> order;
    order.reserve(rows.size());
    std::vector<std::size_t> path;
    const auto report_cycle = [&](std::size_t on_cycle) {
      const auto from = std::find(path.begin(), path.end(), on_cycle);
      for (auto k = from; k != path.end(); ++k) {
        t.fail_at(rows[*k].line, parent_col,
                  std::string(what) + " " + in_quotes(rows[*k].code) +
                      " is its own ancestor (the parent links form a cycle)",
                  rows[*k].code);
        state[*k] = 3;
      }
      path.erase(from, path.end());
    };
    for (std::size_t start = 0; start < rows.size(); ++start) {
      // Walk up to the first ancestor not yet placed, then place the path top down.
      std::size_t i = start;
      path.clear();
      while (state[i] == 0) {
        state[i] = 1;
        path.push_back(i);
        const auto parent = parent_of(i);
        if (!parent) break;
        i = *parent;
      }
      if (state[i] == 1 && !path.empty() && i != path.back()) {
        // i is on the current path: the links from i on form a cycle.
        report_cycle(i);
      } else if (state[i] == 1 && !path.empty() && i == path.back()) {
        // The last row's parent is on the path: a cycle through it.
        if (const auto parent = parent_of(i); parent && state[*parent] == 1) report_cycle(*parent);
      }
      // Last on the path first (libstdc++ 12's reverse_view does not build with clang 14).
      for (std::size_t j = path.size(); j-- > 0;) {
        const std::size_t k = path[j];
        if (state[k] == 1) {
          state[k] = 2;
          order.push_back(k);
        }
      }
    }
    return order;
  }

  // --- the organisation (csv_import_org.cpp) ---------------------------------------------
  void scales(table& t);
  void collectives(table& t);
  void members(table& t);
  void rounds(table& t);
  void ratings(table& t);

  // --- the work (csv_import_work.cpp) ----------------------------------------------------
  void programs(table& t);
  void assessments(table& t);
  void tasks(table& t);
  void statuses(table& t);
  // Rows of a file read before the file of their owner (milestone_items.csv before
  // targets.csv, a policy's lists before policies.csv) wait here, by the owner's code.
  template <class Row>
  struct pending_rows {
    struct list {
      std::vector<Row> rows;
      std::uint64_t line = 0;  // the first
      bool used = false;
    };
    std::unordered_map<std::string, list> by_owner;
    std::string file;
    void add(std::string_view owner, std::uint64_t line, Row row) {
      list& l = by_owner[std::string(owner)];
      if (l.line == 0) l.line = line;
      l.rows.push_back(std::move(row));
    }
    // The rows of `owner`, now used; empty when there are none.
    std::vector<Row> take(const std::string& owner) {
      const auto it = by_owner.find(owner);
      if (it == by_owner.end()) return {};
      it->second.used = true;
      return std::move(it->second.rows);
    }
  };
  // An issue at the first row of each owner whose rows were not used: "<owner> 'X'
  // <why>", or "refers to row N of <owner_file>, which was rejected".
  template <class Row>
  void report_unused(const pending_rows<Row>& pending, std::string_view owner,
                     const layout& owner_file, std::string_view why) {
    const auto& rejected = rejected_[file_index(owner_file)];
    for (const auto& [code, l] : pending.by_owner) {
      if (l.used) continue;
      const auto it = rejected.find(code);
      issue(pending.file, l.line, 1,
            std::string(owner) + " " + in_quotes(code) +
                (it == rejected.end() ? " " + std::string(why)
                                      : " refers to row " + std::to_string(it->second) + " of " +
                                            std::string(owner_file.file) + ", which was rejected"));
    }
  }
  void items(table& t);
  void phases(table& t);
  void report_unused_items();
  void targets(table& t);
  void measurements(table& t);
  // The checks of a measurement of target `id` that the plan leaves to the import: a
  // percentage for a target of another kind, a day outside the target's period (an issue,
  // or a warning when the dialect allows it), a ratio above 100% (a warning). False when
  // the row is refused (reported).
  bool check_measurement(table& t, target_id id, std::string_view code, std::uint64_t line,
                         std::int32_t day, double ratio, bool percent);
  // What check_measurement needs of each target, by id (filled by measurements()).
  struct target_facts {
    std::int32_t first = 0;  // the first and last days of its period (day numbers)
    std::int32_t last = 0;
    target_kind kind = target_kind::quantity;
  };
  // Figures are reported after their period ends (a year's in January's review), and a
  // target's history may start before it: a year either side of the period is taken as
  // meant (check_measurement).
  static constexpr std::int32_t measurement_slack_days = 366;
  // True when check_measurement has nothing to say of the measurement: nearly every row,
  // told apart inline, before a call.
  [[nodiscard]] bool unremarkable(target_id id, std::int32_t day, double ratio,
                                  bool percent) const noexcept {
    const target_facts& f = target_facts_[id.index()];
    return !percent && !far_outside(f, day) && (f.kind != target_kind::ratio || ratio <= 1);
  }
  // True when `day` is more than measurement_slack_days outside the target's period.
  [[nodiscard]] static bool far_outside(const target_facts& f, std::int32_t day) noexcept {
    return day < f.first - measurement_slack_days || day > f.last + measurement_slack_days;
  }
  std::vector<target_facts> target_facts_;
  void summaries(table& t);
  void policy_statuses(table& t);
  void policy_bands(table& t);
  void rollup_rules(table& t);
  void rollup_overrides(table& t);
  void alignments(table& t);
  void labels(table& t);
  void report_unused_policy_rows();
  void policies(table& t);

  // Rows rejected in each file (by position in all_files), by code: their lines. A file's
  // map is written by its loader and read by the later files of the same thread, or
  // after the join (see run()).
  std::array<std::unordered_map<std::string, std::uint64_t>, all_files.size()> rejected_;
  // Codes of rejected rows that each file (by position) has reported a reference to.
  std::array<std::unordered_set<std::string>, all_files.size()> reported_missing_;
  // Missing codes each file may still suggest a near code for: a search reads every code
  // of the file referred to, so a file of many bad rows searches a few times only.
  std::array<std::size_t, all_files.size()> suggestions_left_ = [] {
    std::array<std::size_t, all_files.size()> a{};
    a.fill(20);
    return a;
  }();
  // The codes of the entities added from `file` so far.
  [[nodiscard]] std::vector<std::string_view> codes_in(const layout& file) const;

  std::array<std::vector<row_note>, all_files.size()> notes_;
  // Warnings, from the files read on the first thread only (measurements), in order.
  std::vector<csv_issue> warnings_;
  const csv_dialect& d_;
  bool sheets_ = false;  // the issues name a workbook's sheets and cells
  plan p_;
  std::optional<round_id> last_round_;
  std::string last_round_scale_;
  std::string last_round_period_;
  // A row of milestone_items.csv: an item and its weight, if given.
  struct checklist_row {
    std::string item;
    std::optional<double> weight;
  };
  pending_rows<checklist_row> items_;
  // A row of target_phases.csv: a sub-period and its planned value, if given.
  struct phase_row {
    period sub_period;
    std::optional<double> planned;
  };
  pending_rows<phase_row> phases_;
  pending_rows<rating_summary_spec> summaries_;
  pending_rows<status_definition> statuses_;
  pending_rows<status_band> bands_;
  pending_rows<rollup_rule> rollup_rules_;
  pending_rows<rollup_override> rollup_overrides_;
  // Numeric codes of the collectives and targets added, for the bulk files' lookups.
  number_index<collective_id> collective_numbers_;
  number_index<target_id> target_numbers_;
};

}  // namespace goaltrack::detail::csv
