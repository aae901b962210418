// First module of dist/draftmark.html: starts the wasm module from the bytes inlined in the page.
// It does not wait for it: the inflate and compile run while the editor starts (main.js) and
// IndexedDB answers. The editor's own init() with a URL, made while this one compiles, waits
// for it and fetches nothing — the page makes no request at all, which is what lets it work
// from file:// with no network.
// Diagrams load mermaid from the page too (mermaid-inline.js), never from a file beside it.
import { init } from '../lib/draftmark.js';
import { setMermaidLoader } from '../lib/diagrams.js';
import { gunzip } from '../lib/gunzip.js';
import { loadInlineMermaid } from './mermaid-inline.js';
import wasmGzip from 'draftmark:wasm-gzip';

performance.mark('draftmark:boot');  // the bundle runs; the editor's modules evaluate after this one
setMermaidLoader(loadInlineMermaid);
init({ wasm: gunzip(wasmGzip) }).catch(() => {});  // a failure is reported by the editor's init()
