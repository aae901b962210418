// The offline single file's first stage (dist/draftmark.html, web/build-single-file.mjs): starts
// the wasm module from the bytes inlined in the page, shows the first preview and then runs the
// editor the page holds (first-preview.js). The page makes no request at all, which is what lets
// it work from file:// with no network: the editor uses the module loaded here (takeBoot()), and
// diagrams load mermaid from the page too (mermaid-inline.js).
import { setMermaidLoader } from '../lib/diagrams.js';
import { gunzip } from '../lib/gunzip.js';
import { bootInTwoStages } from './first-preview.js';
import { loadInlineMermaid } from './mermaid-inline.js';
import wasmGzip from 'draftmark:wasm-gzip';

performance.mark('draftmark:boot');  // the first stage runs
setMermaidLoader(loadInlineMermaid);
bootInTwoStages(gunzip(wasmGzip));
