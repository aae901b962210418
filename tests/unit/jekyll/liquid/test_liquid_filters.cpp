#include <doctest/doctest.h>

#include <string>
#include <vector>

#include "jekyll/liquid/liquid_expression.h"
#include "jekyll/liquid/liquid_filters.h"

using namespace draftmark;

namespace {
std::string eval(std::string_view markup, const SiteSettings& site = {}) {
  std::vector<LiquidIssue> issues;
  LiquidScope scope{nullptr, &site};
  std::string out;
  evaluate_output(markup, scope, out, issues);
  return out;
}
}  // namespace

TEST_CASE("string filters") {
  CHECK(eval("'Hello' | upcase") == "HELLO");
  CHECK(eval("'Hello' | downcase | append: '!' | prepend: '>'") == ">hello!");
  CHECK(eval("'  x  ' | strip") == "x");
  CHECK(eval("'héllo' | size") == "5");
  CHECK(eval("'a <b> & \"c\"' | escape") == "a &lt;b&gt; &amp; &quot;c&quot;");
  CHECK(eval("'Hello, World!' | slugify") == "hello-world");
  CHECK(eval("nil | default: 'fallback'") == "fallback");
  CHECK(eval("'' | default: 'fallback'") == "fallback");
  CHECK(eval("'x' | default: 'fallback'") == "x");
}

TEST_CASE("URL filters use the baseurl and the site url") {
  SiteSettings site;
  site.url = "https://example.com";
  site.baseurl = "/blog";
  CHECK(eval("'/assets/a.png' | relative_url", site) == "/blog/assets/a.png");
  CHECK(eval("'assets/a b.png' | relative_url", site) == "/blog/assets/a%20b.png");
  CHECK(eval("'/x/' | absolute_url", site) == "https://example.com/blog/x/");
  CHECK(eval("'https://other.org/' | relative_url", site) == "https://other.org/");
  CHECK(eval("site.title | default: 'none'", site) == "none");
  CHECK(eval("site.baseurl", site) == "/blog");
}

TEST_CASE("the date filter formats with strftime") {
  CHECK(eval("'2022-03-21 23:05:09 +0900' | date: '%Y-%m-%d %H:%M:%S %z'") == "2022-03-21 23:05:09 +0900");
  CHECK(eval("'2022-03-01' | date: '%b %-d, %Y (%A)'") == "Mar 1, 2022 (Tuesday)");
  CHECK(eval("'2022-03-21' | date_to_string") == "21 Mar 2022");
  CHECK(eval("'not a date' | date: '%Y'") == "not a date");
}

TEST_CASE("unknown variables render as nothing with an info issue") {
  std::vector<LiquidIssue> issues;
  LiquidScope scope;
  std::string out;
  evaluate_output(" page.nope ", scope, out, issues);
  CHECK(out.empty());
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].severity == Severity::kInfo);
  CHECK(issues[0].code == "liquid-unknown-variable");
}

TEST_CASE("an unknown filter passes its input through with a warning") {
  std::vector<LiquidIssue> issues;
  LiquidScope scope;
  std::string out;
  evaluate_output("'a' | frobnicate: 1", scope, out, issues);
  CHECK(out == "a");
  REQUIRE(issues.size() == 1);
  CHECK(issues[0].code == "liquid-unknown-filter");
}
