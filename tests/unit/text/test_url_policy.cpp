#include <doctest/doctest.h>

#include "text/url_policy.h"

using namespace draftmark;

TEST_CASE("script schemes are blocked in any case and with obfuscating whitespace") {
  CHECK_FALSE(is_safe_url("javascript:alert(1)", UrlContext::kLink));
  CHECK_FALSE(is_safe_url("JaVaScRiPt:alert(1)", UrlContext::kLink));
  CHECK_FALSE(is_safe_url(" \x01javascript:alert(1)", UrlContext::kLink));
  CHECK_FALSE(is_safe_url("java\tscr\nipt:alert(1)", UrlContext::kLink));
  CHECK_FALSE(is_safe_url("vbscript:msgbox", UrlContext::kLink));
  CHECK_FALSE(is_safe_url("file:///etc/passwd", UrlContext::kImage));
}

TEST_CASE("data URLs are allowed only for raster images") {
  CHECK(is_safe_url("data:image/png;base64,AA", UrlContext::kImage));
  CHECK(is_safe_url("data:image/webp;base64,AA", UrlContext::kImage));
  CHECK_FALSE(is_safe_url("data:image/svg+xml,<svg onload=alert(1)>", UrlContext::kImage));
  CHECK_FALSE(is_safe_url("data:text/html,<script>", UrlContext::kLink));
}

TEST_CASE("ordinary and relative URLs pass") {
  CHECK(is_safe_url("https://example.com/a:b", UrlContext::kLink));
  CHECK(is_safe_url("/image/a.png", UrlContext::kImage));
  CHECK(is_safe_url("./javascript:x", UrlContext::kLink));
  CHECK(is_safe_url("mailto:a@b.c", UrlContext::kLink));
  CHECK(is_safe_url("#fn:1", UrlContext::kLink));
}
