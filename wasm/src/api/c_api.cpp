// The C ABI over draftmark::Renderer (see include/draftmark/draftmark.h).
#include "draftmark/draftmark.h"

#include <algorithm>
#include <cstring>
#include <new>
#include <string>
#include <vector>

#include "api/incremental_renderer.h"
#include "draftmark/document.h"
#include "jekyll/site/site_config.h"
#include "text/byte_scan.h"
#include "text/utf16_transcode.h"

namespace {

struct Module {
  // dm_render renders with `renderer` (no cost for edits it may never get) and leaves the text
  // to `incremental`, whose first dm_render_edit then renders whole and keeps what edits need.
  draftmark::Renderer renderer;
  draftmark::IncrementalRenderer incremental;
  const draftmark::RenderResult* last = nullptr;  // the result DmResult points into
  bool last_was_edit = false;
  uint32_t last_block_count = 0;
  draftmark::RenderOptions options;  // reused: .site is dm_site_settings_set's, kept between renders
  std::vector<char> input;
  std::vector<DmBlock> blocks;
  std::vector<uint16_t> page16;  // DmResult.html_utf16
  std::string diagnostics_json;
  DmResult result{};
};

Module& module() {
  static Module m;
  return m;
}

// UTF-16 code units of well-formed UTF-8: one per byte that is not a continuation byte
// (10xxxxxx), plus one for each 4-byte lead (11110xxx), counted eight bytes at a time.
uint32_t utf16_units(const char* p, size_t n) {
  uint32_t units = 0;
  size_t i = 0;
  for (; i + 8 <= n; i += 8) {
    const uint64_t w = draftmark::load_word(p + i);
    if ((w & draftmark::kByteHighBits) == 0) {  // ASCII, most of any page's markup
      units += 8;
      continue;
    }
    // Each byte's bit 7 is ANDed with its own bits 6..4, shifted up (a shift moves a bit
    // across into the next byte only from bit 7, which the mask drops).
    const uint64_t continuation = w & ~(w << 1) & draftmark::kByteHighBits;
    const uint64_t four_byte_lead = w & (w << 1) & (w << 2) & (w << 3) & draftmark::kByteHighBits;
    units += 8 - static_cast<uint32_t>(__builtin_popcountll(continuation)) +
             static_cast<uint32_t>(__builtin_popcountll(four_byte_lead));
  }
  for (; i < n; i++) {
    const unsigned char c = static_cast<unsigned char>(p[i]);
    units += ((c & 0xC0) != 0x80) + (c >= 0xF0);
  }
  return units;
}

// Where a walk over the page in block order is: bytes done and their UTF-16 units, and the
// page's UTF-16 copy so far while it is being made (`page16` null: counting only).
struct Utf16Walk {
  const char* html;
  uint32_t byte_pos = 0;
  uint32_t unit_pos = 0;
  uint16_t* page16 = nullptr;

  // Moves on to byte `to`, transcoding the bytes passed if a copy is being made; a
  // malformed byte ends the copy (the units are then counted as before, the copy dropped).
  void advance(uint32_t to) {
    const char* p = html + byte_pos;
    const size_t n = to - byte_pos;
    const size_t units = page16 ? draftmark::utf8_to_utf16(p, n, page16 + unit_pos) : draftmark::kNotUtf8;
    if (units == draftmark::kNotUtf8) page16 = nullptr;
    unit_pos += static_cast<uint32_t>(units == draftmark::kNotUtf8 ? utf16_units(p, n) : units);
    byte_pos = to;
  }
};

// The blocks, with UTF-16 offsets if asked for, counted in one walk over the page while
// the blocks come in page order (they always do today; restart from 0 otherwise, without a
// UTF-16 copy). The same walk makes the page's UTF-16 copy when asked for (`page16`; left
// empty when it cannot be made). A caller that decodes only some blocks (the editor's
// patch) skips the walk. Returns the copy's units, or kNotUtf8 when there is no copy.
// `page16` only grows: zeroing a page's worth of it on every render would cost a pass.
size_t copy_blocks(const draftmark::RenderResult& r, bool utf16, std::vector<uint16_t>* page16,
                   std::vector<DmBlock>& out) {
  out.clear();
  if (!utf16) {
    for (const draftmark::Block& b : r.blocks) {
      out.push_back(DmBlock{b.line_start, b.line_end, b.html_offset, b.html_length, b.hash, 0, 0});
    }
    return draftmark::kNotUtf8;
  }
  Utf16Walk walk{r.html.data()};
  // TextDecoder drops a leading byte order mark; the JS wrapper decodes `html` for such a page.
  const bool copy = page16 && r.html.rfind("\xEF\xBB\xBF", 0) != 0;
  if (copy) {
    if (page16->size() < r.html.size() + 1) page16->resize(r.html.size() + 1);  // units <= bytes
    walk.page16 = page16->data();
  }
  for (const draftmark::Block& b : r.blocks) {
    if (b.html_offset < walk.byte_pos) walk = Utf16Walk{r.html.data()};
    walk.advance(b.html_offset);
    const uint32_t offset_utf16 = walk.unit_pos;
    walk.advance(b.html_offset + b.html_length);
    out.push_back(DmBlock{b.line_start, b.line_end, b.html_offset, b.html_length, b.hash, offset_utf16,
                          walk.unit_pos - offset_utf16});
  }
  if (walk.page16) walk.advance(static_cast<uint32_t>(r.html.size()));
  return walk.page16 ? walk.unit_pos : draftmark::kNotUtf8;
}

void read_options(uint32_t options, draftmark::RenderOptions& opts) {
  opts.mode = static_cast<draftmark::Mode>(options & DM_MODE_MASK);
  opts.source_lines = (options & DM_OPT_SOURCE_LINES) != 0;
  opts.post_header = (options & DM_OPT_POST_HEADER) != 0;
  opts.unsafe = (options & DM_OPT_UNSAFE) != 0;
  opts.input_is_utf8 = (options & DM_OPT_INPUT_IS_UTF8) != 0;
  opts.word_count = (options & DM_OPT_WORD_COUNT) != 0;
}

const DmResult* fill_result(Module& m, uint32_t options) {
  const draftmark::RenderResult& r = *m.last;
  const bool page16 = (options & DM_OPT_UTF16_PAGE) != 0;
  const size_t units = copy_blocks(r, (options & (DM_OPT_UTF16_OFFSETS | DM_OPT_UTF16_PAGE)) != 0,
                                   page16 ? &m.page16 : nullptr, m.blocks);
  m.diagnostics_json.clear();
  draftmark::diagnostics_to_json(r.diagnostics, m.diagnostics_json);

  DmResult& out = m.result;
  out.abi_version = DM_ABI_VERSION;
  out.html = r.html.data();
  out.html_size = static_cast<uint32_t>(r.html.size());
  out.blocks = m.blocks.data();
  out.block_count = static_cast<uint32_t>(m.blocks.size());
  out.diagnostics_json = m.diagnostics_json.data();
  out.diagnostics_json_size = static_cast<uint32_t>(m.diagnostics_json.size());
  out.front_matter_json = r.front_matter_json.data();
  out.front_matter_json_size = static_cast<uint32_t>(r.front_matter_json.size());
  out.mode_used = static_cast<uint32_t>(r.mode_used);
  out.word_count = r.words_counted ? static_cast<uint32_t>(std::min<size_t>(r.words, DM_NOT_COUNTED - 1)) : DM_NOT_COUNTED;
  draftmark::EditChanges changes{false, 0, out.block_count, m.last_block_count, nullptr};
  if (m.last_was_edit) {
    changes = m.incremental.changes();
    // A first edit after dm_render renders whole: the previous result is dm_render's.
    if (!changes.incremental) changes.replaced = m.last_block_count;
  }
  out.changed_first = changes.first;
  out.changed_count = changes.count;
  out.changed_replaced = changes.replaced;
  out.incremental = changes.incremental ? 1u : 0u;
  out.html_utf16 = units != draftmark::kNotUtf8 ? m.page16.data() : nullptr;
  out.html_utf16_size = out.html_utf16 ? static_cast<uint32_t>(units) : 0;
  m.last_block_count = out.block_count;
  return &out;
}

}  // namespace

extern "C" {

uint32_t dm_abi_version(void) { return DM_ABI_VERSION; }

char* dm_input_reserve(uint32_t size) {
  Module& m = module();
  if (m.input.size() < size + 1u) {
    // Grow geometrically so typing at the end of a document does not reallocate often.
    size_t want = std::max<size_t>(size + 1u, m.input.size() * 3 / 2);
    std::vector<char> bigger;
    bigger.resize(want);  // -fno-exceptions: allocation failure aborts (caught by JS)
    m.input.swap(bigger);
  }
  return m.input.data();
}

const DmResult* dm_render(uint32_t size, uint32_t options) {
  Module& m = module();
  if (size > m.input.size()) size = static_cast<uint32_t>(m.input.size());
  read_options(options, m.options);
  const std::string_view text(m.input.data(), size);
  m.last = &m.renderer.render(text, m.options);
  m.incremental.set_text(text);
  m.last_was_edit = false;
  return fill_result(m, options);
}

const DmResult* dm_render_edit(uint32_t offset, uint32_t removed, uint32_t inserted_size, uint32_t options) {
  Module& m = module();
  if (inserted_size > m.input.size()) inserted_size = static_cast<uint32_t>(m.input.size());
  read_options(options, m.options);
  m.last = &m.incremental.render_edit(offset, removed, std::string_view(m.input.data(), inserted_size), m.options);
  m.last_was_edit = true;
  return fill_result(m, options);
}

uint32_t dm_site_settings_set(uint32_t size) {
  Module& m = module();
  if (size > m.input.size()) size = static_cast<uint32_t>(m.input.size());
  if (size == 0) {
    m.options.site = draftmark::SiteSettings{};
    return 1;
  }
  return draftmark::read_site_settings(std::string_view(m.input.data(), size), m.options.site) ? 1u : 0u;
}

uint32_t dm_buffer_bytes(void) {
  Module& m = module();
  return static_cast<uint32_t>(m.input.capacity() + m.blocks.capacity() * sizeof(DmBlock) +
                               m.page16.capacity() * sizeof(uint16_t) + m.diagnostics_json.capacity());
}

}  // extern "C"
