#include "goaltrack/organization.hpp"

#include <algorithm>
#include <array>
#include <limits>
#include <string>
#include <unordered_map>

#include "goaltrack/error.hpp"

namespace goaltrack {
namespace {

std::string quoted(std::string_view s) { return "'" + std::string(s) + "'"; }

[[noreturn]] void throw_unknown(std::string_view what, std::string_view entity, bool valid,
                                std::uint32_t value) {
  throw not_found(std::string(what) + ": " + std::string(entity) + " id " +
                  (valid ? std::to_string(value) : std::string("(none)")) +
                  " is not in the organisation");
}

void require_code(std::string_view code, std::string_view what) {
  if (code.empty()) throw invalid_argument(std::string(what) + " code must not be empty");
}

}  // namespace

// --- collectives ---------------------------------------------------------------------

std::uint16_t organization::intern_kind(std::string_view kind) {
  if (auto found = find_kind(kind)) return *found;
  if (kind_names_.size() > std::numeric_limits<std::uint16_t>::max()) {
    throw invalid_argument("too many distinct collective kinds (at most 65536)");
  }
  kind_names_.emplace_back(kind);
  return static_cast<std::uint16_t>(kind_names_.size() - 1);
}

std::optional<std::uint16_t> organization::find_kind(std::string_view kind) const noexcept {
  const auto it = std::find(kind_names_.begin(), kind_names_.end(), kind);
  if (it == kind_names_.end()) return std::nullopt;
  return static_cast<std::uint16_t>(it - kind_names_.begin());
}

collective_id organization::add_collective(std::string_view code, std::string_view name,
                                           std::string_view kind,
                                           std::optional<collective_id> parent) {
  require_code(code, "collective");
  if (parent) check(*parent, "parent of collective " + quoted(code));
  if (collective_codes_.find(code)) {
    throw duplicate_error("collective code " + quoted(code) + " is already used");
  }
  const std::size_t kinds = kind_names_.size();
  const std::uint16_t k = intern_kind(kind);
  try {
    collective_codes_.insert(code);
    collective_names_.push_back(name);
    parent_.push_back(parent.value_or(collective_id{}));
    kind_.push_back(k);
  } catch (...) {
    truncate_collectives(collective_count(), kinds);
    throw;
  }
  return collective_id(static_cast<collective_id::value_type>(parent_.size() - 1));
}

void organization::truncate_collectives(std::size_t n, std::size_t kinds) {
  n = std::min(
      {n, collective_codes_.size(), collective_names_.size(), parent_.size(), kind_.size()});
  collective_codes_.truncate(n);
  collective_names_.truncate(n);
  parent_.resize(n);
  kind_.resize(n);
  kind_names_.resize(kinds);
}

std::vector<collective_id> organization::add_collectives(std::span<const collective_spec> specs) {
  // Validate the whole batch before touching the organisation.
  std::unordered_map<std::string_view, std::size_t> batch;  // code -> position in specs
  batch.reserve(specs.size());
  for (std::size_t i = 0; i < specs.size(); ++i) {
    const auto& s = specs[i];
    require_code(s.code, "collective");
    if (collective_codes_.find(s.code) || !batch.emplace(s.code, i).second) {
      throw duplicate_error("collective code " + quoted(s.code) + " is used twice");
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
    if (auto it = batch.find(s.parent_code); it != batch.end()) {
      parent_spec[i] = it->second;
      ++child_count[it->second];
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
  const std::size_t old_count = collective_count();
  const std::size_t old_kinds = kind_names_.size();
  std::vector<collective_id> ids(specs.size());
  try {
    collective_codes_.reserve_more(specs.size(), 8);
    collective_names_.reserve_more(specs.size(), 16);
    parent_.reserve(old_count + specs.size());
    kind_.reserve(old_count + specs.size());
    for (const std::size_t i : order) {
      const auto& s = specs[i];
      const collective_id parent =
          parent_spec[i] != none ? ids[parent_spec[i]] : parent_existing[i];
      ids[i] = collective_id(static_cast<collective_id::value_type>(parent_.size()));
      kind_.push_back(intern_kind(s.kind));
      collective_codes_.insert(s.code);
      collective_names_.push_back(s.name);
      parent_.push_back(parent);
    }
  } catch (...) {
    truncate_collectives(old_count, old_kinds);
    throw;
  }
  return ids;
}

std::optional<collective_id> organization::find_collective(std::string_view code) const noexcept {
  if (auto row = collective_codes_.find(code)) return collective_id(*row);
  return std::nullopt;
}

namespace {

// The ids of rows found by code_table::find_many.
template <class Id>
std::vector<std::optional<Id>> ids_of_codes(const detail::code_table& table,
                                            std::span<const std::string_view> codes) {
  std::vector<std::uint32_t> rows(codes.size());
  table.find_many(codes, rows);
  std::vector<std::optional<Id>> ids(codes.size());
  for (std::size_t i = 0; i < rows.size(); ++i) {
    if (rows[i] != detail::code_table::absent) ids[i] = Id(rows[i]);
  }
  return ids;
}

}  // namespace

std::vector<std::optional<collective_id>> organization::find_collectives(
    std::span<const std::string_view> codes) const {
  return ids_of_codes<collective_id>(collective_codes_, codes);
}

std::vector<std::optional<member_id>> organization::find_members(
    std::span<const std::string_view> codes) const {
  return ids_of_codes<member_id>(member_codes_, codes);
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
  return collective_codes_[id.index()];
}

std::string_view organization::name(collective_id id) const {
  check(id, "name");
  return collective_names_[id.index()];
}

std::string_view organization::kind(collective_id id) const {
  check(id, "kind");
  return kind_names_[kind_[id.index()]];
}

std::optional<collective_id> organization::parent(collective_id id) const {
  check(id, "parent");
  const collective_id p = parent_[id.index()];
  if (!p.ok()) return std::nullopt;
  return p;
}

std::vector<collective_id> organization::children(collective_id id) const {
  check(id, "children");
  std::vector<collective_id> out;
  // Children have larger ids than their parent (the topological invariant).
  for (std::size_t c = id.index() + 1; c < parent_.size(); ++c) {
    if (parent_[c] == id) out.emplace_back(static_cast<collective_id::value_type>(c));
  }
  return out;
}

bool organization::in_subtree(collective_id node, collective_id ancestor) const {
  check(node, "in_subtree");
  check(ancestor, "in_subtree");
  for (collective_id c = node; c.ok(); c = parent_[c.index()]) {
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
  const std::size_t old_count = member_count();
  // The first spec with an empty code or an unknown collective; the specs before it may
  // still hold a repeated code, which insert_many finds. Errors come in the order of
  // the specs, as if each were added alone.
  const auto bad =
      static_cast<std::size_t>(std::find_if(specs.begin(), specs.end(),
                                            [&](const member_spec& s) {
                                              return s.code.empty() || !contains(s.collective);
                                            }) -
                               specs.begin());
  try {
    member_codes_.reserve_more(specs.size(), 8);
    member_names_.reserve_more(specs.size(), 0);
    // At least doubling, as string_column::reserve_more: loaders add batch after batch.
    if (old_count + specs.size() > member_collective_.capacity()) {
      member_collective_.reserve(
          std::max(old_count + specs.size(), 2 * member_collective_.capacity()));
    }
    // Codes go to the index in chunks, without allocating.
    std::array<std::string_view, 256> chunk;
    for (std::size_t base = 0; base < bad; base += chunk.size()) {
      const std::size_t n = std::min(chunk.size(), bad - base);
      for (std::size_t k = 0; k < n; ++k) chunk[k] = specs[base + k].code;
      const std::size_t added = member_codes_.insert_many(std::span(chunk.data(), n));
      if (added < n) {
        throw duplicate_error("member code " + quoted(specs[base + added].code) + " is used twice");
      }
    }
    if (bad < specs.size()) {
      const member_spec& s = specs[bad];
      require_code(s.code, "member");
      check(s.collective, "collective of member " + quoted(s.code));
    }
    for (const auto& s : specs) {
      member_names_.push_back(s.name);
      member_collective_.push_back(s.collective);
    }
  } catch (...) {
    member_codes_.truncate(old_count);
    member_names_.truncate(old_count);
    member_collective_.resize(old_count);
    throw;
  }
  return member_id(static_cast<member_id::value_type>(old_count));
}

void organization::reserve_members(std::size_t count) {
  member_codes_.reserve_more(count, 8);
  member_names_.reserve_more(count, 0);
  member_collective_.reserve(member_collective_.size() + count);
}

std::optional<member_id> organization::find_member(std::string_view code) const noexcept {
  if (auto row = member_codes_.find(code)) return member_id(*row);
  return std::nullopt;
}

member_id organization::member(std::string_view code) const {
  if (auto id = find_member(code)) return *id;
  throw not_found("no member has code " + quoted(code));
}

std::string_view organization::code(member_id id) const {
  check(id, "code");
  return member_codes_[id.index()];
}

std::string_view organization::name(member_id id) const {
  check(id, "name");
  return member_names_[id.index()];
}

collective_id organization::collective_of(member_id id) const {
  check(id, "collective_of");
  return member_collective_[id.index()];
}

std::vector<member_id> organization::members_of(collective_id id) const {
  check(id, "members_of");
  std::vector<member_id> out;
  for (std::size_t m = 0; m < member_collective_.size(); ++m) {
    if (member_collective_[m] == id) out.emplace_back(static_cast<member_id::value_type>(m));
  }
  return out;
}

bool operator==(const organization& a, const organization& b) {
  if (a.collective_count() != b.collective_count() || a.member_count() != b.member_count() ||
      a.parent_ != b.parent_ || a.member_collective_ != b.member_collective_) {
    return false;
  }
  for (std::size_t i = 0; i < a.collective_count(); ++i) {
    if (a.collective_codes_[i] != b.collective_codes_[i] ||
        a.collective_names_[i] != b.collective_names_[i] ||
        a.kind_names_[a.kind_[i]] != b.kind_names_[b.kind_[i]]) {
      return false;
    }
  }
  for (std::size_t i = 0; i < a.member_count(); ++i) {
    if (a.member_codes_[i] != b.member_codes_[i] || a.member_names_[i] != b.member_names_[i]) {
      return false;
    }
  }
  return true;
}

}  // namespace goaltrack
