// Type declarations for dist/draftmark-element.js, which defines <draftmark-preview> on import.
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
// Content: the element's text, or the text of a <script type="text/markdown"> child
// (use one when the Markdown contains HTML tags); common indentation is removed. Changing the
// content or any attribute re-renders. Events: `draftmark:rendered` (detail: the result) after
// each render, `draftmark:error` (detail: {message}) when loading or rendering fails.

import type { MathProblem, RenderResult } from './draftmark.js';

export interface DraftmarkPreviewResult extends RenderResult {
  mathProblems: MathProblem[];
}

export declare class DraftmarkPreviewElement extends HTMLElement {
  /** The last render's result, or null before the first render. */
  readonly result: DraftmarkPreviewResult | null;
  /** Resolves with the result once the pending render (if any) has finished. */
  readonly updateComplete: Promise<DraftmarkPreviewResult | null>;
}

declare global {
  interface HTMLElementTagNameMap {
    'draftmark-preview': DraftmarkPreviewElement;
  }
}
