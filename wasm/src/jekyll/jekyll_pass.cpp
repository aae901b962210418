#include "jekyll/jekyll_pass.h"

#include <algorithm>
#include <cstddef>

#include "jekyll/kramdown/block_attributes.h"
#include "jekyll/kramdown/code_box.h"
#include "jekyll/kramdown/footnotes.h"
#include "jekyll/post_layout/post_layout.h"

namespace draftmark {
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

const YamlValue* JekyllPass::site_defaults(const std::string& json) {
  // The editor sends the same defaults with every keystroke: parse them once per change.
  if (json != defaults_json_) {
    defaults_json_ = json;
    front_matter_source_.clear();  // parsed under the old defaults
    defaults_ = YamlDocument{};
    if (!json.empty()) parse_yaml(json, defaults_);
  }
  const bool usable = defaults_.ok && defaults_.root.kind == YamlValue::Kind::kMapping && !defaults_.root.keys.empty();
  return usable ? &defaults_.root : nullptr;
}

std::string_view JekyllPass::prepare(std::string_view body, const LineIndex& lines, size_t bom, bool unsafe,
                                     const SiteSettings& site, RenderResult& result, size_t& md_offset) {
  FrontMatter& fm = front_matter_;
  std::string_view md_input = body;
  md_offset = bom;
  const YamlValue* defaults = site_defaults(site.post_defaults_json);
  // The editor renders the whole post on every keystroke, and the front matter rarely
  // changes: it is parsed again only when its bytes, its offset or the site defaults do.
  const FrontMatterBounds bounds = find_front_matter(body);
  const std::string_view source = body.substr(0, bounds.closed ? bounds.body_offset : 0);
  if (bounds.closed && bom == front_matter_bom_ && !front_matter_source_.empty() && source == front_matter_source_) {
    for (const Diagnostic& d : front_matter_diagnostics_) result.diagnostics.push_back(d);
  } else {
    const size_t before = result.diagnostics.size();
    fm = FrontMatter{};
    parse_front_matter(body, lines, bom, fm, result.diagnostics, defaults);
    front_matter_source_.assign(source);
    front_matter_bom_ = bom;
    front_matter_diagnostics_.clear();
    for (size_t i = before; i < result.diagnostics.size(); i++) front_matter_diagnostics_.push_back(result.diagnostics[i]);
    page_parsed_ = false;
  }
  if (fm.present) {
    lint_front_matter(fm, result.diagnostics);
    result.front_matter_json = fm.json;
    md_input = body.substr(fm.body_offset);
    md_offset = bom + fm.body_offset;
  }
  // Liquid runs before kramdown, as in Jekyll. Its output keeps the text before the body
  // byte for byte, so md_offset and the first line stay valid.
  liquid_active_ = false;
  std::string_view text(body.data() - bom, body.size() + bom);
  if (has_liquid_markup(md_input)) {
    if (!page_parsed_) {  // with the front matter it comes from
      page_ = YamlDocument{};
      if (fm.parsed) parse_yaml(body.substr(0, bounds.yaml_end), page_);
      if (page_.ok && defaults) merge_front_matter_defaults(page_.root, *defaults);
      page_parsed_ = true;
    }
    LiquidScope scope{fm.parsed && page_.ok ? &page_.root : nullptr, &site};
    liquid_active_ = liquid_.run(text, md_offset, lines, scope, fm.media_subpath, unsafe, result.diagnostics);
    if (liquid_active_) md_input = std::string_view(liquid_.text()).substr(md_offset);
  }
  // Lines are 1-based; an empty body after the front matter starts past the end.
  size_t text_size = bom + body.size();
  uint32_t first_line = md_offset < text_size ? lines.line_of(md_offset) : lines.line_count() + 1;
  // Liquid's output has lines of its own; otherwise md_input is the end of the indexed text.
  scan_kramdown_blocks(md_input, first_line, masked_, kramdown_, liquid_active_ ? nullptr : &lines, md_offset);
  context_.reset(&kramdown_, footnote_seed_);
  md_offset_ = md_offset;
  context_.math_enabled = fm.math;
  context_.mermaid_enabled = fm.mermaid;
  // Chirpy refactors the content of the layouts built on its `default` one (post, page); a
  // post without a front matter is still written for them.
  context_.heading_anchors = fm.layout.empty() || fm.layout == "post" || fm.layout == "page";
  context_.unsafe = unsafe;
  context_.media_subpath = fm.media_subpath;
  return masked_;
}

void JekyllPass::finish(const HtmlRenderOptions& options, const LineIndex& lines, std::string& body,
                        std::vector<BlockSpan>& spans, std::vector<LineRange>& ranges,
                        std::vector<Diagnostic>& diagnostics) {
  body_references_ = context_.footnote_references.size();
  wrote_footnote_list_ = false;
  html_options_ = options;
  fragment_lines_ = &lines;
  assign_block_ials(kramdown_, ranges, block_attrs_);
  // Blocks md4c never saw render from their own Markdown, then join the others.
  auto render_fragment = [this](const std::string& fragment, std::string& html) { this->render_fragment(fragment, html); };
  for (const DefinitionList& list : kramdown_.definition_lists) {
    size_t begin = body.size();
    append_definition_list(list, render_fragment, body);
    insert_block(spans, ranges, block_attrs_, BlockSpan{begin, body.size()},
                 LineRange{list.first_line, list.last_line});
  }
  std::string footnotes;
  before_list_.order = context_.footnote_order;
  before_list_.refs = context_.footnote_refs;
  before_list_.number = context_.footnote_number;
  if (footnote_seed_ == nullptr) append_footnotes(context_, kramdown_.footnotes, render_fragment, footnotes);
  if (!footnotes.empty()) {
    wrote_footnote_list_ = true;
    uint32_t first = 0, last = 0;
    footnote_list_lines(kramdown_.footnotes, context_.footnote_order, lines.line_count(),
                        ranges.empty() ? 0 : ranges.back().last, first, last);
    spans.push_back(BlockSpan{body.size(), body.size() + footnotes.size()});
    ranges.push_back(LineRange{first, last});
    block_attrs_.emplace_back();
    body += footnotes;
  }
  for (const Diagnostic& d : context_.diagnostics) {
    diagnostics.push_back(d);
    if (liquid_active_) diagnostics.back().line = liquid_.input_first_line(d.line);
  }
  // Everything above counted lines of Liquid's output; back to the document's lines.
  if (liquid_active_) {
    for (LineRange& r : ranges) {
      r.first = liquid_.input_first_line(r.first);
      r.last = std::max(r.first, liquid_.input_last_line(r.last));
    }
  }
}

void JekyllPass::render_fragment(const std::string& fragment, std::string& html) {
  detached_.reset(fragment_lines_, fragment.data(), 0, 0);
  detached_spans_.clear();
  render_html(fragment.data(), fragment.size(), html_options_, html, detached_, detached_spans_);
}

bool JekyllPass::render_footnote_list(const FootnoteSeed& before_list, const std::vector<FootnoteDefinition>& definitions,
                                      std::string& html) {
  context_.footnote_order = before_list.order;
  context_.footnote_refs = before_list.refs;
  context_.footnote_number = before_list.number;
  const size_t diagnostics = context_.diagnostics.size();
  html.clear();
  append_footnotes(context_, definitions,
                   [this](const std::string& fragment, std::string& out) { render_fragment(fragment, out); }, html);
  return context_.diagnostics.size() == diagnostics;
}

bool JekyllPass::body_footnote_references(std::vector<FootnotePlace>& out) const {
  out.clear();
  if (liquid_active_) return false;
  for (size_t i = 0; i < body_references_; i++) {
    const FootnoteReference& r = context_.footnote_references[i];
    if (r.at < masked_.data() || r.at >= masked_.data() + masked_.size()) return false;
    const size_t offset = md_offset_ + static_cast<size_t>(r.at - masked_.data());
    if (!out.empty() && offset <= out.back().offset) return false;
    out.push_back(FootnotePlace{offset, r.index});
  }
  return true;
}

bool JekyllPass::post_header(const SiteSettings& site, size_t words, bool unsafe, std::string& html,
                             uint32_t& first_line, uint32_t& last_line) const {
  if (!front_matter_.present) return false;
  append_post_header(PostLayoutInput{front_matter_, site, words, unsafe}, html);
  first_line = front_matter_.first_line;
  last_line = front_matter_.last_line;
  return !html.empty();
}

bool JekyllPass::post_tail(const SiteSettings& site, size_t words, bool unsafe, std::string& html) const {
  append_post_tail(PostLayoutInput{front_matter_, site, words, unsafe}, html);
  return !html.empty();
}

bool JekyllPass::decorate_block(size_t index, std::string_view block_html, bool unsafe, std::string& out) const {
  const AttributeList& attrs = block_attrs_[index];
  // Most blocks have no IAL: they stay as they are, or a code block gets its box.
  if (attrs.empty()) {
    if (!is_code_block_html(block_html)) return false;
    append_code_box(block_html, attrs, unsafe, out);
    return true;
  }
  return append_block_with_attributes(block_html, attrs, context_.headings, unsafe, out);
}

}  // namespace draftmark
