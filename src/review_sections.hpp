#pragma once
// Private: the sections the reviews share (review.hpp), each left out when it has
// nothing to say.

#include <initializer_list>
#include <string>

#include "review_scope.hpp"

namespace goaltrack::review_detail {

/// A document titled "{subject}: {title}" (capitalised without a subject), with the as-of
/// date as its preface.
document open_document(review_writer& w, const review_options& options, const std::string& title);

/// A review being composed: its writer, its scope, and its document titled `heading` and
/// the span ("báo cáo tổng kết " + "năm 2020"). Owners are named when titles repeat.
struct composition {
  composition(const plan& p, const evaluation& ev, const review_options& options, review_kind kind,
              const std::string& heading);
  /// The document, with the entities named by their own name.
  document finish() &&;

  review_writer w;
  review_scope scope;
  document doc;
};
/// The programs overlapping the span: each root with its cascade's tasks and targets, and
/// the programs that carry it out under it.
/// With options.chart_limit, a chart of the roots' cascades' tasks (review_writer::task_bars).
void add_programs(document& doc, review_writer& w, const review_scope& scope,
                  const review_options& options);
/// The tasks of each collective that owns some, with the supplementary tasks completed.
void add_tasks(document& doc, review_writer& w, const review_scope& scope,
               const review_options& options);
/// The charts of the targets `ids`, up to options.chart_limit (none at 0): their statuses
/// per unit (review_writer::status_bars), then the burn-ups of the first of them.
void add_target_charts(section& s, review_writer& w, const review_scope& scope,
                       const review_options& options, const std::vector<target_id>& ids);
/// The targets overlapping the span: counts by status, then each one's result, then
/// their charts (add_target_charts).
void add_results(document& doc, review_writer& w, const review_scope& scope,
                 const review_options& options, const std::string& heading);
/// The ratings of the rounds for the span: members and collectives by level, and with
/// options.chart_limit, a chart of the members' levels per unit (review_writer::rating_bars).
void add_ratings(document& doc, review_writer& w, const review_scope& scope,
                 const review_options& options);
/// The evaluation's rating summaries of the rounds for the span.
void add_recognition(document& doc, review_writer& w, const review_scope& scope);
/// Targets of the span with one of `statuses`, and overdue tasks; "none" when none.
void add_shortcomings(document& doc, review_writer& w, const review_scope& scope,
                      const review_options& options, const std::string& heading,
                      std::initializer_list<target_status> statuses);
/// What is left: the targets of the span not yet closed, and the tasks not completed.
void add_remaining(document& doc, review_writer& w, const review_scope& scope,
                   const review_options& options);
/// "— " for a cell without a value.
inline constexpr std::string_view no_value = "—";
/// "Overdue task: title (due 31/12/2020)" items for these tasks.
void add_overdue(section& s, review_writer& w, const std::vector<task_id>& overdue,
                 const review_options& options);
/// The tasks owned in scope that are overdue as of the evaluation's date.
std::vector<task_id> overdue_tasks(const review_writer& w, const review_scope& scope);

}  // namespace goaltrack::review_detail
