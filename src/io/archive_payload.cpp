// The payload: Boost.Serialization archives of the plan, written in the newest format
// (archive_described.hpp) and read in any (format 1: archive_v1.hpp), through the bounded
// field codecs of archive_fields.hpp (which says why so much is done by hand). XML: the
// prologue, the root tag's Boost library version and the closing tag are written and
// checked here, not by Boost.

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
#include "io/archive_described.hpp"
#include "io/archive_fields.hpp"
#include "io/archive_v1.hpp"
#include "io/payload_buf.hpp"

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
std::string write_with(const plan& p, bool xml) {
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
    const plan_v2 s{&p, nullptr};
    oa << make_nvp("plan", s);
  }
  if (xml) os << xml_root_end << '\n';
  return std::move(os).str();
}

}  // namespace

std::string write_payload(const plan& p, archive_format format) {
  switch (format) {
    case archive_format::text:
      return write_with<boost::archive::text_oarchive>(p, false);
    case archive_format::xml:
      return write_with<boost::archive::xml_oarchive>(p, true);
    case archive_format::binary:
      return write_with<boost::archive::binary_oarchive>(p, false);
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
  if (c.format_version == 1) {
    plan_v1 s{&builder};
    ia >> make_nvp("plan", s);
  } else {
    plan_v2 s{nullptr, &builder};
    ia >> make_nvp("plan", s);
  }
  return std::move(builder).finish();
}

// Parses the archive in `buf` into a plan, then checks that nothing but white space
// (none in a binary archive) follows it.
plan read_archive(payload_buf& buf, archive_format format, std::uint32_t format_version,
                  const load_limits& limits, std::uint64_t base_offset, const std::string& path,
                  std::uint32_t xml_version) {
  const load_context c{&buf, &limits, base_offset, &path, format_version};
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
                  std::uint32_t format_version, const load_limits& limits,
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
  return read_archive(buf, format, format_version, limits, base_offset + begin, path, xml_version);
}

plan read_binary_payload(std::istream& in, std::uint64_t size, std::uint32_t crc,
                         std::uint32_t format_version, const load_limits& limits,
                         std::uint64_t base_offset, const std::string& path) {
  payload_buf buf(in, size);
  plan p = read_archive(buf, archive_format::binary, format_version, limits, base_offset, path, 0);
  if (!buf.complete() || buf.stream_crc() != crc) {
    throw corrupt_error(
        "goaltrack file '" + path +
            "' changed while it was being loaded: its payload no longer matches its checksum",
        path);
  }
  return p;
}

}  // namespace goaltrack::detail
