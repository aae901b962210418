#include <doctest/doctest.h>

#include <string>

#include "core/line_index.h"
#include "text/utf8.h"

using namespace draftmark;

TEST_CASE("valid UTF-8 with CJK and astral characters is accepted untouched") {
  std::string repaired = "untouched";
  CHECK(check_or_repair_utf8("한글 テスト 😀 abc", repaired));
  CHECK(repaired == "untouched");
}

TEST_CASE("invalid bytes, overlongs, surrogates and NUL each become U+FFFD") {
  std::string repaired;
  const std::string bad = std::string("a\xFF") + "b" + std::string("\xC0\xAF") + "c" +
                          std::string("\xED\xA0\x80") + std::string(1, '\0') + "d";
  CHECK_FALSE(check_or_repair_utf8(bad, repaired));
  const std::string fffd = "\xEF\xBF\xBD";
  CHECK(repaired == "a" + fffd + "b" + fffd + fffd + "c" + fffd + fffd + fffd + fffd + "d");
  std::string again;
  CHECK(check_or_repair_utf8(repaired, again));
}

TEST_CASE("a truncated sequence at the end of input is repaired") {
  std::string repaired;
  CHECK_FALSE(check_or_repair_utf8("ok\xE2\x82", repaired));
  CHECK(repaired == "ok\xEF\xBF\xBD\xEF\xBF\xBD");
}

TEST_CASE("UTF-16 length counts astral characters as two units") {
  std::string s = "a한😀";
  CHECK(utf16_length(s.data(), s.size()) == 4);
}

TEST_CASE("line index handles LF, CRLF and CR line ends and UTF-16 columns") {
  LineIndex idx;
  std::string text = "one\r\ntwo\rthree\n한😀x\n";
  idx.build(text);
  CHECK(idx.line_count() == 4);
  CHECK(idx.line_of(0) == 1);
  CHECK(idx.line_of(5) == 2);
  CHECK(idx.line_of(9) == 3);
  CHECK(idx.line_text(2) == "two");
  CHECK(idx.line_text(3) == "three");
  size_t x = text.find('x');
  CHECK(idx.line_of(x) == 4);
  CHECK(idx.utf16_column(x) == 4);  // 한 (1) + 😀 (2) + 1
}

TEST_CASE("utf8_prefix shortens without cutting a character") {
  const std::string korean = "\xed\x95\x9c\xea\xb8\x80";  // two 3-byte characters
  CHECK(utf8_prefix(korean, 6) == korean);
  CHECK(utf8_prefix(korean, 5) == "\xed\x95\x9c");
  CHECK(utf8_prefix(korean, 3) == "\xed\x95\x9c");
  CHECK(utf8_prefix(korean, 2).empty());
  CHECK(utf8_prefix("abc", 2) == "ab");
  CHECK(utf8_prefix("", 0).empty());
}
