// The payload: Boost.Serialization archives of the snapshot, loaded with every size
// bounded before anything of that size is allocated.
//
// Why so much by hand: Boost's own loaders of std::string and std::vector resize to the
// size read from the file before reading the elements (a 4-byte file can ask for
// exabytes), Boost's archive headers are read the same way, Boost's binary archive
// loads a bool by reading a byte into it (any value but 0 and 1 is undefined
// behaviour), its text archive's base64 reader dereferences a null stream at the end
// of input, and its XML archive checks its closing tag in a destructor, which
// terminates the process on a damaged file. So:
//  - archives are opened with no_header; the Boost library version is the payload's
//    first field (text, binary) or read from the root tag by our own scanner (XML),
//    and the XML prologue and closing tag are written and checked here;
//  - XML closing tags are not compared by Boost (no_xml_tag_checking): its comparison
//    reads out of bounds on a long wrong name;
//  - collections and strings are saved as a count then items, and loaded by
//    bounded_count(), which checks the count against load_limits and against the bytes
//    that remain (each item needs at least a few bytes) before reserving anything;
//  - bools and enums travel as bytes and are range-checked; doubles must be finite.

#include "io/archive_payload.hpp"

#include <algorithm>
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>
#include <streambuf>
#include <string_view>
#include <type_traits>
#include <utility>

#include <boost/archive/archive_exception.hpp>
#include <boost/archive/basic_archive.hpp>
#include <boost/archive/binary_iarchive.hpp>
#include <boost/archive/binary_oarchive.hpp>
#include <boost/archive/text_iarchive.hpp>
#include <boost/archive/text_oarchive.hpp>
#include <boost/archive/xml_iarchive.hpp>
#include <boost/archive/xml_oarchive.hpp>
#include <boost/serialization/nvp.hpp>
#include <boost/serialization/tracking.hpp>
#include <boost/serialization/version.hpp>

#include "goaltrack/error.hpp"
#include "io/payload_buf.hpp"

namespace goaltrack::detail {
namespace {

using boost::serialization::make_nvp;

// What the loaders need besides the archive: limits, where they are, whom to blame.
struct load_context {
  payload_buf* buf;
  const load_limits* limits;
  std::uint64_t base_offset;
  const std::string* path;

  [[noreturn]] void fail(const std::string& what) const {
    const std::uint64_t at = base_offset + buf->position();
    throw corrupt_error("goaltrack file '" + *path + "' is damaged: " + what + " (at byte " +
                            std::to_string(at) + ")",
                        *path, at);
  }
};

thread_local const load_context* current_load = nullptr;

const load_context& ctx() { return *current_load; }

template <class A>
inline constexpr bool is_xml = std::is_same_v<A, boost::archive::xml_iarchive> ||
                               std::is_same_v<A, boost::archive::xml_oarchive>;
template <class A>
inline constexpr bool is_binary = std::is_same_v<A, boost::archive::binary_iarchive> ||
                                  std::is_same_v<A, boost::archive::binary_oarchive>;
template <class A>
inline constexpr bool is_text = std::is_same_v<A, boost::archive::text_iarchive> ||
                                std::is_same_v<A, boost::archive::text_oarchive>;

// One number. A binary archive's numbers are read straight from the buffer, as the bytes
// Boost's binary_iarchive would read (the value's own bytes, in the machine's order):
// a bounds check and a copy instead of a trip through Boost's stream layer, whose
// virtual call per field dominated loading a million targets.
template <class A, class T>
void field(A& ar, const char* name, T& x) {
  static_assert(std::is_arithmetic_v<T>);
  if constexpr (is_binary<A> && A::is_loading::value) {
    if (!ctx().buf->read(&x, sizeof(T))) ctx().fail(std::string("field '") + name + "' is cut short");
  } else {
    ar& make_nvp(name, x);
  }
}

// Fewest bytes one item of a collection takes in an archive of kind A.
template <class A>
constexpr std::uint64_t min_item_bytes(std::uint64_t binary_bytes) {
  if constexpr (is_binary<A>) return binary_bytes;
  if constexpr (is_xml<A>) return 7;  // "<v>0</v>" at least
  return 2;                           // "0 "
}

// A count of items (each at least min_bytes) that are about to be read: checked
// against the cap and the bytes that remain. Returns it as a size.
template <class A>
std::size_t bounded_count(A& ar, const char* name, std::uint64_t cap, const char* what,
                          std::uint64_t min_bytes) {
  std::uint64_t n = 0;
  field(ar, name, n);
  if (n > cap) {
    ctx().fail(std::to_string(n) + " " + what + " exceed the limit of " + std::to_string(cap) +
               " (load_limits)");
  }
  const std::uint64_t remaining = ctx().buf->remaining();
  if (min_bytes > 0 && n > remaining / min_bytes) {
    ctx().fail(std::to_string(n) + " " + what + " cannot fit in the " + std::to_string(remaining) +
               " bytes that remain");
  }
  return static_cast<std::size_t>(n);
}

// Items to reserve for n items: no more than the remaining bytes can hold, so that a
// lying count costs at most a small multiple of the file's size.
template <class A>
std::size_t reserve_for(std::size_t n, std::uint64_t min_bytes) {
  const std::uint64_t fit = ctx().buf->remaining() / std::max<std::uint64_t>(min_bytes, 1);
  return static_cast<std::size_t>(std::min<std::uint64_t>(n, std::min<std::uint64_t>(fit, 1U << 16)));
}

template <class A>
void check_version(unsigned int version, const char* what) {
  if constexpr (A::is_loading::value) {
    if (version > 1) {
      const std::uint64_t at = ctx().base_offset + ctx().buf->position();
      throw format_error("goaltrack file '" + *ctx().path + "' has " + what + " of class version " +
                             std::to_string(version) +
                             ", newer than version 1 that this library reads; use a newer goaltrack",
                         *ctx().path, at);
    }
  }
}

// --- scalars -------------------------------------------------------------------------


template <class A>
void flag(A& ar, const char* name, bool& b) {
  std::uint8_t v = b ? 1 : 0;
  field(ar, name, v);
  if constexpr (A::is_loading::value) {
    if (v > 1) ctx().fail(std::string("flag '") + name + "' is " + std::to_string(v) + ", not 0 or 1");
    b = v == 1;
  }
}

template <class A>
void real(A& ar, const char* name, double& d) {
  field(ar, name, d);
  if constexpr (A::is_loading::value) {
    if (!std::isfinite(d)) ctx().fail(std::string("number '") + name + "' is not finite");
  }
}

template <class A>
void str(A& ar, const char* name, std::string& s) {
  if constexpr (is_xml<A>) {
    ar& make_nvp(name, s);  // read up to the next '<': never beyond the input
    if constexpr (A::is_loading::value) {
      if (s.size() > ctx().limits->string_bytes) {
        ctx().fail(std::string("string '") + name + "' of " + std::to_string(s.size()) +
                   " bytes exceeds the limit of " + std::to_string(ctx().limits->string_bytes));
      }
    }
  } else if constexpr (!A::is_loading::value) {
    if constexpr (is_text<A>) {
      ar << s;  // size, a space, the bytes (read back below without Boost's resize)
    } else {
      std::uint64_t n = s.size();
      ar << n;
      if (n > 0) ar.save_binary(s.data(), s.size());
    }
  } else {
    const std::size_t n = bounded_count(ar, name, ctx().limits->string_bytes, "bytes of a string", 1);
    payload_buf& buf = *ctx().buf;
    if constexpr (is_text<A>) {
      // Boost's text format: the size, one separating space, then the raw bytes.
      if (buf.remaining() < n + 1 || !buf.skip(1)) ctx().fail(std::string("string '") + name + "' is cut short");
    }
    s.resize(n);
    if (!buf.read(s.data(), n)) ctx().fail(std::string("string '") + name + "' is cut short");
  }
}

// --- collections ---------------------------------------------------------------------

// The number a column's item travels as: itself, or an id's value (ids.hpp: a typed
// wrapper of exactly its value's bytes).
template <class T>
struct wire {
  using type = T;
  static T get(T x) { return x; }
};
template <class Tag>
struct wire<basic_id<Tag>> {
  using type = typename basic_id<Tag>::value_type;
  static type get(basic_id<Tag> x) { return x.value(); }
};

template <class A, class T>
void column(A& ar, const char* name, std::vector<T>& v, std::uint64_t cap, const char* what) {
  using W = typename wire<T>::type;
  static_assert(std::is_arithmetic_v<W> && sizeof(W) == sizeof(T) && std::is_trivially_copyable_v<T>);
  if constexpr (!A::is_loading::value) {
    std::uint64_t n = v.size();
    ar << make_nvp(name, n);
    if constexpr (is_binary<A>) {
      if (n > 0) ar.save_binary(v.data(), v.size() * sizeof(T));
    } else {
      for (const T& x : v) {
        W w = wire<T>::get(x);
        ar << make_nvp("v", w);
      }
    }
  } else {
    constexpr std::uint64_t min = min_item_bytes<A>(sizeof(T));
    const std::size_t n = bounded_count(ar, name, cap, what, min);
    v.clear();
    if constexpr (is_binary<A>) {
      v.resize(n);  // n * sizeof(T) bytes remain: checked above
      if (n > 0) ar.load_binary(v.data(), n * sizeof(T));
    } else {
      v.reserve(reserve_for<A>(n, min));
      for (std::size_t i = 0; i < n; ++i) {
        W x{};
        ar >> make_nvp("v", x);
        v.push_back(T(x));
      }
    }
    if constexpr (std::is_floating_point_v<T>) {
      for (const T x : v) {
        if (!std::isfinite(x)) ctx().fail(std::string("a number of '") + name + "' is not finite");
      }
    }
  }
}

template <class A>
void strings(A& ar, const char* name, string_list& l, std::uint64_t cap, const char* what) {
  if constexpr (is_xml<A>) {
    if constexpr (!A::is_loading::value) {
      std::uint64_t n = l.size();
      ar << make_nvp(name, n);
      for (std::size_t i = 0; i < l.size(); ++i) {
        std::string s(l[i]);
        ar << make_nvp("s", s);
      }
    } else {
      const std::size_t n = bounded_count(ar, name, cap, what, 7);
      l = {};
      l.ends.reserve(reserve_for<A>(n, 7));
      std::string s;
      for (std::size_t i = 0; i < n; ++i) {
        str(ar, "s", s);
        l.push_back(s);
      }
    }
  } else if constexpr (!A::is_loading::value) {
    std::vector<std::uint64_t> lengths(l.size());
    for (std::size_t i = 0; i < l.size(); ++i) lengths[i] = l[i].size();
    column(ar, name, lengths, cap, what);
    str(ar, "bytes", l.bytes);
  } else {
    // The lengths are read into the ends column and summed there (no second column).
    column(ar, name, l.ends, cap, what);
    std::uint64_t total = 0;
    for (std::uint64_t& end : l.ends) {
      const std::uint64_t len = end;
      if (len > ctx().limits->string_bytes) {
        ctx().fail("a string of " + std::to_string(len) + " bytes exceeds the limit of " +
                   std::to_string(ctx().limits->string_bytes));
      }
      total += len;  // no overflow: each length is at most string_bytes, counts are bounded
      end = total;
    }
    if (total > ctx().buf->remaining()) ctx().fail(std::string("the strings of '") + name + "' are cut short");
    load_limits blob_limits = *ctx().limits;
    blob_limits.string_bytes = total;
    load_context blob_ctx = ctx();
    blob_ctx.limits = &blob_limits;
    const load_context* saved = current_load;
    current_load = &blob_ctx;
    str(ar, "bytes", l.bytes);
    current_load = saved;
    if (l.bytes.size() != total) ctx().fail(std::string("the strings of '") + name + "' do not add up");
  }
}

// Loads a collection of objects, handing each to `deliver` as soon as it is read.
template <class A, class T, class Deliver>
void load_objects(A& ar, const char* name, std::uint64_t cap, const char* what, Deliver deliver) {
  const std::size_t n = bounded_count(ar, name, cap, what, min_item_bytes<A>(1));
  T x{};
  for (std::size_t i = 0; i < n; ++i) {
    x = T{};
    ar >> make_nvp("item", x);
    deliver(x);
  }
}

template <class A, class T>
void objects(A& ar, const char* name, std::vector<T>& v, std::uint64_t cap, const char* what) {
  if constexpr (!A::is_loading::value) {
    std::uint64_t n = v.size();
    ar << make_nvp(name, n);
    for (const T& x : v) ar << make_nvp("item", x);
  } else {
    v.clear();
    load_objects<A, T>(ar, name, cap, what, [&](T& x) { v.push_back(std::move(x)); });
  }
}

// A collection of the plan's parts (scales, rounds, ...): as objects(), except that
// when loading with a builder each part goes to it as soon as it is read.
template <class A, class T>
void parts(A& ar, const char* name, std::vector<T>& v, std::uint64_t cap, const char* what, plan_builder* builder) {
  if constexpr (A::is_loading::value) {
    if (builder != nullptr) {
      load_objects<A, T>(ar, name, cap, what, [&](const T& x) { builder->add(x); });
      return;
    }
  }
  objects(ar, name, v, cap, what);
}

template <class A>
void text_list(A& ar, const char* name, std::vector<std::string>& v, std::uint64_t cap, const char* what) {
  if constexpr (!A::is_loading::value) {
    std::uint64_t n = v.size();
    ar << make_nvp(name, n);
    for (std::string& s : v) str(ar, "s", s);
  } else {
    const std::size_t n = bounded_count(ar, name, cap, what, min_item_bytes<A>(8));
    v.clear();
    v.reserve(reserve_for<A>(n, 8));
    for (std::size_t i = 0; i < n; ++i) {
      std::string s;
      str(ar, "s", s);
      v.push_back(std::move(s));
    }
  }
}

}  // namespace

// --- the snapshot's classes ----------------------------------------------------------
// Each is a Boost "object with class info": its version (BOOST_CLASS_VERSION below) is
// written once per archive and checked on load. Fields are never removed or reordered
// within a version; a change makes a new class version, and the CHANGELOG says so.

template <class A>
void serialize(A& ar, period_dto& d, const unsigned int version) {
  check_version<A>(version, "a period");
  field(ar, "kind", d.kind);
  field(ar, "first", d.first);
  field(ar, "last", d.last);
}

template <class A>
void serialize(A& ar, level_dto& d, const unsigned int version) {
  check_version<A>(version, "a rating level");
  str(ar, "code", d.code);
  str(ar, "label_vi", d.label_vi);
  str(ar, "label_en", d.label_en);
}

template <class A>
void serialize(A& ar, scale_dto& d, const unsigned int version) {
  check_version<A>(version, "a rating scale");
  str(ar, "code", d.code);
  const std::uint64_t cap = A::is_loading::value ? rating_scale::max_levels : ~std::uint64_t{0};
  objects(ar, "levels", d.levels, cap, "levels of a scale");
}

template <class A>
void serialize(A& ar, round_dto& d, const unsigned int version) {
  check_version<A>(version, "a rating round");
  field(ar, "scale", d.scale);
  ar& make_nvp("period", d.span);
  field(ar, "decided_on", d.decided_on);
  const std::uint64_t members = A::is_loading::value ? ctx().limits->members : 0;
  const std::uint64_t collectives = A::is_loading::value ? ctx().limits->collectives : 0;
  column(ar, "member_ranks", d.member_ranks, members, "member ratings of a round");
  column(ar, "collective_ranks", d.collective_ranks, collectives, "collective ratings of a round");
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
void serialize(A& ar, program_dto& d, const unsigned int version) {
  check_version<A>(version, "a program");
  str(ar, "code", d.code);
  str(ar, "number", d.number);
  str(ar, "issuer", d.issuer);
  str(ar, "title", d.title);
  ar& make_nvp("period", d.span);
  field(ar, "owner", d.owner);
  field(ar, "parent", d.parent);
}

template <class A>
void serialize(A& ar, status_change_dto& d, const unsigned int version) {
  check_version<A>(version, "a task status change");
  field(ar, "day", d.day);
  field(ar, "status", d.status);
}

template <class A>
void serialize(A& ar, task_dto& d, const unsigned int version) {
  check_version<A>(version, "a task");
  str(ar, "code", d.code);
  str(ar, "title", d.title);
  field(ar, "program", d.program);
  field(ar, "owner", d.owner);
  flag(ar, "has_deadline", d.has_deadline);
  field(ar, "deadline", d.deadline);
  field(ar, "kind", d.kind);
  real(ar, "weight", d.weight);
  const std::uint64_t cap = A::is_loading::value ? ctx().limits->status_changes : 0;
  objects(ar, "history", d.history, cap, "status changes of a task");
}

template <class A>
void serialize(A& ar, target_dto& d, const unsigned int version) {
  check_version<A>(version, "a target");
  str(ar, "code", d.code);
  str(ar, "title", d.title);
  field(ar, "owner", d.owner);
  ar& make_nvp("period", d.span);
  field(ar, "program", d.program);
  field(ar, "kind", d.kind);
  str(ar, "unit", d.unit);
  field(ar, "goal", d.goal);
  real(ar, "goal_value", d.goal_value);
  real(ar, "goal_high", d.goal_high);
  flag(ar, "has_baseline", d.has_baseline);
  real(ar, "baseline", d.baseline);
  flag(ar, "whole_numbers", d.whole_numbers);
  str(ar, "currency", d.currency);
  const std::uint64_t cap = A::is_loading::value ? ctx().limits->checklist_items : 0;
  text_list(ar, "checklist", d.checklist, cap, "checklist items");
  field(ar, "wanted", d.wanted);
  field(ar, "scale", d.scale);
  field(ar, "level", d.level);
  field(ar, "share_numerator", d.share_numerator);
  field(ar, "share_denominator", d.share_denominator);
  field(ar, "count", d.count);
  flag(ar, "all", d.all);
  field(ar, "scope", d.scope);
  str(ar, "counted_kind", d.counted_kind);
  field(ar, "criterion", d.criterion);
}

template <class A>
void serialize(A& ar, annotation_dto& d, const unsigned int version) {
  check_version<A>(version, "a measurement annotation");
  field(ar, "row", d.row);
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

template <class A>
void serialize(A& ar, summary_dto& d, const unsigned int version) {
  check_version<A>(version, "a rating summary");
  field(ar, "round", d.round);
  field(ar, "level", d.level);
  field(ar, "criterion", d.criterion);
  str(ar, "counted_kind", d.counted_kind);
  field(ar, "share_numerator", d.share_numerator);
  field(ar, "share_denominator", d.share_denominator);
}

template <class A>
void serialize(A& ar, policy_dto& d, const unsigned int version) {
  check_version<A>(version, "a policy");
  str(ar, "code", d.code);
  real(ar, "on_track_margin", d.on_track_margin);
  real(ar, "at_risk_margin", d.at_risk_margin);
  real(ar, "trend_tolerance", d.trend_tolerance);
  flag(ar, "not_started_before_start", d.not_started_before_start);
  flag(ar, "missed_after_end", d.missed_after_end);
  const std::uint64_t cap = A::is_loading::value ? ctx().limits->rating_summaries : 0;
  objects(ar, "rating_summaries", d.summaries, cap, "rating summaries of a policy");
}

template <class A>
void serialize(A& ar, snapshot& s, const unsigned int version) {
  check_version<A>(version, "the plan");
  const load_limits* l = A::is_loading::value ? ctx().limits : nullptr;
  plan_builder* const b = s.builder;
  ar& make_nvp("organization", s.org);
  if constexpr (A::is_loading::value) {
    if (b != nullptr) {
      b->add(std::move(s.org));
      s.org = {};
    }
  }
  parts(ar, "scales", s.scales, l ? l->scales : 0, "rating scales", b);
  parts(ar, "rounds", s.rounds, l ? l->rounds : 0, "rating rounds", b);
  parts(ar, "programs", s.programs, l ? l->programs : 0, "programs", b);
  parts(ar, "tasks", s.tasks, l ? l->tasks : 0, "tasks", b);
  parts(ar, "targets", s.targets, l ? l->targets : 0, "targets", b);
  ar& make_nvp("measurements", s.measurements);
  if constexpr (A::is_loading::value) {
    if (b != nullptr) b->add(std::move(s.measurements));
  }
  parts(ar, "policies", s.policies, l ? l->policies : 0, "policies", b);
}

}  // namespace goaltrack::detail

#define GOALTRACK_ARCHIVE_CLASS(T)                                  \
  BOOST_CLASS_VERSION(goaltrack::detail::T, 1)                      \
  BOOST_CLASS_TRACKING(goaltrack::detail::T, boost::serialization::track_never)
GOALTRACK_ARCHIVE_CLASS(period_dto)
GOALTRACK_ARCHIVE_CLASS(level_dto)
GOALTRACK_ARCHIVE_CLASS(scale_dto)
GOALTRACK_ARCHIVE_CLASS(round_dto)
GOALTRACK_ARCHIVE_CLASS(organization_dto)
GOALTRACK_ARCHIVE_CLASS(program_dto)
GOALTRACK_ARCHIVE_CLASS(status_change_dto)
GOALTRACK_ARCHIVE_CLASS(task_dto)
GOALTRACK_ARCHIVE_CLASS(target_dto)
GOALTRACK_ARCHIVE_CLASS(annotation_dto)
GOALTRACK_ARCHIVE_CLASS(measurements_dto)
GOALTRACK_ARCHIVE_CLASS(summary_dto)
GOALTRACK_ARCHIVE_CLASS(policy_dto)
GOALTRACK_ARCHIVE_CLASS(snapshot)
#undef GOALTRACK_ARCHIVE_CLASS

namespace goaltrack::detail {
namespace {

constexpr std::string_view xml_prologue_start = "<?xml";
constexpr std::string_view xml_doctype = "<!DOCTYPE boost_serialization>";
constexpr std::string_view xml_root_start = "<boost_serialization signature=\"serialization::archive\" version=\"";
constexpr std::string_view xml_root_end = "</boost_serialization>";

std::uint32_t boost_library_version() {
  const boost::serialization::library_version_type v = boost::archive::BOOST_ARCHIVE_VERSION();
  return static_cast<std::uint32_t>(static_cast<std::uint_least16_t>(v));
}

bool is_space(char c) { return c == ' ' || c == '\n' || c == '\r' || c == '\t'; }

template <class OArchive>
std::string write_with(const snapshot& s, bool xml) {
  std::ostringstream os(std::ios::binary);
  if (xml) {
    os << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ?>\n" << xml_doctype << '\n'
       << xml_root_start << boost_library_version() << "\">\n";
  }
  {
    OArchive oa(os, boost::archive::no_header);
    if (!xml) {
      std::uint32_t v = boost_library_version();
      oa << make_nvp("boost_library_version", v);
    }
    oa << make_nvp("plan", s);
  }
  if (xml) os << xml_root_end << '\n';
  return std::move(os).str();
}

}  // namespace

std::string write_payload(const snapshot& s, archive_format format) {
  switch (format) {
    case archive_format::text: return write_with<boost::archive::text_oarchive>(s, false);
    case archive_format::xml: return write_with<boost::archive::xml_oarchive>(s, true);
    case archive_format::binary: return write_with<boost::archive::binary_oarchive>(s, false);
  }
  throw invalid_argument("unknown archive format " + std::to_string(static_cast<int>(format)));
}

namespace {

template <class IArchive>
plan read_with(payload_buf& buf, const load_context& c, std::uint32_t xml_library_version) {
  std::istream is(&buf);
  // no_xml_tag_checking: Boost's check of a closing tag's name reads past the end of the
  // expected name when the file's name is longer (found by the corrupt-file test under
  // AddressSanitizer). The XML structure is still checked: every start and end tag must
  // parse, and our counts must match.
  unsigned flags = boost::archive::no_header;
  if constexpr (std::is_same_v<IArchive, boost::archive::xml_iarchive>) flags |= boost::archive::no_xml_tag_checking;
  IArchive ia(is, flags);
  std::uint32_t v = xml_library_version;
  if constexpr (!std::is_same_v<IArchive, boost::archive::xml_iarchive>) {
    ia >> make_nvp("boost_library_version", v);
  }
  if (v > boost_library_version() || v < 3) {
    const std::uint64_t at = c.base_offset + buf.position();
    throw format_error("goaltrack file '" + *c.path + "' was written by a Boost.Serialization of library version " +
                           std::to_string(v) + "; this one reads versions 3 to " +
                           std::to_string(boost_library_version()),
                       *c.path, at);
  }
  ia.set_library_version(boost::serialization::library_version_type(v));
  plan_builder builder;
  snapshot s;
  s.builder = &builder;
  ia >> make_nvp("plan", s);
  return std::move(builder).finish();
}

// Parses the archive in `buf` into a plan, then checks that nothing but white space
// (none in a binary archive) follows it.
plan read_archive(payload_buf& buf, archive_format format, const load_limits& limits, std::uint64_t base_offset,
                  const std::string& path, std::uint32_t xml_version) {
  const load_context c{&buf, &limits, base_offset, &path};
  const load_context* saved = current_load;
  current_load = &c;
  struct restore {
    const load_context* saved;
    ~restore() { current_load = saved; }
  } restore_on_exit{saved};
  plan p;
  try {
    switch (format) {
      case archive_format::text: p = read_with<boost::archive::text_iarchive>(buf, c, 0); break;
      case archive_format::xml: p = read_with<boost::archive::xml_iarchive>(buf, c, xml_version); break;
      case archive_format::binary: p = read_with<boost::archive::binary_iarchive>(buf, c, 0); break;
    }
  } catch (const file_error&) {
    throw;
  } catch (const error& e) {
    // A model check refused what the archive describes (the builder adds each part as
    // soon as it is read, so the position is where that part ends).
    c.fail(std::string("it describes an impossible plan: ") + e.what());
  } catch (const boost::archive::archive_exception& e) {
    c.fail(std::string("the archive does not parse (") + e.what() + ")");
  } catch (const std::bad_alloc&) {
    throw;
  } catch (const std::exception& e) {
    c.fail(std::string("the archive does not parse (") + e.what() + ")");
  }
  while (buf.remaining() > 0) {
    char ch = 0;
    if (!buf.read(&ch, 1)) break;
    if (format == archive_format::binary || !is_space(ch)) c.fail("unexpected bytes after the plan");
  }
  return p;
}

}  // namespace

plan read_payload(const char* data, std::size_t size, archive_format format, const load_limits& limits,
                  std::uint64_t base_offset, const std::string& path) {
  std::size_t begin = 0;
  std::size_t end = size;
  std::uint32_t xml_version = 0;
  const std::string_view all(data, size);
  const auto bad = [&](const std::string& what, std::uint64_t at) {
    return corrupt_error("goaltrack file '" + path + "' is damaged: " + what + " (at byte " +
                             std::to_string(base_offset + at) + ")",
                         path, base_offset + at);
  };
  if (format == archive_format::xml) {
    // Our own bounded check of what Boost's XML reader would check in its constructor
    // and destructor: the prologue, the root tag and its version, the closing tag last.
    std::size_t p = 0;
    if (!all.starts_with(xml_prologue_start)) throw bad("the XML prologue is missing", 0);
    p = all.find("?>");
    if (p == std::string_view::npos) throw bad("the XML prologue is not closed", 0);
    p += 2;
    while (p < size && is_space(all[p])) ++p;
    if (all.substr(p, xml_doctype.size()) != xml_doctype) throw bad("the XML doctype is missing", p);
    p += xml_doctype.size();
    while (p < size && is_space(all[p])) ++p;
    if (all.substr(p, xml_root_start.size()) != xml_root_start) throw bad("the XML root tag is missing", p);
    p += xml_root_start.size();
    std::uint64_t version = 0;
    std::size_t digits = 0;
    while (p < size && all[p] >= '0' && all[p] <= '9' && digits < 9) {
      version = version * 10 + static_cast<std::uint64_t>(all[p] - '0');
      ++p;
      ++digits;
    }
    if (digits == 0 || all.substr(p, 2) != "\">") throw bad("the XML root tag is malformed", p);
    p += 2;
    xml_version = static_cast<std::uint32_t>(version);
    std::size_t e = size;
    while (e > p && is_space(all[e - 1])) --e;
    if (e - p < xml_root_end.size() || all.substr(e - xml_root_end.size(), xml_root_end.size()) != xml_root_end) {
      throw bad("the XML closing tag is missing", e);
    }
    begin = p;
    end = e - xml_root_end.size();
  }
  payload_buf buf(data + begin, end - begin);
  return read_archive(buf, format, limits, base_offset + begin, path, xml_version);
}

plan read_binary_payload(std::istream& in, std::uint64_t size, std::uint32_t crc, const load_limits& limits,
                         std::uint64_t base_offset, const std::string& path) {
  payload_buf buf(in, size);
  plan p = read_archive(buf, archive_format::binary, limits, base_offset, path, 0);
  if (!buf.complete() || buf.stream_crc() != crc) {
    throw corrupt_error("goaltrack file '" + path +
                            "' changed while it was being loaded: its payload no longer matches its checksum",
                        path);
  }
  return p;
}

}  // namespace goaltrack::detail
