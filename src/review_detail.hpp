#pragma once
// Private: the pieces of the review sentences (review.hpp), shared by the writer and the
// compositions.

#include <cstdint>
#include <string>
#include <string_view>

#include "goaltrack/review.hpp"

namespace goaltrack::review_detail {

/// The text in the review's language: the Vietnamese and the English side by side, so
/// that every phrase is written once with its translation.
inline std::string say(language lang, std::string_view vi, std::string_view en) {
  return std::string(lang == language::vi ? vi : en);
}

/// The text with its first letter lower-cased (ASCII), to continue a sentence:
/// describe_tasks' "Hoàn thành 15/15 ..." after "Sở GD-ĐT: ".
std::string lower_first(std::string text);

/// Whether the target's values are fractions written as percentages: ratios, member
/// shares, and the unit "%" (a dropout rate of 0.0136 is 1,36%).
bool is_fraction(const target& t);
/// A number with the fewest decimals (0 to 2) that write it exactly, else 2: "1.046",
/// "12,5", "0,33".
std::string number(double v, language lang);
/// A fraction as a percentage with the fewest decimals (0 to 2) that write it exactly,
/// else 1: "100%", "58,1%", "1,36%".
std::string percent(double fraction, language lang);

/// "hoàn thành 15/15 nhiệm vụ và 2 nhiệm vụ bổ sung" (describe_tasks, continuing a
/// sentence), with the deadline figures when a deadline was missed.
figure tasks_figure(review_writer& w, const entity_ref& owner, const task_tally& tally);
/// Appends the target's figure by kind (review_writer::result).
void add_figure(review_writer& w, paragraph& out, const target& t, const target_result& r);
/// While the target's period runs: "; progress 45%, expected by now 50%".
void add_pace(review_writer& w, paragraph& out, const target& t, const target_result& r);
/// The goal in words: "ít nhất 600 học sinh", "100% được xếp loại ... trở lên"; "" for a
/// milestone without a checklist.
std::string goal_text(review_writer& w, const target& t, const target_result& r);

}  // namespace goaltrack::review_detail
