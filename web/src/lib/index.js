// Entry of dist/draftmark.js, the embeddable module: the wasm wrapper's API plus renderInto(),
// which puts a rendered document into a page element the way the editor's preview does.
// Declarations and option docs: web/types/draftmark.d.ts.
import { DraftmarkError, render } from './draftmark.js';
import * as mathEngine from './math.js';
import { PatchedElement } from './preview.js';

export { DraftmarkError, init, isReady, memoryStats, render } from './draftmark.js';

const targets = new WeakMap();  // element -> PatchedElement: later calls patch, not rebuild

/**
 * Renders `markdown` into `element`: sanitised (unless `unsafe`), math typeset with KaTeX, and
 * only changed blocks replaced on later calls with the same element. Returns the render result
 * plus `mathProblems`. Call init() first.
 */
export function renderInto(element, markdown, options = {}) {
  if (typeof element?.replaceChildren !== 'function') {
    throw new DraftmarkError('draftmark: renderInto() needs a DOM element');
  }
  const { macros = {}, ...renderOptions } = options;
  const unsafe = Boolean(renderOptions.unsafe);
  let target = targets.get(element);
  if (!target) {
    target = new PatchedElement(element);
    targets.set(element, target);
  }
  const result = render(markdown, renderOptions);
  const mathProblems = target.update(result, { unsafe, math: { engine: mathEngine, macros } });
  return { ...result, mathProblems };
}
