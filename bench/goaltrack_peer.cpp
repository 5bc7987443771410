/// @file
/// goaltrack_peer: goaltrack's entry in the peer benchmark kit (/work/shared/peers).
///
///     goaltrack_peer DATADIR OUTDIR [ASOF=2021-09-30]
///
/// Reads the kit's units.csv, members.csv, targets.csv and measurements.csv from DATADIR,
/// builds a goaltrack::plan through the public API only, evaluates it as of ASOF with
/// goaltrack::evaluate and writes the kit's four canonical result files into OUTDIR,
/// byte for byte as the kit's reference implementations do (the kit's README.md has
/// the job (a)-(d) and the output contract). The kit maps onto goaltrack as follows:
///
/// | kit                                   | goaltrack                                       |
/// |---------------------------------------|-------------------------------------------------|
/// | unit (unit_id, parent_id, kind, name) | collective: code = unit_id text, kind = kind    |
/// | member (member_id, unit_id, rating)   | member of its cell, rated in a round of 2021 on |
/// |                                       | rating_scale::vietnamese_default()              |
/// | target (baseline, target, start, end) | quantity target increase_to (decrease_to when   |
/// |                                       | target < baseline) from the baseline            |
/// | measurement (target_id, date, value)  | measurement (day number, value)                 |
/// | (a) cells, (b) roll-up                | a rating summary: level "good" or above,        |
/// |                                       | counted kind "cell", criterion member_share 100%|
/// | (c) targets                           | evaluation actuals, progress, statuses          |
/// | (d) targets per subtree               | collective_result::subtree_targets              |
///
/// Prints `TIMING impl=goaltrack load=S compute=S write=S` as the kit asks (load = parse
/// and build the plan, compute = evaluate() only), then
/// `PHASES parse=S build=S evaluate=S write=S` with the load split in two; the split per
/// input file goes to stderr.
///
/// Memory: each file is mapped whole, read in batches of a million rows, and the pages
/// already read are given back to the kernel after each batch, so the process holds the
/// plan plus about one batch of text rather than the plan plus the whole file.
///
/// Bad input (a malformed row, an unknown or repeated id, a target the library rejects)
/// prints a message naming the file and line to stderr and exits with status 2.

#include <fcntl.h>
#include <malloc.h>
#include <sys/mman.h>
#include <sys/stat.h>
#include <unistd.h>

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <chrono>
#include <cmath>
#include <cstdint>
#include <cstdio>
#include <cstring>
#include <deque>
#include <filesystem>
#include <limits>
#include <numeric>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "goaltrack/goaltrack.hpp"
#include "kit_csv.hpp"

namespace {

namespace gt = goaltrack;
namespace fs = std::filesystem;
using kit::csv_reader;
using kit::input_error;
using kit::mapped_file;
using kit::parse_day;
using kit::parse_integer;
using kit::parse_number;

/// Rows parsed before they are handed to the plan in one call: bounds the memory held by
/// parsed columns that the plan has not taken yet.
constexpr std::size_t batch_rows = 1'000'000;

/// Seconds since the last lap (or construction).
class stopwatch {
 public:
  double lap() {
    const auto now = std::chrono::steady_clock::now();
    const std::chrono::duration<double> elapsed = now - last_;
    last_ = now;
    return elapsed.count();
  }

 private:
  std::chrono::steady_clock::time_point last_ = std::chrono::steady_clock::now();
};

/// Where the time went, in seconds.
struct phase_times {
  double parse = 0;     ///< mapping and parsing the CSV files
  double build = 0;     ///< handing the parsed columns to the plan (add_* and rate)
  double evaluate = 0;  ///< goaltrack::evaluate
  double write = 0;     ///< sorting by id and writing the result files
};

// --- the plan and the kit's ids ------------------------------------------------------

/// The kit's integer ids to row numbers: ids[i] -> i. A direct table when the ids are
/// dense enough (the kit's are 1..N), else a hash map, so that sparse ids cannot blow up
/// memory. Built once from the complete column of ids, as the kit's reference does.
class id_index {
 public:
  /// Indexes `ids`. @return the position of the first id seen before, if any.
  std::optional<std::size_t> assign(std::span<const std::int64_t> ids) {
    direct_.clear();
    hashed_.clear();
    const auto [low, high] = std::minmax_element(ids.begin(), ids.end());
    const bool dense =
        ids.empty() || (*low >= 0 && static_cast<std::uint64_t>(*high) <=
                                         8 * static_cast<std::uint64_t>(ids.size()) + 1024);
    if (dense) {
      direct_.assign(ids.empty() ? 0 : static_cast<std::size_t>(*high) + 1, absent);
    } else {
      hashed_.reserve(ids.size());
    }
    for (std::size_t i = 0; i < ids.size(); ++i) {
      const auto row = static_cast<std::uint32_t>(i);
      if (dense) {
        std::uint32_t& slot = direct_[static_cast<std::size_t>(ids[i])];
        if (slot != absent) return i;
        slot = row;
      } else if (!hashed_.emplace(ids[i], row).second) {
        return i;
      }
    }
    return std::nullopt;
  }

  /// The row of `id`, if indexed.
  [[nodiscard]] std::optional<std::uint32_t> find(std::int64_t id) const {
    if (hashed_.empty()) {
      if (id < 0 || static_cast<std::uint64_t>(id) >= direct_.size()) return std::nullopt;
      const std::uint32_t row = direct_[static_cast<std::size_t>(id)];
      if (row == absent) return std::nullopt;
      return row;
    }
    const auto it = hashed_.find(id);
    if (it == hashed_.end()) return std::nullopt;
    return it->second;
  }

 private:
  static constexpr std::uint32_t absent = std::numeric_limits<std::uint32_t>::max();
  std::vector<std::uint32_t> direct_;
  std::unordered_map<std::int64_t, std::uint32_t> hashed_;
};

/// The plan built from the kit's files, and the kit's ids of its entities (to find them
/// while loading, and to write results in the kit's id order).
struct kit_plan {
  gt::plan plan;
  gt::round_id round;
  std::vector<std::int64_t> unit_ids;    ///< kit unit_id of every collective, by collective id
  std::vector<std::int64_t> target_ids;  ///< kit target_id of every target, by target id
  id_index collective_of;                ///< kit unit_id -> collective id (rows of unit_ids)
  id_index target_of;                    ///< kit target_id -> target id (rows of target_ids)

  /// The collective of a kit unit_id field. @throws input_error naming the line.
  gt::collective_id collective(const csv_reader& csv, std::string_view field) const {
    if (auto c = collective_of.find(csv.integer(field, "unit_id"))) return gt::collective_id(*c);
    csv.fail("unit_id " + std::string(field) + " is not in units.csv");
  }
  /// The target of a kit target_id field. @throws input_error naming the line.
  gt::target_id target(const csv_reader& csv, std::string_view field) const {
    if (auto t = target_of.find(csv.integer(field, "target_id"))) return gt::target_id(*t);
    csv.fail("target_id " + std::string(field) + " is not in targets.csv");
  }
};

/// units.csv: all rows in one batch, since a parent may come after its children.
class unit_batch {
 public:
  explicit unit_batch(kit_plan& kit) : kit_(kit) {}

  void read_row(csv_reader& csv) {
    gt::collective_spec s;
    s.code = csv.field();
    const std::int64_t id = csv.integer(s.code, "unit_id");
    s.parent_code = csv.field();
    if (!s.parent_code.empty()) csv.integer(s.parent_code, "parent_id");
    s.kind = csv.text(unescaped_);
    s.name = csv.text(unescaped_);
    csv.end_row();
    specs_.push_back(s);
    ids_.push_back(id);
  }

  void add_to_plan(std::span<const std::size_t> lines, const std::string& file) {
    // Name the line of a repeated id or an unknown parent; the library would name the unit.
    const auto fail = [&](std::size_t row, const std::string& what) {
      throw input_error(file + ":" + std::to_string(lines[row]) + ": " + what);
    };
    id_index rows;
    if (auto again = rows.assign(ids_))
      fail(*again, "unit_id " + std::to_string(ids_[*again]) + " appears twice");
    for (std::size_t i = 0; i < specs_.size(); ++i) {
      const std::string_view parent = specs_[i].parent_code;
      if (!parent.empty() && !rows.find(*parse_integer(parent))) {
        fail(i, "parent_id " + std::string(parent) + " is not in units.csv");
      }
    }
    // The plan numbers collectives parents first.
    const std::vector<gt::collective_id> ids = kit_.plan.org().add_collectives(specs_);
    kit_.unit_ids.resize(ids.size());
    for (std::size_t i = 0; i < ids.size(); ++i) kit_.unit_ids[ids[i].index()] = ids_[i];
    kit_.collective_of.assign(kit_.unit_ids);
  }

  void clear() {
    specs_.clear();
    ids_.clear();
    unescaped_.clear();
  }

 private:
  kit_plan& kit_;
  std::vector<gt::collective_spec> specs_;
  std::vector<std::int64_t> ids_;
  std::deque<std::string> unescaped_;
};

/// members.csv: members of cells and their ratings.
class member_batch {
 public:
  explicit member_batch(kit_plan& kit)
      : kit_(kit), scale_(kit.plan.get(kit.plan.get(kit.round).scale())) {
    if (auto cell = kit.plan.org().find_kind("cell")) cell_kind_ = *cell;
  }

  void read_row(csv_reader& csv) {
    gt::member_spec s;
    s.code = csv.field();
    if (s.code.empty()) csv.fail("member_id is empty");
    const std::string_view unit = csv.field();
    s.collective = kit_.collective(csv, unit);
    // The kit attaches members to cells only; its roll-up counts members of cells only.
    if (kit_.plan.org().kind_indices()[s.collective.index()] != cell_kind_) {
      csv.fail("member " + std::string(s.code) + " belongs to unit_id " + std::string(unit) +
               " of kind '" + std::string(kit_.plan.org().kind(s.collective)) + "', not to a cell");
    }
    levels_.push_back(level(csv, csv.field()));
    csv.end_row();
    specs_.push_back(s);
  }

  /// A members.csv row takes at least 20 bytes ("m1234567,1234567,good" is 21 and more).
  void reserve_for(std::size_t file_bytes) { kit_.plan.org().reserve_members(file_bytes / 20); }

  void add_to_plan(std::span<const std::size_t>, const std::string&) {
    const gt::member_id first = kit_.plan.org().add_members(specs_);
    members_.resize(specs_.size());
    for (std::size_t i = 0; i < members_.size(); ++i) {
      members_[i] = gt::member_id(first.value() + static_cast<gt::member_id::value_type>(i));
    }
    kit_.plan.rate(kit_.round, members_, levels_);
  }

  void clear() {
    specs_.clear();
    levels_.clear();
  }

 private:
  // The scale's level with this code. A linear search: the scale has four levels, and
  // rating_scale::find would also compare both labels of each.
  gt::rating_level level(const csv_reader& csv, std::string_view code) const {
    const auto levels = scale_.levels();
    for (std::size_t i = 0; i < levels.size(); ++i) {
      if (levels[i].code == code) return gt::rating_level(static_cast<std::uint8_t>(i));
    }
    csv.fail("rating '" + std::string(code) + "' is not a level of scale '" + scale_.code() + "'");
  }

  kit_plan& kit_;
  const gt::rating_scale& scale_;
  std::uint16_t cell_kind_ = std::numeric_limits<std::uint16_t>::max();
  std::vector<gt::member_spec> specs_;
  std::vector<gt::rating_level> levels_;
  std::vector<gt::member_id> members_;
};

/// targets.csv: quantity targets from a baseline to a target value over [start, end].
class target_batch {
 public:
  explicit target_batch(kit_plan& kit) : kit_(kit) {}

  void read_row(csv_reader& csv) {
    const std::string_view code = csv.field();
    const std::int64_t id = csv.integer(code, "target_id");
    rows_.push_back({code, id, kit_.collective(csv, csv.field()), csv.number("baseline"),
                     csv.number("target"), csv.day("start"), csv.day("end")});
    csv.end_row();
  }

  void add_to_plan(std::span<const std::size_t> lines, const std::string& file) {
    // In chunks of plan::add_targets: one check and index pass per chunk (all 1M at once
    // would hold them twice).
    constexpr std::size_t chunk = 4096;
    for (std::size_t base = 0; base < rows_.size(); base += chunk) {
      const std::size_t n = std::min(chunk, rows_.size() - base);
      const auto at_line = [&](std::size_t k, const gt::error& e) {
        return input_error(file + ":" + std::to_string(lines[base + k]) + ": " + e.what());
      };
      targets_.resize(n);
      for (std::size_t k = 0; k < n; ++k) {
        try {
          set_target(targets_[k], rows_[base + k]);
        } catch (const gt::error& e) {
          throw at_line(k, e);
        }
      }
      try {
        kit_.plan.add_targets(targets_);
      } catch (const gt::error&) {
        // Nothing of the chunk was added: add it one by one to find the line at fault.
        for (std::size_t k = 0; k < n; ++k) {
          try {
            kit_.plan.add_target(targets_[k]);
          } catch (const gt::error& e) {
            throw at_line(k, e);
          }
        }
        throw;
      }
      for (std::size_t k = 0; k < n; ++k) kit_.target_ids.push_back(rows_[base + k].id);
    }
  }

  void clear() { rows_.clear(); }

 private:
  struct row {
    std::string_view code;
    std::int64_t id;
    gt::collective_id owner;
    double baseline;
    double goal;
    std::int32_t start;
    std::int32_t end;
  };
  // `t` made the target of row r.
  static void set_target(gt::target& t, const row& r) {
    const gt::period span =
        gt::period::between(gt::from_day_number(r.start), gt::from_day_number(r.end));
    t = gt::target::quantity(std::string(r.code), "", r.owner, span);
    if (r.goal < r.baseline) {
      t.decrease_to(r.goal);
    } else {
      t.increase_to(r.goal);
    }
    t.from(r.baseline);
  }

  kit_plan& kit_;
  std::vector<row> rows_;
  std::vector<gt::target> targets_;
};

/// measurements.csv: dated values of targets, handed over as columns.
class measurement_batch {
 public:
  explicit measurement_batch(kit_plan& kit) : kit_(kit) {}

  void read_row(csv_reader& csv) {
    targets_.push_back(kit_.target(csv, csv.field()));
    days_.push_back(csv.day("date"));
    values_.push_back(csv.number("value"));
    csv.end_row();
  }

  /// A measurements.csv row takes at least 24 bytes ("1234567,2021-03-31,12.5").
  void reserve_for(std::size_t file_bytes) { kit_.plan.reserve_measurements(file_bytes / 24); }

  void add_to_plan(std::span<const std::size_t>, const std::string&) {
    kit_.plan.add_measurements(targets_, days_, values_);
  }

  void clear() {
    targets_.clear();
    days_.clear();
    values_.clear();
  }

 private:
  kit_plan& kit_;
  std::vector<gt::target_id> targets_;
  std::vector<std::int32_t> days_;
  std::vector<double> values_;
};

/// Reads DIR/name row by row into `batch`, handing every `rows_per_batch` rows (and the
/// rest at the end) to the plan. Time goes to times.parse and times.build, and the file's
/// own split to stderr. A library error while adding a batch is reported with the
/// batch's lines, unless the batch names the line itself.
template <class Batch>
void load_file(const fs::path& dir, const std::string& name, std::string_view header,
               std::size_t rows_per_batch, Batch batch, phase_times& times) {
  phase_times mine;
  stopwatch clock;
  {
    mapped_file file(dir / name, name);
    // Room for the whole file's rows at once, as a loader that knows its input's size
    // would: the columns and the code index are then never regrown and copied.
    if constexpr (requires { batch.reserve_for(std::size_t{}); })
      batch.reserve_for(file.text().size());
    csv_reader csv(file, header);
    std::vector<std::size_t> lines;
    const auto add = [&] {
      mine.parse += clock.lap();
      try {
        batch.add_to_plan(lines, name);
      } catch (const gt::error& e) {
        throw input_error(name + ", lines " + std::to_string(lines.front()) + "-" +
                          std::to_string(lines.back()) + ": " + e.what());
      }
      batch.clear();  // the batch held views of the text read so far; drop them, then the text
      lines.clear();
      mine.build += clock.lap();
      file.release_before(csv.position());
    };
    while (csv.next_row()) {
      lines.push_back(csv.line());
      batch.read_row(csv);
      if (lines.size() == rows_per_batch) add();
    }
    if (!lines.empty()) add();
  }
  mine.parse += clock.lap();  // the rest of the file, and unmapping it
  std::fprintf(stderr, "%-16s parse=%.3f build=%.3f\n", name.c_str(), mine.parse, mine.build);
  times.parse += mine.parse;
  times.build += mine.build;
}

/// Builds the plan from the kit's four files in DIR.
kit_plan load(const fs::path& dir, gt::date as_of, phase_times& times) {
  kit_plan kit;
  const gt::scale_id scale = kit.plan.add_scale(gt::rating_scale::vietnamese_default());
  // The kit's ratings are known on the as-of day: decide the round then, or evaluate()
  // would ignore it (a round is decided by default on its period's last day).
  kit.round = kit.plan.add_round(scale, gt::period::year(2021), as_of);
  constexpr std::size_t all_rows = std::numeric_limits<std::size_t>::max();
  load_file(dir, "units.csv", "unit_id,parent_id,kind,name", all_rows, unit_batch(kit), times);
  load_file(dir, "members.csv", "member_id,unit_id,rating", batch_rows, member_batch(kit), times);
  load_file(dir, "targets.csv", "target_id,unit_id,baseline,target,start,end", batch_rows,
            target_batch(kit), times);
  {
    stopwatch clock;
    // The plan has refused a repeated code already; this catches "7" and "07".
    if (auto again = kit.target_of.assign(kit.target_ids)) {
      throw input_error("targets.csv: target_id " + std::to_string(kit.target_ids[*again]) +
                        " appears twice");
    }
    times.parse += clock.lap();
  }
  load_file(dir, "measurements.csv", "target_id,date,value", batch_rows, measurement_batch(kit),
            times);
  return kit;
}

// --- evaluation ----------------------------------------------------------------------

/// The kit's job (a)-(d) as one goaltrack evaluation: the kit's margins, no not_started
/// or missed statuses (the kit has neither), and one rating summary for (a) and (b).
gt::evaluation evaluate_kit(const kit_plan& kit, gt::date as_of) {
  gt::evaluation_policy policy;
  policy.on_track_margin = 0.1;
  policy.at_risk_margin = 0.25;
  policy.not_started_before_start = false;
  policy.missed_after_end = false;
  const gt::rating_scale& scale = kit.plan.get(kit.plan.get(kit.round).scale());
  policy.rating_summaries.push_back({kit.round, scale.level("good"), "cell",
                                     gt::collective_criterion::member_share,
                                     gt::share::percent(100)});
  return gt::evaluate(kit.plan, as_of, policy);
}

// --- writing results -----------------------------------------------------------------

/// Writes one canonical result file (the kit's canon.py): '\n' line ends, integers
/// plain, floats as "%.6f" (std::to_chars with a precision is printf's correctly rounded
/// conversion) with "-0.000000" written "0.000000", NaN (a missing value) as nothing.
class csv_writer {
 public:
  csv_writer(const fs::path& dir, std::string name) : name_(std::move(name)) {
    file_ = std::fopen((dir / name_).c_str(), "wb");
    if (file_ == nullptr) {
      throw input_error(name_ + ": cannot write into " + dir.string() + ": " +
                        std::strerror(errno));
    }
    buffer_.reserve(flush_at + 512);
  }
  ~csv_writer() {
    if (file_ != nullptr) std::fclose(file_);
  }
  csv_writer(const csv_writer&) = delete;
  csv_writer& operator=(const csv_writer&) = delete;

  csv_writer& text(std::string_view s) {
    buffer_ += s;
    return *this;
  }
  template <class Integer>
  csv_writer& integer(Integer v) {
    std::array<char, 24> digits{};
    const auto [end, ec] = std::to_chars(digits.data(), digits.data() + digits.size(), v);
    buffer_.append(digits.data(), end);
    return *this;
  }
  csv_writer& number(double v) {
    if (std::isnan(v)) return *this;
    std::array<char, 400> digits{};  // room for the 309 integer digits of DBL_MAX
    const auto [end, ec] =
        std::to_chars(digits.data(), digits.data() + digits.size(), v, std::chars_format::fixed, 6);
    const std::string_view s(digits.data(), static_cast<std::size_t>(end - digits.data()));
    buffer_ += s == "-0.000000" ? "0.000000" : s;
    return *this;
  }
  csv_writer& comma() {
    buffer_ += ',';
    return *this;
  }
  void end_row() {
    buffer_ += '\n';
    if (buffer_.size() >= flush_at) flush();
  }
  /// Writes what is buffered and closes the file. @throws input_error on a write error.
  void close() {
    flush();
    const int closed = std::fclose(file_);
    file_ = nullptr;
    if (closed != 0) fail();
  }

 private:
  static constexpr std::size_t flush_at = 1 << 20;
  void flush() {
    if (std::fwrite(buffer_.data(), 1, buffer_.size(), file_) != buffer_.size()) fail();
    buffer_.clear();
  }
  [[noreturn]] void fail() const {
    throw input_error(name_ + ": write error: " + std::strerror(errno));
  }
  std::string name_;
  std::FILE* file_ = nullptr;
  std::string buffer_;
};

/// Row numbers 0..ids.size()-1 in the order of their ids.
std::vector<std::uint32_t> by_id(std::span<const std::int64_t> ids) {
  std::vector<std::uint32_t> order(ids.size());
  std::iota(order.begin(), order.end(), 0U);
  std::sort(order.begin(), order.end(),
            [&](std::uint32_t a, std::uint32_t b) { return ids[a] < ids[b]; });
  return order;
}

/// Writes cells.csv, rollup.csv, targets.csv and unit_targets.csv into `out`.
void write_results(const kit_plan& kit, const gt::evaluation& ev, const fs::path& out) {
  std::error_code ec;
  fs::create_directories(out, ec);
  if (ec) throw input_error("cannot create " + out.string() + ": " + ec.message());

  const gt::organization& org = kit.plan.org();
  const gt::rating_tally& cells = ev.rating_summaries().front();
  const auto kinds = org.kind_indices();
  const auto cell_kind = org.find_kind("cell");
  const auto is_cell = [&](std::size_t c) { return cell_kind && kinds[c] == *cell_kind; };
  const std::vector<std::uint32_t> units = by_id(kit.unit_ids);

  {  // (a) every cell: its members, those rated good or above, and whether all are
    csv_writer w(out, "cells.csv");
    w.text("unit_id,members,good,all_good").end_row();
    for (const std::uint32_t c : units) {
      if (!is_cell(c)) continue;
      w.integer(kit.unit_ids[c]).comma().integer(cells.members[c]).comma();
      w.integer(cells.members_ok[c]).comma().integer(cells.qualifies[c]).end_row();
    }
    w.close();
  }
  {  // (b) every other unit: all-good cells / cells below it, and their members
    csv_writer w(out, "rollup.csv");
    w.text("unit_id,kind,cells_ok,cells_total,members,good").end_row();
    for (const std::uint32_t c : units) {
      if (is_cell(c)) continue;
      w.integer(kit.unit_ids[c]).comma().text(org.kind_names()[kinds[c]]).comma();
      w.integer(cells.below_ok[c]).comma().integer(cells.below_counted[c]).comma();
      w.integer(cells.subtree_members[c]).comma().integer(cells.subtree_members_ok[c]).end_row();
    }
    w.close();
  }
  {  // (c) every target
    csv_writer w(out, "targets.csv");
    w.text("target_id,actual,progress,status").end_row();
    for (const std::uint32_t t : by_id(kit.target_ids)) {
      w.integer(kit.target_ids[t]).comma().number(ev.actuals()[t]).comma();
      w.number(ev.progress()[t]).comma().text(gt::to_string(ev.statuses()[t])).end_row();
    }
    w.close();
  }
  {  // (d) every unit: the targets of its subtree
    static constexpr std::array kit_statuses{
        gt::target_status::achieved, gt::target_status::on_track, gt::target_status::at_risk,
        gt::target_status::off_track, gt::target_status::no_data};
    csv_writer w(out, "unit_targets.csv");
    w.text("unit_id,n_targets,mean_progress,achieved,on_track,at_risk,off_track,no_data").end_row();
    for (const std::uint32_t c : units) {
      const gt::target_rollup& targets = ev.collectives()[c].subtree_targets;
      w.integer(kit.unit_ids[c]).comma().integer(targets.statuses.total()).comma();
      w.number(targets.mean_progress().value_or(std::numeric_limits<double>::quiet_NaN()));
      for (const gt::target_status s : kit_statuses) w.comma().integer(targets.statuses[s]);
      w.end_row();
    }
    w.close();
  }
}

}  // namespace

int main(int argc, char** argv) {
  if (argc < 3 || argc > 4) {
    std::fprintf(stderr, "usage: goaltrack_peer DATADIR OUTDIR [ASOF=2021-09-30]\n");
    return 2;
  }
  // A loader that builds one large plan keeps the memory it frees for its next columns
  // instead of handing it back to the kernel and faulting it in again (5-8 us a page on
  // these virtual machines): glibc's thresholds for mmap and trimming raised to 1 GiB.
  mallopt(M_MMAP_THRESHOLD, 1 << 30);
  mallopt(M_TRIM_THRESHOLD, 1 << 30);
  try {
    const gt::date as_of = [&] {
      try {
        return gt::parse_date(argc > 3 ? argv[3] : "2021-09-30");
      } catch (const gt::parse_error& e) {
        throw input_error(std::string("ASOF: ") + e.what());
      }
    }();
    phase_times times;
    const kit_plan kit = load(argv[1], as_of, times);
    stopwatch clock;
    const gt::evaluation ev = evaluate_kit(kit, as_of);
    times.evaluate = clock.lap();
    write_results(kit, ev, argv[2]);
    times.write = clock.lap();
    std::printf("TIMING impl=goaltrack load=%.3f compute=%.3f write=%.3f\n",
                times.parse + times.build, times.evaluate, times.write);
    std::printf("PHASES parse=%.3f build=%.3f evaluate=%.3f write=%.3f\n", times.parse, times.build,
                times.evaluate, times.write);
    std::fprintf(stderr, "rows: units=%zu members=%zu targets=%zu measurements=%zu\n",
                 kit.plan.org().collective_count(), kit.plan.org().member_count(),
                 kit.plan.target_count(), kit.plan.measurements().size());
    return 0;
  } catch (const input_error& e) {
    std::fprintf(stderr, "goaltrack_peer: %s\n", e.what());
    return 2;
  } catch (const gt::error& e) {  // not expected: load() names the file of every error
    std::fprintf(stderr, "goaltrack_peer: %s\n", e.what());
    return 2;
  } catch (const std::exception& e) {
    std::fprintf(stderr, "goaltrack_peer: internal error: %s\n", e.what());
    return 1;
  }
}
