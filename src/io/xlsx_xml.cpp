// expat over a zip entry: the XML layer of the workbook reader. Handlers never throw
// through expat's C frames: an exception is caught in the callback, parsing is stopped,
// and run() rethrows it once expat has returned.

#include "io/xlsx_xml.hpp"

#include <expat.h>

#include <cstring>
#include <new>

#include "goaltrack/error.hpp"

namespace goaltrack::detail::xlsx {

namespace {

constexpr int chunk_bytes = 64 * 1024;

std::string_view local_name(const char* name) noexcept {
  const std::string_view s(name);
  const std::size_t colon = s.rfind(':');
  return colon == std::string_view::npos ? s : s.substr(colon + 1);
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

// The code point of the escape "_xHHHH_" at s[i], if there is one there.
std::optional<unsigned> escape_at(const std::string& s, std::size_t i) noexcept {
  if (i + 7 > s.size() || s[i] != '_' || s[i + 1] != 'x' || s[i + 6] != '_') return std::nullopt;
  unsigned v = 0;
  for (std::size_t k = i + 2; k < i + 6; ++k) {
    const int h = hex_value(s[k]);
    if (h < 0) return std::nullopt;
    v = v * 16 + static_cast<unsigned>(h);
  }
  return v;
}

void append_utf8(std::string& out, unsigned cp) {
  if (cp < 0x80) {
    out += static_cast<char>(cp);
  } else if (cp < 0x800) {
    out += static_cast<char>(0xC0 | (cp >> 6));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  } else {
    out += static_cast<char>(0xE0 | (cp >> 12));
    out += static_cast<char>(0x80 | ((cp >> 6) & 0x3F));
    out += static_cast<char>(0x80 | (cp & 0x3F));
  }
}

}  // namespace

std::optional<std::string_view> xml_attributes::get(std::string_view name) const noexcept {
  for (const char** p = pairs_; p != nullptr && *p != nullptr; p += 2) {
    if (local_name(p[0]) == name) return std::string_view(p[1]);
  }
  return std::nullopt;
}

xml_reader::xml_reader(entry_stream& in, xml_handler& handler, std::uint32_t max_depth)
    : in_(in), handler_(handler), parser_(XML_ParserCreate(nullptr)), max_depth_(max_depth) {
  if (parser_ == nullptr) throw std::bad_alloc();
  XML_SetUserData(parser_, this);
  XML_SetElementHandler(parser_, &xml_reader::on_start, &xml_reader::on_end);
  XML_SetCharacterDataHandler(parser_, &xml_reader::on_text);
  XML_SetStartDoctypeDeclHandler(parser_, &xml_reader::on_doctype);
}

xml_reader::~xml_reader() { XML_ParserFree(parser_); }

void xml_reader::pause() {
  paused_ = true;
  XML_StopParser(parser_, XML_TRUE);
}

void xml_reader::abort(std::exception_ptr e) {
  if (!failure_) failure_ = std::move(e);
  // Stopping an already stopped parser fails harmlessly.
  XML_StopParser(parser_, XML_FALSE);
}

std::uint64_t xml_reader::line() const { return XML_GetCurrentLineNumber(parser_); }

bool xml_reader::run() {
  if (paused_) {
    paused_ = false;
    check(XML_ResumeParser(parser_));
    if (paused_) return true;
  }
  while (!finished_) {
    void* buffer = XML_GetBuffer(parser_, chunk_bytes);
    if (buffer == nullptr) throw std::bad_alloc();
    const std::size_t n = in_.read(static_cast<char*>(buffer), chunk_bytes);
    finished_ = n == 0;
    check(XML_ParseBuffer(parser_, static_cast<int>(n), finished_ ? XML_TRUE : XML_FALSE));
    if (paused_) return true;
  }
  return false;
}

void xml_reader::check(int status) {
  if (failure_) std::rethrow_exception(failure_);
  if (status != XML_STATUS_ERROR) return;
  throw_corrupt(in_.archive().where(),
                in_.name() + ": line " + std::to_string(line()) +
                    ": not well-formed XML: " + XML_ErrorString(XML_GetErrorCode(parser_)));
}

void xml_reader::on_start(void* self, const char* name, const char** attributes) {
  auto& r = *static_cast<xml_reader*>(self);
  if (r.failure_) return;
  try {
    if (++r.depth_ > r.max_depth_) {
      throw_corrupt(r.in_.archive().where(), r.in_.name() + ": line " + std::to_string(r.line()) +
                                                 ": elements nested " + "deeper than " +
                                                 std::to_string(r.max_depth_) + " levels");
    }
    r.handler_.start(local_name(name), xml_attributes(attributes));
  } catch (...) {
    r.abort(std::current_exception());
  }
}

void xml_reader::on_end(void* self, const char* name) {
  auto& r = *static_cast<xml_reader*>(self);
  if (r.failure_) return;
  try {
    --r.depth_;
    r.handler_.end(local_name(name));
  } catch (...) {
    r.abort(std::current_exception());
  }
}

void xml_reader::on_text(void* self, const char* chars, int length) {
  auto& r = *static_cast<xml_reader*>(self);
  if (r.failure_) return;
  try {
    r.handler_.text(std::string_view(chars, static_cast<std::size_t>(length)));
  } catch (...) {
    r.abort(std::current_exception());
  }
}

void xml_reader::on_doctype(void* self, const char* /*name*/, const char* /*system_id*/,
                            const char* /*public_id*/, int /*has_internal_subset*/) {
  auto& r = *static_cast<xml_reader*>(self);
  try {
    throw_corrupt(r.in_.archive().where(),
                  r.in_.name() + ": line " + std::to_string(r.line()) +
                      ": a DOCTYPE is not allowed in a workbook (entity expansion is refused)");
  } catch (...) {
    r.abort(std::current_exception());
  }
}

bool parse_entry(zip_archive& archive, const std::string& name, xml_handler& handler) {
  const std::optional<std::uint64_t> index = archive.find(name);
  if (!index) return false;
  entry_stream in(archive, *index, name);
  xml_reader reader(in, handler, archive.caps().xml_depth);
  while (reader.run()) {
  }
  return true;
}

void decode_escapes(std::string& s) {
  if (s.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (const std::optional<unsigned> cp = escape_at(s, i); cp && *cp < 0xD800) {
      append_utf8(out, *cp);
      i += 7;
    } else {
      out += s[i++];
    }
  }
  s = std::move(out);
}

}  // namespace goaltrack::detail::xlsx
