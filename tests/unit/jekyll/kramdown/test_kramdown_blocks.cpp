#include <doctest/doctest.h>

#include <string>

#include "jekyll/kramdown/kramdown_blocks.h"

using namespace draftmark;

TEST_CASE("block IALs are masked and know whether they follow a block") {
  std::string masked;
  KramdownBlocks k;
  scan_kramdown_blocks("para\n{: .a}\n\n{: .b}\nnext\n", 1, masked, k);
  CHECK(masked == "para\n      \n\n      \nnext\n");
  REQUIRE(k.ials.size() == 2);
  CHECK(k.ials[0].line == 2);
  CHECK(k.ials[0].after_block);
  CHECK(k.ials[1].line == 4);
  CHECK_FALSE(k.ials[1].after_block);
}

TEST_CASE("footnote definitions with indented continuations are collected and masked") {
  std::string masked;
  KramdownBlocks k;
  scan_kramdown_blocks("text[^n]\n\n[^n]: first\n    second\n\n    para two\nafter\n", 10, masked, k);
  REQUIRE(k.footnotes.size() == 1);
  CHECK(k.footnotes[0].label == "n");
  CHECK(k.footnotes[0].markdown == "first\nsecond\n\npara two\n");
  CHECK(k.footnotes[0].first_line == 12);
  CHECK(k.footnotes[0].last_line == 15);
  CHECK(masked.substr(masked.size() - 6) == "after\n");
  CHECK(masked.find("first") == std::string::npos);
}

TEST_CASE("nothing inside fenced code is treated as kramdown syntax") {
  std::string masked;
  KramdownBlocks k;
  const std::string text = "```\n{: .a}\n[^x]: y\n```\n";
  scan_kramdown_blocks(text, 1, masked, k);
  CHECK(masked == text);
  CHECK(k.ials.empty());
  CHECK(k.footnotes.empty());
}

TEST_CASE("comments are removed, options and ALDs are read") {
  std::string masked;
  KramdownBlocks k;
  scan_kramdown_blocks("{::comment}\nhidden\n{:/comment}\n{::options auto_ids=\"false\" /}\n{:hero: .big}\nshown\n",
                       1, masked, k);
  CHECK(masked.find("hidden") == std::string::npos);
  CHECK(masked.find("shown") != std::string::npos);
  CHECK_FALSE(k.auto_ids);
  AttributeList use;
  use.refs.push_back("hero");
  k.alds.resolve(use);
  CHECK(use.classes == "big");
}

TEST_CASE("abbreviation definitions are collected") {
  std::string masked;
  KramdownBlocks k;
  scan_kramdown_blocks("*[HTML]: Hyper Text Markup Language\n", 1, masked, k);
  REQUIRE(k.abbreviations.size() == 1);
  CHECK(k.abbreviations[0].term == "HTML");
  CHECK(k.abbreviations[0].title == "Hyper Text Markup Language");
}
