#pragma once
// Private: a pull scanner over the whole XML text of a sheet (xlsx_sheet.cpp).
//
// Why our own rather than expat (which still reads the small parts, xlsx_xml.hpp): a
// sheet is millions of tiny elements, and expat's per-element callbacks, name copies and
// attribute arrays took half of a workbook import. A sheet is held inflated whole, so the
// scanner walks it with memchr and hands out views into it, copying nothing.
//
// What it checks: tags nest and match (by their full names), nesting stays within the
// limit, one root element with only comments, processing instructions and white space
// around it, no DOCTYPE (the door to entity expansion), the encoding is UTF-8, and the
// attributes and text it is asked to read are well formed: quoted values, the five
// predefined entities and character references to characters XML allows. Attributes and
// text nobody reads are only scanned past. Every fault is a corrupt_error naming the
// entry and line.

#include <cstddef>
#include <cstdint>
#include <optional>
#include <string>
#include <string_view>
#include <vector>

namespace goaltrack::detail::xlsx {

class xml_scanner {
 public:
  enum class token : std::uint8_t {
    start,  ///< a start tag (an empty-element tag gives start, then end)
    end,    ///< an end tag
    text,   ///< a run of character data, or a CDATA section
    done,   ///< the end of the document
  };

  /// Scans `xml` (kept by the caller). `where` (the file, or "") and `entry` name faults.
  xml_scanner(std::string_view xml, std::string where, std::string entry, std::uint32_t max_depth);

  /// The next token. @throws corrupt_error when the XML is malformed at it.
  token next();
  /// The local name (prefix dropped) of the current start or end tag.
  [[nodiscard]] std::string_view name() const noexcept { return name_; }
  /// Calls `each(local_name, value)` for each attribute of the current start tag, its
  /// value's entities decoded (the view is valid until the next call).
  template <typename F>
  void for_each_attribute(F&& each);
  /// True when the current text needs no decoding: raw_text() is the text itself.
  [[nodiscard]] bool plain_text() const noexcept;
  /// The current text as written.
  [[nodiscard]] std::string_view raw_text() const noexcept { return text_; }
  /// Appends the current text to `out`, entities decoded and line ends made "\n".
  void append_text(std::string& out) const;
  /// The fast path for the common shape of an element holding one text: when the XML
  /// reads `inner_open` TEXT `inner_close` and then the end tag of the current element
  /// (e.g. `<v>` "7" `</v>` `</c>`), TEXT needing no decoding, takes all of it: the
  /// current element is closed (as next() would have given its end), and TEXT returned.
  /// Otherwise takes nothing and returns none. `inner_open` holds start tags only,
  /// `inner_close` their end tags.
  std::optional<std::string_view> take_text_and_close(std::string_view inner_open,
                                                      std::string_view inner_close);
  /// The 1-based line of the current token.
  [[nodiscard]] std::uint64_t line() const noexcept;
  /// Throws corrupt_error "<entry>: line N: <what>".
  [[noreturn]] void fail(const std::string& what) const;

 private:
  token start_tag();
  token end_tag();
  bool markup();  // <!-- -->, <![CDATA[ ]]> (true: a text), <!DOCTYPE
  token finish();
  void instruction();  // <? ?>
  [[nodiscard]] std::size_t find(std::string_view what, std::size_t from,
                                 const char* unclosed) const;
  // Reads the attributes of the start tag whose name ends at `at`, to its '>'; moves `at`
  // there and says whether the tag is an empty-element tag ("/>").
  bool read_attributes(std::size_t& at);
  // Reads one quoted attribute value starting at its quote `at`; moves `at` past it.
  std::string_view read_value(std::size_t& at, bool& references);
  void decode(std::string_view raw, bool cdata, std::string& out) const;

  std::string_view xml_;
  std::string where_;
  std::string entry_;
  std::uint32_t max_depth_;
  std::size_t pos_ = 0;
  std::size_t token_at_ = 0;
  std::vector<std::string_view> open_;  // full names of the open elements
  bool root_seen_ = false;
  bool pending_end_ = false;  // after an empty-element tag
  bool cdata_ = false;
  std::string_view name_;
  struct attribute {
    std::string_view name;   // local name
    std::string_view value;  // as written
    bool references;         // holds '&': decoded when read
  };
  std::vector<attribute> attributes_;  // of the current start tag
  std::string_view tag_;               // the full name of the current start tag
  std::string_view text_;
  std::string scratch_;  // a decoded attribute value
};

template <typename F>
void xml_scanner::for_each_attribute(F&& each) {
  for (const attribute& a : attributes_) {
    if (!a.references) {
      each(a.name, a.value);
      continue;
    }
    scratch_.clear();
    decode(a.value, false, scratch_);
    each(a.name, std::string_view(scratch_));
  }
}

/// True when `s` is UTF-8 holding only characters XML allows (no C0 control other than
/// tab, line feed and carriage return).
[[nodiscard]] bool xml_chars(std::string_view s) noexcept;

}  // namespace goaltrack::detail::xlsx
