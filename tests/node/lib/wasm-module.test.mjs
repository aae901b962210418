// The wasm module under Node: parity with the native CLI, big and deeply nested
// input, bad input, and memory that stays flat across many renders.
import assert from 'node:assert/strict';
import { readFileSync, readdirSync } from 'node:fs';
import { test } from 'node:test';
import * as dm from '../../../web/src/lib/draftmark.js';
import { argValue, makeEngine } from '../engines.mjs';

const wasm = argValue('--wasm', 'build/wasm/draftmark.wasm');
await dm.init({ wasm });
const native = await makeEngine('native');
const seed = readFileSync('tests/fixtures/seed-post.md', 'utf8');

test('wasm and native give identical HTML on every fixture and mode', () => {
  const fixtures = readdirSync('tests/fixtures').filter((f) => f.endsWith('.md'));
  assert.ok(fixtures.length >= 1);
  for (const f of fixtures) {
    const text = readFileSync(`tests/fixtures/${f}`, 'utf8');
    for (const mode of ['gfm', 'commonmark', 'jekyll']) {
      const a = dm.render(text, { mode, sourceLines: true, header: false }).html;
      const b = native(text, { mode, sourceLines: true });
      assert.equal(a, b, `${f} in ${mode} mode`);
    }
  }
});

test('the result carries blocks with line ranges and html slices', () => {
  const r = dm.render('# T\n\npara\n', { mode: 'gfm' });
  assert.equal(r.blocks.length, 2);
  assert.deepEqual([r.blocks[1].lineStart, r.blocks[1].lineEnd], [3, 3]);
  assert.equal(r.blocks.map((b) => b.html).join(''), r.html);
  assert.equal(r.mode, 'gfm');
});

test('blocks slice the page by UTF-16 offsets (non-ASCII included) and stay valid after later renders', () => {
  const text = '# 한국어 제목 😀\n\npara é\n\n- a\n- 😀 b\n';
  const blocksFirst = dm.render(text, { mode: 'gfm' });
  const pageFirst = dm.render(text, { mode: 'gfm' });
  dm.render('something else entirely\n', { mode: 'commonmark' });  // overwrites the module's buffers
  const fromBlocks = blocksFirst.blocks.map((b) => b.html);
  const page = pageFirst.html;
  assert.equal(fromBlocks.join(''), page);
  assert.equal(pageFirst.blocks.map((b) => b.html).join(''), page);  // slices of the decoded page
  assert.equal(blocksFirst.html, page);
  assert.ok(page.includes('한국어 제목 😀') && page.includes('😀 b'), page);
  // Plain data for copies: JSON and structuredClone see the HTML.
  assert.equal(JSON.parse(JSON.stringify(pageFirst)).blocks[2].html, pageFirst.blocks[2].html);
  assert.equal(structuredClone(pageFirst).html, page);
});

test('renderForPatch gives the same blocks as render, decoding each block only when read', () => {
  const eager = dm.render(seed, { mode: 'jekyll' });
  const lazy = dm.renderForPatch(seed, { mode: 'jekyll' });
  dm.render('overwrites the module buffers\n');
  assert.equal(lazy.html, undefined);
  assert.deepEqual(lazy.blocks.map((b) => [b.lineStart, b.lineEnd, b.hash]), eager.blocks.map((b) => [b.lineStart, b.lineEnd, b.hash]));
  assert.deepEqual(lazy.blocks.map((b) => b.html), eager.blocks.map((b) => b.html));
  assert.deepEqual([lazy.diagnostics, lazy.frontMatter, lazy.mode], [eager.diagnostics, eager.frontMatter, eager.mode]);
});

test('pages of every size Node reads differently (heap, sliced from a longer string, external) are exact', () => {
  // draftmark.js reads a page of 200K units up to Node's external-string size as a longer string
  // and slices it: the page, its blocks and a later render must not see the bytes after it.
  const paragraph = (i) => `한국어 text ${i} é 😀 <b>&amp;</b>\n\n`;
  for (const units of [150e3, 250e3, 700e3, 1.1e6]) {
    const count = Math.ceil(units / 50);
    const text = Array.from({ length: count }, (_, i) => paragraph(i)).join('');
    const r = dm.render(text, { mode: 'gfm' });
    const lazy = dm.renderForPatch(text, { mode: 'gfm' });  // decoded from UTF-8, block by block
    assert.ok(r.html.length > units * 0.9, `${r.html.length} units for ${units}`);
    assert.equal(r.html, lazy.blocks.map((b) => b.html).join(''));
    assert.equal(r.blocks.map((b) => b.html).join(''), r.html);
    const last = 2 * count - 1;
    assert.ok(r.html.endsWith(`<p data-line="${last}-${last}">${paragraph(count - 1).trim()}</p>\n`), r.html.slice(-200));
    dm.render('x'.repeat(20), { mode: 'gfm' });
    assert.equal(r.html, lazy.blocks.map((b) => b.html).join(''));
  }
});

test('2 MB of input renders completely', () => {
  const big = seed.split('\n---\n').slice(1).join('\n---\n').repeat(Math.ceil(2e6 / seed.length));
  assert.ok(big.length > 1.5e6);
  const r = dm.render(big, { mode: 'gfm' });
  assert.ok(r.html.length > big.length / 2, 'output is not truncated');
  assert.ok(r.html.endsWith('</p>\n') || r.html.endsWith('</ul>\n') || r.html.endsWith('>\n'));
});

test('50,000-deep nesting neither traps nor returns empty output', () => {
  for (const [name, text] of [
    ['block quotes', '>'.repeat(50000) + ' deep\n'],
    ['lists', Array.from({ length: 50000 }, (_, i) => ' '.repeat(i % 60) + '- x').join('\n')],
    ['emphasis', '*'.repeat(50000) + 'a' + '*'.repeat(50000)],
    ['brackets', '['.repeat(50000) + 'a' + ']'.repeat(50000)],
  ]) {
    const r = dm.render(text, { mode: 'gfm' });
    assert.ok(r.html.length > 0, `${name}: output is empty`);
  }
});

test('invalid UTF-16 (lone surrogates) and NUL render as U+FFFD', () => {
  const r = dm.render('a\u0000b\ud800c\n', { mode: 'gfm' });
  assert.match(r.html, /a\ufffdb\ufffdc/);
});

test('10,000 renders of the seed post leave memory flat', () => {
  dm.render(seed, { mode: 'auto' });
  const before = dm.memoryStats();
  for (let i = 0; i < 10000; i++) dm.render(seed, { mode: 'auto' });
  const after = dm.memoryStats();
  assert.deepEqual(after, before);
});

test('an unknown mode is a DraftmarkError', () => {
  assert.throws(() => dm.render('x', { mode: 'nope' }), dm.DraftmarkError);
});

test('site settings reach render(): site.url, post_url against known posts, math from defaults', () => {
  const config = [
    'url: https://me.example', 'baseurl: /blog', 'title: My blog',
    'defaults:', '  - scope: {path: "", type: posts}', '    values: {math: true, toc: true}', '',
  ].join('\n');
  const { settings } = dm.parseSiteConfig(config, { postPath: '_posts/2024-01-02-b.md' });
  const site = { url: settings.url, baseurl: settings.baseurl, title: settings.title,
    knownPosts: ['2024-01-01-a'], defaults: settings.post_defaults };
  const post = '---\ntitle: B\n---\n\n{{ site.url }} {{ site.title }}\n\n[a]({% post_url 2024-01-01-a %}) $x$\n\n[c]({% post_url 2024-01-01-c %})\n';
  const r = dm.render(post, { mode: 'jekyll', header: false, site });
  assert.match(r.html, /https:\/\/me\.example My blog/);
  assert.match(r.html, /href="\/blog\/posts\/a\/"/);
  assert.match(r.html, /class="math inline"/);
  assert.match(r.html, /data-line="7-7"/);  // defaults do not move source lines
  assert.equal(r.frontMatter.toc, true);
  const missing = r.diagnostics.filter((d) => d.code === 'liquid-post-not-found');
  assert.equal(missing.length, 1);
  assert.equal(missing[0].line, 9);
  // Without `site`, the module forgets them.
  const bare = dm.render(post, { mode: 'jekyll', header: false });
  assert.doesNotMatch(bare.html, /me\.example/);
  assert.ok(bare.diagnostics.some((d) => d.code === 'math-disabled'));
  assert.ok(!bare.diagnostics.some((d) => d.code === 'liquid-post-not-found'));
});
