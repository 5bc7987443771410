#pragma once
/// @file
/// Reviews composed from an evaluation, as documents (document.hpp) in Vietnamese or
/// English, and the sentences they are made of, for a review of one's own.
///
/// - annual_review (báo cáo tổng kết năm): programs with their cascade; tasks k/n with
///   supplementary, late and overdue; the year's targets with figure and status; ratings;
///   recognition; shortcomings (missed, off track, overdue); the next targets.
/// - midyear_review (báo cáo sơ kết 6 tháng): the same for the half year, progress against
///   where it should be, and what is left to do.
/// - quarterly_review (báo cáo quý): a table of the quarter's targets (actual, progress,
///   expected, status), tasks, and what needs attention.
/// - comparison_review (so với cùng kỳ): two as-of dates side by side, each target's value
///   and status then and now, and tasks.
///
///     const evaluation ev = evaluate(p, make_date(2021, 1, 21));
///     review_options options;
///     options.lang = language::en;
///     const document doc = annual_review(p, ev, options);  // reviews 2020
///     std::cout << render_text(doc);
///
/// Every figure of the document keeps the entity and the evaluation value it writes
/// ("actual", "status", "tasks", ...). An entity is named by its label in the review's
/// language (label.hpp), else by its own name, and is then listed in
/// document::fallbacks unless the plan's names are in that language.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/document.hpp"
#include "goaltrack/evaluation.hpp"
#include "goaltrack/export.hpp"
#include "goaltrack/language.hpp"
#include "goaltrack/plan.hpp"

namespace goaltrack {

/// The reviews composed from an evaluation.
enum class review_kind : std::uint8_t {
  annual,      ///< báo cáo tổng kết năm
  midyear,     ///< báo cáo sơ kết 6 tháng
  quarterly,   ///< a quarter's check-in
  comparison,  ///< two as-of dates side by side ("so với cùng kỳ")
};
/// The kind's code: "annual", "midyear", "quarterly", "comparison".
GOALTRACK_API std::string_view to_string(review_kind kind) noexcept;
/// The kind with this code. @throws parse_error naming the text.
GOALTRACK_API review_kind parse_review_kind(std::string_view code);

/// What a review covers and how it is written.
struct GOALTRACK_API review_options {
  language lang = language::vi;  ///< the language it is written in
  /// The language of the plan's own names and titles: an entity without a label in
  /// `lang` is listed in document::fallbacks unless `lang` is this one.
  language names_language = language::vi;
  /// The period reviewed; none: review_span(kind, as_of).
  std::optional<period> span;
  /// Whose review: the collective's subtree (targets, tasks, programs and ratings owned
  /// there); none: the whole plan.
  std::optional<collective_id> subject;
  /// The most items a list names (targets, tasks); the rest are counted ("and 12 more").
  std::size_t list_limit = 100;
  /// The most burn-up charts a review draws (review_writer::burn_ups), for the targets it
  /// lists first; 0 draws no chart at all (nor the bar charts).
  std::size_t chart_limit = 12;
};

/// The period a review of `kind` covers by default as of `as_of`. annual: the last
/// calendar year ended by `as_of` (its own year on 31 December, else the year before);
/// midyear: the first half of `as_of`'s year; quarterly: the quarter holding `as_of`;
/// comparison: the calendar year holding `as_of`.
GOALTRACK_API period review_span(review_kind kind, date as_of);

/// The annual review (báo cáo tổng kết) of the options' span, as of `ev`'s date:
/// 1. programs overlapping the span (roots, then the programs that carry them out), each
///    with its cascade's tasks and targets achieved; 2. tasks per collective that owns
///    some (supplementary, late and overdue; supplementary tasks completed listed);
/// 3. the targets overlapping the span, counted by status, each with its figure and
///    status; 4. the ratings of the rounds for the span, by level; 5. recognition: the
///    evaluation's rating summaries of those rounds; 6. shortcomings: targets missed or
///    off track, overdue tasks; 7. the targets that start after the span, with their goals
///    and what is already reached. A section with nothing to say is left out, but for
///    shortcomings ("none").
/// @throws not_found for an unknown subject; invalid_argument when `ev` is of another plan
///         (a target count that differs).
[[nodiscard]] GOALTRACK_API document annual_review(const plan& p, const evaluation& ev,
                                                   const review_options& options = {});
/// The mid-year review (báo cáo sơ kết 6 tháng): programs, tasks, the targets overlapping
/// the span with their progress against expected progress, shortcomings (at risk, off
/// track, missed, overdue), and what is left: the targets not yet closed and the tasks
/// not yet completed. @throws as annual_review.
[[nodiscard]] GOALTRACK_API document midyear_review(const plan& p, const evaluation& ev,
                                                    const review_options& options = {});
/// A quarter's check-in: a table of the targets overlapping the span (target, period,
/// actual, progress, expected progress, status), the tasks per collective, and what needs
/// attention (at risk, off track, missed, overdue). @throws as annual_review.
[[nodiscard]] GOALTRACK_API document quarterly_review(const plan& p, const evaluation& ev,
                                                      const review_options& options = {});
/// Two as-of dates side by side ("so với cùng kỳ"): a table of the targets overlapping the
/// span (the options' span, by default the year of `now`) with their value and status as
/// of `before` and as of `now`, and the change; a target whose period does not hold
/// `before`'s date is compared with the target of the same indicator and owner whose
/// period does (last year's). Then each collective's tasks completed at both dates.
/// @throws as annual_review, for either evaluation.
[[nodiscard]] GOALTRACK_API document comparison_review(const plan& p, const evaluation& now,
                                                       const evaluation& before,
                                                       const review_options& options = {});

/// The sentences of the reviews, for a review of one's own: names in the review's
/// language, a target's values in its unit, its result, its goal, and task figures, each
/// figure tagged with its entity and value. It remembers the entities it had to name by
/// their own name (finish() hands them to the document).
class GOALTRACK_API review_writer {
 public:
  /// Writes about `ev` (an evaluation of `p`) in `lang`; the plan's own names are in
  /// `names_language`. Keeps references: `p` and `ev` must outlive it.
  review_writer(const plan& p, const evaluation& ev, language lang,
                language names_language = language::vi);

  [[nodiscard]] language lang() const noexcept { return lang_; }
  [[nodiscard]] const plan& source() const noexcept { return *plan_; }
  [[nodiscard]] const evaluation& results() const noexcept { return *ev_; }

  /// The entity's name in the review's language (plan::name_in); its code when it has no
  /// name at all.
  std::string name(const entity_ref& entity);
  /// The target's unit in the review's language (plan::unit_in); "" when it has none.
  std::string unit(target_id id);
  /// A value of the target as the review writes it: a percentage for ratios, member shares
  /// and the unit "%" (values are fractions: 0.0136 is "1,36%"), money approximated
  /// ("gần 47 triệu đồng"), else the number with its unit ("623 học sinh").
  std::string value(target_id id, double v);
  /// The target's status in words: its policy status's label, or status_label.
  [[nodiscard]] figure status(target_id id) const;

  /// Whether result() and goal() name the target's owner beside its period ("Huy động trẻ
  /// (Huyện Bắc, năm 2021)"); the compositions do when two of their targets have one title.
  void name_owners(bool on) noexcept { owners_named_ = on; }

  /// "Title: figure — status." The figure by kind: the change and both levels for a goal
  /// by an amount ("giảm 98 điểm trường (từ 1.046 xuống 948)"), the value and its parts
  /// for ratios and ratings ("58,1% (7.412/12.757)"), approximate and exact money, steps
  /// done ("3/4 bước"), a direction's last level and day and where it started; while the
  /// target's period runs, its progress and expected progress. "Title — no data." without
  /// a value. The target's period is named when it is not `span`, and its owner when
  /// name_owners() is on.
  paragraph result(target_id id, const std::optional<period>& span = std::nullopt,
                   std::uint8_t list_level = 1);
  /// "Title: aim for at least 600 students." with what is already reached when there is
  /// a value ("; gần 47 triệu đồng (46.850.000 đồng) — đạt").
  paragraph goal(target_id id, const std::optional<period>& span = std::nullopt,
                 std::uint8_t list_level = 1);
  /// "Name: completed 15/15 tasks and 2 supplementary tasks" (describe_tasks with the
  /// deadline figures) for a collective's or program's tally.
  paragraph tasks(const entity_ref& owner, const task_tally& tally, std::uint8_t list_level = 1);

  /// Burn-ups (chart.hpp) of the numeric and milestone targets among `ids` with check-ins
  /// in their period by the evaluated day, in the order of `ids`. Each draws the actual
  /// after each such day (coloured as the target's status), the expected line from the
  /// start level (the baseline, else 0) to the goal level over the period (through the
  /// planned levels of a time-phased target; none for a limit or a range), the forecast
  /// from the last check-in to the period's end when the evaluation has one (coloured as
  /// the forecast's status), and the goal. One pass over the measurements for them all.
  std::vector<chart> burn_ups(const std::vector<target_id>& ids);
  /// The targets `ids` counted by status: a bar for `top`'s own targets and one per child
  /// of `top` for its subtree's (without `top`: one per root), bars without targets left
  /// out; a series per status that occurs, in the order of the evaluation's status
  /// definitions and coloured as they are (a policy status without a colour as its
  /// category).
  chart status_bars(const std::vector<target_id>& ids, std::optional<collective_id> top);
  /// The members rated in `round` by level, bars as status_bars' (members of `top` itself,
  /// then each child's subtree); a series per level of the round's scale, best first,
  /// coloured from the achieved status's green to the missed status's red.
  chart rating_bars(round_id round, std::optional<collective_id> top);
  /// The tasks of each program's cascade by deadline figure (task_tally.hpp): completed on
  /// time, completed late, not yet due, overdue; programs without assigned tasks left out.
  chart task_bars(const std::vector<program_id>& programs);

  /// The entities named by their own name so far, in the order first named.
  [[nodiscard]] const std::vector<entity_ref>& fallbacks() const noexcept { return fallbacks_; }
  /// Adds the fallbacks to the document's (each once).
  void finish(document& doc) const;

 private:
  void note_fallback(const entity_ref& entity, const localized_name& n);
  // "Title (owner, period)" as a paragraph to continue.
  paragraph titled(const target& t, target_id id, const std::optional<period>& span,
                   std::uint8_t list_level);

  const plan* plan_;
  const evaluation* ev_;
  language lang_;
  language names_;
  std::vector<entity_ref> fallbacks_;
  bool owners_named_ = false;
};

}  // namespace goaltrack
