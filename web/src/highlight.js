// Highlights fenced code in the preview with the same Lezer parsers the editor uses, emitting
// `tok-*` classes (@lezer/highlight's classHighlighter) that web/styles/code.css colours for
// both themes. One highlighter for editor and preview, bundled, no CDN.
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { findCodeLanguage } from './code-languages.js';

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

function paint(code, text, tree) {
  const doc = code.ownerDocument;
  const fragment = doc.createDocumentFragment();
  highlightCode(text, tree, classHighlighter,
    (piece, classes) => {
      if (!classes) { fragment.append(piece); return; }
      const span = doc.createElement('span');
      span.className = classes;
      span.textContent = piece;
      fragment.append(span);
    },
    () => fragment.append('\n'));
  code.replaceChildren(fragment);
}

/**
 * Highlights every `pre > code` with a known language under `root` (once per element).
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
    const description = name && findCodeLanguage(name);
    const text = code.textContent;
    if (!description || text.length > kMaxHighlightChars) continue;
    try {
      const support = description.support ?? await description.load();
      if (!code.isConnected && !root.contains(code)) continue;
      // highlightCode emits line breaks through its own callback, so the text keeps its lines.
      paint(code, text, support.language.parser.parse(text));
      count++;
    } catch (error) {
      console.warn(`draftmark: could not highlight ${name} code`, error);
    }
  }
  return count;
}
