// The charts of the reviews (review.hpp): burn-ups of targets, and bars of targets by
// status, members by level and tasks by deadline figure.
#include <algorithm>
#include <array>
#include <cmath>
#include <string>
#include <vector>

#include "evaluation/stages.hpp"
#include "goaltrack/report.hpp"
#include "goaltrack/review.hpp"
#include "review_detail.hpp"

namespace goaltrack {

using review_detail::say;

namespace {

std::string builtin_colour(target_status s) { return builtin_status(s).colour; }

// A definition's colour, else its category's (a policy status may have none).
std::string colour_of(const status_definition& d) {
  return d.colour.empty() ? builtin_colour(d.category) : d.colour;
}

// --- bars per collective ------------------------------------------------------------------

// The bars of status_bars and rating_bars: `top`'s own (index 0), then one per child of
// `top` for its subtree; without `top`, one per root. bar_of[c] is collective c's bar, -1
// for a collective outside them all.
struct collective_bars {
  std::vector<chart_category> categories;
  std::vector<int> bar_of;
};

collective_bars bars_under(review_writer& w, std::optional<collective_id> top) {
  const auto parents = w.source().org().parents();
  collective_bars out;
  out.bar_of.assign(parents.size(), -1);
  const auto add = [&](collective_id c, std::string label) {
    out.bar_of[c.index()] = static_cast<int>(out.categories.size());
    out.categories.push_back({std::move(label), c});
  };
  if (top) add(*top, w.name(*top) + say(w.lang(), " (trực tiếp)", " (own)"));
  // A parent's id is smaller than its children's: one pass in id order reaches every
  // collective after its parent.
  for (std::size_t c = 0; c < parents.size(); ++c) {
    const collective_id id(static_cast<collective_id::value_type>(c));
    const collective_id parent = parents[c];
    if (top ? parent == *top : !parent.ok()) {
      add(id, w.name(id));
    } else if (parent.ok() && out.bar_of[c] < 0) {
      out.bar_of[c] = out.bar_of[parent.index()];
    }
  }
  return out;
}

// Keeps the bars with a non-zero total, and the series with a non-zero value.
void drop_empty(chart& c) {
  std::vector<bool> kept(c.categories.size(), false);
  for (const chart_series& s : c.series) {
    for (std::size_t k = 0; k < kept.size(); ++k) kept[k] = kept[k] || s.values[k] > 0;
  }
  for (chart_series& s : c.series) {
    std::size_t next = 0;
    for (std::size_t k = 0; k < kept.size(); ++k) {
      if (kept[k]) s.values[next++] = s.values[k];
    }
    s.values.resize(next);
  }
  std::size_t next = 0;
  for (std::size_t k = 0; k < kept.size(); ++k) {
    if (!kept[k]) continue;
    if (next != k) c.categories[next] = std::move(c.categories[k]);  // not onto itself
    ++next;
  }
  c.categories.resize(next);
  std::erase_if(c.series, [](const chart_series& s) {
    return std::all_of(s.values.begin(), s.values.end(), [](double v) { return v == 0; });
  });
}

// The bars a chart's description counts: "đơn vị" / "unit", "units".
struct bar_noun {
  std::string_view vi;
  std::string_view en_one;
  std::string_view en_many;
};
constexpr bar_noun units{"đơn vị", "unit", "units"};
constexpr bar_noun programs_noun{"chương trình", "program", "programs"};

// "12 chỉ tiêu: 8 đạt, 3 đúng tiến độ (4 đơn vị)" / "12 targets: 8 achieved, 3 on track (4
// units)": the totals of each series over the bars.
std::string totals_description(const chart& c, language lang, const bar_noun& bars) {
  double all = 0;
  std::string parts;
  for (const chart_series& s : c.series) {
    double total = 0;
    for (const double v : s.values) total += v;
    all += total;
    parts += (parts.empty() ? "" : ", ") + review_detail::number(total, lang) + " " + s.name;
  }
  std::string out = review_detail::number(all, lang) + " " + c.unit;
  if (!parts.empty()) out += ": " + parts;
  const std::size_t n = c.categories.size();
  return out + " (" + review_detail::number(static_cast<double>(n), lang) + " " +
         say(lang, bars.vi, n == 1 ? bars.en_one : bars.en_many) + ")";
}

// --- burn-ups -------------------------------------------------------------------------------

// The level a target starts from: its baseline, else 0.
double start_level(const target& t) { return t.baseline.value_or(0); }

// The expected line: the start level on the first day to the goal level on the last
// (expected_by days and at_end), or through the planned levels of a phased target; none
// for a limit or a range, which has no level to reach.
std::vector<chart_point> expected_line(const target& t, const target_result& r) {
  if (t.kind == target_kind::milestone) {
    return {{t.span.first(), 0},
            {t.span.last(), static_cast<double>(std::max<std::size_t>(t.checklist.size(), 1))}};
  }
  if (t.goal == goal_kind::at_most || t.goal == goal_kind::within) return {};
  std::vector<chart_point> line{{t.span.first(), start_level(t)}};
  for (const sub_period_result& sub : r.sub_periods) {
    if (sub.planned) line.push_back({sub.span.last(), *sub.planned});
  }
  if (line.size() == 1)
    line.push_back({t.span.last(), goal_level(t.goal, t.goal_value, start_level(t))});
  return line;
}

// "3 lần cập nhật từ 31/03/2020 đến 31/12/2020; giá trị cuối 948 điểm trường (đạt)".
std::string burn_up_description(review_writer& w, target_id id, const chart& c) {
  const language lang = w.lang();
  const chart_series& actual = c.series.front();
  const auto day = [&](date d) { return format_date(d, lang, date_style::numeric); };
  const std::string n = review_detail::number(static_cast<double>(actual.points.size()), lang);
  std::string out =
      n + say(lang, " lần cập nhật", actual.points.size() == 1 ? " check-in" : " check-ins");
  if (actual.points.size() > 1) {
    out += say(lang, " từ ", " from ") + day(actual.points.front().day) +
           say(lang, " đến ", " to ") + day(actual.points.back().day);
  } else {
    out += say(lang, " ngày ", " on ") + day(actual.points.front().day);
  }
  out += say(lang, "; giá trị cuối ", "; last value ") + w.value(id, actual.points.back().value) +
         " (" + w.status(id).text + ")";
  if (c.goal) out += say(lang, "; mục tiêu ", "; goal ") + w.value(id, *c.goal);
  return out;
}

}  // namespace

std::vector<chart> review_writer::burn_ups(const std::vector<target_id>& ids) {
  std::vector<target_id> drawn;
  for (const target_id id : ids) {
    const target_kind k = plan_->brief(id).kind;
    if (is_numeric_kind(k) || k == target_kind::milestone) drawn.push_back(id);
  }
  const std::vector<detail::check_ins> histories =
      detail::actual_histories(*plan_, drawn, day_number(ev_->as_of()));
  std::vector<chart> out;
  for (std::size_t k = 0; k < drawn.size(); ++k) {
    if (histories[k].empty()) continue;
    const target_id id = drawn[k];
    const target t = plan_->get(id);
    const target_result r = ev_->target(id);
    const bool fraction = review_detail::is_fraction(t);
    chart& c = out.emplace_back();
    c.kind = chart_kind::burn_up;
    c.title = name(id);  // its period is the time axis
    c.unit = fraction                           ? "%"
             : t.kind == target_kind::milestone ? say(lang_, "bước", "steps")
             : t.kind == target_kind::money     ? t.currency  // its code, as the plan keeps it
                                                : unit(id);
    c.entity = id;
    c.span = t.span;
    chart_series& actual = c.series.emplace_back();
    actual = {say(lang_, "Thực hiện", "Actual"),
              colour_of(ev_->status_definitions()[ev_->status_indices()[id.index()]]),
              series_style::line,
              "actual",
              {},
              {}};
    for (const auto& [day, value] : histories[k])
      actual.points.push_back({from_day_number(day), value});
    if (auto line = expected_line(t, r); !line.empty()) {
      c.series.push_back({say(lang_, "Kế hoạch", "Expected"),
                          "#757575",
                          series_style::dashed,
                          "expected",
                          {},
                          std::move(line)});
      c.goal = c.series.back().points.back().value;
    } else if (t.kind != target_kind::milestone) {
      c.goal = t.goal_value;
    }
    if (r.forecast && actual.points.back().day < t.span.last()) {
      c.series.push_back({say(lang_, "Dự báo", "Forecast"),
                          builtin_colour(r.forecast->status),
                          series_style::dashed,
                          "forecast",
                          {},
                          {actual.points.back(), {t.span.last(), r.forecast->value}}});
    }
    c.description = burn_up_description(*this, id, c);
  }
  return out;
}

chart review_writer::status_bars(const std::vector<target_id>& ids,
                                 std::optional<collective_id> top) {
  collective_bars bars = bars_under(*this, top);
  const auto definitions = ev_->status_definitions();
  chart c;
  c.title =
      say(lang_, "Chỉ tiêu theo kết quả đánh giá, theo đơn vị", "Targets by status, per unit");
  c.unit = say(lang_, "chỉ tiêu", "targets");
  c.entity = top ? entity_ref(*top) : entity_ref();
  std::vector<std::vector<double>> counts(definitions.size(),
                                          std::vector<double>(bars.categories.size(), 0));
  for (const target_id id : ids) {
    const collective_id owner = plan_->brief(id).owner;
    // A target owned by `top` counts in its own bar, not in a child's.
    const int bar = bars.bar_of[owner.index()];
    if (bar >= 0) counts[ev_->status_indices()[id.index()]][static_cast<std::size_t>(bar)] += 1;
  }
  c.categories = std::move(bars.categories);
  for (std::size_t d = 0; d < definitions.size(); ++d) {
    const status_definition& def = definitions[d];
    c.series.push_back({lang_ == language::vi ? def.label_vi : def.label_en,
                        colour_of(def),
                        series_style::bar,
                        "status:" + def.code,
                        std::move(counts[d]),
                        {}});
  }
  drop_empty(c);
  c.description = totals_description(c, lang_, units);
  return c;
}

chart review_writer::rating_bars(round_id round, std::optional<collective_id> top) {
  collective_bars bars = bars_under(*this, top);
  const rating_round& r = plan_->get(round);
  const rating_scale& scale = plan_->get(r.scale());
  chart c;
  c.title = say(lang_, "Xếp loại cá nhân theo đơn vị, ", "Members by rating per unit, ") +
            format_period(r.rated_period(), lang_);
  c.unit = say(lang_, "cá nhân", "members");
  c.entity = round;
  std::vector<std::vector<double>> counts(scale.size(),
                                          std::vector<double>(bars.categories.size(), 0));
  const auto ranks = r.member_ranks();
  const auto member_collective = plan_->org().member_collectives();
  for (std::size_t m = 0; m < ranks.size(); ++m) {
    const int bar = bars.bar_of[member_collective[m].index()];
    if (ranks[m] < scale.size() && bar >= 0) counts[ranks[m]][static_cast<std::size_t>(bar)] += 1;
  }
  c.categories = std::move(bars.categories);
  // Best to worst across the statuses' colours from met to missed.
  static constexpr std::array palette{target_status::achieved, target_status::on_track,
                                      target_status::at_risk, target_status::off_track,
                                      target_status::missed};
  for (std::size_t level = 0; level < scale.size(); ++level) {
    // The level's place on the palette, rounded: best is the first colour, worst the last.
    const std::size_t shade =
        scale.size() == 1 ? 0
                          : static_cast<std::size_t>(
                                std::lround(static_cast<double>(level * (palette.size() - 1)) /
                                            static_cast<double>(scale.size() - 1)));
    c.series.push_back({scale.label(rating_level(static_cast<std::uint8_t>(level)), lang_),
                        builtin_colour(palette[shade]),
                        series_style::bar,
                        "rating:" + std::to_string(level),
                        std::move(counts[level]),
                        {}});
  }
  drop_empty(c);
  c.description = totals_description(c, lang_, units);
  return c;
}

chart review_writer::task_bars(const std::vector<program_id>& programs) {
  chart c;
  c.title = say(lang_, "Nhiệm vụ theo chương trình", "Tasks per program");
  c.unit = say(lang_, "nhiệm vụ", "tasks");
  struct figure_series {
    task_figure figure;
    target_status colour;
    std::string_view vi;
    std::string_view en;
  };
  static constexpr std::array figures{
      figure_series{task_figure::completed_on_time, target_status::achieved, "hoàn thành đúng hạn",
                    "completed on time"},
      figure_series{task_figure::completed_late, target_status::at_risk, "hoàn thành chậm",
                    "completed late"},
      figure_series{task_figure::not_yet_due, target_status::not_started, "chưa đến hạn",
                    "not yet due"},
      figure_series{task_figure::overdue, target_status::missed, "quá hạn", "overdue"}};
  for (const auto& f : figures) {
    c.series.push_back({say(lang_, f.vi, f.en),
                        builtin_colour(f.colour),
                        series_style::bar,
                        "tasks." + std::string(to_string(f.figure)),
                        {},
                        {}});
  }
  for (const program_id p : programs) {
    const task_tally& tally = ev_->program(p).cascade_tasks;
    if (tally.count(task_figure::assigned) == 0) continue;
    c.categories.push_back({name(p), p});
    for (std::size_t i = 0; i < figures.size(); ++i)
      c.series[i].values.push_back(tally.count(figures[i].figure));
  }
  drop_empty(c);
  c.description = totals_description(c, lang_, programs_noun);
  return c;
}

}  // namespace goaltrack
