// The editor's post title (post-title.js) in Node: what the old whole-text pattern
// /^#\s+(.+)$/m found, found line by line.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { Text } from '@codemirror/state';
import { postTitle } from '../../../web/src/editor/post-title.js';

const wholeText = (text) => text.match(/^#\s+(.+)$/m)?.[1].trim() ?? '';

test('the front matter title first, else the first # heading line as the whole-text pattern finds it', () => {
  assert.equal(postTitle({ title: '  제목 ' }, Text.of(['# Heading'])), '제목');
  const texts = ['# Title\n\ntext', 'intro\n#tag\n## Second\n# First level  \n', 'no heading at all\n',
    '#\n\nafter an empty heading', '#   \n# Real', '# A\u2028more', '  # indented\n# B', ''];
  for (const text of texts) {
    const doc = Text.of(text.split('\n'));
    assert.equal(postTitle({ title: '' }, doc), wholeText(text), JSON.stringify(text));
    assert.equal(postTitle(null, doc), wholeText(text), JSON.stringify(text));
  }
});
