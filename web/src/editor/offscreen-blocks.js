// A long preview lays out and paints only the blocks near what is shown. In a 1 MB post a
// keystroke cost 8–60 ms of layout, plus as much prepaint and paint, over ~90,000 layout objects
// however small the change (bench/keystroke-profile.mjs). Blocks more than a screen and a half
// away from the visible part get `data-far`, styled `content-visibility: hidden` (editor.css):
// the browser skips their layout and paint and keeps the size they had when last laid out
// (`contain-intrinsic-size: auto`), so what is below them, and scroll sync, stay in place.
// Blocks near the view are laid out as usual, so what the reader sees is unchanged. Short posts
// are left alone: they gain nothing.
//
// Opening a long post: laying out all its blocks once took seconds (a 1 MB post: ~3,600 blocks,
// 2–4 s of layout and style). So the blocks of a new document are hidden before anything lays
// them out, at a size estimated from their text; those near the view are shown in the next
// frame, and the others are measured a chunk at a time once typing pauses (shown for one frame,
// then hidden at their real size). Until then the container has `data-measuring` and positions past
// the view are estimates (scroll anchoring keeps what is on screen still as they become real).
// Blocks of a post this long: the patcher also leaves the ones far from the view as
// placeholders until this module asks for them (preview.js's deferFrom, materialize()).
export const kMinBlocks = 300;
const kMarginScreens = 1.5;
const kManyNew = 50;            // more new blocks than this in one render: a new document
const kFrameBudgetMs = 150;     // a frame that measures a chunk may take this long: the user is not typing
const kQuietMs = 500;           // measuring waits for this long without typing or scrolling
const kEstimate = 'contain-intrinsic-size';

export class OffscreenBlocks {
  #scroller;
  #content;
  #isLaidOut;
  #patcher;
  #frame = 0;
  #quietTimer = 0;
  #lastMeasure = 0;              // when the last chunk was shown (0: none in the frame before)
  #width = 0;
  // Nodes whose size the browser remembers: they were shown in a frame. A node hidden before
  // that would take its estimated size.
  #seen = new WeakSet();
  #shownInFrame = [];           // the nodes shown when the last update ended (rendered in its frame)
  #shown = null;                // the blocks not hidden (a Set), null: all of them (a short post)
  #unmeasured = new Set();      // hidden at an estimated size, never laid out
  #measuring = new Set();       // shown for one frame to learn their size
  #chunk = 64;
  #lastActivity = 0;            // the last render or scroll (performance.now())

  /**
   * `scroller`: the preview's scrolling element; `content`: the block container (#preview);
   * `isLaidOut()`: false while the first preview shows only what is on screen (editor.css):
   * sizes seen then are not real; `patcher()`: the PreviewPatcher filling `content` (it may be
   * replaced), whose placeholders are materialised before they are shown.
   */
  constructor({ scroller, content, isLaidOut, patcher }) {
    this.#scroller = scroller;
    this.#content = content;
    this.#isLaidOut = isLaidOut;
    this.#patcher = patcher;
    content.addEventListener('draftmark:rendered', (event) => this.#added(event.detail.added));
    scroller.addEventListener('scroll', () => {
      this.#lastActivity = performance.now();
      this.schedule();
    }, { passive: true });
    // Remembered sizes are for the old width: every block is measured again (hidden blocks
    // keep their old size as the estimate meanwhile).
    new ResizeObserver(() => {
      if (content.clientWidth === this.#width) return;
      const first = this.#width === 0;
      this.#width = content.clientWidth;
      if (first) return;
      this.#seen = new WeakSet();
      for (const node of content.querySelectorAll(':scope > [data-far]')) this.#unmeasured.add(node);
      this.schedule();
    }).observe(content);
  }

  // After a render put its blocks in the container (the patcher's draftmark:rendered, before
  // anything reads layout): a long document's many new blocks are hidden at an estimated size
  // (see the file comment); a few (an edit) are laid out as usual, and hidden once seen if far.
  #added(nodes) {
    this.#lastActivity = performance.now();
    if (this.#content.children.length >= kMinBlocks && nodes.length > kManyNew) {
      const width = this.#width || 800;  // the observer's: reading clientWidth here would lay out every block
      for (const node of nodes) {
        node.style.setProperty(kEstimate, `auto ${this.#estimate(node, width)}px`);
        node.setAttribute('data-far', '');
        this.#unmeasured.add(node);
      }
    } else {
      for (const node of nodes) {
        this.#seen.delete(node);  // a block patched in place (preview.js's morph): its old size is stale
        this.#shown?.add(node);
      }
    }
    this.schedule();
  }

  /** Updates which blocks are far in the next frame (after a render, a scroll or a resize). */
  schedule() {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.#update();
    });
  }

  #update() {
    if (!this.#isLaidOut()) {
      this.schedule();
      return;
    }
    for (const node of this.#shownInFrame) this.#remember(node);
    this.#shownInFrame = [];
    const blocks = this.#content.children;
    if (blocks.length < kMinBlocks) {
      this.#materialize([...blocks]);
      for (const node of this.#content.querySelectorAll(':scope > [data-far]')) this.#show(node);
      this.#unmeasured.clear();
      this.#measuring.clear();
      this.#shown = null;
      this.#done();
      return;
    }
    const view = this.#scroller.getBoundingClientRect();
    const margin = view.height * kMarginScreens;
    const first = firstIndex(blocks, (node) => node.getBoundingClientRect().bottom >= view.top - margin);
    const last = firstIndex(blocks, (node) => node.getBoundingClientRect().top > view.bottom + margin);
    // Blocks shown: those near the view and the chunk being measured; blocks shown before that
    // left the window are hidden once the browser remembers their size (seen), else next frame.
    // Only the blocks shown are visited, not all of a long post's (a short post before it grew
    // long had all of them shown: the first visit covers every block).
    const before = this.#shown ?? blocks;
    const shown = new Set(this.#measuring);
    for (const node of this.#materialize(Array.prototype.slice.call(blocks, first, last))) shown.add(node);
    const hidden = [];
    for (const node of before) {
      if (shown.has(node) || node.parentNode !== this.#content || node.hasAttribute('data-far')) continue;
      if (this.#seen.has(node)) hidden.push(node);
      else shown.add(node);
    }
    hide(hidden);
    for (const node of shown) {
      if (node.hasAttribute('data-far')) this.#show(node);
      this.#shownInFrame.push(node);
    }
    this.#shown = shown;
    if (this.#shownInFrame.some((node) => !this.#seen.has(node))) this.schedule();  // hidden once laid out in a frame
    if (this.#unmeasured.size) this.#measureNext(); else this.#done();
  }

  #show(node) {
    node.removeAttribute('data-far');
    this.#unmeasured.delete(node);
  }

  #remember(node) {
    this.#seen.add(node);
    this.#measuring.delete(node);
    this.#unmeasured.delete(node);
    if (node.style.getPropertyValue(kEstimate)) {
      node.style.removeProperty(kEstimate);
      if (!node.getAttribute('style')) node.removeAttribute('style');
    }
  }

  // Once typing and scrolling have paused, shows the next chunk of never laid out blocks: this
  // frame lays them out and remembers their size, and the next update() hides them again while
  // it shows the chunk after. Chunks are sized so a frame takes about kFrameBudgetMs.
  #measureNext() {
    this.#content.setAttribute('data-measuring', '');
    const now = performance.now();
    const quietFor = kQuietMs - (now - this.#lastActivity);
    if (quietFor > 0) {
      clearTimeout(this.#quietTimer);
      this.#quietTimer = setTimeout(() => this.schedule(), quietFor);
      this.#lastMeasure = 0;
      return;
    }
    if (this.#lastMeasure) {
      const frameMs = now - this.#lastMeasure;
      // A frame has a fixed cost too (a 1 MB post's ~3,600 boxes: ~30 ms), so the chunk grows and
      // shrinks by steps rather than in proportion.
      this.#chunk = Math.max(64, Math.min(1024, Math.round(this.#chunk * (frameMs < kFrameBudgetMs ? 1.5 : 0.75))));
    }
    this.#lastMeasure = now;
    const chunk = [];
    for (const node of this.#unmeasured) {
      this.#unmeasured.delete(node);
      if (node.parentNode !== this.#content) continue;  // replaced since
      chunk.push(node);
      if (this.#measuring.size + chunk.length >= this.#chunk) break;
    }
    for (const node of this.#materialize(chunk)) {
      this.#measuring.add(node);
      node.removeAttribute('data-far');
      this.#shownInFrame.push(node);
      this.#shown?.add(node);
    }
    this.schedule();
  }

  // The real block nodes for `nodes`, placeholders replaced (see the constructor). A block
  // parsed now has never been laid out: it is shown this frame, so it needs no estimate.
  #materialize(nodes) {
    const real = this.#patcher?.()?.materialize(nodes) ?? nodes;
    for (let i = 0; i < nodes.length; i++) if (real[i] !== nodes[i]) this.#unmeasured.delete(nodes[i]);
    return real;
  }

  #estimate(node, width) {
    const html = this.#patcher?.()?.pendingHtml(node);
    return html === null || html === undefined ? estimateHeight(node, width) : estimateFromHtml(html, width);
  }

  #done() {
    if (this.#content.hasAttribute('data-measuring')) this.#content.removeAttribute('data-measuring');
  }
}

// Hides blocks that were laid out. Skipped content keeps the boxes it had, and every later
// layout of the preview paid for them: in a 1 MB post, one changed block cost ~12 ms of layout
// against ~2 ms once they were gone (the browser rebuilt them for nothing). So each block loses
// its box for one style update (display: none, editor.css), which drops its content's boxes,
// then is skipped as usual; the size it is skipped at is remembered on the element, not the box.
function hide(nodes) {
  if (!nodes.length) return;
  for (const node of nodes) node.setAttribute('data-far', 'drop');
  void getComputedStyle(nodes[0]).display;  // the style update (no layout)
  for (const node of nodes) node.setAttribute('data-far', '');
}

// A guess at a block's height before it is laid out: its text at ~8 px a character (CJK is
// wider, code narrower) in lines of 1.75 em, plus a paragraph's margin; images and tables are
// rough. Only where positions past the view are shown in the first second it matters.
function estimateHeight(node, width) {
  return estimate(node.textContent.length, node.querySelectorAll('img, .katex-display, svg').length, width);
}

// The same guess for a placeholder, from its HTML: tags and attributes are about a third of it.
function estimateFromHtml(html, width) {
  return estimate(html.length * 0.65, html.split('<img').length - 1, width);
}

function estimate(chars, media, width) {
  const lines = Math.max(1, Math.ceil((chars * 8) / width));
  return Math.round(lines * 28 + 16 + media * 200);
}

// The first index whose block satisfies `test` (false for every block before it, true after).
function firstIndex(blocks, test) {
  let lo = 0;
  let hi = blocks.length;
  while (lo < hi) {
    const mid = (lo + hi) >> 1;
    if (test(blocks[mid])) hi = mid; else lo = mid + 1;
  }
  return lo;
}
