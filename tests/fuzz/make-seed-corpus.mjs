// Writes the fuzzer's seed corpus: every CommonMark spec example, every fixture, the
// curated seeds, the attack corpus and small pathological inputs, each prefixed by the
// options byte fuzz_render.cpp reads (varied so all modes and flags are seeded).
//   node tests/fuzz/make-seed-corpus.mjs --out DIR
// The corpus is generated into the build tree, never committed.
import { mkdirSync, readdirSync, readFileSync, rmSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { patterns } from '../pathological/patterns.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const outIndex = process.argv.indexOf('--out');
if (outIndex < 0) {
  console.error('usage: make-seed-corpus.mjs --out DIR');
  process.exit(2);
}
const out = path.resolve(process.argv[outIndex + 1]);
rmSync(out, { recursive: true, force: true });
mkdirSync(out, { recursive: true });

const MODE_JEKYLL = 3;
const SOURCE_LINES = 4;
const POST_HEADER = 8;
const SITE_SETTINGS = 32;  // the target sets url, baseurl, known posts and defaults
let count = 0;
function write(name, optionsByte, text) {
  const body = Buffer.isBuffer(text) ? text : Buffer.from(text, 'utf8');
  writeFileSync(path.join(out, `${String(count++).padStart(5, '0')}-${name}`),
    Buffer.concat([Buffer.from([optionsByte & 0xff]), body]));
}

// CommonMark spec examples (the spec writes tabs as →).
const spec = readFileSync(path.join(root, 'node_modules/commonmark-spec/spec.txt'), 'utf8');
const fence = '`'.repeat(32);
const exampleRe = new RegExp(`^${fence} example[^\\n]*\\n([\\s\\S]*?)^\\.\\n`, 'gm');
let example = 0;
for (const m of spec.matchAll(exampleRe)) {
  write(`spec-${++example}`, example & 31, m[1].replaceAll('→', '\t'));
}
if (example < 600) throw new Error(`only ${example} spec examples found: has spec.txt changed format?`);

// Fixtures, curated seeds and attack documents in every mode.
const dirs = ['tests/fixtures', 'tests/fuzz/seeds', 'tests/security/attacks', 'tests/liquid/posts'];
for (const dir of dirs) {
  const full = path.join(root, dir);
  if (!existsSync(full)) continue;
  for (const f of readdirSync(full).sort()) {
    const text = readFileSync(path.join(full, f));
    for (let mode = 0; mode < 4; mode++) write(`${path.basename(dir)}-${f}-${mode}`, mode | SOURCE_LINES | POST_HEADER, text);
    write(`${path.basename(dir)}-${f}-site`, MODE_JEKYLL | SITE_SETTINGS | SOURCE_LINES, text);
  }
}

// Pathological shapes, small enough for the fuzzer to mutate quickly.
for (const p of patterns) write(`pathological-${p.name}`, MODE_JEKYLL | SOURCE_LINES, p.make(p.seedSize ?? 40));

console.log(`${count} seed inputs (${example} spec examples) in ${out}`);
