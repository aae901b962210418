// Keeps the editor and the preview scrolled to the same place, both ways, using the source
// lines on the preview's top-level blocks (data-line="a-b"). Between two blocks the position is
// interpolated, so tall images and display math scroll smoothly instead of jumping. Positions
// are measured on every scroll, so blocks that grow (images loading, math typeset) stay right.

// A programmatic scroll echoes back as a scroll event on the other side; events arriving within
// this window after we moved a pane are ours and must not be mirrored back.
const kEchoMs = 120;

function anchors(content, scroller) {
  const top = scroller.getBoundingClientRect().top - scroller.scrollTop;
  const list = [];
  for (const node of content.children) {
    const lines = node.getAttribute('data-line');
    if (!lines) continue;
    const start = Number.parseInt(lines, 10);
    const end = Number.parseInt(lines.split('-')[1] ?? lines, 10);
    if (!Number.isFinite(start)) continue;
    const rect = node.getBoundingClientRect();
    list.push({ start, end: Number.isFinite(end) ? end : start, top: rect.top - top, bottom: rect.bottom - top });
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
  enabled = true;

  /** `editor`: a MarkdownEditor; `scroller`: the preview's scrolling element; `content`: its block container. */
  constructor({ editor, scroller, content }) {
    this.#editor = editor;
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
    const list = anchors(this.#content, this.#scroller);
    const target = Math.round(previewOffsetForLine(list, this.#editor.topLine()));
    if (Math.abs(this.#scroller.scrollTop - target) < 1) return;
    this.#ignorePreviewUntil = performance.now() + kEchoMs;
    this.#scroller.scrollTop = target;
  }

  #fromPreview() {
    if (!this.enabled || performance.now() < this.#ignorePreviewUntil) return;
    const list = anchors(this.#content, this.#scroller);
    const line = lineForPreviewOffset(list, this.#scroller.scrollTop);
    this.#ignoreEditorUntil = performance.now() + kEchoMs;
    this.#editor.scrollToLine(line);
  }
}
