// Highlights fenced code in the preview with the same grammars the editor uses (code-parsers.js:
// the Lezer parsers without CodeMirror), emitting `tok-*` classes (@lezer/highlight's
// classHighlighter) that web/styles/code.css colours for both themes. Bundled, no CDN.
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { codeLanguageName } from './code-language-names.js';
import { parseCode } from './code-parsers.js';

// Longer code is left plain: highlighting is synchronous and a pasted log must not stall typing.
const kMaxHighlightChars = 200_000;

function languageName(code) {
  for (const name of code.classList) {
    if (name.startsWith('language-')) return name.slice('language-'.length);
  }
  // Chirpy wraps highlighted code as <div class="language-x highlighter-rouge">…<pre><code>.
  const wrapper = code.closest('[class*="language-"]');
  const match = wrapper?.className.match(/(?:^|\s)language-(\S+)/);
  return match ? match[1] : null;
}

// Rebuilds the code's content: highlighted tokens when there is a syntax tree, and each line in
// a <span class="line"> inside Chirpy's numbered boxes (.code-block.lineno), whose CSS counts them.
function paint(code, text, tree) {
  const doc = code.ownerDocument;
  const numbered = Boolean(code.closest('.lineno'));
  const fragment = doc.createDocumentFragment();
  let line = numbered ? doc.createElement('span') : fragment;
  if (numbered) line.className = 'line';
  const put = (piece, classes) => {
    if (!classes) { line.append(piece); return; }
    const span = doc.createElement('span');
    span.className = classes;
    span.textContent = piece;
    line.append(span);
  };
  const lineBreak = () => {
    if (!numbered) { fragment.append('\n'); return; }
    fragment.append(line, '\n');
    line = doc.createElement('span');
    line.className = 'line';
  };
  // A final newline ends the last line; it does not start an empty numbered one.
  const body = numbered && text.endsWith('\n') ? text.slice(0, -1) : text;
  if (tree) highlightCode(body, tree, classHighlighter, put, lineBreak);
  else body.split('\n').forEach((piece, i) => { if (i) lineBreak(); if (piece) put(piece, ''); });
  if (numbered) fragment.append(line, body === text ? '' : '\n');
  code.replaceChildren(fragment);
}

/**
 * Highlights every `pre > code` with a known language under `root` (once per element), and
 * numbers the lines of Chirpy's `.lineno` code boxes.
 * Resolves when done; unknown languages and failures leave the code as plain text.
 * @param {Element} root
 * @returns {Promise<number>} how many blocks were highlighted
 */
export async function highlightCodeBlocks(root) {
  let count = 0;
  for (const code of root.querySelectorAll('pre > code')) {
    if (code.dataset.highlighted !== undefined) continue;
    code.dataset.highlighted = '';
    const name = languageName(code);
    const language = name && codeLanguageName(name);
    const text = code.textContent;
    if (!language || text.length > kMaxHighlightChars) {
      if (code.closest('.lineno') && text.length <= kMaxHighlightChars) paint(code, text, null);
      continue;
    }
    try {
      const body = code.closest('.lineno') && text.endsWith('\n') ? text.slice(0, -1) : text;
      paint(code, text, parseCode(language, body));
      count++;
    } catch (error) {
      console.warn(`draftmark: could not highlight ${name} code`, error);
    }
  }
  return count;
}
