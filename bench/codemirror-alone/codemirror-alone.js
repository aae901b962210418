// CodeMirror with the usual extensions and nothing else: the page the editor latency runs type
// into to show what CodeMirror's own update, measure and frame cost in this browser.
// `draftmark:rendered` follows each change in a microtask, where Draftmark renders its preview.
import { EditorView, basicSetup } from 'codemirror';
import { markdown } from '@codemirror/lang-markdown';

const rendered = () => document.dispatchEvent(new Event('draftmark:rendered'));
const view = new EditorView({
  parent: document.getElementById('editor'),
  extensions: [basicSetup, markdown(), EditorView.lineWrapping,
    EditorView.updateListener.of((update) => { if (update.docChanged) queueMicrotask(rendered); })],
});
window.draftmark = {
  view,
  setMarkdown(text) { view.dispatch({ changes: { from: 0, to: view.state.doc.length, insert: text } }); },
};
