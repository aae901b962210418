// Entry of dist/draftmark.js, the embeddable module: the wasm wrapper's API (init, render: this
// file and draftmark.js only, no DOM code) plus renderInto(), which puts a rendered document into
// a page element the way the editor's preview does and loads its DOM half (render-into.js:
// DOMPurify, KaTeX, the patcher; the highlighter when there is code) on first call.
// Declarations and option docs: web/types/draftmark.d.ts.
import { DraftmarkError, init as start, renderAfter } from './draftmark.js';

export { DraftmarkError, isReady, memoryStats, parseSiteConfig, render } from './draftmark.js';
// Diagrams: the package has no mermaid of its own; a page passes its own (see README, Mermaid).
export { setMermaidLoader } from './diagrams.js';

/**
 * Loads the wasm module (default: draftmark.wasm next to this file). Safe to call more than once.
 * @param {{wasm?: string|URL|ArrayBuffer|Uint8Array|WebAssembly.Module}} [options]
 */
export function init(options = {}) {
  // Stated here, in the entry: bundled, draftmark.js may sit in a chunk folder, away from the wasm.
  return start({ ...options, wasm: options.wasm ?? new URL('./draftmark.wasm', import.meta.url) });
}

let domHalf = null;  // Promise of render-into.js

/**
 * Renders `markdown` into `element`: sanitised (unless `unsafe`), math typeset with KaTeX, code
 * highlighted, and only changed blocks replaced on later calls with the same element. Resolves
 * to the render result plus `mathProblems`. Call init() first; calls apply in call order.
 */
export function renderInto(element, markdown, options = {}) {
  if (typeof element?.replaceChildren !== 'function') {
    throw new DraftmarkError('draftmark: renderInto() needs a DOM element');
  }
  domHalf ??= import('./render-into.js');
  return domHalf.then((dom) => dom.renderWith(renderAfter, element, markdown, options));
}
