#include "goaltrack/target.hpp"

#include <algorithm>
#include <charconv>
#include <cmath>

#include "enum_codes.hpp"
#include "enum_names.hpp"
#include "goaltrack/error.hpp"
#include "schema.hpp"

namespace goaltrack {
namespace {

constexpr detail::code_list<target_kind, 7> kind_codes{{
    {target_kind::quantity, "quantity", "số lượng"},
    {target_kind::ratio, "ratio", "tỷ lệ|tỉ lệ"},
    {target_kind::money, "money", "số tiền|tiền"},
    {target_kind::milestone, "milestone", "mốc|cột mốc"},
    {target_kind::direction, "direction", "định hướng"},
    {target_kind::member_share, "member_share", "tỷ lệ thành viên|tỷ lệ đảng viên"},
    {target_kind::collective_count, "collective_count", "số tập thể|số đơn vị"},
}};
constexpr detail::code_list<goal_kind, 7> goal_codes{{
    {goal_kind::increase_to, "increase_to", "tăng lên"},
    {goal_kind::decrease_to, "decrease_to", "giảm xuống|giảm còn"},
    {goal_kind::increase_by, "increase_by", "tăng thêm"},
    {goal_kind::decrease_by, "decrease_by", "giảm bớt"},
    {goal_kind::at_least, "at_least", "ít nhất|tối thiểu"},
    {goal_kind::at_most, "at_most", "nhiều nhất|tối đa"},
    {goal_kind::within, "within", "trong khoảng"},
}};
constexpr detail::code_list<trend, 2> trend_codes{{
    {trend::increase, "increase", "tăng"},
    {trend::decrease, "decrease", "giảm"},
}};
constexpr detail::code_list<rating_scope, 2> scope_codes{{
    {rating_scope::direct, "direct", "trực tiếp"},
    {rating_scope::subtree, "subtree", "cả cây|toàn hệ thống"},
}};
constexpr detail::code_list<collective_criterion, 2> criterion_codes{{
    {collective_criterion::own_rating, "own_rating", "xếp loại tập thể"},
    {collective_criterion::member_share, "member_share", "tỷ lệ thành viên"},
}};

constexpr detail::code_list<aggregation, 8> aggregation_codes{{
    {aggregation::latest, "latest", "mới nhất"},
    {aggregation::latest_in_period, "latest_in_period", "mới nhất trong kỳ"},
    {aggregation::sum, "sum", "tổng|cộng dồn"},
    {aggregation::mean, "mean", "trung bình"},
    {aggregation::minimum, "minimum", "nhỏ nhất"},
    {aggregation::maximum, "maximum", "lớn nhất"},
    {aggregation::first, "first", "đầu tiên"},
    {aggregation::count, "count", "số lần"},
}};

constexpr detail::code_list<scoring_method, 5> scoring_codes{{
    {scoring_method::by_goal, "by_goal", "theo mục tiêu"},
    {scoring_method::percent_of_target, "percent_of_target", "phần trăm mục tiêu"},
    {scoring_method::distance_to_target, "distance_to_target", "khoảng cách mục tiêu"},
    {scoring_method::open_sdg, "open_sdg"},
    {scoring_method::compliance, "compliance", "tuân thủ"},
}};

constexpr detail::code_list<expectation, 4> expectation_codes{{
    {expectation::days, "days", "theo ngày"},
    {expectation::sub_periods, "sub_periods", "theo kỳ"},
    {expectation::plan, "plan", "theo kế hoạch"},
    {expectation::at_end, "at_end", "cuối kỳ"},
}};

constexpr detail::code_list<plan_basis, 2> plan_basis_codes{{
    {plan_basis::cumulative, "cumulative", "lũy kế|luỹ kế"},
    {plan_basis::per_sub_period, "per_sub_period", "từng kỳ"},
}};

constexpr detail::code_list<tree_aggregation, 5> tree_aggregation_codes{{
    {tree_aggregation::none, "none", "không"},
    {tree_aggregation::sum, "sum", "tổng"},
    {tree_aggregation::mean, "mean", "trung bình"},
    {tree_aggregation::minimum, "minimum", "nhỏ nhất"},
    {tree_aggregation::maximum, "maximum", "lớn nhất"},
}};

// Largest magnitude at which every whole number is exactly a double.
constexpr double max_exact_whole = 9007199254740992.0;  // 2^53

bool is_whole(double v) {
  return std::isfinite(v) && std::floor(v) == v && std::fabs(v) <= max_exact_whole;
}

}  // namespace

std::string_view to_string(target_kind k) noexcept { return detail::code_of(kind_codes, k); }
std::string_view detail::vi_name(target_kind k) noexcept {
  return detail::vi_name_of(kind_codes, k);
}
std::string_view to_string(goal_kind g) noexcept { return detail::code_of(goal_codes, g); }
std::string_view detail::vi_name(goal_kind g) noexcept { return detail::vi_name_of(goal_codes, g); }
std::string_view to_string(trend t) noexcept { return detail::code_of(trend_codes, t); }
std::string_view detail::vi_name(trend t) noexcept { return detail::vi_name_of(trend_codes, t); }
std::string_view to_string(rating_scope s) noexcept { return detail::code_of(scope_codes, s); }
std::string_view detail::vi_name(rating_scope s) noexcept {
  return detail::vi_name_of(scope_codes, s);
}
std::string_view to_string(collective_criterion c) noexcept {
  return detail::code_of(criterion_codes, c);
}
std::string_view detail::vi_name(collective_criterion c) noexcept {
  return detail::vi_name_of(criterion_codes, c);
}
target_kind parse_target_kind(std::string_view code) {
  return detail::parse_code(kind_codes, code, "target kind");
}
goal_kind parse_goal_kind(std::string_view code) {
  return detail::parse_code(goal_codes, code, "goal");
}
trend parse_trend(std::string_view code) { return detail::parse_code(trend_codes, code, "trend"); }
rating_scope parse_rating_scope(std::string_view code) {
  return detail::parse_code(scope_codes, code, "rating scope");
}
collective_criterion parse_collective_criterion(std::string_view code) {
  return detail::parse_code(criterion_codes, code, "collective criterion");
}
std::string_view to_string(aggregation a) noexcept { return detail::code_of(aggregation_codes, a); }
std::string_view detail::vi_name(aggregation a) noexcept {
  return detail::vi_name_of(aggregation_codes, a);
}
std::string_view to_string(scoring_method m) noexcept { return detail::code_of(scoring_codes, m); }
std::string_view detail::vi_name(scoring_method m) noexcept {
  return detail::vi_name_of(scoring_codes, m);
}
aggregation parse_aggregation(std::string_view code) {
  return detail::parse_code(aggregation_codes, code, "aggregation");
}
scoring_method parse_scoring_method(std::string_view code) {
  return detail::parse_code(scoring_codes, code, "scoring method");
}
std::string_view to_string(expectation e) noexcept { return detail::code_of(expectation_codes, e); }
std::string_view detail::vi_name(expectation e) noexcept {
  return detail::vi_name_of(expectation_codes, e);
}
std::string_view to_string(plan_basis b) noexcept { return detail::code_of(plan_basis_codes, b); }
std::string_view detail::vi_name(plan_basis b) noexcept {
  return detail::vi_name_of(plan_basis_codes, b);
}
std::string_view to_string(tree_aggregation a) noexcept {
  return detail::code_of(tree_aggregation_codes, a);
}
std::string_view detail::vi_name(tree_aggregation a) noexcept {
  return detail::vi_name_of(tree_aggregation_codes, a);
}
tree_aggregation parse_tree_aggregation(std::string_view code) {
  return detail::parse_code(tree_aggregation_codes, code, "tree aggregation");
}
expectation parse_expectation(std::string_view code) {
  return detail::parse_code(expectation_codes, code, "expectation");
}
plan_basis parse_plan_basis(std::string_view code) {
  return detail::parse_code(plan_basis_codes, code, "plan basis");
}

namespace {
target base(target_kind kind, std::string code, std::string title, collective_id owner,
            period span) {
  target t;
  t.kind = kind;
  t.code = std::move(code);
  t.title = std::move(title);
  t.owner = owner;
  t.span = span;
  return t;
}
}  // namespace

target target::quantity(std::string code, std::string title, collective_id owner, period span) {
  return base(target_kind::quantity, std::move(code), std::move(title), owner, span);
}

target target::ratio(std::string code, std::string title, collective_id owner, period span) {
  target t = base(target_kind::ratio, std::move(code), std::move(title), owner, span);
  t.unit = "%";
  return t;
}

target target::money(std::string code, std::string title, collective_id owner, period span,
                     std::string currency) {
  target t = base(target_kind::money, std::move(code), std::move(title), owner, span);
  t.unit = currency;
  t.currency = std::move(currency);
  t.whole_numbers = true;
  return t;
}

target target::milestone(std::string code, std::string title, collective_id owner, period span,
                         std::vector<std::string> checklist) {
  target t = base(target_kind::milestone, std::move(code), std::move(title), owner, span);
  t.checklist = std::move(checklist);
  return t;
}

target target::direction(std::string code, std::string title, collective_id owner, period span,
                         trend wanted) {
  target t = base(target_kind::direction, std::move(code), std::move(title), owner, span);
  t.wanted = wanted;
  return t;
}

target target::member_share(std::string code, std::string title, collective_id owner, period span,
                            scale_id scale, rating_level level, share required,
                            rating_scope scope) {
  target t = base(target_kind::member_share, std::move(code), std::move(title), owner, span);
  t.unit = "%";
  t.rating.scale = scale;
  t.rating.level = level;
  t.rating.required_share = required;
  t.rating.scope = scope;
  return t;
}

target target::collective_count(std::string code, std::string title, collective_id owner,
                                period span, scale_id scale, rating_level level,
                                std::uint32_t count, rating_scope scope) {
  target t = base(target_kind::collective_count, std::move(code), std::move(title), owner, span);
  t.rating.scale = scale;
  t.rating.level = level;
  t.rating.count = count;
  t.rating.scope = scope;
  return t;
}

target target::all_collectives(std::string code, std::string title, collective_id owner,
                               period span, scale_id scale, rating_level level,
                               rating_scope scope) {
  target t =
      collective_count(std::move(code), std::move(title), owner, span, scale, level, 0, scope);
  t.rating.all = true;
  return t;
}

double target::goal_level() const noexcept {
  return goaltrack::goal_level(goal, goal_value, baseline.value_or(0.0));
}

namespace {

// What keeps the open_sdg scoring (target.hpp) from applying to `t`, or "": its growth
// rates are per calendar year and need a base value of the goal's sign.
std::string open_sdg_misfit(const target& t) {
  if (t.span.last().year() <= t.span.first().year()) {
    return "scoring open_sdg needs a period that ends in a later calendar year than it starts "
           "(its growth rates are per year), not " +
           t.span.to_string();
  }
  if (t.limit && !std::isfinite(*t.limit)) return "limit is not a finite number";
  if (t.kind == target_kind::direction) return "";
  if (t.goal == goal_kind::within) return "scoring open_sdg has no rule for a range";
  if (!t.baseline) return "scoring open_sdg needs a baseline (the value of the base year)";
  // A zero counts as 0.001 (the methodology's replacement).
  const auto positive = [](double v) { return v >= 0; };
  if (positive(*t.baseline) != positive(t.goal_level())) {
    return "scoring open_sdg needs a goal and a baseline of the same sign (growth rates), not " +
           std::to_string(t.goal_level()) + " from " + std::to_string(*t.baseline);
  }
  return "";
}

// The aggregation and scoring of `t` fit its goal (target.hpp's tables; the kinds they
// apply to are the description's, which check_applicable enforces); the reason they do
// not, or "".
std::string method_misfit(const target& t) {
  if (t.kind == target_kind::milestone && t.over_time != aggregation::latest &&
      t.over_time != aggregation::latest_in_period) {
    return "a milestone counts the items done: aggregation latest or latest_in_period, not " +
           std::string(to_string(t.over_time));
  }
  if (t.kind == target_kind::ratio && t.over_time == aggregation::count) {
    return "a ratio cannot be a count of check-ins";
  }
  if (t.over_tree != tree_aggregation::none) {
    if (t.indicator.empty()) return "an aggregate up the tree needs an indicator";
    if (t.over_time != aggregation::latest) {
      return "an aggregate up the tree reads its children's actuals: aggregation over time "
             "latest, not " +
             std::string(to_string(t.over_time));
    }
    if (!t.sub_periods.empty()) return "an aggregate up the tree has no sub-periods";
  }
  if (t.limit && t.scoring != scoring_method::open_sdg) {
    return "a limit applies to the open_sdg scoring only";
  }
  if (t.scoring == scoring_method::by_goal) return "";
  const std::string method(to_string(t.scoring));
  if (t.kind == target_kind::direction && t.scoring != scoring_method::open_sdg) {
    return "a direction target is scored by its trend (by_goal) or open_sdg, not " + method;
  }
  if (t.scoring == scoring_method::open_sdg) return open_sdg_misfit(t);
  if (t.goal == goal_kind::within && t.scoring != scoring_method::compliance) {
    return "scoring " + method + " has no rule for a range";
  }
  if (t.scoring == scoring_method::percent_of_target && !(t.goal_level() > 0)) {
    return "scoring percent_of_target needs a goal above 0, not " + std::to_string(t.goal_level());
  }
  return "";
}

// What keeps `t`'s sub-periods and plan (target.hpp) from fitting it, or "": sub-periods
// tile the period, in order; a plan has one finite value per sub-period, whole for counts
// and money; the methods that read them have them.
std::string phasing_misfit(const target& t) {
  const auto& parts = t.sub_periods;
  for (std::size_t i = 0; i < parts.size(); ++i) {
    const date expected_first =
        i == 0 ? t.span.first() : parts[i - 1].last() + boost::gregorian::days(1);
    if (parts[i].first() != expected_first) {
      return "sub_periods do not tile " + t.span.to_string() + ": " + parts[i].to_string() +
             " starts on " + to_iso(parts[i].first()) + ", not on " + to_iso(expected_first) +
             (i == 0 ? ", the period's first day" : ", the day after " + parts[i - 1].to_string());
    }
  }
  if (!parts.empty() && parts.back().last() != t.span.last()) {
    return "sub_periods do not tile " + t.span.to_string() + ": the last, " +
           parts.back().to_string() + ", ends on " + to_iso(parts.back().last()) +
           ", not on the period's last day " + to_iso(t.span.last());
  }
  if (!t.planned.empty() && t.planned.size() != parts.size()) {
    return "planned has " + std::to_string(t.planned.size()) + " values for " +
           std::to_string(parts.size()) + " sub-periods";
  }
  const bool whole = t.whole_numbers || t.kind == target_kind::money;
  for (std::size_t i = 0; i < t.planned.size(); ++i) {
    if (!std::isfinite(t.planned[i]) || (whole && !is_whole(t.planned[i]))) {
      return "planned: the value for " + parts[i].to_string() + " must be a finite" +
             (whole ? " whole number up to 2^53" : " number");
    }
  }
  if (t.expected_by == expectation::sub_periods && parts.empty()) {
    return "expected_by sub_periods needs sub_periods";
  }
  if (t.expected_by == expectation::plan && t.planned.empty()) {
    return "expected_by plan needs planned values";
  }
  if (t.scoring == scoring_method::compliance && parts.empty()) {
    return "scoring compliance needs sub_periods (the periods whose values must meet the goal)";
  }
  if (!t.planned.empty()) {
    if (t.goal == goal_kind::within && t.is_numeric()) return "a range has no planned path";
    if (t.scoring == scoring_method::compliance) {
      return "scoring compliance judges each sub-period by the goal, not by planned values";
    }
  }
  if (t.expected_by == expectation::plan && t.scoring == scoring_method::open_sdg) {
    return "expected_by plan needs a scoring whose progress a planned value has, not open_sdg";
  }
  return "";
}

// A ratio's goal, range end and baseline are fractions (58.1% is 0.581; its unit, "%",
// says how it is shown): above 1, the text was most likely a percentage written without
// its sign ("95" for 95%).
template <class Fail>
void check_fraction(const target& t, const Fail& fail) {
  const auto check = [&](std::string_view what, double v) {
    if (v <= 1) return;
    char shown[32];
    const std::string text(shown, std::to_chars(shown, shown + sizeof shown, v).ptr);
    fail(std::string(what) + " " + text + " is above 1: ratio goals are fractions; did you mean " +
         text + "%?");
  };
  check("goal value", t.goal_value);
  if (t.goal == goal_kind::within) check("range end", t.goal_high);
  if (t.baseline) check("baseline", *t.baseline);
}

}  // namespace

void target::validate() const {
  const auto fail = [&](const std::string& what) {
    throw invalid_argument("target '" + code + "': " + what);
  };
  if (code.empty()) throw invalid_argument("target code must not be empty");
  detail::check_texts(*this);
  detail::check_applicable(*this, detail::kinds(kind), to_string(kind));
  if (is_numeric()) {
    if (!std::isfinite(goal_value)) fail("goal value is not a finite number");
    if (baseline && !std::isfinite(*baseline)) fail("baseline is not a finite number");
    if (goal == goal_kind::within && !std::isfinite(goal_high)) fail("range end is not finite");
    const bool needs_baseline = goal == goal_kind::increase_to || goal == goal_kind::decrease_to ||
                                goal == goal_kind::increase_by || goal == goal_kind::decrease_by;
    if (needs_baseline && !baseline) fail(std::string(to_string(goal)) + " needs a baseline");
    if ((goal == goal_kind::increase_by || goal == goal_kind::decrease_by) && !(goal_value > 0)) {
      fail(std::string(to_string(goal)) + " needs a positive amount, not " +
           std::to_string(goal_value));
    }
    const double g = goal_level();
    if (baseline && goal != goal_kind::within) {
      const double b = *baseline;
      if (b == g) {
        fail("baseline equals the target value (" + std::to_string(g) +
             "): progress (a - b) / (g - b) would divide by zero");
      }
      // A level to maintain (at_least, at_most) may start on the achieved side.
      const bool maintained = goal == goal_kind::at_least || goal == goal_kind::at_most;
      if (!maintained && is_upward_goal(goal) != (g > b)) {
        fail("goal " + std::to_string(g) + " lies on the wrong side of baseline " +
             std::to_string(b) + " for " + std::string(to_string(goal)));
      }
    }
    if (goal == goal_kind::within) {
      if (goal_value > goal_high)
        fail("range [" + std::to_string(goal_value) + ", " + std::to_string(goal_high) +
             "] is empty");
      if (baseline && *baseline >= goal_value && *baseline <= goal_high) {
        fail("baseline already lies within the range");
      }
    }
    if (kind == target_kind::ratio) check_fraction(*this, fail);
    if (whole_numbers || kind == target_kind::money) {
      if (!is_whole(goal_value) || (baseline && !is_whole(*baseline)) ||
          (goal == goal_kind::within && !is_whole(goal_high))) {
        fail("counts and money amounts must be whole numbers up to 2^53");
      }
    }
    if (kind == target_kind::money) {
      const bool three_letters =
          currency.size() == 3 && std::all_of(currency.begin(), currency.end(),
                                              [](char c) { return c >= 'A' && c <= 'Z'; });
      if (!three_letters) fail("currency '" + currency + "' is not an ISO 4217 code like VND");
    }
  }
  if (const std::string misfit = method_misfit(*this); !misfit.empty()) fail(misfit);
  if (const std::string misfit = phasing_misfit(*this); !misfit.empty()) fail(misfit);
  if (!std::isfinite(weight) || !(weight > 0)) {
    fail("weight " + std::to_string(weight) + " must be finite and > 0");
  }
  if (!item_weights.empty()) {
    if (item_weights.size() != checklist.size()) {
      fail("item_weights has " + std::to_string(item_weights.size()) + " weights for " +
           std::to_string(checklist.size()) + " checklist items");
    }
    for (std::size_t i = 0; i < item_weights.size(); ++i) {
      if (!std::isfinite(item_weights[i]) || !(item_weights[i] > 0)) {
        fail("item_weights: the weight of item " + std::to_string(i + 1) + " ('" + checklist[i] +
             "') must be finite and > 0");
      }
    }
  }
  if (is_rating()) {
    const auto& r = rating;
    if (!r.required_share.valid()) {
      fail(r.required_share.denominator == 0 ? "share has a zero denominator"
                                             : "share exceeds 100%");
    }
    if (kind == target_kind::collective_count && !r.all && r.count == 0) {
      fail("a collective count needs a count of at least 1, or all");
    }
  }
}

}  // namespace goaltrack
