// Issue 16's full-render ratios alone, in about a minute: Draftmark gfm and jekyll against
// markdown-wasm on the bench corpora, interleaved as bench/run.mjs measures them (its
// throughput step, without the other engines, the native limit, the sizes or the editor run).
//
//   node bench/ratios.mjs [--wasm FILE] [--cell-ms N] [--rounds N]
//
// Needs `npm ci --prefix bench` (markdown-wasm). Prints ms per document and the ratio per cell.

import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

import { buildCorpora } from './corpus.mjs';
import { benchDepsInstalled, jsEngines } from './engines.mjs';
import { addRatios, measureThroughput } from './throughput.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({
  options: {
    wasm: { type: 'string', default: join(repoRoot, 'build/wasm/draftmark.wasm') },
    'cell-ms': { type: 'string', default: '600' },
    rounds: { type: 'string', default: '6' },
  },
});
if (!benchDepsInstalled()) throw new Error('bench/ratios.mjs: run `npm ci --prefix bench` first (markdown-wasm)');

const wanted = ['draftmark gfm', 'draftmark jekyll', 'markdown-wasm'];
const engines = [];
for (const engine of jsEngines({ wasm: args.wasm, withBenchDeps: true }).filter((e) => wanted.includes(e.name))) {
  engines.push({ ...engine, render: await engine.load() });
}
const cells = addRatios(
  await measureThroughput({ corpora: buildCorpora(), engines, native: null, cellMs: Number(args['cell-ms']),
    rounds: Number(args.rounds), log: () => {} }),
  { nativeName: undefined, referenceName: 'markdown-wasm' });
for (const corpus of [...new Set(cells.map((c) => c.corpus))]) {
  const row = (name) => cells.find((c) => c.corpus === corpus && c.engine === name);
  const reference = row('markdown-wasm');
  const ratio = (name) => `${row(name).msPerDoc.toFixed(3)} ms (${row(name).vsMarkdownWasm.toFixed(2)}x)`;
  console.log(`${corpus.padEnd(10)} markdown-wasm ${reference.msPerDoc.toFixed(3)} ms | gfm ${ratio('draftmark gfm')} | jekyll ${ratio('draftmark jekyll')}`);
}
