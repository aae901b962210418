// web/src/editor/syntax-tree-completion.js in Node: typing at the end of a long post whose syntax
// tree is not finished yet must let the tree finish. CodeMirror alone drops an unfinished parse's
// progress at each change, so with a key between every slice the tree never got there.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { syntaxTreeAvailable } from '@codemirror/language';
import { EditorState } from '@codemirror/state';
import { parseSlice } from '../../../web/src/editor/syntax-tree-completion.js';

// ~600 KB of paragraphs, lists and code: Node parses it in about half a second, far more than
// the 20 ms CodeMirror spends on the tree per keystroke.
function longPost() {
  const parts = [];
  for (let i = 0; parts.join('').length < 600_000; i++) {
    parts.push(`## Section ${i}\n\nSome *text* with \`code\` and a [link](https://example.com/${i}).\n`,
      `- item ${i}\n- another **item**\n\n\`\`\`js\nconst x${i} = ${i};\n\`\`\`\n\n`);
  }
  return parts.join('');
}

test('keys typed at the end between parse slices: the tree reaches the end', () => {
  const doc = longPost();
  let state = EditorState.create({ doc, extensions: [markdown({ base: markdownLanguage })] });
  assert.equal(syntaxTreeAvailable(state), false, 'the test needs a document CodeMirror does not parse at once');
  let keys = 0;
  for (; keys < 400 && !syntaxTreeAvailable(state); keys++) {
    state = state.update({ changes: { from: state.doc.length, insert: 'x' } }).state;
    parseSlice(state, state.doc.length);
  }
  assert.ok(syntaxTreeAvailable(state), `the tree did not reach the end after ${keys} keys`);
});
