// Chirpy's front matter lints: what they flag, where, and in what words.
#include <doctest/doctest.h>

#include <string>

#include "jekyll/front_matter/front_matter.h"
#include "core/line_index.h"

using namespace draftmark;

namespace {

// Only the lints' diagnostics (parse_front_matter's own are checked elsewhere).
std::vector<Diagnostic> lint(const std::string& doc) {
  LineIndex lines;
  lines.build(doc);
  FrontMatter fm;
  std::vector<Diagnostic> parse_diagnostics, lints;
  parse_front_matter(doc, lines, 0, fm, parse_diagnostics);
  lint_front_matter(fm, lints);
  return lints;
}

}  // namespace

TEST_CASE("a complete Chirpy front matter has no warnings") {
  CHECK(lint("---\ntitle: T\ndate: 2022-03-21 23:00:00 +0900\ncategories: [A, B]\ntags: [x]\n---\n").empty());
  CHECK(lint("---\ntitle: T\ndate: 2022-03-21 23:00:00 +09:00\ncategories:\n  - A\n  - B\ntags:\n  - x\n---\n").empty());
}

TEST_CASE("a missing title and date are reported at the opening line") {
  std::vector<Diagnostic> d = lint("---\nlayout: post\n---\n");
  REQUIRE(d.size() == 2);
  CHECK(d[0].code == "missing-title");
  CHECK(d[0].severity == Severity::kWarning);
  CHECK(d[0].line == 1);
  CHECK(d[0].column == 1);
  CHECK(d[1].code == "missing-date");
  CHECK(d[1].line == 1);
  CHECK(d[1].message ==
        "The front matter has no date; Jekyll then takes it from the file name (YYYY-MM-DD-title.md).");
}

TEST_CASE("an empty title counts as missing and points at its key") {
  std::vector<Diagnostic> d = lint("---\ndate: 2022-03-21 23:00:00 +0900\ntitle:\n---\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "missing-title");
  CHECK(d[0].line == 3);
  CHECK(d[0].column == 1);
}

TEST_CASE("the seed post's date is readable but not in Chirpy's form") {
  std::vector<Diagnostic> d = lint("---\ntitle: T\n\ndate: 2022-03-21 11:00:00 PM\n---\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "date-format");
  CHECK(d[0].severity == Severity::kWarning);
  CHECK(d[0].line == 4);
  CHECK(d[0].column == 1);
  CHECK(d[0].message ==
        "date \"2022-03-21 11:00:00 PM\" is not in Chirpy's form YYYY-MM-DD HH:MM:SS +/-TTTT; "
        "Jekyll reads it as 2022-03-21T23:00:00 in the site's time zone.");
}

TEST_CASE("a date with a zone in another form says how Jekyll reads it") {
  std::vector<Diagnostic> d = lint("---\ntitle: T\ndate: 2022-03-21T23:00:00Z\n---\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].message ==
        "date \"2022-03-21T23:00:00Z\" is not in Chirpy's form YYYY-MM-DD HH:MM:SS +/-TTTT; "
        "Jekyll reads it as 2022-03-21T23:00:00Z.");
}

TEST_CASE("an unreadable date warns that Jekyll may stop the build") {
  std::vector<Diagnostic> d = lint("---\ntitle: T\ndate: next week\n---\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "date-format");
  CHECK(d[0].message ==
        "date \"next week\" is not a date Draftmark can read; Jekyll may stop the build with \"Invalid date\". "
        "Write it as YYYY-MM-DD HH:MM:SS +/-TTTT.");
}

TEST_CASE("categories deeper than two levels are flagged at the key") {
  std::vector<Diagnostic> d =
      lint("---\ntitle: T\ndate: 2022-03-21 23:00:00 +0900\ncategories: [A, B, C]\n---\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "categories-depth");
  CHECK(d[0].line == 4);
  CHECK(d[0].message ==
        "Chirpy shows at most two category levels (top and sub-category); this post has 3: A > B > C.");
}

TEST_CASE("categories and tags written as text are flagged") {
  std::vector<Diagnostic> d = lint(
      "---\ntitle: T\ndate: 2022-03-21 23:00:00 +0900\ncategories: Machine Learning\ntags: python\n---\n");
  REQUIRE(d.size() == 2);
  CHECK(d[0].code == "categories-not-list");
  CHECK(d[0].line == 4);
  CHECK(d[0].message ==
        "categories should be a list like [Top, Sub]; Jekyll splits this text at spaces into 2 categories.");
  CHECK(d[1].code == "tags-not-list");
  CHECK(d[1].line == 5);
  CHECK(d[1].message == "tags should be a list like [tag one, tag two].");
}

TEST_CASE("a mapping where a list belongs is flagged too") {
  std::vector<Diagnostic> d = lint("---\ntitle: T\ndate: 2022-03-21 23:00:00 +0900\ntags: {a: 1}\n---\n");
  REQUIRE(d.size() == 1);
  CHECK(d[0].code == "tags-not-list");
}

TEST_CASE("lints stay quiet without front matter or when its YAML is broken") {
  CHECK(lint("# just Markdown\n").empty());
  CHECK(lint("---\nunclosed: yes\n").empty());
  CHECK(lint("---\ntitle: [\n---\n").empty());
}
