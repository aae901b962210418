// A/B of two wasm builds in one process: each corpus rendered by A and B in alternation,
// the fastest run of each kept (the minimum shrugs off the other jobs on a shared machine,
// where bench/ratios.mjs's markdown-wasm reference itself moves 2x between runs).
//
//   node bench/ab.mjs A.wasm B.wasm [--rounds N]
//
// Prints ms per document (min over rounds) for gfm and jekyll and B's time as a share of A's.

import { readFileSync } from 'node:fs';
import { parseArgs } from 'node:util';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

import { buildCorpora } from './corpus.mjs';

const repoRoot = resolve(dirname(fileURLToPath(import.meta.url)), '..');
const { values: args, positionals } = parseArgs({
  allowPositionals: true,
  options: { rounds: { type: 'string', default: '15' } },
});
if (positionals.length !== 2) throw new Error('usage: node bench/ab.mjs A.wasm B.wasm [--rounds N]');

// A query string gives each build its own instance of the loader module.
async function load(wasmPath, tag) {
  const draftmark = await import(`${pathToFileURL(join(repoRoot, 'web/src/lib/draftmark.js'))}?${tag}`);
  await draftmark.init({ wasm: readFileSync(wasmPath) });
  return draftmark;
}
const builds = [await load(positionals[0], 'a'), await load(positionals[1], 'b')];

function fastestMs(draftmark, text, mode, repeats) {
  const start = performance.now();
  for (let i = 0; i < repeats; i++) draftmark.render(text, { mode });
  return (performance.now() - start) / repeats;
}

for (const corpus of buildCorpora()) {
  const repeats = Math.max(1, Math.round(2_000_000 / corpus.text.length));
  const cells = [];
  for (const mode of ['gfm', 'jekyll']) {
    const best = [Infinity, Infinity];
    for (let round = 0; round < Number(args.rounds); round++) {
      for (const [i, build] of builds.entries()) best[i] = Math.min(best[i], fastestMs(build, corpus.text, mode, repeats));
    }
    cells.push(`${mode} ${best[0].toFixed(3)} / ${best[1].toFixed(3)} ms (B ${(best[1] / best[0]).toFixed(2)}x)`);
  }
  console.log(`${corpus.name.padEnd(10)} ${cells.join(' | ')}`);
}
