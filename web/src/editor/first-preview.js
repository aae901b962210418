// The offline file's staged boot. Its first stage (single-file-boot.js, a small script) shows
// the preview of the draft the editor will open before the editor's 1.2 MB of code is even
// compiled (that compile was half of the time to the first preview): it reads the draft from
// IndexedDB, renders it with the wasm module and patches it into #preview with the modules the
// editor uses (the second stage uses these same module instances: web/build-single-file.mjs).
// Then, once that preview is painted, it runs the editor, which takes the preview over
// (takeBoot(): PreviewPane adopts the patcher and the render result) instead of drawing it again.
//
// Left to the editor, a moment later: math (KaTeX), code highlighting, diagrams and images
// (their files resolve against the site folder, the image folder or the site URL, which the
// editor restores). Blocks holding any of them show here as they would without (math as its
// TeX, code plain, images as empty boxes that load nothing) and are drawn again by the editor.
// A long post shows its first kFirstBlocks blocks here: more is below the first screen.
import seedPost from '../../../tests/fixtures/seed-post.md';
import { decorateCodeBoxes } from '../lib/code-box.js';
import { init, renderForPatch } from '../lib/draftmark.js';
import { PreviewPatcher } from '../lib/preview.js';
import { store } from './drafts/opening-store.js';
import { heldScript, runInlineScript } from './inline-script.js';
import { presetLayout } from './layout.js';
import { withDefaults } from './settings.js';

const kEditorHolderId = 'draftmark-editor-gz';
const kFirstBlocks = 100;
const kPaintWaitMs = 250;  // a page that draws no frames (a background tab) starts the editor anyway

let boot = null;  // {wasmReady, preview}, until the editor takes it

/**
 * Starts the module loading from `wasm` (what init() takes as `wasm`), shows the first preview,
 * and runs the editor held in the page once that is painted (at once if it could not be shown).
 */
export async function bootInTwoStages(wasm) {
  const wasmReady = init({ wasm });
  wasmReady.catch(() => {});  // the editor reports it
  boot = { wasmReady, preview: null };
  try {
    boot.preview = await showFirstPreview(wasmReady);
    await painted();
  } catch (error) {
    console.warn('draftmark: no first preview; the editor draws it', error);
  }
  runInlineScript(await heldScript(kEditorHolderId));
}

/**
 * What the first stage hands the editor, once: {wasmReady, preview: {patcher, result, text,
 * options, finished(node, i)} or null}; null when the page had no first stage (dist/index.html).
 */
export function takeBoot() {
  const handed = boot;
  boot = null;
  return handed;
}

async function showFirstPreview(wasmReady) {
  const opening = await store.peekOpening().catch(() => ({ settings: {}, text: null }));
  const settings = withDefaults(opening.settings);
  const root = document.documentElement;
  presetLayout(root, document.getElementById('workspace'), settings);
  await wasmReady;
  const text = opening.text ?? seedPost;
  const options = { mode: settings.mode, site: undefined, wordCount: true };  // as PreviewPane renders without a site folder
  const result = renderForPatch(text, options);
  const element = document.getElementById('preview');
  const patcher = new PreviewPatcher(element, {
    diagrams: false,
    prepare: (node) => {
      holdImages(node);
      if (result.mode === 'jekyll') decorateCodeBoxes(node);  // as PreviewPane does
    },
  });
  patcher.update({ ...result, blocks: result.blocks.slice(0, kFirstBlocks) });
  document.getElementById('loading').hidden = true;
  performance.mark('draftmark:first-render');
  // Blocks the editor would show otherwise: it parses them again.
  const held = 'img, pre';
  const finished = (node, i) => !result.blocks[i].html.includes('math') && !node.matches(held) && !node.querySelector(held);
  return { patcher, result, text, options, finished };
}

// An image's file is found by the editor (images.js): until then it loads nothing.
function holdImages(node) {
  for (const img of node.querySelectorAll('img')) {
    img.removeAttribute('src');
    img.classList.add('dm-image-loading');
  }
}

// Resolves once the frame showing what the page holds now is painted (a message posted from
// the frame's animation callback arrives after its paint), or after kPaintWaitMs.
function painted() {
  return new Promise((resolve) => {
    setTimeout(resolve, kPaintWaitMs);
    requestAnimationFrame(() => {
      const channel = new MessageChannel();
      channel.port1.onmessage = resolve;
      channel.port2.postMessage(null);
    });
  });
}
