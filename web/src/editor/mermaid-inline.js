// Mermaid inside the offline single file: web/build-single-file.mjs stores it gzip-compressed,
// base64, in <script type="text/plain" id="draftmark-mermaid-gz">, which the HTML parser does not
// run and the JS parser never sees, so it costs the first paint nothing. On the first diagram it is
// inflated and run as an inline classic script: the file's CSP allows 'unsafe-inline' scripts but
// neither blob: nor data: script URLs, and no eval.
import { gunzip } from '../lib/gunzip.js';

const kHolderId = 'draftmark-mermaid-gz';
export const kGlobalName = '__draftmarkMermaid';

/** Resolves to the mermaid module stored in the page. */
export async function loadInlineMermaid() {
  if (document.readyState === 'loading') {  // the app runs async, possibly before the parser got here
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  const holder = document.getElementById(kHolderId);
  if (!holder) throw new Error('draftmark: this page holds no mermaid');
  const base64 = holder.textContent.trim();
  const bytes = Uint8Array.from(atob(base64), (c) => c.charCodeAt(0));
  const script = document.createElement('script');
  script.textContent = new TextDecoder().decode(await gunzip(bytes));
  document.head.append(script);  // an inline classic script runs as it is inserted
  script.remove();
  const mermaid = globalThis[kGlobalName];
  if (!mermaid) throw new Error('draftmark: the inline mermaid did not run (blocked by a Content-Security-Policy?)');
  return mermaid;
}
