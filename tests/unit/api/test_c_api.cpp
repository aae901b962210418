#include <doctest/doctest.h>

#include <cstring>
#include <string>

#include "draftmark/draftmark.h"

namespace {
const DmResult* render(const std::string& md, uint32_t options) {
  char* in = dm_input_reserve(static_cast<uint32_t>(md.size()));
  REQUIRE(in != nullptr);
  std::memcpy(in, md.data(), md.size());
  return dm_render(static_cast<uint32_t>(md.size()), options);
}
}  // namespace

TEST_CASE("the C ABI reports its version and renders from its own input buffer") {
  CHECK(dm_abi_version() == DM_ABI_VERSION);
  const DmResult* r = render("# T\n\ntext\n", DM_MODE_GFM | DM_OPT_SOURCE_LINES);
  CHECK(r->abi_version == DM_ABI_VERSION);
  CHECK(std::string(r->html, r->html_size) == "<h1 data-line=\"1-1\">T</h1>\n<p data-line=\"3-3\">text</p>\n");
  REQUIRE(r->block_count == 2);
  CHECK(r->blocks[1].line_start == 3);
  CHECK(std::string(r->html + r->blocks[1].html_offset, r->blocks[1].html_length) ==
        "<p data-line=\"3-3\">text</p>\n");
  CHECK(std::string(r->diagnostics_json, r->diagnostics_json_size) == "[]");
  CHECK(std::string(r->front_matter_json, r->front_matter_json_size) == "null");
  CHECK(r->mode_used == DM_MODE_GFM);
}

TEST_CASE("repeated renders reuse the module's buffers") {
  const std::string md = "para\n\n- a\n- b\n";
  render(md, DM_MODE_GFM);
  uint32_t before = dm_buffer_bytes();
  for (int i = 0; i < 1000; i++) render(md, DM_MODE_GFM);
  CHECK(dm_buffer_bytes() == before);
}

TEST_CASE("the source-lines option can be turned off") {
  const DmResult* r = render("x\n", DM_MODE_COMMONMARK);
  CHECK(std::string(r->html, r->html_size) == "<p>x</p>\n");
}

TEST_CASE("block offsets are also given in UTF-16 code units when asked for") {
  // 한 is 3 UTF-8 bytes / 1 UTF-16 unit; 😀 is 4 bytes / 2 units; the first paragraph is
  // longer than 8 bytes so the word-at-a-time path runs too.
  const DmResult* r = render("abc 한국어 def 😀 ghi\n\n😀 x\n\nplain ascii here\n", DM_MODE_GFM | DM_OPT_UTF16_OFFSETS);
  REQUIRE(r->block_count == 3);
  const std::string first = "<p>abc 한국어 def 😀 ghi</p>\n";
  CHECK(r->blocks[0].html_offset_utf16 == 0);
  CHECK(r->blocks[0].html_length_utf16 == first.size() - 3 * 2 - 2);
  CHECK(r->blocks[1].html_offset_utf16 == r->blocks[0].html_length_utf16);
  CHECK(r->blocks[1].html_length_utf16 == std::string("<p>😀 x</p>\n").size() - 2);
  CHECK(r->blocks[2].html_offset_utf16 == r->blocks[1].html_offset_utf16 + r->blocks[1].html_length_utf16);
  CHECK(r->blocks[2].html_length_utf16 == r->blocks[2].html_length);
}

TEST_CASE("DM_OPT_UTF16_PAGE gives the page as UTF-16 code units and the blocks' UTF-16 offsets") {
  const DmResult* r = render("abc 한국어 def 😀 ghi\n\nplain ascii here\n", DM_MODE_GFM | DM_OPT_UTF16_PAGE);
  const std::u16string page = u"<p>abc 한국어 def 😀 ghi</p>\n<p>plain ascii here</p>\n";
  REQUIRE(r->html_utf16 != nullptr);
  CHECK(std::u16string(r->html_utf16, r->html_utf16 + r->html_utf16_size) == page);
  REQUIRE(r->block_count == 2);
  CHECK(r->blocks[1].html_offset_utf16 == page.find(u"<p>plain"));
  CHECK(r->blocks[1].html_length_utf16 == r->blocks[1].html_length);
}

TEST_CASE("without DM_OPT_UTF16_PAGE there is no UTF-16 page") {
  CHECK(render("abc\n", DM_MODE_GFM | DM_OPT_UTF16_OFFSETS)->html_utf16 == nullptr);
}

TEST_CASE("without DM_OPT_UTF16_OFFSETS the UTF-16 fields stay zero") {
  const DmResult* r = render("abc\n\n한국어\n", DM_MODE_GFM);
  REQUIRE(r->block_count == 2);
  CHECK(r->blocks[1].html_offset_utf16 == 0);
  CHECK(r->blocks[1].html_length_utf16 == 0);
}

TEST_CASE("dm_site_settings_set keeps site settings for later renders until cleared") {
  const std::string settings =
      R"({"url":"https://me.io","known_posts":["2020-01-02-a"],"post_defaults":{"math":true}})";
  char* in = dm_input_reserve(static_cast<uint32_t>(settings.size()));
  std::memcpy(in, settings.data(), settings.size());
  CHECK(dm_site_settings_set(static_cast<uint32_t>(settings.size())) == 1);
  const std::string md = "---\ntitle: T\n---\n{{ site.url }} $x$ {% post_url 2020-01-02-b %}\n";
  const DmResult* r = render(md, DM_MODE_JEKYLL);
  std::string html(r->html, r->html_size);
  CHECK(html.find("https://me.io") != std::string::npos);
  CHECK(html.find("math inline") != std::string::npos);
  CHECK(std::string(r->diagnostics_json, r->diagnostics_json_size).find("liquid-post-not-found") != std::string::npos);
  CHECK(dm_site_settings_set(0) == 1);  // cleared: the other tests render without a site
  r = render(md, DM_MODE_JEKYLL);
  CHECK(std::string(r->html, r->html_size).find("https://me.io") == std::string::npos);
  in = dm_input_reserve(3);
  std::memcpy(in, "[1]", 3);
  CHECK(dm_site_settings_set(3) == 0);
}

namespace {
const DmResult* edit(uint32_t offset, uint32_t removed, const std::string& inserted, uint32_t options) {
  char* in = dm_input_reserve(static_cast<uint32_t>(inserted.size()));
  REQUIRE(in != nullptr);
  std::memcpy(in, inserted.data(), inserted.size());
  return dm_render_edit(offset, removed, static_cast<uint32_t>(inserted.size()), options);
}
std::string html_of(const DmResult* r) { return std::string(r->html, r->html_size); }
}  // namespace

TEST_CASE("dm_render_edit renders an edit of the last text as dm_render renders the new text") {
  const uint32_t options = DM_MODE_GFM | DM_OPT_SOURCE_LINES;
  const DmResult* r = render("One\n\nTwo\n", options);
  CHECK(r->changed_first == 0);
  CHECK(r->changed_count == 2);
  CHECK(r->incremental == 0);
  r = edit(7, 0, "o", options);  // "One\n\nTwoo\n": the first edit after dm_render renders whole
  CHECK(r->incremental == 0);
  CHECK(r->changed_count == 2);
  CHECK(r->changed_replaced == 2);
  r = edit(9, 0, "!", options);  // "One\n\nTwoo!\n"
  CHECK(r->incremental == 1);
  CHECK(r->changed_first == 1);
  CHECK(r->changed_count == 1);
  CHECK(r->changed_replaced == 1);
  CHECK(html_of(r) == "<p data-line=\"1-1\">One</p>\n<p data-line=\"3-3\">Twoo!</p>\n");
  r = edit(3, 0, "\n\nNew", options);  // a paragraph typed in after the first: lines below move
  CHECK(r->incremental == 1);
  const std::string incremental = html_of(r);
  CHECK(incremental == html_of(render("One\n\nNew\n\nTwoo!\n", options)));
}

TEST_CASE("dm_render_edit clamps an edit past the end of the text") {
  render("ab\n", DM_MODE_COMMONMARK);
  const DmResult* r = edit(100, 5, "x\n", DM_MODE_COMMONMARK);
  CHECK(html_of(r) == "<p>ab\nx</p>\n");
  r = edit(1, 1000, "y", DM_MODE_COMMONMARK);
  CHECK(html_of(r) == "<p>ay</p>\n");
}
