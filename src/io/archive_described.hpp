#pragma once
// Private to archive_payload.cpp: the payload of format 2 and later. The organisation,
// rounds and measurements are columns as in format 1 (archive_parts.hpp); every other
// entity (scales' levels, programs, tasks, targets, policies) is saved field by field,
// walking its description (schema.hpp) in order, each field as the codec of its type:
//
//   text, number, flag, count     as archive_fields.hpp's scalars
//   enum                          its code as a byte, refused on load when unknown
//   id, level, day                their number (ids are checked by the plan on add)
//   period, share, optional,      one element of their own (in XML, nested tags)
//   described struct
//   list                          a count bounded by the field's load_limits cap, then
//                                 its items
//
// A field added to a description is saved from the format version it names (`since`);
// a file of an older format loads it with its default value. So a new field needs no
// code here unless its type is new, and then the compiler asks for a codec.
//
// Loading writes every field of the entity it fills, so that one entity may be filled
// again and again (keeping its strings' capacity).

#include <boost/serialization/level.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/tracking.hpp>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <type_traits>
#include <utility>
#include <vector>

#include "enum_codes.hpp"
#include "goaltrack/io/archive.hpp"
#include "goaltrack/plan.hpp"
#include "io/archive_parts.hpp"
#include "schema.hpp"

namespace goaltrack::detail {

namespace fields {

/// A compound value, saved as one element of its own.
template <class T>
struct boxed {
  T* value;
};

template <class T>
struct is_list : std::false_type {};
template <class T>
struct is_list<std::vector<T>> : std::true_type {};

template <class T>
concept compound = described<T> || std::is_same_v<T, period> || std::is_same_v<T, share> ||
    requires(T t) {
  t.has_value();
  t.reset();
};

// --- one value -------------------------------------------------------------------------

template <class A>
void value(A& ar, const char* name, std::string& s) {
  str(ar, name, s);
}
template <class A>
void value(A& ar, const char* name, double& d) {
  real(ar, name, d);
}
template <class A>
void value(A& ar, const char* name, bool& b) {
  flag(ar, name, b);
}
template <class A>
void value(A& ar, const char* name, std::uint32_t& n) {
  number(ar, name, n);
}

template <class A, class Tag>
void value(A& ar, const char* name, basic_id<Tag>& id) {
  typename basic_id<Tag>::value_type v = id.value();
  number(ar, name, v);
  if constexpr (A::is_loading::value) id = basic_id<Tag>(v);
}

template <class A>
void value(A& ar, const char* name, rating_level& level) {
  std::uint8_t rank = level.rank();
  number(ar, name, rank);
  if constexpr (A::is_loading::value) level = rating_level(rank);
}

template <class A>
void value(A& ar, const char* name, date& d) {
  std::int32_t day = A::is_loading::value ? 0 : day_number(d);
  number(ar, name, day);
  if constexpr (A::is_loading::value) {
    try {
      d = from_day_number(day);
    } catch (const error& e) {
      ctx().fail(std::string("field '") + name + "': " + e.what());
    }
  }
}

// An enum travels as its code, one byte, refused on load when no value has it.
template <class A, class E>
requires std::is_enum_v<E>
void value(A& ar, const char* name, E& e) {
  static_assert(sizeof(E) == 1, "enums of the model are one byte");
  auto code = static_cast<std::uint8_t>(e);
  number(ar, name, code);
  if constexpr (A::is_loading::value) {
    e = static_cast<E>(code);
    if (!is_known(e))
      ctx().fail(std::string("field '") + name + "' has unknown code " + std::to_string(code));
  }
}

template <class A, compound T>
void value(A& ar, const char* name, T& x) {
  boxed<T> b{&x};
  ar& boost::serialization::make_nvp(name, b);
}

// --- the parts of a compound value -----------------------------------------------------

template <class A>
void parts(A& ar, period& p) {
  period_dto d = A::is_loading::value ? period_dto{} : to_dto(p);
  number(ar, "kind", d.kind);
  number(ar, "first", d.first);
  number(ar, "last", d.last);
  if constexpr (A::is_loading::value) p = from_dto(d);  // invalid_argument: impossible plan
}

template <class A>
void parts(A& ar, share& s) {
  number(ar, "numerator", s.numerator);
  number(ar, "denominator", s.denominator);
}

template <class A, class T>
void parts(A& ar, std::optional<T>& o) {
  bool set = o.has_value();
  flag(ar, "set", set);
  if (!set) {
    o.reset();
    return;
  }
  if (!o) o.emplace();
  value(ar, "value", *o);
}

// A value to load an item into: T{}, or a period, which has no empty state.
template <class T>
T blank() {
  if constexpr (std::is_same_v<T, period>) {
    return period::year(2000);
  } else {
    return T{};
  }
}

template <class A, class T>
void list(A& ar, const char* name, std::vector<T>& v, std::uint64_t cap) {
  if constexpr (std::is_same_v<T, std::string>) {
    text_list(ar, name, v, cap, name);
  } else if constexpr (!A::is_loading::value) {
    std::uint64_t n = v.size();
    ar << boost::serialization::make_nvp(name, n);
    for (T& x : v) value(ar, "item", x);
  } else {
    const std::size_t n = bounded_count(ar, name, cap, name, min_item_bytes<A>(1));
    v.clear();
    v.reserve(reserve_for<A>(n, 1));
    for (std::size_t i = 0; i < n; ++i) value(ar, "item", v.emplace_back(blank<T>()));
  }
}

// The fields of a described entity, in the description's order.
template <class A, described E>
void parts(A& ar, E& e) {
  static const E defaults{};
  [&]<std::size_t... I>(std::index_sequence<I...>) {
    const auto one = [&](auto index) {
      constexpr const auto& f = std::get<decltype(index)::value>(schema<E>::fields);
      using V = typename std::remove_cvref_t<decltype(f)>::value_type;
      static_assert(f.first_format <= archive_format_version,
                    "a field is saved from a newer format than this library writes: raise "
                    "archive_format_version (goaltrack/io/archive.hpp)");
      auto& x = e.*f.member;
      if constexpr (A::is_loading::value) {
        if (f.first_format > ctx().format_version) {
          x = defaults.*f.member;  // older than the field: it has its default
          return;
        }
      }
      if constexpr (is_list<V>::value) {
        static_assert(f.item_limit != nullptr, "a list field names its cap (capped_by)");
        list(ar, f.name.data(), x, A::is_loading::value ? ctx().limits->*f.item_limit : 0);
      } else if constexpr (std::is_same_v<V, double>) {
        if (f.unbounded) {
          extended_real(ar, f.name.data(), x);
        } else {
          real(ar, f.name.data(), x);
        }
      } else {
        value(ar, f.name.data(), x);
      }
    };
    (one(std::integral_constant<std::size_t, I>()), ...);
  }
  (std::make_index_sequence<field_count<E>>());
}

template <class A, class T>
void serialize(A& ar, boxed<T>& b, const unsigned int /*version: none, see level below*/) {
  parts(ar, *b.value);
}

// --- the plan --------------------------------------------------------------------------

/// Saves a list of entities: a count, then each. Each is taken by value (the codecs take
/// values by reference, for both directions); a target list already yields copies.
template <class A, class Range>
void save_entities(A& ar, const char* name, const Range& items) {
  std::uint64_t n = std::size(items);
  ar << boost::serialization::make_nvp(name, n);
  for (auto item : items) value(ar, "item", item);
}

/// Loads a list of at most `cap` entities, each filled in the entity `into(i)` returns.
template <class T, class A, class Into, class Done>
void load_entities(A& ar, const char* name, std::uint64_t cap, const char* what, Into into,
                   Done done) {
  const std::size_t n = bounded_count(ar, name, cap, what, min_item_bytes<A>(1));
  for (std::size_t i = 0; i < n; ++i) {
    T& x = into();
    value(ar, "item", x);
    done(x);
  }
}

}  // namespace fields

/// A scale as a file of format 2 holds it: its code and levels (rating_scale checks them
/// when it is made).
struct scale_parts {
  std::string code;
  std::vector<level_labels> levels;
};

template <class A>
void serialize(A& ar, scale_parts& s, const unsigned int version) {
  check_version<A>(version, "a rating scale");
  str(ar, "code", s.code);
  fields::list(ar, "levels", s.levels, A::is_loading::value ? rating_scale::max_levels : 0);
}

/// The plan in a file of format 2 or later: saved from `saved`, loaded into `builder`.
struct plan_v2 {
  const plan* saved = nullptr;
  plan_builder* builder = nullptr;
};

template <class A>
void save_plan(A& ar, const plan& p) {
  using boost::serialization::make_nvp;
  plan_columns c = take_columns(p);
  ar << make_nvp("organization", c.org);
  std::vector<scale_parts> scales;
  for (const rating_scale& s : p.scales())
    scales.push_back({s.code(), {s.levels().begin(), s.levels().end()}});
  objects(ar, "scales", scales, 0, "rating scales");
  objects(ar, "rounds", c.rounds, 0, "rating rounds");
  fields::save_entities(ar, "programs", p.programs());
  fields::save_entities(ar, "tasks", p.tasks());
  fields::save_entities(ar, "targets", p.targets());
  ar << make_nvp("measurements", c.measurements);
  fields::save_entities(ar, "policies", p.policies());
  fields::save_entities(ar, "assessments", p.assessments());  // since format 5
  fields::save_entities(ar, "alignments", p.alignments());    // since format 8
  fields::save_entities(ar, "labels", p.labels());            // since format 9
  fields::save_entities(ar, "notes", p.notes());              // since format 11
}

template <class A>
void load_plan(A& ar, plan_builder& b) {
  const load_limits& l = *ctx().limits;
  load_organization(ar, b);
  load_objects<A, scale_parts>(ar, "scales", l.scales, "rating scales", [&](scale_parts& s) {
    b.add(rating_scale(std::move(s.code), std::move(s.levels)));
  });
  load_rounds(ar, b);
  program p;
  fields::load_entities<program>(
      ar, "programs", l.programs, "programs", [&]() -> program& { return p; },
      [&](const program& x) { b.add(x); });
  task t;
  fields::load_entities<task>(
      ar, "tasks", l.tasks, "tasks", [&]() -> task& { return t; },
      [&](const task& x) { b.add(x); });
  fields::load_entities<target>(
      ar, "targets", l.targets, "targets", [&]() -> target& { return b.next_target(); },
      [](const target&) {});
  load_measurements(ar, b);
  named_policy np;
  fields::load_entities<named_policy>(
      ar, "policies", l.policies, "policies", [&]() -> named_policy& { return np; },
      [&](const named_policy& x) { b.add(x); });
  if (ctx().format_version < 5) return;
  assessment a;
  fields::load_entities<assessment>(
      ar, "assessments", l.assessments, "assessments", [&]() -> assessment& { return a; },
      [&](const assessment& x) { b.add(x); });
  if (ctx().format_version < 8) return;
  alignment e;
  fields::load_entities<alignment>(
      ar, "alignments", l.alignments, "alignments", [&]() -> alignment& { return e; },
      [&](const alignment& x) { b.add(x); });
  if (ctx().format_version < 9) return;
  entity_label n;
  fields::load_entities<entity_label>(
      ar, "labels", l.labels, "labels", [&]() -> entity_label& { return n; },
      [&](const entity_label& x) { b.add(x); });
  if (ctx().format_version < 11) return;
  row_note o;
  fields::load_entities<row_note>(
      ar, "notes", l.notes, "notes", [&]() -> row_note& { return o; },
      [&](const row_note& x) { b.add(x); });
}

template <class A>
void serialize(A& ar, plan_v2& s, const unsigned int version) {
  check_version<A>(version, "the plan");
  if constexpr (A::is_loading::value) {
    load_plan(ar, *s.builder);
  } else {
    save_plan(ar, *s.saved);
  }
}

}  // namespace goaltrack::detail

// Boxed values carry no class information: the file's format version says what they hold.
namespace boost::serialization {
template <class T>
struct implementation_level_impl<const goaltrack::detail::fields::boxed<T>> {
  using tag = mpl::integral_c_tag;
  using type = mpl::int_<object_serializable>;
  BOOST_STATIC_CONSTANT(int, value = type::value);
};
template <class T>
struct tracking_level<goaltrack::detail::fields::boxed<T>> {
  using tag = mpl::integral_c_tag;
  using type = mpl::int_<track_never>;
  BOOST_STATIC_CONSTANT(int, value = type::value);
};
}  // namespace boost::serialization

GOALTRACK_ARCHIVE_CLASS(scale_parts)
GOALTRACK_ARCHIVE_CLASS(plan_v2)
