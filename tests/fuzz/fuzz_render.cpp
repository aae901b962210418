// libFuzzer target: one Renderer::render per input, with the result's invariants checked.
//
// Input layout: byte 0 picks the options, the rest is the Markdown.
//   bits 0-1 mode (auto, commonmark, gfm, jekyll)   bit 2 source_lines
//   bit 3 post_header                                bit 4 unsafe
//   bit 5 site settings set (url, baseurl, known posts, defaults), so Liquid's
//         site.*, post_url and the defaults merge take their other paths
//   bit 6 the input is also read as a _config.yml and as _data/authors.yml
//         (read_site_config), and what it yields is used for the render
//   bit 7 word_count (Chirpy's read-time count; always on with a post layout)
// With bit 5, the post layout gets a language, a social name and authors too.
// One Renderer is reused across inputs, as the wasm module reuses its own, so stale
// state between renders is exercised too.
//
// Built two ways (tests/fuzz/CMakeLists.txt and tests/CMakeLists.txt): with
// -fsanitize=fuzzer for fuzzing, and with replay_main.cpp as a corpus replayer ctest runs.
#include <cstdint>
#include <cstdio>
#include <cstdlib>
#include <string>
#include <string_view>
#include <vector>

#include "draftmark/document.h"

namespace {

using draftmark::Block;
using draftmark::Mode;
using draftmark::RenderOptions;
using draftmark::RenderResult;

[[noreturn]] void fail(const char* what) {
  std::fprintf(stderr, "fuzz_render: invariant broken: %s\n", what);
  std::abort();
}

#define FUZZ_CHECK(condition) \
  do {                        \
    if (!(condition)) fail(#condition); \
  } while (0)

RenderOptions options_from_byte(uint8_t b) {
  RenderOptions o;
  o.mode = static_cast<Mode>(b & 3);
  o.source_lines = (b & 4) != 0;
  o.post_header = (b & 8) != 0;
  o.unsafe = (b & 16) != 0;
  o.word_count = (b & 128) != 0;
  if (b & 32) {
    o.site.lang = (b & 64) ? "zh-CN" : "ko-KR";
    o.site.social_name = "Fuzz <owner>";
    o.site.social_link = "javascript:alert(1)";
    o.site.authors = {{"me", "Me \"Myself\"", "https://me.example"}, {"", "", ""}};
    o.site.url = "https://example.com";
    o.site.baseurl = "/blog";
    o.site.title = "Fuzz \xed\x95\x9c";
    o.site.known_posts = {"2020-01-02-hello", "2024-05-06-\xec\x95\x88\xeb\x85\x95"};
    o.site.post_defaults_json = R"({"math":true,"toc":true,"media_subpath":"/img","x":{"y":[1,null]}})";
  }
  return o;
}

// Our own check, independent of the renderer's UTF-8 repair: the output must be
// valid UTF-8 without NUL, because JS decodes it and the input was repaired.
bool is_clean_utf8(std::string_view s) {
  const auto* p = reinterpret_cast<const unsigned char*>(s.data());
  size_t i = 0, n = s.size();
  while (i < n) {
    unsigned c = p[i];
    size_t len = c == 0 ? 0 : c < 0x80 ? 1 : (c >= 0xc2 && c <= 0xdf) ? 2 : (c >= 0xe0 && c <= 0xef) ? 3
               : (c >= 0xf0 && c <= 0xf4) ? 4 : 0;
    if (len == 0 || i + len > n) return false;
    for (size_t k = 1; k < len; k++) {
      if ((p[i + k] & 0xc0) != 0x80) return false;
    }
    if (len == 3 && c == 0xe0 && p[i + 1] < 0xa0) return false;
    if (len == 3 && c == 0xed && p[i + 1] > 0x9f) return false;
    if (len == 4 && c == 0xf0 && p[i + 1] < 0x90) return false;
    if (len == 4 && c == 0xf4 && p[i + 1] > 0x8f) return false;
    i += len;
  }
  return true;
}

// Lines as CommonMark counts them ("\n", "\r\n" or "\r" end a line).
uint32_t count_lines(std::string_view s) {
  uint32_t lines = 1;
  for (size_t i = 0; i < s.size(); i++) {
    if (s[i] == '\n' || (s[i] == '\r' && (i + 1 == s.size() || s[i + 1] != '\n'))) lines++;
  }
  return lines;
}

void check_diagnostics(std::string_view source, const std::vector<draftmark::Diagnostic>& diagnostics);

void check_result(std::string_view markdown, const RenderOptions& options, const RenderResult& r) {
  FUZZ_CHECK(r.mode_used != Mode::kAuto);
  FUZZ_CHECK(r.words_counted == (options.word_count || (options.post_header && r.mode_used == Mode::kJekyll)));
  FUZZ_CHECK(r.words_counted || r.words == 0);
  FUZZ_CHECK(is_clean_utf8(r.html));
  FUZZ_CHECK(!r.front_matter_json.empty());
  FUZZ_CHECK(r.front_matter_json == "null" || r.front_matter_json[0] == '{');
  FUZZ_CHECK(is_clean_utf8(r.front_matter_json));
  const uint32_t lines = count_lines(markdown);
  size_t previous_end = 0;
  for (const Block& b : r.blocks) {
    FUZZ_CHECK(b.line_start >= 1);
    FUZZ_CHECK(b.line_start <= b.line_end);
    FUZZ_CHECK(b.line_end <= lines + 1);
    FUZZ_CHECK(b.html_offset >= previous_end);
    FUZZ_CHECK(static_cast<size_t>(b.html_offset) + b.html_length <= r.html.size());
    previous_end = b.html_offset + b.html_length;
    // A block slice must not cut a UTF-8 sequence (JS decodes each slice alone).
    FUZZ_CHECK(is_clean_utf8(std::string_view(r.html).substr(b.html_offset, b.html_length)));
  }
  check_diagnostics(markdown, r.diagnostics);
}

void check_diagnostics(std::string_view source, const std::vector<draftmark::Diagnostic>& diagnostics) {
  const uint32_t lines = count_lines(source);
  for (const auto& d : diagnostics) {
    FUZZ_CHECK(d.line >= 1 && d.line <= lines + 1);
    FUZZ_CHECK(d.column >= 1);
    FUZZ_CHECK(!d.code.empty() && !d.message.empty());
    FUZZ_CHECK(is_clean_utf8(d.message));
  }
}

}  // namespace

extern "C" int LLVMFuzzerTestOneInput(const uint8_t* data, size_t size) {
  if (size == 0) return 0;
  static draftmark::Renderer renderer;
  RenderOptions options = options_from_byte(data[0]);
  std::string_view markdown(reinterpret_cast<const char*>(data + 1), size - 1);
  if (data[0] & 64) {
    // The same bytes as a site's _config.yml: its errors are positioned in it, and the
    // settings it yields (whatever they are) must be safe to render with.
    std::vector<draftmark::Diagnostic> config_diagnostics;
    draftmark::read_site_config(markdown, "_posts/2020-01-02-hello.md", options.site, config_diagnostics, markdown);
    check_diagnostics(markdown, config_diagnostics);
    FUZZ_CHECK(is_clean_utf8(options.site.post_defaults_json));
  }

  const RenderResult& first = renderer.render(markdown, options);
  check_result(markdown, options, first);
  std::vector<uint32_t> hashes;
  for (const Block& b : first.blocks) hashes.push_back(b.hash);

  // Block hashes exclude data-line, so they must not depend on source_lines; a
  // second render also catches state leaking from one render into the next.
  options.source_lines = !options.source_lines;
  const RenderResult& second = renderer.render(markdown, options);
  check_result(markdown, options, second);
  FUZZ_CHECK(second.blocks.size() == hashes.size());
  for (size_t i = 0; i < hashes.size(); i++) FUZZ_CHECK(second.blocks[i].hash == hashes[i]);
  return 0;
}
