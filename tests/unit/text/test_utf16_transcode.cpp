#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "text/utf16_transcode.h"

namespace {
// The units of `utf8`, or "kNotUtf8" spelled as one unit 0 (no valid input gives that alone).
std::u16string transcode(const std::string& utf8) {
  std::vector<uint16_t> out(utf8.size() + 1);
  const size_t n = draftmark::utf8_to_utf16(utf8.data(), utf8.size(), out.data());
  if (n == draftmark::kNotUtf8) return std::u16string(1, u'\0');
  return std::u16string(out.begin(), out.begin() + static_cast<std::ptrdiff_t>(n));
}
const std::u16string kMalformed(1, u'\0');
}  // namespace

TEST_CASE("UTF-8 becomes the UTF-16 units JS would decode, across the eight-byte path") {
  CHECK(transcode("") == u"");
  CHECK(transcode("<p data-line=\"1-1\">plain</p>\n") == u"<p data-line=\"1-1\">plain</p>\n");
  CHECK(transcode("a한😀") == u"a한😀");
  CHECK(transcode("caf\xC3\xA9 \xE2\x80\x94 12345678 한국어 text 😀😀 \xF4\x8F\xBF\xBF") ==
        u"café — 12345678 한국어 text 😀😀 \U0010FFFF");
}

TEST_CASE("malformed UTF-8 is refused, not decoded with replacements") {
  CHECK(transcode("\x80") == kMalformed);              // continuation without a lead
  CHECK(transcode("ab\xC0\x80") == kMalformed);        // overlong NUL
  CHECK(transcode("\xE0\x80\xAF") == kMalformed);      // overlong '/'
  CHECK(transcode("\xED\xA0\x80") == kMalformed);      // a surrogate
  CHECK(transcode("\xF4\x90\x80\x80") == kMalformed);  // above U+10FFFF
  CHECK(transcode("12345678\xE3\x80") == kMalformed);  // cut at the end
  CHECK(transcode("\xF0\x9F\x98") == kMalformed);
  CHECK(transcode("\xFF") == kMalformed);
}

TEST_CASE("every split of ASCII and three-byte runs across the eight-byte steps decodes exactly") {
  // An ASCII prefix of each length before a run of Hangul of each length, then ASCII again:
  // the runs start and end at every offset within an eight-byte word.
  for (size_t ascii = 0; ascii < 10; ascii++) {
    for (size_t hangul = 1; hangul < 6; hangul++) {
      std::string utf8(ascii, 'a');
      std::u16string expected(ascii, u'a');
      for (size_t k = 0; k < hangul; k++) {
        utf8 += "\xED\x95\x9C";  // 한 U+D55C (lead ED, below the surrogates)
        expected += u'\uD55C';
      }
      utf8 += "xyz12345678 \xE2\x80\x94";
      expected += u"xyz12345678 \u2014";
      CHECK(transcode(utf8) == expected);
    }
  }
}

TEST_CASE("a surrogate, overlong or cut sequence after ASCII and Hangul is refused") {
  CHECK(transcode("\xED\x95\x9C\xED\xA0\x80" "abcdefgh") == kMalformed);  // 한 then a surrogate
  CHECK(transcode("\xE0\x80\xAF\xED\x95\x9C" "abcdefgh") == kMalformed);  // overlong then 한
  CHECK(transcode("ab\xED\x95\x9C\xED\x95" "abcdefgh") == kMalformed);    // a cut second sequence
}
