#include <doctest/doctest.h>

#include <chrono>
#include <string>

#include "draftmark/document.h"
#include "text/utf8.h"

using namespace draftmark;

namespace {

struct Rendered {
  std::string html;
  std::vector<Diagnostic> diagnostics;
  std::vector<Block> blocks;
};

Rendered render(const std::string& body, bool lines = false, SiteSettings site = {}) {
  static Renderer renderer;
  RenderOptions options;
  options.mode = Mode::kJekyll;
  options.source_lines = lines;
  options.post_header = false;
  options.site = std::move(site);
  const RenderResult& r = renderer.render("---\ntitle: Hello *World*\ndate: 2022-03-21 23:00:00 +0900\n"
                                          "tags: [a, b]\n---\n" + body, options);
  return Rendered{r.html, r.diagnostics, r.blocks};
}

const Diagnostic* find(const Rendered& r, const std::string& code) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code == code) return &d;
  }
  return nullptr;
}

bool contains(const std::string& s, const std::string& part) { return s.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("raw keeps its content literally and drops the markers") {
  Rendered r = render("a {% raw %}{{ page.title }} {% if %}{% endraw %} b\n");
  CHECK(r.html == "<p>a {{ page.title }} {% if %} b</p>\n");
  CHECK(r.diagnostics.empty());
}

TEST_CASE("a comment disappears and later blocks keep their source lines") {
  Rendered r = render("{% comment %}\none\ntwo\n{% endcomment %}\n\n# Title\n", true);
  REQUIRE(!r.blocks.empty());
  // Front matter: lines 1-5; the comment: 6-9; the heading: 11.
  CHECK(r.blocks.back().line_start == 11);
  CHECK(r.blocks.back().line_end == 11);
  CHECK(contains(r.html, "data-line=\"11-11\""));
}

TEST_CASE("a value with line ends keeps the following blocks on their lines") {
  Rendered r = render("{{ '\n\n\n' }}para\n\nlast\n", true);
  REQUIRE(r.blocks.size() == 2);
  CHECK(r.blocks[0].line_start == 9);  // the value is blank lines; "para" is on line 9
  CHECK(r.blocks[0].line_end == 9);
  CHECK(r.blocks[1].line_start == 11);
}

TEST_CASE("page variables and filters come from the front matter") {
  Rendered r = render("{{ page.title | upcase }} - {{ page.tags | size }} - {{ page.date | date: '%Y/%m/%d' }}\n");
  CHECK(r.html == "<p>HELLO <em>WORLD</em> - 2 - 2022/03/21</p>\n");
}

TEST_CASE("whitespace control trims around tags and outputs") {
  Rendered r = render("a   {{- 'x' -}}   b\n");
  CHECK(r.html == "<p>axb</p>\n");
}

TEST_CASE("an unknown variable renders empty with an info diagnostic at its position") {
  Rendered r = render("ab {{ site.nope }}\n");
  CHECK(r.html == "<p>ab</p>\n");
  const Diagnostic* d = find(r, "liquid-unknown-variable");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::kInfo);
  CHECK(d->line == 6);
  CHECK(d->column == 4);
}

TEST_CASE("other tags become visible markers with a warning naming line and column") {
  Rendered r = render("x\n  {% if page.x %}*y*{% endif %}\n");
  CHECK(contains(r.html, "<span class=\"liquid-tag\""));
  CHECK(contains(r.html, "{% if page.x %}</span><em>y</em>"));
  const Diagnostic* d = find(r, "liquid-tag-not-run");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::kWarning);
  CHECK(d->line == 7);
  CHECK(d->column == 3);
  CHECK(contains(d->message, "{% if page.x %}"));
}

TEST_CASE("a long tag quoted in a message is shortened on a character boundary") {
  // Found by the fuzzer: 80 bytes into a run of 3-byte characters cut one in two.
  std::string tag = "{% x";
  for (int i = 0; i < 40; i++) tag += "\xed\x95\x9c";
  Rendered r = render(tag + " %}\n");
  const Diagnostic* d = find(r, "liquid-tag-not-run");
  REQUIRE(d != nullptr);
  std::string repaired;
  CHECK(check_or_repair_utf8(d->message, repaired));
  CHECK(contains(d->message, "\xed\x95\x9c\xe2\x80\xa6"));  // ends on a whole character, then …

  std::string name = "page.x";
  for (int i = 0; i < 40; i++) name += "\xed\x95\x9c";
  Rendered unknown = render("{{ " + name + " }}\n");
  const Diagnostic* u = find(unknown, "liquid-unknown-variable");
  REQUIRE(u != nullptr);
  CHECK(check_or_repair_utf8(u->message, repaired));
}

TEST_CASE("unterminated raw, comment and outputs are errors and the body still renders") {
  Rendered a = render("one\n{% raw %}{{ x }}\n");
  CHECK(contains(a.html, "{{ x }}"));
  const Diagnostic* d = find(a, "liquid-unterminated-raw");
  REQUIRE(d != nullptr);
  CHECK(d->severity == Severity::kError);
  CHECK(d->line == 7);
  CHECK(d->column == 1);
  Rendered b = render("{% comment %}\nstill here\n");
  CHECK(find(b, "liquid-unterminated-comment") != nullptr);
  CHECK(contains(b.html, "still here"));
  Rendered c = render("x {{ y\n");
  CHECK(find(c, "liquid-unterminated-output") != nullptr);
  CHECK(contains(c.html, "x {{ y"));
}

TEST_CASE("post_url makes Chirpy's permalink under the baseurl") {
  SiteSettings site;
  site.baseurl = "/blog";
  Rendered r = render("[p]({% post_url 2020-01-02-my-post %})\n", false, site);
  CHECK(r.html == "<p><a href=\"/blog/posts/my-post/\">p</a></p>\n");
  CHECK(find(r, "liquid-post-url-unchecked") != nullptr);
  site.known_posts = {"2020-01-02-other"};
  Rendered k = render("[p]({% post_url 2020-01-02-my-post %})\n", false, site);
  CHECK(find(k, "liquid-post-not-found") != nullptr);
  CHECK(contains(k.html, "post-not-found"));
}

TEST_CASE("embeds become placeholder cards without iframes") {
  Rendered r = render("{% include embed/youtube.html id='dQw4w9WgXcQ' %}\n");
  CHECK(r.html ==
        "<div class=\"embed-placeholder embed-youtube\" data-embed=\"youtube\"><a "
        "href=\"https://www.youtube.com/watch?v=dQw4w9WgXcQ\">YouTube video dQw4w9WgXcQ</a></div>\n");
  Rendered v = render("{% include embed/video.html src='javascript:alert(1)' %}\n");
  CHECK(!contains(v.html, "href"));
  Rendered other = render("{% include toc.html %}\n");
  CHECK(find(other, "liquid-tag-not-run") != nullptr);
}

TEST_CASE("highlight becomes a fenced code block; Liquid runs inside it") {
  Rendered r = render("{% highlight ruby linenos %}\ndef x; end # {{ page.tags | size }}\n{% endhighlight %}\n");
  CHECK(contains(r.html, "language-ruby"));
  CHECK(contains(r.html, "def x; end # 2"));
  CHECK(!contains(r.html, "highlight"));
}

TEST_CASE("Liquid runs only in Jekyll mode") {
  Renderer renderer;
  RenderOptions options;
  options.mode = Mode::kGfm;
  CHECK(renderer.render("{{ x }}\n", options).html == "<p data-line=\"1-1\">{{ x }}</p>\n");
}

TEST_CASE("pathological Liquid stays linear and bounded") {
  auto time_ms = [](const std::string& body) {
    auto start = std::chrono::steady_clock::now();
    Rendered r = render(body);
    CHECK(r.diagnostics.size() <= 200);
    return std::chrono::duration<double, std::milli>(std::chrono::steady_clock::now() - start).count();
  };
  std::string many_open, nested_raw, nested_comment, many_tags, many_vars;
  for (int i = 0; i < 100000; i++) many_open += "{%";
  for (int i = 0; i < 20000; i++) nested_raw += "{% raw %}";
  for (int i = 0; i < 20000; i++) nested_comment += "{% comment %}";
  for (int i = 0; i < 20000; i++) many_tags += "{% if x %}\n";
  for (int i = 0; i < 20000; i++) many_vars += "{{ a.b.c.d | upcase | nope }} {{ ";
  CHECK(time_ms(many_open) < 2000);
  CHECK(time_ms(nested_raw) < 2000);
  CHECK(time_ms(nested_comment) < 2000);
  CHECK(time_ms(many_tags) < 2000);
  CHECK(time_ms(many_vars) < 2000);
}
