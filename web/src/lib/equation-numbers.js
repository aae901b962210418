// Equation numbers and references as Chirpy's MathJax shows them (TeX input with tags: 'ams'):
// numbered environments (equation, align, gather, multline, alignat, flalign, eqnarray — not
// their starred forms) get (1), (2), … in document order, a row per number in the multi-row
// ones unless it has \nonumber or \notag; \tag{x} replaces a number; \label{k} names the
// number of its row; \eqref{k} shows "(n)" and \ref{k} "n", "???" for an unknown label.
// KaTeX numbers nothing across formulas and has no \label or \ref, so each formula's TeX is
// rewritten before typesetting: the environment starred, an explicit \tag{n} per numbered row,
// \label removed, references replaced by their text. Pure string work, no DOM.

const NUMBERED = ['equation', 'align', 'gather', 'multline', 'alignat', 'flalign', 'eqnarray'];
const ONE_NUMBER = new Set(['equation', 'multline']);  // numbered once, on the last row
// KaTeX has no multline: gather* shows its rows (centred instead of staggered).
const KATEX_NAME = { multline: 'gather' };
const FEATURES = /\\(?:label|eqref|ref|tag)\b|\\begin\s*\{(?:equation|align|gather|multline|alignat|flalign|eqnarray)\}/;

/** True when TeX (or HTML holding TeX) uses numbering or references, so formulas depend on each other. */
export function usesEquationNumbers(text) {
  return FEATURES.test(text);
}

// The index after the brace group that starts at `open` (tex[open] === '{'), or -1.
function groupEnd(tex, open) {
  let depth = 0;
  for (let i = open; i < tex.length; i++) {
    const c = tex[i];
    if (c === '\\') { i++; continue; }
    if (c === '{') depth++;
    else if (c === '}' && --depth === 0) return i + 1;
  }
  return -1;
}

// Calls `visit(name, argStart, argEnd, end)` for each `\name{…}` of `names`; returns the text
// with each replaced by what `visit` returns.
function replaceCommands(tex, names, visit) {
  const pattern = new RegExp(`\\\\(${names.join('|')})\\s*\\{`, 'g');
  let out = '';
  let from = 0;
  for (let m; (m = pattern.exec(tex));) {
    const open = m.index + m[0].length - 1;
    const end = groupEnd(tex, open);
    if (end < 0) break;
    out += tex.slice(from, m.index) + visit(m[1], tex.slice(open + 1, end - 1).trim());
    from = end;
    pattern.lastIndex = end;
  }
  return out + tex.slice(from);
}

// Splits an environment's body at its own row breaks (`\\`, not inside braces or nested environments).
function splitRows(body) {
  const rows = [];
  let depth = 0;
  let envs = 0;
  let start = 0;
  for (let i = 0; i < body.length; i++) {
    if (body.startsWith('\\\\', i) && depth === 0 && envs === 0) {
      let end = i + 2;
      const option = /^\s*\[[^\]]*\]/.exec(body.slice(end));  // \\[2pt]
      if (option) end += option[0].length;
      rows.push({ text: body.slice(start, i), separator: body.slice(i, end) });
      start = end;
      i = end - 1;
      continue;
    }
    const c = body[i];
    if (c === '\\') {
      if (body.startsWith('\\begin', i)) envs++;
      else if (body.startsWith('\\end', i)) envs--;
      i++;
    } else if (c === '{') depth++;
    else if (c === '}') depth--;
  }
  rows.push({ text: body.slice(start), separator: '' });
  return rows;
}

// One row: its tag (a number, \tag's text, or null) and its TeX without \label/\nonumber.
function numberRow(text, numbered, state, labels) {
  const found = [];
  let tag = null;
  let clean = replaceCommands(text, ['label'], (name, arg) => { found.push(arg); return ''; });
  clean = replaceCommands(clean, ['tag\\*?'], (name, arg) => { tag = arg; return `\\${name}{${arg}}`; });
  const unnumbered = /\\(?:nonumber|notag)\b/.test(clean);
  clean = clean.replace(/\\(?:nonumber|notag)\b/g, '');
  if (tag === null && numbered && !unnumbered && clean.trim() !== '') {
    tag = String(++state.counter);
    clean = `${clean.replace(/\s+$/, '')} \\tag{${tag}}`;
  }
  for (const label of found) {
    if (labels.has(label)) state.problems.push({ index: state.index, message: `\\label{${label}} is defined twice; MathJax shows an error here.` });
    labels.set(label, tag ?? '???');
  }
  return clean;
}

function numberEnvironments(tex, state, labels) {
  const begin = new RegExp(`\\\\begin\\s*\\{(${NUMBERED.join('|')})\\}`, 'g');
  let out = '';
  let from = 0;
  for (let m; (m = begin.exec(tex));) {
    const name = m[1];
    const close = `\\end{${name}}`;
    const end = tex.indexOf(close, begin.lastIndex);
    if (end < 0) break;
    let bodyStart = begin.lastIndex;
    let args = '';
    if (name === 'alignat') {  // \begin{alignat}{2}
      const open = tex.slice(bodyStart).search(/\S/);
      if (open >= 0 && tex[bodyStart + open] === '{') {
        const argEnd = groupEnd(tex, bodyStart + open);
        if (argEnd > 0) { args = tex.slice(bodyStart, argEnd); bodyStart = argEnd; }
      }
    }
    const inner = tex.slice(bodyStart, end);
    // Once-numbered environments: a \label or \tag anywhere belongs to the one number, which
    // goes at the end (the last row).
    const body = ONE_NUMBER.has(name) ? numberRow(inner, true, state, labels)
      : splitRows(inner).map((row) => numberRow(row.text, true, state, labels) + row.separator).join('');
    const katexName = `${KATEX_NAME[name] ?? name}*`;
    out += `${tex.slice(from, m.index)}\\begin{${katexName}}${args}${body}\\end{${katexName}}`;
    from = end + close.length;
    begin.lastIndex = from;
  }
  return out + tex.slice(from);
}

/**
 * Numbers the formulas of one document, in order: `formulas` [{tex, display}] ->
 * {texts: the TeX to typeset, each, problems: [{index, message}]} (`index` into `formulas`).
 */
export function numberEquations(formulas) {
  const labels = new Map();
  const state = { counter: 0, problems: [], index: 0 };
  const first = formulas.map(({ tex, display }, index) => {
    state.index = index;
    if (!usesEquationNumbers(tex)) return tex;
    // Outside numbered environments only \tag numbers (a display formula); \label takes it.
    const numbered = display ? numberEnvironments(tex, state, labels) : tex;
    return /\\label\s*\{/.test(numbered) ? numberRow(numbered, false, state, labels) : numbered;
  });
  const texts = first.map((tex, index) => {
    if (!/\\(?:eq)?ref\s*\{/.test(tex)) return tex;
    return replaceCommands(tex, ['eqref', 'ref'], (name, label) => {
      const tag = labels.get(label);
      if (tag === undefined) state.problems.push({ index, message: `\\${name}{${label}}: no equation has \\label{${label}}; MathJax shows "???".` });
      const text = tag ?? '???';
      // As text, like MathJax's; a \tag written in TeX (\tag{\ast}) stays TeX.
      const shown = /^[\w.'*?-]+$/.test(text) ? `\\text{${text}}` : `{${text}}`;
      return name === 'eqref' ? `\\text{(}${shown}\\text{)}` : shown;
    });
  });
  return { texts, problems: state.problems };
}
