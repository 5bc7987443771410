// Tests of the sheet scanner (src/io/xlsx_scan.hpp): the XML that workbook writers produce
// (prefixes, quotes, references, CDATA, comments, line ends) read as XML 1.0 reads it,
// and malformed or hostile XML refused with the entry and line at fault.

#include "io/xlsx_scan.hpp"

#include <gtest/gtest.h>

#include <string>
#include <vector>

#include "goaltrack/error.hpp"

namespace {

using goaltrack::corrupt_error;
using goaltrack::detail::xlsx::xml_chars;
using goaltrack::detail::xlsx::xml_scanner;

// The tokens of `xml`: "<name a=v ...>", "</name>", "'text'" (decoded).
std::vector<std::string> tokens_of(std::string_view xml) {
  xml_scanner scan(xml, "book.xlsx", "sheet1.xml", 8);
  std::vector<std::string> out;
  for (;;) {
    switch (scan.next()) {
      case xml_scanner::token::done:
        return out;
      case xml_scanner::token::start: {
        std::string tag = "<" + std::string(scan.name());
        scan.for_each_attribute([&](std::string_view name, std::string_view value) {
          tag += " " + std::string(name) + "=" + std::string(value);
        });
        out.push_back(tag + ">");
        break;
      }
      case xml_scanner::token::end:
        out.push_back("</" + std::string(scan.name()) + ">");
        break;
      case xml_scanner::token::text: {
        std::string text;
        scan.append_text(text);
        if (scan.plain_text()) {
          EXPECT_EQ(text, scan.raw_text());
        }
        out.push_back("'" + text + "'");
        break;
      }
    }
  }
}

// The message of the corrupt_error scanning `xml` throws.
std::string error_of(std::string_view xml) {
  try {
    (void)tokens_of(xml);
  } catch (const corrupt_error& e) {
    EXPECT_EQ(e.path(), "book.xlsx");
    return e.what();
  }
  ADD_FAILURE() << "no error for " << xml;
  return {};
}

using tokens = std::vector<std::string>;

TEST(xlsx_scan, prefixes_are_dropped_and_empty_elements_give_start_and_end) {
  EXPECT_EQ(tokens_of(R"(<?xml version="1.0" encoding="UTF-8" standalone="yes"?>)"
                      R"(<x:ws xmlns:x="u"><x:c r="A1" t='s' /><x:v>7</x:v></x:ws>)"),
            (tokens{"<ws x=u>", "<c r=A1 t=s>", "</c>", "<v>", "'7'", "</v>", "</ws>"}));
}

TEST(xlsx_scan, references_and_line_ends_are_decoded_as_xml_reads_them) {
  EXPECT_EQ(tokens_of("<t a=\"&lt;&#38;&#x1EA1;\">a &amp; b&#x1F600;\r\nc\rd</t>"),
            (tokens{"<t a=<&\xE1\xBA\xA1>", "'a & b\xF0\x9F\x98\x80\nc\nd'", "</t>"}));
}

TEST(xlsx_scan, cdata_is_text_as_written_and_comments_and_instructions_are_skipped) {
  EXPECT_EQ(tokens_of("\xEF\xBB\xBF<!-- a > b --><r><?pi x?><t><![CDATA[a<b&amp;]]></t>"
                      "<!----></r>\n<!-- after -->\n"),
            (tokens{"<r>", "<t>", "'a<b&amp;'", "</t>", "</r>"}));
}

TEST(xlsx_scan, a_greater_than_sign_inside_an_attribute_value_does_not_end_the_tag) {
  EXPECT_EQ(tokens_of(R"(<r a="x>y" b='"'/>)"), (tokens{"<r a=x>y b=\">", "</r>"}));
}

TEST(xlsx_scan, malformed_xml_is_refused_naming_the_entry_and_line) {
  const auto fails = [](std::string_view xml, const std::string& expected) {
    const std::string m = error_of(xml);
    EXPECT_NE(m.find(expected), std::string::npos) << m;
  };
  fails("<r>\n<c>\n</r>",
        "book.xlsx: sheet1.xml: line 3: not well-formed XML: the end tag </r> "
        "does not match <c>");
  fails("<r></r></x>", "the end tag </x> closes no element");
  fails("<r><c>", "the text ends inside <c>");
  fails("", "no root element");
  fails("<r/><r/>", "a second root element");
  fails("x<r/>", "text outside the root element");
  fails("<r>&nbsp;</r>", "'&nbsp;' is not a reference to a character");
  fails("<r>&#0;</r>", "'&#0;' is not a reference");
  fails("<r>&#xD800;</r>", "is not a reference");
  fails("<r>a & b</r>", "'& b' is not a reference");
  fails(R"(<r a="&bad;"/>)", "'&bad;' is not a reference");
  fails("<r a=1/>", "an unquoted attribute value in <r>");
  fails("<r a/>", "an attribute without a value");
  fails("<r a=\"x", "unclosed tag <r");
  fails("<r><!-- never closed </r>", "unclosed comment");
  fails("<r><![CDATA[ x </r>", "unclosed CDATA section");
  fails("<r></r", "unclosed end tag");
  fails("<r>< c/></r>", "a '<' that starts no tag");
  fails("<r><!ELEMENT x></r>", "unknown markup");
  fails("<?xml version=\"1.0\"?>\n<!DOCTYPE r [<!ENTITY a \"b\">]><r/>",
        "sheet1.xml: line 2: a DOCTYPE is not allowed in a workbook");
  fails("<?xml version='1.0' encoding='ISO-8859-1'?><r/>",
        "the encoding 'ISO-8859-1' is not read: workbooks are UTF-8");
  fails("\xFF\xFE<\0r\0/\0>\0", "the part is UTF-16");
  fails("<a><a><a><a><a><a><a><a><a></a></a></a></a></a></a></a></a></a>",
        "elements nested deeper than 8 levels");
}

TEST(xlsx_scan, encoding_names_are_read_without_regard_to_case) {
  EXPECT_EQ(tokens_of("<?xml version='1.0' encoding='utf-8'?><r/>"), (tokens{"<r>", "</r>"}));
}

TEST(xlsx_scan, xml_chars_takes_utf8_without_control_characters) {
  EXPECT_TRUE(xml_chars("Tr\xC6\xB0\xE1\xBB\x9Dng\ta\nb\r"));
  EXPECT_FALSE(xml_chars("a\x01"));
  EXPECT_FALSE(xml_chars(std::string_view("a\0b", 3)));
  EXPECT_FALSE(xml_chars("\xC3("));
}

}  // namespace
