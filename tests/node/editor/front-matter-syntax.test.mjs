// The editor's front matter grammar (web/src/editor/front-matter-syntax.js) on @lezer/markdown, in
// Node: which documents get a Frontmatter block, that its inside is parsed as YAML, and that
// an edit below it reparses incrementally (what keeps keystrokes cheap in long posts).
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { markdownLanguage } from '@codemirror/lang-markdown';
import { TreeFragment } from '@lezer/common';
import { classHighlighter, highlightTree } from '@lezer/highlight';
import { frontMatterSyntax } from '../../../web/src/editor/front-matter-syntax.js';

const parser = markdownLanguage.parser.configure([frontMatterSyntax]);

// Top-level node names, and the innermost node at `pos` (entering mounted YAML trees).
const topLevel = (tree) => { const names = []; const c = tree.cursor(); c.firstChild(); do names.push(c.name); while (c.nextSibling()); return names; };
const innerAt = (tree, pos) => tree.resolveInner(pos, 1).name;

describe('front matter grammar', () => {
  test('a closed front matter is one Frontmatter block, its keys parsed as YAML', () => {
    const doc = '---\nlayout: post\ntitle: "Hello"\n---\n\n# Heading\n';
    const tree = parser.parse(doc);
    assert.deepEqual(topLevel(tree), ['Frontmatter', 'ATXHeading1']);
    assert.equal(innerAt(tree, doc.indexOf('layout') + 1), 'Literal');  // a YAML plain scalar
    assert.equal(innerAt(tree, 1), 'FrontmatterMark');
  });

  test('`...` closes it too, and an empty front matter is one', () => {
    assert.deepEqual(topLevel(parser.parse('---\ntitle: x\n...\ntext\n')), ['Frontmatter', 'Paragraph']);
    assert.deepEqual(topLevel(parser.parse('---\n---\ntext\n')), ['Frontmatter', 'Paragraph']);
  });

  test('an unclosed opening line, or `---` below the first line, stays Markdown', () => {
    assert.deepEqual(topLevel(parser.parse('---\nno closing line\n')), ['HorizontalRule', 'Paragraph']);
    assert.deepEqual(topLevel(parser.parse('text\n\n---\na: b\n---\n')), ['Paragraph', 'HorizontalRule', 'SetextHeading2']);
  });

  test('an edit at the end of a long post reuses the tree of everything above it', () => {
    const body = Array.from({ length: 4000 }, (_, i) => `Paragraph ${i} with *emphasis* and https://example.com/${i}.\n`).join('\n');
    const doc = `---\ntitle: long\nmath: true\n---\n\n${body}`;
    const before = parser.parse(doc);
    const edited = `${doc}x`;
    const changes = [{ fromA: doc.length, toA: doc.length, fromB: doc.length, toB: edited.length }];
    const fragments = TreeFragment.applyChanges(TreeFragment.addTree(before), changes);
    // Count the characters the incremental parse actually reads from the input.
    let read = 0;
    const input = { length: edited.length, chunk: (from) => { const s = edited.slice(from, from + 512); read += s.length; return s; }, lineChunks: false, read: (from, to) => { read += to - from; return edited.slice(from, to); } };
    const after = parser.parse(input, fragments);
    assert.deepEqual(topLevel(after).slice(0, 2), ['Frontmatter', 'Paragraph']);
    assert.ok(read < doc.length / 10, `the reparse read ${read} of ${edited.length} characters`);
  });

  test('the YAML inside is highlighted, and no mixed-parse wrapper walks the tree after each change', () => {
    const doc = '---\nlayout: post\ntags: [a, b]\n---\n\ntext\n';
    const styled = [];
    highlightTree(parser.parse(doc), classHighlighter, (from, to, classes) => styled.push([doc.slice(from, to), classes]));
    assert.ok(styled.some(([text, classes]) => text === 'layout' && classes.includes('tok-propertyName')), JSON.stringify(styled));
    assert.ok(styled.some(([text, classes]) => text === '[' && classes.includes('tok-punctuation')), JSON.stringify(styled));
    // The YAML is mounted by the block parser itself: a parseMixed wrapper would walk every
    // top-level node of a long post on each keystroke to find it.
    assert.equal(parser.wrappers.length, markdownLanguage.parser.wrappers.length);
  });
});
