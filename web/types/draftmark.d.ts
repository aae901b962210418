// Type declarations for `draftmark` (dist/draftmark.js): Markdown → HTML in WebAssembly,
// for browsers and Node 20+.
//
//   import { init, render, renderInto } from 'draftmark';
//   await init();                                   // loads draftmark.wasm next to draftmark.js
//   const { html, diagnostics } = render('# Hi\n', { mode: 'gfm' });
//   await renderInto(document.querySelector('#preview'), '$e^{i\\pi}$', { mode: 'gfm' });
//
// `init` and `render` are all that `import { init, render }` loads (a few KB beside the wasm);
// renderInto() fetches its DOM half (DOMPurify, KaTeX, the block patcher; the highlighter when a
// document has fenced code) from dist/chunks/ on its first call.

/** Which Markdown dialect to read. */
export type Mode =
  /** `jekyll` when the text starts with YAML front matter (`---`), otherwise `gfm`. */
  | 'auto'
  /** Strict CommonMark 0.31.2 (as md4c 0.5.3 implements it). */
  | 'commonmark'
  /** CommonMark + tables, strikethrough, task lists, autolinks and `$…$` / `$$…$$` math. */
  | 'gfm'
  /** What Jekyll's kramdown does with a post: front matter, attribute lists (`{: w="550"}`), footnotes, ... */
  | 'jekyll';

export interface RenderOptions {
  /** Dialect; default `'auto'`. An unknown name throws {@link DraftmarkError}. */
  mode?: Mode;
  /** Put `data-line="first-last"` (1-based source lines) on every top-level block; default `true`. */
  sourceLines?: boolean;
  /**
   * Jekyll mode: frame the content with Chirpy's post layout from the front matter — a header
   * (title, description, Posted/Updated, preview image, author, read time) and a tail
   * (categories, tags, licence line), in the post's `lang`; default `true`.
   */
  header?: boolean;
  /** Count the content's words as Chirpy's read time does into `words` (always done with the post layout). */
  wordCount?: boolean;
  /**
   * Trusted input only: keep `javascript:`-style URLs and unknown attributes as written, and (in
   * {@link renderInto}) skip the HTML sanitiser. Default `false`: output is safe to insert into a page.
   */
  unsafe?: boolean;
  /** Jekyll mode: what the post's site says (Liquid's `site`, post_url checks, front-matter defaults). Default: all empty. */
  site?: SiteSettings;
}

/**
 * A Jekyll site's settings for a render. Pass the same object on every render: the module keeps
 * them and they are re-sent only when a different object is passed.
 */
export interface SiteSettings {
  /** `site.url`, e.g. `"https://me.github.io"`. */
  url?: string;
  /** `site.baseurl`, e.g. `"/blog"`; prefixes post_url, link and relative_url. */
  baseurl?: string;
  /** `site.title`. */
  title?: string;
  /** `site.lang` (a post's own `lang` wins): the language of the post layout's strings, e.g. `"ko-KR"`. */
  lang?: string;
  /** `site.social`: its `name` (linked to `links[0]`) signs posts without an author. */
  social?: { name?: string; links?: string[] };
  /** The site's authors by id (parseSiteConfig's `authors`, from _data/authors.yml): a post's `author`/`authors` name them. */
  authors?: Record<string, { name?: string; url?: string }>;
  /** The site's posts: `_posts/` file names without extension (`"2024-01-02-a"`). Empty: post_url targets are not checked; otherwise an unknown one is a warning. */
  knownPosts?: string[];
  /** Front-matter defaults for this post (e.g. {@link parseSiteConfig}'s `post_defaults`): keys the post lacks take them, as in Jekyll (`math`, `mermaid`, `toc`, `media_subpath`, …); source lines do not move. */
  defaults?: Record<string, unknown>;
}

/** One top-level block of the output (a paragraph, a whole list, a table, ...). */
export interface Block {
  /** First source line, 1-based. */
  lineStart: number;
  /** Last source line, inclusive. */
  lineEnd: number;
  /** Hash of the block's HTML without its `data-line` attribute: equal hashes mean equal output. */
  hash: number;
  /** The block's HTML; the blocks' `html` joined is the result's `html`. */
  html: string;
}

/** A problem in the document's content. Content problems never throw. */
export interface Diagnostic {
  /** 1-based source line. */
  line: number;
  /** 1-based column in UTF-16 code units (what JS string indices and editors count). */
  column: number;
  severity: 'error' | 'warning' | 'info';
  /** Stable identifier, e.g. `"yaml-syntax"`. */
  code: string;
  /** One sentence for a person. */
  message: string;
}

/**
 * The result of {@link render}. Plain JS data copied out of wasm memory: it stays valid for as
 * long as you keep it, later renders do not change it.
 */
export interface RenderResult {
  /**
   * The document's HTML. Math is `<span class="math inline|display">TeX</span>` (TeX escaped), for
   * KaTeX to typeset ({@link renderInto} does that). Dangerous URLs are already neutralised unless
   * `unsafe`; raw HTML from the document is passed through, so sanitise before inserting it into a
   * page yourself — or use {@link renderInto}, which does.
   */
  html: string;
  blocks: Block[];
  /** The YAML front matter as JSON data, or `null` when the document has none. */
  frontMatter: Record<string, unknown> | null;
  diagnostics: Diagnostic[];
  /** The dialect actually used (`'auto'` resolved). */
  mode: Exclude<Mode, 'auto'>;
  /** The content's words as Chirpy's read time counts them (with `wordCount` or the post layout). */
  words?: number;
}

export interface InitOptions {
  /**
   * The wasm module: a URL or path (default: `draftmark.wasm` next to draftmark.js, read from disk
   * in Node), its bytes or a promise of them, or a compiled `WebAssembly.Module`.
   */
  wasm?: string | URL | ArrayBuffer | Uint8Array | WebAssembly.Module | Promise<ArrayBuffer | Uint8Array>;
}

/**
 * Loads and starts the wasm module. Resolves once {@link render} can be called; calling it again
 * is cheap and does nothing (a call made while an earlier one is still loading waits for that one
 * and loads nothing itself). Rejects with {@link DraftmarkError} when the module cannot be loaded.
 */
export function init(options?: InitOptions): Promise<void>;

/** True once {@link init} has resolved. */
export function isReady(): boolean;

/**
 * Renders Markdown to HTML, synchronously (call {@link init} first). Any string is accepted:
 * lone surrogates and NUL become U+FFFD. Throws {@link DraftmarkError} only for system failures
 * (not initialised, unknown mode, out of memory, wasm trap — the next call then uses a fresh module).
 */
export function render(markdown: string, options?: RenderOptions): RenderResult;

export interface RenderIntoOptions extends RenderOptions {
  /**
   * KaTeX macros shared by the document's formulas, like `{'\\RR': '\\mathbb{R}'}`. A fresh copy is
   * used for every render, so `\gdef` in one render does not leak into the next.
   */
  macros?: Record<string, string>;
  /**
   * Highlight fenced code that names a language (```` ```python ````) with the editor's grammars
   * (`tok-*` classes; `dist/draftmark.css` colours them). Default `true`; the highlighter is
   * loaded only when a document has such code.
   */
  highlight?: boolean;
}

/** A formula KaTeX rejected (`error`; it also shows KaTeX's message inline) or warned about. */
export interface MathProblem extends Diagnostic {
  code: 'math';
  /** The formula's TeX source. */
  tex: string;
}

/**
 * Reads a Jekyll site's `_config.yml` as Jekyll does: `settings` has url, baseurl, lang, timezone,
 * title, media_subpath, defaults, kramdown, social and `post_defaults` (the defaults for `postPath`,
 * default `"_posts/post.md"`), or is null when the YAML is unreadable; with `authorsYaml` (the text
 * of _data/authors.yml) also `authors`. Never throws on content.
 */
export function parseSiteConfig(yamlText: string, options?: { postPath?: string; authorsYaml?: string }): {
  settings: ({ url?: string; baseurl?: string; title?: string; lang?: string; timezone?: string;
    media_subpath?: string; post_defaults: Record<string, unknown>; social?: { name?: string; links?: string[] };
    authors?: Record<string, { name?: string; url?: string }> } & Record<string, unknown>) | null;
  diagnostics: Diagnostic[];
};

/** What {@link renderInto} did: the render result plus the document's math problems. */
export interface RenderIntoResult extends RenderResult {
  /** Every math problem of the whole document; `line` is the first line of the formula's block. */
  mathProblems: MathProblem[];
}

/**
 * Renders Markdown into `element` the way the editor's preview does: raw HTML sanitised with
 * DOMPurify (unless `unsafe`), math typeset with KaTeX (`trust: false`, size and expansion
 * limits), fenced code highlighted, and on later calls with the same element only the blocks whose output changed are
 * replaced (images do not reload, typeset math is reused). The element's previous children are
 * replaced on the first call. Fires `draftmark:rendered` on `element` after each update.
 *
 * For math to look right the page needs KaTeX's CSS: link `dist/draftmark.css` (post styles +
 * KaTeX CSS; fonts in `dist/fonts/`). Browser only; call {@link init} first.
 *
 * Asynchronous since 0.2: the first call loads the DOM half of the module (dist/chunks/); the
 * promise resolves once the element shows `markdown` (code highlighted too). Calls apply in call
 * order. A non-element throws {@link DraftmarkError} at once.
 */
export function renderInto(element: Element, markdown: string, options?: RenderIntoOptions): Promise<RenderIntoResult>;

/** A system failure: load error, ABI mismatch, unknown option, out of memory, wasm trap. */
export class DraftmarkError extends Error {
  name: 'DraftmarkError';
}

/** Bytes held by the module, for leak checks; `null` before {@link init}. */
export function memoryStats(): { wasmBytes: number; bufferBytes: number } | null;

/**
 * How `renderInto()` loads mermaid for ```mermaid fences: the package ships none, so a page that
 * wants diagrams passes its own, e.g. `setMermaidLoader(() => import('mermaid'))`.
 */
export function setMermaidLoader(load: () => Promise<unknown>): void;
