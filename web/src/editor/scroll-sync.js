// Keeps the editor and the preview scrolled to the same place, both ways, using the source
// lines on the preview's top-level blocks (data-line="a-b"). Between two blocks the position is
// interpolated, so tall images and display math scroll smoothly instead of jumping. Positions
// are measured on every scroll (only the blocks around it, found by binary search), so blocks
// that grow (images loading, math typeset) stay right.

// A programmatic scroll echoes back as a scroll event on the other side; events arriving within
// this window after we moved a pane are ours and must not be mirrored back.
const kEchoMs = 120;

// Blocks on either side of the one found, enough for the interpolation below.
const kWindow = 2;

function lineRange(node) {
  const lines = node.getAttribute('data-line');
  if (!lines) return null;
  const start = Number.parseInt(lines, 10);
  const end = Number.parseInt(lines.split('-')[1] ?? lines, 10);
  return Number.isFinite(start) ? { start, end: Number.isFinite(end) ? end : start } : null;
}

/**
 * The anchors ({start, end, top, bottom}, tops from the content's top) of the blocks around the
 * first one for which `isPast(node, top)` holds (`top`: the content's top in the viewport; false
 * for every block before it, true after; blocks without data-line are stepped over). A binary
 * search: reading every block's position on each scroll cost 10–40 ms in a 1 MB post (~3,600
 * blocks).
 */
function anchorsAround(content, scroller, rectOf, isPast) {
  const blocks = content.children;
  const top = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const withLines = (i, step) => {
    while (i >= 0 && i < blocks.length && !lineRange(blocks[i])) i += step;
    return i;
  };
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    const at = withLines(mid, 1);
    if (at >= hi) hi = mid;
    else if (isPast(blocks[at], top)) hi = mid;
    else lo = at + 1;
  }
  const list = [];
  let first = lo;
  for (let n = 0; n < kWindow + 1 && first > 0; n++) first = withLines(first - 1, -1);
  for (let i = Math.max(0, first); i < blocks.length && list.length < 2 * kWindow + 2; i++) {
    const lines = lineRange(blocks[i]);
    if (!lines) continue;
    const rect = rectOf(blocks[i]);
    list.push({ ...lines, top: rect.top - top, bottom: rect.bottom - top });
  }
  return list;
}

/** Fractional source line -> preview scrollTop. */
export function previewOffsetForLine(list, line) {
  if (list.length === 0) return 0;
  if (line <= list[0].start) return Math.max(0, list[0].top * (line - 1) / Math.max(1, list[0].start - 1));
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    const next = list[i + 1];
    if (next && line >= next.start) continue;
    // Inside block a (lines start..end+1) and the gap to the next block.
    const endLine = next ? next.start : a.end + 1;
    const endTop = next ? next.top : a.bottom;
    const fraction = Math.min(1, (line - a.start) / Math.max(1, endLine - a.start));
    return a.top + fraction * (endTop - a.top);
  }
  return list.at(-1).bottom;
}

/** Preview scrollTop -> fractional source line. */
export function lineForPreviewOffset(list, offset) {
  if (list.length === 0) return 1;
  if (offset <= list[0].top) return 1 + (list[0].start - 1) * (list[0].top > 0 ? offset / list[0].top : 0);
  for (let i = 0; i < list.length; i++) {
    const a = list[i];
    const next = list[i + 1];
    const endTop = next ? next.top : a.bottom;
    if (next && offset >= endTop) continue;
    const endLine = next ? next.start : a.end + 1;
    const fraction = Math.min(1, (offset - a.top) / Math.max(1, endTop - a.top));
    return a.start + fraction * (endLine - a.start);
  }
  return list.at(-1).end + 1;
}

export class ScrollSync {
  #editor;
  #scroller;
  #content;
  #ignoreEditorUntil = 0;
  #ignorePreviewUntil = 0;
  #frame = null;
  #rectOf;
  enabled = true;

  /**
   * `editor`: a MarkdownEditor; `scroller`: the preview's scrolling element; `content`: its block
   * container; `rectOf(block)`: where a block is ({top, bottom} in the viewport), for blocks
   * without a box (offscreen-blocks.js folds far ones).
   */
  constructor({ editor, scroller, content, rectOf = (node) => node.getBoundingClientRect() }) {
    this.#editor = editor;
    this.#rectOf = rectOf;
    this.#scroller = scroller;
    this.#content = content;
    scroller.addEventListener('scroll', () => this.#fromPreview(), { passive: true });
  }

  #restorePending = false;

  /**
   * A draft was loaded with its saved scroll line: the preview follows once it has rendered (it
   * is empty when the editor scrolls there, so today's sync alone would leave it at the top).
   */
  restoreAfterLoad() {
    this.#restorePending = true;
  }

  /** Call after each preview render. */
  previewRendered() {
    if (!this.#restorePending) return;
    this.#restorePending = false;
    // Two frames: the editor scrolls to the saved line in the frame after it loads the text.
    requestAnimationFrame(() => requestAnimationFrame(() => { if (this.enabled) this.syncPreviewToEditor(); }));
  }

  /** Call when the editor scrolled. */
  editorScrolled() {
    if (!this.enabled || performance.now() < this.#ignoreEditorUntil) return;
    // Once per frame: CodeMirror scrolls in bursts and layout reads are not free.
    this.#frame ??= requestAnimationFrame(() => {
      this.#frame = null;
      this.syncPreviewToEditor();
    });
  }

  /** Moves the preview to the editor's top line. */
  syncPreviewToEditor() {
    const line = this.#editor.topLine();
    const list = anchorsAround(this.#content, this.#scroller, this.#rectOf, (node) => lineRange(node).start > line);
    const target = Math.round(previewOffsetForLine(list, line));
    if (Math.abs(this.#scroller.scrollTop - target) < 1) return;
    this.#ignorePreviewUntil = performance.now() + kEchoMs;
    this.#scroller.scrollTop = target;
  }

  #fromPreview() {
    if (!this.enabled || performance.now() < this.#ignorePreviewUntil) return;
    const offset = this.#scroller.scrollTop;
    const list = anchorsAround(this.#content, this.#scroller, this.#rectOf, (node, top) => this.#rectOf(node).top - top > offset);
    const line = lineForPreviewOffset(list, offset);
    this.#ignoreEditorUntil = performance.now() + kEchoMs;
    this.#editor.scrollToLine(line);
  }
}
