// render(): the pipeline from input bytes to RenderResult.
//   repair UTF-8 -> index lines -> pick mode -> (Jekyll: front matter, Liquid, kramdown's
//   block scan) -> md4c + our renderer, with the dialect's hooks -> source map
//   -> assemble HTML with data-line attributes and per-block hashes.
// This file only chooses and sequences: the steps live in core/ and jekyll/.
#include <algorithm>
#include <cstring>

#include "api/renderer_state.h"
#include "core/block_output.h"
#include "core/html_renderer.h"
#include "core/line_index.h"
#include "core/source_map.h"
#include "draftmark/document.h"
#include "jekyll/jekyll_pass.h"
#include "jekyll/post_layout/word_count.h"
#include "text/json_writer.h"
#include "text/utf8.h"

namespace draftmark {
namespace {

constexpr char kBom[] = "\xEF\xBB\xBF";
// Jekyll's test: the file starts with "---" followed only by spaces on that line.
bool starts_with_front_matter(std::string_view body) {
  if (body.rfind("---", 0) != 0) return false;
  size_t i = 3;
  while (i < body.size() && (body[i] == ' ' || body[i] == '\t')) i++;
  return i < body.size() && (body[i] == '\n' || body[i] == '\r');
}

unsigned md_flags_for(Mode mode) {
  switch (mode) {
    case Mode::kCommonMark: return MD_DIALECT_COMMONMARK;
    case Mode::kGfm: return MD_DIALECT_GITHUB | MD_FLAG_LATEXMATHSPANS;
    case Mode::kJekyll:
      // kramdown does not link bare URLs; it allows emphasis next to CJK text
      // (MD_FLAG_CJKEMPHASIS comes from cmake/patches/md4c-cjk-emphasis.patch); a line of
      // span-level tags such as <br> is a paragraph (MD_FLAG_KRAMDOWNSPANHTML,
      // cmake/patches/md4c-kramdown-span-html.patch); `$x$는` is math and code keeps its tabs
      // (MD_FLAG_KRAMDOWNDOLLARMATH, MD_FLAG_KRAMDOWNCODETABS, md4c-kramdown-math-code.patch).
      return MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_LATEXMATHSPANS |
             MD_FLAG_CJKEMPHASIS | MD_FLAG_KRAMDOWNSPANHTML | MD_FLAG_KRAMDOWNDOLLARMATH |
             MD_FLAG_KRAMDOWNCODETABS;
    case Mode::kAuto: break;
  }
  return MD_DIALECT_GITHUB;
}

}  // namespace

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
  st.tallies.clear();
  st.has_header = st.has_tail = false;

  if (markdown.size() > kMaxInputBytes) {
    result.diagnostics.push_back(Diagnostic{1, 1, Severity::kError, "too-large",
        "The document is larger than 64 MiB and was not rendered."});
    result.mode_used = Mode::kGfm;
    return result;
  }

  std::string_view text = markdown;
  // Indexing the lines also finds any NUL; after a repair (rare) the lines are indexed again.
  const bool has_nul = st.lines.build(text);
  if (options.input_is_utf8 ? has_nul : !check_or_repair_utf8(markdown, st.repaired)) {
    check_or_repair_utf8(markdown, st.repaired);
    text = st.repaired;
    st.lines.build(text);
  }
  size_t bom = text.rfind(kBom, 0) == 0 ? 3 : 0;
  std::string_view body = text.substr(bom);

  Mode mode = options.mode;
  if (mode == Mode::kAuto) mode = starts_with_front_matter(body) ? Mode::kJekyll : Mode::kGfm;
  result.mode_used = mode;

  std::string_view md_input = body;
  size_t md_offset = bom;  // where md_input starts in text
  HtmlRenderOptions html_options;
  html_options.md_flags = md_flags_for(mode);
  html_options.safe_urls = !options.unsafe;
  const bool jekyll = mode == Mode::kJekyll;
  if (jekyll) {
    md_input = st.jekyll.prepare(body, st.lines, bom, options.unsafe, options.site, result, md_offset);
    html_options.dialect = st.jekyll.dialect();
    // Without `math: true` MathJax is not loaded: `$…$` is text to kramdown, so a price
    // (`$5 … $7`) must not become a math span; md4c's flanking rule keeps most of them text.
    if (!st.jekyll.math_enabled()) html_options.md_flags &= ~static_cast<unsigned>(MD_FLAG_KRAMDOWNDOLLARMATH);
  }

  st.map.reset(jekyll ? st.jekyll.parsed_lines(st.lines) : &st.lines, md_input.data(), md_input.size(), md_offset);
  st.body.clear();
  st.spans.clear();
  render_html(md_input.data(), md_input.size(), html_options, st.body, st.map, st.spans);
  st.map.finish(st.ranges);
  if (jekyll) st.jekyll.finish(html_options, st.lines, st.body, st.spans, st.ranges, result.diagnostics);

  // Pass 1: each content block as the page shows it (Jekyll rewrites some: IALs, code boxes)
  // and its words counted as Chirpy does (the HTML Jekyll's `content` holds, so the post
  // layout's own text is left out). Counting before anything is written lets the post header,
  // which shows the read time, be written first instead of moved in front of the page.
  const bool layout = jekyll && options.post_header;
  const bool count = options.word_count || layout;
  st.decorated.clear();
  st.sources.clear();
  auto source_html = [&st](const BlockSource& source) {
    return std::string_view((source.rewritten ? st.decorated : st.body).data() + source.begin, source.size);
  };
  for (size_t i = 0; i < st.spans.size(); i++) {
    const BlockSpan& span = st.spans[i];
    BlockSource source{false, span.html_begin, span.html_end - span.html_begin};
    const size_t begin = st.decorated.size();
    if (jekyll && st.jekyll.decorate_block(i, source_html(source), options.unsafe, st.decorated)) {
      source = BlockSource{true, begin, st.decorated.size() - begin};
    }
    st.sources.push_back(source);
  }
  WordCounter words;
  if (count) {
    for (const BlockSource& source : st.sources) {
      st.tallies.push_back(words.tally_html(source_html(source)));
      words.add(st.tallies.back());
    }
  }
  result.words = words.words();
  result.words_counted = count;

  // Pass 2: the page, each block with its data-line.
  result.html.reserve(st.body.size() + st.decorated.size() + st.spans.size() * 24 + 1024);
  if (layout) {
    uint32_t first = 0, last = 0;
    st.scratch.clear();
    if (st.jekyll.post_header(options.site, result.words, options.unsafe, st.scratch, first, last)) {
      append_result_block(result, st.scratch, first, last, options.source_lines);
      st.has_header = true;
    }
  }
  for (size_t i = 0; i < st.sources.size(); i++) {
    append_result_block(result, source_html(st.sources[i]), st.ranges[i].first, st.ranges[i].last,
                        options.source_lines);
  }
  if (layout) {
    st.scratch.clear();
    if (st.jekyll.post_tail(options.site, result.words, options.unsafe, st.scratch)) {
      // On the document's last line: block lines stay in order for scroll sync.
      uint32_t end = st.lines.line_count();
      append_result_block(result, st.scratch, end, end, options.source_lines);
      st.has_tail = true;
    }
  }
  fill_columns(st.lines, result.diagnostics);
  return result;
}

void diagnostics_to_json(const std::vector<Diagnostic>& diagnostics, std::string& out) {
  static const char* const kSeverity[] = {"error", "warning", "info"};
  out += '[';
  for (size_t i = 0; i < diagnostics.size(); i++) {
    const Diagnostic& d = diagnostics[i];
    if (i) out += ',';
    out += "{\"line\":";
    append_uint(out, d.line);
    out += ",\"column\":";
    append_uint(out, d.column);
    out += ",\"severity\":\"";
    out += kSeverity[static_cast<int>(d.severity)];
    out += "\",\"code\":";
    append_json_string(out, d.code);
    out += ",\"message\":";
    append_json_string(out, d.message);
    out += '}';
  }
  out += ']';
}

}  // namespace draftmark
