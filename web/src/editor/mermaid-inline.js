// Mermaid inside the offline single file: web/build-single-file.mjs stores it compressed in the
// page (inline-script.js), so it costs the first paint nothing. On the first diagram it runs.
import { heldScript, runInlineScript } from './inline-script.js';

const kHolderId = 'draftmark-mermaid-gz';
export const kGlobalName = '__draftmarkMermaid';

/** Resolves to the mermaid module stored in the page. */
export async function loadInlineMermaid() {
  runInlineScript(await heldScript(kHolderId));
  const mermaid = globalThis[kGlobalName];
  if (!mermaid) throw new Error('draftmark: the inline mermaid did not run (blocked by a Content-Security-Policy?)');
  return mermaid;
}
