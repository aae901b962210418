// What a Renderer keeps between renders (its buffers, reused), and what the last render
// left for IncrementalRenderer (api/incremental_renderer.h): the words of each content
// block and whether the post layout added a header (first block) and a tail (last block).
#pragma once

#include <cstddef>
#include <string>
#include <vector>

#include "core/line_index.h"
#include "core/source_map.h"
#include "draftmark/document.h"
#include "jekyll/jekyll_pass.h"
#include "jekyll/post_layout/word_count.h"

namespace draftmark {

// Refuse documents beyond this size with a diagnostic rather than risk the tab:
// 64 MiB is far above any blog post and below wasm32's practical memory ceiling.
constexpr size_t kMaxInputBytes = 64u << 20;

// Where a content block's HTML is: in State::body as md4c's pass wrote it, or rewritten in
// State::decorated.
struct BlockSource {
  bool rewritten;
  size_t begin, size;
};

struct Renderer::State {
  std::string repaired;
  LineIndex lines;
  SourceMap map;
  std::string body;
  std::vector<BlockSpan> spans;
  std::vector<LineRange> ranges;
  RenderResult result;
  JekyllPass jekyll;
  std::vector<BlockSource> sources;  // per content block
  std::string decorated;
  std::string scratch;
  // Of the last render: per content block (header and tail excluded), when words were counted.
  std::vector<WordTally> tallies;
  bool has_header = false;
  bool has_tail = false;
};

}  // namespace draftmark
