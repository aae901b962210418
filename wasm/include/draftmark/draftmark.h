/*
 * Draftmark's C ABI: what the wasm module exports (listed in wasm/exports.txt).
 *
 * One render at a time, no allocation per call in the steady state:
 *   1. char* in = dm_input_reserve(n);   // module-owned buffer of >= n bytes
 *   2. write n bytes of UTF-8 into in    // JS: TextEncoder.encodeInto
 *   3. const DmResult* r = dm_render(n, DM_MODE_AUTO | DM_OPT_SOURCE_LINES);
 *   4. read r->html[0 .. r->html_size)   // valid until the next dm_* call
 *
 * Then, per keystroke, only the edit crosses the boundary (the module keeps the text; the
 * first edit after a dm_render renders whole, the next ones only the blocks around the edit):
 *   5. char* in = dm_input_reserve(k); write the k inserted bytes into in
 *   6. r = dm_render_edit(offset, removed, k, options);  // same DmResult, same lifetime
 *   7. r->changed_first .. + r->changed_count: the blocks to patch; the others are the last
 *      result's (see DmResult), so a preview patches only those.
 *
 * Site settings (Jekyll mode: Liquid's `site`, post_url checks, front-matter defaults) are
 * set once and kept for every later dm_render, until set again:
 *   char* in = dm_input_reserve(n); write n bytes of JSON; dm_site_settings_set(n);
 *
 * Units: sizes and offsets are UTF-8 bytes; lines are 1-based; diagnostic columns
 * (inside diagnostics_json) are 1-based UTF-16 code units.
 * All fields of DmResult and DmBlock are 32-bit, so JS reads them with HEAPU32.
 */
#ifndef DRAFTMARK_H
#define DRAFTMARK_H

#include <stdint.h>

#ifdef __cplusplus
extern "C" {
#endif

/* Bumped whenever DmResult, DmBlock or a function signature changes, or a function is
 * added (3: dm_site_settings_set; 4: DmResult.word_count, dm_site_config_parse's authors;
 * 5: dm_render_edit, DmResult.changed_first, changed_count, changed_replaced, incremental;
 * 6: DM_OPT_UTF16_PAGE, DmResult.html_utf16, html_utf16_size). */
#define DM_ABI_VERSION 6

/* dm_render options: a mode (low 2 bits) OR-ed with flags. */
#define DM_MODE_AUTO 0       /* jekyll if the text starts with front matter, else gfm */
#define DM_MODE_COMMONMARK 1 /* strict CommonMark */
#define DM_MODE_GFM 2        /* tables, strikethrough, task lists, autolinks, math */
#define DM_MODE_JEKYLL 3     /* kramdown + Chirpy conventions */
#define DM_MODE_MASK 3
#define DM_OPT_SOURCE_LINES 0x04 /* data-line="a-b" attributes on top-level blocks */
#define DM_OPT_POST_HEADER 0x08  /* jekyll: Chirpy's post layout (header, tail) from the front matter */
#define DM_OPT_UNSAFE 0x10       /* trusted input: no URL/attribute neutralising */
#define DM_OPT_INPUT_IS_UTF8 0x20 /* input is well-formed UTF-8 (TextEncoder output): skip validation, NULs still replaced */
#define DM_OPT_UTF16_OFFSETS 0x40 /* fill DmBlock's *_utf16 fields (a scan of the HTML); 0 otherwise */
#define DM_OPT_WORD_COUNT 0x80    /* count the content's words as Chirpy's read time does (DmResult.word_count) */
#define DM_OPT_UTF16_PAGE 0x100   /* DM_OPT_UTF16_OFFSETS, and the page as UTF-16 too (DmResult.html_utf16) */

typedef struct DmBlock {
  uint32_t line_start;  /* first source line (1-based) */
  uint32_t line_end;    /* last source line, inclusive */
  uint32_t html_offset; /* byte offset in DmResult.html */
  uint32_t html_length; /* byte length */
  uint32_t hash;        /* 32-bit hash of the block HTML, data-line excluded */
  uint32_t html_offset_utf16; /* with DM_OPT_UTF16_OFFSETS: the same offset and length in UTF-16 */
  uint32_t html_length_utf16; /* code units, so JS decodes the page once and slices the blocks */
} DmBlock;

typedef struct DmResult {
  uint32_t abi_version;
  const char* html;
  uint32_t html_size;
  const DmBlock* blocks;
  uint32_t block_count;
  const char* diagnostics_json; /* [{"line","column","severity","code","message"}] */
  uint32_t diagnostics_json_size;
  const char* front_matter_json; /* "null" or a JSON object */
  uint32_t front_matter_json_size;
  uint32_t mode_used;            /* DM_MODE_COMMONMARK, _GFM or _JEKYLL */
  uint32_t word_count;           /* with DM_OPT_WORD_COUNT or a post layout: the content's words; else DM_NOT_COUNTED */
  /* Which blocks are new since the previous result. Blocks [0, changed_first) are the previous
   * result's at the same index, unchanged. The changed_count blocks from changed_first replace
   * the previous result's changed_replaced blocks from changed_first. The blocks after them are
   * the previous result's last ones with the same HTML and hash except data-line, whose lines
   * moved with the edit. After dm_render: 0, block_count, the previous block_count. */
  uint32_t changed_first;
  uint32_t changed_count;
  uint32_t changed_replaced;
  uint32_t incremental;          /* 1: dm_render_edit re-rendered only the blocks around the edit */
  /* With DM_OPT_UTF16_PAGE: `html` as html_utf16_size UTF-16 code units (little-endian), which
   * JS turns into a string by a copy where it can (Node's Buffer) instead of decoding UTF-8.
   * NULL when not asked for, or when `html` is not well-formed UTF-8 or starts with a byte
   * order mark (TextDecoder drops it): decode `html` then. */
  const uint16_t* html_utf16;
  uint32_t html_utf16_size;
} DmResult;

#define DM_NOT_COUNTED 0xFFFFFFFFu

uint32_t dm_abi_version(void);

/* Returns a buffer of at least `size` bytes (grows, never shrinks), or NULL when
 * memory is exhausted. Invalidated by the next dm_input_reserve. */
char* dm_input_reserve(uint32_t size);

/* Renders the first `size` bytes of the input buffer. Never NULL. */
const DmResult* dm_render(uint32_t size, uint32_t options);

/* Edits the text of the last dm_render or dm_render_edit and renders it: the `removed` bytes
 * at byte `offset` are replaced by the first `inserted_size` bytes of the input buffer (which
 * is free again on return). Offsets and sizes are UTF-8 bytes of the text, clamped to it;
 * with no text rendered yet the edit applies to an empty text. The result is byte for byte
 * dm_render's for the new text. It is incremental (DmResult.incremental: only the blocks
 * around the edit were rendered) when the edit's effect provably stays within a few blocks
 * and the options (DM_OPT_SOURCE_LINES and DM_OPT_UTF16_OFFSETS aside) and site settings are
 * the previous render's. The first dm_render_edit after a dm_render renders whole (dm_render
 * keeps nothing, so it costs what it did); the ones after it build on their predecessor.
 * Never NULL. Example, on the text "One\n\nTwo\n" after one dm_render_edit, `!` typed after "Two":
 *   in = dm_input_reserve(1); in[0] = '!'; r = dm_render_edit(8, 0, 1, DM_MODE_GFM);
 *   // r->incremental == 1, changed_first == 1, changed_count == 1, changed_replaced == 1 */
const DmResult* dm_render_edit(uint32_t offset, uint32_t removed, uint32_t inserted_size, uint32_t options);

/* Reads the first `size` bytes of the input buffer as a JSON object of site settings and
 * keeps them for every later dm_render (the input buffer is free again on return):
 *   {"url":"https://me.github.io","baseurl":"/blog","title":"My blog",
 *    "known_posts":["2024-01-02-a"],          // _posts/ names without extension
 *    "post_defaults":{"math":true,"toc":true}} // parseSiteConfig's post_defaults
 * Every key is optional; unknown keys are ignored (a parseSiteConfig settings object reads
 * as is). known_posts empty: post_url targets are not checked. post_defaults: merged under
 * the post's front matter as Jekyll's `defaults:` are (the post wins), lines unchanged.
 * size 0 clears the settings. Returns 1, or 0 when the JSON is not an object (then the
 * settings are cleared too). */
uint32_t dm_site_settings_set(uint32_t size);

/* Memory currently used by the module's buffers, in bytes (for leak tests). */
uint32_t dm_buffer_bytes(void);

#ifdef __cplusplus
}
#endif

#endif /* DRAFTMARK_H */
