#pragma once
/// @file
/// Statuses and the bands that give them: what evaluate() says of a target, as data.
///
/// Every status counts in roll-ups as one of the eight built-in statuses (target_status,
/// its category). A policy may name statuses of its own (status_definition: a code, vi/en
/// labels, a colour, a category) and divide the score line into bands (status_band), each
/// giving a built-in status or one of its own:
///
/// | band basis | a band [lo, hi) holds when             | used by                         |
/// |------------|----------------------------------------|---------------------------------|
/// | pace       | expected + lo <= progress < expected + hi | today's margins, RAG by pace |
/// | progress   | lo <= progress < hi                    | performance reports, OKR grades |
///
/// Each edge is inclusive or exclusive explicitly. The bands of one phase (while the
/// period is open, once it is closed) must partition the whole line, from -infinity to
/// +infinity, with neither gaps nor overlaps (evaluation_policy::validate); an infinite edge
/// covers the infinity itself (progress is +infinity for percent_of_target of a downward
/// goal at 0).

#include <cstddef>
#include <cstdint>
#include <limits>
#include <span>
#include <string>
#include <string_view>

#include "goaltrack/export.hpp"

namespace goaltrack {

/// Where a target stands as of a date; see the order of the rules in evaluation.hpp.
enum class target_status : std::uint8_t {
  not_started,
  no_data,
  on_track,
  at_risk,
  off_track,
  achieved,
  missed,
  within_so_far,  ///< a limit (at_most, within) met so far; judged when its period closes
};
/// Number of statuses.
inline constexpr std::size_t target_status_count = 8;
/// The stable code of a status ("on_track", ...).
GOALTRACK_API std::string_view to_string(target_status s) noexcept;
/// The status with this code. @throws parse_error naming the text.
GOALTRACK_API target_status parse_target_status(std::string_view code);

/// A named status: what a policy's band gives and a report shows.
struct GOALTRACK_API status_definition {
  std::string code;      ///< unique stable code within its policy, e.g. "slightly_below"
  std::string label_en;  ///< English label, e.g. "slightly below target"
  std::string label_vi;  ///< Vietnamese label, e.g. "gần đạt"
  std::string colour;    ///< "#rrggbb", or "" for none
  /// what it counts as in roll-ups (neither not_started nor no_data)
  target_status category = target_status::on_track;
  friend bool operator==(const status_definition&, const status_definition&) = default;
};

/// The built-in status `s` as a definition: its code, the labels of status_label
/// (report.hpp), a colour, and itself as its category.
GOALTRACK_API status_definition builtin_status(target_status s);

/// Which figure a policy's bands divide; see the table in this header.
enum class band_basis : std::uint8_t {
  pace,      ///< progress against expected progress (edges are offsets from it)
  progress,  ///< progress itself (percent of target, an OKR grade)
};

/// When a band applies.
enum class band_phase : std::uint8_t {
  open,    ///< while the target's period is open
  closed,  ///< once it is closed (evaluation.hpp): the final judgement
};

/// Stable codes ("pace", "open", ...) and their parsers (@throws parse_error naming the
/// text).
GOALTRACK_API std::string_view to_string(band_basis b) noexcept;
GOALTRACK_API std::string_view to_string(band_phase p) noexcept;
GOALTRACK_API band_basis parse_band_basis(std::string_view code);
GOALTRACK_API band_phase parse_band_phase(std::string_view code);

/// One band of the score line and the status it gives.
struct GOALTRACK_API status_band {
  /// the status it gives: a code of the policy's statuses or a built-in one ("on_track")
  std::string status;
  double lower = -std::numeric_limits<double>::infinity();  ///< lower edge (-inf: none)
  double upper = std::numeric_limits<double>::infinity();   ///< upper edge (+inf: none)
  bool lower_inclusive = true;                              ///< the lower edge is in the band
  bool upper_inclusive = false;                             ///< the upper edge is in the band
  band_phase phase = band_phase::open;  ///< while the period is open, or once it is closed
  /// True when `progress` lies in the band, its edges shifted by `offset` (expected
  /// progress for the pace basis, else 0): lower + offset <= progress <= upper + offset,
  /// each comparison strict where its edge is exclusive. An infinite edge holds its infinity.
  [[nodiscard]] constexpr bool holds(double progress, double offset = 0) const noexcept {
    constexpr double inf = std::numeric_limits<double>::infinity();
    const bool above =
        lower_inclusive || lower == -inf ? progress >= lower + offset : progress > lower + offset;
    const bool below =
        upper_inclusive || upper == inf ? progress <= upper + offset : progress < upper + offset;
    return above && below;
  }
  friend bool operator==(const status_band&, const status_band&) = default;
};

}  // namespace goaltrack
