// renderEdit against render: random changes (Hangul, emoji, deletions, pasted lines) to the
// seed post and a kramdown fixture, in every mode; each result must be render()'s for the
// new text, and typing in a paragraph must take the incremental path.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import * as dm from '../../../web/src/lib/draftmark.js';
import { argValue } from '../engines.mjs';

await dm.init({ wasm: argValue('--wasm', 'build/wasm/draftmark.wasm') });

// A linear congruential generator: the same changes on every run.
function makeRandom(seed) {
  let state = seed >>> 0;
  return () => {
    state = (Math.imul(state, 1664525) + 1013904223) >>> 0;
    return state / 4294967296;
  };
}

const INSERTS = ['a', ' ', '한', '글', '😀', 'é', '\n', '\n\n', '**', '[x]', '\n## Heading\n', '\n```\n', '$$', '\n> quote\n'];

function same(actual, expected, what) {
  assert.equal(actual.html, expected.html, `${what}: html`);
  assert.deepEqual(actual.blocks, expected.blocks, `${what}: blocks`);
  assert.deepEqual(actual.diagnostics, expected.diagnostics, `${what}: diagnostics`);
  assert.deepEqual(actual.frontMatter, expected.frontMatter, `${what}: front matter`);
  assert.equal(actual.words, expected.words, `${what}: words`);
}

for (const file of ['tests/fixtures/seed-post.md', 'tests/kramdown/fixtures/block-ials.md']) {
  for (const mode of ['gfm', 'commonmark', 'jekyll']) {
    test(`renderEdit gives render()'s result after every change (${file}, ${mode})`, () => {
      const random = makeRandom(16 + mode.length);
      const options = { mode };
      let text = readFileSync(file, 'utf8');
      dm.render(text, options);
      let incremental = 0;
      let cursor = Math.floor(text.length / 2);
      for (let n = 0; n < 150; n++) {
        if (random() < 0.1) cursor = Math.floor(random() * (text.length + 1));
        // Never split a surrogate pair: CodeMirror does not either.
        const fix = (at) => ((text.charCodeAt(at - 1) & 0xfc00) === 0xd800 ? at + 1 : at);
        const from = fix(Math.min(cursor, text.length));
        const to = random() < 0.2 ? fix(Math.min(text.length, from + 1 + Math.floor(random() * 4))) : from;
        const insert = to > from && random() < 0.5 ? '' : INSERTS[Math.floor(random() * INSERTS.length)];
        text = text.slice(0, from) + insert + text.slice(to);
        cursor = from + insert.length;
        const result = dm.renderEdit(text, { from, to, insert }, options);
        if (result.incremental) incremental++;
        same(result, dm.render(text, options), `change ${n} at ${from}`);
        dm.renderEdit(text, { from: cursor, to: cursor, insert: '' }, options);  // back on the edit path
      }
      assert.ok(incremental > 0, 'some changes were incremental');
    });
  }
}

test('typing in a paragraph of the seed post is incremental after the first change', () => {
  const text = readFileSync('tests/fixtures/seed-post.md', 'utf8');
  for (const mode of ['gfm', 'jekyll']) {
    let current = text;
    dm.render(current, { mode });
    const at = current.indexOf('\n\n', Math.floor(current.length / 2)) - 5;
    const kinds = [];
    for (const ch of ['x', '한', 'y']) {
      const from = at + (current.length - text.length);
      current = current.slice(0, from) + ch + current.slice(from);
      kinds.push(dm.renderEdit(current, { from, to: from, insert: ch }, { mode }).incremental);
    }
    assert.deepEqual(kinds, [false, true, true], mode);
  }
});

// The editor's path: renderEditForPatch with the previous result's blocks, whose unchanged
// blocks keep their HTML bytes instead of copying the page again (draftmark.js reusedPatchBlocks).
test('renderEditForPatch: each block\'s HTML and lines are render()\'s, typing and pasting in the seed post', () => {
  const random = makeRandom(99);
  for (const mode of ['gfm', 'jekyll']) {
    let text = readFileSync('tests/fixtures/seed-post.md', 'utf8');
    let previous = dm.renderForPatch(text, { mode });
    let cursor = text.indexOf('\n\n', text.length >> 1);
    for (let n = 0; n < 120; n++) {
      if (random() < 0.1) cursor = Math.floor(random() * (text.length + 1));
      if ((text.charCodeAt(cursor - 1) & 0xfc00) === 0xd800) cursor++;
      const insert = random() < 0.05 ? '\n\nPasted *paragraph*.\n\n- a list\n' : INSERTS[Math.floor(random() * INSERTS.length)];
      const before = text;
      text = text.slice(0, cursor) + insert + text.slice(cursor);
      const result = dm.renderEditForPatch(text, { from: cursor, to: cursor, insert }, { mode }, before, previous.blocks);
      cursor += insert.length;
      const expected = dm.renderForPatch(text, { mode });
      const view = (r) => r.blocks.map((b) => [b.lineStart, b.lineEnd, b.hash, b.html]);
      assert.deepEqual(view(result), view(expected), `${mode}, change ${n}`);
      dm.renderEditForPatch(text, { from: cursor, to: cursor, insert: '' }, { mode }, text, result.blocks);  // back on the edit path
      previous = result;
    }
  }
});

// The editor hands renderEditForPatch its document as a lazy text (edit-tracker.js
// DocumentText): an edit reads only the units around it, and the whole string is never built.
const TYPING = ['a', ' ', '한', '글', '😀', 'é', '.', '\n'];  // what keeps a render incremental

class LazyText {
  static built = 0;
  constructor(string) { this.string = string; }
  get length() { return this.string.length; }
  slice(from, to) { return this.string.slice(from, to); }
  toString() { LazyText.built++; return this.string; }
}

test('renderEditForPatch with a lazy text: render()\'s blocks, and no whole string built for an incremental edit', () => {
  const random = makeRandom(7);
  for (const mode of ['gfm', 'jekyll']) {
    let text = readFileSync('tests/fixtures/seed-post.md', 'utf8');
    let lazy = new LazyText(text);
    let previous = dm.renderForPatch(lazy, { mode });
    let cursor = text.indexOf('\n\n', text.length >> 1);
    let incremental = 0;
    for (let n = 0; n < 120; n++) {
      if (random() < 0.15) cursor = Math.floor(random() * (text.length + 1));
      if ((text.charCodeAt(cursor - 1) & 0xfc00) === 0xd800) cursor++;
      const to = random() < 0.2 ? Math.min(text.length, cursor + 1 + Math.floor(random() * 3)) : cursor;
      const end = (text.charCodeAt(to - 1) & 0xfc00) === 0xd800 ? to + 1 : to;
      const insert = TYPING[Math.floor(random() * TYPING.length)];
      const before = lazy;
      text = text.slice(0, cursor) + insert + text.slice(end);
      lazy = new LazyText(text);
      const built = LazyText.built;
      const result = dm.renderEditForPatch(lazy, { from: cursor, to: end, insert }, { mode }, before, previous.blocks);
      if (result.incremental) {
        incremental++;
        assert.equal(LazyText.built, built, `${mode}, change ${n}: an incremental edit built the whole string`);
      }
      cursor += insert.length;
      const view = (r) => r.blocks.map((b) => [b.lineStart, b.lineEnd, b.hash, b.html]);
      assert.deepEqual(view(result), view(dm.renderForPatch(text, { mode })), `${mode}, change ${n}`);
      // Back on the edit path, the module holding the lazy text again.
      previous = dm.renderEditForPatch(lazy, { from: cursor, to: cursor, insert: '' }, { mode }, text, result.blocks);
    }
    assert.ok(incremental > 30, `${mode}: ${incremental} of 120 edits incremental`);
  }
});

// renderInto() and <draftmark-preview> get whole texts: renderAfter finds what changed and
// renders around it. Its result must be render()'s, whatever rendered in between.
test('renderAfter(previous, text) is render(text) after typing, pasting, deleting and emoji at the edges', () => {
  const random = makeRandom(23);
  const seed = readFileSync('tests/fixtures/seed-post.md', 'utf8');
  const long = seed.repeat(30);  // past the 4,096-unit steps of the comparison
  for (const [name, start] of [['seed', seed], ['long', long]]) {
    for (const mode of ['gfm', 'jekyll']) {
      let previous = null;
      let text = start;
      for (let n = 0; n < 60; n++) {
        const at = Math.floor(random() * (text.length + 1));
        const fixed = (text.charCodeAt(at - 1) & 0xfc00) === 0xd800 ? at + 1 : at;
        const cut = random() < 0.3 ? Math.min(text.length, fixed + Math.floor(random() * 40)) : fixed;
        const end = (text.charCodeAt(cut - 1) & 0xfc00) === 0xd800 ? cut + 1 : cut;
        text = text.slice(0, fixed) + (random() < 0.3 ? '' : INSERTS[Math.floor(random() * INSERTS.length)]) + text.slice(end);
        if (n % 17 === 16) dm.render('# something else\n', { mode });  // another caller rendered meanwhile
        const result = dm.renderAfter(previous, text, { mode });
        same(result, dm.render(text, { mode }), `${name} ${mode}, change ${n}`);
        assert.equal(result.incremental, undefined, 'render()\'s fields only');
        dm.renderAfter(null, text, { mode });  // the module holds `text` again, as after renderAfter
        previous = text;
      }
    }
  }
  // Emoji pairs on both sides of the change: the change never splits one.
  dm.render('a😀😀b', { mode: 'gfm' });
  same(dm.renderAfter('a😀😀b', 'a😀😁😀b', { mode: 'gfm' }), dm.render('a😀😁😀b', { mode: 'gfm' }), 'emoji');
});
