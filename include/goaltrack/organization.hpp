#pragma once
/// @file
/// The organisation: collectives (a department, its party committee, cells, schools;
/// nested to any depth) and the individuals (members) who belong to them. Every entity
/// has a stable, unique code chosen by the user and a dense id given by the plan.
///
/// Invariant: a collective's parent always has a smaller id than the collective, so
/// the ids are a topological order of the tree (a reverse pass over ids visits every
/// child before its parent). Single adds keep it because the parent must exist;
/// add_collectives() orders a batch given in any order. The tree therefore cannot hold
/// a cycle, and a batch that describes one is rejected.

#include <cstdint>
#include <memory>
#include <optional>
#include <span>
#include <string>
#include <string_view>
#include <vector>

#include "goaltrack/export.hpp"
#include "goaltrack/ids.hpp"

namespace goaltrack {
namespace detail {
struct organization_data;
}  // namespace detail

/// One collective of a batch given to organization::add_collectives.
struct GOALTRACK_API collective_spec {
  std::string_view code;         ///< unique stable code, e.g. "SGD-DB" or "12345"
  std::string_view name;         ///< display name, e.g. "Đảng bộ Sở GD-ĐT"
  std::string_view kind;         ///< free label, e.g. "department", "party_committee", "cell"
  std::string_view parent_code;  ///< empty for a root; else a code in the plan or the batch
};

/// One member of a batch given to organization::add_members.
struct GOALTRACK_API member_spec {
  std::string_view code;     ///< unique stable code
  std::string_view name;     ///< display name (may be empty)
  collective_id collective;  ///< the collective the member belongs to
};

/// Collectives in a forest and the members that belong to them.
class GOALTRACK_API organization {
 public:
  /// An empty organisation.
  organization();
  ~organization();
  organization(const organization& other);
  organization(organization&& other) noexcept;
  organization& operator=(const organization& other);
  organization& operator=(organization&& other) noexcept;

  // --- collectives -------------------------------------------------------------------

  /// Adds a collective under `parent` (none: a root).
  /// @throws invalid_argument when the code is empty;
  ///         duplicate_error when the code is taken; not_found when parent is unknown.
  collective_id add_collective(std::string_view code, std::string_view name, std::string_view kind,
                               std::optional<collective_id> parent = std::nullopt);

  /// Adds a batch of collectives given in any order (children may come before their
  /// parents, as in a shuffled spreadsheet). All or nothing: on any error the
  /// organisation is left as it was.
  /// @return the id of each spec, in the order of `specs`.
  /// @throws duplicate_error naming a repeated code; not_found naming a collective
  ///         whose parent code is unknown; cycle_error naming a collective on a cycle.
  std::vector<collective_id> add_collectives(std::span<const collective_spec> specs);

  /// Number of collectives; ids are 0 .. collective_count() - 1.
  [[nodiscard]] std::size_t collective_count() const noexcept;
  /// The collective with this code, if any.
  [[nodiscard]] std::optional<collective_id> find_collective(std::string_view code) const noexcept;
  /// The collectives with these codes, in the order of `codes` (none where no collective
  /// has the code): find_collective of each code, faster for many codes, as their memory
  /// reads are overlapped. For bulk loaders.
  [[nodiscard]] std::vector<std::optional<collective_id>> find_collectives(
      std::span<const std::string_view> codes) const;
  /// The collective with this code. @throws not_found naming the code.
  [[nodiscard]] collective_id collective(std::string_view code) const;
  /// True when a collective has this code.
  [[nodiscard]] bool contains_collective(std::string_view code) const noexcept {
    return find_collective(code).has_value();
  }
  /// True when `id` names a collective of this organisation.
  [[nodiscard]] bool contains(collective_id id) const noexcept;
  /// The code of a collective. @throws not_found for an unknown id (as do all below).
  [[nodiscard]] std::string_view code(collective_id id) const;
  /// The display name of a collective.
  [[nodiscard]] std::string_view name(collective_id id) const;
  /// The kind label of a collective.
  [[nodiscard]] std::string_view kind(collective_id id) const;
  /// The parent of a collective; none for a root.
  [[nodiscard]] std::optional<collective_id> parent(collective_id id) const;
  /// The direct children of a collective, in id order.
  [[nodiscard]] std::vector<collective_id> children(collective_id id) const;
  /// True when `node` is `ancestor` or lies in its subtree.
  [[nodiscard]] bool in_subtree(collective_id node, collective_id ancestor) const;

  /// The parent column: parent id of every collective, invalid for roots. Each parent
  /// id is smaller than its child's id.
  [[nodiscard]] std::span<const collective_id> parents() const noexcept;
  /// The kind column as indices into kind_names().
  [[nodiscard]] std::span<const std::uint16_t> kind_indices() const noexcept;
  /// Distinct kind labels, in order of first use.
  [[nodiscard]] std::span<const std::string> kind_names() const noexcept;
  /// The index of a kind label in kind_names(), if used.
  [[nodiscard]] std::optional<std::uint16_t> find_kind(std::string_view kind) const noexcept;

  // --- members -----------------------------------------------------------------------

  /// Adds a member of `collective`.
  /// @throws invalid_argument when the code is empty; duplicate_error when the code is
  ///         taken; not_found when the collective is unknown.
  member_id add_member(std::string_view code, std::string_view name, collective_id collective);
  /// Adds a batch of members; all or nothing, errors as add_member's (naming the member).
  /// @return the id of the first member; the batch gets consecutive ids.
  member_id add_members(std::span<const member_spec> specs);

  /// Makes room for `count` more members before a bulk load in batches, so that the
  /// code index is sized once instead of growing (and rehashing) batch after batch.
  /// Changes no content.
  void reserve_members(std::size_t count);

  /// Number of members; ids are 0 .. member_count() - 1.
  [[nodiscard]] std::size_t member_count() const noexcept;
  /// The member with this code, if any.
  [[nodiscard]] std::optional<member_id> find_member(std::string_view code) const noexcept;
  /// The members with these codes, in the order of `codes` (none where no member has the
  /// code): find_member of each code, faster for many codes, as their memory reads are
  /// overlapped. For bulk loaders.
  [[nodiscard]] std::vector<std::optional<member_id>> find_members(
      std::span<const std::string_view> codes) const;
  /// The member with this code. @throws not_found naming the code.
  [[nodiscard]] member_id member(std::string_view code) const;
  /// True when `id` names a member of this organisation.
  [[nodiscard]] bool contains(member_id id) const noexcept;
  /// The code of a member. @throws not_found for an unknown id (as do all below).
  [[nodiscard]] std::string_view code(member_id id) const;
  /// The display name of a member.
  [[nodiscard]] std::string_view name(member_id id) const;
  /// The collective a member belongs to.
  [[nodiscard]] collective_id collective_of(member_id id) const;
  /// The members that belong directly to a collective, in id order (a scan of the
  /// member column: O(members)).
  [[nodiscard]] std::vector<member_id> members_of(collective_id id) const;
  /// The member column: the collective of every member.
  [[nodiscard]] std::span<const collective_id> member_collectives() const noexcept;

  /// Throws not_found naming `what` unless `id` is a collective of this organisation.
  void check(collective_id id, std::string_view what) const;
  /// Throws not_found naming `what` unless `id` is a member of this organisation.
  void check(member_id id, std::string_view what) const;

  friend GOALTRACK_API bool operator==(const organization& a, const organization& b);

 private:
  // The data, or none after a move (then the organisation reads as empty).
  [[nodiscard]] const detail::organization_data& data() const noexcept;
  [[nodiscard]] detail::organization_data& data_for_write();
  std::uint16_t intern_kind(std::string_view kind);

  std::unique_ptr<detail::organization_data> data_;
};

}  // namespace goaltrack
