// First module of dist/draftmark.html: starts the wasm module from the bytes inlined in the page.
// init() is idempotent, so when the editor later calls init() with a URL nothing is fetched —
// the page makes no request at all, which is what lets it work from file:// with no network.
import { init } from '../lib/draftmark.js';
import { gunzip } from '../lib/gunzip.js';
import wasmGzip from 'draftmark:wasm-gzip';

await init({ wasm: await gunzip(wasmGzip) });
