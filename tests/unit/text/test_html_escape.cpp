#include <doctest/doctest.h>

#include <string>

#include "text/html_escape.h"

using namespace draftmark;

TEST_CASE("html escaping replaces the four special characters and nothing else") {
  std::string out;
  std::string in = "a<b>&\"c' 한글";
  append_html_escaped(out, in.data(), in.size());
  CHECK(out == "a&lt;b&gt;&amp;&quot;c' 한글");
}

TEST_CASE("url escaping percent-encodes spaces and non-ASCII but keeps reserved characters") {
  std::string out;
  std::string in = "/image/life map.png?a=1&b=한#x";
  append_url_escaped(out, in.data(), in.size());
  CHECK(out == "/image/life%20map.png?a=1&amp;b=%ED%95%9C#x");
}

TEST_CASE("numeric and named entities decode to UTF-8, unknown ones stay as written") {
  std::string out;
  append_entity(out, "&#x1F600;", 9, append_html_escaped);
  CHECK(out == "\xF0\x9F\x98\x80");
  out.clear();
  append_entity(out, "&amp;", 5, append_html_escaped);
  CHECK(out == "&amp;");  // decoded '&', escaped again for HTML
  out.clear();
  append_entity(out, "&nosuch;", 8, append_html_escaped);
  CHECK(out == "&amp;nosuch;");
  out.clear();
  append_entity(out, "&#0;", 4, append_html_escaped);
  CHECK(out == "\xEF\xBF\xBD");  // NUL is never emitted
}

TEST_CASE("code points outside Unicode and surrogates become U+FFFD") {
  std::string out;
  append_utf8_codepoint(out, 0xD800);
  append_utf8_codepoint(out, 0x110000);
  CHECK(out == "\xEF\xBF\xBD\xEF\xBF\xBD");
}
