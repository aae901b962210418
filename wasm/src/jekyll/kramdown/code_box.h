// Chirpy's code box around a top-level code block (`<pre><code class="language-x">…`): a
// header with the language or the `file="…"` name, and `.nolineno` to hide line numbers.
// Every code block of a post gets one on every render, so this is compiled for speed, apart
// from the rest of block_attributes.h (IALs, the TOC), which favours size.
#pragma once

#include <string>
#include <string_view>

#include "jekyll/kramdown/attributes.h"

namespace draftmark {

// Whether a block's HTML is a code block that gets the box.
bool is_code_block_html(std::string_view html);

// Appends the box around `html` (is_code_block_html), with the block's IAL `attrs`.
void append_code_box(std::string_view html, const AttributeList& attrs, bool unsafe, std::string& out);

}  // namespace draftmark
