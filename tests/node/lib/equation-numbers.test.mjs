// Equation numbers and references (web/src/lib/equation-numbers.js) against their oracle:
// MathJax 3 itself (npm mathjax-full, TeX input with tags: 'ams', as Chirpy configures it)
// typesets each document, and every formula's visible tags and reference texts must be the
// ones our rewritten TeX shows once KaTeX typesets it.
//   node tests/node/lib/equation-numbers.test.mjs
import assert from 'node:assert/strict';
import { test } from 'node:test';
import katex from 'katex';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import { CHTML } from 'mathjax-full/js/output/chtml.js';
import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { AllPackages } from 'mathjax-full/js/input/tex/AllPackages.js';
import { SerializedMmlVisitor } from 'mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js';
import { numberEquations } from '../../../web/src/lib/equation-numbers.js';

RegisterHTMLHandler(liteAdaptor());
const mml = new SerializedMmlVisitor();
const texts = (xml, pattern) => [...xml.matchAll(pattern)].map((m) => m[1].replace(/<[^>]+>/g, '').replace(/\s+/g, ''));
const TAGS = /<mlabeledtr>\s*<mtd[^>]*>([\s\S]*?)<\/mtd>/g;

/** MathJax's tags and reference texts for each formula of a document (formulas in order). */
function mathJaxView(formulas) {
  const html = formulas.map(({ tex, display }) => `<p>${display ? `\\[${tex}\\]` : `\\(${tex}\\)`}</p>`).join('');
  const doc = mathjax.document(html.replace(/&/g, '&amp;').replace(/</g, '&lt;'), {
    InputJax: new TeX({ packages: AllPackages, tags: 'ams' }), OutputJax: new CHTML({ fontURL: '.' }),
  });
  doc.render();
  return [...doc.math].map((item) => {
    const xml = mml.visitTree(item.root);
    return { tags: texts(xml, TAGS), refs: texts(xml, /<mrow href="[^"]*" class="MathJax_ref">([\s\S]*?)<\/mrow>/g) };
  });
}

/** The same, from our TeX: tags as KaTeX typesets them, references as we wrote them. */
function ourView(formulas) {
  const { texts: rewritten } = numberEquations(formulas);
  return rewritten.map((tex, i) => {
    // KaTeX's MathML leaves tags empty; its HTML has them in one column (span.tag), row by row.
    const html = katex.renderToString(tex, { displayMode: formulas[i].display, output: 'html', throwOnError: true });
    const column = html.includes('class="tag"') ? html.slice(html.indexOf('class="tag"')).replace(/<[^>]+>|\u200b/g, '') : '';
    const tags = [...column.matchAll(/\([^()]*\)/g)].map((m) => m[0].replace(/\s+/g, ''));
    const refs = [...tex.matchAll(/\\text\{\(\}(?:\\text\{([^}]*)\}|\{([^}]*)\})\\text\{\)\}|(?<!\\text\{\(\})\\text\{([^}()]*)\}/g)]
      .map((m) => (m[1] ?? m[2] ? `(${m[1] ?? m[2]})` : m[3]));
    return { tags, refs };
  });
}

const documents = {
  'equation, align with \\nonumber, references known and unknown': [
    { tex: '\\begin{equation} E=mc^2 \\label{eq:e} \\end{equation}', display: true },
    { tex: '\\begin{align} a&=b \\label{a}\\\\ c&=d \\nonumber \\\\ e&=f \\notag \\\\ g&=h \\end{align}', display: true },
    { tex: '\\eqref{eq:e} + \\ref{a} + \\eqref{nope}', display: false },
  ],
  'starred environments, \\tag, and a label on a tagged formula': [
    { tex: '\\begin{equation*} y \\end{equation*}', display: true },
    { tex: 'x = 1 \\tag{A} \\label{star}', display: true },
    { tex: '\\begin{gather} p \\\\ q \\label{q} \\end{gather}', display: true },
    { tex: '\\begin{align*} r &= s \\end{align*}', display: true },
    { tex: 'See \\eqref{star} and \\eqref{q}', display: false },
  ],
  'one number for an equation holding aligned and split': [
    { tex: '\\begin{equation} \\begin{aligned} a &= b \\\\ &= c \\end{aligned} \\label{one} \\end{equation}', display: true },
    { tex: '\\begin{equation} \\begin{split} a &= b \\\\ &= c \\end{split} \\end{equation}', display: true },
    { tex: '\\begin{alignat}{2} a &= b &\\quad c &= d \\label{at} \\end{alignat}', display: true },
    { tex: '\\ref{one}, \\ref{at}', display: false },
  ],
  'a label outside any numbered equation refers to nothing': [
    { tex: 'z \\label{loose}', display: true },
    { tex: '\\begin{equation} w \\end{equation}', display: true },
    { tex: '\\eqref{loose}', display: false },
  ],
};

for (const [name, formulas] of Object.entries(documents)) {
  test(`${name}: the tags and references MathJax shows`, () => {
    assert.deepEqual(ourView(formulas), mathJaxView(formulas));
  });
}

test('a reference to an unknown label and a label defined twice are problems', () => {
  const { problems } = numberEquations([
    { tex: '\\begin{equation} a \\label{x} \\end{equation}', display: true },
    { tex: '\\begin{equation} b \\label{x} \\end{equation}', display: true },
    { tex: '\\eqref{missing}', display: false },
  ]);
  assert.deepEqual(problems.map((p) => [p.index, /twice|no equation/.exec(p.message)?.[0]]), [[1, 'twice'], [2, 'no equation']]);
});
