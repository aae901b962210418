// Word count and read time of the rendered post (issue 12) against their oracle: the HTML our
// native CLI renders in jekyll mode (no header) for the real-post corpus, the seed post and a few
// edge cases, counted by Debian's Jekyll itself — Liquid's strip_html, then Jekyll's
// number_of_words with "auto" (what Chirpy's _includes/read-time.html runs), in one Ruby process.
//   node tests/node/editor/read-time.test.mjs [--cli build/native/draftmark]
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chirpyReadMinutes, countRendered } from '../../../web/src/editor/text-stats.js';
import { makeEngine } from '../engines.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const postsDir = path.join(root, 'tests/kramdown/real-posts');
const render = await makeEngine('native');

const samples = [
  ['link, bold and code', '<p>See <a href="https://example.com/a/very/long/url">the docs</a>, **not** <strong>this</strong> <code>x = 1</code>.</p>'],
  ['Korean, Chinese and Japanese', '<p>부스트캠프에서 활동한 지 4개월 — 你好世界 and 日本語の文章</p>'],
  ['script, style and comments', '<p>a</p><script>var hidden = 1;</script><style>p{}</style><!-- note --><p>b c</p>'],
  ['entities and no-break spaces', '<p>Tom &amp; Jerry&nbsp;run&#160;fast &lt;3</p>'],
  ['empty', ''],
  ['seed post', render(readFileSync(path.join(root, 'tests/fixtures/seed-post.md'), 'utf8'), { mode: 'jekyll' })],
  ...readdirSync(postsDir).filter((f) => f.endsWith('.md')).sort()
    .map((f) => [f, render(readFileSync(path.join(postsDir, f), 'utf8'), { mode: 'jekyll' })]),
];

const ruby = `
require 'jekyll'
require 'json'
include Liquid::StandardFilters
include Jekyll::Filters
puts JSON.generate(JSON.parse(STDIN.read).map { |html| number_of_words(strip_html(html), 'auto') })`;
const r = spawnSync('ruby', ['-e', ruby], { input: JSON.stringify(samples.map(([, html]) => html)), maxBuffer: 1 << 26 });
if (r.status !== 0) throw new Error(`ruby (jekyll) failed: ${r.stderr}`);
const jekyllWords = JSON.parse(r.stdout.toString('utf8'));

samples.forEach(([name, html], i) => {
  test(`${name}: words and read time as Jekyll and Chirpy count them`, () => {
    const ours = countRendered(html);
    assert.equal(ours.words, jekyllWords[i]);
    assert.equal(ours.minutes, Math.max(1, Math.floor(jekyllWords[i] / 180)));
  });
});

test('read time: 180 words a minute, at least one minute', () => {
  assert.deepEqual([0, 179, 180, 359, 360].map(chirpyReadMinutes), [1, 1, 1, 1, 2]);
});

test('characters are those of the text a reader sees', () => {
  const { characters, charactersNoSpaces } = countRendered('<p>Tom &amp; <em>Jerry</em></p>\n<p>안녕</p>');
  assert.deepEqual({ characters, charactersNoSpaces }, { characters: 'Tom & Jerry안녕'.length, charactersNoSpaces: 'Tom&Jerry안녕'.length });
});
