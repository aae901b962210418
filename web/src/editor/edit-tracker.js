// What changed in the editor since the preview last rendered, as one replacement, so the core
// re-renders only the blocks around it (renderEditForPatch) instead of the whole post. The
// changes of every transaction in between are composed; a document put in place another way
// (a draft opened with setState) breaks the chain, and the next render is whole.

/**
 * A CodeMirror document as the renderer's lazy text (renderEditForPatch): a keystroke's
 * incremental render reads only a few units around the change, so the 1 MB string of a long
 * post is not built (and collected) on every key; a whole render asks for it once.
 */
export class DocumentText {
  #doc;
  #string = null;

  constructor(doc) {
    this.#doc = doc;
  }

  get length() {
    return this.#doc.length;
  }

  slice(from, to) {
    return this.#doc.sliceString(from, to);
  }

  toString() {
    this.#string ??= this.#doc.toString();
    return this.#string;
  }
}

export class EditTracker {
  #doc = null;       // the rendered document as changed since (CodeMirror Text), or null
  #pending = null;   // ChangeSet from the rendered document to #doc, or null: nothing tracked
  #rendered = null;  // the text of the last render (a string or a DocumentText)

  /** An editor update that changed the document. */
  changed(update) {
    if (this.#doc !== update.startState.doc) {
      this.#doc = null;  // an untracked change came first: render whole
      return;
    }
    this.#pending = this.#pending ? this.#pending.compose(update.changes) : update.changes;
    this.#doc = update.state.doc;
  }

  /**
   * The edit that turns the last rendered text into `doc`: {change: {from, to, insert} (UTF-16,
   * in the old text), previous (that text)}, or null when the render must be whole (nothing
   * tracked, or the whole text replaced).
   */
  edit(doc) {
    if (!this.#pending || this.#doc !== doc || this.#rendered === null) return null;
    // One replacement spanning every changed range: outside it both texts are the same.
    let fromA = Infinity; let toA = -1; let fromB = Infinity; let toB = -1;
    this.#pending.iterChangedRanges((fa, ta, fb, tb) => {
      fromA = Math.min(fromA, fa); toA = Math.max(toA, ta);
      fromB = Math.min(fromB, fb); toB = Math.max(toB, tb);
    });
    // A replaced document (a post opened, setMarkdown) renders whole: it is no edit to judge
    // keystrokes by (RenderScheduler), and the core would render it whole anyway.
    if (toA < 0 || (fromA === 0 && toA === this.#rendered.length)) return null;
    return { change: { from: fromA, to: toA, insert: doc.sliceString(fromB, toB) }, previous: this.#rendered };
  }

  /** The preview now shows `doc`, whose text is `text` (what the renderer was given). */
  rendered(doc, text) {
    this.#doc = doc;
    this.#pending = null;
    this.#rendered = text;
  }

  /** Forgets everything: the next render is whole (after a failure or a reset). */
  reset() {
    this.#doc = null;
    this.#pending = null;
    this.#rendered = null;
  }
}
