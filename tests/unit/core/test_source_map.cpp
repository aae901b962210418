#include <doctest/doctest.h>

#include <string>
#include <utility>
#include <vector>

#include "draftmark/document.h"

using namespace draftmark;

namespace {
std::vector<std::pair<uint32_t, uint32_t>> lines_of(const std::string& md, Mode mode = Mode::kGfm) {
  Renderer r;
  RenderOptions o;
  o.mode = mode;
  std::vector<std::pair<uint32_t, uint32_t>> out;
  for (const Block& b : r.render(md, o).blocks) out.emplace_back(b.line_start, b.line_end);
  return out;
}
using Ranges = std::vector<std::pair<uint32_t, uint32_t>>;
}  // namespace

TEST_CASE("every kind of top-level block gets its exact line range") {
  const std::string md =
      "# ATX heading\n"          // 1
      "\n"                       // 2
      "Setext\n"                 // 3
      "======\n"                 // 4
      "para one\n"               // 5
      "para two\n"               // 6
      "\n"                       // 7
      "```js\n"                  // 8
      "code\n"                   // 9
      "\n"                       // 10
      "```\n"                    // 11
      "***\n"                    // 12
      "- a\n"                    // 13
      "- b\n"                    // 14
      "\n"                       // 15
      "> quote\n"                // 16
      "> more\n"                 // 17
      "\n"                       // 18
      "| a | b |\n"              // 19
      "|---|---|\n"              // 20
      "| 1 | 2 |\n"              // 21
      "\n"                       // 22
      "<div>\n"                  // 23
      "html\n"                   // 24
      "</div>\n"                 // 25
      "\n"                       // 26
      "    indented\n"           // 27
      "    code\n";              // 28
  CHECK(lines_of(md) == Ranges{{1, 1}, {3, 4}, {5, 6}, {8, 11}, {12, 12}, {13, 14},
                               {16, 17}, {19, 21}, {23, 25}, {27, 28}});
}

TEST_CASE("link reference definitions belong to no block") {
  CHECK(lines_of("para\n\n[a]: /url\n\n# h\n") == Ranges{{1, 1}, {5, 5}});
}

TEST_CASE("an image-only paragraph and empty blocks take the gap between neighbours") {
  CHECK(lines_of("# h\n\n![](a.png)\n\n---\n\n```\n```\ntext\n") ==
        Ranges{{1, 1}, {3, 3}, {5, 5}, {7, 8}, {9, 9}});
}

TEST_CASE("line ranges are monotonic and cover CRLF documents") {
  auto ranges = lines_of("a\r\n\r\nb\r\n\r\n- c\r\n- d\r\n");
  CHECK(ranges == Ranges{{1, 1}, {3, 3}, {5, 6}});
}

TEST_CASE("a BOM does not shift lines") {
  CHECK(lines_of("\xEF\xBB\xBF# t\n\npara\n") == Ranges{{1, 1}, {3, 3}});
}

TEST_CASE("block html ranges slice the full html and hashes ignore data-line") {
  Renderer r;
  RenderOptions o;
  const RenderResult& a = r.render("one\n\ntwo\n", o);
  REQUIRE(a.blocks.size() == 2);
  CHECK(a.html.substr(a.blocks[1].html_offset, a.blocks[1].html_length) == "<p data-line=\"3-3\">two</p>\n");
  uint32_t hash_two = a.blocks[1].hash;
  const RenderResult& b = r.render("zero\n\none\n\ntwo\n", o);
  REQUIRE(b.blocks.size() == 3);
  CHECK(b.blocks[2].hash == hash_two);       // moved, unchanged
  CHECK(b.blocks[2].line_start == 5);
  CHECK(b.blocks[0].hash != b.blocks[1].hash);
}
