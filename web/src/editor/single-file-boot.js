// First module of dist/draftmark.html: starts the wasm module from the bytes inlined in the page.
// init() is idempotent, so when the editor later calls init() with a URL nothing is fetched —
// the page makes no request at all, which is what lets it work from file:// with no network.
// Diagrams load mermaid from the page too (mermaid-inline.js), never from a file beside it.
import { init } from '../lib/draftmark.js';
import { setMermaidLoader } from '../lib/diagrams.js';
import { gunzip } from '../lib/gunzip.js';
import { loadInlineMermaid } from './mermaid-inline.js';
import wasmGzip from 'draftmark:wasm-gzip';

setMermaidLoader(loadInlineMermaid);
await init({ wasm: await gunzip(wasmGzip) });
