#pragma once
/// @file
/// Ordinal rating scales and rating rounds.
///
/// A scale lists its levels from best to worst; a level is its rank on the scale
/// (0 = best). "Level L or above" (Vietnamese "trở lên") means rank <= rank(L).
/// The default scale is the Vietnamese four-level assessment of party members,
/// officials and collectives:
///
/// | rank | code          | Vietnamese                     | English                       |
/// |------|---------------|--------------------------------|-------------------------------|
/// | 0    | excellent     | Hoàn thành xuất sắc nhiệm vụ   | Excellently completed tasks   |
/// | 1    | good          | Hoàn thành tốt nhiệm vụ        | Well completed tasks          |
/// | 2    | completed     | Hoàn thành nhiệm vụ            | Completed tasks               |
/// | 3    | not_completed | Không hoàn thành nhiệm vụ      | Did not complete tasks        |
///
/// A rating round holds the ratings given on one scale for one period (say, the 2020
/// year-end assessment): one level per member and per collective, or none.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/language.hpp"
#include "goaltrack/period.hpp"

namespace goaltrack {

/// A level's rank on its scale: 0 is the best. Compare ranks with at_or_above().
class GOALTRACK_API rating_level {
 public:
  constexpr rating_level() noexcept = default;
  constexpr explicit rating_level(std::uint8_t rank) noexcept : rank_(rank) {}
  /// 0 for the best level, 1 for the next, ...
  [[nodiscard]] constexpr std::uint8_t rank() const noexcept { return rank_; }
  /// "This level or above" (trở lên): true when this level is `threshold` or better.
  [[nodiscard]] constexpr bool at_or_above(rating_level threshold) const noexcept {
    return rank_ <= threshold.rank_;
  }
  friend constexpr bool operator==(rating_level, rating_level) noexcept = default;

 private:
  std::uint8_t rank_ = 0;
};

/// The names of one level.
struct GOALTRACK_API level_labels {
  std::string code;      ///< stable code used in files, e.g. "good"
  std::string label_vi;  ///< e.g. "Hoàn thành tốt nhiệm vụ"
  std::string label_en;  ///< e.g. "Well completed tasks"
  friend bool operator==(const level_labels&, const level_labels&) = default;
};

/// An ordinal scale, best level first.
class GOALTRACK_API rating_scale {
 public:
  /// Most levels a scale may have (a rank fits in a byte, and 255 marks "unrated").
  static constexpr std::size_t max_levels = 254;

  /// A scale named `code` with `levels` listed best first.
  /// @throws invalid_argument when the code is empty, there are no levels or more than
  ///         max_levels, or a level code is empty or repeated (naming it).
  rating_scale(std::string code, std::vector<level_labels> levels_best_first);

  /// The Vietnamese four-level scale (code "vn4"), shown in this header's table.
  static rating_scale vietnamese_default();
  /// The built-in scale of this code ("vn4": vietnamese_default()), which files may name
  /// instead of listing its levels; none for another code.
  static std::optional<rating_scale> builtin(std::string_view code);
  /// The codes builtin() knows.
  static std::vector<std::string> builtin_codes();

  /// The scale's code.
  [[nodiscard]] const std::string& code() const noexcept { return code_; }
  /// Number of levels.
  [[nodiscard]] std::size_t size() const noexcept { return levels_.size(); }
  /// The levels, best first.
  [[nodiscard]] std::span<const level_labels> levels() const noexcept { return levels_; }
  /// True when `level` is on this scale.
  [[nodiscard]] bool contains(rating_level level) const noexcept { return level.rank() < size(); }
  /// The level with this code, or with this Vietnamese or English label: exactly, else
  /// ignoring case ("hoàn thành tốt nhiệm vụ"), else ignoring case and diacritics
  /// ("hoan thanh tot nhiem vu") when only one level matches so; either Unicode form of
  /// a letter matches (NFC, or decomposed as some keyboards type it).
  [[nodiscard]] std::optional<rating_level> find(std::string_view code_or_label) const;
  /// The level with this code or label, matched as find() does. @throws parse_error
  /// naming the text and the scale, and the nearest level when it looks like a slip.
  [[nodiscard]] rating_level level(std::string_view code_or_label) const;
  /// The names of a level. @throws invalid_argument when the level is not on the scale.
  [[nodiscard]] const level_labels& labels(rating_level level) const;
  /// A level's label in a language.
  [[nodiscard]] const std::string& label(rating_level level, language lang) const;
  /// Throws invalid_argument naming `what` and the scale unless the level is on it.
  void check(rating_level level, std::string_view what) const;

  friend bool operator==(const rating_scale&, const rating_scale&) = default;

 private:
  std::string code_;
  std::vector<level_labels> levels_;
};

/// The ratings given on one scale for one period, visible from `decided_on` on.
/// Read-only here; ratings are recorded through goaltrack::plan, which checks them.
class GOALTRACK_API rating_round {
 public:
  /// Marks "no rating" in the level columns.
  static constexpr std::uint8_t unrated = 255;

  rating_round(scale_id scale, period rated_period, date decided_on)
      : scale_(scale), period_(rated_period), decided_on_(decided_on) {}
  rating_round(const rating_round& other);
  rating_round& operator=(const rating_round& other);
  rating_round(rating_round&&) noexcept = default;
  rating_round& operator=(rating_round&&) noexcept = default;
  ~rating_round() = default;

  /// The scale the ratings are on.
  [[nodiscard]] scale_id scale() const noexcept { return scale_; }
  /// The period the ratings assess (e.g. the year 2020).
  [[nodiscard]] const period& rated_period() const noexcept { return period_; }
  /// The day the ratings were decided; an evaluation as of an earlier day ignores them.
  [[nodiscard]] date decided_on() const noexcept { return decided_on_; }

  /// The rating of a member, if rated in this round.
  [[nodiscard]] std::optional<rating_level> of(member_id m) const noexcept {
    return get(member_ranks(), m.index());
  }
  /// The rating of a collective, if rated in this round.
  [[nodiscard]] std::optional<rating_level> of(collective_id c) const noexcept {
    return get(collective_ranks(), c.index());
  }
  /// Rank of every member by member id (unrated where none); may be shorter than the
  /// member count, the missing tail being unrated.
  [[nodiscard]] std::span<const std::uint8_t> member_ranks() const noexcept {
    if (levels_) return levels_->member;
    return {};
  }
  /// Rank of every collective by collective id, as member_ranks().
  [[nodiscard]] std::span<const std::uint8_t> collective_ranks() const noexcept {
    if (levels_) return levels_->collective;
    return {};
  }

  /// Equal when scale, period, decision day and every rating are equal (a column that
  /// stops early equals one that continues with "unrated").
  friend GOALTRACK_API bool operator==(const rating_round& a, const rating_round& b) noexcept;

 private:
  friend class plan;
  // The rank columns, made on the first rating: a plan may hold a million rounds, and an
  // unrated one is then 32 bytes instead of 72.
  struct levels {
    std::vector<std::uint8_t> member;
    std::vector<std::uint8_t> collective;
  };
  static std::optional<rating_level> get(std::span<const std::uint8_t> v, std::size_t i) noexcept {
    if (i >= v.size() || v[i] == unrated) return std::nullopt;
    return rating_level(v[i]);
  }
  levels& levels_for_write() {
    if (!levels_) levels_ = std::make_unique<levels>();
    return *levels_;
  }
  scale_id scale_;
  period period_;
  date decided_on_;
  std::unique_ptr<levels> levels_;
};

}  // namespace goaltrack
