// Mermaid inside the offline single file: web/build-single-file.mjs stores it gzip-compressed,
// base64, in <script type="text/plain" id="draftmark-mermaid-gz"> (inline-script.js), so it costs
// the first paint nothing. On the first diagram it is inflated and run.
import { gunzip } from '../lib/gunzip.js';
import { holderText, runInlineScript } from './inline-script.js';

const kHolderId = 'draftmark-mermaid-gz';
export const kGlobalName = '__draftmarkMermaid';

/** Resolves to the mermaid module stored in the page. */
export async function loadInlineMermaid() {
  const base64 = (await holderText(kHolderId))?.trim();
  if (!base64) throw new Error('draftmark: this page holds no mermaid');
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  runInlineScript(new TextDecoder().decode(await gunzip(bytes)));
  const mermaid = globalThis[kGlobalName];
  if (!mermaid) throw new Error('draftmark: the inline mermaid did not run (blocked by a Content-Security-Policy?)');
  return mermaid;
}
