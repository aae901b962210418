// Front matter recognition (Jekyll's regex), JSON shape, extraction and diagnostics
// in document coordinates. Offsets, lines and columns below are counted by hand.
#include <doctest/doctest.h>

#include <string>

#include "jekyll/front_matter/front_matter.h"
#include "core/line_index.h"
#include "jekyll/front_matter/yaml_json.h"

using namespace draftmark;

namespace {

struct Parsed {
  FrontMatter fm;
  std::vector<Diagnostic> diagnostics;
};

// As the renderer calls it: the BOM is skipped, lines index the whole document.
Parsed parse(const std::string& doc) {
  Parsed p;
  LineIndex lines;
  lines.build(doc);
  size_t bom = doc.rfind("\xEF\xBB\xBF", 0) == 0 ? 3 : 0;
  parse_front_matter(std::string_view(doc).substr(bom), lines, bom, p.fm, p.diagnostics);
  return p;
}

}  // namespace

TEST_CASE("front matter is --- on the first line closed by --- and the body starts after it") {
  Parsed p = parse("---\ntitle: Hi\n---\n# Body\n");
  CHECK(p.fm.present);
  CHECK(p.fm.parsed);
  CHECK(p.fm.first_line == 1);
  CHECK(p.fm.last_line == 3);
  CHECK(p.fm.body_offset == 18);
  CHECK(p.fm.json == R"({"title":"Hi"})");
  CHECK(p.diagnostics.empty());
}

TEST_CASE("three dots also close front matter") {
  Parsed p = parse("---\na: 1\n...\nbody");
  CHECK(p.fm.present);
  CHECK(p.fm.body_offset == 13);
  CHECK(p.fm.json == R"({"a":1})");
}

TEST_CASE("blank lines after the closing line are not body but the first line keeps its indent") {
  Parsed p = parse("---\na: 1\n---\n\n  \n    code\n");
  CHECK(p.fm.body_offset == 17);
}

TEST_CASE("a closing line at the very end leaves an empty body") {
  FrontMatterBounds b = find_front_matter("---\na: 1\n---");
  CHECK(b.closed);
  CHECK(b.yaml_end == 9);
  CHECK(b.body_offset == 12);
  b = find_front_matter("---\na: 1\n---  \n\n");
  CHECK(b.body_offset == 16);
}

TEST_CASE("delimiters may carry trailing whitespace but nothing else") {
  Parsed p = parse("---  \na: 1\n--- \t\nbody");
  CHECK(p.fm.present);
  CHECK(p.fm.json == R"({"a":1})");
  CHECK_FALSE(find_front_matter("--- x\na: 1\n---\n").opened);
  CHECK_FALSE(find_front_matter("----\na: 1\n---\n").opened);
}

TEST_CASE("only an exact --- or ... line closes: not ----, not indented, not followed by text") {
  FrontMatterBounds b = find_front_matter("---\n----\n ---\n--- x\n...x\n---\nbody");
  CHECK(b.opened);
  CHECK(b.closed);
  CHECK(b.yaml_end == 4 + 5 + 5 + 6 + 5);
  CHECK(b.body_offset == 4 + 5 + 5 + 6 + 5 + 4);
}

TEST_CASE("a --- anywhere but the first line is ordinary Markdown") {
  for (const char* doc : {"\n---\na: 1\n---\n", " ---\na: 1\n---\n", "# T\n---\na: 1\n---\n", "---"}) {
    Parsed p = parse(doc);
    CHECK_FALSE(p.fm.opened);
    CHECK_FALSE(p.fm.present);
    CHECK(p.fm.json == "null");
    CHECK(p.fm.body_offset == 0);
    CHECK(p.diagnostics.empty());
  }
}

TEST_CASE("an unclosed block is body text with a warning") {
  Parsed p = parse("---\ntitle: x\n\nBody\n");
  CHECK(p.fm.opened);
  CHECK_FALSE(p.fm.closed);
  CHECK_FALSE(p.fm.present);
  CHECK(p.fm.body_offset == 0);
  CHECK(p.fm.json == "null");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].code == "front-matter-unclosed");
  CHECK(p.diagnostics[0].severity == Severity::kWarning);
  CHECK(p.diagnostics[0].line == 1);
  CHECK(p.diagnostics[0].column == 1);
}

TEST_CASE("CRLF documents are recognised and their values carry no carriage returns") {
  Parsed p = parse("---\r\ntitle: Hi\r\ndate: 2022-03-21\r\n---\r\n\r\nBody\r\n");
  CHECK(p.fm.present);
  CHECK(p.fm.last_line == 4);
  CHECK(p.fm.body_offset == 41);
  CHECK(p.fm.json == R"({"title":"Hi","date":"2022-03-21","_iso":{"/date":"2022-03-21"}})");
  CHECK(p.fm.title == "Hi");
}

TEST_CASE("a file with only carriage-return line ends has no front matter, as in Ruby") {
  CHECK_FALSE(find_front_matter("---\rtitle: x\r---\r").opened);
}

TEST_CASE("a BOM before the opening line is allowed and positions count the whole document") {
  std::string doc = "\xEF\xBB\xBF---\ntitle: x\nbad\n---\nBody";
  Parsed p = parse(doc);
  CHECK(p.fm.present);
  CHECK(p.fm.first_line == 1);
  CHECK(p.fm.last_line == 4);
  CHECK(p.fm.body_offset == 4 + 9 + 4 + 4);  // relative to the text after the BOM
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].line == 3);
  CHECK(p.diagnostics[0].column == 1);
}

TEST_CASE("YAML errors are reported in document lines and UTF-16 columns and the body still starts after the block") {
  Parsed p = parse("---\ntitle: 한글 😀: x\n---\nBody");
  CHECK(p.fm.present);
  CHECK_FALSE(p.fm.parsed);
  CHECK(p.fm.json == "null");
  CHECK(p.fm.body_offset == 30);
  REQUIRE(p.diagnostics.size() == 1);
  const Diagnostic& d = p.diagnostics[0];
  CHECK(d.severity == Severity::kError);
  CHECK(d.code == "yaml-syntax");
  CHECK(d.line == 2);
  CHECK(d.column == 13);  // t,i,t,l,e,:,space,한,글,space = 10; 😀 is 2 UTF-16 units
  CHECK(d.message ==
        "YAML syntax error: mapping values are not allowed in this context; "
        "Jekyll would publish the post without its front matter.");
}

TEST_CASE("a key missing its colon is reported at that key with libyaml's words") {
  Parsed p = parse("---\ntitle: a\ntags\ndate: 2022-01-01\n---\n");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].line == 3);
  CHECK(p.diagnostics[0].column == 1);
  CHECK(p.diagnostics[0].message ==
        "YAML syntax error: could not find expected ':' while scanning a simple key; "
        "Jekyll would publish the post without its front matter.");
}

TEST_CASE("an unclosed list says on which line it began") {
  Parsed p = parse("---\ntags: [a,\n  b\n---\n");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].line == 4);
  CHECK(p.diagnostics[0].column == 1);
  CHECK(p.diagnostics[0].message ==
        "YAML syntax error: did not find expected ',' or ']' while parsing a flow sequence (from line 2); "
        "Jekyll would publish the post without its front matter.");
}

TEST_CASE("ISO forms of dates are listed under _iso by JSON Pointer") {
  Parsed p = parse(
      "---\ndate: 2022-03-21 11:00:00 PM\nupdated: 2022-04-01 10:00:00 +0900\nlog:\n"
      "  - 2021-01-02\n  - a/b: 2020-05-06\ntitle: x\n---\n");
  CHECK(p.fm.json ==
        R"({"date":"2022-03-21 11:00:00 PM","updated":"2022-04-01 10:00:00 +0900",)"
        R"("log":["2021-01-02",{"a/b":"2020-05-06"}],"title":"x",)"
        R"("_iso":{"/date":"2022-03-21T23:00:00","/updated":"2022-04-01T10:00:00+09:00",)"
        R"("/log/0":"2021-01-02","/log/1/a~1b":"2020-05-06"}})");
  CHECK(p.fm.date == "2022-03-21 11:00:00 PM");
  CHECK(p.fm.date_iso == "2022-03-21T23:00:00");
}

TEST_CASE("quoted dates stay plain strings except the post date, which Jekyll parses") {
  Parsed p = parse("---\ndate: \"2022-03-21\"\nother: '2022-03-21'\n---\n");
  CHECK(p.fm.json == R"({"date":"2022-03-21","other":"2022-03-21","_iso":{"/date":"2022-03-21"}})");
}

TEST_CASE("an author's own _iso key is left alone") {
  Parsed p = parse("---\n_iso: mine\ndate: 2022-03-21\n---\n");
  CHECK(p.fm.json == R"({"_iso":"mine","date":"2022-03-21"})");
}

TEST_CASE("an empty or comment-only block is an empty object") {
  Parsed p = parse("---\n---\nBody");
  CHECK(p.fm.present);
  CHECK(p.fm.parsed);
  CHECK(p.fm.json == "{}");
  CHECK(p.fm.body_offset == 8);
  CHECK(parse("---\n# note\n---\n").fm.json == "{}");
}

TEST_CASE("front matter that is not key: value pairs is ignored as Jekyll ignores it") {
  Parsed p = parse("---\n- a\n- b\n---\n");
  CHECK(p.fm.present);
  CHECK_FALSE(p.fm.parsed);
  CHECK(p.fm.json == "null");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].code == "front-matter-not-mapping");
  CHECK(p.diagnostics[0].severity == Severity::kError);
  CHECK(p.diagnostics[0].line == 2);
  CHECK(p.diagnostics[0].column == 1);
}

TEST_CASE("the seed post's front matter is read as Jekyll reads it") {
  Parsed p = parse(
      "---\nlayout: post\ndate: 2022-03-21 11:00:00 PM\n"
      "title: \"[BoostCamp AI Tech] Day 82 - 두런두런 수근수근 속닥속닥\"\n"
      "categories: [NAVER BoostCamp AI Tech, Review]\n"
      "tags: [Deep Learning, NAVER, BoostCamp, AI Tech]\nmath: true\n---\n\n# Day82\n");
  CHECK(p.diagnostics.empty());
  CHECK(p.fm.json ==
        R"({"layout":"post","date":"2022-03-21 11:00:00 PM",)"
        R"("title":"[BoostCamp AI Tech] Day 82 - 두런두런 수근수근 속닥속닥",)"
        R"("categories":["NAVER BoostCamp AI Tech","Review"],)"
        R"("tags":["Deep Learning","NAVER","BoostCamp","AI Tech"],"math":true,)"
        R"("_iso":{"/date":"2022-03-21T23:00:00"}})");
  CHECK(p.fm.has_title);
  CHECK(p.fm.title == "[BoostCamp AI Tech] Day 82 - 두런두런 수근수근 속닥속닥");
  CHECK(p.fm.has_date);
  CHECK(p.fm.date_iso == "2022-03-21T23:00:00");
  CHECK(p.fm.categories == std::vector<std::string>{"NAVER BoostCamp AI Tech", "Review"});
  CHECK(p.fm.tags == std::vector<std::string>{"Deep Learning", "NAVER", "BoostCamp", "AI Tech"});
  CHECK(p.fm.math);
  CHECK_FALSE(p.fm.mermaid);
  CHECK(p.fm.last_line == 8);
  CHECK(p.fm.date_at.line == 3);
  CHECK(p.fm.categories_at.line == 5);
  CHECK(p.fm.tags_at.line == 6);
}

TEST_CASE("categories and tags are gathered as Jekyll gathers them") {
  Parsed p = parse("---\ncategories: Machine Learning\ntags: [[a, b], ~, c, 2]\n---\n");
  CHECK(p.fm.categories == std::vector<std::string>{"Machine", "Learning"});
  CHECK(p.fm.categories_shape == ValueShape::kScalar);
  CHECK(p.fm.tags == std::vector<std::string>{"a", "b", "c", "2"});
  CHECK(p.fm.tags_shape == ValueShape::kList);
  p = parse("---\ncategory: Machine Learning\ncategories: [x]\n---\n");
  CHECK(p.fm.categories == std::vector<std::string>{"Machine Learning"});
}

TEST_CASE("math and mermaid follow Liquid truthiness") {
  CHECK(parse("---\nmath: yes\n---\n").fm.math);
  CHECK_FALSE(parse("---\nmath: false\n---\n").fm.math);
  CHECK(parse("---\nmath: \"false\"\n---\n").fm.math);  // a non-empty string is true in Liquid
  CHECK_FALSE(parse("---\nmermaid: ~\n---\n").fm.mermaid);
  CHECK(parse("---\nmermaid: true\n---\n").fm.mermaid);
  CHECK_FALSE(parse("---\ntitle: x\n---\n").fm.math);
}

TEST_CASE("media_subpath wins over the older img_path") {
  CHECK(parse("---\nimg_path: /old\nmedia_subpath: /new\n---\n").fm.media_subpath == "/new");
  CHECK(parse("---\nimg_path: /old\n---\n").fm.media_subpath == "/old");
}

TEST_CASE("scalar values are shown as Ruby prints them") {
  Parsed p = parse("---\ntitle: 3.10\ndescription: yes\n---\n");
  CHECK(p.fm.title == "3.1");
  CHECK(p.fm.description == "true");
  p = parse("---\ntitle:\n---\n");
  CHECK_FALSE(p.fm.has_title);
}

TEST_CASE("alias warnings are placed in the document") {
  Parsed p = parse("---\na: &x 1\nb: *x\n---\n");
  CHECK(p.fm.json == R"({"a":1,"b":null})");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].code == "yaml-alias");
  CHECK(p.diagnostics[0].line == 3);
  CHECK(p.diagnostics[0].column == 4);
}

TEST_CASE("nesting beyond the limit is an error at the bracket that went too deep") {
  Parsed p = parse("---\na: " + std::string(70, '[') + std::string(70, ']') + "\n---\nBody");
  CHECK(p.fm.present);
  CHECK(p.fm.json == "null");
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].code == "yaml-too-deep");
  CHECK(p.diagnostics[0].line == 2);
  CHECK(p.diagnostics[0].column == 67);  // the mapping is level 1, the 64th '[' is level 65
}

TEST_CASE("oversized front matter is refused but still separated from the body") {
  std::string doc = "---\nnote: " + std::string(kMaxYamlBytes, 'x') + "\n---\nBody";
  Parsed p = parse(doc);
  CHECK(p.fm.present);
  CHECK(p.fm.json == "null");
  CHECK(p.fm.body_offset == doc.size() - 4);
  REQUIRE(p.diagnostics.size() == 1);
  CHECK(p.diagnostics[0].code == "yaml-too-large");
  CHECK(p.diagnostics[0].line == 1);
}

TEST_CASE("parsing resets what a previous document left") {
  Parsed p = parse("---\ntitle: A\ntags: [x]\n---\n");
  LineIndex lines;
  std::string doc = "plain";
  lines.build(doc);
  parse_front_matter(doc, lines, 0, p.fm, p.diagnostics);
  CHECK_FALSE(p.fm.present);
  CHECK(p.fm.title.empty());
  CHECK(p.fm.tags.empty());
  CHECK(p.fm.json == "null");
}
