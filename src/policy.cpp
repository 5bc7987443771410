#include "goaltrack/policy.hpp"

#include <algorithm>
#include <array>
#include <cctype>
#include <charconv>
#include <cmath>
#include <limits>
#include <string>

#include "enum_codes.hpp"
#include "goaltrack/error.hpp"
#include "rollup_rules.hpp"
#include "schema.hpp"
#include "status_index.hpp"
#include "text.hpp"

namespace goaltrack {

namespace {

[[noreturn]] void fail(std::string_view name, const std::string& what) {
  throw invalid_argument(std::string(name) + ": " + what);
}

using detail::quoted;

// Shortest text that reads back as `v` ("0.95", "-inf").
std::string number_text(double v) {
  std::array<char, 32> buf{};
  const auto [end, ec] = std::to_chars(buf.data(), buf.data() + buf.size(), v);
  return std::string(buf.data(), ec == std::errc() ? end : buf.data());
}

// Statuses a judgement gives: not not_started nor no_data, which come before any band.
bool is_judged(target_status s) {
  return detail::is_known(s) && s != target_status::not_started && s != target_status::no_data;
}

// A band's status may be a built-in one that a judgement gives, or one of the policy's.
bool band_may_give(std::string_view code, const evaluation_policy& p) {
  const auto i = detail::status_index_of(code, p);
  return i && (*i >= target_status_count || is_judged(static_cast<target_status>(*i)));
}

bool is_builtin_code(std::string_view code, const evaluation_policy& p) {
  const auto i = detail::status_index_of(code, p);  // a built-in code is found first
  return i && *i < target_status_count;
}

bool is_colour(std::string_view c) { return c.empty() || detail::is_hex_colour(c); }

void check_statuses(const evaluation_policy& p, std::string_view name) {
  const std::vector<status_definition>& statuses = p.statuses;
  constexpr std::size_t most = std::numeric_limits<std::uint16_t>::max() - target_status_count;
  if (statuses.size() > most) fail(name, "more than " + std::to_string(most) + " statuses");
  for (std::size_t i = 0; i < statuses.size(); ++i) {
    const status_definition& d = statuses[i];
    const std::string who = "status " + std::to_string(i + 1) + " " + quoted(d.code);
    if (d.code.empty()) fail(name, "status " + std::to_string(i + 1) + " has an empty code");
    if (is_builtin_code(d.code, p)) fail(name, who + " repeats a built-in status's code");
    for (std::size_t j = 0; j < i; ++j) {
      if (statuses[j].code == d.code) {
        fail(name, who + " repeats the code of status " + std::to_string(j + 1));
      }
    }
    if (!is_colour(d.colour)) fail(name, who + ": colour " + quoted(d.colour) + " is not #rrggbb");
    if (!is_judged(d.category)) {
      fail(name, who + ": its category must be a status a judgement gives, not " +
                     std::string(to_string(d.category)));
    }
  }
}

// Where a band starts and ends on the extended line: an edge's value and its side, -1
// just before it, +1 just after it. An inclusive lower edge starts just before its value,
// an exclusive one just after; an inclusive upper edge ends just after its value. An
// infinite edge holds its infinity (status_band::holds).
struct edge_point {
  double value;
  int side;
  friend auto operator<=>(const edge_point&, const edge_point&) = default;
};
edge_point start_of(const status_band& b) {
  return {b.lower, b.lower_inclusive || std::isinf(b.lower) ? -1 : 1};
}
edge_point end_of(const status_band& b) {
  return {b.upper, b.upper_inclusive || std::isinf(b.upper) ? 1 : -1};
}

std::string band_name(std::size_t i) { return "band " + std::to_string(i + 1); }

// The bands of one phase, by their positions in the policy's list, must tile
// [-inf, +inf]: sorted by start, each starts where the one before ends.
void check_partition(const std::vector<status_band>& bands, band_phase phase,
                     std::string_view name) {
  std::vector<std::size_t> order;
  for (std::size_t i = 0; i < bands.size(); ++i) {
    if (bands[i].phase == phase) order.push_back(i);
  }
  if (order.empty()) return;
  std::stable_sort(order.begin(), order.end(), [&](std::size_t a, std::size_t b) {
    return start_of(bands[a]) < start_of(bands[b]);
  });
  const std::string in = " (" + std::string(to_string(phase)) + " bands)";
  constexpr double inf = std::numeric_limits<double>::infinity();
  if (start_of(bands[order.front()]) != edge_point{-inf, -1}) {
    fail(name, "bands leave a gap below " + number_text(bands[order.front()].lower) + in +
                   ": no band reaches -infinity");
  }
  for (std::size_t k = 1; k < order.size(); ++k) {
    const edge_point end = end_of(bands[order[k - 1]]);
    const edge_point next = start_of(bands[order[k]]);
    if (next == end) continue;
    const std::string pair = band_name(order[k - 1]) + " and " + band_name(order[k]);
    fail(name, pair + (next > end ? " leave a gap at " : " overlap at ") +
                   number_text(next > end ? end.value : next.value) + in);
  }
  if (end_of(bands[order.back()]) != edge_point{inf, 1}) {
    fail(name, "bands leave a gap above " + number_text(bands[order.back()].upper) + in +
                   ": no band reaches +infinity");
  }
}

void check_bands(const evaluation_policy& p, std::string_view name) {
  if (!detail::is_known(p.basis)) fail(name, "basis is not a known band basis");
  for (std::size_t i = 0; i < p.bands.size(); ++i) {
    const status_band& b = p.bands[i];
    const std::string who = band_name(i);
    if (!band_may_give(b.status, p)) {
      fail(name, who + ": status " + quoted(b.status) +
                     " is neither the policy's nor a built-in status a judgement gives");
    }
    if (!detail::is_known(b.phase)) fail(name, who + ": phase is not open or closed");
    if (std::isnan(b.lower) || std::isnan(b.upper)) fail(name, who + ": an edge is NaN");
    if (b.lower == std::numeric_limits<double>::infinity() ||
        b.upper == -std::numeric_limits<double>::infinity()) {
      fail(name, who + ": the lower edge is +inf or the upper edge -inf");
    }
    if (!(start_of(b) < end_of(b))) {
      fail(name, who + ": it holds nothing (lower " + number_text(b.lower) + ", upper " +
                     number_text(b.upper) + "; equal edges must both be inclusive)");
    }
  }
  check_partition(p.bands, band_phase::open, name);
  check_partition(p.bands, band_phase::closed, name);
}

}  // namespace

void evaluation_policy::validate(std::string_view name) const {
  detail::check_texts(*this, name);
  const auto bad = [](double v) { return !std::isfinite(v) || v < 0; };
  if (bad(on_track_margin)) fail(name, "on_track_margin must be finite and >= 0");
  if (bad(at_risk_margin) || at_risk_margin < on_track_margin) {
    fail(name, "at_risk_margin must be finite and >= on_track_margin");
  }
  if (bad(trend_tolerance)) fail(name, "trend_tolerance must be finite and >= 0");
  for (std::size_t i = 0; i < rating_summaries.size(); ++i) {
    const share s = rating_summaries[i].required_share;
    if (!s.valid()) {
      fail(name, "rating summary " + std::to_string(i + 1) + ": required share " +
                     std::to_string(s.numerator) + "/" + std::to_string(s.denominator) +
                     " is not a share (its denominator must be > 0 and it must be at most 100%)");
    }
  }
  if (forecast_min_points == 1 || forecast_min_points == 2) {
    fail(name, "forecast_min_points must be 0 (no forecast) or at least 3, not " +
                   std::to_string(forecast_min_points));
  }
  check_statuses(*this, name);
  check_bands(*this, name);
  detail::check_rollup(*this, name);
}

namespace {

// The shipped presets, each its code and how it differs from the default: one table, which
// policy_preset_codes lists and policy_preset reads.

evaluation_policy year_end_review() {
  evaluation_policy p;
  p.close_at_period_end = true;
  return p;
}

// John Doerr, "Measure What Matters" (2018), on Google's grading of key results on a 0-1.0
// scale at the end of the quarter: 0.7-1.0 green ("we delivered"), 0.4-0.6 yellow ("we
// made progress, but fell short of completion"), 0.0-0.3 red ("we failed to make real
// progress"). Those grades have one decimal; the bands cut the line at 0.4 and 0.7. Green
// counts as achieved; while the quarter is open, the default margins apply.
evaluation_policy okr() {
  evaluation_policy p;
  p.close_at_period_end = true;
  p.statuses = {{"green", "green: delivered", "xanh: đã đạt", "#43a047", target_status::achieved},
                {"yellow", "yellow: progress, short of completion", "vàng: có tiến bộ, chưa đạt",
                 "#fdd835", target_status::missed},
                {"red", "red: no real progress", "đỏ: không có tiến bộ thực chất", "#e53935",
                 target_status::missed}};
  constexpr double inf = std::numeric_limits<double>::infinity();
  p.bands = {{"red", -inf, 0.4, true, false, band_phase::closed},
             {"yellow", 0.4, 0.7, true, false, band_phase::closed},
             {"green", 0.7, inf, true, false, band_phase::closed}};
  return p;
}

// Red/amber/green status by pace, as status reports colour it: the default margins (green
// within on_track_margin of expected progress, amber within at_risk_margin, red beyond),
// and a target whose progress reached 1 is green too while its period is open.
evaluation_policy rag() {
  evaluation_policy p;
  p.reached_is_achieved = false;
  p.statuses = {{"green", "green", "xanh", "#43a047", target_status::on_track},
                {"amber", "amber", "vàng", "#fb8c00", target_status::at_risk},
                {"red", "red", "đỏ", "#e53935", target_status::off_track}};
  constexpr double inf = std::numeric_limits<double>::infinity();
  p.bands = {{"red", -inf, -p.at_risk_margin, true, false, band_phase::open},
             {"amber", -p.at_risk_margin, -p.on_track_margin, true, false, band_phase::open},
             {"green", -p.on_track_margin, inf, true, false, band_phase::open}};
  return p;
}

// A performance report's judgement of each measure against its target, at the close of
// its (fiscal) year, by progress (actual / target under the percent_of_target scoring): the
// US Department of Commerce, FY 2007 Performance and Accountability Report, Appendix A:
// "exceeded (more than 125 percent of target), a blue circle ... met (100 to 125 percent
// of target), a green circle ... slightly below target (95 to 99 percent of the target)
// appears as yellow, while a measure that was definitely not met appears as red". While
// the year is open, the default margins apply.
evaluation_policy performance_report() {
  evaluation_policy p;
  p.close_at_period_end = true;
  p.basis = band_basis::progress;
  p.statuses = {
      {"exceeded", "exceeded", "vượt", "#1e88e5", target_status::achieved},
      {"met", "met", "đạt", "#43a047", target_status::achieved},
      {"slightly_below", "slightly below target", "gần đạt", "#fdd835", target_status::missed},
      {"not_met", "not met", "không đạt", "#e53935", target_status::missed}};
  constexpr double inf = std::numeric_limits<double>::infinity();
  p.bands = {{"not_met", -inf, 0.95, true, false, band_phase::closed},
             {"slightly_below", 0.95, 1.0, true, false, band_phase::closed},
             {"met", 1.0, 1.25, true, true, band_phase::closed},
             {"exceeded", 1.25, inf, false, false, band_phase::closed}};
  return p;
}

// Open SDG's progress statuses ("Progress Measurement Methodology", open-sdg.org; sdg-build
// get_progress_status_from_score): the score's quarters [2.5, 5], [0, 2.5), [-2.5, 0) and
// [-5, -2.5), here on progress = score / 5 (target.hpp, scoring open_sdg), a target met
// being "target achieved" (achieved). Its gauges are green, yellow, orange and red.
evaluation_policy open_sdg() {
  evaluation_policy p;
  p.basis = band_basis::progress;
  p.statuses = {
      {"substantial_progress", "on track", "đúng tiến độ", "#43a047", target_status::on_track},
      {"moderate_progress", "progress made but acceleration needed", "có tiến bộ, cần tăng tốc",
       "#fdd835", target_status::at_risk},
      {"limited_progress", "limited progress", "tiến bộ hạn chế", "#fb8c00",
       target_status::off_track},
      {"deterioration", "deterioration", "đi xuống", "#e53935", target_status::off_track}};
  constexpr double inf = std::numeric_limits<double>::infinity();
  p.bands = {{"deterioration", -inf, -0.5, true, false, band_phase::open},
             {"limited_progress", -0.5, 0.0, true, false, band_phase::open},
             {"moderate_progress", 0.0, 0.5, true, false, band_phase::open},
             {"substantial_progress", 0.5, inf, true, false, band_phase::open}};
  return p;
}

struct preset {
  std::string_view code;
  evaluation_policy (*make)();
};
constexpr std::array<preset, 6> presets{{{"default", [] { return evaluation_policy{}; }},
                                         {"year_end_review", year_end_review},
                                         {"okr", okr},
                                         {"rag", rag},
                                         {"performance_report", performance_report},
                                         {"open_sdg", open_sdg}}};
constexpr std::array<std::string_view, presets.size()> preset_codes = [] {
  std::array<std::string_view, presets.size()> codes{};
  for (std::size_t i = 0; i < presets.size(); ++i) codes[i] = presets[i].code;
  return codes;
}();

}  // namespace

std::span<const std::string_view> policy_preset_codes() noexcept { return preset_codes; }

evaluation_policy policy_preset(std::string_view code) {
  for (const preset& each : presets) {
    if (each.code == code) return each.make();
  }
  std::string known;
  for (const std::string_view c : preset_codes)
    known += (known.empty() ? "" : ", ") + std::string(c);
  throw not_found("no policy preset '" + std::string(code) + "' (presets: " + known + ")");
}

}  // namespace goaltrack
