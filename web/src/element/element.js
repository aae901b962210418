// <draftmark-preview>: renders Markdown (its own text, the `text` property, or the file at `src`)
// with the same sanitising, math, highlighting and block patching as the editor's preview.
//
// By default the post lives in a shadow root: the host page's CSS stays out and ours in. With
// shadow="none" it is rendered into the element's light DOM and our sheet goes to the document
// inside `@layer draftmark`, so the page's own rules (unlayered) win and can style the post.
// Styles are constructed stylesheets, which a host page's CSP `style-src` does not block;
// KaTeX's fonts are FontFace objects on the document (a shadow root ignores @font-face).
// KaTeX and the highlighter are loaded on first use (config.loaders); until a post needs them
// nothing of theirs is fetched.
import { init, renderAfter } from '../lib/draftmark.js';
import { PatchedElement } from '../lib/preview.js';
import { postLanguage } from '../lib/post-language.js';

const MODES = new Set(['auto', 'jekyll', 'gfm', 'commonmark']);
const THEMES = new Set(['light', 'dark', 'auto']);
const HAS_MATH = /<span class="math (?:inline|display)"/;
const HAS_CODE = /<code class="language-|class="language-[^"]*highlighter-rouge/;

const SHELL = `
<div class="dm-frame" part="frame">
  <p class="dm-status" part="status" role="status" hidden></p>
  <div class="chirpy-post dm-content" part="content"></div>
</div>`;

let config = null;        // {wasm, css, loaders} given to defineDraftmarkPreview
let ready = null;         // Promise of init(), shared by every element
const sheets = new Map(); // css text + layered? -> one constructed stylesheet shared by every root
const fontsAdded = new WeakSet();  // documents that have KaTeX's fonts
const loaded = new Map(); // loader name -> Promise of its module

function startModule() {
  // `wasm` may be a function producing the bytes (the bundle inflates them on first use only).
  ready ??= Promise.resolve(typeof config.wasm === 'function' ? config.wasm() : config.wasm)
    .then((wasm) => init({ wasm }));
  return ready;
}

function load(name) {
  const loader = config.loaders?.[name];
  if (!loader) return Promise.resolve(null);
  if (!loaded.has(name)) loaded.set(name, Promise.resolve().then(loader));
  return loaded.get(name);
}

function sheetFor(css, layered) {
  const key = `${layered ? 'L' : 'S'}${css}`;
  if (!sheets.has(key)) {
    const sheet = new CSSStyleSheet();
    sheet.replaceSync(layered ? `@layer draftmark {\n${css}\n}` : css);
    sheets.set(key, sheet);
  }
  return sheets.get(key);
}

/** Adopts `css` into a shadow root, or (layered) into the document; once per root. */
function adopt(root, css, layered) {
  if (!css) return;
  const sheet = sheetFor(css, layered);
  if (!root.adoptedStyleSheets.includes(sheet)) root.adoptedStyleSheets = [...root.adoptedStyleSheets, sheet];
}

function addFonts(doc, fonts) {
  if (fontsAdded.has(doc) || !fonts?.length || typeof FontFace === 'undefined') return;
  fontsAdded.add(doc);
  for (const f of fonts) {
    const source = f.bytes ?? `url(${JSON.stringify(f.url)}) format("woff2")`;
    const face = new FontFace(f.family, source, { weight: f.weight, style: f.style, display: 'block' });
    doc.fonts.add(face);
    face.load().catch((error) => console.warn(`draftmark-preview: font ${f.family} failed`, error));
  }
}

// Markdown written inside the element: a <script type="text/markdown"> child (keeps HTML tags
// as text), else its text (in light-DOM mode: the text outside the rendered frame). Common
// indentation is removed, so the content can be indented.
function ownMarkdown(host, frame) {
  const holder = host.querySelector(':scope > script[type="text/markdown"]');
  const text = holder ? holder.textContent
    : frame ? [...host.childNodes].filter((n) => n !== frame && n.nodeType !== 8).map((n) => n.textContent).join('')
      : host.textContent;
  const lines = text.replace(/^\s*\n/, '').replace(/\s+$/, '').split('\n');
  const indents = lines.filter((l) => l.trim()).map((l) => l.match(/^[ \t]*/)[0].length);
  const cut = indents.length ? Math.min(...indents) : 0;
  return lines.map((l) => l.slice(cut)).join('\n') + '\n';
}

// Where there is no DOM (Node, SSR) the class still exists, so importing never throws.
const Base = globalThis.HTMLElement ?? class {};

export class DraftmarkPreviewElement extends Base {
  static observedAttributes = ['mode', 'theme', 'header', 'src', 'unsafe', 'lang'];

  #root = null;   // the shadow root, or the element itself with shadow="none"
  #light = false;
  #frame; #content; #status;
  #target = null;  // a PatchedElement over #content, once it renders
  #observer = null;
  #darkQuery = null;
  #pending = null;
  #text = null;    // set through the `text` property: wins over the element's content
  #fetched = { src: null, text: null, error: null };
  #fetchAbort = null;
  #last = null;
  #rendered = null;  // the markdown of the last render (the next renders only around its changes)

  // The shell is built on first connection, not in the constructor: `shadow` must be read as an
  // attribute, and an element made by createElement() has none yet in its constructor.
  #build() {
    this.#light = this.getAttribute('shadow') === 'none';
    const template = this.ownerDocument.createElement('template');
    template.innerHTML = SHELL;
    this.#frame = template.content.querySelector('.dm-frame');
    this.#content = template.content.querySelector('.dm-content');
    this.#status = template.content.querySelector('.dm-status');
    if (this.#light) {
      this.#root = this;
      adopt(this.ownerDocument, config.css, true);
      this.append(this.#frame);
    } else {
      this.#root = this.attachShadow({ mode: 'open' });
      adopt(this.#root, config.css, false);
      this.#root.append(this.#frame);
    }
    this.#observer = new MutationObserver((records) => {
      // In light-DOM mode our own rendering is a mutation of the element too: ignore it.
      if (records.some((r) => !this.#frame.contains(r.target))) this.#schedule();
    });
  }

  connectedCallback() {
    if (!this.#root) this.#build();
    this.#observer.observe(this, { childList: true, characterData: true, subtree: true });
    this.#darkQuery = matchMedia('(prefers-color-scheme: dark)');
    this.#darkQuery.addEventListener('change', this.#applyTheme);
    this.#applyTheme();
    this.#applyLang();
    this.#schedule();
  }

  disconnectedCallback() {
    this.#observer?.disconnect();
    this.#darkQuery?.removeEventListener('change', this.#applyTheme);
    this.#fetchAbort?.abort();
  }

  attributeChangedCallback(name, before, after) {
    if (before === after || !this.#root) return;
    if (name === 'theme') this.#applyTheme();
    else if (name === 'lang') this.#applyLang();
    else this.#schedule();
  }

  /** The last render's result ({html, blocks, frontMatter, diagnostics, mode}), or null. */
  get result() { return this.#last; }

  /** Resolves after the pending render (or at once when none is pending) with its result. */
  get updateComplete() { return this.#pending ?? Promise.resolve(this.#last); }

  get mode() { return this.getAttribute('mode') || 'auto'; }
  set mode(value) { this.setAttribute('mode', value); }
  get theme() { const t = this.getAttribute('theme'); return THEMES.has(t) ? t : 'auto'; }
  set theme(value) { this.setAttribute('theme', value); }
  get src() { return this.getAttribute('src') ?? ''; }
  set src(value) { if (value) this.setAttribute('src', value); else this.removeAttribute('src'); }
  /** The Markdown rendered (when there is no `src`): set it to replace the element's content. */
  get text() { return this.#text ?? (this.#root ? ownMarkdown(this, this.#light ? this.#frame : null) : ''); }
  set text(value) { this.#text = value == null ? null : String(value); if (this.#root) this.#schedule(); }

  #applyTheme = () => {
    const dark = this.theme === 'dark' || (this.theme === 'auto' && this.#darkQuery?.matches);
    this.#frame.dataset.theme = dark ? 'dark' : 'light';
  };

  // The post's language (hyphenation, quotes, fonts for CJK): the element's `lang`, else the
  // post's own `lang` (front matter), as Chirpy's page declares it. The frame carries it, since
  // a shadow root does not see the element's attribute.
  #applyLang() {
    const lang = this.getAttribute('lang') || postLanguage(this.#last);
    if (lang) this.#frame.setAttribute('lang', lang); else this.#frame.removeAttribute('lang');
  }

  #schedule() {
    // Coalesce a burst of changes (attributes set one by one, text edited in pieces) into one render.
    this.#pending ??= Promise.resolve().then(() => this.#renderNow()).finally(() => { this.#pending = null; });
  }

  async #markdown() {
    const src = this.getAttribute('src');
    if (!src) return this.text;
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

  // Loads KaTeX when the post has math; its CSS joins our sheet, its fonts the document.
  async #mathEngine(html) {
    if (!HAS_MATH.test(html)) return loaded.has('math') ? (await load('math'))?.engine ?? null : null;
    const math = await load('math');
    if (!math) return null;
    addFonts(this.ownerDocument, math.fonts);
    adopt(this.#light ? this.ownerDocument : this.#root, math.css, this.#light);
    return math.engine;
  }

  async #highlight() {
    if (!HAS_CODE.test(this.#content.innerHTML)) return;
    try {
      const { highlightCodeBlocks } = await load('highlight');
      await highlightCodeBlocks(this.#content);
    } catch (error) {
      console.warn('draftmark-preview: highlighting failed', error);  // the code stays plain
    }
  }

  async #renderNow() {
    try {
      await startModule();
      const markdown = await this.#markdown();
      if (markdown === null || !this.isConnected) return this.#last;
      const mode = this.mode;
      if (!MODES.has(mode)) throw new Error(`unknown mode "${mode}" (use jekyll, gfm or commonmark)`);
      const unsafe = this.hasAttribute('unsafe');
      const previous = this.#rendered;
      this.#rendered = null;  // until this render succeeds
      const result = renderAfter(previous, markdown, { mode, header: this.hasAttribute('header'), unsafe });
      this.#rendered = markdown;
      if (this.#light && this.#frame.parentNode !== this) this.append(this.#frame);  // textContent= removed it
      const engine = await this.#mathEngine(result.html);
      // A patcher built before KaTeX arrived has no engine: start over once it has one.
      if (engine && this.#target && !this.#target.hasMath) this.#target = null;
      if (!this.#target) {
        this.#content.replaceChildren();
        this.#target = new PatchedElement(this.#content);
        this.#target.hasMath = Boolean(engine);
      }
      const mathProblems = this.#target.update(result, { unsafe, math: { engine } });
      await this.#highlight();
      this.#showStatus(null);
      this.#last = { ...result, mathProblems };
      this.#applyLang();
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
 * Registers `<draftmark-preview>` (once); does nothing where there is no DOM. `wasm`: the
 * module's bytes or URL, or a function returning (a promise of) them; `css`: the post's
 * stylesheet text; `loaders`: `{math, highlight}`, functions resolving to the lazily loaded
 * parts (math: `{engine, css, fonts}`, highlight: lib/highlight.js).
 */
export function defineDraftmarkPreview({ wasm, css = '', loaders = {}, tagName = 'draftmark-preview' } = {}) {
  if (typeof customElements === 'undefined') return DraftmarkPreviewElement;
  if (customElements.get(tagName)) return customElements.get(tagName);
  config = { wasm, css, loaders };
  customElements.define(tagName, DraftmarkPreviewElement);
  return DraftmarkPreviewElement;
}
