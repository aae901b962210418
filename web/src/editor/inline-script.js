// Code the offline single file carries as text, in <script type="text/plain" id="…"> holders
// that the HTML parser does not run and the JS parser never sees (web/build-single-file.mjs):
// the editor (first-preview.js starts it) and mermaid (mermaid-inline.js). The file's CSP allows
// 'unsafe-inline' scripts but neither blob: nor data: script URLs, and no eval: the text runs as
// an inline classic script.

/** Resolves to the text of the holder `id`, once the parser has read all of it (null: no such holder). */
export async function holderText(id) {
  if (document.readyState === 'loading') {  // the caller runs async, possibly before the parser got here
    await new Promise((resolve) => document.addEventListener('DOMContentLoaded', resolve, { once: true }));
  }
  return document.getElementById(id)?.textContent ?? null;
}

/** Runs `js` as an inline classic script, now. */
export function runInlineScript(js) {
  const script = document.createElement('script');
  script.textContent = js;
  document.head.append(script);  // an inline classic script runs as it is inserted
  script.remove();
}
