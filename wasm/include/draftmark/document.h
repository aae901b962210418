// Draftmark's C++ API: render one Markdown document to HTML plus a block map.
//
// Units: every offset and size in this header is in UTF-8 bytes unless it says
// otherwise; lines are 1-based; diagnostic columns are 1-based UTF-16 code units
// (what a JS editor counts), converted once here so JS never re-scans the text.
//
// Lifetime: a Renderer owns its result. The reference returned by render() stays
// valid until the next render() on the same Renderer; buffers are reused, so a
// long editing session allocates only when a document grows.
//
// Example:
//   draftmark::Renderer r;
//   const draftmark::RenderResult& out = r.render("# Hi\n", {});
//   // out.html == "<h1 data-line=\"1-1\">Hi</h1>\n", out.blocks.size() == 1
#pragma once

#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace draftmark {

enum class Mode : uint8_t {
  kAuto = 0,        // jekyll when the text starts with front matter, else gfm
  kCommonMark = 1,  // strict CommonMark 0.31.2 (what md4c implements)
  kGfm = 2,         // + tables, strikethrough, task lists, autolinks, $ / $$ math
  kJekyll = 3,      // kramdown-flavoured: front matter, attribute lists, footnotes, ...
};

// What Jekyll mode's Liquid pass knows about the site (`site.url`, `site.baseurl`,
// `site.title`, the baseurl of post_url/link/relative_url). Default: all empty.
struct SiteSettings {
  std::string url;      // e.g. "https://example.com" (no trailing slash)
  std::string baseurl;  // e.g. "/blog", or ""
  std::string title;
  // Post names (`2020-01-02-title`, no extension) that exist. Empty: post_url is not
  // checked (an info diagnostic says so); otherwise an unknown name is a warning.
  std::vector<std::string> known_posts;
};

struct RenderOptions {
  Mode mode = Mode::kAuto;
  bool source_lines = true;   // data-line="a-b" on each top-level block's first tag
  bool post_header = true;    // jekyll: emit a Chirpy-like header from the front matter
  bool unsafe = false;        // trusted input: keep dangerous URLs and attributes as written
  // The caller guarantees well-formed UTF-8 (JS's TextEncoder always produces it), so
  // only NUL bytes are looked for. Malformed input is still memory-safe, but may then
  // reach the output unrepaired.
  bool input_is_utf8 = false;
  SiteSettings site;          // jekyll: for Liquid (see SiteSettings)
};

// One top-level block of the output (a paragraph, a whole list, a table, ...).
struct Block {
  uint32_t line_start = 0;   // first source line, 1-based
  uint32_t line_end = 0;     // last source line, inclusive (>= line_start)
  uint32_t html_offset = 0;  // byte offset of the block in RenderResult::html
  uint32_t html_length = 0;  // byte length of the block in RenderResult::html
  uint32_t hash = 0;         // 32-bit hash (FNV-1a over words) of the block HTML without data-line
};

enum class Severity : uint8_t { kError = 0, kWarning = 1, kInfo = 2 };

// A problem in the document's content. Never an exception: the body still renders.
struct Diagnostic {
  uint32_t line = 1;     // 1-based source line
  uint32_t column = 1;   // 1-based, UTF-16 code units
  Severity severity = Severity::kWarning;
  std::string code;      // stable identifier, e.g. "yaml-syntax", "missing-title"
  std::string message;   // one sentence for a person
};

struct RenderResult {
  std::string html;
  std::vector<Block> blocks;
  std::vector<Diagnostic> diagnostics;
  std::string front_matter_json;  // "null" when there is no front matter
  Mode mode_used = Mode::kGfm;    // the resolved mode (never kAuto)
};

class Renderer {
 public:
  Renderer();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Renders `markdown` (any bytes: invalid UTF-8 and NUL become U+FFFD).
  const RenderResult& render(std::string_view markdown, const RenderOptions& options);

 private:
  struct State;
  State* state_;
};

// Serialises diagnostics as a JSON array (used by the C ABI and the CLI's --json).
void diagnostics_to_json(const std::vector<Diagnostic>& diagnostics, std::string& out);

const char* mode_name(Mode mode);

}  // namespace draftmark
