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
  review_writer w(p, ev, options.lang, options.names_language);
  const review_scope scope(p, ev, options, review_kind::annual);
  w.name_owners(scope.titles_repeat());
  const language lang = options.lang;
  document doc = open_document(
      w, options,
      say(lang, "báo cáo tổng kết ", "annual review of ") + format_period(scope.span(), lang));
  add_programs(doc, w, scope);
  add_tasks(doc, w, scope, options);
  add_results(doc, w, scope, options,
              say(lang, "Các chỉ tiêu ", "Targets for ") + format_period(scope.span(), lang));
  add_ratings(doc, w, scope);
  add_recognition(doc, w, scope);
  add_shortcomings(doc, w, scope, options, say(lang, "Tồn tại, hạn chế", "Shortcomings"),
                   {target_status::missed, target_status::off_track});
  const std::vector<target_id> next = scope.targets_after_span();
  if (!next.empty()) {
    section& s = doc.add_section(say(lang, "Chỉ tiêu, nhiệm vụ thời gian tới", "Targets ahead"));
    add_listed(s, next, options.list_limit, lang, "chỉ tiêu", "targets",
               [&](target_id t) { return w.goal(t); });
  }
  w.finish(doc);
  return doc;
}

document midyear_review(const plan& p, const evaluation& ev, const review_options& options) {
  using namespace review_detail;
  review_writer w(p, ev, options.lang, options.names_language);
  const review_scope scope(p, ev, options, review_kind::midyear);
  w.name_owners(scope.titles_repeat());
  const language lang = options.lang;
  document doc = open_document(
      w, options,
      say(lang, "báo cáo sơ kết ", "mid-year review: ") + format_period(scope.span(), lang));
  add_programs(doc, w, scope);
  add_tasks(doc, w, scope, options);
  add_results(doc, w, scope, options,
              say(lang, "Thực hiện các chỉ tiêu", "Progress on the targets"));
  add_shortcomings(doc, w, scope, options, say(lang, "Tồn tại, hạn chế", "Shortcomings"),
                   {target_status::missed, target_status::off_track, target_status::at_risk});
  add_remaining(doc, w, scope, options);
  w.finish(doc);
  return doc;
}

}  // namespace goaltrack
