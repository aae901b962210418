// Jekyll mode end to end through Renderer. Expected HTML follows kramdown 2.4's
// output (checked by hand against the `kramdown` command) plus Chirpy's changes.
#include <doctest/doctest.h>

#include <string>

#include "draftmark/document.h"

using namespace draftmark;

namespace {
const RenderResult& jekyll(Renderer& r, const std::string& md) {
  RenderOptions o;
  o.mode = Mode::kJekyll;
  o.source_lines = false;
  o.post_header = false;
  return r.render(md, o);
}
bool has_code(const RenderResult& r, const std::string& code, uint32_t line) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code == code && d.line == line) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("a block IAL applies to the block above it, or after a blank line to the next") {
  Renderer r;
  CHECK(jekyll(r, "> tip\n{: .prompt-tip}\n").html == "<blockquote class=\"prompt-tip\">\n<p>tip</p>\n</blockquote>\n");
  CHECK(jekyll(r, "{: #first}\n\npara\n").html == "<p id=\"first\">para</p>\n");
}

TEST_CASE("span IALs go on images, links and emphasis; w and h become width and height") {
  Renderer r;
  CHECK(jekyll(r, "![](/a.png){: w=\"400\" .shadow}\n").html ==
        "<p><img src=\"/a.png\" alt=\"\" width=\"400\" class=\"shadow\" loading=\"lazy\" /></p>\n");
  CHECK(jekyll(r, "[x](u){:target=\"_blank\"} *e*{: .k}\n").html ==
        "<p><a target=\"_blank\" href=\"u\">x</a> <em class=\"k\">e</em></p>\n");
}

TEST_CASE("a malformed or separated span IAL stays text") {
  Renderer r;
  CHECK(jekyll(r, "![](a.png) {: w=\"1\"}\n").html ==
        "<p><img src=\"a.png\" alt=\"\" loading=\"lazy\" /> {: w=”1”}</p>\n");
  CHECK(jekyll(r, "![](a.png){: w=\"1\"\n").html ==
        "<p><img src=\"a.png\" alt=\"\" loading=\"lazy\" />{: w=”1”</p>\n");
}

TEST_CASE("header ids: automatic, Korean kept, duplicates numbered, custom ids") {
  Renderer r;
  // `layout: none` leaves out Chirpy's heading anchors (tested below) to show the ids alone.
  CHECK(jekyll(r, "---\nlayout: none\n---\n## 1회차 : 직군\n\n## A\n\n## A\n\n## T {#mine}\n").html ==
        "<h2 id=\"1회차--직군\">1회차 : 직군</h2>\n<h2 id=\"a\">A</h2>\n<h2 id=\"a-1\">A</h2>\n<h2 id=\"mine\">T</h2>\n");
}

TEST_CASE("Chirpy's heading anchors: h2 to h5 with an id, in post and page layouts only") {
  Renderer r;
  CHECK(jekyll(r, "# T\n\n## A *b*\n\n###### S\n").html ==
        "<h1 id=\"t\">T</h1>\n"
        "<h2 id=\"a-b\"><span class=\"me-2\">A <em>b</em></span><a href=\"#a-b\" class=\"anchor text-muted\">"
        "<i class=\"fas fa-hashtag\"></i></a></h2>\n<h6 id=\"s\">S</h6>\n");
  CHECK(jekyll(r, "---\nlayout: page\n---\n##### F\n").html.find("<a href=\"#f\" class=\"anchor") != std::string::npos);
  CHECK(jekyll(r, "---\nlayout: home\n---\n## F\n").html == "<h2 id=\"f\">F</h2>\n");
  // The table of contents lists the heading's text, not its anchor.
  CHECK(jekyll(r, "* x\n{:toc}\n\n## One\n").html.rfind(
            "<ul id=\"markdown-toc\">\n<li><a href=\"#one\" id=\"markdown-toc-one\">One</a></li>\n</ul>\n", 0) == 0);
}

TEST_CASE("footnotes render with kramdown's markup and undefined references stay text") {
  Renderer r;
  const RenderResult& out = jekyll(r, "a[^1] b[^x]\n\n[^1]: Note.\n");
  CHECK(out.html ==
        "<p>a<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> b[^x]</p>\n"
        "<div class=\"footnotes\" role=\"doc-endnotes\">\n<ol>\n<li id=\"fn:1\" role=\"doc-endnote\">\n"
        "<p>Note.\xC2\xA0<a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;&#xfe0e;</a></p>\n"
        "</li>\n</ol>\n</div>\n");
  REQUIRE(out.blocks.size() == 2);
  CHECK(out.blocks[1].line_start == 3);
}

TEST_CASE("tables scroll in Chirpy's wrapper and code blocks get a header") {
  Renderer r;
  CHECK(jekyll(r, "| a |\n|---|\n| b |\n").html.rfind("<div class=\"table-wrapper\"><table>", 0) == 0);
  CHECK(jekyll(r, "```sh\nls\n```\n{: file=\"run.sh\" .nolineno}\n").html ==
        "<div class=\"code-block language-sh nolineno\"><div class=\"code-header\"><span class=\"code-label code-file\">"
        "run.sh</span></div><pre><code class=\"language-sh\">ls\n</code></pre></div>\n");
}

TEST_CASE("{:toc} replaces its list with the table of contents") {
  Renderer r;
  CHECK(jekyll(r, "---\nlayout: none\n---\n* x\n{:toc}\n\n## One\n\n### Two\n").html ==
        "<ul id=\"markdown-toc\">\n<li><a href=\"#one\" id=\"markdown-toc-one\">One</a>\n"
        "<ul>\n<li><a href=\"#two\" id=\"markdown-toc-two\">Two</a></li>\n</ul>\n</li>\n</ul>\n"
        "<h2 id=\"one\">One</h2>\n<h3 id=\"two\">Two</h3>\n");
}

TEST_CASE("math renders only with math: true, and the lint says why on the right line") {
  Renderer r;
  const RenderResult& off = jekyll(r, "---\ntitle: t\n---\n\ntext\n\nsee $x$\n");
  CHECK(off.html.find("see $x$") != std::string::npos);
  CHECK(has_code(off, "math-disabled", 7));
  const RenderResult& on = jekyll(r, "---\nmath: true\n---\nsee $x$ and $$y$$\n\n$$z$$\n");
  CHECK(on.html.find("<span class=\"math inline\">x</span>") != std::string::npos);
  CHECK(on.html.find("<span class=\"math inline\">y</span>") != std::string::npos);  // $$ inside a sentence
  CHECK(on.html.find("<span class=\"math display\">z</span>") != std::string::npos);
}

TEST_CASE("Markdown inside $…$ and stray dollars are reported where kramdown would break them") {
  Renderer r;
  const RenderResult& out = jekyll(r, "---\nmath: true\n---\n\n$a*b*c$\n\ncosts $5 today\n");
  CHECK(has_code(out, "math-markdown", 5));
  CHECK(has_code(out, "stray-dollar", 7));
}

TEST_CASE("a mermaid block without mermaid: true is reported at its line") {
  Renderer r;
  CHECK(has_code(jekyll(r, "---\ntitle: t\n---\n\n```mermaid\ngraph TD\n```\n"), "mermaid-disabled", 5));
}

TEST_CASE("front matter lines are not part of any block and bare URLs are not links") {
  Renderer r;
  RenderOptions o;
  o.post_header = false;
  const RenderResult& out = r.render("---\ntitle: t\n---\n\nhttps://example.com\n", o);
  CHECK(out.mode_used == Mode::kJekyll);
  REQUIRE(out.blocks.size() == 1);
  CHECK(out.blocks[0].line_start == 5);
  CHECK(out.html == "<p data-line=\"5-5\">https://example.com</p>\n");
}

TEST_CASE("kramdown differences bloggers hit: 1) is not a list, emphasis next to CJK works") {
  Renderer r;
  CHECK(jekyll(r, "1) one\n2) two\n").html == "<p>1) one\n2) two</p>\n");
  CHECK(jekyll(r, "**\"따옴표\"**는\n").html == "<p><strong>“따옴표”</strong>는</p>\n");
  RenderOptions gfm;
  gfm.mode = Mode::kGfm;
  gfm.source_lines = false;
  CHECK(r.render("**\"따옴표\"**는\n", gfm).html == "<p>**&quot;따옴표&quot;**는</p>\n");
  CHECK(r.render("1) one\n", gfm).html == "<ol>\n<li>one</li>\n</ol>\n");
}

TEST_CASE("definition lists and abbreviations render as kramdown writes them") {
  Renderer r;
  RenderOptions o;
  o.mode = Mode::kJekyll;
  o.post_header = false;
  const RenderResult& out = r.render("intro\n\nterm\n: one\n: *two*\n\nafter HTML\n\n*[HTML]: Hyper Text\n", o);
  CHECK(out.html ==
        "<p data-line=\"1-1\">intro</p>\n"
        "<dl data-line=\"3-5\">\n<dt>term</dt>\n<dd>one</dd>\n<dd><em>two</em></dd>\n</dl>\n"
        "<p data-line=\"7-7\">after <abbr title=\"Hyper Text\">HTML</abbr></p>\n");
}
