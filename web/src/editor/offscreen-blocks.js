// A long preview lays out and paints only the blocks near what is shown. In a 1 MB post a
// keystroke cost 8–60 ms of layout, plus as much prepaint and paint, over ~90,000 layout objects
// however small the change (bench/keystroke-profile.mjs). Blocks more than a screen and a half
// away from the visible part get `data-far`, styled `content-visibility: hidden` (editor.css):
// the browser skips their layout and paint and keeps the size they had when last laid out
// (`contain-intrinsic-size: auto`), so what is below them, and scroll sync, stay in place.
// Blocks near the view are laid out as usual, so what the reader sees is unchanged. Short posts
// are left alone: they gain nothing.
const kMinBlocks = 300;
const kMarginScreens = 1.5;

export class OffscreenBlocks {
  #scroller;
  #content;
  #isLaidOut;
  #frame = 0;
  #width = 0;
  // Nodes that were on the page in an earlier frame: their size has been remembered, so they
  // may be hidden. A node hidden before its first frame would shrink to the fallback height.
  #seen = new WeakSet();

  /**
   * `scroller`: the preview's scrolling element; `content`: the block container (#preview);
   * `isLaidOut()`: true once the first preview has been laid out in full (main.js).
   */
  constructor({ scroller, content, isLaidOut }) {
    this.#scroller = scroller;
    this.#content = content;
    this.#isLaidOut = isLaidOut;
    scroller.addEventListener('scroll', () => this.schedule(), { passive: true });
    // Remembered sizes are for the old width: lay everything out again, then hide again.
    new ResizeObserver(() => {
      if (content.clientWidth === this.#width) return;
      this.#width = content.clientWidth;
      this.#showAll();
      this.#seen = new WeakSet();
      this.schedule();
    }).observe(content);
  }

  /** Updates which blocks are far in the next frame (after a render, a scroll or a resize). */
  schedule() {
    this.#frame ||= requestAnimationFrame(() => {
      this.#frame = 0;
      this.#update();
    });
  }

  #showAll() {
    for (const node of this.#content.querySelectorAll(':scope > [data-far]')) node.removeAttribute('data-far');
  }

  #update() {
    const blocks = this.#content.children;
    if (blocks.length < kMinBlocks || !this.#isLaidOut()) {
      this.#showAll();
      return;
    }
    const view = this.#scroller.getBoundingClientRect();
    const margin = view.height * kMarginScreens;
    const first = firstIndex(blocks, (node) => node.getBoundingClientRect().bottom >= view.top - margin);
    const last = firstIndex(blocks, (node) => node.getBoundingClientRect().top > view.bottom + margin);
    let unseen = false;
    for (let i = 0; i < blocks.length; i++) {
      const node = blocks[i];
      const far = i < first || i >= last;
      if (!far) {
        if (node.hasAttribute('data-far')) node.removeAttribute('data-far');
      } else if (!node.hasAttribute('data-far')) {
        if (this.#seen.has(node)) node.setAttribute('data-far', '');
        else unseen = true;
      }
      this.#seen.add(node);
    }
    if (unseen) this.schedule();  // hidden once laid out in a frame
  }
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
