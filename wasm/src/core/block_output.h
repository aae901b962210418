// The last step of a render: each top-level block's HTML joins RenderResult::html
// with its line range (as a data-line attribute) and a hash the preview patches by.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string_view>
#include <vector>

#include "core/line_index.h"
#include "draftmark/document.h"

namespace draftmark {

// FNV-1a over 4-byte words; only equality matters, for the preview's block patching.
uint32_t block_hash(const char* data, size_t size);

// Where data-line goes: right after the tag name of the block's first tag, or npos for
// raw HTML that does not start with an element.
size_t attribute_insertion_point(std::string_view block_html);

// Appends one block to result.html and result.blocks. `source_lines`: write data-line.
void append_result_block(RenderResult& result, std::string_view block_html, uint32_t line_start,
                         uint32_t line_end, bool source_lines);
// The same with the block's hash already known (block_hash(block_html)), for blocks an
// incremental render reuses.
void append_result_block(RenderResult& result, std::string_view block_html, uint32_t line_start,
                         uint32_t line_end, bool source_lines, uint32_t hash);

// Diagnostics are made with a line only where the column is not known: clamps lines to
// the document, fills missing columns, and sorts them by position (stable).
void fill_columns(const LineIndex& lines, std::vector<Diagnostic>& diagnostics);

}  // namespace draftmark
