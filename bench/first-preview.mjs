// Time to first preview of the offline single file (dist/draftmark.html) from file://, in
// Chromium with the project's fixed flags: N cold loads (a fresh browser and profile per load,
// so no code cache, no IndexedDB, no warm renderer), variants interleaved A/B/A/B with the order
// rotating, median and min per variant. Each file (`--file`, repeatable, e.g. a build of an
// older commit) is also measured with mermaid's compressed copy cut out
// (build/first-preview/<name>-no-mermaid.html): the difference is mermaid's cost to the first
// preview (`--no-strip` skips that).
//
//   node bench/first-preview.mjs [--runs 9] [--file A.html --file B.html …] [--no-strip]
//                                [--trace OUT.json [--trace-runs 1] [--trace-js]] [--json OUT.json] [--returning]
//
// `--returning` measures a returning visitor instead: each variant keeps one profile, opened once
// before (the editor stores the seed post as a draft), so each load reads a stored draft from an
// existing IndexedDB (still a fresh browser per load).
//
// Per load, from navigation start: `first-preview` is the page's `draftmark:first-render`
// performance mark (the first render patched into #preview), `painted` the end of the main
// thread's work for the frame after it (style, layout and paint of the preview); the other
// columns are the page's own marks (boot: the first stage starts running; start, editor-created,
// draft-opened, wasm-ready: main.js, the editor, which the single file runs after the first
// preview: web/src/editor/first-preview.js), the editor's first render's own cost (render-ms: wasm
// + decoding, patch-ms: DOM, math, highlighting; in the single file, what it adds to the first
// stage's preview) and the navigation timing (dom-interactive: the parser reached the end of the
// document; fcp: first contentful paint, the page's toolbar).
// `--trace` records `--trace-runs` more loads of each variant with Chromium's tracing (timeline,
// V8, wasm) and prints the main thread's CPU time until the first preview is painted (the figure
// other work on the machine disturbs least) and where the time went (with `--trace-js`, also JS
// self time per function from V8's sampling profiler, which slows V8's compiles down a lot);
// the traces open in chrome://tracing or the DevTools performance panel.
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { parseArgs } from 'node:util';
import { chromium } from 'playwright-core';
import { profileSelfTimes, recordTrace, sliceSelfTimes } from './trace.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];
const kLoadTimeoutMs = 30_000;
const kMermaidHolder = /<script type="text\/plain" id="draftmark-mermaid-gz">[\s\S]*?<\/script>\n?/;
const COLUMNS = ['first-preview', 'painted', 'dom-interactive', 'boot', 'start', 'editor-created', 'draft-opened', 'wasm-ready', 'render-ms',
  'patch-ms', 'fcp'];


// Installed before the page's scripts: when the frame after the first-render mark has done its
// main-thread work (style, layout, paint): a message posted from that frame's animation
// callback arrives after them. Asked for in the mark's own task (a PerformanceObserver would
// be told later, after whatever tasks are queued).
function probe() {
  window.__firstPreview = {};
  const mark = performance.mark.bind(performance);
  performance.mark = (name, ...rest) => {
    if (name === 'draftmark:first-render') {
      requestAnimationFrame(() => {
        const channel = new MessageChannel();
        channel.port1.onmessage = () => {
          window.__firstPreview.painted = performance.now();
          mark('bench:painted');  // where the traces stop counting
          console.debug('draftmark:first-preview-painted');  // what the harness waits for
        };
        channel.port2.postMessage(null);
      });
    }
    return mark(name, ...rest);
  };
}

// A fresh profile, or `kept` (a directory: a returning visitor's, left in place).
async function launch(kept = null) {
  const profile = kept ?? mkdtempSync(path.join(tmpdir(), 'draftmark-first-preview-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium', headless: true, args: FLAGS,
    viewport: { width: 1280, height: 900 },
  });
  return { context, close: async () => { await context.close(); if (!kept) rmSync(profile, { recursive: true, force: true }); } };
}

// Opens `url` and resolves once the first preview is painted. Nothing is evaluated in the page
// before that: polling with waitForFunction would inject playwright's own scripts (hundreds of
// ms of main-thread work, measured in a trace) into the start-up being measured; the page says
// when it is done on its console instead.
async function openAndWait(page, url) {
  const painted = page.waitForEvent('console', { predicate: (m) => m.text() === 'draftmark:first-preview-painted', timeout: kLoadTimeoutMs });
  await page.goto(url, { waitUntil: 'commit' });
  await painted;
  return page.evaluate(() => {
    const row = { painted: window.__firstPreview.painted };
    for (const mark of performance.getEntriesByType('mark')) {
      const name = mark.name === 'draftmark:first-render' ? 'first-preview' : mark.name.slice('draftmark:'.length);
      if (mark.name.startsWith('draftmark:')) row[name] ??= mark.startTime;
    }
    const nav = performance.getEntriesByType('navigation')[0];
    row['dom-interactive'] = nav?.domInteractive;
    row.fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime;
    row.blocks = document.querySelectorAll('#preview > *').length;
    row['render-ms'] = window.draftmark?.timings?.renderMs;  // the first render: wasm + decoding
    row['patch-ms'] = window.draftmark?.timings?.patchMs;    // and its patch: DOM, math, highlighting
    return row;
  });
}

async function load(url, profile = null) {
  const browser = await launch(profile);
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    const errors = [];
    page.on('pageerror', (e) => errors.push(String(e)));
    await page.addInitScript(probe);
    const row = await openAndWait(page, url);
    if (!row.blocks) throw new Error(`${url}: the preview is empty after the first render`);
    if (errors.length) throw new Error(`${url}: ${errors[0]}`);
    return row;
  } finally {
    await browser.close();
  }
}

// A profile that has opened `url` once, its draft stored (for --returning).
async function visitOnce(url) {
  const profile = mkdtempSync(path.join(tmpdir(), 'draftmark-first-preview-returning-'));
  const browser = await launch(profile);
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    await page.goto(url);
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true'
      && document.getElementById('save-state').dataset.state === 'saved', null, { timeout: kLoadTimeoutMs });
  } finally {
    await browser.close();
  }
  return profile;
}

const median = (xs) => { const s = [...xs].sort((a, b) => a - b); const m = s.length >> 1; return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2; };
const fmt = (x) => (x === undefined || Number.isNaN(x) ? '—' : x.toFixed(0));

// The file without mermaid's payload: what the first preview costs when mermaid is not inside.
function stripMermaid(file) {
  const html = readFileSync(file, 'utf8');
  if (!kMermaidHolder.test(html)) throw new Error(`${file} holds no mermaid payload to cut out`);
  const outDir = path.join(repoRoot, 'build/first-preview');
  mkdirSync(outDir, { recursive: true });
  const out = path.join(outDir, `${path.basename(file, '.html')}-no-mermaid.html`);
  writeFileSync(out, html.replace(kMermaidHolder, ''));
  return out;
}

// --- the trace: one load recorded, the main thread's time up to the first preview summed ---

async function traceLoad(url, out, { js = false } = {}) {
  const browser = await launch();
  try {
    const page = browser.context.pages()[0] ?? await browser.context.newPage();
    await page.addInitScript(probe);
    const cdp = await browser.context.newCDPSession(page);
    const events = await recordTrace(cdp, [
      'devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8', 'v8.execute', 'disabled-by-default-v8.compile',
      'v8.wasm', 'disabled-by-default-v8.wasm.detailed', 'blink', 'blink.user_timing', 'loading', 'toplevel', 'navigation',
      // The sampling profiler makes V8's compiles several times slower: only when asked for.
      ...(js ? ['disabled-by-default-v8.cpu_profiler'] : []),
    ], () => openAndWait(page, url));
    writeFileSync(out, JSON.stringify({ traceEvents: events }));
    return events;
  } finally {
    await browser.close();
  }
}

function summarizeTrace(events) {
  const threadName = new Map();
  for (const e of events) if (e.ph === 'M' && e.name === 'thread_name') threadName.set(`${e.pid}:${e.tid}`, e.args.name);
  const markEvent = events.find((e) => e.name === 'draftmark:first-render' && /user_timing/.test(e.cat));
  const paintedEvent = events.find((e) => e.name === 'bench:painted' && /user_timing/.test(e.cat));
  const main = markEvent ? `${markEvent.pid}:${markEvent.tid}` : [...threadName].find(([, n]) => n === 'CrRendererMain')?.[0];
  const nav = events.find((e) => e.name === 'navigationStart' && `${e.pid}:${e.tid}` === main)
    ?? events.find((e) => e.name === 'navigationStart');
  const t0 = nav?.ts ?? Math.min(...events.filter((e) => e.ts).map((e) => e.ts));
  const tEnd = paintedEvent?.ts ?? markEvent?.ts ?? Infinity;
  // Complete events on the main thread between navigation and the mark, nested into a tree so
  // each top-level task is broken down by its children (self time per name).
  const slices = events.filter((e) => `${e.pid}:${e.tid}` === main && e.ph === 'X' && e.ts >= t0 && e.ts < tEnd && e.dur > 0);
  const { self, busy, cpu } = sliceSelfTimes(slices, (e) => (e.name === 'EvaluateScript' || e.name === 'v8.compile' || e.name === 'v8.run'
    ? `${e.name} ${(e.args?.data?.url || e.args?.fileName || '').slice(-30)}` : e.name));
  const top = [...self].sort((a, b) => b[1] - a[1]).slice(0, 25);
  return { firstRenderMs: markEvent ? (markEvent.ts - t0) / 1000 : null, paintedMs: paintedEvent ? (paintedEvent.ts - t0) / 1000 : null, mainBusyMs: busy / 1000, mainCpuMs: cpu / 1000,
    top: top.map(([name, us]) => ({ name, ms: us / 1000 })), js: profileSelfTimes(events, main.split(':')[0], { tEnd }) };
}

/**
 * Cold loads of `file` (a fresh browser and profile each); resolves to the median and min of the
 * first-render mark and of the painted frame, in ms from navigation start (bench/editor-latency.mjs).
 */
export async function measureFirstPreview(file, runs) {
  const rows = [];
  await load(pathToFileURL(file).href);  // not counted: warms the OS file cache
  for (let i = 0; i < runs; i++) rows.push(await load(pathToFileURL(file).href));
  const stat = (c) => ({ median: median(rows.map((r) => r[c])), min: Math.min(...rows.map((r) => r[c])) });
  return { runs, firstPreview: stat('first-preview'), painted: stat('painted') };
}

// The difference a - b of column `c`, paired by round (the loads of one round ran back to back,
// so what else the machine did then weighs on both): the median and a bootstrap 95% interval of
// it (resampling the rounds with a fixed generator, so a run is reproducible from its numbers).
function pairedDifference(a, b, c) {
  const diffs = a.map((row, i) => row[c] - b[i]?.[c]).filter((d) => Number.isFinite(d));
  let state = 12345;
  const random = () => { state = (Math.imul(state, 1664525) + 1013904223) >>> 0; return state / 4294967296; };
  const medians = [];
  for (let k = 0; k < 2000; k++) medians.push(median(diffs.map(() => diffs[Math.floor(random() * diffs.length)])));
  medians.sort((x, y) => x - y);
  return { pairs: diffs.length, median: median(diffs), low: medians[Math.floor(0.025 * medians.length)], high: medians[Math.floor(0.975 * medians.length)] };
}

// --- main ---

async function main() {
  const { values: args } = parseArgs({ options: {
    runs: { type: 'string', default: '9' }, file: { type: 'string', multiple: true },
    'no-strip': { type: 'boolean', default: false }, trace: { type: 'string' }, 'trace-js': { type: 'boolean', default: false },
    'trace-runs': { type: 'string', default: '1' },
    json: { type: 'string' }, returning: { type: 'boolean', default: false },
  } });
  const runs = Number(args.runs);
  const files = (args.file?.length ? args.file : [path.join(repoRoot, 'dist/draftmark.html')]).map((f) => path.resolve(f));
  for (const f of files) if (!existsSync(f)) throw new Error(`${f} does not exist (bash scripts/build.sh)`);
  const variants = files.flatMap((file) => {
    const name = path.relative(repoRoot, file);
    if (args['no-strip']) return [{ name, file }];
    return [{ name, file }, { name: `${name} without mermaid`, file: stripMermaid(file) }];
  });
  for (const v of variants) { v.bytes = readFileSync(v.file).length; v.rows = []; }
  if (args.returning) for (const v of variants) v.profile = await visitOnce(pathToFileURL(v.file).href);

  console.log(`first preview: ${runs} cold loads per variant, interleaved, a fresh Chromium and ` +
    `${args.returning ? 'a returning visitor\'s profile (one per variant)' : 'profile'} per load`);
  await load(pathToFileURL(variants[0].file).href);  // warms the OS file cache and Chromium's binary, not measured
  for (let i = 0; i < runs; i++) {
    for (let j = 0; j < variants.length; j++) {
      const v = variants[(i + j) % variants.length];
      const row = await load(pathToFileURL(v.file).href, v.profile);
      v.rows.push(row);
      process.stdout.write(`  ${v.name}: ${fmt(row['first-preview'])} ms\n`);
    }
  }

  const summary = variants.map((v) => {
    const stats = {};
    for (const c of COLUMNS) {
      const xs = v.rows.map((r) => r[c]).filter((x) => typeof x === 'number');
      stats[c] = xs.length ? { median: median(xs), min: Math.min(...xs) } : null;
    }
    return { name: v.name, bytes: v.bytes, runs: v.rows.length, stats, rows: v.rows };
  });
  console.log(`\n| variant | bytes | ${COLUMNS.join(' | ')} |`);
  console.log(`|---|---:|${COLUMNS.map(() => '---:').join('|')}|`);
  for (const s of summary) {
    const cells = COLUMNS.map((c) => (s.stats[c] ? `${fmt(s.stats[c].median)} (${fmt(s.stats[c].min)})` : '—'));
    console.log(`| ${s.name} | ${(s.bytes / 1024 / 1024).toFixed(2)} MB | ${cells.join(' | ')} |`);
  }
  console.log('median (min) ms from navigation start');
  for (const [i, v] of variants.entries()) {
    const without = variants[i + 1];
    if (!without?.name.endsWith(' without mermaid') || v.name.endsWith(' without mermaid')) continue;
    const cost = pairedDifference(v.rows, without.rows, 'first-preview');
    console.log(`${v.name}: mermaid's cost to the first preview, round by round: median ${fmt(cost.median)} ms ` +
      `(95% interval of the median ${fmt(cost.low)} to ${fmt(cost.high)} ms, ${cost.pairs} rounds)`);
  }

  // Traced loads, interleaved, `--trace-runs` per variant (the last of each is kept: OUT.json,
  // OUT-2.json, …). Tracing slows the page down, so their times are not the table's; the main
  // thread's CPU time before the first render is the figure the other engineers' load on the
  // shared cores disturbs least.
  const traces = [];
  if (args.trace) {
    const cpu = variants.map(() => []);
    let last = [];
    for (let i = 0; i < Number(args['trace-runs']); i++) {
      for (const [j, v] of variants.entries()) {
        const out = path.resolve(j ? args.trace.replace(/(\.json)?$/, `-${j + 1}.json`) : args.trace);
        const trace = summarizeTrace(await traceLoad(pathToFileURL(v.file).href, out, { js: args['trace-js'] }));
        cpu[j].push(trace.mainCpuMs);
        last[j] = { variant: v.name, file: out, ...trace };
      }
    }
    for (const [j, trace] of last.entries()) {
      traces.push({ ...trace, mainCpuMsAll: cpu[j] });
      console.log(`\n${trace.variant}: main-thread CPU until the first preview is painted, median ${fmt(median(cpu[j]))} ms ` +
        `(min ${fmt(Math.min(...cpu[j]))}, ${cpu[j].length} traced loads). Last trace (${path.relative(process.cwd(), trace.file)}): ` +
        `first render at ${fmt(trace.firstRenderMs)} ms, painted at ${fmt(trace.paintedMs)} ms, main thread busy ${fmt(trace.mainBusyMs)} ms ` +
        'until then; self time by event:');
      for (const { name, ms } of trace.top) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
      if (trace.js.length) console.log('JS self time (V8 sampling profile) before the first preview:');
      for (const { name, ms } of trace.js) console.log(`  ${ms.toFixed(1).padStart(7)} ms  ${name}`);
    }
  }
  for (const v of variants) if (v.profile) rmSync(v.profile, { recursive: true, force: true });
  if (args.json) writeFileSync(path.resolve(args.json), JSON.stringify({ date: new Date().toISOString(), runs, summary, traces }, null, 2));
}

if (process.argv[1] && import.meta.url === pathToFileURL(path.resolve(process.argv[1])).href) await main();
