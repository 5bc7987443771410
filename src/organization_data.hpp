#pragma once
// Private: how an organization stores its collectives and members (entity tables with
// compact columns: millions of members are loaded and streamed over).

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "code_table.hpp"
#include "entity_table.hpp"
#include "goaltrack/organization.hpp"

namespace goaltrack::detail {

/// One collective as appended: its kind already interned, its parent resolved.
struct collective_row {
  std::string_view code;
  std::string_view name;
  collective_id parent;  // invalid for a root
  std::uint16_t kind;
};

class collective_columns {
 public:
  using record = collective_row;
  [[nodiscard]] std::size_t size() const noexcept { return parents.size(); }
  void reserve_more(std::size_t n) {
    names.reserve_more(n, 16);
    reserve_total(parents, parents.size() + n);
    reserve_total(kinds, kinds.size() + n);
  }
  void push_back(const collective_row& r) {
    names.push_back(r.name);
    parents.push_back(r.parent);
    kinds.push_back(r.kind);
  }
  void truncate(std::size_t n) noexcept {
    names.truncate(n);
    truncate_to(parents, n);
    truncate_to(kinds, n);
  }
  // Kinds are indices into each organisation's own kind list: organization's operator==
  // compares them by name.
  friend bool operator==(const collective_columns& a, const collective_columns& b) {
    return a.parents == b.parents && a.names == b.names;
  }

  string_column names;
  std::vector<collective_id> parents;  // each smaller than its child
  std::vector<std::uint16_t> kinds;    // indices into organization_data::kind_names
};

class member_columns {
 public:
  using record = member_spec;
  [[nodiscard]] std::size_t size() const noexcept { return collectives.size(); }
  void reserve_more(std::size_t n) {
    names.reserve_more(n, 0);
    reserve_total(collectives, collectives.size() + n);
  }
  void push_back(const member_spec& m) {
    names.push_back(m.name);
    collectives.push_back(m.collective);
  }
  void truncate(std::size_t n) noexcept {
    names.truncate(n);
    truncate_to(collectives, n);
  }
  friend bool operator==(const member_columns&, const member_columns&) = default;

  string_column names;
  std::vector<collective_id> collectives;
};

struct organization_data {
  entity_table<collective_id, collective_columns> collectives{"collective"};
  std::vector<std::string> kind_names;  // distinct kinds, in order of first use
  entity_table<member_id, member_columns> members{"member"};
};

}  // namespace goaltrack::detail
