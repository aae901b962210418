// The status bar under the editor: character and word counts and read time of the rendered post
// (as Chirpy counts them), and the cursor's line and column.
import { countRendered, countText } from './text-stats.js';

export class StatusBar {
  editor = null;  // set once the editor is built
  renderedHtml = () => null;  // the rendered post's HTML (no post layout), or null before the first render
  renderedWords = () => null; // its words as Chirpy counts them (the render result's)
  #counts;
  #cursor;
  #countsTimer = null;

  constructor({ counts, cursor }) {
    this.#counts = counts;
    this.#cursor = cursor;
  }

  /** The text changed: recounts in a typing pause, shows the cursor now. */
  textChanged() {
    this.scheduleCounts();
    this.showCursor();
  }

  scheduleCounts() {
    clearTimeout(this.#countsTimer);
    // Counting takes ~1 ms per 10 KB: done in a typing pause (a longer one for long documents,
    // ~100 ms for 1 MB), so keystrokes never wait for it.
    const pause = this.editor.view.state.doc.length > 200_000 ? 1500 : 250;
    this.#countsTimer = setTimeout(() => {
      const html = this.renderedHtml();
      const words = this.renderedWords();
      const { characters, charactersNoSpaces, words: shown, minutes } = html === null || words === null
        ? countText(this.editor.getText()) : countRendered(html, words);
      this.#counts.textContent = `${characters.toLocaleString()} characters (${charactersNoSpaces.toLocaleString()} without spaces) · `
        + `${shown.toLocaleString()} words${minutes ? ` · ${minutes} min read` : ''}`;
    }, pause);
  }

  showCursor() {
    const { state } = this.editor.view;
    const pos = state.selection.main.head;
    const line = state.doc.lineAt(pos);
    this.#cursor.textContent = `Ln ${line.number}, Col ${pos - line.from + 1}`;
  }
}
