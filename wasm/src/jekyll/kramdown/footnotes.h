// kramdown's footnote list: `<div class="footnotes" role="doc-endnotes">` with one
// item per referenced footnote in order of first reference, each ending with
// Chirpy's backlink (`footnote_backlink: "&#8617;&#xfe0e;"`), plus one numbered
// backlink per repeated reference, as kramdown 2.4 writes them.
#pragma once

#include <cstdint>
#include <functional>
#include <string>
#include <vector>

#include "jekyll/kramdown/jekyll_context.h"

namespace draftmark {

// `render_markdown(markdown, html)` renders a definition's content in the same mode;
// it may add new references (footnotes inside footnotes), which are listed too.
// `definitions`: those jekyll's footnote indices point into.
void append_footnotes(JekyllContext& jekyll, const std::vector<FootnoteDefinition>& definitions,
                      const std::function<void(const std::string&, std::string&)>& render_markdown,
                      std::string& out);

// The list's lines: from the first listed definition's to the last one's, but below the last
// block above it (`after`: its last line, 0 when there is none), as the list is rendered last
// and so is the last block whatever its lines. `line_count`: the text's.
void footnote_list_lines(const std::vector<FootnoteDefinition>& definitions, const std::vector<size_t>& order,
                         uint32_t line_count, uint32_t after, uint32_t& first, uint32_t& last);

}  // namespace draftmark
