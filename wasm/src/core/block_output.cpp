#include "core/block_output.h"

#include <algorithm>
#include <cctype>
#include <cstring>
#include <utility>

#include "text/decimal_text.h"

namespace draftmark {

// Word-wise: a quarter of the multiplies of the byte-wise form. Two lanes (the even and the
// odd words) so two multiplies run at once: one chain of them bounded the pass over the page.
uint32_t block_hash(const char* data, size_t size) {
  uint32_t even = 2166136261u, odd = 2166136261u;
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    uint32_t words[2];
    std::memcpy(words, data + i, 8);
    even = (even ^ words[0]) * 16777619u;
    odd = (odd ^ words[1]) * 16777619u;
  }
  for (; i < size; i++) even = (even ^ static_cast<unsigned char>(data[i])) * 16777619u;
  // Rotated: a word's top byte moves only its lane's top bits, which must not cancel the other's.
  return even ^ ((odd << 16) | (odd >> 16));
}

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

void append_result_block(RenderResult& result, std::string_view block_html, uint32_t line_start,
                         uint32_t line_end, bool source_lines) {
  append_result_block(result, block_html, line_start, line_end, source_lines,
                      block_hash(block_html.data(), block_html.size()));
}

void append_result_block(RenderResult& result, std::string_view block_html, uint32_t line_start,
                         uint32_t line_end, bool source_lines, uint32_t hash) {
  Block block;
  block.line_start = line_start;
  block.line_end = line_end;
  block.html_offset = static_cast<uint32_t>(result.html.size());
  block.hash = hash;
  size_t at = source_lines ? attribute_insertion_point(block_html) : std::string_view::npos;
  if (at == std::string_view::npos) {
    result.html.append(block_html);
  } else {
    // The attribute is put together on the stack: one append instead of one per piece.
    char attribute[40] = " data-line=\"";
    char* end = write_decimal(attribute + 12, line_start);
    *end++ = '-';
    end = write_decimal(end, line_end);
    *end++ = '"';
    result.html.append(block_html.data(), at);
    result.html.append(attribute, static_cast<size_t>(end - attribute));
    result.html.append(block_html.data() + at, block_html.size() - at);
  }
  block.html_length = static_cast<uint32_t>(result.html.size() - block.html_offset);
  result.blocks.push_back(block);
}

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

}  // namespace draftmark
