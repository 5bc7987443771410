/// @file
/// Reading the kit's four CSV files into a goaltrack::plan, on both cores.

#include "peer_load.hpp"

#include <sys/mman.h>

#include <algorithm>
#include <array>
#include <cstdio>
#include <deque>
#include <memory>
#include <utility>

#include "batch_pipeline.hpp"

namespace peer {
namespace {

using kit::input_error;
using kit::mapped_file;
using kit::parse_integer;

/// Rows parsed before they are handed to the plan in one call. At most three batches are
/// held at once (one being read, one queued, one being added), so this bounds the memory
/// of parsed columns that the plan has not taken yet; the plan's calls cost the same per
/// row from a few thousand rows on.
constexpr std::size_t batch_rows = 1 << 18;

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

}  // namespace

kit_plan load(const fs::path& dir, gt::date as_of, phase_times& times) {
  kit_plan kit;
  const gt::scale_id scale = kit.plan.add_scale(gt::rating_scale::vietnamese_default());
  // The kit's ratings are known on the as-of day: decide the round then, or evaluate()
  // would ignore it (a round is decided by default on its period's last day).
  kit.round = kit.plan.add_round(scale, gt::period::year(2021), as_of);
  std::array<file_times, kit_files.size()> split;
  kit::batch_pipeline pipeline(1);  // one batch waits while one is added
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

}  // namespace peer
