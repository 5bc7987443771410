#include "goaltrack/status.hpp"

#include <array>

#include "enum_codes.hpp"
#include "enum_names.hpp"
#include "goaltrack/report.hpp"
#include "status_index.hpp"

namespace goaltrack {
namespace {

constexpr detail::code_list<target_status, target_status_count> status_codes{{
    {target_status::not_started, "not_started", "chưa bắt đầu"},
    {target_status::no_data, "no_data", "chưa có số liệu"},
    {target_status::on_track, "on_track", "đúng tiến độ"},
    {target_status::at_risk, "at_risk", "có nguy cơ"},
    {target_status::off_track, "off_track", "chậm tiến độ"},
    {target_status::achieved, "achieved", "đạt|hoàn thành"},
    {target_status::missed, "missed", "không đạt|không hoàn thành"},
    {target_status::within_so_far, "within_so_far", "trong giới hạn"},
}};

// The colours of the built-in statuses: greens for what is met, amber for at risk, reds
// for what is not, greys for what cannot be judged (Material Design's palette, so that a
// chart reads the same in print as on screen).
constexpr std::array<std::string_view, target_status_count> builtin_colours{
    "#9e9e9e",  // not_started
    "#bdbdbd",  // no_data
    "#43a047",  // on_track
    "#fb8c00",  // at_risk
    "#e53935",  // off_track
    "#1b5e20",  // achieved
    "#b71c1c",  // missed
    "#7cb342",  // within_so_far
};

constexpr detail::code_list<band_basis, 2> basis_codes{{
    {band_basis::pace, "pace", "nhịp độ"},
    {band_basis::progress, "progress", "tiến độ"},
}};

constexpr detail::code_list<band_phase, 2> phase_codes{{
    {band_phase::open, "open", "đang diễn ra"},
    {band_phase::closed, "closed", "đã kết thúc"},
}};

}  // namespace

std::string_view to_string(target_status s) noexcept { return detail::code_of(status_codes, s); }
std::string_view detail::vi_name(target_status s) noexcept {
  return detail::vi_name_of(status_codes, s);
}
target_status parse_target_status(std::string_view code) {
  return detail::parse_code(status_codes, code, "target status");
}
std::string_view to_string(band_basis b) noexcept { return detail::code_of(basis_codes, b); }
std::string_view detail::vi_name(band_basis b) noexcept {
  return detail::vi_name_of(basis_codes, b);
}
std::string_view to_string(band_phase p) noexcept { return detail::code_of(phase_codes, p); }
std::string_view detail::vi_name(band_phase p) noexcept {
  return detail::vi_name_of(phase_codes, p);
}
band_basis parse_band_basis(std::string_view code) {
  return detail::parse_code(basis_codes, code, "band basis");
}
band_phase parse_band_phase(std::string_view code) {
  return detail::parse_code(phase_codes, code, "band phase");
}

status_definition builtin_status(target_status s) {
  return {std::string(to_string(s)), std::string(status_label(s, language::en)),
          std::string(status_label(s, language::vi)),
          std::string(builtin_colours[static_cast<std::size_t>(s)]), s};
}

namespace detail {

std::optional<std::uint16_t> status_index_of(std::string_view code,
                                             const evaluation_policy& policy) noexcept {
  if (const auto b = find_code(status_codes, code)) return static_cast<std::uint16_t>(*b);
  for (std::size_t i = 0; i < policy.statuses.size(); ++i) {
    if (policy.statuses[i].code == code) {
      return static_cast<std::uint16_t>(target_status_count + i);
    }
  }
  return std::nullopt;
}

}  // namespace detail

}  // namespace goaltrack
