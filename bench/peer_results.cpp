/// @file
/// Writing the national job's four canonical result files.

#include "peer_results.hpp"

#include <algorithm>
#include <array>
#include <cerrno>
#include <charconv>
#include <cmath>
#include <cstdio>
#include <cstring>
#include <limits>
#include <numeric>
#include <span>
#include <string>
#include <string_view>
#include <vector>

namespace peer {
namespace {

using kit::input_error;

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

}  // namespace

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

}  // namespace peer
