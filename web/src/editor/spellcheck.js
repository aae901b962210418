// Spell check in prose only. The browser's checker runs where `spellcheck` is true, so the editor
// turns it on for the whole text and marks what is not prose — front matter, code, math, URLs,
// raw HTML — with spellcheck="false" on the spans CodeMirror draws (visible ranges only, redone as
// the view moves). One compartment switches it all (the setting).
import { syntaxTree } from '@codemirror/language';
import { Compartment } from '@codemirror/state';
import { Decoration, EditorView, ViewPlugin } from '@codemirror/view';

const NOT_PROSE = new Set(['Frontmatter', 'FencedCode', 'CodeBlock', 'InlineCode', 'URL', 'Autolink',
  'HTMLBlock', 'HTMLTag', 'CommentBlock', 'Comment', 'ProcessingInstructionBlock', 'LinkLabel']);
// $$…$$ (over lines) and $…$ on one line, as kramdown delimits math; \(…\) and \[…\] too.
const MATH = /\$\$[\s\S]*?\$\$|\$[^$\n]+\$|\\\([\s\S]*?\\\)|\\\[[\s\S]*?\\\]/g;
const notProse = Decoration.mark({ attributes: { spellcheck: 'false' } });

function ranges(view) {
  const found = [];
  for (const { from, to } of view.visibleRanges) {
    syntaxTree(view.state).iterate({
      from, to,
      enter(node) {
        if (!NOT_PROSE.has(node.name)) return undefined;
        found.push([node.from, node.to]);
        return false;  // nothing inside is prose
      },
    });
    const text = view.state.sliceDoc(from, to);
    for (const m of text.matchAll(MATH)) found.push([from + m.index, from + m.index + m[0].length]);
  }
  // Sorted and merged: a RangeSet takes marks in order.
  found.sort((a, b) => a[0] - b[0]);
  const merged = [];
  for (const [a, b] of found) {
    const last = merged.at(-1);
    if (last && a <= last[1]) last[1] = Math.max(last[1], b); else if (b > a) merged.push([a, b]);
  }
  return Decoration.set(merged.map(([a, b]) => notProse.range(a, b)));
}

const proseOnly = ViewPlugin.fromClass(class {
  constructor(view) { this.decorations = ranges(view); }
  update(update) {
    if (update.docChanged || update.viewportChanged || syntaxTree(update.startState) !== syntaxTree(update.state)) {
      this.decorations = ranges(update.view);
    }
  }
}, { decorations: (plugin) => plugin.decorations });

const compartment = new Compartment();

/** The extension, on or off. */
export function spellcheck(on) {
  return compartment.of(on ? [EditorView.contentAttributes.of({ spellcheck: 'true' }), proseOnly] : []);
}

/** The transaction effect that switches it. */
export function setSpellcheck(on) {
  return compartment.reconfigure(on ? [EditorView.contentAttributes.of({ spellcheck: 'true' }), proseOnly] : []);
}
