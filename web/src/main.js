// Minimal page: a textarea and the preview, re-rendered once per animation frame.
import { init, render } from './draftmark.js';

const source = document.getElementById('source');
const preview = document.getElementById('preview');
let scheduled = false;

function update() {
  scheduled = false;
  preview.innerHTML = render(source.value, { mode: 'auto' }).html;
}

await init({ wasm: new URL('./draftmark.wasm', import.meta.url) });
source.value = '# Draftmark\n\nType *Markdown* here.\n';
source.addEventListener('input', () => {
  if (!scheduled) requestAnimationFrame(update);
  scheduled = true;
});
update();
