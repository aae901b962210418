// The normalisation the kramdown parity test applies before comparing (README.md here lists
// the same rules with their reasons). Three groups:
//  1. Draftmark's deliberate Chirpy post-processing is undone, back to kramdown's vocabulary:
//     the code-block wrapper and header (language label, `file` name) become kramdown's
//     `<pre file="…" class="…"><code class="language-x">`; the table wrapper div is removed;
//     `loading="lazy"` is dropped from images; a heading's anchor (span and `#` link) is removed;
//     math elements `<span class="math inline|display">TeX</span>` become MathJax's `\(TeX\)`
//     and `\[TeX\]` text, as kramdown's mathjax engine writes them (a paragraph holding only
//     display math is unwrapped, as kramdown does).
//  2. What Jekyll + Chirpy do to kramdown's output before a reader sees it is applied to
//     kramdown's side: `media_subpath` prefixes relative image URLs and image `w`/`h` become
//     `width`/`height` (Chirpy's refactor-content; a post may also write `width=` itself), and with `math: true` MathJax also reads `$…$` in text as inline math (Chirpy's MathJax
//     configuration), so such text becomes `\(…\)`.
//  3. Both sides: HTML comments (invisible) are removed; entities and characters are made one
//     form (all decoded, then only & < > escaped in text and & " in attributes); boolean
//     attributes lose their value (`disabled="disabled"`, `disabled="true"`, `disabled`);
//     `align="x"` becomes `style="text-align: x"`; non-ASCII characters in `href`/`src` are
//     percent-encoded as UTF-8 (what the browser's URL parser does to either form);
//     attributes are sorted; whitespace as in the
//     CommonMark spec's normaliser (tests/node/normalize-html.mjs).
import { normalizeHtml } from '../node/normalize-html.mjs';

const TOKEN = /<!--[\s\S]*?-->|<\/?[A-Za-z][^>]*>|[^<]+|</g;
const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;
const BOOLEAN_ATTRS = new Set(['disabled', 'checked', 'hidden', 'open', 'selected']);
const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

function decodeEntities(s) {
  return s.replace(/&(#x[0-9a-fA-F]+|#[0-9]+|[A-Za-z]+);/g, (all, body) => {
    if (body[0] === '#') {
      const cp = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return cp > 0 && cp <= 0x10ffff ? String.fromCodePoint(cp) : all;
    }
    return NAMED[body] ?? all;
  });
}
const escapeText = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
const escapeAttr = (s) => s.replace(/&/g, '&amp;').replace(/"/g, '&quot;');

/** Splits HTML into tags ({tag, name, close, attrs: Map}) and text ({text}); comments dropped. */
export function tokenize(html) {
  const tokens = [];
  for (const raw of html.replace(/\r\n?/g, '\n').match(TOKEN) ?? []) {
    if (raw.startsWith('<!--')) continue;
    const m = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)([\s\S]*?)(\/?)>$/.exec(raw);
    if (!m) {
      tokens.push({ text: decodeEntities(raw) });
      continue;
    }
    const attrs = new Map();
    for (const a of m[3].matchAll(ATTR)) {
      const value = a[2] ?? a[3] ?? a[4];
      attrs.set(a[1].toLowerCase(), value === undefined ? '' : decodeEntities(value));
    }
    tokens.push({ tag: true, name: m[2].toLowerCase(), close: m[1] === '/', selfClose: m[4] === '/', attrs });
  }
  return tokens;
}

function classes(token) {
  return (token.attrs.get('class') ?? '').split(/\s+/).filter(Boolean);
}
const VOID = new Set(['img', 'br', 'hr', 'input', 'meta', 'link', 'col', 'area', 'source', 'wbr']);
// Index of the token closing the element opened at `open`.
function matchingClose(tokens, open) {
  let depth = 0;
  for (let i = open; i < tokens.length; i++) {
    const t = tokens[i];
    if (!t.tag || t.name !== tokens[open].name || VOID.has(t.name) || t.selfClose) continue;
    depth += t.close ? -1 : 1;
    if (depth === 0) return i;
  }
  return tokens.length - 1;
}
const textOf = (tokens) => tokens.filter((t) => !t.tag).map((t) => t.text).join('');

/** Group 1: Draftmark's Chirpy markup back to kramdown's. */
export function undoChirpy(tokens) {
  const out = [];
  for (let i = 0; i < tokens.length; i++) {
    const t = tokens[i];
    const wrapper = (t.name === 'div' && classes(t).includes('table-wrapper')) || (t.name === 'span' && classes(t).includes('me-2'));
    if (t.tag && !t.close && wrapper) {
      const end = matchingClose(tokens, i);
      out.push(...undoChirpy(tokens.slice(i + 1, end)));
      i = end;
      continue;
    }
    if (t.tag && !t.close && t.name === 'div' && classes(t).includes('code-block')) {
      const end = matchingClose(tokens, i);
      const inner = tokens.slice(i + 1, end);
      const preAttrs = new Map([...t.attrs].filter(([k]) => k !== 'class'));
      const kept = classes(t).filter((c) => c !== 'code-block' && c !== 'lineno' && !c.startsWith('language-'));
      for (let j = 0; j < inner.length; j++) {
        const u = inner[j];
        if (u.tag && !u.close && u.name === 'div' && classes(u).includes('code-header')) {
          const headerEnd = matchingClose(inner, j);
          for (let k = j; k < headerEnd; k++) {
            const v = inner[k];
            if (v.tag && !v.close && classes(v).includes('code-file')) {
              preAttrs.set('file', textOf(inner.slice(k + 1, matchingClose(inner, k))));
            }
          }
          j = headerEnd;
          continue;
        }
        if (u.tag && u.name === 'pre' && !u.close) {
          const attrs = new Map([...u.attrs, ...preAttrs]);
          const cls = [...(u.attrs.get('class') ?? '').split(/\s+/).filter(Boolean), ...kept];
          if (cls.length) attrs.set('class', cls.join(' ')); else attrs.delete('class');
          out.push({ ...u, attrs });
          continue;
        }
        out.push(u);
      }
      i = end;
      continue;
    }
    // Chirpy's heading anchor: its text's span is unwrapped (above), the `#` link dropped.
    if (t.tag && !t.close && t.name === 'a' && classes(t).includes('anchor')) {
      i = matchingClose(tokens, i);
      continue;
    }
    if (t.tag && !t.close && t.name === 'img') {
      const attrs = new Map();
      for (const [k, v] of t.attrs) {
        if (k === 'loading' && v === 'lazy') continue;
        attrs.set(k, v);
      }
      out.push({ ...t, attrs });
      continue;
    }
    if (t.tag && !t.close && t.name === 'span' && classes(t).includes('math')) {
      const end = matchingClose(tokens, i);
      const tex = textOf(tokens.slice(i + 1, end));
      out.push({ text: classes(t).includes('display') ? `\\[${tex.trim()}\\]` : `\\(${tex}\\)`, math: true });
      i = end;
      continue;
    }
    out.push(t);
  }
  // kramdown writes display math alone in its paragraph without the <p>.
  for (let i = 0; i + 2 < out.length; i++) {
    if (out[i].tag && out[i].name === 'p' && !out[i].close && out[i + 1].math && out[i + 1].text.startsWith('\\[') &&
        out[i + 2].tag && out[i + 2].name === 'p' && out[i + 2].close) {
      out.splice(i, 3, out[i + 1]);
    }
  }
  return out;
}

/** Group 2: what Chirpy and MathJax do to kramdown's output in the published page. */
export function applyChirpy(tokens, { mediaSubpath = '', math = false } = {}) {
  let inCode = 0;
  return tokens.map((t) => {
    if (t.tag && (t.name === 'code' || t.name === 'pre')) inCode += t.close ? -1 : 1;
    if (t.tag && !t.close && t.name === 'img') {
      const attrs = new Map();
      for (const [k, v] of t.attrs) attrs.set(k === 'w' ? 'width' : k === 'h' ? 'height' : k, v);
      const src = attrs.get('src') ?? '';
      if (mediaSubpath && src && !/^([a-z][a-z0-9+.-]*:|\/|#)/i.test(src)) {
        attrs.set('src', `${mediaSubpath.replace(/\/$/, '')}/${src}`);
      }
      return { ...t, attrs };
    }
    if (!t.tag && math && !inCode) {
      return { ...t, text: t.text.replace(/(?<![\\$])\$(?!\$)([^$\n]+?)(?<![\\$])\$(?!\$)/g, '\\($1\\)') };
    }
    return t;
  });
}

/** Group 3 and serialisation. */
export function serialize(tokens) {
  let html = '';
  for (const t of tokens) {
    if (!t.tag) {
      html += escapeText(t.text);
      continue;
    }
    if (t.close) {
      html += `</${t.name}>`;
      continue;
    }
    const attrs = [];
    for (const [k, v] of t.attrs) {
      if (BOOLEAN_ATTRS.has(k)) attrs.push(k);
      else if (k === 'align' && (t.name === 'td' || t.name === 'th')) attrs.push(`style="text-align: ${escapeAttr(v)}"`);
      else if (k === 'href' || k === 'src') attrs.push(`${k}="${escapeAttr(v.replace(/[^\x00-\x7e]+/gu, encodeURIComponent))}"`);
      else attrs.push(`${k}="${escapeAttr(v)}"`);
    }
    attrs.sort();
    html += `<${t.name}${attrs.map((a) => ' ' + a).join('')}${t.selfClose || VOID.has(t.name) ? ' /' : ''}>`;
  }
  return normalizeHtml(html);
}

/** Both sides of one fixture, normalised. `frontMatter` gives media_subpath and math. */
export function normalizePair(kramdownHtml, draftmarkHtml, frontMatter) {
  return {
    kramdown: serialize(applyChirpy(tokenize(kramdownHtml), frontMatter)),
    draftmark: serialize(undoChirpy(tokenize(draftmarkHtml))),
  };
}
