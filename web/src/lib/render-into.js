// The DOM half of the module, loaded by renderInto() on its first call (a chunk of its own, so
// `import { init, render }` never loads DOMPurify or KaTeX): sanitising, block patching and
// KaTeX (shared with <draftmark-preview>'s math chunk, so KaTeX ships once). The highlighter
// is a further chunk, fetched only when a document has fenced code with a language.
import * as mathEngine from './math.js';
import { PatchedElement } from './preview.js';

const HAS_CODE = /<code class="language-|class="language-[^"]*highlighter-rouge/;
const targets = new WeakMap();  // element -> PatchedElement: later calls patch, not rebuild

/** renderInto() of index.js, with the `render` function of the already started module. */
export async function renderWith(render, element, markdown, options) {
  const { macros = {}, highlight = true, ...renderOptions } = options;
  const unsafe = Boolean(renderOptions.unsafe);
  let target = targets.get(element);
  if (!target) {
    target = new PatchedElement(element);
    targets.set(element, target);
  }
  const result = render(markdown, renderOptions);
  const mathProblems = target.update(result, { unsafe, math: { engine: mathEngine, macros } });
  if (highlight && HAS_CODE.test(result.html)) {
    const { highlightCodeBlocks } = await import('./highlight.js');
    await highlightCodeBlocks(element);
  }
  return { ...result, mathProblems };
}
