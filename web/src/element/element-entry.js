// Entry of dist/draftmark-element.js: <draftmark-preview> with everything it needs inside the one
// file — the wasm bytes, the shadow root's CSS and KaTeX's fonts — so embedding it takes one
// <script type="module"> and no other file to host.
import css from '../../styles/element.css?inline';
import fonts from 'draftmark:katex-fonts';
import wasmGzip from 'draftmark:wasm-gzip';
import { defineDraftmarkPreview } from './element.js';
import { gunzip } from '../lib/gunzip.js';

export { DraftmarkPreviewElement } from './element.js';

defineDraftmarkPreview({ wasm: () => gunzip(wasmGzip), css, fonts });
