#pragma once
// Private: an entity_ref's kind and id as the renderers write them (JSON's "kind" and
// "id", HTML's data-entity="target:3").

#include <cstdint>
#include <string_view>
#include <type_traits>
#include <variant>

#include "goaltrack/label.hpp"

namespace goaltrack::detail {

/// "plan" (the plan as a whole), "collective", "member", "program", "task", "target",
/// "round": the alternative of entity_ref held, in its order.
inline std::string_view entity_kind_name(const entity_ref& e) noexcept {
  static constexpr std::string_view kinds[] = {"plan", "collective", "member", "program",
                                               "task", "target",     "round"};
  static_assert(std::size(kinds) == std::variant_size_v<entity_ref>);
  return kinds[e.index()];
}

/// The id's value; 0 for the plan as a whole.
inline std::uint32_t entity_id_value(const entity_ref& e) {
  return std::visit(
      [](const auto& x) -> std::uint32_t {
        if constexpr (std::is_same_v<std::decay_t<decltype(x)>, std::monostate>) {
          return 0;
        } else {
          return x.value();
        }
      },
      e);
}

}  // namespace goaltrack::detail
