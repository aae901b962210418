// The Draftmark benchmark: engine throughput, wasm size, editor latency; writes the results.
//
//   node bench/run.mjs [--wasm FILE] [--md4c-src DIR] [--named-wasm FILE] [--out DIR]
//                      [--cell-ms N] [--rounds N] [--no-editor] [--smoke]
//
// bench/run.sh builds what this needs and runs it; --smoke is the CI check (tiny corpora,
// short cells, no browser, results under bench/results/tmp/, sanity asserted, no timing targets).

import { execFileSync } from 'node:child_process';
import { mkdirSync, writeFileSync, existsSync, readFileSync, readdirSync, statSync } from 'node:fs';
import { cpus, totalmem, release } from 'node:os';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

import { buildCorpora, countMathSpans } from './corpus.mjs';
import { benchDepsInstalled, jsEngines, startNativeEngine } from './engines.mjs';
import { addRatios, measureThroughput } from './throughput.mjs';
import { moduleSize, partSizes, partsAvailable } from './wasm-size.mjs';
import { writeReports } from './report.mjs';
import { checkTargets } from './targets.mjs';
import { measureStart } from './start.mjs';
import { measureIncremental } from './incremental.mjs';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');

const { values: args } = parseArgs({
  options: {
    wasm: { type: 'string', default: join(repoRoot, 'build/wasm/draftmark.wasm') },
    'md4c-src': { type: 'string' },
    'named-wasm': { type: 'string', default: join(repoRoot, 'build/bench-wasm-names/draftmark.wasm') },
    out: { type: 'string' },
    'cell-ms': { type: 'string' },
    rounds: { type: 'string' },
    'no-editor': { type: 'boolean', default: false },
    smoke: { type: 'boolean', default: false },
  },
});
const smoke = args.smoke;
const outDir = resolve(args.out ?? join(benchDir, smoke ? 'results/tmp/smoke' : 'results'));
const workDir = join(repoRoot, 'build/bench');
const log = (line) => console.log(line);

function fail(message) {
  console.error(`bench: ${message}`);
  process.exit(1);
}

// The md4c sources CMake extracted for the native build (a patched copy is named md4c-<hash>).
function findMd4cSources() {
  const deps = join(repoRoot, 'build/native/_deps');
  if (!existsSync(deps)) return null;
  const dirs = readdirSync(deps).filter((d) => /^md4c(-|$)/.test(d)).map((d) => join(deps, d, 'src'))
    .filter((d) => existsSync(join(d, 'md4c-html.c')));
  return dirs.sort((a, b) => statSync(b).mtimeMs - statSync(a).mtimeMs)[0] ?? null;
}

// The native limit: compiled here from the same pinned md4c sources as the product.
function buildNativeHarness(md4cSrc) {
  if (!md4cSrc || !existsSync(join(md4cSrc, 'md4c-html.c'))) return null;
  const binary = join(workDir, 'md4c_bench');
  const sources = ['md4c.c', 'md4c-html.c', 'entity.c'].map((f) => join(md4cSrc, f));
  execFileSync('cc', ['-O2', '-DNDEBUG', '-std=c99', `-I${md4cSrc}`, join(benchDir, 'native/md4c_bench.c'),
    ...sources, '-o', binary], { stdio: 'inherit' });
  return binary;
}

function machine() {
  const list = cpus();
  return { cpu: list[0]?.model ?? 'unknown', cores: list.length, memoryGiB: Math.round(totalmem() / 2 ** 30),
    os: `${process.platform} ${release()}`, node: process.version,
    chromium: null /* filled in by the editor part */ };
}

async function main() {
  if (!existsSync(args.wasm)) fail(`no wasm module at ${args.wasm} (build it: cmake --preset wasm && cmake --build --preset wasm)`);
  mkdirSync(workDir, { recursive: true });
  mkdirSync(outDir, { recursive: true });
  const withBenchDeps = benchDepsInstalled();
  if (!withBenchDeps) log('bench: bench/node_modules is missing (npm ci --prefix bench): only Draftmark and native md4c run');

  const corpusDir = join(workDir, smoke ? 'corpus-smoke' : 'corpus');
  mkdirSync(corpusDir, { recursive: true });
  const corpora = buildCorpora({ smoke }).map((c) => {
    const path = join(corpusDir, `${c.name}.md`);
    writeFileSync(path, c.text);
    return { ...c, path, bytes: Buffer.byteLength(c.text), mathSpans: countMathSpans(c.text) };
  });

  const md4cSrc = args['md4c-src'] ?? findMd4cSources();
  const nativeBinary = buildNativeHarness(md4cSrc);
  if (!nativeBinary) log(`bench: no md4c sources (${md4cSrc ?? 'build/native/_deps/md4c*'}; configure the native preset): no native limit`);
  const native = nativeBinary ? startNativeEngine(nativeBinary) : null;
  const engines = [];
  for (const engine of jsEngines({ wasm: args.wasm, withBenchDeps })) {
    engines.push({ ...engine, render: await engine.load() });
  }

  const cellMs = Number(args['cell-ms'] ?? (smoke ? 30 : 1500));
  const rounds = Number(args.rounds ?? (smoke ? 2 : 5));
  log(`throughput: ${engines.length + (native ? 1 : 0)} engines x ${corpora.length} corpora, ${cellMs} ms per cell in ${rounds} rounds`);
  const cells = addRatios(await measureThroughput({ corpora, engines, native, cellMs, rounds, log }),
    { nativeName: native?.name, referenceName: 'markdown-wasm' });
  native?.stop();

  const sizes = { draftmark: moduleSize(args.wasm) };
  if (withBenchDeps) {
    sizes['markdown-wasm'] = moduleSize(join(benchDir, 'node_modules/markdown-wasm/dist/markdown.wasm'));
    sizes['md4w (small)'] = moduleSize(join(benchDir, 'node_modules/md4w/js/md4w-small.wasm'));
    sizes['md4w (fast)'] = moduleSize(join(benchDir, 'node_modules/md4w/js/md4w-fast.wasm'));
  }
  const parts = partsAvailable(args['named-wasm']) ? partSizes(args['named-wasm']) : null;
  if (!parts) log(`bench: no --profiling-funcs build at ${args['named-wasm']}: no per-part sizes`);

  let editor = { skipped: 'not run (--no-editor or --smoke)' };
  if (!smoke && !args['no-editor']) {
    const { measureEditorLatency } = await import('./editor-latency.mjs');
    editor = await measureEditorLatency({ corpora, wasm: args.wasm, withBenchDeps, log });
  }

  let start = null;
  let incremental = [];
  if (!smoke) {
    start = measureStart();
    log(`start: import + init() median ${start.importInitMs.toFixed(1)} ms, entry ${(start.entryGzip / 1000).toFixed(1)} KB gzip`);
    // The generated 1 MB blog and the long post (the seed post 50 times, ~0.9 MB).
    const seed50 = join(corpusDir, 'seed-x50.md');
    writeFileSync(seed50, Array(50).fill(corpora.find((c) => c.name === 'seed').text).join('\n\n'));
    incremental = measureIncremental([{ name: 'blog-1m', path: corpora.find((c) => c.name === 'blog-1m').path }, { name: 'seed-x50', path: seed50 }]);
    for (const r of incremental) log(`incremental: ${r.doc} ${r.mode}: ${r.speedup.toFixed(0)}x (${r.incrementalShare})`);
  }

  const results = {
    date: new Date().toISOString(),
    machine: { ...machine(), chromium: editor.chromium ?? null },
    wasm: relative(repoRoot, resolve(args.wasm)),
    md4c: md4cSrc && relative(repoRoot, md4cSrc),
    settings: { cellMs, rounds, smoke, engines: engines.map((e) => ({ name: e.name, note: e.note })).concat(native ? [{ name: native.name, note: native.note }] : []) },
    corpora: corpora.map(({ name, description, bytes, mathSpans }) => ({ name, description, bytes, mathSpans })),
    throughput: cells,
    sizes: { modules: sizes, draftmarkParts: parts?.parts ?? null },
    editor,
    start,
    incremental,
  };
  results.targets = checkTargets(results);
  writeFileSync(join(outDir, 'latest.json'), `${JSON.stringify(results, null, 2)}\n`);
  const written = writeReports(results, outDir);
  log(`wrote ${join(outDir, 'latest.json')}, ${written.join(', ')}`);
  for (const t of results.targets) log(`target ${t.met === null ? 'n/a ' : t.met ? 'MET ' : 'MISS'} ${t.name}: ${t.detail}`);

  if (smoke) assertSane(results);
}

// The smoke run's checks: every cell measured with positive, finite figures and real HTML.
function assertSane(results) {
  const problems = [];
  const expectedEngines = results.settings.engines.map((e) => e.name);
  for (const corpus of results.corpora) {
    for (const engine of expectedEngines) {
      const cell = results.throughput.find((c) => c.corpus === corpus.name && c.engine === engine);
      if (!cell) { problems.push(`no cell for ${engine} on ${corpus.name}`); continue; }
      if (!(cell.msPerDoc > 0 && Number.isFinite(cell.msPerDoc))) problems.push(`${engine}/${corpus.name}: ms/doc ${cell.msPerDoc}`);
      if (!(cell.samples >= 1)) problems.push(`${engine}/${corpus.name}: no samples`);
      if (!(cell.htmlLength > corpus.bytes / 4)) problems.push(`${engine}/${corpus.name}: HTML of ${cell.htmlLength} chars for ${corpus.bytes} bytes`);
    }
  }
  if (!(results.sizes.modules.draftmark.gzip > 0)) problems.push('no wasm size');
  const md = readFileSync(join(outDir, 'latest.md'), 'utf8');
  if (!md.includes('| corpus |')) problems.push('latest.md has no table');
  if (problems.length) fail(`smoke run is not sane:\n  ${problems.join('\n  ')}`);
  console.log(`bench smoke: ${results.throughput.length} cells sane (${expectedEngines.length} engines)`);
}

main().catch((error) => fail(error.stack ?? String(error)));
