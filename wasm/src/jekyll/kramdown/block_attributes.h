// Jekyll mode, after md4c: what kramdown and Chirpy do to whole top-level blocks.
//  - a block IAL's attributes go on the block's first tag (for a table, on <table>);
//  - a fenced code block becomes Chirpy's code box: a header with the language or
//    `file="…"` name, and `.nolineno` to hide line numbers;
//  - a list carrying `{:toc}` is replaced by the table of contents.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "jekyll/kramdown/attributes.h"
#include "jekyll/kramdown/jekyll_context.h"

namespace draftmark {

// Appends `block_html` to `out`, transformed by `attrs` (may be empty), and returns true; or
// returns false, appending nothing, when the block stays as it is (most blocks: no copy).
bool append_block_with_attributes(std::string_view block_html, const AttributeList& attrs,
                                  const std::vector<HeadingInfo>& headings, bool unsafe, std::string& out);

// Reads `name="value"` from a tag we generated ourselves (values are escaped, so a plain
// search for the closing quote is exact). Also code_box.cpp's, for a code tag from raw HTML.
std::string_view tag_attribute(std::string_view tag, std::string_view name);

}  // namespace draftmark
