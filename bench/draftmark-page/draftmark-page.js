// A stand-in for the editor while dist/index.html is being built: a plain textarea and
// Draftmark's own preview path, renderInto() (render, sanitise, patch changed blocks,
// typeset math with KaTeX). Same hooks as the editor and the baseline page.
import { init, renderInto } from '../../web/src/lib/index.js';

const source = document.getElementById('source');
const preview = document.getElementById('preview');

async function update() {
  await renderInto(preview, source.value);
  preview.dispatchEvent(new CustomEvent('draftmark:rendered', { bubbles: true }));
}

await init({ wasm: new URL('draftmark.wasm', import.meta.url) });
source.addEventListener('input', update);
window.draftmark = {
  setMarkdown(text) {
    source.value = text;
    return update();
  },
};
