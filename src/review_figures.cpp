// A target's figure, pace and goal in words (review_detail.hpp).
#include <cmath>
#include <cstdint>
#include <string>

#include "goaltrack/report.hpp"
#include "review_detail.hpp"

namespace goaltrack::review_detail {
namespace {

// The fewest decimals, up to `most`, that write `v` exactly (to a relative 1e-9, the
// noise of a computed fraction); none when even `most` do not.
std::optional<int> exact_decimals(double v, int most) {
  double scaled = v;
  for (int d = 0; d <= most; ++d, scaled *= 10) {
    if (std::fabs(scaled - std::round(scaled)) <= 1e-9 * std::max(1.0, std::fabs(scaled))) return d;
  }
  return std::nullopt;
}

std::string count_text(double v, language lang) { return format_number(v, 0, lang); }

// "7.412/12.757": the parts of a ratio or rating as counts.
std::string parts(const target_result& r, language lang) {
  return number(*r.numerator, lang) + "/" + number(*r.denominator, lang);
}

// The collectives a collective_count target counts, read from the organisation: the
// number its "all" means before the round is decided.
std::uint32_t counted_collectives(const plan& p, const target& t) {
  const organization& org = p.org();
  std::uint32_t n = 0;
  for (std::size_t c = 0; c < org.collective_count(); ++c) {
    const collective_id id(static_cast<collective_id::value_type>(c));
    if (id == t.owner) continue;
    const bool below = t.rating.scope == rating_scope::subtree ? org.in_subtree(id, t.owner)
                                                               : org.parent(id) == t.owner;
    n +=
        below && (t.rating.counted_kind.empty() || org.kind(id) == t.rating.counted_kind) ? 1U : 0U;
  }
  return n;
}

// "hoàn thành tốt nhiệm vụ" in a sentence; quoted in English: "“well completed tasks”".
std::string level_words(const plan& p, const target& t, language lang) {
  const std::string label = lower_first(p.get(t.rating.scale).label(t.rating.level, lang));
  return lang == language::vi ? label : "“" + label + "”";
}

// "được xếp loại hoàn thành tốt nhiệm vụ trở lên" / "rated “well completed tasks” or above".
std::string rated_at_or_above(const plan& p, const target& t, language lang) {
  return say(lang, "được xếp loại ", "rated ") + level_words(p, t, lang) +
         say(lang, " trở lên", " or above");
}

// A level without its unit, as the levels in "(từ 1.046 xuống 948)" are written.
std::string level(const target& t, double v, language lang) {
  return is_fraction(t) ? percent(v, lang) : number(v, lang);
}

// A goal by an amount, or a level moved from the baseline: "giảm 98 điểm trường (từ 1.046
// xuống 948)" / "down by 98 school sites (from 1,046 to 948)".
void add_change(review_writer& w, paragraph& out, const target& t, target_id id, double actual) {
  const language lang = w.lang();
  const double before = *t.baseline;
  const bool down = actual < before;
  out.add(down ? say(lang, "giảm ", "down by ") : say(lang, "tăng ", "up by "))
      .add({w.value(id, std::fabs(actual - before)), id, "change", actual - before})
      .add(say(lang, " (từ ", " (from "))
      .add({level(t, before, lang), id, "baseline", before})
      .add(down ? say(lang, " xuống ", " to ") : say(lang, " lên ", " to "))
      .add({level(t, actual, lang), id, "actual", actual})
      .add(")");
}

}  // namespace

std::string lower_first(std::string text) {
  if (!text.empty() && text[0] >= 'A' && text[0] <= 'Z') text[0] = static_cast<char>(text[0] + 32);
  return text;
}

bool is_fraction(const target& t) {
  return t.kind == target_kind::ratio || t.kind == target_kind::member_share || t.unit == "%";
}

std::string number(double v, language lang) {
  return format_number(v, exact_decimals(v, 2).value_or(2), lang);
}

std::string percent(double fraction, language lang) {
  return format_percent(fraction, exact_decimals(fraction * 100, 2).value_or(1), lang);
}

figure tasks_figure(review_writer& w, const entity_ref& owner, const task_tally& tally) {
  // The deadline figures when a deadline was missed: all on time needs no rate.
  task_wording wording;
  wording.deadlines =
      tally.count(task_figure::overdue) + tally.count(task_figure::completed_late) > 0;
  return {lower_first(describe_tasks(tally, w.lang(), wording)), owner, "tasks",
          static_cast<double>(tally.count(task_figure::planned_completed))};
}

void add_figure(review_writer& w, paragraph& out, const target& t, const target_result& r) {
  const language lang = w.lang();
  const target_id id = r.target;
  const double a = *r.actual;
  const bool by_amount = t.goal == goal_kind::increase_by || t.goal == goal_kind::decrease_by;
  switch (t.kind) {
    case target_kind::quantity:
    case target_kind::money:
      if (by_amount && t.baseline) return add_change(w, out, t, id, a);
      out.add({w.value(id, a), id, "actual", a});
      if (t.kind == target_kind::money) {
        const std::string exact = format_money(std::llround(a), t.currency, lang);
        if (exact != w.value(id, a)) out.add(" (" + exact + ")");
      }
      return;
    case target_kind::ratio:
    case target_kind::member_share:
      out.add({w.value(id, a), id, "actual", a});
      if (r.numerator && r.denominator) out.add(" (" + parts(r, lang) + ")");
      return;
    case target_kind::collective_count:
      out.add({count_text(a, lang), id, "actual", a});
      if (r.denominator) out.add("/" + count_text(*r.denominator, lang));
      if (!t.unit.empty()) out.add(" " + w.unit(id));
      return;
    case target_kind::milestone: {
      const std::size_t steps = std::max<std::size_t>(t.checklist.size(), 1);
      out.add({number(a, lang), id, "actual", a})
          .add("/" + std::to_string(steps) + say(lang, " bước", steps == 1 ? " step" : " steps"));
      return;
    }
    case target_kind::direction:
      out.add({w.value(id, a), id, "actual", a});
      if (r.actual_date)
        out.add(" (" + format_date(*r.actual_date, lang, date_style::numeric) + ")");
      if (r.change) {
        const bool down = r.change->last < r.change->first;
        out.add(down ? say(lang, ", giảm từ ", ", down from ")
                     : say(lang, ", tăng từ ", ", up from "))
            .add({w.value(id, r.change->first), id, "change.first", r.change->first})
            .add(" (" + format_date(r.change->first_date, lang, date_style::numeric) + ")");
      }
      return;
  }
}

void add_pace(review_writer& w, paragraph& out, const target& t, const target_result& r) {
  const language lang = w.lang();
  if (!r.progress || w.results().as_of() >= t.span.last()) return;
  if (r.status == target_status::achieved || r.status == target_status::missed) return;
  out.add(say(lang, "; tiến độ ", "; progress "))
      .add({percent(*r.progress, lang), r.target, "progress", *r.progress})
      .add(say(lang, ", kế hoạch đến nay ", ", expected by now "))
      .add({percent(r.expected, lang), r.target, "expected", r.expected});
}

std::string goal_text(review_writer& w, const target& t, const target_result& r) {
  const language lang = w.lang();
  const target_id id = r.target;
  const auto v = [&](double x) { return w.value(id, x); };
  switch (t.kind) {
    case target_kind::milestone:
      if (t.checklist.empty()) return {};
      return std::to_string(t.checklist.size()) + say(lang, " bước", " steps");
    case target_kind::direction:
      return t.wanted == trend::decrease ? say(lang, "xu hướng giảm", "a falling trend")
                                         : say(lang, "xu hướng tăng", "a rising trend");
    case target_kind::member_share:
      return percent(t.rating.required_share.value(), lang) + " " +
             rated_at_or_above(w.source(), t, lang);
    case target_kind::collective_count: {
      const double whole = r.denominator ? *r.denominator : counted_collectives(w.source(), t);
      const std::string n = t.rating.all ? count_text(whole, lang) + "/" + count_text(whole, lang)
                                         : say(lang, "ít nhất ", "at least ") +
                                               std::to_string(t.rating.count) + "/" +
                                               count_text(whole, lang);
      return n + (t.unit.empty() ? "" : " " + w.unit(id)) + " " +
             rated_at_or_above(w.source(), t, lang);
    }
    default:
      break;
  }
  switch (t.goal) {
    case goal_kind::at_least:
      return say(lang, "ít nhất ", "at least ") + v(t.goal_value);
    case goal_kind::at_most:
      return say(lang, "không quá ", "at most ") + v(t.goal_value);
    case goal_kind::increase_to:
      return say(lang, "tăng lên ", "an increase to ") + v(t.goal_value);
    case goal_kind::decrease_to:
      return say(lang, "giảm xuống ", "a decrease to ") + v(t.goal_value);
    case goal_kind::increase_by:
      return say(lang, "tăng ", "an increase of ") + v(t.goal_value);
    case goal_kind::decrease_by:
      return say(lang, "giảm ", "a decrease of ") + v(t.goal_value);
    case goal_kind::within:
      return say(lang, "từ ", "between ") + v(t.goal_value) + say(lang, " đến ", " and ") +
             v(t.goal_high);
  }
  return {};
}

}  // namespace goaltrack::review_detail
