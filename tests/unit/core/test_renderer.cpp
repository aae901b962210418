#include <doctest/doctest.h>

#include <string>

#include "draftmark/document.h"

using namespace draftmark;

namespace {
std::string html(const std::string& md, Mode mode = Mode::kGfm, bool unsafe = false) {
  Renderer r;
  RenderOptions o;
  o.mode = mode;
  o.source_lines = false;
  o.unsafe = unsafe;
  return r.render(md, o).html;
}
}  // namespace

TEST_CASE("gfm mode renders tables, strikethrough, task lists and autolinks") {
  CHECK(html("| a |\n|---|\n| b |\n") ==
        "<table>\n<thead>\n<tr>\n<th>a</th>\n</tr>\n</thead>\n<tbody>\n<tr>\n<td>b</td>\n</tr>\n</tbody>\n</table>\n");
  CHECK(html("~~x~~\n") == "<p><del>x</del></p>\n");
  CHECK(html("- [x] done\n") ==
        "<ul>\n<li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" "
        "disabled=\"true\" checked=\"true\" />done</li>\n</ul>\n");
  CHECK(html("see https://example.com\n") == "<p>see <a href=\"https://example.com\">https://example.com</a></p>\n");
}

TEST_CASE("commonmark mode does not have the extensions") {
  CHECK(html("~~x~~ https://example.com\n", Mode::kCommonMark) == "<p>~~x~~ https://example.com</p>\n");
}

TEST_CASE("math spans become elements holding the escaped TeX") {
  CHECK(html("$a<b$ and $$x^2$$\n") ==
        "<p><span class=\"math inline\">a&lt;b</span> and <span class=\"math display\">x^2</span></p>\n");
  CHECK(html("$a$\n", Mode::kCommonMark) == "<p>$a$</p>\n");
}

TEST_CASE("image alt text is plain text even with emphasis inside") {
  CHECK(html("![a *b* `c`](x.png \"t\")\n") == "<p><img src=\"x.png\" alt=\"a b c\" title=\"t\" /></p>\n");
}

TEST_CASE("dangerous URLs are neutralised unless unsafe is set") {
  CHECK(html("[x](javascript:alert(1))\n") == "<p><a href=\"\">x</a></p>\n");
  CHECK(html("[x](javascript:alert(1))\n", Mode::kGfm, true) == "<p><a href=\"javascript:alert(1)\">x</a></p>\n");
  CHECK(html("[x](&#106;avascript:alert(1))\n") == "<p><a href=\"\">x</a></p>\n");
  CHECK(html("![x](data:image/png;base64,AAAA)\n") == "<p><img src=\"data:image/png;base64,AAAA\" alt=\"x\" /></p>\n");
}

TEST_CASE("NUL bytes and invalid UTF-8 render as U+FFFD") {
  CHECK(html(std::string("a\0b\xFF", 4)) == "<p>a\xEF\xBF\xBD" "b\xEF\xBF\xBD</p>\n");
}

TEST_CASE("a NUL is found in every eight-byte word of input that promises UTF-8") {
  // The line index looks for NULs eight bytes at a time (RenderOptions::input_is_utf8 skips
  // the UTF-8 check and relies on it): a NUL at each offset of a word and in each kind of
  // text renders as without the promise.
  for (size_t at = 0; at < 16; at++) {
    std::string md = "abcdefghijklmnopqrstuvwx\n\n<div title=\"abcdefghij\">abcdefghijklmnop</div>\n\n[l](abcdefghijklmnop)\n";
    for (size_t line_start : {size_t{0}, md.find("<div"), md.find("[l]")}) {
      std::string text = md;
      text[line_start + 4 + at] = '\0';
      Renderer r;
      RenderOptions o;
      o.mode = Mode::kGfm;
      const std::string checked = r.render(text, o).html;
      o.input_is_utf8 = true;
      CHECK(r.render(text, o).html == checked);
    }
  }
}

TEST_CASE("auto mode picks jekyll when the document starts with front matter") {
  Renderer r;
  CHECK(r.render("---\ntitle: x\n---\nbody\n", {}).mode_used == Mode::kJekyll);
  CHECK(r.render("body\n---\n", {}).mode_used == Mode::kGfm);
}

TEST_CASE("data-line attributes go on every top-level block, including raw HTML elements") {
  Renderer r;
  const RenderResult& out = r.render("<div>\nx\n</div>\n\npara\n", {});
  CHECK(out.html == "<div data-line=\"1-3\">\nx\n</div>\n<p data-line=\"5-5\">para</p>\n");
}
