// The only JS that touches the wasm module's memory.
//
// It instantiates draftmark.wasm itself (no Emscripten glue): the module is built
// STANDALONE_WASM, so its imports are two functions, identical on emsdk 3.1.6 and
// newer, and loading works the same in Node and in browsers.

const ABI_VERSION = 6;
const MODES = { auto: 0, commonmark: 1, gfm: 2, jekyll: 3 };
const MODE_NAMES = ['auto', 'commonmark', 'gfm', 'jekyll'];
const OPT_SOURCE_LINES = 0x04;
const OPT_POST_HEADER = 0x08;
const OPT_UNSAFE = 0x10;
const OPT_INPUT_IS_UTF8 = 0x20;  // TextEncoder never produces malformed UTF-8
const OPT_UTF16_OFFSETS = 0x40;  // block offsets in UTF-16 units, for slicing the decoded page
const OPT_WORD_COUNT = 0x80;     // the content's words as Chirpy's read time counts them
const OPT_UTF16_PAGE = 0x100;    // UTF-16 offsets, and the page as UTF-16 code units too
const NOT_COUNTED = 0xffffffff;

/** A system failure (load error, ABI mismatch, out of memory, wasm trap). Content problems are diagnostics, never errors. */
export class DraftmarkError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'DraftmarkError';
  }
}

let compiled = null;   // WebAssembly.Module, kept to re-instantiate after a trap
let compiling = null;  // the first init()'s compile while it runs: later calls wait for it
let instance = null;   // current instance, or null until init()/after a trap
const encoder = new TextEncoder();
const decoder = new TextDecoder('utf-8');
// Node's Buffer makes a string of UTF-16 code units by a copy, where decoding UTF-8 goes byte
// by byte after the first non-ASCII one (~0.2 GB/s: a third of a whole render's time).
const NodeBuffer = typeof process !== 'undefined' && process.versions?.node ? globalThis.Buffer : undefined;
const PAGE_BITS = NodeBuffer ? OPT_UTF16_PAGE : OPT_UTF16_OFFSETS;
// Node makes a string of at least this many UTF-16 units external: one copy into malloc'd
// memory (its EXTERN_APEX). A shorter one over 128 KB (64K units) is allocated in V8's
// large-object space, on fresh pages each time: about 1.5 ns a unit, 0.5 ms for a 350K-unit
// page against 0.25 ms for the external string; under 128 KB, in the young space (a few
// microseconds). So from PAD_FROM_UNITS (just under 128 KB) on, the page is read as an
// external string of NODE_EXTERNAL_UNITS and sliced (a view, no copy). Padding only from 200K
// units on left the ~100 KB post's page (124K units) in the large-object space.
const NODE_EXTERNAL_UNITS = 0xfbee9;
const PAD_FROM_UNITS = 65_000;

// The page's UTF-16 units at `ptr` in wasm memory as a string, by Node's Buffer.
function nodePage(memory, ptr, units) {
  const padded = units >= PAD_FROM_UNITS && units < NODE_EXTERNAL_UNITS &&
    ptr + NODE_EXTERNAL_UNITS * 2 <= memory.buffer.byteLength;
  const string = NodeBuffer.from(memory.buffer, ptr, (padded ? NODE_EXTERNAL_UNITS : units) * 2).toString('utf16le');
  return padded ? string.slice(0, units) : string;
}

async function loadBytes(source) {
  if (source instanceof ArrayBuffer || ArrayBuffer.isView(source)) return source;
  const url = source ?? new URL('./draftmark.wasm', import.meta.url);
  const isFileUrl = String(url).startsWith('file:');
  if (typeof process !== 'undefined' && process.versions?.node && (isFileUrl || !/^[a-z]+:/i.test(String(url)))) {
    const { readFile } = await import('node:fs/promises');
    return readFile(url);
  }
  const response = await fetch(url);
  if (!response.ok) throw new DraftmarkError(`draftmark: cannot load ${url}: HTTP ${response.status}`);
  return response.arrayBuffer();
}

function instantiate() {
  let memory = null;
  const imports = {
    env: { emscripten_notify_memory_growth() { /* views are re-read after every call */ } },
    wasi_snapshot_preview1: {
      proc_exit(code) { throw new DraftmarkError(`draftmark: wasm module exited (${code})`); },
    },
  };
  const inst = new WebAssembly.Instance(compiled, imports);
  memory = inst.exports.memory;
  inst.exports._initialize?.();
  const abi = inst.exports.dm_abi_version();
  if (abi !== ABI_VERSION) {
    throw new DraftmarkError(`draftmark: wasm ABI ${abi} does not match the JS wrapper's ${ABI_VERSION}`);
  }
  // text: the string the module holds for dm_render_edit (null: none); units/bytes: an offset
  // into it in UTF-16 units and in UTF-8 bytes, where the last edit ended.
  return { exports: inst.exports, memory, siteJson: '', text: null, units: 0, bytes: 0 };
}

/**
 * Loads the wasm module. Safe to call more than once: a call made while an earlier one is still
 * compiling waits for that one (and loads nothing itself).
 * @param {{wasm?: string|URL|ArrayBuffer|Uint8Array|WebAssembly.Module|Promise<ArrayBuffer|Uint8Array>}} [options]
 *   where to find draftmark.wasm (default: next to this file), or its bytes (or a promise of them).
 */
export async function init(options = {}) {
  if (instance) return;
  try {
    if (!compiled) {
      compiling ??= (async () => (options.wasm instanceof WebAssembly.Module
        ? options.wasm
        : WebAssembly.compile(await loadBytes(await options.wasm))))();
      try {
        compiled = await compiling;
      } finally {
        compiling = null;
      }
    }
    instance ??= instantiate();
  } catch (error) {
    if (error instanceof DraftmarkError) throw error;
    throw new DraftmarkError(`draftmark: cannot start the wasm module: ${error.message}`, { cause: error });
  }
}

/** True once init() has resolved (and no trap has happened since). */
export function isReady() {
  return instance !== null;
}

function optionBits(options) {
  const mode = MODES[options.mode ?? 'auto'];
  if (mode === undefined) throw new DraftmarkError(`draftmark: unknown mode "${options.mode}"`);
  let bits = mode | OPT_INPUT_IS_UTF8;
  if (options.sourceLines ?? true) bits |= OPT_SOURCE_LINES;
  if (options.header ?? true) bits |= OPT_POST_HEADER;
  if (options.unsafe) bits |= OPT_UNSAFE;
  if (options.wordCount) bits |= OPT_WORD_COUNT;
  return bits;
}

/**
 * A block whose HTML is decoded on first read (renderForPatch). A class, not an object
 * literal with a getter: a closure per block made 100k-block documents superlinear.
 */
class PatchBlock {
  #bytes;
  #offset;
  #length;
  #html = null;

  constructor(bytes, lineStart, lineEnd, hash, offset, length) {
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.hash = hash;
    this.#bytes = bytes;
    this.#offset = offset;
    this.#length = length;
  }

  get html() {
    this.#html ??= decoder.decode(this.#bytes.subarray(this.#offset, this.#offset + this.#length));
    return this.#html;
  }

  get byteLength() {
    return this.#length;
  }

  /** Whether the core put a data-line attribute in (block_output.cpp: after a leading tag name). */
  startsWithTag() {
    const [lt, c] = [this.#bytes[this.#offset], this.#bytes[this.#offset + 1] | 0x20];
    return this.#length >= 2 && lt === 0x3c && c >= 0x61 && c <= 0x7a;
  }
}

// An unchanged block that an edit moved to other lines: the HTML of `root` (a PatchBlock),
// with its data-line attribute rewritten when read. Only the editor's incremental path makes
// these (renderEditForPatch), so the other entries leave this code out.
class MovedBlock {
  #html = null;

  constructor(root, lineStart, lineEnd, byteLength) {
    this.root = root;
    this.lineStart = lineStart;
    this.lineEnd = lineEnd;
    this.hash = root.hash;
    this.byteLength = byteLength;  // of the HTML the core gives it at these lines
  }

  get html() {
    const { root } = this;
    if (this.#html === null) {
      const html = root.html;
      const at = /^<[A-Za-z][A-Za-z0-9-]*/.exec(html)?.[0].length;
      const old = ` data-line="${root.lineStart}-${root.lineEnd}"`;
      this.#html = at === undefined || !html.startsWith(old, at) ? html
        : `${html.slice(0, at)} data-line="${this.lineStart}-${this.lineEnd}"${html.slice(at + old.length)}`;
    }
    return this.#html;
  }
}

const lineDigits = (start, end) => String(start).length + String(end).length;

// `old` (a block of the previous result) at lines [lineStart, lineEnd], if a render gave it
// `hash` and `length` bytes there — the same block, moved — else null. Its bytes are shared.
function moved(old, lineStart, lineEnd, hash, length) {
  const root = old instanceof MovedBlock ? old.root : old;
  if (!(root instanceof PatchBlock) || hash !== root.hash) return null;
  // At the lines it had (every block but the edited ones, for a key typed within a line): the
  // same object, checked in O(1) — this runs for each of a 1 MB post's 3,600 blocks a key.
  if (old.lineStart === lineStart && old.lineEnd === lineEnd) return old.byteLength === length ? old : null;
  const lined = root.startsWithTag();
  const expected = root.byteLength + (lined ? lineDigits(lineStart, lineEnd) - lineDigits(root.lineStart, root.lineEnd) : 0);
  if (expected !== length) return null;
  if (lineStart === root.lineStart && lineEnd === root.lineEnd) return root;
  return new MovedBlock(root, lineStart, lineEnd, length);
}

// Above this many new blocks in an edit, their HTML is copied in one piece (as a whole render).
const kCopyBlocksApart = 64;

// The blocks of a result for a patcher, `before` the previous result's: the blocks equal by
// hash at the start and at the end (the core's window when it rendered incrementally, most of
// the page when it rendered whole) keep the previous bytes, and only the others' HTML is
// copied out of wasm memory. Copying the whole page (~1.2 MB for a 1 MB post) on every
// keystroke was most of the JS time and garbage.
function reusedPatchBlocks(u8, u32, [htmlPtr, htmlSize, blocksPtr, blockCount], before) {
  const hashAt = (i) => u32[(blocksPtr >>> 2) + 7 * i + 4];
  const most = Math.min(blockCount, before.length);
  let first = 0;
  while (first < most && before[first].hash === hashAt(first)) first++;
  let last = 0;
  while (last < most - first && before[before.length - 1 - last].hash === hashAt(blockCount - 1 - last)) last++;
  const shift = before.length - blockCount;  // index in `before` of a block in the last part: i + shift
  const blocks = new Array(blockCount);
  const fresh = [];
  for (let i = 0, p = blocksPtr >>> 2; i < blockCount; i++, p += 7) {
    // Between the two, a block may still be the one at its index from either end: a Chirpy
    // post's header holds the word count, so a key at the end of a long post changes the first
    // block and the last, and all 3,600 blocks between were read again (~5 ms at 1 MB).
    const old = i < first ? before[i] : i >= blockCount - last ? before[i + shift]
      : before[i]?.hash === u32[p + 4] ? before[i] : before[i + shift];
    const block = old ? moved(old, u32[p], u32[p + 1], u32[p + 4], u32[p + 3]) : null;
    if (block) blocks[i] = block; else fresh.push(i);
  }
  const apart = fresh.length <= kCopyBlocksApart;
  const page = apart ? null : u8.slice(htmlPtr, htmlPtr + htmlSize);
  for (const i of fresh) {
    const p = (blocksPtr >>> 2) + 7 * i;
    const [offset, length] = [u32[p + 2], u32[p + 3]];
    blocks[i] = apart
      ? new PatchBlock(u8.slice(htmlPtr + offset, htmlPtr + offset + length), u32[p], u32[p + 1], u32[p + 4], 0, length)
      : new PatchBlock(page, u32[p], u32[p + 1], u32[p + 4], offset, length);
  }
  return blocks;
}

// `readBlocks(u8, u32, [htmlPtr, htmlSize, blocksPtr, blockCount])`, if given, makes the
// blocks (renderEditForPatch's reusedPatchBlocks).
function readResult(memory, resultPtr, lazy, readBlocks = null) {
  const u32 = new Uint32Array(memory.buffer);
  const u8 = new Uint8Array(memory.buffer);
  const at = resultPtr >>> 2;
  const [, htmlPtr, htmlSize, blocksPtr, blockCount, diagPtr, diagSize, fmPtr, fmSize, modeUsed, wordCount] =
    u32.subarray(at, at + 11);
  const [page16Ptr, page16Size] = u32.subarray(at + 15, at + 17);
  const text = (ptr, size) => decoder.decode(u8.subarray(ptr, ptr + size));
  let blocks = new Array(blockCount);
  let page;
  if (readBlocks) {
    blocks = readBlocks(u8, u32, [htmlPtr, htmlSize, blocksPtr, blockCount]);
  } else if (lazy) {
    // One memcpy out of wasm memory; only the blocks the caller reads are decoded.
    const bytes = u8.slice(htmlPtr, htmlPtr + htmlSize);
    for (let i = 0, p = blocksPtr >>> 2; i < blockCount; i++, p += 7) {
      blocks[i] = new PatchBlock(bytes, u32[p], u32[p + 1], u32[p + 4], u32[p + 2], u32[p + 3]);
    }
  } else {
    // The page is decoded once; every block is a slice of it by UTF-16 offsets the module
    // counted (V8 keeps slices as views, no copy). Decoding block by block cost twice the
    // render itself on the spec text: TextDecoder has a fixed cost per call.
    page = page16Ptr ? nodePage(memory, page16Ptr, page16Size) : text(htmlPtr, htmlSize);
    for (let i = 0, p = blocksPtr >>> 2; i < blockCount; i++, p += 7) {
      const start = u32[p + 5];
      blocks[i] = { lineStart: u32[p], lineEnd: u32[p + 1], hash: u32[p + 4], html: page.slice(start, start + u32[p + 6]) };
    }
  }
  return {
    html: page,
    blocks,
    diagnostics: JSON.parse(text(diagPtr, diagSize)),
    frontMatter: JSON.parse(text(fmPtr, fmSize)),
    mode: MODE_NAMES[modeUsed],
    words: wordCount === NOT_COUNTED ? undefined : wordCount,
  };
}

let lastSite = null;     // the last options.site object and its JSON, so a render per keystroke
let lastSiteJson = '';  // with the same settings object does not stringify them again

function siteJson(site) {
  if (!site) return '';
  if (site === lastSite) return lastSiteJson;
  const json = JSON.stringify({
    url: site.url ?? '', baseurl: site.baseurl ?? '', title: site.title ?? '', lang: site.lang ?? '',
    known_posts: [...(site.knownPosts ?? [])].map(String),
    social: site.social && typeof site.social === 'object' ? site.social : {},
    authors: site.authors && typeof site.authors === 'object' ? site.authors : {},
    post_defaults: site.defaults && typeof site.defaults === 'object' ? site.defaults : {},
  });
  lastSite = site;
  lastSiteJson = json;
  return json;
}

// The module keeps the site settings between renders; they are sent only when they change.
function setSite(inst, json) {
  if (inst.siteJson === json) return;
  const bytes = encoder.encode(json);
  const ptr = inst.exports.dm_input_reserve(bytes.length);
  if (ptr === 0) throw new DraftmarkError('draftmark: out of memory for the site settings');
  new Uint8Array(inst.memory.buffer).set(bytes, ptr);
  inst.exports.dm_site_settings_set(bytes.length);
  inst.siteJson = json;
}

// Copies `text` into the module's input buffer as UTF-8; returns the bytes written.
function writeInput(inst, text) {
  const capacity = text.length * 3;  // UTF-16 unit -> at most 3 UTF-8 bytes
  const ptr = inst.exports.dm_input_reserve(capacity);
  if (ptr === 0) throw new DraftmarkError('draftmark: out of memory for the input');
  return encoder.encodeInto(text, new Uint8Array(inst.memory.buffer, ptr, capacity)).written;
}

// Runs one render on the instance; a trap leaves the module in an unknown state, so the next
// call starts a fresh one, and every failure surfaces as a DraftmarkError.
function guardedRender(run) {
  if (!instance) instance = instantiate();  // after a trap: a fresh module, same code
  try {
    return run(instance);
  } catch (error) {
    instance = null;
    if (error instanceof DraftmarkError) throw error;
    throw new DraftmarkError(`draftmark: the renderer failed: ${error.message}`, { cause: error });
  }
}

function renderWith(markdown, options, lazy) {
  if (!compiled) throw new DraftmarkError('draftmark: call init() before render()');
  const bits = optionBits(options) | (lazy ? 0 : PAGE_BITS);
  return guardedRender((inst) => {
    setSite(inst, siteJson(options.site));
    const resultPtr = inst.exports.dm_render(writeInput(inst, typeof markdown === 'string' ? markdown : markdown.toString()), bits);
    Object.assign(inst, { text: markdown, units: 0, bytes: 0 });
    return readResult(inst.memory, resultPtr, lazy);
  });
}

/**
 * Renders Markdown. The result is plain JS data (copied out of wasm memory).
 * `site` (Jekyll mode) is what the post's site says: `url`, `baseurl`, `title` for Liquid
 * (`{{ site.url }}`, post_url, relative_url), `knownPosts` (_posts/ names without extension,
 * e.g. "2024-01-02-a"; empty: post_url targets are not checked), `defaults` (front-matter
 * defaults, e.g. parseSiteConfig's `post_defaults`: keys the post lacks take them, as in Jekyll),
 * and for Chirpy's post layout `lang`, `social` ({name, links}) and `authors` (parseSiteConfig's,
 * from _data/authors.yml). Without `site`, all are empty. Pass the same object again to skip
 * re-sending it. `wordCount`: count the content's words as Chirpy's read time does (`words`;
 * always counted when Jekyll mode draws the post layout).
 * @param {string} markdown
 * @param {{mode?: 'auto'|'gfm'|'commonmark'|'jekyll', sourceLines?: boolean, header?: boolean, unsafe?: boolean,
 *          wordCount?: boolean, site?: {url?: string, baseurl?: string, title?: string, lang?: string,
 *          knownPosts?: string[], defaults?: object, social?: object, authors?: object}}} [options]
 * @returns {{html: string, blocks: {lineStart:number, lineEnd:number, hash:number, html:string}[],
 *            frontMatter: object|null, diagnostics: object[], mode: string, words?: number}}
 */
export function render(markdown, options = {}) {
  return renderWith(markdown, options, false);
}

// The UTF-8 byte offset of UTF-16 offset `units` in inst.text, walked from the last known
// pair (typing moves a few units at a time) or from the start, whichever is nearer. Counts as
// TextEncoder encodes: a surrogate pair is 4 bytes, a lone surrogate 3 (U+FFFD). Only the
// units between the two offsets are read (with two more on each side, to see a pair whole):
// inst.text may be a lazy text whose whole string would cost a copy of the document.
function byteOffset(inst, units) {
  let u = inst.units;
  let b = inst.bytes;
  if (units < u - units) u = b = 0;
  if (u === units) return b;
  const base = Math.max(0, Math.min(u, units) - 2);
  const text = inst.text.slice(base, Math.min(inst.text.length, Math.max(u, units) + 2));
  const at = (i) => text.charCodeAt(i - base);
  const width = (c) => (c < 0x80 ? 1 : c < 0x800 ? 2 : 3);
  while (u < units) {
    const c = at(u);
    const pair = c >= 0xd800 && c <= 0xdbff && (at(u + 1) & 0xfc00) === 0xdc00;
    b += pair ? 4 : width(c);
    u += pair ? 2 : 1;
  }
  while (u > units) {
    const c = at(u - 1);
    const pair = (c & 0xfc00) === 0xdc00 && u >= 2 && (at(u - 2) & 0xfc00) === 0xd800;
    b -= pair ? 4 : width(c);
    u -= pair ? 2 : 1;
  }
  inst.units = u;
  inst.bytes = b;
  return b;
}

/**
 * render() after one change: `text` is the text of the previous render()/renderEdit() with
 * its UTF-16 range [from, to) replaced by `insert` (CodeMirror's change spec). Only `insert`
 * crosses into wasm, and the core re-renders only the blocks around the change when that is
 * exact; the result is render(text, options)'s, plus `incremental` and `changed`: blocks
 * [first, first + count) are new and replace the previous result's `replaced` blocks from
 * `first`, the others are the previous result's (those after moved by the change's lines).
 * The first renderEdit after a render() renders whole. Without a previous text, render().
 * @param {string} text the new text (not read, except when there is no previous one)
 * @param {{from: number, to: number, insert: string}} change
 * @param {object} [options] as render()'s
 * @returns {object} render()'s result with `incremental: boolean`, `changed: {first, count, replaced}`
 */
export function renderEdit(text, change, options = {}) {
  return renderEditWith(text, change, options, false);
}

/**
 * renderEdit() for a DOM patcher: block `html` decoded on first read, as renderForPatch().
 * `previous`: the text `change` applies to; when the module last rendered another one (some
 * other render() call in the page), this renders whole. `previousBlocks`: the blocks of the
 * result for `previous`, whose HTML unchanged blocks share instead of copying it again.
 * `text` may also be a lazy text ({length, slice(from, to), toString()}, as `previous`): an
 * incremental render reads only the units around the change, a whole one its toString().
 * Internal (the editor page uses it).
 */
export function renderEditForPatch(text, change, options, previous, previousBlocks = null) {
  return renderEditWith(text, change, options, true, previous, previousBlocks);
}

function renderEditWith(text, { from, to, insert }, options, lazy, previous = undefined, previousBlocks = null) {
  if (!compiled) throw new DraftmarkError('draftmark: call init() before renderEdit()');
  if (!instance) instance = instantiate();
  const known = instance.text;
  if (known === null || (previous !== undefined && known !== previous) || !(from >= 0 && from <= to && to <= known.length)) {
    return { ...renderWith(text, options, lazy), incremental: false, changed: undefined };
  }
  return guardedRender((inst) => {
    setSite(inst, siteJson(options.site));
    const start = byteOffset(inst, from);
    const end = byteOffset(inst, to);
    const written = writeInput(inst, insert);
    const resultPtr = inst.exports.dm_render_edit(start, end - start, written, optionBits(options) | (lazy ? 0 : PAGE_BITS));
    Object.assign(inst, { text, units: from + insert.length, bytes: start + written });
    const u32 = new Uint32Array(inst.memory.buffer, resultPtr + 11 * 4, 4);
    const changed = { first: u32[0], count: u32[1], replaced: u32[2] };
    const reuse = lazy && previousBlocks ? (u8, u32, layout) => reusedPatchBlocks(u8, u32, layout, previousBlocks) : null;
    const result = readResult(inst.memory, resultPtr, lazy, reuse);
    return { ...result, incremental: u32[3] === 1, changed };
  });
}

/**
 * render() of `markdown` for a caller whose last render was of `previous` (a string, or null):
 * while the module still holds `previous`, only the blocks around what changed between the two
 * are rendered again (as renderEdit()); otherwise it renders whole. The result is render()'s.
 * Internal: renderInto() and <draftmark-preview>, which are handed whole texts, use it.
 */
export function renderAfter(previous, markdown, options = {}) {
  if (typeof previous !== 'string' || typeof markdown !== 'string' || instance?.text !== previous) {
    return render(markdown, options);
  }
  const { incremental, changed, ...result } = renderEditWith(markdown, textChange(previous, markdown), options, false, previous);
  return result;
}

// The one replacement that turns `before` into `after`: their common start and end kept, never
// splitting a surrogate pair. Compared a slice at a time (native string equality), then unit by
// unit: a 1 MB text costs well under a millisecond.
function textChange(before, after) {
  const most = Math.min(before.length, after.length);
  let start = 0;
  for (const step of [4096, 64, 1]) {
    while (start + step <= most && before.slice(start, start + step) === after.slice(start, start + step)) start += step;
  }
  let end = 0;  // units kept at the end
  for (const step of [4096, 64, 1]) {
    while (end + step <= most - start
      && before.slice(before.length - end - step, before.length - end) === after.slice(after.length - end - step, after.length - end)) end += step;
  }
  if (start > 0 && (before.charCodeAt(start - 1) & 0xfc00) === 0xd800) start--;
  if (end > 0 && (before.charCodeAt(before.length - end) & 0xfc00) === 0xdc00) end--;
  return { from: start, to: before.length - end, insert: after.slice(start, after.length - end) };
}

/**
 * Like render() for a DOM patcher, which reads the HTML of changed blocks only: `html` is
 * undefined, and each block's `html` is a getter that decodes on first read. In a 1 MB post
 * that skips decoding ~1.2 MB of HTML per keystroke. Internal (the editor page uses it).
 */
export function renderForPatch(markdown, options = {}) {
  return renderWith(markdown, options, true);
}

/**
 * Reads a Jekyll site's `_config.yml` as Jekyll does (the core's libyaml): url, baseurl, lang,
 * timezone, title, media_subpath (or img_path), `defaults:`, `kramdown:` merged over Jekyll's
 * kramdown defaults, and `post_defaults` — the `defaults:` values that apply to `postPath`.
 * YAML errors and settings the preview cannot honour come back as diagnostics, never thrown.
 * `authorsYaml`: the site's _data/authors.yml, read into `settings.authors` ({id: {name, url}});
 * its YAML problems come back with codes starting "authors-" (lines of that file).
 * @param {string} yamlText
 * @param {{postPath?: string, authorsYaml?: string}} [options] postPath e.g. "_posts/2024-01-02-a.md" (default "_posts/post.md")
 * @returns {{settings: object|null, diagnostics: object[]}}
 */
export function parseSiteConfig(yamlText, { postPath = '_posts/post.md', authorsYaml = '' } = {}) {
  if (!compiled) throw new DraftmarkError('draftmark: call init() before parseSiteConfig()');
  if (!instance) instance = instantiate();
  const { exports, memory } = instance;
  try {
    const yaml = encoder.encode(String(yamlText));
    const authors = encoder.encode(String(authorsYaml));
    const path = encoder.encode(String(postPath));
    const size = yaml.length + authors.length + path.length;
    const ptr = exports.dm_site_input_reserve(size);
    if (ptr === 0) throw new DraftmarkError('draftmark: out of memory for the site config');
    const u8 = new Uint8Array(memory.buffer);
    u8.set(yaml, ptr);
    u8.set(authors, ptr + yaml.length);
    u8.set(path, ptr + yaml.length + authors.length);
    const out = exports.dm_site_config_parse(size, authors.length, path.length) >>> 2;
    const u32 = new Uint32Array(memory.buffer);
    const bytes = new Uint8Array(memory.buffer);
    const text = (p, n) => decoder.decode(bytes.subarray(p, p + n));
    return { settings: JSON.parse(text(u32[out], u32[out + 1])), diagnostics: JSON.parse(text(u32[out + 2], u32[out + 3])) };
  } catch (error) {
    instance = null;
    if (error instanceof DraftmarkError) throw error;
    throw new DraftmarkError(`draftmark: reading the site config failed: ${error.message}`, { cause: error });
  }
}

/** Bytes held by the module (wasm memory size and its own buffers), for leak checks. */
export function memoryStats() {
  if (!instance) return null;
  return { wasmBytes: instance.memory.buffer.byteLength, bufferBytes: instance.exports.dm_buffer_bytes() };
}
