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

export const kPairs = [
  { name: 'paragraph', real: '.post-content > p', preview: '#preview > p', properties: boxed, tolerance: box },
  { name: 'h2', real: '.post-content > h2', preview: '#preview > h2', properties: boxed, tolerance: box },
  { name: 'h3', real: '.post-content > h3', preview: '#preview > h3', properties: boxed, tolerance: box },
  { name: 'h4', real: '.post-content > h4', preview: '#preview > h4', properties: boxed, tolerance: box },
  ...['tip', 'info', 'warning', 'danger'].flatMap((kind) => [
    { name: `prompt-${kind}`, real: `.post-content blockquote.prompt-${kind}`, preview: `#preview blockquote.prompt-${kind}`, properties: boxed, tolerance: box },
    { name: `prompt-${kind} text`, real: `.post-content blockquote.prompt-${kind} p`, preview: `#preview blockquote.prompt-${kind} p`, properties: boxed, tolerance: box },
  ]),
  { name: 'blockquote', real: '.post-content > blockquote:not([class])', preview: '#preview > blockquote:not([class])', properties: boxed, tolerance: box },
  { name: 'task item', real: '.post-content li.task-list-item', preview: '#preview li.task-list-item', properties: boxed, tolerance: box },
  { name: 'list item', real: '.post-content > ul:not(.task-list) > li', preview: '#preview > ul:not(.task-list) > li', properties: boxed, tolerance: box },
  { name: 'kbd', real: '.post-content kbd', preview: '#preview kbd', properties: boxed, tolerance: box },
  { name: 'inline code', real: '.post-content p > code:not(.filepath)', preview: '#preview p > code:not(.filepath)', properties: boxed, tolerance: box },
  { name: 'filepath', real: '.post-content code.filepath', preview: '#preview code.filepath', properties: boxed, tolerance: box },
  { name: 'link', real: '.post-content p > a:not(.popup)', preview: '#preview p > a', properties: text, tolerance: box },
  { name: 'table', real: '.post-content .table-wrapper > table', preview: '#preview .table-wrapper > table', properties: boxed, tolerance: box },
  { name: 'table head cell', real: '.post-content .table-wrapper th', preview: '#preview .table-wrapper th', properties: boxed, tolerance: box },
  { name: 'table cell', real: '.post-content .table-wrapper td', preview: '#preview .table-wrapper td', properties: boxed, tolerance: box },
  { name: 'code box', real: '.post-content div.highlighter-rouge', preview: '#preview .code-block', properties: kBoxStyles, tolerance: box },
  { name: 'code header', real: '.post-content .code-header', preview: '#preview .code-header', properties: kBoxStyles, tolerance: box },
  // Centred by text-align on Chirpy 5.3, by auto margins here: their margins differ, `left` compares.
  { name: 'image', real: '.post-content img', preview: '#preview img', properties: kBoxStyles.filter((p) => p !== 'margin'), tolerance: box },
  { name: 'image caption', real: '.post-content a.popup + em', preview: '#preview img + em', properties: boxed, tolerance: box },
  { name: 'footnote mark', real: '.post-content sup > a.footnote', preview: '#preview sup > a.footnote', properties: text, tolerance: box },
  { name: 'footnotes', real: '.post-content .footnotes', preview: '#preview .footnotes', properties: boxed, tolerance: box },
  { name: 'footnote', real: '.post-content .footnotes li', preview: '#preview .footnotes li', properties: boxed, tolerance: box },
];
