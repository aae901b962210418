// <draftmark-preview>: renders Markdown (its own text, or the file at `src`) into a shadow root,
// with the same sanitising, math and block patching as the editor's preview (preview.js).
//
// Shadow DOM keeps the host page's CSS out and ours in. Two things cannot live in a shadow root
// and go to the document instead: KaTeX's fonts (Chromium ignores @font-face in shadow trees),
// registered as FontFace objects from bytes, and nothing else. Styles are a constructed
// stylesheet, which a host page's CSP `style-src` does not block.
import { init, render } from '../lib/draftmark.js';
import { PatchedElement } from '../lib/preview.js';

const MODES = new Set(['auto', 'jekyll', 'gfm', 'commonmark']);
const THEMES = new Set(['light', 'dark', 'auto']);

const SHELL = `
<div class="dm-frame" part="frame">
  <p class="dm-status" part="status" role="status" hidden></p>
  <div class="chirpy-post dm-content" part="content"></div>
</div>`;

let config = null;        // {wasm, css, fonts} given to defineDraftmarkPreview
let ready = null;         // Promise of init(), shared by every element
let sheet = null;         // one constructed stylesheet, adopted by every shadow root
const fontsAdded = new WeakSet();  // documents that have KaTeX's fonts

function startModule() {
  // `wasm` may be a function producing the bytes (the bundle inflates them on first use only).
  ready ??= Promise.resolve(typeof config.wasm === 'function' ? config.wasm() : config.wasm)
    .then((wasm) => init({ wasm }));
  return ready;
}

function addFonts(doc) {
  if (fontsAdded.has(doc) || !config.fonts?.length || typeof FontFace === 'undefined') return;
  fontsAdded.add(doc);
  for (const f of config.fonts) {
    const face = new FontFace(f.family, f.bytes, { weight: f.weight, style: f.style, display: 'block' });
    doc.fonts.add(face);
    face.load().catch((error) => console.warn(`draftmark-preview: font ${f.family} failed`, error));
  }
}

// Markdown written inside the element: a <script type="text/markdown"> child (keeps HTML tags
// as text), else the text. Common indentation is removed, so the content can be indented.
function ownMarkdown(host) {
  const holder = host.querySelector(':scope > script[type="text/markdown"]');
  const text = (holder ?? host).textContent;
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n') + '\n';
}

export class DraftmarkPreviewElement extends HTMLElement {
  static observedAttributes = ['mode', 'theme', 'header', 'src', 'unsafe'];

  #frame; #content; #status;
  #target = null;  // a PatchedElement over #content, once it renders
  #observer = new MutationObserver(() => this.#schedule());
  #darkQuery = null;
  #pending = null;
  #fetched = { src: null, text: null, error: null };
  #fetchAbort = null;
  #last = null;

  constructor() {
    super();
    const root = this.attachShadow({ mode: 'open' });
    root.innerHTML = SHELL;
    if (config.css) {
      if (!sheet) { sheet = new CSSStyleSheet(); sheet.replaceSync(config.css); }
      root.adoptedStyleSheets = [sheet];
    }
    this.#frame = root.querySelector('.dm-frame');
    this.#content = root.querySelector('.dm-content');
    this.#status = root.querySelector('.dm-status');
  }

  connectedCallback() {
    addFonts(this.ownerDocument);
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.#darkQuery.addEventListener('change', this.#applyTheme);
    this.#applyTheme();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer.disconnect();
    this.#darkQuery?.removeEventListener('change', this.#applyTheme);
    this.#fetchAbort?.abort();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after) return;
    if (name === 'theme') this.#applyTheme();
    else this.#schedule();
  }

  /** The last render's result ({html, blocks, frontMatter, diagnostics, mode}), or null. */
  get result() { return this.#last; }

  /** Resolves after the pending render (or at once when none is pending) with its result. */
  get updateComplete() { return this.#pending ?? Promise.resolve(this.#last); }

  #applyTheme = () => {
    const asked = this.getAttribute('theme');
    const theme = THEMES.has(asked) ? asked : 'auto';
    const dark = theme === 'dark' || (theme === 'auto' && this.#darkQuery?.matches);
    this.#frame.dataset.theme = dark ? 'dark' : 'light';
  };

  #schedule() {
    // Coalesce a burst of changes (attributes set one by one, text edited in pieces) into one render.
    this.#pending ??= Promise.resolve().then(() => this.#renderNow()).finally(() => { this.#pending = null; });
  }

  async #markdown() {
    const src = this.getAttribute('src');
    if (!src) return ownMarkdown(this);
    const url = new URL(src, this.ownerDocument.baseURI).href;
    if (this.#fetched.src !== url) {
      this.#fetchAbort?.abort();
      this.#fetchAbort = new AbortController();
      this.#fetched = { src: url, text: null, error: null };
      try {
        const response = await fetch(url, { signal: this.#fetchAbort.signal });
        if (!response.ok) throw new Error(`HTTP ${response.status}`);
        this.#fetched.text = await response.text();
      } catch (error) {
        if (error.name === 'AbortError') return null;
        this.#fetched.error = `cannot load ${src}: ${error.message}`;
      }
    }
    if (this.#fetched.error) throw new Error(this.#fetched.error);
    return this.#fetched.text;
  }

  #showStatus(message) {
    this.#status.hidden = !message;
    this.#status.textContent = message ?? '';
  }

  async #renderNow() {
    try {
      await startModule();
      const markdown = await this.#markdown();
      if (markdown === null || !this.isConnected) return this.#last;
      const mode = this.getAttribute('mode') || 'auto';
      if (!MODES.has(mode)) throw new Error(`unknown mode "${mode}" (use jekyll, gfm or commonmark)`);
      const unsafe = this.hasAttribute('unsafe');
      const result = render(markdown, { mode, header: this.hasAttribute('header'), unsafe });
      this.#target ??= new PatchedElement(this.#content);
      const mathProblems = this.#target.update(result, { unsafe });
      this.#showStatus(null);
      this.#last = { ...result, mathProblems };
      this.dispatchEvent(new CustomEvent('draftmark:rendered', { detail: this.#last }));
      return this.#last;
    } catch (error) {
      this.#showStatus(`Draftmark: ${error.message}`);
      this.dispatchEvent(new CustomEvent('draftmark:error', { detail: { message: error.message } }));
      return this.#last;
    }
  }
}

/**
 * Registers `<draftmark-preview>` (once). `wasm`: the module's bytes or URL, or a function
 * returning (a promise of) them; `css`: the shadow
 * root's stylesheet text; `fonts`: [{family, weight, style, bytes}] added to the document.
 */
export function defineDraftmarkPreview({ wasm, css = '', fonts = [], tagName = 'draftmark-preview' } = {}) {
  if (customElements.get(tagName)) return customElements.get(tagName);
  config = { wasm, css, fonts };
  customElements.define(tagName, DraftmarkPreviewElement);
  return DraftmarkPreviewElement;
}
