// Node start-up cost of the module: `import` of dist/draftmark.js plus `await init()` (read and
// compile draftmark.wasm, instantiate), measured inside each of N fresh Node processes (so no
// module or compile cache is warm) and reported as the median. Compare: markdown-wasm's
// import + ready is ~19 ms on the same kind of machine. Target: ≤ 30 ms.
//   node bench/import-time.mjs [--runs 10] [--module dist/draftmark.js] [--json]
import { execFileSync } from 'node:child_process';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const arg = (name, fallback) => {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
};
const runs = Number(arg('runs', 10));
const moduleUrl = pathToFileURL(path.resolve(root, arg('module', 'dist/draftmark.js'))).href;

// The child times from just before `import()` to after init() and one tiny render.
const child = `
const t0 = performance.now();
const dm = await import(${JSON.stringify(moduleUrl)});
const t1 = performance.now();
await dm.init();
const t2 = performance.now();
dm.render('# x\\n');
const t3 = performance.now();
console.log(JSON.stringify({ importMs: t1 - t0, initMs: t2 - t1, firstRenderMs: t3 - t2, totalMs: t2 - t0 }));
`;

const samples = [];
for (let i = 0; i < runs; i++) {
  samples.push(JSON.parse(execFileSync(process.execPath, ['--input-type=module', '-e', child], { encoding: 'utf8' })));
}
const median = (key) => {
  const values = samples.map((s) => s[key]).sort((a, b) => a - b);
  const mid = values.length >> 1;
  return values.length % 2 ? values[mid] : (values[mid - 1] + values[mid]) / 2;
};
// The machine's load, printed beside the result: on a busy machine every step is slower, and
// the number says so instead of passing for the module's cost.
const result = {
  runs, node: process.version, load: loadavg()[0], cpus: cpus().length,
  importMs: median('importMs'), initMs: median('initMs'), totalMs: median('totalMs'), firstRenderMs: median('firstRenderMs'),
};
if (process.argv.includes('--json')) console.log(JSON.stringify(result));
else {
  const ms = (v) => `${v.toFixed(1)} ms`;
  console.log(`import + init(): median ${ms(result.totalMs)} of ${runs} fresh processes ` +
    `(import ${ms(result.importMs)}, init ${ms(result.initMs)}; first render ${ms(result.firstRenderMs)}; node ${result.node}; ` +
    `load average ${result.load.toFixed(1)} on ${result.cpus} CPUs)`);
}
