// The sheet scanner (xlsx_scan.hpp): tags are found with memchr, names and texts are
// views into the sheet's XML, and what the XML 1.0 recommendation (W3C, fifth edition)
// requires of them is checked where they are read: section 2.2 (characters), 2.4
// (character data), 2.11 (line ends), 3.1 (tags), 4.1 (references).

#include "io/xlsx_scan.hpp"

#include <algorithm>
#include <cstring>

#include "io/xlsx_xml.hpp"
#include "io/xlsx_zip.hpp"
#include "utf8.hpp"

namespace goaltrack::detail::xlsx {

namespace {

constexpr std::string_view utf8_bom = "\xEF\xBB\xBF";

constexpr bool space(char c) noexcept { return c == ' ' || c == '\t' || c == '\n' || c == '\r'; }

// Where the next '<' at or after `from` is (the size when none): a cell's value, the
// common text, is short, so a few bytes are looked at before memchr is called.
std::size_t next_tag(std::string_view xml, std::size_t from) noexcept {
  constexpr std::size_t short_text = 24;
  const std::size_t stop = std::min(xml.size(), from + short_text);
  for (; from < stop; ++from) {
    if (xml[from] == '<') return from;
  }
  const void* lt = std::memchr(xml.data() + from, '<', xml.size() - from);
  return lt == nullptr ? xml.size()
                       : static_cast<std::size_t>(static_cast<const char*>(lt) - xml.data());
}

// True for a character of text that decode() changes: a line end's CR, or, outside CDATA,
// the '&' of a reference.
constexpr bool needs_decoding(char c, bool cdata) noexcept {
  return c == '\r' || (c == '&' && !cdata);
}

// True when the bytes at `p` are `name` (names are short: no call to memcmp).
bool same(const char* p, std::string_view name) noexcept {
  for (const char c : name) {
    if (*p++ != c) return false;
  }
  return true;
}

bool blank(std::string_view s) noexcept { return std::all_of(s.begin(), s.end(), space); }

// XML 1.0 section 2.2: Char.
constexpr bool xml_char(char32_t c) noexcept {
  return c == 0x9 || c == 0xA || c == 0xD || (c >= 0x20 && c <= 0xD7FF) ||
         (c >= 0xE000 && c <= 0xFFFD) || (c >= 0x10000 && c <= 0x10FFFF);
}

// The character of a reference's body ("amp", "#38", "#x26"), or none.
std::optional<char32_t> reference(std::string_view body) noexcept {
  if (body == "amp") return U'&';
  if (body == "lt") return U'<';
  if (body == "gt") return U'>';
  if (body == "quot") return U'"';
  if (body == "apos") return U'\'';
  if (body.size() < 2 || body[0] != '#') return std::nullopt;
  const bool hex = body[1] == 'x';
  const std::string_view digits = body.substr(hex ? 2 : 1);
  if (digits.empty() || digits.size() > 8) return std::nullopt;
  char32_t v = 0;
  for (const char c : digits) {
    const int d = hex ? hex_value(c) : (c >= '0' && c <= '9' ? c - '0' : -1);
    if (d < 0) return std::nullopt;
    v = v * (hex ? 16 : 10) + static_cast<char32_t>(d);
  }
  if (!xml_char(v)) return std::nullopt;
  return v;
}

}  // namespace

bool xml_chars(std::string_view s) noexcept {
  bool ascii = true;  // then valid UTF-8 without a second look
  for (const char c : s) {
    const auto u = static_cast<unsigned char>(c);
    if (u < 0x20 && c != '\t' && c != '\n' && c != '\r') return false;
    ascii = ascii && u < 0x80;
  }
  return ascii || valid_utf8(s);
}

xml_scanner::xml_scanner(std::string_view xml, std::string where, std::string entry,
                         std::uint32_t max_depth)
    : xml_(xml), where_(std::move(where)), entry_(std::move(entry)), max_depth_(max_depth) {
  if (xml_.starts_with("\xFF\xFE") || xml_.starts_with("\xFE\xFF")) {
    fail("the part is UTF-16: workbooks are read in UTF-8 only");
  }
  if (xml_.starts_with(utf8_bom)) pos_ = utf8_bom.size();
}

std::uint64_t xml_scanner::line() const noexcept {
  return 1 + static_cast<std::uint64_t>(std::count(xml_.begin(), xml_.begin() + token_at_, '\n'));
}

void xml_scanner::fail(const std::string& what) const {
  throw_corrupt(where_, entry_ + ": line " + std::to_string(line()) + ": " + what);
}

std::size_t xml_scanner::find(std::string_view what, std::size_t from, const char* unclosed) const {
  const std::size_t at = xml_.find(what, from);
  if (at == std::string_view::npos) fail(std::string("not well-formed XML: unclosed ") + unclosed);
  return at;
}

xml_scanner::token xml_scanner::next() {
  if (pending_end_) {
    pending_end_ = false;
    open_.pop_back();
    return token::end;
  }
  for (;;) {
    token_at_ = pos_;
    if (pos_ >= xml_.size()) return finish();
    if (xml_[pos_] != '<') {
      const std::size_t end = next_tag(xml_, pos_);
      text_ = xml_.substr(pos_, end - pos_);
      cdata_ = false;
      pos_ = end;
      if (!open_.empty()) return token::text;
      if (!blank(text_)) fail("not well-formed XML: text outside the root element");
      continue;
    }
    if (pos_ + 1 >= xml_.size()) fail("not well-formed XML: a '<' at the end");
    const char c = xml_[pos_ + 1];
    if (c == '/') return end_tag();
    if (c == '!') {
      if (markup()) return token::text;
      continue;
    }
    if (c == '?') {
      instruction();
      continue;
    }
    return start_tag();
  }
}

xml_scanner::token xml_scanner::start_tag() {
  const std::size_t from = pos_ + 1;
  std::size_t end = from;
  std::size_t colon = from - 1;  // the prefix's ':', if any
  for (; end < xml_.size(); ++end) {
    const char c = xml_[end];
    if (c == ':') {
      colon = end;
    } else if (space(c) || c == '/' || c == '>') {
      break;
    }
  }
  if (end == from) fail("not well-formed XML: a '<' that starts no tag");
  const std::string_view full = xml_.substr(from, end - from);
  tag_ = full;
  std::size_t at = end;
  const bool empty = read_attributes(at);
  pos_ = at + 1;
  if (open_.empty()) {
    if (root_seen_) fail("not well-formed XML: a second root element <" + std::string(full));
    root_seen_ = true;
  }
  if (open_.size() >= max_depth_) {
    fail("elements nested deeper than " + std::to_string(max_depth_) + " levels");
  }
  open_.push_back(full);
  name_ = xml_.substr(colon + 1, end - colon - 1);
  pending_end_ = empty;
  return token::start;
}

xml_scanner::token xml_scanner::end_tag() {
  // The common case first: the name of the open element, then '>'.
  const std::size_t from = pos_ + 2;
  if (!open_.empty()) {
    const std::string_view top = open_.back();
    std::size_t at = from + top.size();
    if (at < xml_.size() && same(xml_.data() + from, top)) {
      while (at < xml_.size() && space(xml_[at])) ++at;
      if (at < xml_.size() && xml_[at] == '>') {
        open_.pop_back();
        name_ = local_name(top);
        pos_ = at + 1;
        return token::end;
      }
    }
  }
  const std::size_t close = find(">", from, "end tag");
  std::string_view full = xml_.substr(from, close - from);
  while (!full.empty() && space(full.back())) full.remove_suffix(1);
  fail("not well-formed XML: the end tag </" + std::string(full) + "> " +
       (open_.empty() ? std::string("closes no element")
                      : "does not match <" + std::string(open_.back()) + ">"));
}

bool xml_scanner::markup() {
  const std::string_view rest = xml_.substr(pos_);
  if (rest.starts_with("<!--")) {
    pos_ = find("-->", pos_ + 4, "comment") + 3;
    return false;
  }
  if (rest.starts_with("<![CDATA[")) {
    if (open_.empty()) fail("not well-formed XML: a CDATA section outside the root element");
    const std::size_t close = find("]]>", pos_ + 9, "CDATA section");
    text_ = xml_.substr(pos_ + 9, close - pos_ - 9);
    cdata_ = true;
    pos_ = close + 3;
    return true;
  }
  if (rest.starts_with("<!DOCTYPE")) fail(doctype_refused);
  fail("not well-formed XML: unknown markup '" + std::string(rest.substr(0, 9)) + "'");
}

void xml_scanner::instruction() {
  const std::size_t close = find("?>", pos_ + 2, "processing instruction");
  const std::string_view body = xml_.substr(pos_ + 2, close - pos_ - 2);
  if (body.starts_with("xml") && (body.size() == 3 || space(body[3]))) {
    // The XML declaration: only UTF-8 is read.
    const std::size_t e = body.find("encoding");
    if (e != std::string_view::npos) {
      const std::size_t q = body.find_first_of("\"'", e);
      const std::size_t q2 = q == std::string_view::npos ? q : body.find(body[q], q + 1);
      std::string enc(q2 == std::string_view::npos ? body.substr(e)
                                                   : body.substr(q + 1, q2 - q - 1));
      std::transform(enc.begin(), enc.end(), enc.begin(),
                     [](char c) { return c >= 'a' && c <= 'z' ? static_cast<char>(c - 32) : c; });
      if (enc != "UTF-8") fail("the encoding '" + enc + "' is not read: workbooks are UTF-8");
    }
  }
  pos_ = close + 2;
}

xml_scanner::token xml_scanner::finish() {
  if (!open_.empty()) {
    fail("not well-formed XML: the text ends inside <" + std::string(open_.back()) + ">");
  }
  if (!root_seen_) fail("not well-formed XML: no root element");
  return token::done;
}

bool xml_scanner::read_attributes(std::size_t& at) {
  attributes_.clear();
  for (;;) {
    const std::size_t before = at;
    while (at < xml_.size() && space(xml_[at])) ++at;
    if (at >= xml_.size()) break;
    if (xml_[at] == '>') return false;
    if (xml_[at] == '/') {
      if (at + 1 < xml_.size() && xml_[at + 1] == '>') {
        ++at;
        return true;
      }
      fail("not well-formed XML: a '/' inside the tag <" + std::string(tag_) + ">");
    }
    if (at == before) fail("not well-formed XML: no space before an attribute");
    const std::size_t from = at;
    std::size_t colon = from - 1;
    for (; at < xml_.size() && !space(xml_[at]) && xml_[at] != '=' && xml_[at] != '>'; ++at) {
      if (xml_[at] == ':') colon = at;
      if (xml_[at] == '<' || xml_[at] == '/' || xml_[at] == '"' || xml_[at] == '\'') break;
    }
    const std::string_view name = xml_.substr(colon + 1, at - colon - 1);
    while (at < xml_.size() && space(xml_[at])) ++at;
    if (at >= xml_.size() || xml_[at] != '=' || at == from) {
      fail("not well-formed XML: an attribute without a value in <" + std::string(tag_) + ">");
    }
    ++at;
    while (at < xml_.size() && space(xml_[at])) ++at;
    bool references = false;
    const std::string_view value = read_value(at, references);
    attributes_.push_back({name, value, references});
  }
  fail("not well-formed XML: unclosed tag <" + std::string(tag_));
}

std::string_view xml_scanner::read_value(std::size_t& at, bool& references) {
  if (at >= xml_.size() || (xml_[at] != '"' && xml_[at] != '\'')) {
    fail("not well-formed XML: an unquoted attribute value in <" + std::string(tag_) + ">");
  }
  const char quote = xml_[at];
  const std::size_t from = ++at;
  for (; at < xml_.size() && xml_[at] != quote; ++at) {
    if (xml_[at] == '<') fail("not well-formed XML: a '<' in an attribute value");
    references = references || xml_[at] == '&';
  }
  if (at >= xml_.size()) fail("not well-formed XML: unclosed tag <" + std::string(tag_));
  return xml_.substr(from, at++ - from);
}

std::optional<std::string_view> xml_scanner::take_text_and_close(std::string_view inner_open,
                                                                 std::string_view inner_close) {
  if (pending_end_ || open_.empty() || xml_.size() - pos_ < inner_open.size() ||
      !same(xml_.data() + pos_, inner_open)) {
    return std::nullopt;
  }
  const auto levels =
      static_cast<std::size_t>(std::count(inner_open.begin(), inner_open.end(), '<'));
  if (open_.size() + levels > max_depth_) return std::nullopt;  // next() reports it
  const std::size_t from = pos_ + inner_open.size();
  // To the next '<', giving up at a reference or a carriage return: they need decoding.
  std::size_t lt = from;
  for (; lt < xml_.size() && xml_[lt] != '<'; ++lt) {
    if (needs_decoding(xml_[lt], false)) return std::nullopt;
  }
  const std::string_view text = xml_.substr(from, lt - from);
  const std::string_view top = open_.back();
  std::size_t at = lt + inner_close.size();
  if (at + 3 + top.size() > xml_.size() || !same(xml_.data() + lt, inner_close) ||
      xml_[at] != '<' || xml_[at + 1] != '/' || !same(xml_.data() + at + 2, top) ||
      xml_[at + 2 + top.size()] != '>') {
    return std::nullopt;
  }
  at += 3 + top.size();
  token_at_ = pos_;
  pos_ = at;
  open_.pop_back();
  name_ = local_name(top);
  return text;
}

bool xml_scanner::plain_text() const noexcept {
  // Texts are short (a cell's value): a plain loop.
  return std::none_of(text_.begin(), text_.end(),
                      [&](char c) { return needs_decoding(c, cdata_); });
}

void xml_scanner::append_text(std::string& out) const { decode(text_, cdata_, out); }

void xml_scanner::decode(std::string_view raw, bool cdata, std::string& out) const {
  const char* specials = cdata ? "\r" : "&\r";
  while (!raw.empty()) {
    const std::size_t at = raw.find_first_of(specials);
    out.append(raw.substr(0, at));
    if (at == std::string_view::npos) return;
    if (raw[at] == '\r') {  // section 2.11: CR LF and a lone CR are read as LF
      out += '\n';
      raw.remove_prefix(at + (at + 1 < raw.size() && raw[at + 1] == '\n' ? 2 : 1));
      continue;
    }
    const std::size_t semicolon = raw.find(';', at);
    const std::string_view body =
        raw.substr(at + 1, semicolon == std::string_view::npos ? 0 : semicolon - at - 1);
    const std::optional<char32_t> c =
        semicolon == std::string_view::npos || semicolon - at > 12 ? std::nullopt : reference(body);
    if (!c) {
      fail("not well-formed XML: '" +
           printable_utf8(raw.substr(at, std::min<std::size_t>(12, raw.size() - at))) +
           "' is not a reference to a character (a workbook declares no entities)");
    }
    append_utf8(out, *c);
    raw.remove_prefix(semicolon + 1);
  }
}

}  // namespace goaltrack::detail::xlsx
