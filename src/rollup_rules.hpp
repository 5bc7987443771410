#pragma once
// Private: a policy's roll-up rules, shared by evaluation_policy::validate (which checks
// them) and the roll-up stage of evaluate (which applies them).

#include <optional>
#include <string_view>

#include "goaltrack/policy.hpp"
#include "goaltrack/rollup.hpp"

namespace goaltrack::detail {

/// The rule `code` names under `policy`: a built-in rule (a method's code) or one of the
/// policy's; none when neither.
std::optional<rollup_rule> rollup_rule_of(std::string_view code, const evaluation_policy& policy);

/// Checks the policy's roll-up rules, default and overrides (evaluation_policy::validate).
/// @throws invalid_argument naming `name`, the rule or override and the field.
void check_rollup(const evaluation_policy& policy, std::string_view name);

}  // namespace goaltrack::detail
