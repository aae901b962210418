// Markdown formatting commands for CodeMirror: Mod-B bold, Mod-I italic, Mod-K link.
// Each wraps every selection (or the word at the cursor); running it again on a wrapped
// selection removes the markers, as in GitHub's and VS Code's editors.
import { EditorSelection } from '@codemirror/state';

function wordAt(state, pos) {
  const word = state.wordAt(pos);
  return word ?? EditorSelection.cursor(pos);
}

function toggleMarker(marker) {
  return (view) => {
    const { state } = view;
    const changes = state.changeByRange((range) => {
      const target = range.empty ? wordAt(state, range.head) : range;
      const before = state.sliceDoc(target.from - marker.length, target.from);
      const after = state.sliceDoc(target.to, target.to + marker.length);
      if (before === marker && after === marker) {
        return {
          changes: [{ from: target.from - marker.length, to: target.from }, { from: target.to, to: target.to + marker.length }],
          range: EditorSelection.range(target.from - marker.length, target.to - marker.length),
        };
      }
      return {
        changes: [{ from: target.from, insert: marker }, { from: target.to, insert: marker }],
        range: EditorSelection.range(target.from + marker.length, target.to + marker.length),
      };
    });
    view.dispatch(state.update(changes, { scrollIntoView: true, userEvent: 'input.format' }));
    return true;
  };
}

/** Wraps the selection in a link and selects the URL placeholder. */
export function insertLink(view) {
  const { state } = view;
  const changes = state.changeByRange((range) => {
    const text = state.sliceDoc(range.from, range.to);
    const isUrl = /^https?:\/\/\S+$/.test(text);
    const label = isUrl ? '' : text;
    const url = isUrl ? text : 'https://';
    const insert = `[${label}](${url})`;
    // Select what the user types next: the label when the selection was a URL, else the URL.
    const anchor = isUrl ? range.from + 1 : range.from + label.length + 3;
    const head = isUrl ? anchor : anchor + url.length;
    return { changes: { from: range.from, to: range.to, insert }, range: EditorSelection.range(anchor, head) };
  });
  view.dispatch(state.update(changes, { scrollIntoView: true, userEvent: 'input.format' }));
  return true;
}

export const toggleBold = toggleMarker('**');
export const toggleItalic = toggleMarker('*');

/** Key bindings for the commands above (Mod = Ctrl, or Cmd on macOS). */
export const markdownFormatKeymap = [
  { key: 'Mod-b', run: toggleBold },
  { key: 'Mod-i', run: toggleItalic },
  { key: 'Mod-k', run: insertLink },
];
