#pragma once
// Private: how evaluate numbers the statuses a policy's bands name, shared by
// evaluation_policy::validate (which checks that each names one) and the judgement stage
// (which gives it).

#include <cstdint>
#include <optional>
#include <string_view>

#include "goaltrack/policy.hpp"

namespace goaltrack::detail {

/// The index of the status `code` names under `policy`, as in
/// evaluation::status_definitions: a built-in status's value of target_status, else
/// target_status_count + its position among the policy's statuses; none when neither.
std::optional<std::uint16_t> status_index_of(std::string_view code,
                                             const evaluation_policy& policy) noexcept;

}  // namespace goaltrack::detail
