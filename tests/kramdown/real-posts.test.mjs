// Real-post corpus: the public Chirpy/Jekyll posts in real-posts/ (sources in MANIFEST.json),
// rendered by kramdown 2.4 as Jekyll runs it and by Draftmark in jekyll mode, compared block by
// block after the parity normalisation (normalize-parity.mjs). Unlike parity.test.mjs, real
// posts are not expected to match exactly: the test prints how many posts are identical, how
// many kramdown blocks Draftmark reproduces, and the differing blocks per category, and FAILS if
// a figure drops below the floor measured on the last accepted run (FLOORS below) — raise the
// floors when a rule is fixed so they cannot silently slip back.
//   node tests/kramdown/real-posts.test.mjs [--cli build/native/draftmark] [--verbose]
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { makeEngine } from '../node/engines.mjs';
import { normalizePair } from './normalize-parity.mjs';
import { differingHunks, frontMatterOf, renderWithKramdown, topLevelBlocks } from './block-compare.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const verbose = process.argv.includes('--verbose');

// Measured figures this run must not fall below (posts identical, blocks identical, of the
// posts not marked liquid).
const FLOORS = { postsIdentical: 24, blocksIdentical: 429 };

const dir = path.join(here, 'real-posts');
const manifest = JSON.parse(readFileSync(path.join(dir, 'MANIFEST.json'), 'utf8'));

// Liquid is another pass's job: posts marked `liquid` lose their tags on both sides.
const stripLiquid = (text) => text.replace(/^[ \t]*\{%[^\n]*%\}[ \t]*\n/gm, '').replace(/\{%.*?%\}|\{\{.*?\}\}/g, '');
const posts = manifest.posts.map((p) => {
  const raw = readFileSync(path.join(dir, p.file), 'utf8');
  return { ...p, source: p.liquid ? stripLiquid(raw) : raw };
});

// What a differing block is about, first match wins; the order puts the most specific first.
const CATEGORIES = [
  ['math', (t) => /\\\(|\\\[|\$/.test(t)],
  ['code', (t) => /<pre\b/.test(t)],
  ['table', (t) => /<t[dhr]\b|<table\b/.test(t)],
  ['list', (t) => /<[ou]l\b|<li\b/.test(t)],
  ['blockquote', (t) => /<blockquote\b/.test(t)],
  ['raw-html', (t) => /<(?:br|details|summary|div|span|kbd|u|img|script)\b/.test(t)],
  ['heading', (t) => /<h[1-6]\b/.test(t)],
  ['typography', (t) => /[“”‘’«»–—…]/.test(t)],
  ['paragraph', () => true],
];
const categoryOf = (text) => CATEGORIES.find(([, test]) => test(text))[0];

const render = await makeEngine('native');
const kramdownOutputs = renderWithKramdown(posts.map((p) => p.source));
const show = (blocks) => blocks.map((b) => '    ' + b.replace(/\n/g, '\n    ')).join('\n') || '    (nothing)';

const totals = { plain: { posts: 0, identical: 0, same: 0, blocks: 0 }, liquid: { posts: 0, identical: 0, same: 0, blocks: 0 } };
const perCategory = new Map();
posts.forEach((post, index) => {
  const { kramdown, draftmark } = normalizePair(kramdownOutputs[index],
    render(post.source, { mode: 'jekyll' }), frontMatterOf(post.source));
  const kBlocks = topLevelBlocks(kramdown);
  const { hunks, same } = differingHunks(kBlocks, topLevelBlocks(draftmark));
  const t = totals[post.liquid ? 'liquid' : 'plain'];
  t.posts++;
  t.same += same;
  t.blocks += kBlocks.length;
  if (hunks.length === 0) t.identical++;
  for (const hunk of hunks) {
    const category = categoryOf([...hunk.kramdown, ...hunk.draftmark].join('\n'));
    const c = perCategory.get(category) ?? { hunks: 0, kramdownBlocks: 0, posts: new Set() };
    c.hunks++;
    c.kramdownBlocks += hunk.kramdown.length;
    c.posts.add(post.file);
    perCategory.set(category, c);
    if (verbose) {
      console.log(`${post.file} [${category}]\n  kramdown:\n${show(hunk.kramdown)}\n  draftmark:\n${show(hunk.draftmark)}`);
    }
  }
});

const pct = (a, b) => (b ? (100 * a / b).toFixed(1) : '100.0');
for (const [name, t] of Object.entries(totals)) {
  if (!t.posts) continue;
  console.log(`real posts (${name === 'plain' ? 'without Liquid' : 'Liquid stripped'}): ${t.identical}/${t.posts} posts identical; ` +
              `${t.same}/${t.blocks} kramdown blocks identical (${pct(t.same, t.blocks)}%)`);
}
for (const [category, c] of [...perCategory].sort((a, b) => b[1].kramdownBlocks - a[1].kramdownBlocks)) {
  console.log(`  ${category}: ${c.hunks} differing run(s), ${c.kramdownBlocks} kramdown block(s), in ${c.posts.size} post(s)`);
}
const p = totals.plain;
const failures = [];
if (p.identical < FLOORS.postsIdentical) failures.push(`posts identical ${p.identical} < floor ${FLOORS.postsIdentical}`);
if (p.same < FLOORS.blocksIdentical) failures.push(`blocks identical ${p.same} < floor ${FLOORS.blocksIdentical}`);
for (const f of failures) console.log(`FAIL: ${f}`);
process.exit(failures.length ? 1 : 0);
