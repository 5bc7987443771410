#pragma once
// Private: the vocabulary of the entity descriptions (schema.hpp): a field, its CSV column,
// the kinds it applies to and the archive format that first saved it.

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <tuple>
#include <type_traits>

#include "goaltrack/io/load_limits.hpp"

namespace goaltrack::detail {

/// How a field appears in its entity's CSV file (io/csv_layout.hpp is checked against it).
struct csv_column {
  std::string_view name{};  ///< the header, when not the field's name
  bool required = false;    ///< a file must have the column
  bool elsewhere = false;   ///< not a column of the entity's file: another file or its key holds it
  bool sparse = false;      ///< export_csv leaves the cell blank while the field has its default
};

/// A column that export_csv leaves blank while the field has its default.
inline constexpr csv_column sparse_column{{}, false, false, true};

/// A column that every file of the entity must have, under the field's name.
inline constexpr csv_column required_column{{}, true};

/// A set of an entity's kinds (targets: target_kind), one bit per enumerator.
using kind_mask = std::uint32_t;
inline constexpr kind_mask every_kind = ~kind_mask{0};
template <class Enum, class... More>
constexpr kind_mask kinds(Enum first, More... more) {
  return ((kind_mask{1} << static_cast<unsigned>(first)) | ... |
          (kind_mask{1} << static_cast<unsigned>(more)));
}

/// The archive format version (goaltrack/io/archive.hpp) from which a field is saved: files
/// of format 2 were the first written from the descriptions.
inline constexpr std::uint32_t described_format = 2;

/// One field of Entity: name, member, doc; its CSV column; the kinds of entity it applies
/// to (elsewhere it keeps its default value); the archive format that first saved it; for
/// a list, the load_limits field that caps its items in a file.
template <class Entity, class T>
struct field {
  using entity_type = Entity;
  using value_type = T;
  std::string_view name;
  T Entity::*member;
  std::string_view doc;
  csv_column csv{};
  kind_mask applies_to = every_kind;
  std::uint32_t first_format = described_format;
  std::uint64_t load_limits::*item_limit = nullptr;
  bool unbounded = false;  ///< a number that may be -inf or +inf (not NaN)

  [[nodiscard]] constexpr std::string_view csv_name() const noexcept {
    return csv.name.empty() ? name : csv.name;
  }
  /// The field, saved from archive format `version` on (older files load it as default).
  [[nodiscard]] constexpr field since(std::uint32_t version) const noexcept {
    field f = *this;
    f.first_format = version;
    return f;
  }
  /// The number field, which may be -inf or +inf.
  [[nodiscard]] constexpr field may_be_infinite() const noexcept {
    field f = *this;
    f.unbounded = true;
    return f;
  }
  /// The list field, with at most `limit` items in a file that loads.
  [[nodiscard]] constexpr field capped_by(std::uint64_t load_limits::*limit) const noexcept {
    field f = *this;
    f.item_limit = limit;
    return f;
  }
};
template <class E, class T>
field(std::string_view, T E::*, std::string_view) -> field<E, T>;
template <class E, class T>
field(std::string_view, T E::*, std::string_view, csv_column) -> field<E, T>;
template <class E, class T>
field(std::string_view, T E::*, std::string_view, csv_column, kind_mask) -> field<E, T>;

/// Specialised for each entity (schema.hpp, schema_policy.hpp): `kind` (its name in messages) and
/// `fields`.
template <class Entity>
struct schema;

template <class Entity>
concept described = requires {
  schema<Entity>::fields;
};

/// Calls f(field) for each field of Entity, in order.
template <class Entity, class F>
constexpr void for_each_field(F&& f) {
  std::apply([&](const auto&... each) { (f(each), ...); }, schema<Entity>::fields);
}

/// The number of fields of Entity.
template <class Entity>
inline constexpr std::size_t field_count = std::tuple_size_v<decltype(schema<Entity>::fields)>;

}  // namespace goaltrack::detail
