// What decides when the preview renders. At most one render per animation frame, and the first
// change of a frame renders at once (in a microtask, after CodeMirror's update): waiting for the
// next frame would add a frame to every keystroke. Changes arriving while a frame already
// rendered are coalesced into one render at the start of the next frame; the last input wins.
// A document whose render is slow renders once typing pauses instead (slowRenderMs).
// A version is rendered at most once: asking again for a version already tried (whenRendered()
// after the change that scheduled it, a frame ending with nothing new) runs nothing, and a
// failed render is retried by the next change, not by the same text again.

// Longer than a slow frame (a 1 MB post paints in ~100-150 ms), so rAF paces renders whenever
// the page draws at all.
const kFrameFallbackMs = 250;
// A whole render this many times slowRenderMs makes the keystrokes after it wait (see #keyCost).
const kCertainlySlow = 4;

export class RenderScheduler {
  // A document whose render costs more than this (about 2.5 MB of Markdown) would make every
  // keystroke wait for it: it renders once typing pauses instead. Measured: 60 ms per MB in
  // wasm, 20 MB ~1.3 s; a Web Worker was not used because the offline file's CSP (script-src
  // without blob:) and file:// forbid one. Tests lower it (window.draftmark.slowRenderMs).
  slowRenderMs = 150;
  docVersion = 0;        // bumps on every text change
  renderedVersion = -1;  // the version the preview shows
  triedVersion = -1;     // the version the last render ran for (it may have failed)
  renders = 0;           // renders run (tests count them)
  timings = null;        // the last render's cost: {renderMs, patchMs, bytes, incremental, edit}
  #render;
  #onStale;
  #started = false;      // render() needs init() to have finished
  #frame = null;         // {raf, timer} while this frame has rendered
  #pending = false;      // a change came after this frame's render
  #pauseTimer = null;    // pending render of a slow document, waiting for a typing pause
  #waiters = [];         // promises of whenRendered(): {version, resolve}
  // What a keystroke's render is judged by: the last render made for an edit (the core renders
  // only around it). A whole render (a document opened or replaced) counts only when it is slow
  // beyond doubt (kCertainlySlow): its time holds one-off costs — a session's first render of a
  // 1 MB post took 220 ms, the next ones 60 ms, its keystrokes 2 ms — and taking it for the
  // keystroke cost left the preview waiting for typing pauses right after a post was opened.
  #keyCost = 0;

  /**
   * `render()`: renders the text now; returns its timings, or null when the render failed
   * (the preview keeps what it shows). `onStale()`: the preview waits for a typing pause.
   */
  constructor({ render, onStale }) {
    this.#render = render;
    this.#onStale = onStale;
  }

  /** The text changed: a new version, rendered by the rule above. */
  changed() {
    this.docVersion++;
    this.schedule();
  }

  schedule() {
    // The render's cost grows with the document and is paid on every keystroke; the patch's
    // is large only when most blocks changed (a new document), so it does not count here.
    if (this.#keyCost >= this.slowRenderMs) {
      clearTimeout(this.#pauseTimer);
      this.#onStale();
      this.#pauseTimer = setTimeout(() => { this.#pauseTimer = null; this.renderNow(); }, Math.min(1000, Math.max(200, this.#keyCost)));
      return;
    }
    if (this.#frame !== null) { this.#pending = true; return; }
    const end = () => this.#endFrame();
    this.#frame = { raf: requestAnimationFrame(end), timer: setTimeout(end, kFrameFallbackMs) };
    queueMicrotask(() => this.renderNow());
  }

  // Ends the frame that rendered, by rAF or by a timer. The timer is for pages that draw no
  // frames (a background tab, a busy compositor): with rAF alone, a change made there while a
  // frame is open would wait for a frame that may never come, and the preview would stay stale.
  #endFrame() {
    if (this.#frame === null) return;
    cancelAnimationFrame(this.#frame.raf);
    clearTimeout(this.#frame.timer);
    this.#frame = null;
    if (this.#pending) {
      this.#pending = false;
      if (this.triedVersion !== this.docVersion) this.schedule();
    }
  }

  /** Renders the current version now (nothing before start()). */
  renderNow() {
    if (!this.#started) return;
    const version = this.docVersion;
    if (version === this.triedVersion) return;
    this.triedVersion = version;
    this.renders++;
    const timings = this.#render();
    if (!timings) return;
    this.renderedVersion = version;
    this.timings = timings;
    const certain = timings.renderMs >= kCertainlySlow * this.slowRenderMs;
    this.#keyCost = timings.edit || certain ? timings.renderMs : 0;
    for (let i = this.#waiters.length - 1; i >= 0; i--) {
      if (this.#waiters[i].version <= version) this.#waiters.splice(i, 1)[0].resolve();
    }
  }

  /** The wasm module is ready: renders from now on, and once at once. */
  start() {
    this.#started = true;
    this.renderNow();
  }

  /** The preview must be drawn again for the same text (it was emptied: mode or site changed). */
  invalidate() {
    this.triedVersion = -1;
    this.renderedVersion = -1;
    this.schedule();
  }

  /**
   * Resolves once the preview shows the current version. Asks for a render only when none ran
   * or is coming for it (a failed one waits for the next change).
   */
  whenRendered() {
    const version = this.docVersion;
    if (this.renderedVersion >= version) return Promise.resolve();
    return new Promise((resolve) => {
      this.#waiters.push({ version, resolve });
      if (this.triedVersion !== version && this.#frame === null && this.#pauseTimer === null) this.schedule();
    });
  }

  /** Like whenRendered(), but a failed render of this version is tried again (Save, Export). */
  flush() {
    if (this.renderedVersion < this.docVersion && this.triedVersion === this.docVersion
      && this.#frame === null && this.#pauseTimer === null) this.triedVersion = -1;
    return this.whenRendered();
  }
}
