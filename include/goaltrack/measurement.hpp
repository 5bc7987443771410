#pragma once
/// @file
/// Measurements: dated values of a target ("623 prize winners as of 2020-05-31"). A
/// target may have any number of them; evaluation as of a date uses the last one on or
/// before it. The plan stores them in contiguous columns (target, day, value, and the
/// denominator of ratios), so that evaluating millions of them is a streaming pass.
///
/// What `value` means by target kind: quantity and money, the amount (whole numbers for
/// counts and money); ratio, the numerator, with `denominator` > 0; milestone, 1 when
/// done (0 not yet) or, with a checklist, the number of items done; direction, the
/// observed level of what should rise or fall. Rating targets take no measurements:
/// they read ratings.

#include <cstdint>
#include <optional>
#include <span>
#include <string>
#include <unordered_map>
#include <vector>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/period.hpp"

namespace goaltrack {

/// One dated value of a target.
struct GOALTRACK_API measurement {
  target_id target;        ///< what was measured
  date on;                 ///< the day the value holds for
  double value = 0;        ///< the amount, numerator, items done or level (see file doc)
  double denominator = 1;  ///< ratios only: the denominator (> 0)
  std::string source;      ///< where the figure comes from (optional)
  std::string note;        ///< free remark (optional)
  friend bool operator==(const measurement&, const measurement&) = default;
};

/// The source and note of one measurement, by row (see measurement_table::annotations).
struct GOALTRACK_API measurement_annotation {
  std::size_t row = 0;  ///< the measurement's row in the table (its order of addition)
  std::string source;   ///< where the figure comes from
  std::string note;     ///< free remark
  friend bool operator==(const measurement_annotation&, const measurement_annotation&) = default;
};

/// Measurements as columns of equal length, for plan::add_measurements to take over.
struct GOALTRACK_API measurement_columns {
  std::vector<target_id> targets;    ///< what each row measures
  std::vector<std::int32_t> days;    ///< day numbers (goaltrack::day_number)
  std::vector<double> values;        ///< the values
  std::vector<double> denominators;  ///< empty (all 1), or one per row (ratio targets)
};

/// The plan's measurements as columns, in the order they were added. Read-only here;
/// add measurements through goaltrack::plan, which checks them.
class GOALTRACK_API measurement_table {
 public:
  /// Number of measurements.
  [[nodiscard]] std::size_t size() const noexcept { return target_.size(); }
  /// Target of every measurement.
  [[nodiscard]] std::span<const target_id> targets() const noexcept { return target_; }
  /// Day of every measurement as a day number (see goaltrack::day_number).
  [[nodiscard]] std::span<const std::int32_t> days() const noexcept { return day_; }
  /// Value of every measurement.
  [[nodiscard]] std::span<const double> values() const noexcept { return value_; }
  /// Denominator of every measurement; empty while no ratio measurement was added
  /// (every denominator is then 1).
  [[nodiscard]] std::span<const double> denominators() const noexcept { return denominator_; }
  /// Measurement i, with its source and note. @throws not_found when i >= size().
  [[nodiscard]] measurement at(std::size_t i) const;
  /// Every row that has a source or a note, with them, in row order (sources and notes
  /// are sparse: most bulk-loaded measurements have neither). O(a log a) for a annotated
  /// rows. Re-create them with plan::annotate_measurement.
  [[nodiscard]] std::vector<measurement_annotation> annotations() const;

  friend bool operator==(const measurement_table&, const measurement_table&) = default;

 private:
  friend class plan;
  struct annotation {
    std::string source;
    std::string note;
    friend bool operator==(const annotation&, const annotation&) = default;
  };
  void truncate(std::size_t n);

  std::vector<target_id> target_;
  std::vector<std::int32_t> day_;
  std::vector<double> value_;
  std::vector<double> denominator_;  // materialised on the first ratio measurement
  std::unordered_map<std::uint32_t, annotation> annotations_;  // sparse: row -> source/note
};

}  // namespace goaltrack
