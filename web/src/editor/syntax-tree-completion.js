// Carries an unfinished syntax tree on to the end of what CodeMirror parses ahead, in short slices.
//
// CodeMirror parses past the view only in idle callbacks, and a long post's first seconds (the
// preview measuring its blocks) leave few. And a parse that a change interrupts is lost: the
// Markdown parser is a mixed one (code blocks in their languages), which reports no progress
// until its whole range is parsed, so the next context restarts from the last tree that was
// finished. While keys kept coming, a 1 MB post's tree never reached its end: every key there
// re-ran a 20 ms parse plus ~40 ms of catch-up that the next key threw away (main thread ~190 ms
// a key in bench/keystroke-profile.mjs, ~70 ms once the tree was done). So the tree is extended a
// short range at a time — each range parsed to its end, a finished tree that later parses reuse —
// in slices that take turns with frames and keys.
import { ensureSyntaxTree, Language, syntaxTreeAvailable } from '@codemirror/language';
import { ViewPlugin } from '@codemirror/view';

const kSliceMs = 20;
const kRange = 16_384;        // new characters per range: a few ms of parsing
const kParseAhead = 100_000;  // CodeMirror's own look-ahead past the view (Work.MaxParseAhead)

/**
 * Parses `state`'s document towards `upto` for about `ms` milliseconds, a range at a time, so
 * that what it parsed stays parsed if a change comes next. True when the tree reaches `upto`.
 */
export function parseSlice(state, upto, ms = kSliceMs) {
  const context = state.field(Language.state, false)?.context;
  if (!context) return true;
  const end = performance.now() + ms;
  while (!context.isDone(upto)) {
    if (performance.now() >= end) return false;
    // Each range is parsed to its end whatever it takes (a parse cut short keeps nothing): the
    // earlier trees' pieces are reused up to where they end, so a range costs a walk over them
    // and at most kRange characters of new parsing.
    const reused = context.fragments.reduce((far, fragment) => Math.max(far, fragment.to), context.treeLen);
    ensureSyntaxTree(state, Math.min(upto, reused + kRange), 1e9);
  }
  return true;
}

/**
 * The view plugin: an unfinished tree is carried on in slices until it reaches the look-ahead,
 * then, in idle time, to the end of the document — so that a jump to the end of a long post
 * (Ctrl+End, the outline, a search) finds it parsed instead of parsing while the keys come.
 */
export const completeSyntaxTree = ViewPlugin.fromClass(class {
  #timer = 0;
  #idle = 0;

  constructor(view) {
    this.view = view;
    this.#schedule();
  }

  update(update) {
    if (update.docChanged || update.viewportChanged) this.#schedule();
  }

  #target() {
    return Math.min(this.view.state.doc.length, this.view.viewport.to + kParseAhead);
  }

  #schedule() {
    if (this.#timer) return;
    const { state } = this.view;
    if (!syntaxTreeAvailable(state, this.#target())) {
      this.#cancelIdle();
      this.#timer = setTimeout(() => {
        this.#timer = 0;
        const { view } = this;
        if (parseSlice(view.state, this.#target())) view.dispatch({});  // the finished tree reaches the view
        this.#schedule();  // on, or on past the look-ahead
      }, 0);
    } else if (!this.#idle && !syntaxTreeAvailable(state, state.doc.length)) {
      this.#idle = whenIdle((ms) => {
        this.#idle = 0;
        // Past the view nothing is drawn from the tree: no update needed when it is done.
        if (!parseSlice(this.view.state, this.view.state.doc.length, ms)) this.#schedule();
      });
    }
  }

  #cancelIdle() {
    if (this.#idle) cancelIdle(this.#idle);
    this.#idle = 0;
  }

  destroy() {
    clearTimeout(this.#timer);
    this.#cancelIdle();
  }
});

// Idle callbacks where the browser has them (not Safari): `run(ms)` gets the idle time left,
// capped so that a key arriving meanwhile waits little; elsewhere a short slice every 50 ms.
// A page never idle for kIdleWaitMs (a long post's blocks measured frame after frame) still
// gets a short slice then: the parse waited for the end of it, or for ever.
const kIdleSliceMs = 8;
const kIdleWaitMs = 1000;
function whenIdle(run) {
  if (typeof requestIdleCallback === 'function') {
    return requestIdleCallback((deadline) => run(deadline.didTimeout ? kIdleSliceMs / 2 : Math.min(kIdleSliceMs, deadline.timeRemaining())),
      { timeout: kIdleWaitMs });
  }
  return setTimeout(() => run(kIdleSliceMs / 2), 50);
}
function cancelIdle(handle) {
  if (typeof cancelIdleCallback === 'function') cancelIdleCallback(handle); else clearTimeout(handle);
}
