// Engine throughput: every engine renders every corpus in one process (the native limit in
// its own long-lived process), engines interleaved round by round so machine drift hits all
// alike. A sample is the time of one batch divided by its size; a cell's figure is the median.

import { performance } from 'node:perf_hooks';

// A batch should take long enough that timer resolution and loop overhead vanish.
const kTargetBatchMs = 5;
// Warm-up per cell: JIT tiers up and wasm code is compiled by the optimising tier first.
const kWarmupMs = 150;

function median(values) {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = sorted.length >> 1;
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
}

function timeBatch(render, text, batch) {
  let sink = 0;
  const start = performance.now();
  for (let i = 0; i < batch; i++) sink += render(text);
  return [(performance.now() - start) / batch, sink / batch];
}

function runJs(render, text, batch, ms) {
  const samples = [];
  const start = performance.now();
  let htmlLength = 0;
  do {
    const [perDoc, length] = timeBatch(render, text, batch);
    samples.push(perDoc);
    htmlLength = length;
  } while (performance.now() - start < ms);
  return { samples, htmlLength };
}

// Warms an engine up on a corpus and returns the batch size that takes about kTargetBatchMs.
function calibrate(render, text) {
  const start = performance.now();
  let perDoc = Infinity;
  while (performance.now() - start < kWarmupMs) perDoc = Math.min(perDoc, timeBatch(render, text, 1)[0]);
  return Math.max(1, Math.round(kTargetBatchMs / Math.max(perDoc, 1e-4)));
}

/**
 * Measures every engine on every corpus.
 * @param {{corpora: {name:string, text:string, path:string}[], engines: {name:string, render:Function}[],
 *          native: object|null, cellMs: number, rounds: number, log: Function}} options
 *   cellMs: total time per (engine, corpus), split over `rounds` interleaved rounds
 * @returns {Promise<object[]>} one cell per (corpus, engine): {corpus, engine, bytes, msPerDoc, mbPerS, samples, htmlLength}
 */
export async function measureThroughput({ corpora, engines, native, cellMs, rounds, log }) {
  const cells = [];
  for (const corpus of corpora) {
    const bytes = Buffer.byteLength(corpus.text);
    const state = engines.map((engine) => ({
      engine,
      batch: calibrate(engine.render, corpus.text),
      samples: [],
      htmlLength: 0,
    }));
    let nativeState = null;
    if (native) {
      const probe = await native.measure(corpus.path, 1, kWarmupMs);
      nativeState = { batch: Math.max(1, Math.round(kTargetBatchMs / Math.max(median(probe.samples), 1e-4))), samples: [], htmlLength: probe.htmlBytes };
    }
    for (let round = 0; round < rounds; round++) {
      // Rotate the start so no engine always runs right after the same neighbour.
      const order = state.map((_, i) => state[(i + round) % state.length]);
      for (const s of order) {
        const { samples, htmlLength } = runJs(s.engine.render, corpus.text, s.batch, cellMs / rounds);
        s.samples.push(...samples);
        s.htmlLength = htmlLength;
      }
      if (nativeState) {
        const answer = await native.measure(corpus.path, nativeState.batch, cellMs / rounds);
        nativeState.samples.push(...answer.samples);
      }
    }
    const all = state.map((s) => ({ name: s.engine.name, samples: s.samples, htmlLength: s.htmlLength }));
    if (nativeState) all.push({ name: native.name, samples: nativeState.samples, htmlLength: nativeState.htmlLength });
    for (const { name, samples, htmlLength } of all) {
      const msPerDoc = median(samples);
      cells.push({ corpus: corpus.name, engine: name, bytes, msPerDoc, mbPerS: bytes / 1e6 / (msPerDoc / 1e3),
        samples: samples.length, htmlLength });
    }
    log(`  ${corpus.name}: ${all.map(({ name, samples }) => `${name} ${median(samples).toFixed(3)} ms`).join(', ')}`);
  }
  return cells;
}

/** Adds ratios to the native limit and to markdown-wasm, per corpus, from the same run. */
export function addRatios(cells, { nativeName, referenceName }) {
  for (const cell of cells) {
    const native = cells.find((c) => c.corpus === cell.corpus && c.engine === nativeName);
    const reference = cells.find((c) => c.corpus === cell.corpus && c.engine === referenceName);
    cell.vsNative = native ? cell.msPerDoc / native.msPerDoc : null;
    cell.vsMarkdownWasm = reference ? cell.msPerDoc / reference.msPerDoc : null;
  }
  return cells;
}
