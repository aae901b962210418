// The math chunk of <draftmark-preview>, loaded the first time a post has math: KaTeX (via
// lib/math.js), its layout CSS (for the shadow root or the light-DOM sheet) and its fonts' URLs
// (dist/fonts/, registered on the document as FontFace objects: a shadow root ignores
// @font-face). The browser fetches a font only when a formula uses it (CSP: font-src).
import css from 'katex/dist/katex.css?inline';
import fonts from 'draftmark:katex-fonts';
import * as engine from '../lib/math.js';

export { css, engine, fonts };
