// The sizes table of README.md ("Sizes"), measured on the built dist/: what each way of using
// Draftmark downloads, raw and gzipped. `node scripts/sizes.mjs` prints it; `--write` puts it
// between README's <!-- sizes:begin --> and <!-- sizes:end --> markers (web/build.mjs does that
// after every build); tests/dist/package.test.mjs fails when README's table is stale.
import { readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const BEGIN = '<!-- sizes:begin -->';
const END = '<!-- sizes:end -->';
const STATIC_IMPORT = /(?:^|[;}\s])import\s*(?:[\w$\s{},*]+from\s*)?["']([^"']+)["']/g;

// The file plus every file it imports statically, transitively (what loading it fetches).
function closure(dist, file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(dist, file), 'utf8');
  for (const [, spec] of text.matchAll(STATIC_IMPORT)) {
    if (spec.startsWith('.')) closure(dist, path.posix.join(path.posix.dirname(file), spec), seen);
  }
  return seen;
}

const measure = (dist, files) => {
  let raw = 0; let gzip = 0;
  for (const file of files) {
    const bytes = readFileSync(path.join(dist, file));
    raw += bytes.length;
    gzip += gzipSync(bytes, { level: 9 }).length;
  }
  return { raw, gzip, files: files.length };
};

/** [{label, raw, gzip, files}] for the built dist/ under `root`. */
export function measureSizes(root) {
  const dist = path.join(root, 'dist');
  const chunk = (prefix) => {
    const name = readdirSync(path.join(dist, 'chunks')).find((f) => f.startsWith(`${prefix}-`) && f.endsWith('.js'));
    if (!name) throw new Error(`dist/chunks/${prefix}-*.js is missing: run node web/build.mjs`);
    return `chunks/${name}`;
  };
  const module = closure(dist, 'draftmark.js');
  const element = closure(dist, 'draftmark-element.js');
  const added = (base, file) => [...closure(dist, file)].filter((f) => !base.has(f));
  const fonts = readdirSync(path.join(dist, 'fonts')).filter((f) => f.endsWith('.woff2')).map((f) => `fonts/${f}`);
  const domHalf = added(module, chunk('render-into'));
  return [
    { label: '`import { init, render }`: `draftmark.js` and its chunks', ...measure(dist, [...module]) },
    { label: '+ first `renderInto()`: DOMPurify, patcher, KaTeX', ...measure(dist, domHalf) },
    { label: '+ fenced code with a language: the highlighter', ...measure(dist, added(new Set([...module, ...domHalf]), chunk('highlight'))) },
    { label: '`<draftmark-preview>`: `draftmark-element.js` and its chunks (post CSS inside)', ...measure(dist, [...element]) },
    { label: '+ a post with math: KaTeX and its CSS', ...measure(dist, added(element, chunk('element-math'))) },
    { label: '+ a post with fenced code: the highlighter', ...measure(dist, added(element, chunk('highlight'))) },
    { label: '`draftmark.wasm` (both; served as `application/wasm`)', ...measure(dist, ['draftmark.wasm']) },
    { label: '`draftmark.css` (post styles + KaTeX CSS, for `renderInto`)', ...measure(dist, ['draftmark.css']) },
    { label: 'KaTeX fonts, `fonts/*.woff2` (each fetched only when a formula uses it)', ...measure(dist, fonts) },
  ];
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;

/** The Markdown table for `rows` (from measureSizes). */
export function sizesTable(rows) {
  const lines = ['| what a page loads | files | raw | gzip |', '|---|---:|---:|---:|'];
  for (const r of rows) lines.push(`| ${r.label} | ${r.files} | ${kb(r.raw)} | ${kb(r.gzip)} |`);
  return lines.join('\n');
}

/** README.md's current table (between the markers), or null without markers. */
export function readmeTable(readme) {
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) return null;
  return readme.slice(start + BEGIN.length, end).trim();
}

/** Rewrites README.md's table from dist/; returns whether it changed. */
export function writeReadmeTable(root) {
  const file = path.join(root, 'README.md');
  const readme = readFileSync(file, 'utf8');
  const start = readme.indexOf(BEGIN);
  const end = readme.indexOf(END);
  if (start < 0 || end < start) throw new Error(`README.md has no ${BEGIN} … ${END} markers`);
  const next = `${readme.slice(0, start + BEGIN.length)}\n${sizesTable(measureSizes(root))}\n${readme.slice(end)}`;
  if (next === readme) return false;
  writeFileSync(file, next);
  return true;
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
  if (process.argv.includes('--write')) {
    console.log(writeReadmeTable(root) ? 'sizes: README.md table updated' : 'sizes: README.md table up to date');
  } else {
    console.log(sizesTable(measureSizes(root)));
  }
}
