#include "goaltrack/rollup.hpp"

#include <string>

#include "enum_codes.hpp"
#include "enum_names.hpp"
#include "goaltrack/error.hpp"
#include "rollup_rules.hpp"

namespace goaltrack {
namespace {

constexpr detail::code_list<rollup_method, 7> method_codes{{
    {rollup_method::weighted_mean, "weighted_mean", "bình quân gia quyền"},
    {rollup_method::worst, "worst", "kém nhất"},
    {rollup_method::best, "best", "tốt nhất"},
    {rollup_method::all_achieved, "all_achieved", "tất cả đạt"},
    {rollup_method::share_achieved, "share_achieved", "tỷ lệ đạt"},
    {rollup_method::count_achieved, "count_achieved", "số lượng đạt"},
    {rollup_method::latest, "latest", "mới nhất"},
}};

constexpr detail::code_list<rollup_scope, 2> scope_codes{{
    {rollup_scope::program, "program", "chương trình"},
    {rollup_scope::collective, "collective", "tập thể|đơn vị"},
}};

[[noreturn]] void fail(std::string_view name, const std::string& what) {
  throw invalid_argument(std::string(name) + ": " + what);
}

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

void check_rule(const rollup_rule& r, std::size_t i, std::string_view name) {
  const std::string who = "roll-up rule " + std::to_string(i + 1) + " " + quoted(r.code);
  if (r.code.empty()) fail(name, "roll-up rule " + std::to_string(i + 1) + " has an empty code");
  if (detail::find_code(method_codes, r.code) || r.code == no_rollup) {
    fail(name, who + " repeats a built-in rule's code");
  }
  if (!detail::is_known(r.method)) fail(name, who + ": method is not a known roll-up method");
  if (!r.required_share.valid() || r.required_share.numerator == 0) {
    fail(name, who + ": required share " + std::to_string(r.required_share.numerator) + "/" +
                   std::to_string(r.required_share.denominator) +
                   " must be above 0 and at most 100%");
  }
  if (r.required_count == 0) fail(name, who + ": required_count must be at least 1");
}

}  // namespace

std::string_view to_string(rollup_method m) noexcept { return detail::code_of(method_codes, m); }
std::string_view detail::vi_name(rollup_method m) noexcept {
  return detail::vi_name_of(method_codes, m);
}

rollup_method parse_rollup_method(std::string_view code) {
  return detail::parse_code(method_codes, code, "roll-up method");
}

std::string_view to_string(rollup_scope s) noexcept { return detail::code_of(scope_codes, s); }
std::string_view detail::vi_name(rollup_scope s) noexcept {
  return detail::vi_name_of(scope_codes, s);
}

rollup_scope parse_rollup_scope(std::string_view code) {
  return detail::parse_code(scope_codes, code, "roll-up scope");
}

rollup_rule builtin_rollup_rule(rollup_method m) {
  rollup_rule r;
  r.code = std::string(to_string(m));
  r.method = m;
  return r;
}

namespace detail {

std::optional<rollup_rule> rollup_rule_of(std::string_view code, const evaluation_policy& policy) {
  if (const auto m = find_code(method_codes, code)) return builtin_rollup_rule(*m);
  for (const rollup_rule& r : policy.rollup_rules) {
    if (r.code == code) return r;
  }
  return std::nullopt;
}

void check_rollup(const evaluation_policy& p, std::string_view name) {
  for (std::size_t i = 0; i < p.rollup_rules.size(); ++i) {
    check_rule(p.rollup_rules[i], i, name);
    for (std::size_t j = 0; j < i; ++j) {
      if (p.rollup_rules[j].code == p.rollup_rules[i].code) {
        fail(name, "roll-up rule " + std::to_string(i + 1) + " " + quoted(p.rollup_rules[i].code) +
                       " repeats the code of rule " + std::to_string(j + 1));
      }
    }
  }
  const auto unknown = [&](std::string_view code) {
    return " names roll-up rule " + quoted(code) +
           ", which is neither a built-in rule nor one of the policy's";
  };
  if (p.rollup != no_rollup && !rollup_rule_of(p.rollup, p))
    fail(name, "rollup" + unknown(p.rollup));
  if (p.rollup == no_rollup && !p.rollup_overrides.empty()) {
    fail(name, "roll-up overrides need a default rule (rollup is \"none\": no roll-up statuses)");
  }
  for (std::size_t i = 0; i < p.rollup_overrides.size(); ++i) {
    const rollup_override& o = p.rollup_overrides[i];
    const std::string who = "roll-up override " + std::to_string(i + 1) + " (" +
                            std::string(to_string(o.scope)) + " " + quoted(o.code) + ")";
    if (!is_known(o.scope)) fail(name, who + ": scope is not program or collective");
    if (o.code.empty()) fail(name, who + ": the code is empty");
    if (!rollup_rule_of(o.rule, p)) fail(name, who + unknown(o.rule));
    for (std::size_t j = 0; j < i; ++j) {
      const rollup_override& e = p.rollup_overrides[j];
      if (e.scope == o.scope && e.code == o.code) {
        fail(name, who + " repeats override " + std::to_string(j + 1));
      }
    }
  }
}

}  // namespace detail
}  // namespace goaltrack
