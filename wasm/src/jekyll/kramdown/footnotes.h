// kramdown's footnote list: `<div class="footnotes" role="doc-endnotes">` with one
// item per referenced footnote in order of first reference, each ending with
// Chirpy's backlink (`footnote_backlink: "&#8617;&#xfe0e;"`), plus one numbered
// backlink per repeated reference, as kramdown 2.4 writes them.
#pragma once

#include <functional>
#include <string>

#include "jekyll/kramdown/jekyll_context.h"

namespace draftmark {

// `render_markdown(markdown, html)` renders a definition's content in the same mode;
// it may add new references (footnotes inside footnotes), which are listed too.
void append_footnotes(JekyllContext& jekyll,
                      const std::function<void(const std::string&, std::string&)>& render_markdown,
                      std::string& out);

}  // namespace draftmark
