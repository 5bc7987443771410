#pragma once
// Private to archive_payload.cpp: the parts of a payload that every format version lays
// out alike, as columns (the organisation, the rating rounds, the measurements, and the
// periods within them), and their loading into the plan builder.

#include <algorithm>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>
#include <cstdint>
#include <utility>

#include "io/archive_fields.hpp"
#include "io/archive_snapshot.hpp"

namespace goaltrack::detail {

using namespace fields;  // NOLINT(google-build-using-namespace): the codecs are these files'
                         // vocabulary

// Each class here is a Boost "object with class info": its version (BOOST_CLASS_VERSION
// below) is written once per archive and checked on load. Fields are never removed or
// reordered within a version; a change makes a new class version, and the CHANGELOG
// says so.

template <class A>
void serialize(A& ar, period_dto& d, const unsigned int version) {
  check_version<A>(version, "a period");
  number(ar, "kind", d.kind);
  number(ar, "first", d.first);
  number(ar, "last", d.last);
}

template <class A>
void serialize(A& ar, round_dto& d, const unsigned int version) {
  check_version<A>(version, "a rating round");
  number(ar, "scale", d.scale);
  ar& make_nvp("period", d.span);
  number(ar, "decided_on", d.decided_on);
  const std::uint64_t members = A::is_loading::value ? ctx().limits->members : 0;
  const std::uint64_t collectives = A::is_loading::value ? ctx().limits->collectives : 0;
  column(ar, "member_ranks", d.member_ranks, members, "member ratings of a round");
  column(ar, "collective_ranks", d.collective_ranks, collectives, "collective ratings of a round");
  if constexpr (A::is_loading::value) {
    const auto rated = [](const std::vector<std::uint8_t>& ranks) {
      return static_cast<std::uint64_t>(std::count_if(
          ranks.begin(), ranks.end(), [](std::uint8_t r) { return r != rating_round::unrated; }));
    };
    ctx().count_ratings(rated(d.member_ranks) + rated(d.collective_ranks));
  }
}

template <class A>
void serialize(A& ar, organization_dto& d, const unsigned int version) {
  check_version<A>(version, "the organisation");
  const load_limits* l = A::is_loading::value ? ctx().limits : nullptr;
  const std::uint64_t coll = l ? l->collectives : 0;
  const std::uint64_t mem = l ? l->members : 0;
  strings(ar, "kind_names", d.kind_names, coll, "kinds of collectives");
  strings(ar, "collective_codes", d.collective_codes, coll, "collectives");
  strings(ar, "collective_names", d.collective_names, coll, "collective names");
  column(ar, "collective_kinds", d.collective_kinds, coll, "collective kinds");
  column(ar, "collective_parents", d.collective_parents, coll, "collective parents");
  strings(ar, "member_codes", d.member_codes, mem, "members");
  strings(ar, "member_names", d.member_names, mem, "member names");
  column(ar, "member_collectives", d.member_collectives, mem, "member collectives");
}

template <class A>
void serialize(A& ar, annotation_dto& d, const unsigned int version) {
  check_version<A>(version, "a measurement annotation");
  number(ar, "row", d.row);
  str(ar, "source", d.source);
  str(ar, "note", d.note);
}

template <class A>
void serialize(A& ar, measurements_dto& d, const unsigned int version) {
  check_version<A>(version, "the measurements");
  const std::uint64_t cap = A::is_loading::value ? ctx().limits->measurements : 0;
  column(ar, "targets", d.targets, cap, "measurements");
  column(ar, "days", d.days, cap, "measurement days");
  column(ar, "values", d.values, cap, "measurement values");
  column(ar, "denominators", d.denominators, cap, "measurement denominators");
  objects(ar, "annotations", d.annotations, cap, "measurement annotations");
}

/// Loads the organisation, the rating rounds or the measurements of a file into `b`.
template <class A>
void load_organization(A& ar, plan_builder& b) {
  organization_dto org;
  ar& make_nvp("organization", org);
  b.add(std::move(org));
}

template <class A>
void load_rounds(A& ar, plan_builder& b) {
  load_objects<A, round_dto>(ar, "rounds", ctx().limits->rounds, "rating rounds",
                             [&](const round_dto& d) { b.add(d); });
}

template <class A>
void load_measurements(A& ar, plan_builder& b) {
  measurements_dto m;
  ar& make_nvp("measurements", m);
  b.add(std::move(m));
}

}  // namespace goaltrack::detail

// A Boost class of version 1, never tracked (no object is saved twice or by pointer).
#define GOALTRACK_ARCHIVE_CLASS(T)             \
  BOOST_CLASS_VERSION(goaltrack::detail::T, 1) \
  BOOST_CLASS_TRACKING(goaltrack::detail::T, boost::serialization::track_never)
GOALTRACK_ARCHIVE_CLASS(period_dto)
GOALTRACK_ARCHIVE_CLASS(round_dto)
GOALTRACK_ARCHIVE_CLASS(organization_dto)
GOALTRACK_ARCHIVE_CLASS(annotation_dto)
GOALTRACK_ARCHIVE_CLASS(measurements_dto)
