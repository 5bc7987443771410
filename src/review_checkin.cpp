// The quarterly check-in and the comparison of two dates (review.hpp): tables of targets.
#include <cmath>
#include <map>
#include <string>
#include <tuple>
#include <vector>

#include "goaltrack/report.hpp"
#include "goaltrack/review.hpp"
#include "review_detail.hpp"
#include "review_scope.hpp"
#include "review_sections.hpp"

namespace goaltrack {

using review_detail::say;

namespace {

paragraph cell(std::string text) {
  paragraph p;
  p.add(std::move(text));
  return p;
}
paragraph cell(figure f) {
  paragraph p;
  p.add(std::move(f));
  return p;
}

// The target's figure as a table cell; "—" without a value.
paragraph actual_cell(review_writer& w, target_id t) {
  const target_result r = w.results().target(t);
  if (!r.actual) return cell(std::string(review_detail::no_value));
  paragraph p;
  review_detail::add_figure(w, p, w.source().get(t), r);
  return p;
}

paragraph percent_cell(target_id t, const std::optional<double>& v, const char* value,
                       language lang) {
  if (!v) return cell(std::string(review_detail::no_value));
  return cell(figure{review_detail::percent(*v, lang), t, value, *v});
}

// Appends "… and 12 more targets" under a table cut at `limit` rows.
void note_rest(section& s, std::size_t total, std::size_t limit, language lang) {
  if (total <= limit) return;
  const std::string rest = format_count(static_cast<std::int64_t>(total - limit), lang);
  s.add_paragraph(1).add(
      say(lang, "… và " + rest + " chỉ tiêu khác", "… and " + rest + " more targets"));
}

// The target compared with `t` as of `before`: itself once its period has started, else the
// target of the same indicator and owner whose period holds that day (last year's).
class counterparts {
 public:
  counterparts(const plan& p, const std::vector<target_id>& owned) : plan_(p) {
    for (const target_id t : owned) {
      const target x = p.get(t);
      if (!x.indicator.empty()) by_indicator_[{x.indicator, x.owner}].push_back(t);
    }
  }
  [[nodiscard]] std::optional<target_id> of(target_id t, date before) const {
    const target x = plan_.get(t);
    if (x.span.first() <= before) return t;
    const auto found = by_indicator_.find({x.indicator, x.owner});
    if (x.indicator.empty() || found == by_indicator_.end()) return std::nullopt;
    for (const target_id u : found->second) {
      if (plan_.get(u).span.contains(before)) return u;
    }
    return std::nullopt;
  }

 private:
  const plan& plan_;
  std::map<std::pair<std::string, collective_id>, std::vector<target_id>> by_indicator_;
};

// "+12", "−2,3 điểm %" / "−2.3 pp": the change of a target's value between two dates.
std::string change_text(review_writer& w, target_id t, double change) {
  const language lang = w.lang();
  const std::string sign = change < 0 ? "\u2212" : "+";
  if (review_detail::is_fraction(w.source().get(t))) {
    return sign + review_detail::number(std::fabs(change) * 100, lang) +
           say(lang, " điểm %", " pp");
  }
  return sign + w.value(t, std::fabs(change));
}

// The targets of the span as of `now` beside their counterparts as of `then`.
void add_compared_targets(review_detail::composition& c, review_writer& then,
                          const review_options& options, const std::string& before_day,
                          const std::string& now_day) {
  using review_detail::no_value;
  const language lang = options.lang;
  const std::vector<target_id>& ids = c.scope.targets_in_span();
  if (ids.empty()) return;
  const counterparts previous(c.w.source(), c.scope.targets_owned());
  section& s = c.doc.add_section(say(lang, "Các chỉ tiêu", "Targets"));
  table& t = s.add_table({say(lang, "Chỉ tiêu", "Target"), before_day, now_day,
                          say(lang, "Thay đổi", "Change"), say(lang, "Tình trạng", "Status")});
  for (std::size_t i = 0; i < std::min(ids.size(), options.list_limit); ++i) {
    const target_id id = ids[i];
    const std::optional<target_id> old = previous.of(id, then.results().as_of());
    const std::optional<double> a = c.w.results().target(id).actual;
    paragraph change = cell(std::string(no_value));
    paragraph status;
    if (old) {
      const std::optional<double> b = then.results().target(*old).actual;
      if (a && b) change = cell(figure{change_text(c.w, id, *a - *b), id, "change", *a - *b});
      status.add(then.status(*old)).add(" → ");
    }
    status.add(c.w.status(id));
    t.add_row({cell(c.w.name(id)), old ? actual_cell(then, *old) : cell(std::string(no_value)),
               actual_cell(c.w, id), change, status});
  }
  note_rest(s, ids.size(), options.list_limit, lang);
}

// Each collective's tasks completed at both dates.
void add_compared_tasks(review_detail::composition& c, const evaluation& before,
                        const review_options& options, const std::string& before_day,
                        const std::string& now_day) {
  const language lang = options.lang;
  const std::vector<collective_id> owners = c.scope.task_owners();
  if (owners.empty()) return;
  const auto done = [&](const task_tally& k, const std::string& day) {
    return format_count(k.count(task_figure::completed), lang) + "/" +
           format_count(k.count(task_figure::assigned), lang) + say(lang, " ngày ", " on ") + day;
  };
  section& s = c.doc.add_section(say(lang, "Thực hiện nhiệm vụ", "Tasks"));
  review_detail::add_listed(
      s, owners, options.list_limit, lang, "đơn vị", "collectives", [&](collective_id owner) {
        const task_tally& x = c.w.results().collective(owner).own_tasks;
        const task_tally& y = before.collective(owner).own_tasks;
        paragraph out;
        out.list_level = 1;
        out.add(c.w.name(owner) + say(lang, ": nhiệm vụ hoàn thành ", ": tasks completed "))
            .add({done(x, now_day), owner, "tasks.completed",
                  static_cast<double>(x.count(task_figure::completed))})
            .add(" (")
            .add({done(y, before_day), owner, "tasks.completed.before",
                  static_cast<double>(y.count(task_figure::completed))})
            .add(").");
        return out;
      });
}

}  // namespace

document quarterly_review(const plan& p, const evaluation& ev, const review_options& options) {
  using namespace review_detail;
  const language lang = options.lang;
  composition c(p, ev, options, review_kind::quarterly, say(lang, "báo cáo ", "check-in: "));
  const std::vector<target_id>& ids = c.scope.targets_in_span();
  if (!ids.empty()) {
    section& s = c.doc.add_section(say(lang, "Các chỉ tiêu", "Targets"));
    table& t = s.add_table(
        lang == language::vi ? std::vector<std::string>{"Chỉ tiêu", "Thời hạn", "Kết quả",
                                                        "Tiến độ", "Kế hoạch đến nay", "Tình trạng"}
                             : std::vector<std::string>{"Target", "Period", "Actual", "Progress",
                                                        "Expected", "Status"});
    for (std::size_t i = 0; i < std::min(ids.size(), options.list_limit); ++i) {
      const target_id id = ids[i];
      const target_result r = ev.target(id);
      t.add_row({cell(c.w.name(id)), cell(format_period(p.get(id).span, lang)),
                 actual_cell(c.w, id), percent_cell(id, r.progress, "progress", lang),
                 percent_cell(id, r.expected, "expected", lang), cell(c.w.status(id))});
    }
    note_rest(s, ids.size(), options.list_limit, lang);
    add_target_charts(s, c.w, c.scope, options, ids);
  }
  add_tasks(c.doc, c.w, c.scope, options);
  add_shortcomings(c.doc, c.w, c.scope, options, say(lang, "Cần chú ý", "Needs attention"),
                   {target_status::missed, target_status::off_track, target_status::at_risk});
  return std::move(c).finish();
}

document comparison_review(const plan& p, const evaluation& now, const evaluation& before,
                           const review_options& options) {
  const language lang = options.lang;
  const std::string now_day = format_date(now.as_of(), lang, date_style::numeric);
  const std::string before_day = format_date(before.as_of(), lang, date_style::numeric);
  review_detail::composition c(p, now, options, review_kind::comparison,
                               say(lang, "so sánh ngày ", "comparison of ") + now_day +
                                   say(lang, " với ngày ", " with ") + before_day + ", ");
  review_writer then(p, before, lang, options.names_language);
  then.name_owners(c.scope.titles_repeat());
  add_compared_targets(c, then, options, before_day, now_day);
  add_compared_tasks(c, before, options, before_day, now_day);
  then.finish(c.doc);
  return std::move(c).finish();
}

}  // namespace goaltrack
