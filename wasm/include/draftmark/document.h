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

// What Jekyll mode knows about the site: for Liquid (`site.url`, `site.baseurl`,
// `site.title`, the baseurl of post_url/link/relative_url) and the front-matter defaults
// of _config.yml. Default: all empty. read_site_settings() (jekyll/site/site_config.h) fills
// it from the JSON the C ABI's dm_site_settings_set and the CLI's --config pass.
struct SiteSettings {
  std::string url;      // e.g. "https://example.com" (no trailing slash)
  std::string baseurl;  // e.g. "/blog", or ""
  std::string title;
  // Post names (`2020-01-02-title`, no extension) that exist. Empty: post_url is not
  // checked (an info diagnostic says so); otherwise an unknown name is a warning.
  std::vector<std::string> known_posts;
  // Front-matter defaults for this post (_config.yml `defaults:` that apply to its path, as
  // parseSiteConfig's `post_defaults`): a JSON object, or "" for none. Merged under the post's
  // own front matter as Jekyll does (the post wins key by key, mappings deep-merged) before
  // anything reads it (math, mermaid, media_subpath, the header, Liquid's `page`, the JSON);
  // the text is not touched, so source lines do not move. Parsed again only when it changes.
  // Example: {"math":true,"toc":true}
  std::string post_defaults_json;
  // For Chirpy's post layout: the site's `lang` (a post's own `lang` wins), the default author
  // (`social.name`, linked to `social.links[0]`) and the authors of _data/authors.yml by id.
  std::string lang;
  std::string social_name, social_link;
  struct Author {
    std::string id, name, url;
  };
  std::vector<Author> authors;
};

struct RenderOptions {
  Mode mode = Mode::kAuto;
  bool source_lines = true;   // data-line="a-b" on each top-level block's first tag
  bool post_header = true;    // jekyll: Chirpy's post layout around the content (header, tail)
  bool word_count = false;    // count the content's words as Chirpy does (always with post_header)
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
  // The content's words as Chirpy's read time counts them (jekyll/post_layout/word_count.h),
  // header and tail excluded; counted with RenderOptions::word_count or a post layout, else 0.
  size_t words = 0;
  bool words_counted = false;
};

class IncrementalRenderer;  // api/incremental_renderer.h: re-renders only what an edit changed

class Renderer {
 public:
  Renderer();
  ~Renderer();
  Renderer(const Renderer&) = delete;
  Renderer& operator=(const Renderer&) = delete;

  // Renders `markdown` (any bytes: invalid UTF-8 and NUL become U+FFFD).
  const RenderResult& render(std::string_view markdown, const RenderOptions& options);

 private:
  friend class IncrementalRenderer;  // reads the last render's block words and post layout
  struct State;
  State* state_;
};

// A site's _config.yml (UTF-8 text) read as the wasm's parseSiteConfig reads it, into the
// settings a render of the post at `post_path` (its site path, e.g. "_posts/2024-01-02-a.md",
// which picks the `defaults:` scopes) uses: url, baseurl, title, lang, social, authors and
// post_defaults_json.
// known_posts is left empty (the caller lists _posts/). YAML problems and settings the
// preview does not honour are appended to `diagnostics` (lines of _config.yml).
// `authors_yaml`: the site's _data/authors.yml, or empty.
void read_site_config(std::string_view config_yaml, std::string_view post_path, SiteSettings& out,
                      std::vector<Diagnostic>& diagnostics, std::string_view authors_yaml = {});

// Serialises diagnostics as a JSON array (used by the C ABI and the CLI's --json).
void diagnostics_to_json(const std::vector<Diagnostic>& diagnostics, std::string& out);

const char* mode_name(Mode mode);

}  // namespace draftmark
