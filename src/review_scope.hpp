#pragma once
// Private: what a review covers (review.hpp): the period, the subject's subtree, and the
// targets, tasks, programs and rounds in it, read from the plan's columns.

#include <algorithm>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <optional>
#include <string>
#include <vector>

#include "goaltrack/report.hpp"
#include "goaltrack/review.hpp"

namespace goaltrack::review_detail {

/// The entities a review covers.
class review_scope {
 public:
  /// @throws not_found for an unknown subject.
  review_scope(const plan& p, const evaluation& ev, const review_options& options,
               review_kind kind);

  [[nodiscard]] const period& span() const noexcept { return span_; }
  /// Whose bars the charts draw (review_writer::status_bars): the subject, else the
  /// organisation's one root; none when it has several.
  [[nodiscard]] std::optional<collective_id> top() const;
  /// True when the collective is the subject or in its subtree (always without a subject).
  [[nodiscard]] bool owns(collective_id c) const;
  /// The targets owned in scope whose period overlaps the span, in id order.
  [[nodiscard]] const std::vector<target_id>& targets_in_span() const noexcept { return in_span_; }
  /// The targets owned in scope, of every period, in id order.
  [[nodiscard]] std::vector<target_id> targets_owned() const;
  /// The targets owned in scope whose period starts after the span, in id order.
  [[nodiscard]] std::vector<target_id> targets_after_span() const;
  /// True when two targets owned in scope (of any period) have the same title: the review
  /// names their owners to tell them apart.
  [[nodiscard]] bool titles_repeat() const;
  /// The programs owned in scope whose period overlaps the span and whose parent does not
  /// (or that have none): the roots of the cascades the review follows.
  [[nodiscard]] std::vector<program_id> root_programs() const;
  /// The programs that carry out `parent`, overlapping the span.
  [[nodiscard]] std::vector<program_id> children_of(program_id parent) const;
  /// The collectives in scope that own tasks assigned as of the evaluation, in id order.
  [[nodiscard]] std::vector<collective_id> task_owners() const;
  /// The tasks owned in scope for which `keep` holds, in id order.
  [[nodiscard]] std::vector<task_id> tasks_where(
      const std::function<bool(const task&)>& keep) const;
  /// The rounds whose period overlaps the span, decided by the evaluation's date.
  [[nodiscard]] std::vector<round_id> rounds() const;

 private:
  void mark_subtree();
  template <class Keep>
  [[nodiscard]] std::vector<target_id> targets_where(Keep keep) const;
  [[nodiscard]] bool overlaps(const period& other) const noexcept {
    return other.first() <= span_.last() && span_.first() <= other.last();
  }

  const plan& plan_;
  const evaluation& ev_;
  period span_;
  std::optional<collective_id> subject_;
  std::vector<std::uint8_t> owned_;  // with a subject: 1 for the collectives of its subtree
  std::vector<target_id> in_span_;   // scanned once: results, shortcomings and what is left read it
};

/// Appends to `s` the paragraph of each id, up to `limit`, then "… và 12 … khác" /
/// "… and 12 more" naming what the rest are.
template <class Id, class Make>
void add_listed(section& s, const std::vector<Id>& ids, std::size_t limit, language lang,
                std::string_view what_vi, std::string_view what_en, Make make) {
  const std::size_t shown = std::min(ids.size(), limit);
  for (std::size_t i = 0; i < shown; ++i) s.blocks.emplace_back(make(ids[i]));
  if (ids.size() == shown) return;
  const std::string rest = format_count(static_cast<std::int64_t>(ids.size() - shown), lang);
  s.add_paragraph(1).add(lang == language::vi
                             ? "… và " + rest + " " + std::string(what_vi) + " khác"
                             : "… and " + rest + " more " + std::string(what_en));
}

}  // namespace goaltrack::review_detail
