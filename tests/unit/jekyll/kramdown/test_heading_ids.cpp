// Expected ids are what kramdown 2.4 + kramdown-parser-gfm 1.1 (Debian) produce for the same
// header text; the kramdown_text_differential test checks thousands more against kramdown itself.
#include <doctest/doctest.h>

#include <string>

#include "jekyll/kramdown/heading_ids.h"
#include "text/unicode_class.h"

using namespace draftmark;

TEST_CASE("heading ids keep Hangul and turn each space into a dash") {
  HeadingIds ids;
  CHECK(ids.make("1회차 : 직군") == "1회차--직군");
  CHECK(ids.make("Hello World") == "hello-world");
}

TEST_CASE("repeated heading ids count per result, as kramdown does") {
  HeadingIds ids;
  CHECK(ids.make("Hello World") == "hello-world");
  CHECK(ids.make("Hello World") == "hello-world-1");
  CHECK(ids.make("Hello World-1") == "hello-world-1");  // kramdown repeats it too
  CHECK(ids.make("hello-world") == "hello-world-2");
}

TEST_CASE("reset starts a new document's counters") {
  HeadingIds ids;
  CHECK(ids.make("Intro") == "intro");
  ids.reset();
  CHECK(ids.make("Intro") == "intro");
}

TEST_CASE("a heading with no word characters gets an empty id that still counts") {
  HeadingIds ids;
  CHECK(ids.make("!!!") == "");
  CHECK(ids.make("???") == "-1");
}

TEST_CASE("typographic characters and punctuation are dropped, tabs become dashes") {
  HeadingIds ids;
  // kramdown's text for `# "Quoted" -- dash --- em... << a >>`
  CHECK(ids.make("\u201CQuoted\u201D \u2013 dash \u2014 em\u2026 \u00AB\u00A0a\u00A0\u00BB") ==
        "quoted--dash--em-a");
  CHECK(ids.make("tab\tinside") == "tab-inside");
  CHECK(ids.make("code and em and link ") == "code-and-em-and-link-");
  CHECK(ids.make("snake_case \u203F and\u2013dash") == "snake_case-\u203F-anddash");
}

TEST_CASE("downcasing is full Unicode like Ruby's String#downcase") {
  HeadingIds ids;
  CHECK(ids.make("Ünïcödé ΣΑΣ İstanbul Привет") == "ünïcödé-σασ-i\u0307stanbul-привет");
  CHECK(ids.make("𐐀 Ꭰ Ａ Ⅻ") == "𐐨-ꭰ-ａ-ⅻ");
  CHECK(ids.make("① ² x₂ 日本語 カタカナ 🎉") == "--x-日本語-カタカナ-");
}

TEST_CASE("invalid UTF-8 bytes are dropped without stopping the id") {
  HeadingIds ids;
  CHECK(ids.make(std::string_view("a\xFF\xC0z b", 6)) == "az-b");
  CHECK(ids.make(std::string_view("\xE2\x82", 2)) == "");
}

TEST_CASE("word characters follow Ruby's \\p{Word}, not just letters") {
  CHECK(is_word_code_point(U'한'));
  CHECK(is_word_code_point(U'_'));
  CHECK(is_word_code_point(0x0301));   // combining acute accent (a mark)
  CHECK(is_word_code_point(0x0661));   // Arabic-Indic digit one
  CHECK(is_word_code_point(0x216B));   // Roman numeral twelve (a letter number)
  CHECK_FALSE(is_word_code_point(0x2460));  // circled digit one (other number)
  CHECK_FALSE(is_word_code_point(0x00A0));
  CHECK_FALSE(is_word_code_point(U'-'));
  CHECK_FALSE(is_word_code_point(0x1F389));
  CHECK_FALSE(is_word_code_point(0x110000));
}

TEST_CASE("decoding malformed UTF-8 always advances one byte") {
  size_t length = 0;
  CHECK(decode_utf8("\xC0\xAF", 2, &length) == 0xFFFD);  // overlong
  CHECK(length == 1);
  CHECK(decode_utf8("\xED\xA0\x80", 3, &length) == 0xFFFD);  // surrogate
  CHECK(length == 1);
  CHECK(decode_utf8("\xF0\x9F\x8E\x89", 4, &length) == 0x1F389);
  CHECK(length == 4);
}
