// Code the offline single file carries gzip-compressed, as base64 in <script type="text/plain"
// id="…"> holders that the HTML parser does not run and the JS parser never sees
// (web/build-single-file.mjs): the editor (first-preview.js starts it) and mermaid
// (mermaid-inline.js). The file's CSP allows 'unsafe-inline' scripts but neither blob: nor data:
// script URLs, and no eval: the text runs as an inline classic script.
import { gunzip } from '../lib/gunzip.js';

/** Resolves to the code the holder `id` carries, once the parser has read all of it. */
export async function heldScript(id) {
  if (document.readyState === 'loading') {  // the caller runs async, possibly before the parser got here
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  const base64 = document.getElementById(id)?.textContent.trim();
  if (!base64) throw new Error(`draftmark: this page holds no #${id}`);
  const binary = atob(base64);
  const bytes = new Uint8Array(binary.length);
  for (let i = 0; i < binary.length; i++) bytes[i] = binary.charCodeAt(i);
  return new TextDecoder().decode(await gunzip(bytes));
}

/** Runs `js` as an inline classic script, now. */
export function runInlineScript(js) {
  const script = document.createElement('script');
  script.textContent = js;
  document.head.append(script);  // an inline classic script runs as it is inserted
  script.remove();
}
