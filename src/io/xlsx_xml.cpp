// expat over a zip entry: the XML layer of the parts a workbook reads on opening. Handlers
// never throw through expat's C frames: an exception is caught in the callback, parsing
// is stopped, and it is rethrown once expat has returned.

#include "io/xlsx_xml.hpp"

#include <expat.h>

#include <algorithm>
#include <exception>
#include <memory>
#include <new>

#include "goaltrack/error.hpp"
#include "utf8.hpp"

namespace goaltrack::detail::xlsx {

std::string_view local_name(std::string_view name) noexcept {
  const std::size_t colon = name.rfind(':');
  return colon == std::string_view::npos ? name : name.substr(colon + 1);
}

int hex_value(char c) noexcept {
  if (c >= '0' && c <= '9') return c - '0';
  if (c >= 'A' && c <= 'F') return c - 'A' + 10;
  if (c >= 'a' && c <= 'f') return c - 'a' + 10;
  return -1;
}

namespace {

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

}  // namespace

std::optional<std::string_view> xml_attributes::get(std::string_view name) const noexcept {
  for (const char** p = pairs_; p != nullptr && *p != nullptr; p += 2) {
    if (local_name(p[0]) == name) return std::string_view(p[1]);
  }
  return std::nullopt;
}

namespace {

// expat over one whole text, calling a handler; an exception from the handler stops the
// parser and is rethrown once expat has returned.
class xml_reader {
 public:
  xml_reader(const zip_archive& archive, const std::string& entry, xml_handler& handler)
      : archive_(archive),
        entry_(entry),
        handler_(handler),
        parser_(XML_ParserCreate(nullptr), &XML_ParserFree) {
    if (!parser_) throw std::bad_alloc();
    XML_SetUserData(parser_.get(), this);
    XML_SetElementHandler(parser_.get(), &xml_reader::on_start, &xml_reader::on_end);
    XML_SetCharacterDataHandler(parser_.get(), &xml_reader::on_text);
    XML_SetStartDoctypeDeclHandler(parser_.get(), &xml_reader::on_doctype);
  }

  void parse(std::string_view text) {
    // XML_Parse takes an int length: long texts go in pieces.
    constexpr std::size_t piece = std::size_t{1} << 30;
    do {
      const std::size_t n = std::min(text.size(), piece);
      const bool last = n == text.size();
      check(
          XML_Parse(parser_.get(), text.data(), static_cast<int>(n), last ? XML_TRUE : XML_FALSE));
      text.remove_prefix(n);
    } while (!text.empty());
  }

 private:
  [[nodiscard]] std::string at_line() const {
    return entry_ + ": line " + std::to_string(XML_GetCurrentLineNumber(parser_.get())) + ": ";
  }

  void check(int status) {
    if (failure_) std::rethrow_exception(failure_);
    if (status == XML_STATUS_ERROR) {
      throw_corrupt(archive_.where(), at_line() + "not well-formed XML: " +
                                          XML_ErrorString(XML_GetErrorCode(parser_.get())));
    }
  }

  // Runs `f`; an exception it throws stops the parser.
  template <typename F>
  static void guarded(void* self, F&& f) {
    auto& r = *static_cast<xml_reader*>(self);
    if (r.failure_) return;
    try {
      f(r);
    } catch (...) {
      r.failure_ = std::current_exception();
      XML_StopParser(r.parser_.get(), XML_FALSE);
    }
  }

  static void on_start(void* self, const char* name, const char** attributes) {
    guarded(self, [&](xml_reader& r) {
      if (++r.depth_ > r.archive_.caps().xml_depth) {
        throw_corrupt(r.archive_.where(), r.at_line() + "elements nested deeper than " +
                                              std::to_string(r.archive_.caps().xml_depth) +
                                              " levels");
      }
      r.handler_.start(local_name(name), xml_attributes(attributes));
    });
  }

  static void on_end(void* self, const char* name) {
    guarded(self, [&](xml_reader& r) {
      --r.depth_;
      r.handler_.end(local_name(name));
    });
  }

  static void on_text(void* self, const char* chars, int length) {
    guarded(self, [&](xml_reader& r) {
      r.handler_.text(std::string_view(chars, static_cast<std::size_t>(length)));
    });
  }

  static void on_doctype(void* self, const char* /*name*/, const char* /*system_id*/,
                         const char* /*public_id*/, int /*has_internal_subset*/) {
    guarded(self, [&](xml_reader& r) {
      throw_corrupt(r.archive_.where(), r.at_line() + doctype_refused);
    });
  }

  const zip_archive& archive_;
  const std::string& entry_;
  xml_handler& handler_;
  std::unique_ptr<XML_ParserStruct, void (*)(XML_ParserStruct*)> parser_;
  std::uint32_t depth_ = 0;
  std::exception_ptr failure_;
};

}  // namespace

bool parse_entry(zip_archive& archive, const std::string& name, xml_handler& handler) {
  const std::optional<std::uint64_t> index = archive.find(name);
  if (!index) return false;
  std::string text;
  xml_reader(archive, name, handler).parse(archive.read(*index, name, text));
  return true;
}

void decode_escapes(std::string& s) {
  if (s.find("_x") == std::string::npos) return;
  std::string out;
  out.reserve(s.size());
  for (std::size_t i = 0; i < s.size();) {
    if (const std::optional<unsigned> cp = escape_at(s, i); cp && *cp < 0xD800) {
      append_utf8(out, static_cast<char32_t>(*cp));
      i += 7;
    } else {
      out += s[i++];
    }
  }
  s = std::move(out);
}

}  // namespace goaltrack::detail::xlsx
