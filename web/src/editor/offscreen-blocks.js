// A long preview lays out and paints only the blocks near what is shown. In a 1 MB post a
// keystroke cost 8–60 ms of layout, plus as much prepaint and paint, over ~90,000 layout objects
// however small the change (bench/keystroke-profile.mjs). Blocks more than a screen and a half
// away from the visible part are folded: each run of them is one skipped box as tall as the run
// (folded-runs.js), so what is below them, and scroll sync (rectOf()), stay in place. Blocks
// near the view are laid out as usual, so what the reader sees is unchanged. Short posts are
// left alone: they gain nothing.
//
// Opening a long post: laying out all its blocks once took seconds (a 1 MB post: ~3,600 blocks,
// 2–4 s of layout and style). So the blocks of a new document are skipped before anything lays
// them out, at a size estimated from their text (`data-far=""`), and folded in the next frame,
// those near the view shown; the others are measured a chunk at a time once typing pauses
// (shown for one frame, then folded at their real size). Until then the container has
// `data-measuring` and positions past the view are estimates (scroll anchoring keeps what is on
// screen still as they become real).
// Blocks of a post this long: the patcher also leaves the ones far from the view as
// placeholders until this module asks for them (preview.js's deferFrom, materialize()).
import { FoldedRuns } from './folded-runs.js';

export const kMinBlocks = 300;
const kMarginScreens = 1.5;
// A block shown is folded only once it is this far from the view: typing at the end of a post
// moves the view by a line now and then, and a block on the edge was folded and shown again
// every few keys (a style update, a layout and the run's size written each time).
const kKeepScreens = 2.5;
const kManyNew = 50;            // more new blocks than this in one render: a new document
const kFrameBudgetMs = 150;     // a frame that measures a chunk may take this long: the user is not typing
const kQuietMs = 500;           // measuring waits for this long without typing or scrolling
const kEstimate = 'contain-intrinsic-size';
const kAnchoringMs = 100;       // scroll events this soon after a chunk was shown are the browser's

export class OffscreenBlocks {
  #scroller;
  #content;
  #isLaidOut;
  #patcher;
  #runs = new FoldedRuns();
  #frame = 0;
  #quietTimer = 0;
  #lastMeasure = 0;              // when the last chunk was shown (0: none in the frame before)
  #width = 0;
  // Nodes laid out in a frame since they last changed: their size is real, they may be folded.
  #seen = new WeakSet();
  #shownInFrame = [];           // the nodes shown when the last update ended (rendered in its frame)
  #shown = null;                // the blocks not folded (a Set), null: all of them (a short post)
  #loose = new Set();           // a new document's blocks, skipped at an estimated size until folded
  #unmeasured = new Set();      // their size is an estimate: never laid out (or at another width)
  #measuring = new Set();       // shown for one frame to learn their size
  #chunk = 64;
  #lastActivity = 0;            // the last render or scroll (performance.now())
  #measuredUntil = 0;           // scroll events before this follow a measured chunk (performance.now(); Infinity: until the next update)

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
    content.addEventListener('draftmark:rendered', (event) => this.#added(event.detail));
    content.addEventListener('draftmark:materialized', (event) => this.#replaced(event.detail.replaced));
    // A same-page link's target (page-controls.js) must have a box to be scrolled to.
    content.addEventListener('draftmark:reveal', (event) => this.#reveal(event.detail));
    scroller.addEventListener('scroll', () => {
      // Not the browser's scroll anchoring after a measured chunk changed sizes above the view:
      // counted as the user's scrolling, it held each next chunk for kQuietMs (a 1 MB post read
      // at its end took 30 s to measure instead of 5).
      if (performance.now() > this.#measuredUntil) this.#lastActivity = performance.now();
      this.schedule();
    }, { passive: true });
    // Sizes are for the old width: every folded block is measured again (keeping its old size
    // as the estimate meanwhile).
    new ResizeObserver(() => {
      if (content.clientWidth === this.#width) return;
      const first = this.#width === 0;
      this.#width = content.clientWidth;
      if (first) return;
      this.#seen = new WeakSet();
      for (const node of this.#runs.nodes()) this.#unmeasured.add(node);
      for (const node of this.#loose) this.#unmeasured.add(node);
      this.schedule();
    }).observe(content);
  }

  /**
   * Where a block is ({top, bottom}, viewport coordinates), folded or not (scroll sync reads
   * blocks through this: a folded block has no box).
   */
  rectOf(node) {
    return this.#runs.has(node) ? this.#runs.rectOf(node) : node.getBoundingClientRect();
  }

  // After a render put its blocks in the container (the patcher's draftmark:rendered, before
  // anything reads layout): a long document's many new blocks are skipped at an estimated size
  // (see the file comment); a few (an edit) are laid out as usual, and folded once seen if far.
  // Runs lose the blocks the patcher removed, and are split where it inserted or changed one.
  // (Only the blocks it names are visited: reading parentNode of a 1 MB post's 3,600 blocks
  // cost a millisecond per keystroke.)
  #added({ added: nodes, removed, kept }) {
    this.#lastActivity = performance.now();
    this.#runs.begin();
    if (kept === 0) {
      this.#runs.forget();  // a new patcher emptied the container (preview-pane.js reset())
      this.#loose.clear();
    }
    // A far block that changed stays folded, at the size it had until it is measured again
    // (once typing pauses): unfolding and folding it again cost a ~30 ms frame (Chirpy's header
    // changes with the word count, at every few keys typed at the end of a long post).
    const changed = new Set(this.#runs.substitute(removed, nodes));
    this.#runs.remove(removed);
    for (const node of removed) this.#loose.delete(node);
    for (const node of nodes) if (this.#runs.has(node)) changed.add(node);
    for (const node of changed) this.#unmeasured.add(node);
    // (The patcher's count: the container's children.length after a change walks them all.)
    if (kept + nodes.length >= kMinBlocks && nodes.length > kManyNew) {
      const width = this.#width || 800;  // the observer's: reading clientWidth here would lay out every block
      for (const node of nodes) {
        if (changed.has(node)) continue;
        node.style.setProperty(kEstimate, `auto ${this.#estimate(node, width)}px`);
        node.setAttribute('data-far', '');
        this.#loose.add(node);
        this.#unmeasured.add(node);
      }
    } else {
      const shown = nodes.filter((node) => !changed.has(node));
      for (const node of shown) {
        this.#seen.delete(node);  // a block patched in place (preview.js's morph): its old size is stale
        this.#shown?.add(node);
      }
      this.#splitAround(shown);
    }
    this.#runs.commit();
    this.schedule();
  }

  // Blocks inserted inside a run (before a block of it other than its head) would be laid out
  // after the whole run: the run is split there (its first part ends before the new blocks).
  #splitAround(nodes) {
    const after = [];
    for (const node of nodes) {
      const next = node.nextElementSibling;
      if (next && this.#runs.has(next) && !this.#runs.isHead(next)) after.push(next);
    }
    if (!after.length) return;
    // The block after the new one leaves its run and is shown (measured, then folded again).
    this.#runs.remove(after);
    for (const node of after) {
      this.#seen.delete(node);
      this.#shown?.add(node);
    }
  }

  #replaced(pairs) {
    this.#runs.replace(pairs);
    for (const [old, real] of pairs) {
      if (this.#unmeasured.delete(old)) this.#unmeasured.add(real);
      if (this.#loose.delete(old)) this.#loose.add(real);
      if (this.#shown?.delete(old)) this.#shown.add(real);
      if (this.#measuring.delete(old)) this.#measuring.add(real);
    }
    this.#runs.commit();
  }

  #reveal(element) {
    let block = element;
    while (block && block.parentNode !== this.#content) block = block.parentNode;
    if (!block) return;
    this.#runs.begin();
    this.#runs.remove([block]);
    this.#runs.commit();
    this.#show(block);
    this.#shown?.add(block);
    this.schedule();
  }

  /** Updates which blocks are far in the next frame (after a render, a scroll or a resize). */
  schedule() {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.#update();
    });
  }

  // Shows the blocks near the view (and a chunk being measured); blocks shown before that left
  // the window are folded once the browser laid them out (seen), else next frame. Only the
  // blocks shown are visited, not all of a long post's. Every position is read before anything
  // is written (one layout).
  #update() {
    if (!this.#isLaidOut()) {
      this.schedule();
      return;
    }
    if (this.#measuredUntil === Infinity) this.#measuredUntil = performance.now() + kAnchoringMs;
    for (const node of this.#shownInFrame) this.#remember(node);
    this.#shownInFrame = [];
    // The patcher's list of its nodes: indexing the container's live children after a change
    // walks them from the start.
    const blocks = this.#patcher?.()?.nodes ?? [...this.#content.children];
    if (blocks.length < kMinBlocks) {
      this.#showAll();
      return;
    }
    const view = this.#scroller.getBoundingClientRect();
    const margin = view.height * kMarginScreens;
    const keep = view.height * kKeepScreens;
    const first = firstIndex(blocks, (node) => this.rectOf(node).bottom >= view.top - margin);
    const last = firstIndex(blocks, (node) => this.rectOf(node).top > view.bottom + margin);
    const shown = new Set(this.#measuring);
    for (let i = first; i < last; i++) shown.add(blocks[i]);
    const chunk = this.#nextChunk();
    for (const node of chunk) shown.add(node);
    // Its layout (and scroll anchoring) ends this frame, whose scroll events come at the start
    // of the next; the next update() gives those of its own refolding kAnchoringMs more.
    if (chunk.length) this.#measuredUntil = Infinity;
    // A short post before it grew long had all of its blocks shown: the first visit covers all.
    const before = this.#shown ?? blocks;
    const folding = [];
    for (const node of before) {
      if (shown.has(node) || node.parentNode !== this.#content || this.#runs.has(node) || this.#loose.has(node)) continue;
      if (this.#seen.has(node) && isFar(node.getBoundingClientRect(), view, keep)) folding.push(node);
      else shown.add(node);
    }
    for (const node of this.#loose) if (!shown.has(node)) folding.push(node);
    const items = inDocumentOrder(folding, blocks).map((node) => {
      const rect = node.getBoundingClientRect();
      return { node, top: rect.top, height: rect.height, mb: Number.parseFloat(getComputedStyle(node).marginBottom) || 0 };
    });
    this.#runs.begin();
    this.#runs.remove([...shown], { measured: true });
    this.#runs.add(items);
    this.#runs.commit();
    for (const { node } of items) this.#fold(node);
    const real = this.#materialize([...shown]);
    for (const node of real) {
      this.#show(node);
      this.#shownInFrame.push(node);
    }
    this.#shown = new Set(real);
    if (this.#shownInFrame.some((node) => !this.#seen.has(node))) this.schedule();  // folded once laid out in a frame
    if (this.#unmeasured.size) this.#waitToMeasure(); else this.#done();
  }

  #showAll() {
    this.#runs.begin();
    const nodes = this.#runs.clear();
    this.#runs.commit();
    this.#materialize([...this.#content.children]);
    for (const node of [...this.#loose, ...nodes]) this.#show(node);
    this.#loose.clear();
    this.#unmeasured.clear();
    this.#measuring.clear();
    this.#shown = null;
    this.#done();
  }

  // A block now in a run: its estimate lives there (as the run's geometry).
  #fold(node) {
    if (this.#loose.delete(node)) this.#dropEstimate(node);
  }

  #show(node) {
    if (this.#loose.delete(node)) {
      node.removeAttribute('data-far');
      this.#dropEstimate(node);
    }
  }

  #remember(node) {
    this.#seen.add(node);
    this.#measuring.delete(node);
    this.#unmeasured.delete(node);
  }

  #dropEstimate(node) {
    if (node.style.getPropertyValue(kEstimate)) {
      node.style.removeProperty(kEstimate);
      if (!node.getAttribute('style')) node.removeAttribute('style');
    }
  }

  // Once typing and scrolling have paused, the next chunk of never laid out blocks: shown in
  // this frame, which lays them out; the next update() folds them again at their real size
  // while it shows the chunk after. Chunks are sized so a frame takes about kFrameBudgetMs.
  #nextChunk() {
    if (!this.#unmeasured.size) return [];
    const now = performance.now();
    if (kQuietMs - (now - this.#lastActivity) > 0) return [];
    if (this.#lastMeasure) {
      const frameMs = now - this.#lastMeasure;
      // A frame has a fixed cost too, so the chunk grows and shrinks by steps rather than in proportion.
      this.#chunk = Math.max(64, Math.min(1024, Math.round(this.#chunk * (frameMs < kFrameBudgetMs ? 1.5 : 0.75))));
    }
    this.#lastMeasure = now;
    const chunk = [];
    for (const node of this.#unmeasured) {
      this.#unmeasured.delete(node);
      if (node.parentNode !== this.#content) continue;  // replaced since
      chunk.push(node);
      this.#measuring.add(node);
      if (this.#measuring.size >= this.#chunk) break;
    }
    return chunk;
  }

  // Blocks of unknown size are left: measured in chunks once typing and scrolling pause.
  #waitToMeasure() {
    this.#content.setAttribute('data-measuring', '');
    const quietFor = kQuietMs - (performance.now() - this.#lastActivity);
    if (quietFor > 0) {
      clearTimeout(this.#quietTimer);
      this.#quietTimer = setTimeout(() => this.schedule(), quietFor);
      this.#lastMeasure = 0;
      return;
    }
    this.schedule();
  }

  // The real block nodes for `nodes`, placeholders replaced (see the constructor). A block
  // parsed now has never been laid out: it is shown this frame and measured.
  #materialize(nodes) {
    return this.#patcher?.()?.materialize(nodes) ?? nodes;
  }

  #estimate(node, width) {
    const html = this.#patcher?.()?.pendingHtml(node);
    return html === null || html === undefined ? estimateHeight(node, width) : estimateFromHtml(html, width);
  }

  #done() {
    if (this.#content.hasAttribute('data-measuring')) this.#content.removeAttribute('data-measuring');
  }
}

function isFar(rect, view, margin) {
  return rect.bottom < view.top - margin || rect.top > view.bottom + margin;
}

// `nodes` (children of the container of `blocks`) in the order of the page. One pass over the
// blocks: comparing the positions of siblings walks between them.
function inDocumentOrder(nodes, blocks) {
  if (nodes.length < 2) return nodes;
  const wanted = new Set(nodes);
  const ordered = [];
  for (const node of blocks) if (wanted.has(node)) ordered.push(node);
  return ordered;
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
