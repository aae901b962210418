#include <doctest/doctest.h>

#include <string>

#include "jekyll/kramdown/attributes.h"

using namespace draftmark;

TEST_CASE("an IAL collects classes, the last id and quoted key/value pairs") {
  AttributeList a;
  CHECK(match_ial("{: .a #x .b#y key=\"v 1\" k2='v2' bare=v ref}", a) == 43);
  CHECK(a.id == "y");
  CHECK(a.classes == "a b");
  REQUIRE(a.pairs.size() == 2);
  CHECK(a.pairs[0] == std::pair<std::string, std::string>("key", "v 1"));
  CHECK(a.pairs[1] == std::pair<std::string, std::string>("k2", "v2"));
  REQUIRE(a.refs.size() == 1);  // `bare=v` is ignored, as kramdown ignores unquoted values
  CHECK(a.refs[0] == "ref");
}

TEST_CASE("extension tags and unterminated lists are not IALs") {
  AttributeList a;
  CHECK(match_ial("{::comment}", a) == 0);
  CHECK(match_ial("{:/comment}", a) == 0);
  CHECK(match_ial("{: w=\"400\"", a) == 0);
  CHECK(match_ial("{:}", a) == 0);
}

TEST_CASE("ALD references resolve, the element's own attributes winning") {
  AldTable alds;
  AttributeList def;
  parse_attribute_list(".wide title=\"from ald\"", def);
  alds.define("hero", def);
  AttributeList use;
  parse_attribute_list("hero title=\"own\"", use);
  alds.resolve(use);
  CHECK(use.classes == "wide");
  REQUIRE(use.find("title") != nullptr);
  CHECK(*use.find("title") == "own");
}

TEST_CASE("event handlers, style and unsafe URLs are never emitted from attribute lists") {
  AttributeList a;
  parse_attribute_list("onmouseover=\"alert(1)\" ONCLICK='x' style=\"a\" href=\"javascript:alert(1)\" "
                       "src=\"JaVaScRiPt:x\" srcdoc=\"<script>\" formaction=\"x\" title=\"t&<\" target=\"_blank\"", a);
  std::string out;
  append_attributes(out, a, /*unsafe=*/false);
  CHECK(out == " title=\"t&amp;&lt;\" target=\"_blank\"");
  std::string trusted;
  append_attributes(trusted, a, /*unsafe=*/true);
  CHECK(trusted.find("onmouseover") != std::string::npos);
}

TEST_CASE("safe href and src overrides are kept") {
  AttributeList a;
  parse_attribute_list("href=\"https://example.com\" src=\"/a.png\"", a);
  std::string out;
  append_attributes(out, a, false);
  CHECK(out == " href=\"https://example.com\" src=\"/a.png\"");
}
