// Pathological input renders completely and in linear time, natively and in wasm,
// in every mode. For each pattern, time(4n)/time(n) is measured within this run
// (minimum of several renders, sizes alternated) and must stay under kMaxRatio; a
// linear renderer gives ~4, a quadratic one ~16. A failing ratio is measured again
// at 4x the size before it counts. Every pattern is held to the bound: there are no
// known exceptions.
//   node tests/pathological/pathological.test.mjs --driver build/native/tests/render_timer
//        --wasm build/wasm/draftmark.wasm [--engines native,wasm] [--modes gfm,commonmark,jekyll]
//        [--only name,name] [--min-ms 20] [--report file.json] [--ratios off]
// --ratios off (sanitizer builds) still renders everything and prints the ratios,
// but only completeness is asserted.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, test } from 'node:test';
import { patterns } from './patterns.mjs';

const arg = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const engines = arg('--engines', 'native,wasm').split(',');
const modes = arg('--modes', 'gfm,commonmark,jekyll').split(',');
const only = arg('--only', '') ? new Set(arg('--only').split(',')) : null;
const judgeRatios = arg('--ratios', 'on') !== 'off';
// Without judging, one render per size is enough (sanitizer builds are slow).
const minMs = Number(arg('--min-ms', judgeRatios ? '20' : '0'));
const reportFile = arg('--report', '');

// Linear is ~4, n log n ~4.5, quadratic ~16. Noise on a shared 2-core machine can
// double a ratio at small sizes; a failing ratio is measured once more, at 4x the size.
const kMaxRatio = 8;
// Below this, time(4n) is mostly timer and cache noise, so the ratio is not judged.
const kFloorMs = 0.5;
// Below this, time(n) is re-measured at a larger size before the ratio is taken.
const kMinSmallMs = 1;
const kMinRenders = 3;
let minRenders = judgeRatios ? kMinRenders : 1;  // more on a retry (see measureRatio)
const kMaxRenders = 200;

const tmp = mkdtempSync(path.join(tmpdir(), 'draftmark-pathological-'));
after(() => rmSync(tmp, { recursive: true, force: true }));

let dm = null;
if (engines.includes('wasm')) {
  dm = await import('../../web/src/lib/draftmark.js');
  await dm.init({ wasm: arg('--wasm', 'build/wasm/draftmark.wasm') });
}
const driver = arg('--driver', 'build/native/tests/render_timer');

/** [{ms, htmlBytes, diagnostics}] for [small, big] with the native driver. */
function timeNative(files, mode, floorMs) {
  const r = spawnSync(driver, ['--mode', mode, '--min-ms', String(floorMs), '--min-renders', String(minRenders), ...files],
    { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) {
    throw new Error(`render_timer ${r.signal ? `killed by ${r.signal}` : `exited ${r.status}`}: ${r.stderr.slice(-2000)}`);
  }
  return r.stdout.trim().split('\n').map((line) => {
    const o = JSON.parse(line);
    return { ms: o.ns / 1e6, htmlBytes: o.html_bytes, tooLarge: false };
  });
}

/**
 * Same measurement with the wasm module, in this process. Wall time, minimum of the
 * renders: process CPU time would also count V8's background threads, which compile
 * hot wasm functions to optimised code (tier-up) while early patterns run. Each text is
 * rendered once untimed first, so memory growth and tier-up of the code paths this
 * pattern hits land outside the measurement.
 */
function timeWasm(texts, mode, floorMs) {
  const options = { mode, header: true, sourceLines: true };
  for (const text of texts) dm.render(text, options);
  const samples = texts.map(() => ({ ms: Infinity, total: 0, renders: 0, htmlBytes: 0, tooLarge: false }));
  const done = (s) => s.renders >= kMaxRenders || (s.renders >= minRenders && s.total >= floorMs);
  while (!samples.every(done)) {
    texts.forEach((text, i) => {
      const s = samples[i];
      if (done(s)) return;
      const start = performance.now();
      const r = dm.render(text, options);
      const ms = performance.now() - start;
      s.ms = Math.min(s.ms, ms);
      s.total += ms;
      s.renders++;
      s.htmlBytes = r.html.length;
      s.tooLarge = r.diagnostics.some((d) => d.code === 'too-large');
    });
  }
  return samples;
}

const rows = [];
const failures = [];

/** Writes the texts for the native driver; returns their paths. */
function writeInputs(pattern, texts, scale) {
  return texts.map((text, i) => {
    const file = path.join(tmp, `${pattern.name}-${scale}-${i}.md`);
    writeFileSync(file, text);
    return file;
  });
}

function measure(pattern, engine, mode, scale) {
  const small = pattern.make(scale * pattern.n);
  const big = pattern.make(4 * scale * pattern.n);
  const files = engine === 'native' ? writeInputs(pattern, [small, big], scale) : null;
  const [a, b] = engine === 'native' ? timeNative(files, mode, minMs) : timeWasm([small, big], mode, minMs);
  for (const s of [a, b]) {
    assert.ok(s.htmlBytes > 0, `${pattern.name} ${engine} ${mode}: empty output`);
    assert.ok(!s.tooLarge, `${pattern.name} ${engine} ${mode}: refused as too large`);
  }
  return { a, b, ratio: b.ms / Math.max(a.ms, 1e-6) };
}

/**
 * time(4n)/time(n) for one engine and mode. A ratio over the bound is measured once
 * more at four times the size (4n and 16n): at sub-millisecond times a cache miss or a
 * timer tick can double a ratio, while a quadratic pattern stays ~16 at any size.
 */
function measureRatio(pattern, engine, mode) {
  const bound = kMaxRatio;
  // Sub-millisecond time(n) makes a noisy ratio: such patterns (cheap in this mode) are
  // measured at 4x or 16x the size instead.
  let scale = 1;
  let m = measure(pattern, engine, mode, scale);
  while (judgeRatios && m.a.ms < kMinSmallMs && scale < 16) {
    scale *= 4;
    m = measure(pattern, engine, mode, scale);
  }
  const judged = () => judgeRatios && m.b.ms >= kFloorMs;
  let retried = false;
  if (judged() && m.ratio >= bound) {
    retried = true;
    // A busy machine can slow every render of one size for a second: the retry takes the
    // minimum of three times as many renders, at four times the size.
    minRenders *= 3;
    try {
      m = measure(pattern, engine, mode, scale * 4);
    } finally {
      minRenders /= 3;
    }
  }
  return { engine, mode, scale, smallMs: m.a.ms, bigMs: m.b.ms, ratio: m.ratio, judged: judged(), retried, ok: !judged() || m.ratio < bound };
}

const selected = patterns.filter((p) => !only || only.has(p.name));
assert.ok(selected.length > 0, 'no pattern selected');

for (const pattern of selected) {
  test(`${pattern.name} renders completely and in linear time (${engines.join(', ')})`, () => {
    const results = [];
    for (const engine of engines) {
      for (const mode of modes) results.push(measureRatio(pattern, engine, mode));
    }
    rows.push({ pattern: pattern.name, n: pattern.n, bytes: Buffer.byteLength(pattern.make(pattern.n)), results });
    const bad = results.filter((r) => !r.ok);
    for (const r of bad) failures.push(`${pattern.name} ${r.engine} ${r.mode}: ratio ${r.ratio.toFixed(1)}`);
    assert.deepEqual(bad.map((r) => `${r.engine} ${r.mode} ratio ${r.ratio.toFixed(1)} (${r.smallMs.toFixed(2)} ms -> ${r.bigMs.toFixed(2)} ms)`), [],
      `${pattern.name} is superlinear`);
  });
}

after(() => {
  const fmt = (x) => (x >= 100 ? x.toFixed(0) : x >= 10 ? x.toFixed(1) : x.toFixed(2));
  const worstOf = (rs) => rs.reduce((w, r) => (!w || (r.judged && r.ratio > w.ratio) || !w.judged ? r : w), null);
  const header = ['pattern', 'n', 'bytes(n)', ...engines.flatMap((e) => [`${e} worst ratio (mode)`, `${e} ms(4n)`])];
  const table = rows.map((row) => [row.pattern, String(row.n), String(row.bytes), ...engines.flatMap((e) => {
    const w = worstOf(row.results.filter((r) => r.engine === e));
    const maxBig = Math.max(...row.results.filter((r) => r.engine === e).map((r) => r.bigMs));
    return [`${w.judged ? fmt(w.ratio) : `(${fmt(w.ratio)})`} ${w.mode}${w.retried ? ' retried' : ''}`, fmt(maxBig)];
  })]);
  const widths = header.map((h, i) => Math.max(h.length, ...table.map((r) => r[i].length)));
  const line = (cells) => cells.map((c, i) => c.padEnd(widths[i])).join('  ');
  console.log(`\nPathological report: time(4n)/time(n), minimum of >= ${kMinRenders} renders; ` +
    `ratios in () were below the ${kFloorMs} ms floor and not judged; a time(n) under ${kMinSmallMs} ms is remeasured at 4x or 16x the size; 'retried' = an over-bound ratio remeasured at 4x the size; bound < ${kMaxRatio}`);
  console.log(line(header));
  for (const r of table) console.log(line(r));
  const all = rows.flatMap((r) => r.results.map((x) => ({ ...x, pattern: r.pattern })));
  const judged = all.filter((x) => x.judged);
  const linear = rows.filter((r) => r.results.every((x) => x.ok)).length;
  const worstLinear = judged.reduce((w, x) => (!w || x.ratio > w.ratio ? x : w), null);
  console.log(`${linear}/${rows.length} patterns linear in ${engines.join(' and ')} x ${modes.join('/')}` +
    (worstLinear ? `; worst ratio ${worstLinear.ratio.toFixed(2)} (${worstLinear.pattern}, ${worstLinear.engine}, ${worstLinear.mode})` : ''));
  if (failures.length) console.log(`superlinear: ${failures.join('; ')}`);
  if (reportFile) writeFileSync(reportFile, JSON.stringify({ rows, linear, total: rows.length, worst: worstLinear }, null, 2));
});
