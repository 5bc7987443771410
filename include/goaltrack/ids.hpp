#pragma once
/// @file
/// Typed ids. Entities live in a goaltrack::plan and refer to each other by dense,
/// zero-based ids (the row of the entity in the plan's columns). Each kind of entity
/// has its own id type, so a target id can never be passed where a collective id is
/// expected. Ids are stable for the plan's lifetime: entities are never renumbered.
/// Users name entities by their stable string codes; ids are the fast handle.

#include <compare>
#include <cstddef>
#include <cstdint>
#include <functional>
#include <limits>

namespace goaltrack {

/// A dense id of an entity of kind Tag. A default-constructed id is invalid.
template <class Tag>
class basic_id {
 public:
  using value_type = std::uint32_t;
  static constexpr value_type invalid_value = std::numeric_limits<value_type>::max();

  constexpr basic_id() noexcept = default;
  constexpr explicit basic_id(value_type value) noexcept : value_(value) {}

  /// The row index in the plan's columns.
  [[nodiscard]] constexpr value_type value() const noexcept { return value_; }
  /// The row index as a size, for indexing containers.
  [[nodiscard]] constexpr std::size_t index() const noexcept { return value_; }
  /// False for a default-constructed id.
  [[nodiscard]] constexpr bool ok() const noexcept { return value_ != invalid_value; }

  friend constexpr auto operator<=>(basic_id, basic_id) noexcept = default;

 private:
  value_type value_ = invalid_value;
};

struct collective_tag {};
struct member_tag {};
struct scale_tag {};
struct round_tag {};
struct program_tag {};
struct task_tag {};
struct target_tag {};
struct policy_tag {};

/// A collective: a committee, a cell, a school, a department, a team.
using collective_id = basic_id<collective_tag>;
/// An individual who belongs to a collective (a party member, a teacher, an employee).
using member_id = basic_id<member_tag>;
/// A rating scale.
using scale_id = basic_id<scale_tag>;
/// A rating round: the ratings on one scale for one period.
using round_id = basic_id<round_tag>;
/// An action program, plan or OKR set.
using program_id = basic_id<program_tag>;
/// A task of a program.
using task_id = basic_id<task_tag>;
/// A target (chỉ tiêu).
using target_id = basic_id<target_tag>;
/// An evaluation policy kept in a plan.
using policy_id = basic_id<policy_tag>;

}  // namespace goaltrack

template <class Tag>
struct std::hash<goaltrack::basic_id<Tag>> {
  std::size_t operator()(goaltrack::basic_id<Tag> id) const noexcept {
    return std::hash<std::uint32_t>{}(id.value());
  }
};
