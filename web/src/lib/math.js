// Typesets the renderer's math spans (<span class="math inline|display">TeX</span>) with KaTeX.
//
// KaTeX runs with the safe settings (no \href/\includegraphics trust, errors shown inline rather
// than thrown, bounded sizes and macro expansion so a pasted formula cannot hang the tab). A
// cache keyed by (display, TeX) makes an unchanged formula cost a string lookup; formulas that
// define macros are never cached, because what they produce depends on the formulas before them.
import katex from 'katex';
import { numberEquations, usesEquationNumbers } from './equation-numbers.js';

export { usesEquationNumbers };

// KaTeX's own default for maxExpand is 1000; stated so a change upstream cannot lift it.
const kMaxExpand = 1000;
// In em; keeps \rule{1000em}{1000em} and friends from covering the page.
const kMaxSize = 50;
// Distinct formulas remembered; a long thesis has a few thousand, and each entry is a few KB.
const kMaxCacheEntries = 5000;
const DEFINES_MACROS = /\\(?:g?def|[egx]def|newcommand|renewcommand|providecommand|let|global|futurelet)\b/;

/** True when TeX (or HTML holding TeX) defines macros, so later formulas depend on it. */
export function definesMacros(text) {
  return DEFINES_MACROS.test(text);
}

/** A cache for renderMath(): give the same one to every render of a document. */
export function createMathCache() {
  return new Map();
}

function remember(cache, key, entry) {
  if (cache.size >= kMaxCacheEntries) cache.delete(cache.keys().next().value);  // oldest first
  cache.set(key, entry);
}

function typesetTex(tex, display, macros) {
  const warnings = [];
  const html = katex.renderToString(tex, {
    displayMode: display,
    throwOnError: false,
    trust: false,
    maxSize: kMaxSize,
    maxExpand: kMaxExpand,
    macros,
    output: 'htmlAndMathml',
    // Non-fatal problems (Unicode text in math mode, …) become diagnostics instead of console noise.
    strict: (code, message) => { warnings.push(`${code}: ${message}`); return 'ignore'; },
  });
  // With throwOnError: false a parse error becomes <span class="katex-error" title="ParseError: …">.
  const failed = html.startsWith('<span class="katex-error"');
  const message = failed ? mathJaxHint(decodeTitle(html.match(/title="([^"]*)"/)?.[1] ?? 'KaTeX could not parse this formula')) : null;
  return { html, error: message, warnings };
}

// What MathJax (Chirpy's math engine) renders but KaTeX does not: the published page differs.
const MATHJAX_ONLY = /No such environment: (?:eqnarray|flalign|xalignat|multlined)|Undefined control sequence: \\(?:require|cssId|class|style|bbox|unicode|mmlToken|Rule|Space|boxed\w*)\b/;

function mathJaxHint(message) {
  return MATHJAX_ONLY.test(message) ? `${message} — MathJax, which Chirpy uses, renders this; KaTeX cannot, so the preview differs here.` : message;
}

function decodeTitle(text) {
  return text.replace(/&quot;/g, '"').replace(/&#x27;/g, "'").replace(/&lt;/g, '<').replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');
}

function sourceLine(element) {
  const block = element.closest('[data-line]');
  const start = block ? Number.parseInt(block.getAttribute('data-line'), 10) : NaN;
  return Number.isFinite(start) ? start : 0;
}

/**
 * Typesets every `.math.inline` / `.math.display` element under `root` in document order.
 * Elements already typeset are skipped unless `again` is set (needed when the document
 * defines macros: every formula after a definition may change). `macros`: the document's
 * starting macros — copied, so \gdef in one render never leaks into the next. Returns the
 * problems found:
 * `[{line, column, severity: 'error'|'warning', code: 'math', message, tex}]`, `line` being the
 * first source line of the enclosing block (0 when unknown).
 * `numbered`: the TeX to typeset for each element (equationPlan), for documents with equation
 * numbers; an element already typeset is typeset again when its number or reference changed.
 * @param {Element} root
 * @param {{cache?: Map|null, macros?: object, again?: boolean, numbered?: Map<Element, string>}} [options]
 * @returns {{line:number, column:number, severity:string, code:string, message:string, tex:string}[]}
 */
export function renderMath(root, { cache = null, macros = {}, again = false, numbered = null } = {}) {
  const problems = [];
  const documentMacros = { ...macros };
  for (const element of root.querySelectorAll('.math.inline, .math.display')) {
    const typeset = element.dataset.tex !== undefined;
    const tex = typeset ? element.dataset.tex : element.textContent;
    const target = numbered?.get(element) ?? tex;
    if (typeset && !again && (element.dataset.typesetAs ?? tex) === target) continue;
    const display = element.classList.contains('display');
    const key = `${display ? 'D' : 'I'}${target}`;
    let entry = cache?.get(key);
    if (!entry) {
      entry = typesetTex(target, display, documentMacros);
      if (cache && !DEFINES_MACROS.test(target)) remember(cache, key, entry);
    }
    element.dataset.tex = tex;  // keeps the source for copy, export and re-typesetting
    if (target !== tex) element.dataset.typesetAs = target; else delete element.dataset.typesetAs;
    element.innerHTML = entry.html;
    const line = entry.error || entry.warnings.length ? sourceLine(element) : 0;
    if (entry.error) {
      problems.push({ line, column: 0, severity: 'error', code: 'math', message: entry.error, tex });
    }
    for (const warning of entry.warnings) {
      problems.push({ line, column: 0, severity: 'warning', code: 'math', message: warning, tex });
    }
  }
  return problems;
}

/**
 * The document's equation numbers (equation-numbers.js) for every math element under `root`, in
 * order: {numbered: Map(element -> TeX to typeset), problems: [{element, message}]} (references
 * to unknown labels, labels defined twice).
 */
export function equationPlan(root) {
  const elements = [...root.querySelectorAll('.math.inline, .math.display')];
  const { texts, problems } = numberEquations(elements.map((element) => ({
    tex: element.dataset.tex ?? element.textContent, display: element.classList.contains('display'),
  })));
  return {
    numbered: new Map(elements.map((element, i) => [element, texts[i]])),
    problems: problems.map(({ index, message }) => ({ element: elements[index], message })),
  };
}
