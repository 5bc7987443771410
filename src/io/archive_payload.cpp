// The payload: Boost.Serialization archives of the snapshot, written and read through the
// bounded field codecs of archive_fields.hpp (which says why so much is done by hand).
// XML: the prologue, the root tag's Boost library version and the closing tag are
// written and checked here, not by Boost.

#include "io/archive_payload.hpp"

#include <algorithm>
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
#include <cmath>
#include <cstring>
#include <limits>
#include <sstream>
#include <streambuf>
#include <string_view>
#include <type_traits>
#include <utility>

#include "goaltrack/error.hpp"
#include "io/archive_fields.hpp"
#include "io/payload_buf.hpp"

namespace goaltrack::detail {

using namespace fields;  // NOLINT(google-build-using-namespace): the codecs are this file's
                         // vocabulary

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

#define GOALTRACK_ARCHIVE_CLASS(T)             \
  BOOST_CLASS_VERSION(goaltrack::detail::T, 1) \
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
constexpr std::string_view xml_root_start =
    "<boost_serialization signature=\"serialization::archive\" version=\"";
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
    os << "<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\" ?>\n"
       << xml_doctype << '\n'
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
    case archive_format::text:
      return write_with<boost::archive::text_oarchive>(s, false);
    case archive_format::xml:
      return write_with<boost::archive::xml_oarchive>(s, true);
    case archive_format::binary:
      return write_with<boost::archive::binary_oarchive>(s, false);
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
  if constexpr (std::is_same_v<IArchive, boost::archive::xml_iarchive>)
    flags |= boost::archive::no_xml_tag_checking;
  IArchive ia(is, flags);
  std::uint32_t v = xml_library_version;
  if constexpr (!std::is_same_v<IArchive, boost::archive::xml_iarchive>) {
    ia >> make_nvp("boost_library_version", v);
  }
  if (v > boost_library_version() || v < 3) {
    const std::uint64_t at = c.base_offset + buf.position();
    throw format_error("goaltrack file '" + *c.path +
                           "' was written by a Boost.Serialization of library version " +
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
plan read_archive(payload_buf& buf, archive_format format, const load_limits& limits,
                  std::uint64_t base_offset, const std::string& path, std::uint32_t xml_version) {
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
      case archive_format::text:
        p = read_with<boost::archive::text_iarchive>(buf, c, 0);
        break;
      case archive_format::xml:
        p = read_with<boost::archive::xml_iarchive>(buf, c, xml_version);
        break;
      case archive_format::binary:
        p = read_with<boost::archive::binary_iarchive>(buf, c, 0);
        break;
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
    if (format == archive_format::binary || !is_space(ch))
      c.fail("unexpected bytes after the plan");
  }
  return p;
}

}  // namespace

plan read_payload(const char* data, std::size_t size, archive_format format,
                  const load_limits& limits, std::uint64_t base_offset, const std::string& path) {
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
    if (all.substr(p, xml_doctype.size()) != xml_doctype)
      throw bad("the XML doctype is missing", p);
    p += xml_doctype.size();
    while (p < size && is_space(all[p])) ++p;
    if (all.substr(p, xml_root_start.size()) != xml_root_start)
      throw bad("the XML root tag is missing", p);
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
    if (e - p < xml_root_end.size() ||
        all.substr(e - xml_root_end.size(), xml_root_end.size()) != xml_root_end) {
      throw bad("the XML closing tag is missing", e);
    }
    begin = p;
    end = e - xml_root_end.size();
  }
  payload_buf buf(data + begin, end - begin);
  return read_archive(buf, format, limits, base_offset + begin, path, xml_version);
}

plan read_binary_payload(std::istream& in, std::uint64_t size, std::uint32_t crc,
                         const load_limits& limits, std::uint64_t base_offset,
                         const std::string& path) {
  payload_buf buf(in, size);
  plan p = read_archive(buf, archive_format::binary, limits, base_offset, path, 0);
  if (!buf.complete() || buf.stream_crc() != crc) {
    throw corrupt_error(
        "goaltrack file '" + path +
            "' changed while it was being loaded: its payload no longer matches its checksum",
        path);
  }
  return p;
}

}  // namespace goaltrack::detail
