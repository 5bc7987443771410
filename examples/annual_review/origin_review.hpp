#pragma once
/// @file
/// The origin document of goaltrack as a plan, and its review text.
///
/// The origin document is a Vietnamese news article (shared/origin/article-vi.txt): on
/// 21 January 2021 the Party Committee (Đảng bộ) of the provincial Department of
/// Education and Training (Sở GD-ĐT) reviewed its work of 2020 and launched its tasks
/// for 2021. build_origin_plan() models every fact of the article's table
/// "Facts the library must express"; render_review() evaluates the plan and writes the
/// review in Vietnamese or English, taking every figure from the plan and its
/// evaluation (never from a string literal), so a changed measurement changes the text.
///
/// Where the article gives no figure, the plan uses illustrative data, named here:
/// the goals of the 2020 targets that the article only reports as results, the school
/// network's baseline, the numerator and denominator behind 58.1%, the exact amount
/// behind "nearly 47 million", the members of the five cells, the titles and dates of
/// the fifteen tasks, and the whole of 2021's results (a rating round decided in
/// December 2021 in which the 2021 targets are met).

#include <cstdint>
#include <string>
#include <string_view>

#include "goaltrack/goaltrack.hpp"

namespace origin {

/// Stable codes of the entities of the origin plan.
namespace codes {
// Collectives.
inline constexpr std::string_view provincial_party = "TU";       ///< Tỉnh ủy
inline constexpr std::string_view provincial_people = "UBND";    ///< UBND tỉnh
inline constexpr std::string_view department = "SGDDT";          ///< Sở GD-ĐT
inline constexpr std::string_view party_committee = "DB-SGDDT";  ///< Đảng bộ Sở GD-ĐT
inline constexpr std::string_view cell_kind = "cell";            ///< kind of the chi bộ
// Programs.
inline constexpr std::string_view program_190 = "CTr-190";  ///< No. 190-CTr/TU
inline constexpr std::string_view program_02 = "CTr-02";    ///< No. 02/CTr-UBND
inline constexpr std::string_view department_plan_190 = "KH-SGDDT-190-2020";
inline constexpr std::string_view department_plan_02 = "KH-SGDDT-02-2020";
inline constexpr std::string_view plan_2021 = "PHNV-2021";  ///< directions for 2021
// Targets.
inline constexpr std::string_view school_sites = "diem-truong-2020";
inline constexpr std::string_view prize_winners = "hsg-2019-2020";
inline constexpr std::string_view upper_secondary = "vao-thpt-2020";
inline constexpr std::string_view tet_fund = "tet-vi-nguoi-ngheo-2021";
inline constexpr std::string_view dropout = "bo-hoc-vung-cao-2021";
inline constexpr std::string_view happy_school = "truong-hoc-hanh-phuc-2021";
inline constexpr std::string_view members_good = "dang-vien-htt-2021";
inline constexpr std::string_view cells_good = "chi-bo-htt-2021";
// The evaluation policy of the review (review_policy()), kept in the plan.
inline constexpr std::string_view review_policy = "review";
// The rating scale (goaltrack::rating_scale::vietnamese_default()).
inline constexpr std::string_view scale = "vn4";
}  // namespace codes

/// Illustrative figures the article does not give (see the file comment).
namespace assumed {
inline constexpr double school_sites_before = 1046;       ///< school sites on 1 January 2020
inline constexpr double prize_goal = 600;                 ///< goal for prize winners
inline constexpr double upper_secondary_goal = 0.55;      ///< goal for the transition rate
inline constexpr double upper_secondary_entrants = 7412;  ///< 7,412 / 12,757 = 58.1%
inline constexpr double lower_secondary_graduates = 12757;
inline constexpr double tet_goal_vnd = 40'000'000;          ///< goal of the Tết fund
inline constexpr std::int64_t tet_raised_vnd = 46'850'000;  ///< "gần 47 triệu đồng"
}  // namespace assumed

/// The article's dates: the review conference (the headline says "năm 2021" but the
/// body reviews 2020, a slip real documents contain) and the period it reviews.
goaltrack::date review_date();      ///< 2021-01-21, the as-of date of the review
goaltrack::period review_period();  ///< the year 2020
goaltrack::period plan_period();    ///< the year 2021, of the directions and targets
/// The day 2021's results are evaluated: 2021-12-31 (illustrative, after the 2021
/// rating round decided on 2021-12-28).
goaltrack::date follow_up_date();

/// The origin document as a plan: the two provincial action programs and the
/// department's plans that carry them out, the 15 planned and 2 supplementary tasks,
/// the organisation (province, department, party committee, 5 cells, 36 members), the
/// 2020 and 2021 targets with their measurements, and the 2020 and 2021 rating rounds.
goaltrack::plan build_origin_plan();

/// The policy of the review's evaluation: the defaults, plus the rating summary that
/// counts who was rated excellent in 2020 (those awarded a Giấy khen).
/// @throws goaltrack::not_found when the plan has no vn4 scale or no 2020 round.
goaltrack::evaluation_policy review_policy(const goaltrack::plan& p);

/// Evaluates the plan as of review_date() with review_policy(), kept in the plan as
/// codes::review_policy.
goaltrack::evaluation evaluate_review(const goaltrack::plan& p);
/// Evaluates the plan as of follow_up_date() (for 2021's results).
goaltrack::evaluation evaluate_follow_up(const goaltrack::plan& p);

/// Who was rated "Hoàn thành xuất sắc nhiệm vụ" (excellent) in the 2020 round.
struct excellent_count {
  std::uint32_t collectives = 0;  ///< collectives rated excellent
  std::uint64_t individuals = 0;  ///< members rated excellent
};
/// Counts the 2020 excellent ratings from the rating summary of `review`.
/// @throws goaltrack::not_found when `review` was not evaluated with review_policy().
excellent_count count_excellent(const goaltrack::plan& p, const goaltrack::evaluation& review);

/// The number of cells (collectives of kind codes::cell_kind) directly under the party
/// committee, read from the organisation: the "5" of "5/5 chi bộ".
std::uint32_t cell_count(const goaltrack::plan& p);

/// The review as a document in `lang`: goaltrack::annual_review of review_period() as of
/// `review` (evaluated with review_policy()) under the conference's title, and a section
/// with the results of the 2021 directions as of `follow_up` (as of follow_up_date()).
/// @throws goaltrack::not_found when an entity of the origin plan is missing.
goaltrack::document review_document(const goaltrack::plan& p, const goaltrack::evaluation& review,
                                    const goaltrack::evaluation& follow_up,
                                    goaltrack::language lang);
/// The review text in `lang` (render_text of review_document), from `review` (as of review_date(),
/// evaluated with review_policy()) and `follow_up` (as of follow_up_date()).
/// @throws goaltrack::not_found when an entity of the origin plan is missing.
std::string render_review(const goaltrack::plan& p, const goaltrack::evaluation& review,
                          const goaltrack::evaluation& follow_up, goaltrack::language lang);
/// Evaluates the plan as of both dates and renders the review in `lang`.
std::string render_review(const goaltrack::plan& p, goaltrack::language lang);

}  // namespace origin
