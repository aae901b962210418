// The Chirpy-like post header: markup, escaping, and when it is left out.
#include <doctest/doctest.h>

#include <string>

#include "jekyll/front_matter/front_matter.h"
#include "core/line_index.h"

using namespace draftmark;

namespace {

std::string header(const std::string& doc, std::string html = "") {
  LineIndex lines;
  lines.build(doc);
  FrontMatter fm;
  std::vector<Diagnostic> diagnostics;
  parse_front_matter(doc, lines, 0, fm, diagnostics);
  append_post_header(fm, html);
  return html;
}

}  // namespace

TEST_CASE("the header shows title, description, date, categories and tags, escaped") {
  CHECK(header("---\ntitle: T & U\ndescription: About <b>\ndate: 2022-03-21 23:00:00 +0900\n"
               "categories: [A, B]\ntags: [x, '\"y\"']\n---\n") ==
        "<header class=\"post-header\">\n"
        "<h1 data-toc-skip>T &amp; U</h1>\n"
        "<p class=\"post-desc\">About &lt;b&gt;</p>\n"
        "<div class=\"post-meta\"><span class=\"post-date\">Posted "
        "<time datetime=\"2022-03-21T23:00:00+09:00\">Mar 21, 2022</time></span></div>\n"
        "<div class=\"post-categories\"><span class=\"post-category\">A</span>, "
        "<span class=\"post-category\">B</span></div>\n"
        "<div class=\"post-tags\"><span class=\"post-tag\">x</span> <span class=\"post-tag\">&quot;y&quot;</span></div>\n"
        "</header>\n");
}

TEST_CASE("script in any value comes out as text") {
  std::string html = header("---\ntitle: <script>alert(1)</script>\ntags: [<img src=x onerror=alert(1)>]\n---\n");
  CHECK(html.find("<script>") == std::string::npos);
  CHECK(html.find("<img") == std::string::npos);
  CHECK(html.find("<h1 data-toc-skip>&lt;script&gt;alert(1)&lt;/script&gt;</h1>") != std::string::npos);
  CHECK(html.find("<span class=\"post-tag\">&lt;img src=x onerror=alert(1)&gt;</span>") != std::string::npos);
}

TEST_CASE("the seed post's 12-hour date is shown as Jekyll reads it") {
  CHECK(header("---\ndate: 2022-03-21 11:00:00 PM\n---\n") ==
        "<header class=\"post-header\">\n"
        "<div class=\"post-meta\"><span class=\"post-date\">Posted "
        "<time datetime=\"2022-03-21T23:00:00\">Mar 21, 2022</time></span></div>\n"
        "</header>\n");
}

TEST_CASE("an unreadable date is shown as written, without a datetime") {
  CHECK(header("---\ndate: some day\n---\n") ==
        "<header class=\"post-header\">\n"
        "<div class=\"post-meta\"><span class=\"post-date\">Posted <time>some day</time></span></div>\n"
        "</header>\n");
}

TEST_CASE("nothing is appended when there is nothing to show") {
  CHECK(header("---\nlayout: post\n---\n", "X") == "X");
  CHECK(header("no front matter", "X") == "X");
  CHECK(header("---\ntitle: [\n---\n", "X") == "X");
}

TEST_CASE("the header is appended after what the string already holds") {
  CHECK(header("---\ntitle: Hi\n---\n", "<p>before</p>\n") ==
        "<p>before</p>\n<header class=\"post-header\">\n<h1 data-toc-skip>Hi</h1>\n</header>\n");
}
