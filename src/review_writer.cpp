// The sentences of the reviews (review.hpp): names, a target's values in its unit, its
// result and its goal, and task figures, each figure tagged with its entity and value.
#include <algorithm>
#include <cmath>
#include <cstdint>
#include <string>

#include "goaltrack/error.hpp"
#include "goaltrack/report.hpp"
#include "goaltrack/review.hpp"
#include "review_detail.hpp"

namespace goaltrack {

using review_detail::say;

review_writer::review_writer(const plan& p, const evaluation& ev, language lang,
                             language names_language)
    : plan_(&p), ev_(&ev), lang_(lang), names_(names_language) {
  if (ev.target_count() != p.target_count()) {
    throw invalid_argument("review: the evaluation is not of this plan (" +
                           std::to_string(ev.target_count()) + " targets, the plan has " +
                           std::to_string(p.target_count()) + ")");
  }
}

void review_writer::note_fallback(const entity_ref& entity, const localized_name& n) {
  if (!n.fallback || lang_ == names_) return;
  if (std::find(fallbacks_.begin(), fallbacks_.end(), entity) == fallbacks_.end())
    fallbacks_.push_back(entity);
}

std::string review_writer::name(const entity_ref& entity) {
  localized_name n = plan_->name_in(entity, lang_);
  // An entity without a name or title (bulk-loaded targets often have none) is named by
  // its code, as a fallback.
  if (n.text.empty()) n = {plan_->code(entity), true};
  note_fallback(entity, n);
  return std::move(n.text);
}

std::string review_writer::unit(target_id id) {
  localized_name n = plan_->unit_in(id, lang_);
  note_fallback(id, n);
  return std::move(n.text);
}

std::string review_writer::value(target_id id, double v) {
  const target t = plan_->get(id);
  if (t.kind == target_kind::money) return approximate_money(std::llround(v), t.currency, lang_);
  if (review_detail::is_fraction(t)) return review_detail::percent(v, lang_);
  std::string number = review_detail::number(v, lang_);
  if (t.kind == target_kind::milestone || t.unit.empty()) return number;
  return number + " " + unit(id);
}

figure review_writer::status(target_id id) const {
  const std::uint16_t index = ev_->status_indices()[id.index()];
  const status_definition& d = ev_->status_definitions()[index];
  return {lang_ == language::vi ? d.label_vi : d.label_en, id, "status", std::nullopt};
}

paragraph review_writer::titled(const target& t, target_id id, const std::optional<period>& span,
                                std::uint8_t list_level) {
  std::string where = owners_named_ ? name(t.owner) : "";
  if (!span || !(t.span == *span))
    where += (where.empty() ? "" : ", ") + format_period(t.span, lang_);
  paragraph out;
  out.list_level = list_level;
  out.add(name(id) + (where.empty() ? "" : " (" + where + ")"));
  return out;
}

paragraph review_writer::result(target_id id, const std::optional<period>& span,
                                std::uint8_t list_level) {
  const target t = plan_->get(id);
  const target_result r = ev_->target(id);
  paragraph out = titled(t, id, span, list_level);
  if (r.actual) {
    out.add(": ");
    review_detail::add_figure(*this, out, t, r);
    review_detail::add_pace(*this, out, t, r);
  }
  out.add(" — ").add(status(id)).add(".");
  return out;
}

paragraph review_writer::goal(target_id id, const std::optional<period>& span,
                              std::uint8_t list_level) {
  const target t = plan_->get(id);
  const target_result r = ev_->target(id);
  paragraph out = titled(t, id, span, list_level);
  const std::string aim = review_detail::goal_text(*this, t, r);
  if (!aim.empty()) out.add(say(lang_, ": phấn đấu ", ": aim for ")).add({aim, id, "goal", {}});
  // What is already reached, once there is something to judge.
  if (r.actual && r.status != target_status::no_data && r.status != target_status::not_started) {
    out.add("; ");
    review_detail::add_figure(*this, out, t, r);
    out.add(" — ").add(status(id));
  }
  out.add(".");
  return out;
}

paragraph review_writer::tasks(const entity_ref& owner, const task_tally& tally,
                               std::uint8_t list_level) {
  paragraph out;
  out.list_level = list_level;
  out.add(name(owner) + ": ").add(review_detail::tasks_figure(*this, owner, tally)).add(".");
  return out;
}

void review_writer::finish(document& doc) const {
  for (const entity_ref& e : fallbacks_) {
    if (std::find(doc.fallbacks.begin(), doc.fallbacks.end(), e) == doc.fallbacks.end())
      doc.fallbacks.push_back(e);
  }
}

}  // namespace goaltrack
