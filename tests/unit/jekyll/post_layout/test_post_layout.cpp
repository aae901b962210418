// Chirpy's post layout: the header and tail markup, the post's language, authors, escaping,
// and when it is left out.
#include <doctest/doctest.h>

#include <string>

#include "core/line_index.h"
#include "jekyll/front_matter/front_matter.h"
#include "jekyll/post_layout/chirpy_locale.h"
#include "jekyll/post_layout/post_layout.h"

using namespace draftmark;

namespace {

struct Layout {
  std::string header, tail;
};

Layout layout(const std::string& doc, const SiteSettings& site = {}, size_t words = 400) {
  LineIndex lines;
  lines.build(doc);
  FrontMatter fm;
  std::vector<Diagnostic> diagnostics;
  parse_front_matter(doc, lines, 0, fm, diagnostics);
  Layout out;
  append_post_header(PostLayoutInput{fm, site, words, false}, out.header);
  append_post_tail(PostLayoutInput{fm, site, words, false}, out.tail);
  return out;
}

bool has(const std::string& html, const std::string& part) { return html.find(part) != std::string::npos; }

}  // namespace

TEST_CASE("the header: title, description, Posted date, read time; the tail: categories, tags, licence") {
  Layout l = layout("---\ntitle: T & U\ndescription: About <b>\ndate: 2022-03-21 23:00:00 +0900\n"
                    "categories: [A, B]\ntags: [x, '\"y\"']\n---\n");
  CHECK(l.header ==
        "<header class=\"post-header\">\n"
        "<h1 data-toc-skip>T &amp; U</h1>\n"
        "<p class=\"post-desc\">About &lt;b&gt;</p>\n"
        "<div class=\"post-meta\">\n"
        "<span class=\"post-posted\">Posted <time datetime=\"2022-03-21T23:00:00+09:00\">Mar 21, 2022</time></span>\n"
        "<div class=\"post-byline\">\n"
        "<span class=\"readtime\" title=\"400 words\"><em>2 min</em> read</span>\n"
        "</div>\n</div>\n</header>\n");
  CHECK(l.tail ==
        "<footer class=\"post-tail-wrapper\">\n"
        "<div class=\"post-categories\"><i class=\"dm-icon dm-icon-folder\" aria-hidden=\"true\"></i> "
        "<span class=\"post-category\">A</span>, <span class=\"post-category\">B</span></div>\n"
        "<div class=\"post-tags\"><i class=\"dm-icon dm-icon-tags\" aria-hidden=\"true\"></i> "
        "<span class=\"post-tag\">x</span> <span class=\"post-tag\">&quot;y&quot;</span></div>\n"
        "<div class=\"post-tail-bottom\"><div class=\"license-wrapper\">This post is licensed under "
        "<a href=\"https://creativecommons.org/licenses/by/4.0/\">CC BY 4.0</a> by the author.</div></div>\n"
        "</footer>\n");
}

TEST_CASE("the post's lang, else the site's, picks Chirpy's strings and date format") {
  SiteSettings site;
  site.lang = "zh-CN";
  Layout ko = layout("---\ntitle: 제목\nlang: ko-KR\ndate: 2022-03-21 23:00:00 +0900\n---\n", site, 50);
  CHECK(has(ko.header, "게시 <time datetime=\"2022-03-21T23:00:00+09:00\">2022/03/21</time>"));
  // Several words already: no space before the prompt (Chirpy's read-time.html).
  CHECK(has(ko.header, "<em>1 분</em>읽는 시간</span>"));
  CHECK(has(ko.tail, "이 기사는 저작권자의 <a href="));
  Layout zh = layout("---\ntitle: 标题\ndate: 2022-03-21\n---\n", site);
  CHECK(has(zh.header, "发表于 <time"));
  CHECK(has(zh.header, ">2022/03/21</time>"));
  SiteSettings none;
  Layout ja = layout("---\ntitle: 題名\nlang: ja-JP\n---\n", none);
  CHECK(has(ja.header, "<em>2 min</em> read"));  // Chirpy 5.3.21 has no ja-JP: English, as Chirpy shows it
  bool exact = true;
  CHECK(std::string(chirpy_locale("ja-JP", "", &exact).lang) == "en");
  CHECK_FALSE(exact);
}

TEST_CASE("Updated, the preview image and the authors of _data/authors.yml") {
  SiteSettings site;
  site.authors.push_back({"cotes", "Cotes Chung", "https://github.com/cotes2020"});
  site.authors.push_back({"sille", "Sille <B>", ""});
  Layout l = layout("---\ntitle: T\ndate: 2024-01-02\nlast_modified_at: 2024-02-03\nauthors: [cotes, sille, nobody]\n"
                    "image:\n  path: /assets/img/p.png\n  alt: A \"view\"\n  w: 1200\n  h: 630\n---\n", site);
  CHECK(has(l.header, "<span class=\"post-updated\">Updated <time datetime=\"2024-02-03\">Feb  3, 2024</time></span>"));
  CHECK(has(l.header, "<div class=\"post-preview\"><img src=\"/assets/img/p.png\" class=\"preview-img bg\" "
                      "alt=\"A &quot;view&quot;\" width=\"1200\" height=\"630\"><figcaption>A &quot;view&quot;</figcaption></div>"));
  CHECK(has(l.header, "<span class=\"post-author\">By <em><a href=\"https://github.com/cotes2020\">Cotes Chung</a></em>, "
                      "<em>Sille &lt;B&gt;</em>, <em>nobody</em></span>"));
}

TEST_CASE("without an author the site's social name signs the post; a relative image takes media_subpath") {
  SiteSettings site;
  site.social_name = "Me";
  site.social_link = "https://github.com/me";
  Layout l = layout("---\ntitle: T\nmedia_subpath: /media/p\nimage: cover.png\n---\n", site);
  CHECK(has(l.header, "By <em><a href=\"https://github.com/me\">Me</a></em>"));
  CHECK(has(l.header, "<img src=\"/media/p/cover.png\" class=\"preview-img bg\" alt=\"Preview Image\">"));
  CHECK_FALSE(has(l.header, "<figcaption>"));
}

TEST_CASE("script in any value comes out as text; a script URL is not an image") {
  Layout l = layout("---\ntitle: <script>alert(1)</script>\ntags: [<img src=x onerror=alert(1)>]\n"
                    "image: {path: 'javascript:alert(1)'}\nauthor: <b>x</b>\n---\n");
  CHECK_FALSE(has(l.header + l.tail, "<script>"));
  CHECK_FALSE(has(l.header + l.tail, "<img src=x"));
  CHECK_FALSE(has(l.header, "javascript:"));
  CHECK(has(l.header, "<h1 data-toc-skip>&lt;script&gt;alert(1)&lt;/script&gt;</h1>"));
  CHECK(has(l.tail, "<span class=\"post-tag\">&lt;img src=x onerror=alert(1)&gt;</span>"));
}

TEST_CASE("the seed post's 12-hour date is shown as Jekyll reads it; an unreadable one as written") {
  CHECK(has(layout("---\ndate: 2022-03-21 11:00:00 PM\n---\n").header,
            "Posted <time datetime=\"2022-03-21T23:00:00\">Mar 21, 2022</time>"));
  CHECK(has(layout("---\ndate: some day\n---\n").header, "Posted <time>some day</time>"));
}

TEST_CASE("nothing is appended without a post to frame; another layout shows the title only") {
  for (const char* doc : {"---\nlayout: post\n---\n", "no front matter", "---\ntitle: [\n---\n", "---\nmath: true\n---\n"}) {
    CAPTURE(doc);
    Layout l = layout(doc);
    CHECK(l.header.empty());
    CHECK(l.tail.empty());
  }
  Layout page = layout("---\nlayout: page\ntitle: About\ndate: 2024-01-02\n---\n");
  CHECK(page.header == "<header class=\"post-header\">\n<h1 data-toc-skip>About</h1>\n</header>\n");
  CHECK(page.tail.empty());
}
