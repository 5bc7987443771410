// The annual and mid-year reviews (review.hpp), and the sections every review shares.
#include "goaltrack/review.hpp"

#include <array>
#include <string>

#include "enum_codes.hpp"
#include "goaltrack/report.hpp"
#include "review_detail.hpp"
#include "review_scope.hpp"
#include "review_sections.hpp"

namespace goaltrack {

using review_detail::say;

namespace {
constexpr detail::code_list<review_kind, 4> kind_codes{{{review_kind::annual, "annual"},
                                                        {review_kind::midyear, "midyear"},
                                                        {review_kind::quarterly, "quarterly"},
                                                        {review_kind::comparison, "comparison"}}};
}  // namespace

std::string_view to_string(review_kind kind) noexcept { return detail::code_of(kind_codes, kind); }
review_kind parse_review_kind(std::string_view code) {
  return detail::parse_code(kind_codes, code, "review kind");
}

period review_span(review_kind kind, date as_of) {
  const auto ymd = as_of.year_month_day();
  const int year = static_cast<int>(ymd.year);
  switch (kind) {
    case review_kind::annual:
      return period::year(ymd.month == 12 && ymd.day == 31 ? year : year - 1);
    case review_kind::midyear:
      return period::half_year(year, 1);
    case review_kind::quarterly:
      return period::quarter(year, (static_cast<int>(ymd.month) + 2) / 3);
    case review_kind::comparison:
      break;
  }
  return period::year(year);
}

document annual_review(const plan& p, const evaluation& ev, const review_options& options) {
  using namespace review_detail;
  const language lang = options.lang;
  composition c(p, ev, options, review_kind::annual,
                say(lang, "báo cáo tổng kết ", "annual review of "));
  add_programs(c.doc, c.w, c.scope, options);
  add_tasks(c.doc, c.w, c.scope, options);
  add_results(c.doc, c.w, c.scope, options,
              say(lang, "Các chỉ tiêu ", "Targets for ") + format_period(c.scope.span(), lang));
  add_ratings(c.doc, c.w, c.scope, options);
  add_recognition(c.doc, c.w, c.scope);
  add_shortcomings(c.doc, c.w, c.scope, options, say(lang, "Tồn tại, hạn chế", "Shortcomings"),
                   {target_status::missed, target_status::off_track});
  const std::vector<target_id> next = c.scope.targets_after_span();
  if (!next.empty()) {
    section& s = c.doc.add_section(say(lang, "Chỉ tiêu, nhiệm vụ thời gian tới", "Targets ahead"));
    add_listed(s, next, options.list_limit, lang, "chỉ tiêu", "targets",
               [&](target_id t) { return c.w.goal(t); });
  }
  return std::move(c).finish();
}

document midyear_review(const plan& p, const evaluation& ev, const review_options& options) {
  using namespace review_detail;
  const language lang = options.lang;
  composition c(p, ev, options, review_kind::midyear,
                say(lang, "báo cáo sơ kết ", "mid-year review: "));
  add_programs(c.doc, c.w, c.scope, options);
  add_tasks(c.doc, c.w, c.scope, options);
  add_results(c.doc, c.w, c.scope, options,
              say(lang, "Thực hiện các chỉ tiêu", "Progress on the targets"));
  add_shortcomings(c.doc, c.w, c.scope, options, say(lang, "Tồn tại, hạn chế", "Shortcomings"),
                   {target_status::missed, target_status::off_track, target_status::at_risk});
  add_remaining(c.doc, c.w, c.scope, options);
  return std::move(c).finish();
}

}  // namespace goaltrack
