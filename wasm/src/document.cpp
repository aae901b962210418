// render(): the pipeline from input bytes to RenderResult.
//   repair UTF-8 -> index lines -> pick mode -> md4c + our renderer -> source map
//   -> assemble HTML with data-line attributes and per-block hashes.
#include <algorithm>
#include <cctype>
#include <cstdio>
#include <cstring>

#include "block_attributes.h"
#include "draftmark/document.h"
#include "footnotes.h"
#include "front_matter.h"
#include "html_renderer.h"
#include "jekyll_context.h"
#include "kramdown_blocks.h"
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

// FNV-1a over 4-byte words (then the tail bytes): a quarter of the multiplies of the
// byte-wise form; only equality matters, for the preview's block patching.
uint32_t block_hash(const char* data, size_t size) {
  uint32_t h = 2166136261u;
  size_t i = 0;
  for (; i + 4 <= size; i += 4) {
    uint32_t word;
    std::memcpy(&word, data + i, 4);
    h = (h ^ word) * 16777619u;
  }
  for (; i < size; i++) h = (h ^ static_cast<unsigned char>(data[i])) * 16777619u;
  return h;
}

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
      // (MD_FLAG_CJKEMPHASIS comes from cmake/patches/md4c-cjk-emphasis.patch).
      return MD_FLAG_TABLES | MD_FLAG_STRIKETHROUGH | MD_FLAG_TASKLISTS | MD_FLAG_LATEXMATHSPANS |
             MD_FLAG_CJKEMPHASIS;
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

// "<p>x</p>\n<p>y</p>\n" -> "x\n<p>y</p>"
std::string unwrap_first_paragraph(std::string html) {
  while (!html.empty() && html.back() == '\n') html.pop_back();
  if (html.rfind("<p>", 0) != 0) return html;
  size_t close = html.find("</p>");
  if (close == std::string::npos) return html;
  html.erase(close, 4);
  html.erase(0, 3);
  return html;
}

// Diagnostics are made with a line only where the column is not known; sort them by
// position so lists read top to bottom.
void fill_columns(const LineIndex& lines, std::vector<Diagnostic>& diagnostics) {
  for (Diagnostic& d : diagnostics) {
    if (d.line == 0) d.line = 1;
    if (d.line > lines.line_count()) d.line = std::max(lines.line_count(), 1u);
    if (d.column == 0) d.column = 1;
  }
  // Insertion sort: stable, tiny in wasm, and lists are short (lints are capped).
  for (size_t i = 1; i < diagnostics.size(); i++) {
    for (size_t j = i; j > 0; j--) {
      const Diagnostic& a = diagnostics[j - 1];
      const Diagnostic& b = diagnostics[j];
      if (a.line < b.line || (a.line == b.line && a.column <= b.column)) break;
      std::swap(diagnostics[j - 1], diagnostics[j]);
    }
  }
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
  // Jekyll mode.
  FrontMatter front_matter;
  KramdownBlocks kramdown;
  std::string masked;
  JekyllContext jekyll;
  std::vector<AttributeList> block_attrs;  // per top-level block, from block IALs
  std::string scratch;
};

namespace {

// Which top-level block each block IAL applies to (kramdown: the block directly
// above, or else the next one), merged per block.
void assign_block_ials(const KramdownBlocks& kramdown, const std::vector<LineRange>& ranges,
                       std::vector<AttributeList>& per_block) {
  per_block.assign(ranges.size(), AttributeList{});
  // IALs and blocks are both in line order: one pointer walks the blocks.
  size_t next = 0;  // first block starting after the current IAL's line
  for (const BlockIal& ial : kramdown.ials) {
    while (next < ranges.size() && ranges[next].first <= ial.line) next++;
    size_t target = ial.after_block ? (next > 0 ? next - 1 : ranges.size()) : next;
    if (target >= ranges.size()) continue;  // nothing to apply to, like kramdown
    AttributeList attrs = ial.attrs;
    kramdown.alds.resolve(attrs);
    per_block[target].merge(attrs);
  }
}

}  // namespace

Renderer::Renderer() : state_(new State) {}
Renderer::~Renderer() { delete state_; }

namespace {

// Inserts a block rendered outside md4c at its place in source order.
void insert_block(std::vector<BlockSpan>& spans, std::vector<LineRange>& ranges,
                  std::vector<AttributeList>& attrs, BlockSpan span, LineRange range) {
  size_t at = 0;
  while (at < ranges.size() && ranges[at].first < range.first) at++;
  auto offset = static_cast<std::ptrdiff_t>(at);
  spans.insert(spans.begin() + offset, span);
  ranges.insert(ranges.begin() + offset, range);
  attrs.insert(attrs.begin() + offset, AttributeList{});
}

// kramdown's <dl>: terms inline; a definition's first paragraph is not wrapped in <p>.
template <typename RenderFragment>
void append_definition_list(const DefinitionList& list, RenderFragment& render_fragment, std::string& out) {
  std::string html;
  out += "<dl>\n";
  for (const DefinitionItem& item : list.items) {
    for (const std::string& term : item.terms) {
      html.clear();
      render_fragment(term, html);
      out += "<dt>";
      out += unwrap_first_paragraph(html);
      out += "</dt>\n";
    }
    for (const std::string& definition : item.definitions) {
      html.clear();
      render_fragment(definition, html);
      out += "<dd>";
      out += unwrap_first_paragraph(html);
      out += "</dd>\n";
    }
  }
  out += "</dl>\n";
}

}  // namespace

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
  if (options.input_is_utf8 ? std::memchr(markdown.data(), 0, markdown.size()) != nullptr
                            : !check_or_repair_utf8(markdown, st.repaired)) {
    check_or_repair_utf8(markdown, st.repaired);
    text = st.repaired;
  }
  size_t bom = text.rfind(kBom, 0) == 0 ? 3 : 0;
  std::string_view body = text.substr(bom);

  Mode mode = options.mode;
  if (mode == Mode::kAuto) mode = starts_with_front_matter(body) ? Mode::kJekyll : Mode::kGfm;
  result.mode_used = mode;

  st.lines.build(text);
  std::string_view md_input = body;
  size_t md_offset = bom;  // where md_input starts in text
  HtmlRenderOptions html_options;
  html_options.md_flags = md_flags_for(mode);
  html_options.safe_urls = !options.unsafe;
  const bool jekyll = mode == Mode::kJekyll;
  if (jekyll) {
    FrontMatter& fm = st.front_matter;
    fm = FrontMatter{};
    parse_front_matter(body, st.lines, bom, fm, result.diagnostics);
    if (fm.present) {
      lint_front_matter(fm, result.diagnostics);
      result.front_matter_json = fm.json;
      md_input = body.substr(fm.body_offset);
      md_offset = bom + fm.body_offset;
    }
    // Lines are 1-based; an empty body after the front matter starts past the end.
    uint32_t first_line = md_offset < text.size() ? st.lines.line_of(md_offset) : st.lines.line_count() + 1;
    scan_kramdown_blocks(md_input, first_line, st.masked, st.kramdown);
    md_input = st.masked;
    st.jekyll.reset(&st.kramdown);
    st.jekyll.math_enabled = fm.math;
    st.jekyll.mermaid_enabled = fm.mermaid;
    st.jekyll.unsafe = options.unsafe;
    st.jekyll.media_subpath = fm.media_subpath;
    html_options.jekyll = &st.jekyll;
  }

  st.map.reset(&st.lines, md_input.data(), md_input.size(), md_offset);
  st.body.clear();
  st.spans.clear();
  render_html(md_input.data(), md_input.size(), html_options, st.body, st.map, st.spans);
  st.map.finish(st.ranges);
  if (jekyll) {
    assign_block_ials(st.kramdown, st.ranges, st.block_attrs);
    // Blocks md4c never saw (definition lists, the footnote list) render from their
    // own Markdown, then join the others in source order.
    SourceMap detached;
    std::vector<BlockSpan> detached_spans;
    auto render_fragment = [&](const std::string& fragment, std::string& html) {
      detached.reset(&st.lines, fragment.data(), 0, 0);
      detached_spans.clear();
      render_html(fragment.data(), fragment.size(), html_options, html, detached, detached_spans);
    };
    for (const DefinitionList& list : st.kramdown.definition_lists) {
      size_t begin = st.body.size();
      append_definition_list(list, render_fragment, st.body);
      insert_block(st.spans, st.ranges, st.block_attrs, BlockSpan{begin, st.body.size()},
                   LineRange{list.first_line, list.last_line});
    }
    std::string footnotes;
    append_footnotes(st.jekyll, render_fragment, footnotes);
    if (!footnotes.empty()) {
      uint32_t first = st.lines.line_count(), last = 1;
      for (size_t index : st.jekyll.footnote_order) {
        first = std::min(first, st.kramdown.footnotes[index].first_line);
        last = std::max(last, st.kramdown.footnotes[index].last_line);
      }
      // The list is rendered last, so it is the last block whatever its lines.
      if (!st.ranges.empty()) first = std::max(first, st.ranges.back().last + 1);
      last = std::max(last, first);
      st.spans.push_back(BlockSpan{st.body.size(), st.body.size() + footnotes.size()});
      st.ranges.push_back(LineRange{first, last});
      st.block_attrs.emplace_back();
      st.body += footnotes;
    }
    for (const Diagnostic& d : st.jekyll.diagnostics) result.diagnostics.push_back(d);
  }

  // Assemble: the post header, then each top-level block with data-line inserted.
  result.html.reserve(st.body.size() + st.spans.size() * 24 + 512);
  auto add_block = [&](std::string_view block_html, uint32_t line_start, uint32_t line_end) {
    Block block;
    block.line_start = line_start;
    block.line_end = line_end;
    block.html_offset = static_cast<uint32_t>(result.html.size());
    block.hash = block_hash(block_html.data(), block_html.size());
    size_t at = options.source_lines ? attribute_insertion_point(block_html) : std::string_view::npos;
    if (at == std::string_view::npos) {
      result.html.append(block_html);
    } else {
      result.html.append(block_html.substr(0, at));
      result.html.append(" data-line=\"");
      append_uint(result.html, line_start);
      result.html += '-';
      append_uint(result.html, line_end);
      result.html += '"';
      result.html.append(block_html.substr(at));
    }
    block.html_length = static_cast<uint32_t>(result.html.size() - block.html_offset);
    result.blocks.push_back(block);
  };
  if (jekyll && st.front_matter.present && options.post_header) {
    st.scratch.clear();
    append_post_header(st.front_matter, st.scratch);
    if (!st.scratch.empty()) add_block(st.scratch, st.front_matter.first_line, st.front_matter.last_line);
  }
  for (size_t i = 0; i < st.spans.size(); i++) {
    const BlockSpan& span = st.spans[i];
    std::string_view block_html(st.body.data() + span.html_begin, span.html_end - span.html_begin);
    if (jekyll) {
      st.scratch.clear();
      append_block_with_attributes(block_html, st.block_attrs[i], st.jekyll.headings, options.unsafe, st.scratch);
      block_html = st.scratch;
    }
    add_block(block_html, st.ranges[i].first, st.ranges[i].last);
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
