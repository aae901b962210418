// The DOM half of the module, loaded by renderInto() on its first call (a chunk of its own, so
// `import { init, render }` never loads DOMPurify or KaTeX): sanitising, block patching and
// KaTeX (shared with <draftmark-preview>'s math chunk, so KaTeX ships once). The highlighter
// is a further chunk, fetched only when a document has fenced code with a language.
import * as mathEngine from './math.js';
import { PatchedElement } from './preview.js';

const HAS_CODE = /<code class="language-|class="language-[^"]*highlighter-rouge/;
// element -> {patched: PatchedElement, markdown: the text last rendered into it}: later calls
// patch, not rebuild, and render only around what changed in the text.
const targets = new WeakMap();

/** renderInto() of index.js, with the `renderAfter` function of the already started module. */
export async function renderWith(renderAfter, element, markdown, options) {
  const { macros = {}, highlight = true, ...renderOptions } = options;
  const unsafe = Boolean(renderOptions.unsafe);
  let target = targets.get(element);
  if (!target) {
    target = { patched: new PatchedElement(element), markdown: null };
    targets.set(element, target);
  }
  const previous = target.markdown;
  target.markdown = null;  // until this render succeeds
  const result = renderAfter(previous, markdown, renderOptions);
  target.markdown = markdown;
  const mathProblems = target.patched.update(result, { unsafe, math: { engine: mathEngine, macros } });
  if (highlight && HAS_CODE.test(result.html)) {
    const { highlightCodeBlocks } = await import('./highlight.js');
    await highlightCodeBlocks(element);
  }
  return { ...result, mathProblems };
}
