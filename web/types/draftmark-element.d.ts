// Type declarations for dist/draftmark-element.js, which defines <draftmark-preview> on import
// (where there is no DOM, e.g. Node, importing it defines nothing and throws nothing).
// It loads draftmark.wasm from next to itself, and on first use chunks/ (KaTeX when a post has
// math, the highlighter when it has fenced code) and fonts/: host the whole dist/ folder.
//
//   <script type="module" src="draftmark-element.js"></script>
//   <draftmark-preview mode="gfm"># Hello, $x^2$</draftmark-preview>
//
// Attributes:
//   mode    "auto" (default) | "jekyll" | "gfm" | "commonmark"
//   theme   "auto" (default, follows the system) | "light" | "dark"
//   header  present: show the Jekyll post header (title, date, tags) from the front matter
//   src     URL of a Markdown file to render instead of the element's own text
//   unsafe  present: trusted content only — raw HTML and URLs are not sanitised
//   lang    the post's language (hyphenation, quotes, CJK fonts), e.g. "ko"
//   shadow  "none": render into the light DOM (no shadow root); the post's base style goes to the
//           document in `@layer draftmark`, so the page's own CSS wins. Read once, when connected.
// Content: the element's text, or the text of a <script type="text/markdown"> child
// (use one when the Markdown contains HTML tags); common indentation is removed. Changing the
// content or any attribute re-renders. Events: `draftmark:rendered` (detail: the result) after
// each render, `draftmark:error` (detail: {message}) when loading or rendering fails.

import type { MathProblem, RenderResult } from './draftmark.js';

export interface DraftmarkPreviewResult extends RenderResult {
  mathProblems: MathProblem[];
}

export type DraftmarkMode = 'auto' | 'jekyll' | 'gfm' | 'commonmark';
export type DraftmarkTheme = 'auto' | 'light' | 'dark';

export interface DraftmarkPreviewEventMap extends HTMLElementEventMap {
  'draftmark:rendered': CustomEvent<DraftmarkPreviewResult>;
  'draftmark:error': CustomEvent<{ message: string }>;
}

export declare class DraftmarkPreviewElement extends HTMLElement {
  /** The `mode` attribute ("auto" when absent). */
  mode: DraftmarkMode;
  /** The `theme` attribute ("auto" when absent or unknown). */
  theme: DraftmarkTheme;
  /** The `src` attribute ("" when absent; setting "" removes it). */
  src: string;
  /** The Markdown rendered when there is no `src`; setting it replaces the element's content as the source. */
  text: string;
  /** The last render's result, or null before the first render. */
  readonly result: DraftmarkPreviewResult | null;
  /** Resolves with the result once the pending render (if any) has finished. */
  readonly updateComplete: Promise<DraftmarkPreviewResult | null>;
  addEventListener<K extends keyof DraftmarkPreviewEventMap>(type: K,
    listener: (this: DraftmarkPreviewElement, ev: DraftmarkPreviewEventMap[K]) => any,
    options?: boolean | AddEventListenerOptions): void;
  addEventListener(type: string, listener: EventListenerOrEventListenerObject,
    options?: boolean | AddEventListenerOptions): void;
}

declare global {
  interface HTMLElementTagNameMap {
    'draftmark-preview': DraftmarkPreviewElement;
  }
}
