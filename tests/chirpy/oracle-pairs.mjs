// The elements the page oracle compares: the real Chirpy page's (`real`, in the post body
// `.post-content`) against the preview's (`preview`, in `#preview`), matched in order.
// One line a pair: {name, real, preview, properties, tolerance: {px, width, height}}.
// Tolerances: 0.5 px for style values (rem and em resolve to fractions on both sides);
// 1 px for boxes of the same content in the same fonts (sub-pixel layout rounding); a box
// side left out is not compared (say why in the pair). `left`: from the post column's edge.
import { kBoxStyles, kTextStyles } from './measure.mjs';

const text = kTextStyles;
const boxed = [...kTextStyles, ...kBoxStyles];
const box = { px: 0.5, width: 1, height: 1, left: 1 };

/** A pair whose selector is the same inside both post columns. */
const same = (name, selector, properties, tolerance = box) =>
  ({ name, real: `.post-content ${selector}`, preview: `#preview ${selector}`, properties, tolerance });

export const kPairs = [
  same('paragraph', '> p', boxed),
  same('h2', '> h2', boxed),
  same('h3', '> h3', boxed),
  same('h4', '> h4', boxed),
  ...['tip', 'info', 'warning', 'danger'].flatMap((kind) => [
    same(`prompt-${kind}`, `blockquote.prompt-${kind}`, boxed),
    same(`prompt-${kind} text`, `blockquote.prompt-${kind} p`, boxed),
  ]),
  same('blockquote', '> blockquote:not([class])', boxed),
  same('task item', 'li.task-list-item', boxed),
  same('list item', '> ul:not(.task-list) > li', boxed),
  same('kbd', 'kbd', boxed),
  same('inline code', 'p > code:not(.filepath)', boxed),
  same('filepath', 'code.filepath', boxed),
  // Chirpy 5.3's script wraps each image in a.popup (a link, and its caption's predecessor).
  { name: 'link', real: '.post-content p > a:not(.popup)', preview: '#preview p > a', properties: text, tolerance: box },
  same('table', '.table-wrapper > table', boxed),
  same('table head cell', '.table-wrapper th', boxed),
  same('table cell', '.table-wrapper td', boxed),
  { name: 'code box', real: '.post-content div.highlighter-rouge', preview: '#preview .code-block', properties: kBoxStyles, tolerance: box },
  same('code header', '.code-header', kBoxStyles),
  // Centred by text-align on Chirpy 5.3, by auto margins here: their margins differ, `left` compares.
  same('image', 'img', kBoxStyles.filter((p) => p !== 'margin')),
  { name: 'image caption', real: '.post-content a.popup + em', preview: '#preview img + em', properties: boxed, tolerance: box },
  same('footnote mark', 'sup > a.footnote', text),
  same('footnotes', '.footnotes', boxed),
  same('footnote', '.footnotes li', boxed),
  // Chirpy's post layout around the content (the real page has it outside .post-content).
  { name: 'post title', real: '#core-wrapper .post > h1[data-toc-skip]', preview: '#preview .post-header h1', properties: text, tolerance: box },
  { name: 'post meta', real: '#core-wrapper .post > h1 + .post-meta', preview: '#preview .post-header .post-meta', properties: text, tolerance: box },
  { name: 'post tag', real: '.post-tail-wrapper .post-tag', preview: '#preview .post-tail-wrapper .post-tag', properties: boxed, tolerance: box },
  { name: 'licence line', real: '.post-tail-wrapper .license-wrapper', preview: '#preview .license-wrapper', properties: text, tolerance: box },
];
