#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jekyll/liquid/liquid_lexer.h"

using draftmark::LiquidLexer;
using draftmark::LiquidToken;
using Kind = LiquidToken::Kind;

namespace {
std::vector<LiquidToken> lex(std::string_view s) {
  std::vector<LiquidToken> out;
  LiquidLexer lexer(s);
  LiquidToken t;
  while (lexer.next(t)) out.push_back(t);
  return out;
}
}  // namespace

TEST_CASE("text, outputs and tags are split as Liquid's tokenizer does") {
  auto t = lex("a {{ page.title }} b {% if x %}c");
  REQUIRE(t.size() == 5);
  CHECK(t[0].kind == Kind::kText);
  CHECK(t[1].kind == Kind::kOutput);
  CHECK(t[1].inner == " page.title ");
  CHECK(t[3].kind == Kind::kTag);
  CHECK(t[3].name == "if");
  CHECK(t[3].markup == "x");
  CHECK(t[4].begin == 31);
}

TEST_CASE("dashes set the trim flags") {
  auto t = lex("{{- x -}}{%- raw -%}");
  REQUIRE(t.size() == 2);
  CHECK(t[0].trim_left);
  CHECK(t[0].trim_right);
  CHECK(t[0].inner == " x ");
  CHECK(t[1].trim_left);
  CHECK(t[1].name == "raw");
}

TEST_CASE("an output closes at the first brace; a lone brace leaves it unterminated") {
  auto t = lex("{{ a } b");
  REQUIRE(t.size() == 2);
  CHECK(t[0].kind == Kind::kUnterminated);
  CHECK(t[0].end == 2);
  auto u = lex("{% tag");
  CHECK(u[0].kind == Kind::kUnterminated);
}

TEST_CASE("a single brace or percent sign is text") {
  auto t = lex("a { b % c } d");
  REQUIRE(t.size() == 1);
  CHECK(t[0].kind == Kind::kText);
}

TEST_CASE("100k unclosed openers lex in linear time") {
  std::string s;
  for (int i = 0; i < 100000; i++) s += "{% ";
  auto t = lex(s);
  CHECK(t.size() == 200000);  // each opener, then its space
}
