// The Markdown source editor: CodeMirror 6 with Markdown + YAML front matter + fenced-code
// languages, soft wrap, search/replace, bracket closing, formatting shortcuts and lint markers.
// Colours come from CSS (tok-* classes and custom properties), so light/dark is a stylesheet
// matter and the same token classes colour the preview's code.
import { indentWithTab } from '@codemirror/commands';
import { markdown, markdownLanguage } from '@codemirror/lang-markdown';
import { syntaxHighlighting } from '@codemirror/language';
import { lintGutter, setDiagnostics } from '@codemirror/lint';
import { openSearchPanel } from '@codemirror/search';
import { EditorSelection, EditorState, Prec, Transaction } from '@codemirror/state';
import { EditorView, keymap } from '@codemirror/view';
import { classHighlighter, tagHighlighter, tags } from '@lezer/highlight';
import { basicSetup } from 'codemirror';
import { codeLanguages } from '../lib/code-languages.js';
import { frontMatterSyntax } from './front-matter-syntax.js';
import { markdownFormatKeymap } from './markdown-commands.js';
import { setSpellcheck, spellcheck } from './spellcheck.js';
import { completeSyntaxTree } from './syntax-tree-completion.js';

// Markdown tags classHighlighter leaves out.
const markdownTokens = tagHighlighter([
  { tag: tags.monospace, class: 'tok-monospace' },
  { tag: tags.strikethrough, class: 'tok-strikethrough' },
  { tag: tags.quote, class: 'tok-quote' },
  { tag: tags.contentSeparator, class: 'tok-separator' },
]);

function markdownWithFrontMatter() {
  return markdown({ base: markdownLanguage, codeLanguages, addKeymap: true, extensions: [frontMatterSyntax] });
}

/**
 * Creates the editor in `parent`. `onChange(update)` runs after every document change,
 * `onSelection(update)` after cursor moves, `onScroll()` when the editor scrolls.
 */
export function createEditor(parent, { doc = '', onChange, onSelection, onScroll, spellcheck: checkSpelling = false } = {}) {
  const extensions = [
    basicSetup,
    Prec.high(keymap.of([...markdownFormatKeymap, indentWithTab])),
    markdownWithFrontMatter(),
    completeSyntaxTree,
    syntaxHighlighting(classHighlighter),
    syntaxHighlighting(markdownTokens),
    EditorView.lineWrapping,
    EditorView.contentAttributes.of({ 'aria-label': 'Markdown source' }),
    spellcheck(checkSpelling),  // CodeMirror's default is spellcheck="false"; this turns it on, prose only
    lintGutter(),
    EditorView.updateListener.of((update) => {
      if (update.docChanged || update.viewportChanged || update.geometryChanged) editor?.measureTopLine();
      if (update.docChanged) onChange?.(update);
      else if (update.selectionSet) onSelection?.(update);
    }),
  ];
  let editor = null;
  const view = new EditorView({ parent, state: EditorState.create({ doc, extensions }) });
  editor = new MarkdownEditor(view, extensions);
  view.scrollDOM.addEventListener('scroll', () => { editor.measureTopLine(); onScroll?.(); }, { passive: true });
  return editor;
}

/** A thin facade over the EditorView for the rest of the page. */
export class MarkdownEditor {
  #extensions;
  #topLine = null;  // topLine() as of CodeMirror's last measure (see savedTopLine)

  constructor(view, extensions) {
    this.view = view;
    this.#extensions = extensions;
  }

  /**
   * Shows another document with a fresh undo history (switching drafts must not let Ctrl+Z
   * bring back the previous draft's text). Fires no change callback.
   */
  load(text, { anchor = 0, head = anchor, scrollLine = 1 } = {}) {
    const clamp = (n) => Math.max(0, Math.min(text.length, Number(n) || 0));
    this.view.setState(EditorState.create({
      doc: text,
      extensions: this.#extensions,
      selection: EditorSelection.single(clamp(anchor), clamp(head)),
    }));
    this.#topLine = null;  // the previous document's
    // Scroll once CodeMirror has measured the new document.
    requestAnimationFrame(() => { this.scrollToLine(scrollLine); this.measureTopLine(); });
  }

  getText() {
    return this.view.state.doc.toString();
  }

  /** Replaces the whole text (one undoable change) and optionally restores a selection. */
  setText(text, { anchor, head, addToHistory = true } = {}) {
    const { state } = this.view;
    const length = text.length;
    const clamp = (n) => Math.max(0, Math.min(length, n ?? 0));
    this.view.dispatch({
      changes: { from: 0, to: state.doc.length, insert: text },
      selection: anchor === undefined ? undefined : EditorSelection.single(clamp(anchor), clamp(head ?? anchor)),
      annotations: addToHistory ? [] : [Transaction.addToHistory.of(false)],
    });
  }

  /** Main selection as {anchor, head} in UTF-16 offsets. */
  getSelection() {
    const { anchor, head } = this.view.state.selection.main;
    return { anchor, head };
  }

  // Where the top of the visible area is, in the document coordinates lineBlockAt* use (the
  // content's top padding is not part of them).
  #visibleTop() {
    const { view } = this;
    return view.scrollDOM.getBoundingClientRect().top - view.documentTop;
  }

  /** 1-based line at the top of the visible area, with the fraction of it scrolled past. */
  topLine() {
    const { view } = this;
    const top = Math.max(0, this.#visibleTop());
    const block = view.lineBlockAtHeight(top);
    const line = view.state.doc.lineAt(block.from).number;
    const fraction = block.height > 0 ? Math.min(1, Math.max(0, (top - block.top) / block.height)) : 0;
    return line + fraction;
  }

  /** Re-reads topLine() in CodeMirror's next measure phase, where layout is clean anyway. */
  measureTopLine() {
    this.view.requestMeasure({ key: 'draftmark-top-line', read: () => this.topLine(), write: (line) => { this.#topLine = line; } });
  }

  /**
   * topLine() as of the last frame, for the autosave's snapshot: reading it live right after a
   * change (preview patched, editor updated) forced a second layout of the page per save.
   */
  savedTopLine() {
    return this.#topLine ?? this.topLine();
  }

  /** Scrolls so that (fractional, 1-based) `line` is at the top. */
  scrollToLine(line) {
    const { view } = this;
    const { doc } = view.state;
    const whole = Math.max(1, Math.min(doc.lines, Math.floor(line)));
    const block = view.lineBlockAt(doc.line(whole).from);
    const target = block.top + (line - whole) * block.height;
    view.scrollDOM.scrollTop += target - this.#visibleTop();
  }

  /** Puts the cursor at (1-based) `line`, `column` (UTF-16, 1-based) and shows it. */
  gotoLine(line, column = 1, { focus = true } = {}) {
    const { doc } = this.view.state;
    const target = doc.line(Math.max(1, Math.min(doc.lines, line)));
    const pos = Math.min(target.to, target.from + Math.max(0, column - 1));
    this.view.dispatch({ selection: { anchor: pos }, effects: EditorView.scrollIntoView(pos, { y: 'center' }) });
    if (focus) this.view.focus();
  }

  /** Shows diagnostics ({line, column, severity, message}) as lint markers. */
  setDiagnostics(list) {
    const { state } = this.view;
    const { doc } = state;
    const markers = [];
    for (const d of list) {
      if (!(d.line >= 1 && d.line <= doc.lines)) continue;
      const line = doc.line(d.line);
      const from = Math.min(line.to, line.from + Math.max(0, (d.column || 1) - 1));
      const severity = d.severity === 'error' ? 'error' : d.severity === 'warning' ? 'warning' : 'info';
      markers.push({ from, to: Math.max(from, line.to), severity, message: d.message, source: d.code });
    }
    this.view.dispatch(setDiagnostics(state, markers));
  }

  openSearch() {
    openSearchPanel(this.view);
  }

  /** Turns the browser's spell check on (prose only) or off. */
  setSpellcheck(on) {
    this.view.dispatch({ effects: setSpellcheck(on) });
  }

  focus() {
    this.view.focus();
  }
}
