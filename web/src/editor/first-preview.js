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
import { holderText, runInlineScript } from './inline-script.js';
import { presetLayout } from './layout.js';
import { withDefaults } from './settings.js';

const kEditorHolderId = 'draftmark-editor-js';
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
  const editor = await holderText(kEditorHolderId);
  if (editor === null) throw new Error(`draftmark: this page holds no editor (#${kEditorHolderId})`);
  runInlineScript(editor);
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
  let answer = null;
  const opening = store.peekOpening().catch(() => ({ settings: {}, text: null })).then((read) => { answer = read; return read; });
  const element = document.getElementById('preview');
  let shown = null;  // {result, text, options}
  const patcher = new PreviewPatcher(element, {
    diagrams: false,
    prepare: (node) => {
      holdImages(node);
      if (shown.result.mode === 'jekyll') decorateCodeBoxes(node);  // as PreviewPane does
    },
  });
  const draw = (text, { mode }) => {
    const options = { mode, site: undefined, wordCount: true };  // as PreviewPane renders without a site folder
    shown = { result: renderForPatch(text, options), text, options };
    patcher.update({ ...shown.result, blocks: shown.result.blocks.slice(0, kFirstBlocks) });
  };
  await wasmReady;
  try {
    // A first visit shows the seed post, and there IndexedDB's first answer comes late (it
    // creates the database): the seed is drawn while it is awaited, out of sight, and shown if
    // that is the answer (a stored draft replaces it).
    if (!answer) {
      element.hidden = true;
      draw(seedPost, withDefaults({}));
    }
    const settings = withDefaults((await opening).settings);
    const text = answer.text ?? seedPost;
    if (shown?.text !== text || shown.options.mode !== settings.mode) draw(text, settings);
    presetLayout(document.documentElement, document.getElementById('workspace'), settings);
  } catch (error) {
    element.replaceChildren();  // the seed drawn ahead may not be the editor's draft
    throw error;
  } finally {
    element.hidden = false;
  }
  document.getElementById('loading').hidden = true;
  performance.mark('draftmark:first-render');
  // Blocks the editor would show otherwise: it parses them again.
  const { result } = shown;
  const held = 'img, pre';
  const finished = (node, i) => !result.blocks[i].html.includes('math') && !node.matches(held) && !node.querySelector(held);
  return { patcher, ...shown, finished };
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
