// Entry of dist/draftmark-element.js: <draftmark-preview>, with the post CSS inside; it loads
// draftmark.wasm from next to itself. What only some posts need is split off into chunks
// (dist/chunks/, fetched on first use): KaTeX with its CSS (element-math.js; fonts from
// dist/fonts/) when a post has math, the Lezer highlighter when it has fenced code with a
// language. A page without either loads this file and the wasm only. Host the whole dist/
// folder (see README "Hosting the element"). The seam for other lazy features (diagrams) is
// `loaders` below: a function returning import() of a chunk.
//
// Importing this file where there is no DOM (Node, SSR) defines nothing and throws nothing.
import css from '../../styles/element.css?inline';
import { defineDraftmarkPreview } from './element.js';

export { DraftmarkPreviewElement } from './element.js';

defineDraftmarkPreview({
  wasm: new URL('./draftmark.wasm', import.meta.url),
  css,
  loaders: {
    math: () => import('./element-math.js'),
    highlight: () => import('../lib/highlight.js'),
  },
});
