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
/// Both cores: a reader thread parses the files while the main thread adds the batches
/// already parsed to the plan (batch_pipeline.hpp), in file order, so the plan and any
/// error are those of a sequential load.
///
/// Prints `TIMING impl=goaltrack load=S compute=S write=S` as the kit asks (load = parse
/// and build the plan, wall time; compute = evaluate() only), then
/// `PHASES parse=S build=S evaluate=S write=S` with the busy time of each thread during
/// the load; the split per input file goes to stderr.
///
/// Memory: each file is mapped whole, read in batches of batch_rows rows, and the pages
/// already added are given back to the kernel after each batch, so the process holds the
/// plan plus a few batches of text rather than the plan plus the whole file.
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
#include <cstdlib>
#include <cstring>
#include <deque>
#include <filesystem>
#include <limits>
#include <memory>
#include <numeric>
#include <optional>
#include <span>
#include <stdexcept>
#include <string>
#include <string_view>
#include <unordered_map>
#include <utility>
#include <vector>

#include "batch_pipeline.hpp"
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

/// Rows parsed before they are handed to the plan in one call. At most three batches are
/// held at once (one being read, one queued, one being added), so this bounds the memory
/// of parsed columns that the plan has not taken yet; the plan's calls cost the same per
/// row from a few thousand rows on.
constexpr std::size_t batch_rows = 1 << 18;

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
  double load = 0;      ///< from the first file opened to the last row in the plan
  double parse = 0;     ///< mapping and parsing the CSV files (reader thread, busy time)
  double build = 0;     ///< handing the parsed columns to the plan (add_* and rate, busy)
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
class unit_reader {
 public:
  struct rows {
    std::vector<gt::collective_spec> specs;
    std::vector<std::int64_t> ids;
    std::deque<std::string> unescaped;  // specs view its strings; a deque never moves them

    void add_to_plan(kit_plan& kit, std::span<const std::size_t> lines,
                     const std::string& file) const {
      // Name the line of a repeated id or an unknown parent; the library would name the unit.
      const auto fail = [&](std::size_t row, const std::string& what) {
        throw input_error(file + ":" + std::to_string(lines[row]) + ": " + what);
      };
      id_index row_of;
      if (auto again = row_of.assign(ids))
        fail(*again, "unit_id " + std::to_string(ids[*again]) + " appears twice");
      for (std::size_t i = 0; i < specs.size(); ++i) {
        const std::string_view parent = specs[i].parent_code;
        if (!parent.empty() && !row_of.find(*parse_integer(parent))) {
          fail(i, "parent_id " + std::string(parent) + " is not in units.csv");
        }
      }
      // The plan numbers collectives parents first.
      const std::vector<gt::collective_id> added = kit.plan.org().add_collectives(specs);
      kit.unit_ids.resize(added.size());
      for (std::size_t i = 0; i < added.size(); ++i) kit.unit_ids[added[i].index()] = ids[i];
      kit.collective_of.assign(kit.unit_ids);
    }
  };

  void read_row(csv_reader& csv) {
    gt::collective_spec s;
    s.code = csv.field();
    const std::int64_t id = csv.integer(s.code, "unit_id");
    s.parent_code = csv.field();
    if (!s.parent_code.empty()) csv.integer(s.parent_code, "parent_id");
    s.kind = csv.text(rows_.unescaped);
    s.name = csv.text(rows_.unescaped);
    csv.end_row();
    rows_.specs.push_back(s);
    rows_.ids.push_back(id);
  }
  rows take() { return std::exchange(rows_, {}); }

 private:
  rows rows_;
};

/// members.csv: members of cells and their ratings. Made once the units are in the plan.
class member_reader {
 public:
  struct rows {
    std::vector<gt::member_spec> specs;
    std::vector<gt::rating_level> levels;

    void add_to_plan(kit_plan& kit, std::span<const std::size_t>, const std::string&) const {
      const gt::member_id first = kit.plan.org().add_members(specs);
      std::vector<gt::member_id> members(specs.size());
      for (std::size_t i = 0; i < members.size(); ++i) {
        members[i] = gt::member_id(first.value() + static_cast<gt::member_id::value_type>(i));
      }
      kit.plan.rate(kit.round, members, levels);
    }
  };

  // Copies what rows are checked against, so that reading never touches the plan that the
  // other thread is adding to.
  explicit member_reader(const kit_plan& kit)
      : kit_(kit),
        kinds_(kit.plan.org().kind_indices().begin(), kit.plan.org().kind_indices().end()),
        kind_names_(kit.plan.org().kind_names().begin(), kit.plan.org().kind_names().end()) {
    const gt::rating_scale& scale = kit.plan.get(kit.plan.get(kit.round).scale());
    scale_ = scale.code();
    for (const auto& level : scale.levels()) level_codes_.push_back(level.code);
    if (auto cell = kit.plan.org().find_kind("cell")) cell_kind_ = *cell;
  }

  void read_row(csv_reader& csv) {
    gt::member_spec s;
    s.code = csv.field();
    if (s.code.empty()) csv.fail("member_id is empty");
    const std::string_view unit = csv.field();
    s.collective = kit_.collective(csv, unit);
    // The kit attaches members to cells only; its roll-up counts members of cells only.
    const std::uint16_t kind = kinds_[s.collective.index()];
    if (kind != cell_kind_) {
      csv.fail("member " + std::string(s.code) + " belongs to unit_id " + std::string(unit) +
               " of kind '" + kind_names_[kind] + "', not to a cell");
    }
    rows_.levels.push_back(level(csv, csv.field()));
    csv.end_row();
    rows_.specs.push_back(s);
  }
  rows take() { return std::exchange(rows_, {}); }

  /// A members.csv row takes at least 20 bytes ("m1234567,1234567,good" is 21 and more).
  static void reserve_for(kit_plan& kit, std::size_t file_bytes) {
    kit.plan.org().reserve_members(file_bytes / 20);
  }

 private:
  // The scale's level with this code. A linear search: the scale has four levels, and
  // rating_scale::find would also compare both labels of each.
  gt::rating_level level(const csv_reader& csv, std::string_view code) const {
    for (std::size_t i = 0; i < level_codes_.size(); ++i) {
      if (level_codes_[i] == code) return gt::rating_level(static_cast<std::uint8_t>(i));
    }
    csv.fail("rating '" + std::string(code) + "' is not a level of scale '" + scale_ + "'");
  }

  const kit_plan& kit_;
  std::vector<std::uint16_t> kinds_;  // kind index of every collective
  std::vector<std::string> kind_names_;
  std::string scale_;
  std::vector<std::string> level_codes_;
  std::uint16_t cell_kind_ = std::numeric_limits<std::uint16_t>::max();
  rows rows_;
};

/// targets.csv: quantity targets from a baseline to a target value over [start, end].
/// The reader keeps the kit's target ids (kit.target_ids): the plan numbers the targets in
/// the order they are added, which is the file's.
class target_reader {
 public:
  struct row {
    std::string_view code;
    gt::collective_id owner;
    double baseline;
    double goal;
    std::int32_t start;
    std::int32_t end;
  };
  struct rows {
    std::vector<row> targets;

    void add_to_plan(kit_plan& kit, std::span<const std::size_t> lines,
                     const std::string& file) const {
      // In chunks of plan::add_targets: one check and index pass per chunk (all at once
      // would hold them twice).
      constexpr std::size_t chunk = 4096;
      std::vector<gt::target> made;
      for (std::size_t base = 0; base < targets.size(); base += chunk) {
        const std::size_t n = std::min(chunk, targets.size() - base);
        const auto at_line = [&](std::size_t k, const gt::error& e) {
          return input_error(file + ":" + std::to_string(lines[base + k]) + ": " + e.what());
        };
        made.resize(n);
        for (std::size_t k = 0; k < n; ++k) {
          try {
            set_target(made[k], targets[base + k]);
          } catch (const gt::error& e) {
            throw at_line(k, e);
          }
        }
        try {
          kit.plan.add_targets(made);
        } catch (const gt::error&) {
          // Nothing of the chunk was added: add it one by one to find the line at fault.
          for (std::size_t k = 0; k < n; ++k) {
            try {
              kit.plan.add_target(made[k]);
            } catch (const gt::error& e) {
              throw at_line(k, e);
            }
          }
          throw;
        }
      }
    }
  };

  explicit target_reader(kit_plan& kit) : kit_(kit) {}

  void read_row(csv_reader& csv) {
    const std::string_view code = csv.field();
    kit_.target_ids.push_back(csv.integer(code, "target_id"));
    rows_.targets.push_back({code, kit_.collective(csv, csv.field()), csv.number("baseline"),
                             csv.number("target"), csv.day("start"), csv.day("end")});
    csv.end_row();
  }
  rows take() { return std::exchange(rows_, {}); }

 private:
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
  rows rows_;
};

/// measurements.csv: dated values of targets, handed over as columns.
class measurement_reader {
 public:
  struct rows {
    std::vector<gt::target_id> targets;
    std::vector<std::int32_t> days;
    std::vector<double> values;

    void add_to_plan(kit_plan& kit, std::span<const std::size_t>, const std::string&) const {
      kit.plan.add_measurements(targets, days, values);
    }
  };

  explicit measurement_reader(const kit_plan& kit) : kit_(kit) {}

  void read_row(csv_reader& csv) {
    rows_.targets.push_back(kit_.target(csv, csv.field()));
    rows_.days.push_back(csv.day("date"));
    rows_.values.push_back(csv.number("value"));
    csv.end_row();
  }
  rows take() { return std::exchange(rows_, {}); }

  /// A measurements.csv row takes at least 24 bytes ("1234567,2021-03-31,12.5").
  static void reserve_for(kit_plan& kit, std::size_t file_bytes) {
    kit.plan.reserve_measurements(file_bytes / 24);
  }

 private:
  const kit_plan& kit_;
  rows rows_;
};

/// Time spent on one file: reading it (reader thread, busy time) and adding it (main
/// thread).
struct file_times {
  double parse = 0;
  double build = 0;
};

/// The job that adds `rows`, read from `lines` of `file`, to the plan, then gives back the
/// file's text before `upto` (the rows viewed it; the plan has copied what it keeps). A
/// library error is reported with the batch's lines, unless the batch names the line.
template <class Rows>
kit::batch_pipeline::job adding_job(kit_plan& kit, std::shared_ptr<mapped_file> file,
                                    const char* upto, std::vector<std::size_t> lines, Rows rows,
                                    double& build_time) {
  return [&kit, file = std::move(file), upto, lines = std::move(lines), rows = std::move(rows),
          &build_time] {
    stopwatch adding;
    if (!lines.empty()) {
      try {
        rows.add_to_plan(kit, lines, file->name());
      } catch (const gt::error& e) {
        throw input_error(file->name() + ", lines " + std::to_string(lines.front()) + "-" +
                          std::to_string(lines.back()) + ": " + e.what());
      }
    }
    build_time += adding.lap();
    file->release_before(upto);
  };
}

/// Maps DIR/name and queues, before its rows, the reservation of room for all of them (as
/// a loader that knows its input's size would: the plan's columns and code index are
/// then never regrown and copied).
template <class Reader>
std::shared_ptr<mapped_file> open_file(kit_plan& kit, const fs::path& dir, const std::string& name,
                                       kit::batch_pipeline& pipeline) {
  auto file = std::make_shared<mapped_file>(dir / name, name);
  if constexpr (requires { Reader::reserve_for(kit, std::size_t{}); }) {
    pipeline.push([&kit, bytes = file->text().size()] { Reader::reserve_for(kit, bytes); });
  }
  return file;
}

/// Reads DIR/name row by row with `reader` and queues the rows to be added to the plan,
/// `rows_per_batch` at a time.
template <class Reader>
void read_file(kit_plan& kit, const fs::path& dir, const std::string& name, std::string_view header,
               std::size_t rows_per_batch, Reader& reader, kit::batch_pipeline& pipeline,
               file_times& times) {
  stopwatch clock;
  const std::shared_ptr<mapped_file> file = open_file<Reader>(kit, dir, name, pipeline);
  csv_reader csv(*file, header);
  std::vector<std::size_t> lines;
  const auto hand_over = [&] {
    times.parse += clock.lap();
    pipeline.push(adding_job(kit, file, csv.position(), std::exchange(lines, {}), reader.take(),
                             times.build));
    clock.lap();  // waiting for room in the queue is neither reading nor adding
  };
  while (csv.next_row()) {
    lines.push_back(csv.line());
    reader.read_row(csv);
    if (lines.size() == rows_per_batch) hand_over();
  }
  if (!lines.empty()) hand_over();
  times.parse += clock.lap();
}

/// The kit's four input files, in the order they are read.
constexpr std::array<const char*, 4> kit_files{"units.csv", "members.csv", "targets.csv",
                                               "measurements.csv"};

/// Builds the plan from the kit's four files in DIR: the reader thread parses while this
/// one adds what was parsed. Prints each file's split to stderr.
kit_plan load(const fs::path& dir, gt::date as_of, phase_times& times) {
  kit_plan kit;
  const gt::scale_id scale = kit.plan.add_scale(gt::rating_scale::vietnamese_default());
  // The kit's ratings are known on the as-of day: decide the round then, or evaluate()
  // would ignore it (a round is decided by default on its period's last day).
  kit.round = kit.plan.add_round(scale, gt::period::year(2021), as_of);
  std::array<file_times, kit_files.size()> split;
  kit::batch_pipeline pipeline(2);
  pipeline.run([&](kit::batch_pipeline& queue) {
    unit_reader units;
    read_file(kit, dir, kit_files[0], "unit_id,parent_id,kind,name",
              std::numeric_limits<std::size_t>::max(), units, queue, split[0]);
    queue.drain();  // members and targets name units: the plan's collectives must be known
    member_reader members(kit);
    read_file(kit, dir, kit_files[1], "member_id,unit_id,rating", batch_rows, members, queue,
              split[1]);
    target_reader targets(kit);
    read_file(kit, dir, kit_files[2], "target_id,unit_id,baseline,target,start,end", batch_rows,
              targets, queue, split[2]);
    // The plan refuses a repeated code itself; this catches "7" and "07".
    if (auto again = kit.target_of.assign(kit.target_ids)) {
      throw input_error("targets.csv: target_id " + std::to_string(kit.target_ids[*again]) +
                        " appears twice");
    }
    measurement_reader measurements(kit);
    read_file(kit, dir, kit_files[3], "target_id,date,value", batch_rows, measurements, queue,
              split[3]);
  });
  for (std::size_t i = 0; i < split.size(); ++i) {
    std::fprintf(stderr, "%-16s parse=%.3f build=%.3f\n", kit_files[i], split[i].parse,
                 split[i].build);
    times.parse += split[i].parse;
    times.build += split[i].build;
  }
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

// --- memory -------------------------------------------------------------------------

/// Bytes of the main heap advised for huge pages: room for the plan of the kit's scale 1.0
/// and more. Only address space: pages are still taken as they are first written.
constexpr std::size_t heap_advised_bytes = std::size_t{960} << 20;

/// Asks the kernel to back the next `bytes` of the main thread's heap, where the plan's
/// columns grow, with transparent huge pages (madvise mode, this machine's default): the
/// plan then takes one page fault per 2 MiB instead of one per 4 KiB (5-8 us each on these
/// virtual machines). glibc's own switch for this, the glibc.malloc.hugetlb=1 tunable, is
/// read from the environment at start-up only. The block is allocated and freed at once:
/// with the trim threshold raised, the heap keeps it (and the advice) for what follows.
/// Advice only: where the kernel declines, pages are simply small.
void back_heap_with_huge_pages(std::size_t bytes) {
  void* block = std::malloc(bytes);
  if (block == nullptr) return;
  constexpr std::uintptr_t huge_page = std::uintptr_t{2} << 20;
  const auto first = reinterpret_cast<std::uintptr_t>(block);
  const std::uintptr_t begin = (first + huge_page - 1) / huge_page * huge_page;
  const std::uintptr_t end = (first + bytes) / huge_page * huge_page;
  if (begin < end) ::madvise(reinterpret_cast<void*>(begin), end - begin, MADV_HUGEPAGE);
  std::free(block);
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
  back_heap_with_huge_pages(heap_advised_bytes);
  try {
    const gt::date as_of = [&] {
      try {
        return gt::parse_date(argc > 3 ? argv[3] : "2021-09-30");
      } catch (const gt::parse_error& e) {
        throw input_error(std::string("ASOF: ") + e.what());
      }
    }();
    phase_times times;
    stopwatch clock;
    const kit_plan kit = load(argv[1], as_of, times);
    times.load = clock.lap();
    const gt::evaluation ev = evaluate_kit(kit, as_of);
    times.evaluate = clock.lap();
    write_results(kit, ev, argv[2]);
    times.write = clock.lap();
    std::printf("TIMING impl=goaltrack load=%.3f compute=%.3f write=%.3f\n", times.load,
                times.evaluate, times.write);
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
