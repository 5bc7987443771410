#pragma once
/// @file
/// The plan: the one object that owns an organisation's whole tracking world — its
/// collectives and members, rating scales and rounds, programs, tasks, targets and
/// measurements. Entities refer to each other by typed ids (ids.hpp). Every add_* and
/// set_* checks its input first and either succeeds or throws leaving the plan exactly
/// as it was (the strong guarantee), with a message that names the entity at fault.
///
/// Every kind of entity can be added one at a time or in bulk (add_tasks, add_programs,
/// ...: all or nothing, faster for many), found by its code in expected constant time
/// whatever the codes are, and listed in id order (scales(), rounds(), programs(),
/// tasks(), targets(), policies(); the organisation's through org()).
///
/// A plan is a value: copyable, movable and comparable. Concurrent reads (several
/// evaluations at once) are safe; writes need exclusive access. A moved-from plan is
/// empty.

#include <iterator>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/assessment.hpp"
#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/label.hpp"
#include "goaltrack/measurement.hpp"
#include "goaltrack/note.hpp"
#include "goaltrack/organization.hpp"
#include "goaltrack/policy.hpp"
#include "goaltrack/program.hpp"
#include "goaltrack/rating.hpp"
#include "goaltrack/rollup.hpp"
#include "goaltrack/target.hpp"
#include "goaltrack/task.hpp"

namespace goaltrack {
namespace detail {
struct plan_data;
struct plan_access;
}  // namespace detail

class plan;

/// A rating round to open: plan::add_round's arguments, for plan::add_rounds.
struct GOALTRACK_API round_spec {
  scale_id scale;                  ///< the scale the ratings are on
  period rated_period;             ///< the period they assess
  std::optional<date> decided_on;  ///< default: the period's last day
  friend bool operator==(const round_spec&, const round_spec&) = default;
};

/// A plan's targets in id order, read-only: each element is a copy of the target
/// (targets are stored as columns, not as target objects). Valid while the plan lives
/// and gets no new target.
class GOALTRACK_API target_list {
 public:
  /// An input iterator over the targets; dereferencing makes the copy.
  class iterator {
   public:
    using iterator_category = std::input_iterator_tag;
    using value_type = target;
    using difference_type = std::ptrdiff_t;
    using reference = target;
    using pointer = void;
    iterator() = default;
    [[nodiscard]] target operator*() const;
    iterator& operator++() noexcept {
      ++row_;
      return *this;
    }
    iterator operator++(int) noexcept {
      iterator old = *this;
      ++row_;
      return old;
    }
    friend bool operator==(const iterator& a, const iterator& b) noexcept {
      return a.row_ == b.row_;
    }

   private:
    friend class target_list;
    iterator(const plan* p, std::size_t row) noexcept : plan_(p), row_(row) {}
    const plan* plan_ = nullptr;
    std::size_t row_ = 0;
  };

  [[nodiscard]] std::size_t size() const noexcept { return size_; }
  [[nodiscard]] bool empty() const noexcept { return size_ == 0; }
  [[nodiscard]] iterator begin() const noexcept { return {plan_, 0}; }
  [[nodiscard]] iterator end() const noexcept { return {plan_, size_}; }
  /// A copy of target i. @throws not_found when i >= size().
  [[nodiscard]] target operator[](std::size_t i) const;

 private:
  friend class plan;
  target_list(const plan* p, std::size_t n) noexcept : plan_(p), size_(n) {}
  const plan* plan_;
  std::size_t size_;
};

/// What bulk readers need of a target, without copying it (plan::brief): views into the
/// plan, valid while it is not changed.
struct GOALTRACK_API target_brief {
  std::string_view code;             ///< its stable code
  std::string_view title;            ///< what it aims at
  std::string_view unit;             ///< its unit of measure
  collective_id owner;               ///< the collective responsible
  period span = period::year(2020);  ///< the period over which it is to be reached
  target_kind kind = target_kind::quantity;
};

/// An organisation's programs, tasks, targets, ratings and measurements.
class GOALTRACK_API plan {
 public:
  /// An empty plan.
  plan();
  ~plan();
  plan(const plan& other);
  plan(plan&& other) noexcept;
  plan& operator=(const plan& other);
  plan& operator=(plan&& other) noexcept;

  // --- organisation ------------------------------------------------------------------
  /// Collectives and members; add them here directly (organization checks them).
  [[nodiscard]] organization& org();
  [[nodiscard]] const organization& org() const noexcept;

  // --- rating scales and rounds ------------------------------------------------------
  /// Adds a scale. @throws duplicate_error when its code is taken.
  scale_id add_scale(const rating_scale& scale);
  /// Adds many scales, as add_scale on each in order; all or nothing.
  /// @return the id of the first; the scales get consecutive ids.
  scale_id add_scales(std::span<const rating_scale> scales);
  /// The scale with this code, if any.
  [[nodiscard]] std::optional<scale_id> find_scale(std::string_view code) const noexcept;
  [[nodiscard]] std::size_t scale_count() const noexcept;
  /// Every scale, in id order.
  [[nodiscard]] std::span<const rating_scale> scales() const noexcept;
  /// @throws not_found for an unknown id.
  [[nodiscard]] const rating_scale& get(scale_id id) const;

  /// Opens the round of ratings on `scale` for `rated_period`, decided on `decided_on`
  /// (default: the period's last day); evaluations as of earlier days ignore it.
  /// @throws not_found for an unknown scale; duplicate_error when the scale already has
  ///         a round for that period.
  round_id add_round(scale_id scale, const period& rated_period,
                     std::optional<date> decided_on = std::nullopt);
  /// Opens many rounds, as add_round on each in order; all or nothing.
  /// @return the id of the first; the rounds get consecutive ids.
  round_id add_rounds(std::span<const round_spec> specs);
  /// The round of `scale` for exactly `rated_period`, if any.
  [[nodiscard]] std::optional<round_id> find_round(scale_id scale,
                                                   const period& rated_period) const noexcept;
  [[nodiscard]] std::size_t round_count() const noexcept;
  /// Every round, in id order.
  [[nodiscard]] std::span<const rating_round> rounds() const noexcept;
  /// @throws not_found for an unknown id.
  [[nodiscard]] const rating_round& get(round_id id) const;
  /// Records (or replaces) a member's rating in a round.
  /// @throws not_found for an unknown round or member; invalid_argument when the level
  ///         is not on the round's scale.
  void rate(round_id round, member_id member, rating_level level);
  /// Records (or replaces) a collective's rating in a round; errors as for members.
  void rate(round_id round, collective_id collective, rating_level level);
  /// Records many members' ratings at once; all or nothing.
  void rate(round_id round, std::span<const member_id> members,
            std::span<const rating_level> levels);

  // --- programs and tasks ------------------------------------------------------------
  /// Adds a program. @throws invalid_argument for an empty code; duplicate_error when
  ///         the code is taken; not_found for an unknown owner or parent program.
  program_id add_program(const program& p);
  /// Adds many programs, as add_program on each in order (a parent may be an earlier
  /// program of the batch, by the id it will get); all or nothing.
  /// @return the id of the first; the programs get consecutive ids.
  program_id add_programs(std::span<const program> programs);
  [[nodiscard]] std::optional<program_id> find_program(std::string_view code) const noexcept;
  [[nodiscard]] std::size_t program_count() const noexcept;
  /// Every program, in id order.
  [[nodiscard]] std::span<const program> programs() const noexcept;
  /// @throws not_found for an unknown id.
  [[nodiscard]] const program& get(program_id id) const;

  /// Adds a task. @throws invalid_argument for an empty code, a weight that is not
  ///         finite and positive, or a history out of date order; duplicate_error when
  ///         the code is taken; not_found for an unknown program or owner.
  task_id add_task(const task& t);
  /// Adds many tasks, as add_task on each in order; all or nothing.
  /// @return the id of the first; the tasks get consecutive ids.
  task_id add_tasks(std::span<const task> tasks);
  /// Records that a task's status became `status` on day `on`.
  /// @throws not_found for an unknown task; invalid_argument when `on` is before the
  ///         task's last recorded change.
  void set_task_status(task_id id, task_status status, date on);
  [[nodiscard]] std::optional<task_id> find_task(std::string_view code) const noexcept;
  [[nodiscard]] std::size_t task_count() const noexcept;
  /// Every task, in id order.
  [[nodiscard]] std::span<const task> tasks() const noexcept;
  /// @throws not_found for an unknown id.
  [[nodiscard]] const task& get(task_id id) const;

  // --- targets and measurements ------------------------------------------------------
  /// Adds a target after target::validate() and checking its references.
  /// @throws as target::validate; duplicate_error when the code is taken; not_found
  ///         for an unknown owner, program or scale; invalid_argument for a rating
  ///         level not on the scale.
  target_id add_target(const target& t);
  /// Adds many targets, as add_target on each in order; all or nothing (on error, none
  /// is added). Faster for many: their codes are indexed together. @return the id of
  /// the first; the targets get consecutive ids.
  target_id add_targets(std::span<const target> targets);
  [[nodiscard]] std::optional<target_id> find_target(std::string_view code) const noexcept;
  /// The targets with these codes, in the order of `codes` (none where no target has the
  /// code): find_target of each code, faster for many codes, as their memory reads are
  /// overlapped. For bulk loaders of measurements.
  [[nodiscard]] std::vector<std::optional<target_id>> find_targets(
      std::span<const std::string_view> codes) const;
  [[nodiscard]] std::size_t target_count() const noexcept;
  /// Every target, in id order (copies made as they are read).
  [[nodiscard]] target_list targets() const noexcept { return {this, target_count()}; }
  /// A copy of the target. @throws not_found for an unknown id.
  [[nodiscard]] target get(target_id id) const;
  /// The target's code, title, unit, owner, period and kind, without a copy: for readers
  /// of every target (a national plan's million). @throws not_found for an unknown id.
  [[nodiscard]] target_brief brief(target_id id) const;

  /// Adds one measurement.
  /// @throws not_found for an unknown target; invalid_argument naming the target when
  ///         the value or denominator is not finite, a ratio's denominator is not > 0,
  ///         a count or amount is not a whole number, a milestone value is outside
  ///         0..items, the target is a rating target, or the day is outside the
  ///         supported years.
  void add_measurement(const measurement& m);
  /// Adds many measurements from columns of equal length (denominators: empty, or one
  /// per row, used by ratio targets). All or nothing; errors as add_measurement's,
  /// naming the row. `days` are day numbers (goaltrack::day_number).
  void add_measurements(std::span<const target_id> targets, std::span<const std::int32_t> days,
                        std::span<const double> values, std::span<const double> denominators = {});
  /// As above, from columns the plan takes over: when it has no measurements yet they
  /// become its columns without a copy (a bulk loader's columns then cost no second
  /// copy); otherwise they are appended. All or nothing; errors as above. `columns` is
  /// left empty on success and unchanged on error.
  void add_measurements(measurement_columns&& columns);
  /// As above, with dates.
  void add_measurements(std::span<const target_id> targets, std::span<const date> dates,
                        std::span<const double> values, std::span<const double> denominators = {});
  /// Makes room for `count` more measurements before a bulk load in batches, so that the
  /// columns are allocated once instead of growing (and being copied) batch after batch.
  /// Changes no content.
  void reserve_measurements(std::size_t count);
  [[nodiscard]] const measurement_table& measurements() const noexcept;
  /// Sets the source and note of the measurement in row `row` (its order of addition),
  /// replacing any it had; both empty removes them. For bulk loaders, which add values
  /// with add_measurements and then their sparse annotations (measurement_table::annotations).
  /// @throws not_found when row >= measurements().size().
  void annotate_measurement(std::size_t row, std::string source, std::string note);

  // --- assessments ------------------------------------------------------------------
  /// Adds a judgement of a target made by hand (assessment.hpp).
  /// @throws not_found for an unknown target; invalid_argument naming the target when the
  ///         date is not a day of the supported years, the status is empty, the score is not
  ///         finite, or a text is not UTF-8.
  void add_assessment(const assessment& a);
  /// Every assessment, in the order added.
  [[nodiscard]] std::span<const assessment> assessments() const noexcept;

  // --- alignment --------------------------------------------------------------------
  /// Counts a target or a program (an objective) toward program `a.parent` with weight
  /// `a.weight`, besides its own program or parent (rollup.hpp): the roll-up rules read it
  /// as one more child of the parent, a weighted DAG over programs and targets.
  /// @throws not_found for an unknown target, program or parent; invalid_argument naming
  ///         the child and the parent when neither or both of target and program are set,
  ///         the weight is not finite and > 0, or the child counts toward the parent
  ///         already (its own program or parent, or an earlier alignment); cycle_error
  ///         naming the programs of the cycle a program's alignment would close.
  void add_alignment(const alignment& a);
  /// Adds many alignments, as add_alignment on each in order; all or nothing. Each call
  /// takes time O(n log n) in the plan's alignments (the check for repeats sorts them all):
  /// add many at once.
  void add_alignments(std::span<const alignment> batch);
  /// Every alignment, in the order added.
  [[nodiscard]] std::span<const alignment> alignments() const noexcept;

  // --- names in each language (label.hpp) --------------------------------------------
  /// Gives an entity's name or title, or a target's unit, in a language.
  /// @throws invalid_argument when none or several of the ids are set, or (naming the
  ///         entity) the text is empty or not UTF-8, or a unit is labelled for an entity
  ///         other than a target or a target without a unit; not_found for an unknown
  ///         entity; duplicate_error naming the entity when it has that part's label in
  ///         that language.
  void add_label(const entity_label& l);
  /// Adds many labels, as add_label on each in order; all or nothing.
  void add_labels(std::span<const entity_label> batch);
  /// Every label, in the order added.
  [[nodiscard]] std::span<const entity_label> labels() const noexcept;
  /// The label of `entity` in `lang`, if it has one (none for members and rounds).
  [[nodiscard]] std::optional<std::string_view> label(
      const entity_ref& entity, language lang, label_part part = label_part::name) const noexcept;
  /// The entity's stable code: a round's is its scale's code and its period ("vn4 2020").
  /// @throws not_found for an unknown entity; invalid_argument for std::monostate.
  [[nodiscard]] std::string code(const entity_ref& entity) const;
  /// The entity's own name or title, in the plan's language: a collective's or member's
  /// name, a program's, task's or target's title, a round's code.
  /// @throws as code.
  [[nodiscard]] std::string_view name(const entity_ref& entity) const;
  /// How a report in `lang` names the entity: its label in `lang`, else its own name (then
  /// `fallback`). @throws as code.
  [[nodiscard]] localized_name name_in(const entity_ref& entity, language lang) const;
  /// How a report in `lang` writes a target's unit: its unit label in `lang`, else
  /// target::unit (then `fallback`, unless the unit is empty). @throws not_found for an
  /// unknown target.
  [[nodiscard]] localized_name unit_in(target_id target, language lang) const;

  // --- notes of spreadsheet rows (note.hpp) -----------------------------------------
  /// Keeps the note of a row of a spreadsheet file (import_csv keeps the dialect's notes
  /// columns so, and export_csv writes them back).
  /// @throws invalid_argument (naming the row and the column) when the ids do not name one
  ///         row (see row_note), the column or the text is empty or not UTF-8, or a rating's
  ///         member or collective is not rated in the round; not_found for an unknown entity
  ///         or a measurement row >= measurements().size(); duplicate_error when the row has a
  ///         note in that column.
  void add_note(const row_note& n);
  /// Adds many notes, as add_note on each in order; all or nothing.
  void add_notes(std::span<const row_note> batch);
  /// Every note, in the order added. A file's note columns are exported in the order their
  /// first notes were added.
  [[nodiscard]] std::span<const row_note> notes() const noexcept;
  /// The text of the note on the row and in the column that `where` names (its text is not
  /// read), if there is one.
  [[nodiscard]] std::optional<std::string_view> note(const row_note& where) const noexcept;

  // --- evaluation policies ----------------------------------------------------------
  /// Keeps a policy under `code`, for evaluate(plan, as_of, code) and for saving with the
  /// plan. @throws invalid_argument for an empty code or an invalid policy (as
  ///         evaluation_policy::validate); duplicate_error when the code is taken;
  ///         not_found when a rating summary names an unknown round, or a roll-up override
  ///         a program or collective the plan does not have.
  policy_id add_policy(std::string code, evaluation_policy policy);
  /// Keeps many policies, as add_policy on each in order; all or nothing.
  /// @return the id of the first.
  policy_id add_policies(std::span<const named_policy> policies);
  /// The policy kept under `code`. @throws not_found naming the code.
  [[nodiscard]] const evaluation_policy& policy(std::string_view code) const;
  /// The policy kept under `code`, if any.
  [[nodiscard]] std::optional<policy_id> find_policy(std::string_view code) const noexcept;
  [[nodiscard]] std::size_t policy_count() const noexcept;
  /// Every policy, in id order.
  [[nodiscard]] std::span<const named_policy> policies() const noexcept;

  friend GOALTRACK_API bool operator==(const plan& a, const plan& b);

 private:
  friend struct detail::plan_access;
  // The data, or an empty plan's after a move.
  [[nodiscard]] const detail::plan_data& data() const noexcept;
  [[nodiscard]] detail::plan_data& data_for_write();
  // "note 'X' of target 'T1'": where note n is. @throws as add_note, for its row.
  [[nodiscard]] std::string note_place(const row_note& n) const;
  void check_measurement(std::size_t row, target_id t, std::int32_t day, double value,
                         double denominator) const;
  bool check_measurement_rows(std::span<const target_id> targets,
                              std::span<const std::int32_t> days, std::span<const double> values,
                              std::span<const double> denominators) const;
  void add_measurement_rows(std::span<const target_id> targets, std::span<const std::int32_t> days,
                            std::span<const double> values, std::span<const double> denominators,
                            const measurement* annotated);

  std::unique_ptr<detail::plan_data> data_;
};

}  // namespace goaltrack
