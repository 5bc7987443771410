#include "goaltrack/organization.hpp"

#include <algorithm>
#include <limits>
#include <string>

#include "code_table.hpp"
#include "goaltrack/error.hpp"
#include "organization_data.hpp"
#include "schema.hpp"
#include "text.hpp"

namespace goaltrack {
namespace {

using detail::quoted;

[[noreturn]] void throw_unknown(std::string_view what, std::string_view entity, bool valid,
                                std::uint32_t value) {
  throw not_found(std::string(what) + ": " + std::string(entity) + " id " +
                  (valid ? std::to_string(value) : std::string("(none)")) +
                  " is not in the organisation");
}

// What a moved-from organisation reads.
const detail::organization_data& empty_data() {
  static const detail::organization_data empty;
  return empty;
}

}  // namespace

organization::organization() : data_(std::make_unique<detail::organization_data>()) {}
organization::~organization() = default;
organization::organization(const organization& other)
    : data_(std::make_unique<detail::organization_data>(other.data())) {}
organization::organization(organization&& other) noexcept = default;
organization& organization::operator=(const organization& other) {
  if (this != &other) data_ = std::make_unique<detail::organization_data>(other.data());
  return *this;
}
organization& organization::operator=(organization&& other) noexcept = default;

const detail::organization_data& organization::data() const noexcept {
  return data_ ? *data_ : empty_data();
}
detail::organization_data& organization::data_for_write() {
  if (!data_) data_ = std::make_unique<detail::organization_data>();
  return *data_;
}

std::size_t organization::collective_count() const noexcept { return data().collectives.size(); }
std::size_t organization::member_count() const noexcept { return data().members.size(); }
bool organization::contains(collective_id id) const noexcept {
  return data().collectives.contains(id);
}
bool organization::contains(member_id id) const noexcept { return data().members.contains(id); }
std::span<const collective_id> organization::parents() const noexcept {
  return data().collectives.columns().parents;
}
std::span<const std::uint16_t> organization::kind_indices() const noexcept {
  return data().collectives.columns().kinds;
}
std::span<const std::string> organization::kind_names() const noexcept { return data().kind_names; }
std::span<const collective_id> organization::member_collectives() const noexcept {
  return data().members.columns().collectives;
}

// --- collectives ---------------------------------------------------------------------

std::uint16_t organization::intern_kind(std::string_view kind) {
  if (auto found = find_kind(kind)) return *found;
  auto& names = data_for_write().kind_names;
  if (names.size() > std::numeric_limits<std::uint16_t>::max()) {
    throw invalid_argument("too many distinct collective kinds (at most 65536)");
  }
  names.emplace_back(kind);
  return static_cast<std::uint16_t>(names.size() - 1);
}

std::optional<std::uint16_t> organization::find_kind(std::string_view kind) const noexcept {
  const auto& names = data().kind_names;
  const auto it = std::find(names.begin(), names.end(), kind);
  if (it == names.end()) return std::nullopt;
  return static_cast<std::uint16_t>(it - names.begin());
}

collective_id organization::add_collective(std::string_view code, std::string_view name,
                                           std::string_view kind,
                                           std::optional<collective_id> parent) {
  const collective_spec spec{code, name, kind, {}};
  if (auto nfc = detail::nfc_copy(std::span(&spec, 1))) {
    const collective_spec& s = nfc->items.front();
    return add_collective(s.code, s.name, s.kind, parent);
  }
  detail::check_texts(spec);
  if (parent) check(*parent, "parent of collective " + quoted(code));
  auto& d = data_for_write();
  const std::size_t kinds = d.kind_names.size();
  try {
    const detail::collective_row row{code, name, parent.value_or(collective_id{}),
                                     intern_kind(kind)};
    return d.collectives.append(std::span(&row, 1), [](const auto& r) { return r.code; });
  } catch (...) {
    d.kind_names.resize(kinds);
    throw;
  }
}

std::vector<collective_id> organization::add_collectives(std::span<const collective_spec> specs) {
  if (auto nfc = detail::nfc_copy(specs)) return add_collectives(nfc->items);
  // Validate the whole batch before touching the organisation. The batch's codes are
  // indexed by a code table of their own (row = position in specs), which is flood-proof
  // and, unlike a node-based map, allocates a few flat arrays.
  detail::code_table batch;
  {
    std::vector<std::string_view> codes(specs.size());
    for (std::size_t i = 0; i < specs.size(); ++i) codes[i] = specs[i].code;
    batch.reserve_more(codes.size(), 8);
    const std::size_t unique = batch.insert_many(codes);  // up to the first repeat
    for (std::size_t i = 0; i < specs.size(); ++i) {
      const auto& s = specs[i];
      if (s.code.empty()) throw invalid_argument("collective code must not be empty");
      detail::check_texts(s);
      if (i == unique || find_collective(s.code)) {
        throw duplicate_error("collective code " + quoted(s.code) + " is used twice");
      }
    }
  }
  // Parent of each spec: an existing collective, another spec, or none.
  constexpr std::size_t none = std::numeric_limits<std::size_t>::max();
  std::vector<std::size_t> parent_spec(specs.size(), none);
  std::vector<collective_id> parent_existing(specs.size());
  std::vector<std::size_t> child_count(specs.size() + 1, 0);
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const auto& s = specs[i];
    if (s.parent_code.empty()) continue;
    if (const auto row = batch.find(s.parent_code)) {
      parent_spec[i] = *row;
      ++child_count[*row];
    } else if (auto existing = find_collective(s.parent_code)) {
      parent_existing[i] = *existing;
    } else {
      throw not_found("collective " + quoted(s.code) + " has unknown parent " +
                      quoted(s.parent_code));
    }
  }
  // Breadth-first order from the specs whose parent is outside the batch: parents
  // before children. Specs never reached lie on a cycle.
  std::vector<std::size_t> start(specs.size() + 1, 0);
  for (std::size_t i = 0; i < specs.size(); ++i) start[i + 1] = start[i] + child_count[i];
  std::vector<std::size_t> kids(start.back());
  {
    std::vector<std::size_t> fill(start.begin(), start.end() - 1);
    for (std::size_t i = 0; i < specs.size(); ++i) {
      if (parent_spec[i] != none) kids[fill[parent_spec[i]]++] = i;
    }
  }
  std::vector<std::size_t> order;
  order.reserve(specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    if (parent_spec[i] == none) order.push_back(i);
  }
  for (std::size_t h = 0; h < order.size(); ++h) {
    const std::size_t u = order[h];
    for (std::size_t c = start[u]; c < start[u + 1]; ++c) order.push_back(kids[c]);
  }
  if (order.size() != specs.size()) {
    std::vector<bool> reached(specs.size(), false);
    for (const std::size_t i : order) reached[i] = true;
    const auto on_cycle = static_cast<std::size_t>(
        std::find(reached.begin(), reached.end(), false) - reached.begin());
    throw cycle_error("collective " + quoted(specs[on_cycle].code) +
                      " is its own ancestor (the parent links form a cycle)");
  }

  // Commit in that order; undo everything on failure (allocation or size limits).
  auto& d = data_for_write();
  const std::size_t old_count = collective_count();
  const std::size_t old_kinds = d.kind_names.size();
  std::vector<collective_id> ids(specs.size());
  std::vector<detail::collective_row> rows;
  rows.reserve(specs.size());
  try {
    for (const std::size_t i : order) {
      const auto& s = specs[i];
      const collective_id parent =
          parent_spec[i] != none ? ids[parent_spec[i]] : parent_existing[i];
      ids[i] = collective_id(static_cast<collective_id::value_type>(old_count + rows.size()));
      rows.push_back({s.code, s.name, parent, intern_kind(s.kind)});
    }
    d.collectives.append(std::span<const detail::collective_row>(rows),
                         [](const auto& r) { return r.code; });
  } catch (...) {
    d.kind_names.resize(old_kinds);
    throw;
  }
  return ids;
}

std::optional<collective_id> organization::find_collective(std::string_view code) const noexcept {
  return data().collectives.find(code);
}

std::vector<std::optional<collective_id>> organization::find_collectives(
    std::span<const std::string_view> codes) const {
  return data().collectives.find_many(codes);
}

std::vector<std::optional<member_id>> organization::find_members(
    std::span<const std::string_view> codes) const {
  return data().members.find_many(codes);
}

collective_id organization::collective(std::string_view code) const {
  if (auto id = find_collective(code)) return *id;
  throw not_found("no collective has code " + quoted(code));
}

void organization::check(collective_id id, std::string_view what) const {
  if (!contains(id)) throw_unknown(what, "collective", id.ok(), id.value());
}

void organization::check(member_id id, std::string_view what) const {
  if (!contains(id)) throw_unknown(what, "member", id.ok(), id.value());
}

std::string_view organization::code(collective_id id) const {
  check(id, "code");
  return data().collectives.code(id);
}

std::string_view organization::name(collective_id id) const {
  check(id, "name");
  return data().collectives.columns().names[id.index()];
}

std::string_view organization::kind(collective_id id) const {
  check(id, "kind");
  return data().kind_names[kind_indices()[id.index()]];
}

std::optional<collective_id> organization::parent(collective_id id) const {
  check(id, "parent");
  const collective_id p = parents()[id.index()];
  if (!p.ok()) return std::nullopt;
  return p;
}

std::vector<collective_id> organization::children(collective_id id) const {
  check(id, "children");
  std::vector<collective_id> out;
  const auto parent = parents();
  // Children have larger ids than their parent (the topological invariant).
  for (std::size_t c = id.index() + 1; c < parent.size(); ++c) {
    if (parent[c] == id) out.emplace_back(static_cast<collective_id::value_type>(c));
  }
  return out;
}

bool organization::in_subtree(collective_id node, collective_id ancestor) const {
  check(node, "in_subtree");
  check(ancestor, "in_subtree");
  const auto parent = parents();
  for (collective_id c = node; c.ok(); c = parent[c.index()]) {
    if (c == ancestor) return true;
    if (c < ancestor) return false;  // ancestors only get smaller
  }
  return false;
}

// --- members -------------------------------------------------------------------------

member_id organization::add_member(std::string_view code, std::string_view name,
                                   collective_id collective) {
  const member_spec spec{code, name, collective};
  return add_members(std::span(&spec, 1));
}

member_id organization::add_members(std::span<const member_spec> specs) {
  if (auto nfc = detail::nfc_copy(specs)) return add_members(nfc->items);
  const auto check_spec = [this](const member_spec& s, std::size_t, bool explain) {
    if (contains(s.collective) && detail::texts_keep_rule(s)) return true;
    if (explain) {
      detail::check_texts(s);
      check(s.collective, "collective of member " + quoted(s.code));
    }
    return false;
  };
  return data_for_write().members.append(
      specs, [](const member_spec& s) { return s.code; }, check_spec);
}

void organization::reserve_members(std::size_t count) {
  data_for_write().members.reserve_more(count, 8);
}

std::optional<member_id> organization::find_member(std::string_view code) const noexcept {
  return data().members.find(code);
}

member_id organization::member(std::string_view code) const {
  if (auto id = find_member(code)) return *id;
  throw not_found("no member has code " + quoted(code));
}

std::string_view organization::code(member_id id) const {
  check(id, "code");
  return data().members.code(id);
}

std::string_view organization::name(member_id id) const {
  check(id, "name");
  return data().members.columns().names[id.index()];
}

collective_id organization::collective_of(member_id id) const {
  check(id, "collective_of");
  return member_collectives()[id.index()];
}

std::vector<member_id> organization::members_of(collective_id id) const {
  check(id, "members_of");
  std::vector<member_id> out;
  const auto of = member_collectives();
  for (std::size_t m = 0; m < of.size(); ++m) {
    if (of[m] == id) out.emplace_back(static_cast<member_id::value_type>(m));
  }
  return out;
}

bool operator==(const organization& a, const organization& b) {
  const auto& x = a.data();
  const auto& y = b.data();
  if (!(x.collectives == y.collectives) || !(x.members == y.members)) return false;
  for (std::size_t i = 0; i < a.collective_count(); ++i) {
    const collective_id c(static_cast<collective_id::value_type>(i));
    if (a.kind(c) != b.kind(c)) return false;
  }
  return true;
}

}  // namespace goaltrack
