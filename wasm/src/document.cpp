// render(): the pipeline from input bytes to RenderResult.
//   repair UTF-8 -> index lines -> pick mode -> md4c + our renderer -> source map
//   -> assemble HTML with data-line attributes and per-block hashes.
#include <cctype>
#include <cstdio>
#include <cstring>

#include "draftmark/document.h"
#include "html_renderer.h"
#include "json_writer.h"
#include "line_index.h"
#include "source_map.h"
#include "utf8.h"

extern "C" {
#include "md4c.h"
}

namespace draftmark {
namespace {

// Refuse documents beyond this size with a diagnostic rather than risk the tab:
// 64 MiB is far above any blog post and below wasm32's practical memory ceiling.
constexpr size_t kMaxInputBytes = 64u << 20;

constexpr char kBom[] = "\xEF\xBB\xBF";

uint32_t fnv1a(const char* data, size_t size) {
  uint32_t h = 2166136261u;
  for (size_t i = 0; i < size; i++) {
    h ^= static_cast<unsigned char>(data[i]);
    h *= 16777619u;
  }
  return h;
}

bool starts_with_front_matter(std::string_view body) {
  return body.rfind("---\n", 0) == 0 || body.rfind("---\r", 0) == 0 ||
         body.rfind("--- \n", 0) == 0;
}

unsigned md_flags_for(Mode mode) {
  switch (mode) {
    case Mode::kCommonMark: return MD_DIALECT_COMMONMARK;
    case Mode::kGfm: return MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS;
    case Mode::kJekyll:
      // kramdown does not link bare URLs.
      return MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_LATEXMATHSPANS;
    case Mode::kAuto: break;
  }
  return MD_DIALECT_GITHUB;
}

// Where data-line goes: right after the tag name of the block's first tag.
// Raw HTML blocks that do not start with an element get no attribute.
size_t attribute_insertion_point(std::string_view block_html) {
  if (block_html.size() < 2 || block_html[0] != '<') return std::string_view::npos;
  char c = block_html[1];
  if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z'))) return std::string_view::npos;
  size_t i = 2;
  while (i < block_html.size() &&
         (std::isalnum(static_cast<unsigned char>(block_html[i])) || block_html[i] == '-')) {
    i++;
  }
  return i;
}

}  // namespace

struct Renderer::State {
  std::string repaired;
  LineIndex lines;
  SourceMap map;
  std::string body;
  std::vector<BlockSpan> spans;
  std::vector<LineRange> ranges;
  RenderResult result;
};

Renderer::Renderer() : state_(new State) {}
Renderer::~Renderer() { delete state_; }

const char* mode_name(Mode mode) {
  switch (mode) {
    case Mode::kAuto: return "auto";
    case Mode::kCommonMark: return "commonmark";
    case Mode::kGfm: return "gfm";
    case Mode::kJekyll: return "jekyll";
  }
  return "gfm";
}

const RenderResult& Renderer::render(std::string_view markdown, const RenderOptions& options) {
  State& st = *state_;
  RenderResult& result = st.result;
  result.html.clear();
  result.blocks.clear();
  result.diagnostics.clear();
  result.front_matter_json.assign("null");

  if (markdown.size() > kMaxInputBytes) {
    result.diagnostics.push_back(Diagnostic{1, 1, Severity::kError, "too-large",
        "The document is larger than 64 MiB and was not rendered."});
    result.mode_used = Mode::kGfm;
    return result;
  }

  std::string_view text = markdown;
  if (!check_or_repair_utf8(markdown, st.repaired)) text = st.repaired;
  size_t bom = text.rfind(kBom, 0) == 0 ? 3 : 0;
  std::string_view body = text.substr(bom);

  Mode mode = options.mode;
  if (mode == Mode::kAuto) mode = starts_with_front_matter(body) ? Mode::kJekyll : Mode::kGfm;
  result.mode_used = mode;

  st.lines.build(text);
  st.map.reset(&st.lines, body.data(), body.size(), bom);
  st.body.clear();
  st.spans.clear();
  HtmlRenderOptions html_options;
  html_options.md_flags = md_flags_for(mode);
  html_options.safe_urls = !options.unsafe;
  render_html(body.data(), body.size(), html_options, st.body, st.map, st.spans);
  st.map.finish(st.ranges);

  // Assemble: copy the body, inserting data-line into each top-level block.
  result.html.reserve(st.body.size() + st.spans.size() * 24);
  size_t copied = 0;
  for (size_t i = 0; i < st.spans.size(); i++) {
    const BlockSpan& span = st.spans[i];
    std::string_view block_html(st.body.data() + span.html_begin, span.html_end - span.html_begin);
    result.html.append(st.body, copied, span.html_begin - copied);
    Block block;
    block.line_start = st.ranges[i].first;
    block.line_end = st.ranges[i].last;
    block.html_offset = static_cast<uint32_t>(result.html.size());
    block.hash = fnv1a(block_html.data(), block_html.size());
    size_t at = options.source_lines ? attribute_insertion_point(block_html) : std::string_view::npos;
    if (at == std::string_view::npos) {
      result.html.append(block_html);
    } else {
      char attr[48];
      int n = std::snprintf(attr, sizeof attr, " data-line=\"%u-%u\"", block.line_start, block.line_end);
      result.html.append(block_html.substr(0, at));
      result.html.append(attr, static_cast<size_t>(n));
      result.html.append(block_html.substr(at));
    }
    block.html_length = static_cast<uint32_t>(result.html.size() - block.html_offset);
    result.blocks.push_back(block);
    copied = span.html_end;
  }
  result.html.append(st.body, copied, std::string::npos);
  return result;
}

void diagnostics_to_json(const std::vector<Diagnostic>& diagnostics, std::string& out) {
  static const char* const kSeverity[] = {"error", "warning", "info"};
  out += '[';
  for (size_t i = 0; i < diagnostics.size(); i++) {
    const Diagnostic& d = diagnostics[i];
    if (i) out += ',';
    out += "{\"line\":" + std::to_string(d.line) + ",\"column\":" + std::to_string(d.column) +
           ",\"severity\":\"" + kSeverity[static_cast<int>(d.severity)] + "\",\"code\":";
    append_json_string(out, d.code);
    out += ",\"message\":";
    append_json_string(out, d.message);
    out += '}';
  }
  out += ']';
}

}  // namespace draftmark
