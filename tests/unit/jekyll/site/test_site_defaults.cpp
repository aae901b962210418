// Front-matter defaults from _config.yml reaching a render (SiteSettings::post_defaults_json),
// and the settings JSON both the C ABI and the CLI read (read_site_settings).
#include <doctest/doctest.h>

#include <string>

#include "draftmark/document.h"
#include "jekyll/front_matter/front_matter.h"
#include "jekyll/front_matter/yaml_json.h"
#include "jekyll/site/site_config.h"

using namespace draftmark;

namespace {
YamlValue yaml(const std::string& text) {
  YamlDocument doc;
  parse_yaml(text, doc);
  REQUIRE(doc.ok);
  return doc.root;
}
std::string json(const YamlValue& v) {
  std::string out;
  append_json(v, out);
  return out;
}
RenderOptions jekyll_with(const std::string& defaults) {
  RenderOptions o;
  o.mode = Mode::kJekyll;
  o.post_header = false;
  o.site.post_defaults_json = defaults;
  return o;
}
bool has_code(const RenderResult& r, const std::string& code) {
  for (const Diagnostic& d : r.diagnostics) {
    if (d.code == code) return true;
  }
  return false;
}
}  // namespace

TEST_CASE("a default fills only keys the post lacks; mappings merge a level down") {
  YamlValue post = yaml("title: Mine\nmath: false\nimage: {path: /a.png}\n");
  merge_front_matter_defaults(post, yaml(R"({"math":true,"toc":true,"image":{"path":"/d.png","alt":"d"}})"));
  CHECK(json(post) == R"({"title":"Mine","math":false,"image":{"path":"/a.png","alt":"d"},"toc":true})");
  CHECK(post.key_offset("toc") == 0);  // a default has no place in the post
}

TEST_CASE("an empty front matter takes every default") {
  YamlValue post = yaml("");
  merge_front_matter_defaults(post, yaml(R"({"layout":"post","mermaid":true})"));
  CHECK(json(post) == R"({"layout":"post","mermaid":true})");
}

TEST_CASE("math: true from the defaults turns math on without moving a source line") {
  Renderer r;
  const std::string md = "---\ntitle: T\n---\n\nsee $x$\n\n$$y$$\n";
  const RenderResult& off = r.render(md, jekyll_with(""));
  CHECK(has_code(off, "math-disabled"));
  const std::string off_html = off.html;
  const RenderResult& on = r.render(md, jekyll_with(R"({"math":true})"));
  CHECK_FALSE(has_code(on, "math-disabled"));
  CHECK(on.html.find("<span class=\"math inline\">x</span>") != std::string::npos);
  CHECK(on.html.find("<p data-line=\"5-5\">") != std::string::npos);  // the same line as without
  CHECK(off_html.find("<p data-line=\"5-5\">") != std::string::npos);
  CHECK(on.front_matter_json == R"({"title":"T","math":true})");
}

TEST_CASE("the post's own value wins over a default") {
  Renderer r;
  const RenderResult& out = r.render("---\nmath: false\n---\n$x$\n", jekyll_with(R"({"math":true})"));
  CHECK(has_code(out, "math-disabled"));
  CHECK(out.front_matter_json == R"({"math":false})");
}

TEST_CASE("media_subpath from the defaults prefixes relative images, and Liquid's page sees defaults") {
  Renderer r;
  const RenderResult& out =
      r.render("---\ntitle: T\n---\n![a](b.png)\n\n{{ page.toc }}\n", jekyll_with(R"({"media_subpath":"/m","toc":true})"));
  CHECK(out.html.find("src=\"/m/b.png\"") != std::string::npos);
  CHECK(out.html.find(">true</p>") != std::string::npos);
}

TEST_CASE("unreadable defaults are ignored, not an error") {
  Renderer r;
  const RenderResult& out = r.render("---\ntitle: T\n---\nx\n", jekyll_with("[1, 2"));
  CHECK(out.front_matter_json == R"({"title":"T"})");
}

TEST_CASE("read_site_settings reads parseSiteConfig's settings plus known_posts") {
  SiteSettings s;
  CHECK(read_site_settings(R"({"url":"https://me.io","baseurl":"/b","title":"T","lang":"en","defaults":[],)"
                           R"("known_posts":["2020-01-02-a"],"post_defaults":{"math":true}})",
                           s));
  CHECK(s.url == "https://me.io");
  CHECK(s.baseurl == "/b");
  CHECK(s.title == "T");
  REQUIRE(s.known_posts.size() == 1);
  CHECK(s.known_posts[0] == "2020-01-02-a");
  CHECK(s.post_defaults_json == R"({"math":true})");
  CHECK_FALSE(read_site_settings("[1]", s));
  CHECK(s.url.empty());
}

TEST_CASE("read_site_config: _config.yml's defaults for the post's path") {
  SiteSettings s;
  std::vector<Diagnostic> d;
  read_site_config("url: https://me.io\ndefaults:\n  - scope: {path: \"\", type: posts}\n    values: {math: true}\n",
                   "_posts/2020-01-02-a.md", s, d);
  CHECK(d.empty());
  CHECK(s.url == "https://me.io");
  CHECK(s.post_defaults_json == R"({"math":true})");
}
