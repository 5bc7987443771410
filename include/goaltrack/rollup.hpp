#pragma once
/// @file
/// Roll-up rules as data: how a program or collective gets a status of its own from its
/// children's, and how a target or objective counts toward several programs (alignment).
///
/// The children of a program are its own targets (target::program), the programs that
/// implement it (program::parent) and what is aligned to it (alignment); those of a
/// collective are the targets it owns and its child collectives. Each child has a weight:
/// a target its target::weight toward its owner and its program, an alignment its own,
/// a child program or collective 1. A child is counted unless its status's category is
/// excluded by the rule (not_started and no_data by default); a program or collective that
/// counts no child is not_started when every child is, else no_data.
///
/// | method         | score                          | status                                |
/// |----------------|--------------------------------|---------------------------------------|
/// | weighted_mean  | sum w s / sum w over counted   | judged as a target is (evaluation.hpp |
/// |                | children with a score          | rules 4-9, the policy's bands), with  |
/// |                |                                | expected = sum w e / sum w, closed    |
/// |                |                                | when every counted child is achieved  |
/// |                |                                | or missed                             |
/// | worst          | the chosen child's             | the worst counted child's (rank below,|
/// |                |                                | then the lower score)                 |
/// | best           | the chosen child's             | the best counted child's              |
/// | latest         | the chosen child's             | that of the counted child whose period|
/// |                |                                | ends last (a tie: the last child)     |
/// | all_achieved   | a / k, k(n) = n                | achieved when a >= k(n); missed when  |
/// | share_achieved | a / k, k(n) = ceil(n x share)  | m - missed < k(m), m all children     |
/// | count_achieved | a / k, k(n) = required_count   | (even were every child not yet final  |
/// |                |                                | achieved, too few); else on_track     |
/// |                |                                | when a + (on_track, within_so_far) >= |
/// |                |                                | k, at_risk when that + at_risk >= k,  |
/// |                |                                | else off_track                        |
///
/// with s a child's score (a target's clamped progress, none not started or within so far;
/// a program's or collective's rule score, clamped), e its expected progress, n the
/// children counted and a those achieved. A rule that finds no score to average
/// (weighted_mean over children without progress, such as limits met so far) takes its
/// worst counted child's status. Worst to best, statuses rank: missed, off_track, no_data,
/// at_risk, not_started, on_track, within_so_far, achieved (by their category; a policy's
/// own status keeps its code: "red because its worst target is red").
///
/// Sources: Perdoo ("the status of an Objective is the weakest status of its Key Results,
/// excluding those without a status"), Cascade (an objective's progress is the average of
/// its key results', or their weighted average), Spider Impact (a weighted average that
/// ignores children without data), Ally.io (status roll-up rules), DHIS2 (a share of
/// reporting units). The tests reproduce their worked examples.

#include <cstdint>
#include <string>
#include <string_view>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"
#include "goaltrack/target.hpp"

namespace goaltrack {

/// How a parent's status comes from its children's (the table above).
enum class rollup_method : std::uint8_t {
  weighted_mean,   ///< the weighted mean score, judged as a target's progress is
  worst,           ///< the worst child's status ("worst wins")
  best,            ///< the best child's status
  all_achieved,    ///< achieved when every counted child is
  share_achieved,  ///< achieved when a share of the counted children are
  count_achieved,  ///< achieved when at least k of the counted children are ("k/n")
  latest,          ///< the status of the child whose period ends last
};
/// The stable code of a method ("weighted_mean", ...).
GOALTRACK_API std::string_view to_string(rollup_method m) noexcept;
/// The method with this code. @throws parse_error naming the text.
GOALTRACK_API rollup_method parse_rollup_method(std::string_view code);

/// A roll-up rule: a method and its settings, under a code a policy and its overrides
/// name. Every method is also a built-in rule whose code is the method's, with the
/// defaults below (builtin_rollup_rule).
struct GOALTRACK_API rollup_rule {
  std::string code;  ///< unique stable code within its policy, e.g. "four_of_five"
  rollup_method method = rollup_method::weighted_mean;  ///< how the status comes
  bool exclude_not_started = true;                      ///< children not started are not counted
  bool exclude_no_data = true;                          ///< children without data are not counted
  share required_share = share::percent(100);           ///< share_achieved: the share to reach
  std::uint32_t required_count = 1;                     ///< count_achieved: k, at least 1
  friend bool operator==(const rollup_rule&, const rollup_rule&) = default;
};

/// The code of no rule: a policy whose rollup is "none" gives programs and collectives no
/// status of their own (counts and means only); no rule may have it.
inline constexpr std::string_view no_rollup = "none";

/// The built-in rule of a method: its code, its defaults.
GOALTRACK_API rollup_rule builtin_rollup_rule(rollup_method m);

/// What an override applies to.
enum class rollup_scope : std::uint8_t {
  program,     ///< a program, by its code
  collective,  ///< a collective, by its code
};
/// The stable code of a scope ("program", "collective").
GOALTRACK_API std::string_view to_string(rollup_scope s) noexcept;
/// The scope with this code. @throws parse_error naming the text.
GOALTRACK_API rollup_scope parse_rollup_scope(std::string_view code);

/// A program or collective that rolls up by another rule than its policy's default.
struct GOALTRACK_API rollup_override {
  rollup_scope scope = rollup_scope::program;  ///< a program or a collective
  std::string code;                            ///< the program's or collective's code
  std::string rule;                            ///< a built-in rule's code or one of the policy's
  friend bool operator==(const rollup_override&, const rollup_override&) = default;
};

/// A target or a program (an objective) that counts toward a program besides its own
/// program or parent, with a weight: the edges of a weighted DAG (plan::add_alignment).
/// Exactly one of `target` and `program` is set.
struct GOALTRACK_API alignment {
  target_id target;     ///< the target that counts toward `parent`, or none
  program_id program;   ///< the program that counts toward `parent`, or none
  program_id parent;    ///< the program it counts toward
  double weight = 1.0;  ///< its weight in the parent's weighted mean (finite, > 0)
  friend bool operator==(const alignment&, const alignment&) = default;
};

}  // namespace goaltrack
