// tests/fixtures/md4c-regressions.txt: examples whose HTML is what unpatched md4c 0.5.3
// renders, so our md4c patches (cmake/patches/) are shown not to change output.
// Rendered in `commonmark` mode by the native CLI or the wasm module (--engine native|wasm).
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { argValue, makeEngine } from './engines.mjs';
import { normalizeHtml } from './normalize-html.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const file = argValue('--spec', path.join(root, 'tests/fixtures/md4c-regressions.txt'));
const fence = '````````````````````````````````';

/** [{markdown, html, line}] from a file in the CommonMark spec format. */
function examples(text) {
  const out = [];
  const lines = text.split('\n');
  for (let i = 0; i < lines.length; i++) {
    if (lines[i] !== `${fence} example`) continue;
    const start = i + 1;
    let dot = start;
    while (lines[dot] !== '.') dot++;
    let end = dot + 1;
    while (lines[end] !== fence) end++;
    const join = (from, to) => lines.slice(from, to).map((l) => `${l}\n`).join('');
    out.push({ markdown: join(start, dot), html: join(dot + 1, end), line: start });
    i = end;
  }
  return out;
}

const engineName = argValue('--engine', 'native');
const render = await makeEngine(engineName);
const all = examples(readFileSync(file, 'utf8'));
const failed = all.filter((e) => normalizeHtml(render(e.markdown, { mode: 'commonmark', unsafe: true })) !== normalizeHtml(e.html));
for (const e of failed) {
  console.log(`FAIL ${path.basename(file)}:${e.line}\n--- markdown\n${e.markdown}--- expected\n${e.html}--- actual\n` +
              render(e.markdown, { mode: 'commonmark', unsafe: true }));
}
console.log(`md4c regressions (${engineName}): ${all.length - failed.length}/${all.length} passed`);
process.exit(failed.length === 0 && all.length > 0 ? 0 : 1);
