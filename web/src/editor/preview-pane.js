// The preview pane: one render of the editor's text with the wasm module, patched into
// #preview, its problems listed under it and marked in the gutter. RenderScheduler decides when.
import { decorateCodeBoxes, enableCopyButtons } from '../lib/code-box.js';
import { DraftmarkError, renderEditForPatch, renderForPatch } from '../lib/draftmark.js';
import { highlightCodeBlocks } from '../lib/highlight.js';
import { enableImageZoom } from '../lib/image-zoom.js';
import * as mathEngine from '../lib/math.js';
import { PreviewPatcher } from '../lib/preview.js';
import { postLanguage } from '../lib/post-language.js';
import { DocumentText, EditTracker } from './edit-tracker.js';
import { ImageResolver } from './images.js';
import { postTitle } from './post-title.js';
import { kMinBlocks } from './offscreen-blocks.js';

export class PreviewPane {
  editor = null;       // set once the editor is built
  imageFolder = null;  // a directory handle site-absolute images load from, or null
  siteBaseurl = '';    // the open site's `baseurl`, stripped from image paths looked up in the folder
  storedImages = null; // images kept with the draft in IndexedDB ({has, url}: SiteImages.stored)
  lastResult = null;
  lastOptions = null;  // the options of the last render (tests render the same text whole to compare)
  /** `() => site settings` for render()'s `site` option (the open site folder's), or undefined. */
  siteSettings = () => undefined;
  #element;
  #settings;
  #notices;
  #diagnostics;
  #patcher = null;
  #images = null;
  #problemsKey = '';
  #problems = [];  // the last render's diagnostics and math problems (diagram problems come later)
  #edits = new EditTracker();  // the editor's changes since the last render
  #firstPreview;  // the offline file's first preview (first-preview.js), until taken over

  /** `firstPreview`: what the offline file's first stage shows in `element`, or null. */
  constructor({ element, settings, notices, diagnostics, firstPreview = null }) {
    this.#element = element;
    this.#firstPreview = firstPreview;
    this.#settings = settings;
    this.#notices = notices;
    this.#diagnostics = diagnostics;
    element.addEventListener('draftmark:diagrams', () => this.#showProblems());
    enableCopyButtons(element);
    enableImageZoom(element);
  }

  /** The diagrams' patcher, for tests and the theme switch. */
  get patcher() {
    return this.#patcher;
  }

  /** An editor update that changed the text (main.js forwards every one). */
  textChanged(update) {
    this.#edits.changed(update);
  }

  /** Starts over with an empty preview (the mode, site URL or image folder changed). */
  reset() {
    this.#edits.reset();
    this.#images?.dispose();
    const images = new ImageResolver({ siteUrl: this.#settings.values.siteUrl ?? '', folder: this.imageFolder, baseurl: this.siteBaseurl,
      stored: this.storedImages });
    this.#images = images;
    this.#patcher = new PreviewPatcher(this.#element, {
      unsafe: false,
      deferFrom: kMinBlocks,  // OffscreenBlocks asks for the placeholders it shows
      math: { engine: mathEngine },
      theme: () => (document.documentElement.dataset.theme === 'dark' ? 'dark' : 'light'),
      prepare: (node) => {
        images.prepare(node);
        if (this.lastResult?.mode === 'jekyll') decorateCodeBoxes(node);  // before highlighting: it decides line numbers
        highlightCodeBlocks(node);
      },
    });
    // The first reset takes the first preview over: its blocks stay (no flash, no second parse).
    if (this.#firstPreview?.patcher) {
      this.#patcher.adopt(this.#firstPreview.patcher, this.#firstPreview.finished);
      this.#firstPreview.patcher = null;
    } else {
      this.#firstPreview = null;
      this.#element.replaceChildren();
    }
  }

  /** Marks the preview as behind the text (it dims). */
  markStale() {
    this.#element.dataset.stale = 'true';
  }

  /**
   * Renders the text now. Returns {renderMs (wasm + decode), patchMs (DOM + math), bytes,
   * incremental (the core rendered only around the edit), edit (rendered for an edit)}, or null if it failed.
   */
  render() {
    const started = performance.now();
    const { doc } = this.editor.view.state;
    const text = new DocumentText(doc);
    let result;
    let site;
    let edit = null;
    try {
      site = this.siteSettings();
      const options = { mode: this.#settings.values.mode ?? 'auto', site, wordCount: true };
      // Only the blocks around the edit are rendered again when the core can do it exactly.
      edit = this.#edits.edit(doc);
      this.lastOptions = options;
      const first = edit ? null : this.#firstResult(text, options);
      result = edit ? renderEditForPatch(text, edit.change, options, edit.previous, this.lastResult?.blocks)
        : first ?? renderForPatch(text, options);
      // The first stage rendered the string: the next edit applies to it (the module holds it).
      this.#edits.rendered(doc, first ? String(text) : text);
    } catch (error) {
      this.#edits.reset();
      // A trap leaves the module to be re-instantiated by the next render(); the text is untouched.
      const message = error instanceof DraftmarkError ? error.message : String(error);
      this.#notices.show('renderer', { level: 'error', message: `The preview failed (${message}). Your text is safe; the preview retries on your next change.` });
      console.warn(error);
      return null;
    }
    this.#notices.hide('renderer');
    delete this.#element.dataset.stale;
    const lang = postLanguage(result, site?.lang);
    if (lang) this.#element.lang = lang; else this.#element.removeAttribute('lang');
    this.lastResult = result;
    const rendered = performance.now();
    const mathProblems = this.#patcher.update(result);
    this.#problems = [...result.diagnostics, ...mathProblems];
    this.#showProblems();
    const timings = { renderMs: rendered - started, patchMs: performance.now() - rendered, bytes: text.length,
      incremental: Boolean(result.incremental), edit: Boolean(edit) };
    document.title = `${this.title() || 'Untitled'} — Draftmark`;
    this.onRendered?.();
    return timings;
  }

  // The first preview's render result when it rendered `text` with `options` (once).
  #firstResult(text, options) {
    const first = this.#firstPreview;
    this.#firstPreview = null;
    const same = first && first.text === String(text) && JSON.stringify(first.options) === JSON.stringify(options);
    return same ? first.result : null;
  }

  #showProblems() {
    const problems = [...this.#problems, ...(this.#patcher?.diagramProblems ?? [])];
    this.#diagnostics.show(problems);
    const problemsKey = JSON.stringify(problems.map((p) => [p.line, p.column, p.severity, p.message]));
    if (problemsKey !== this.#problemsKey) {
      // CodeMirror maps shown markers through edits itself; re-sending them every keystroke
      // would cost a transaction and a gutter redraw per key.
      this.#problemsKey = problemsKey;
      this.editor?.setDiagnostics(problems);
    }
  }

  /** The rendered post's HTML without the post header (what Chirpy's read time counts), or null. */
  bodyHtml() {
    const blocks = this.lastResult?.blocks;
    if (!blocks) return null;
    return blocks.map((b) => b.html).filter((html) => !/^<(?:header|footer) [^>]*class="post-/.test(html)).join('\n');
  }

  /** The rendered post's words as Chirpy's read time counts them (the core counts), or null before the first render. */
  words() {
    return this.lastResult?.words ?? null;
  }

  /** The post's title: front matter `title`, else the first `# heading`, else '' (post-title.js). */
  title() {
    return postTitle(this.lastResult?.frontMatter, this.editor.view.state.doc);
  }
}
