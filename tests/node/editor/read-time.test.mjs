// Word count and read time of the rendered post (issues 12 and 15) against their oracle: the core
// counts the words of the HTML it renders (jekyll/post_layout/word_count.h) for the real-post
// corpus, the seed post and a few edge cases; Debian's Jekyll counts the same HTML itself —
// Liquid's strip_html, then Jekyll's number_of_words with "auto" (what Chirpy's
// _includes/read-time.html runs), in one Ruby process. The post header's read time must agree.
//   node tests/node/editor/read-time.test.mjs [--wasm build/wasm/draftmark.wasm]
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';
import { chirpyReadMinutes, countRendered } from '../../../web/src/editor/text-stats.js';
import { argValue } from '../engines.mjs';
import * as draftmark from '../../../web/src/lib/draftmark.js';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const postsDir = path.join(root, 'tests/kramdown/real-posts');
await draftmark.init({ wasm: argValue('--wasm', path.join(root, 'build/wasm/draftmark.wasm')) });
const post = (file) => readFileSync(file, 'utf8');
// Raw HTML samples pass through as HTML blocks (gfm mode); posts render in jekyll mode.
const html = (sample) => ({ markdown: sample, mode: 'gfm' });
const markdown = (text) => ({ markdown: text, mode: 'jekyll' });

const samples = [
  ['link, bold and code', html('<p>See <a href="https://example.com/a/very/long/url">the docs</a>, **not** <strong>this</strong> <code>x = 1</code>.</p>')],
  ['Korean, Chinese and Japanese', html('<p>부스트캠프에서 활동한 지 4개월 — 你好世界 and 日本語の文章</p>')],
  ['script, style and comments', html('<p>a</p><script>var hidden = 1;</script><style>p{}</style><!-- note --><p>b c</p>')],
  ['upper-case script and an unclosed tag', html('<div><SCRIPT>shown words</SCRIPT> 1 < 2 and <unclosed</div>')],
  ['entities and no-break spaces', html('<p>Tom &amp; Jerry&nbsp;run&#160;fast &lt;3</p>')],
  ['empty', html('')],
  ['seed post', markdown(post(path.join(root, 'tests/fixtures/seed-post.md')))],
  ...readdirSync(postsDir).filter((f) => f.endsWith('.md')).sort().map((f) => [f, markdown(post(path.join(postsDir, f)))]),
].map(([name, { markdown: text, mode }]) => {
  const { html: out, words } = draftmark.render(text, { mode, header: false, sourceLines: false, wordCount: true });
  return { name, text, mode, html: out, words };
});

const ruby = `
require 'jekyll'
require 'json'
include Liquid::StandardFilters
include Jekyll::Filters
puts JSON.generate(JSON.parse(STDIN.read).map { |html| number_of_words(strip_html(html), 'auto') })`;
const r = spawnSync('ruby', ['-e', ruby], { input: JSON.stringify(samples.map((s) => s.html)), maxBuffer: 1 << 26 });
if (r.status !== 0) throw new Error(`ruby (jekyll) failed: ${r.stderr}`);
const jekyllWords = JSON.parse(r.stdout.toString('utf8'));

samples.forEach(({ name, text, mode, words }, i) => {
  test(`${name}: words as Jekyll counts them, and the post header's read time`, () => {
    assert.equal(words, jekyllWords[i]);
    const minutes = Math.max(1, Math.floor(jekyllWords[i] / 180));
    assert.equal(chirpyReadMinutes(words), minutes);
    if (mode !== 'jekyll') return;
    const withHeader = draftmark.render(text, { mode, sourceLines: false });
    assert.equal(withHeader.words, words, 'the post layout leaves the content\'s count alone');
    const readTime = withHeader.html.match(/<span class="readtime" title="(\d+) [^"]*"><em>(\d+) /);
    if (withHeader.html.includes('<header class="post-header">') && !/layout: (?!post)/.test(text.slice(0, 2000))) {
      assert.ok(readTime, 'the header shows a read time');
      assert.deepEqual([Number(readTime[1]), Number(readTime[2])], [jekyllWords[i], minutes]);
    }
  });
});

test('read time: 180 words a minute, at least one minute', () => {
  assert.deepEqual([0, 179, 180, 359, 360].map(chirpyReadMinutes), [1, 1, 1, 1, 2]);
});

test('characters are those of the text a reader sees', () => {
  const { characters, charactersNoSpaces } = countRendered('<p>Tom &amp; <em>Jerry</em></p>\n<p>안녕</p>', 3);
  assert.deepEqual({ characters, charactersNoSpaces }, { characters: 'Tom & Jerry안녕'.length, charactersNoSpaces: 'Tom&Jerry안녕'.length });
});
