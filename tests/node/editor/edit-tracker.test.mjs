// The editor's edit tracker in Node (CodeMirror state, no view): what it hands the renderer
// after the editor's changes — one edit in the old text, or a whole render.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { EditorState } from '@codemirror/state';
import { DocumentText, EditTracker } from '../../../web/src/editor/edit-tracker.js';

// Applies `spec` to `state` as an editor update would report it to the tracker.
function change(tracker, state, spec) {
  const tr = state.update(spec);
  tracker.changed({ startState: state, state: tr.state, changes: tr.changes });
  return tr.state;
}

test('typing gives one edit in the last rendered text; a replaced document renders whole', () => {
  const tracker = new EditTracker();
  let state = EditorState.create({ doc: '# Title\n\nSome text.\n' });
  const rendered = new DocumentText(state.doc);
  tracker.rendered(state.doc, rendered);
  state = change(tracker, state, { changes: { from: 9, insert: 'A' } });
  state = change(tracker, state, { changes: { from: 10, insert: 'B' } });
  assert.deepEqual(tracker.edit(state.doc), { change: { from: 9, to: 9, insert: 'AB' }, previous: rendered });
  assert.equal(String(new DocumentText(state.doc)), '# Title\n\nABSome text.\n');
  tracker.rendered(state.doc, new DocumentText(state.doc));
  state = change(tracker, state, { changes: { from: 0, to: state.doc.length, insert: 'Another post\n' } });
  assert.equal(tracker.edit(state.doc), null, 'a post opened over the old one');
});
