// The editor page: creates the source editor, the preview, the drafts, files and page controls
// (each in its own module) and connects them. Automation hook (README.md "Editor"):
// window.draftmark = { ready, setMarkdown(text) (resolves once the preview shows text), getMarkdown(),
//   view (the CodeMirror EditorView), syntaxTreeDone, blockRect(node), draftId, timings, slowRenderMs (writable), journal },
// and a `draftmark:rendered` event on #preview after each patch.
import { store } from './drafts/opening-store.js';  // first: its reads start before the other modules run
import { takeBoot } from './first-preview.js';  // the offline file's first stage, if it ran
import seedPost from '../../../tests/fixtures/seed-post.md';
import { syntaxTreeAvailable } from '@codemirror/language';
import { init, render } from '../lib/draftmark.js';
import { DiagnosticsPanel } from './diagnostics-panel.js';
import { Drafts } from './drafts/drafts.js';
import { newDraftId } from './drafts/storage.js';
import { createEditor } from './editor.js';
import { Notices } from './notices.js';
import { OffscreenBlocks } from './offscreen-blocks.js';
import { OutlinePanel } from './outline-panel.js';
import { PageControls } from './page-controls.js';
import { PreviewPane } from './preview-pane.js';
import { RenderScheduler } from './render-scheduler.js';
import { SaveFlow } from './save-flow.js';
import { ScrollSync } from './scroll-sync.js';
import { Settings } from './settings.js';
import { SiteImages } from './site/site-images.js';
import { SitePanel } from './site/site-panel.js';
import { StatusBar } from './status-bar.js';

const $ = (selector) => document.querySelector(selector);
const root = document.documentElement;
const notices = new Notices($('#notices'));
const settings = new Settings({ store, onError: (error) => saveFlow.reportStorage(error) });
const diagnostics = new DiagnosticsPanel({
  list: $('#diagnostics-list'), summary: $('#diagnostics-summary'),
  onJump: (line, column) => preview.editor.gotoLine(line, column),
});
const boot = takeBoot();
const preview = new PreviewPane({ element: $('#preview'), settings, notices, diagnostics, firstPreview: boot?.preview });
const scheduler = new RenderScheduler({ render: () => preview.render(), onStale: () => preview.markStale() });
const status = new StatusBar({ counts: $('#counts'), cursor: $('#cursor') });
let draftShown;  // resolves when the first draft's text is in the editor
const textShown = new Promise((resolve) => { draftShown = resolve; });
const saveFlow = new SaveFlow({ notices, store, label: $('#save-state'), preview: $('#preview'), scheduler, title: () => preview.title() });
const drafts = new Drafts({
  store, tabId: newDraftId(), settings, notices, saveFlow, panel: $('#drafts-panel'), title: () => preview.title(),
  show: (record) => {
    preview.editor.load(record.text, record);
    controls.scrollSync?.restoreAfterLoad();
    scheduler.changed();
    draftShown();
    status.textChanged();
  },
});
saveFlow.drafts = drafts;
drafts.journal.onDurable = (entry) => document.dispatchEvent(new CustomEvent('draftmark:journaled', { detail: entry }));
const resetPreview = () => { preview.reset(); scheduler.invalidate(); };
const site = new SitePanel({
  drafts, notices,
  onFolder: (folder, siteSettings) => {
    if (folder.handle) {
      preview.imageFolder = folder.handle;
      preview.siteBaseurl = String(siteSettings?.baseurl ?? '');
      resetPreview();
    } else scheduler.invalidate();
  },
  onSettings: () => scheduler.invalidate(),  // the posts list changed: post_url checks may too
});
preview.siteSettings = () => site.renderSettings();
const images = new SiteImages({
  site: () => site.site, editor: () => preview.editor, notices, draftId: () => drafts.session.id, title: () => preview.title(),
});
preview.storedImages = images.stored;
status.renderedHtml = () => preview.bodyHtml();
status.renderedWords = () => preview.words();
const outline = new OutlinePanel({
  button: $('#outline-button'), panel: $('#outline-panel'), list: $('#outline-list'), empty: $('#outline-empty'), preview: $('#preview'),
});
// Hides the blocks of a long preview far from the view; it follows the patcher's renders itself.
const offscreen = new OffscreenBlocks({
  scroller: $('#preview-scroller'), content: $('#preview'), isLaidOut: () => root.dataset.preview === 'laid-out',
  patcher: () => preview.patcher,
});
// Printing shows every block (editor.css): placeholders of a long post are parsed first.
window.addEventListener('beforeprint', () => preview.patcher?.materializeAll());
preview.onRendered = () => { status.scheduleCounts(); controls.scrollSync?.previewRendered(); outline.update(); };
saveFlow.site = site;
saveFlow.onImage = (file) => images.insert(file);
const controls = new PageControls({ root, settings, notices, store, drafts, saveFlow, preview, resetPreview });

async function start() {
  performance.mark('draftmark:start');
  // The module compiles while IndexedDB answers and the editor is built (the offline file's
  // first stage has loaded it already).
  const wasmReady = boot?.wasmReady ?? init({ wasm: new URL('./draftmark.wasm', import.meta.url) });
  wasmReady.catch(() => {});  // reported below, once awaited
  await settings.load();
  controls.applyLayout();

  const editor = createEditor($('#editor-pane'), {
    spellcheck: settings.values.spellcheck ?? true,
    onChange: (update) => {
      preview.textChanged(update);
      drafts.recordChange(update.changes);
      saveFlow.textChanged();
      scheduler.changed();
      status.textChanged();
    },
    onSelection: () => { drafts.viewSaver.markDirty(); status.showCursor(); },
    onScroll: () => { drafts.viewSaver.markDirty(); controls.scrollSync?.editorScrolled(); outline.markCurrent(); },
  });
  for (const part of [preview, status, saveFlow, drafts, controls, outline]) part.editor = editor;
  performance.mark('draftmark:editor-created');
  controls.scrollSync = new ScrollSync({ editor, scroller: $('#preview-scroller'), content: $('#preview'),
    rectOf: (node) => offscreen.rectOf(node) });
  await controls.restoreImageFolder();
  resetPreview();
  controls.wire();
  site.build();
  images.attach(editor.view.dom);
  images.loadStored().then((count) => { if (count) resetPreview(); });  // images kept by earlier sessions
  site.rendererReady = wasmReady;
  // The last site folder reopens beside the draft (reading its _config.yml needs the module):
  // the text shows first, the first render waits for the site.
  const siteRestored = site.restore();

  // The first preview needs the draft's text, not its storage: a new draft (a fresh profile's
  // seed post) is shown before IndexedDB has written it, which took ~150 ms on a fresh profile.
  const opened = drafts.openInitial(seedPost);
  await Promise.race([textShown, opened]);

  try {
    await wasmReady;
  } catch (error) {
    $('#loading').textContent = `Draftmark could not start its renderer: ${error.message}`;
    $('#loading').dataset.state = 'error';
    throw error;
  }
  performance.mark('draftmark:wasm-ready');
  await siteRestored;
  // Blocks below the fold are laid out once the first preview is painted (editor.css). Asked
  // for before the render so it comes before the scroll restore the render asks for.
  requestAnimationFrame(() => requestAnimationFrame(() => { root.dataset.preview = 'laid-out'; }));
  scheduler.start();
  // The offline file's first stage marked its own first preview, shown before this code ran.
  performance.mark(boot?.preview ? 'draftmark:editor-render' : 'draftmark:first-render');
  $('#loading').hidden = true;
  await opened;
  performance.mark('draftmark:draft-opened');
  saveFlow.setState('saved');
  root.dataset.ready = 'true';
  editor.focus();
}

const ready = start();

window.draftmark = {
  ready,
  /** Replaces the text (as one undoable edit); resolves once the preview shows it. */
  async setMarkdown(text) {
    await ready;
    preview.editor.setText(String(text));
    return scheduler.whenRendered();
  },
  getMarkdown() {
    return preview.editor?.getText() ?? '';
  },
  get view() {
    return preview.editor?.view ?? null;
  },
  /** Where a preview block is, folded or not ({top, bottom}; offscreen-blocks.js). */
  blockRect(node) {
    return offscreen.rectOf(node);
  },
  /** Whether the editor's syntax tree covers the whole text (parsed, or reused by the next parse). */
  get syntaxTreeDone() {
    const state = preview.editor?.view.state;
    return state ? syntaxTreeAvailable(state, state.doc.length) : false;
  },
  /** The last preview update's cost: {renderMs (wasm + decode), patchMs (DOM + math), bytes}. */
  /**
   * Renders the editor's text whole with the preview's options and says whether the preview's
   * last result (incremental or not) is the same: blocks (hash, lines and HTML), diagnostics, words;
   * and that the preview shows one node per block, in order, at its lines.
   */
  sameAsWholeRender() {
    const last = preview.lastResult;
    const whole = render(preview.editor.getText(), preview.lastOptions);
    const key = (r) => JSON.stringify([r.blocks.map((b) => [b.hash, b.lineStart, b.lineEnd, b.html]), r.diagnostics, r.frontMatter, r.words, r.mode]);
    // And the page shows it: one node per block, in order, at the block's lines.
    const shown = [...$('#preview').children].map((node) => node.getAttribute('data-line'));
    const lines = whole.blocks.map((b) => `${b.lineStart}-${b.lineEnd}`);
    return key(last) === key(whole) && JSON.stringify(shown) === JSON.stringify(lines);
  },
  get timings() {
    return scheduler.timings;
  },
  /** Cost above which the preview waits for a typing pause (tests lower it). */
  get slowRenderMs() {
    return scheduler.slowRenderMs;
  },
  set slowRenderMs(ms) {
    scheduler.slowRenderMs = Number(ms);
  },
  /** Renders run so far (a version renders once; tests count them). */
  get renders() {
    return scheduler.renders;
  },
  /** Opens a site folder (a FileSystemDirectoryHandle, e.g. from the origin-private file system); resolves to its posts. */
  async openSiteFolder(handle) {
    await ready;
    return site.open(handle);
  },
  site,
  /** The banners (tests shorten `notices.infoMs`, how long an info banner stays). */
  notices,
  /**
   * The edit journal: {appended, durable} entries since load, `seq` (the next entry's number on
   * this draft's chain), `lastAppend` {ms, bytes}. `draftmark:journaled` fires on document as
   * each entry is committed (detail: {draftId, chain, seq}).
   */
  get journal() {
    const { appended, durable, lastAppend } = drafts.journal;
    return { appended, durable, lastAppend, seq: drafts.session.seq };
  },
  /** The id of the draft shown (its IndexedDB keys are text:<id>, meta:<id> and view:<id>). */
  get draftId() {
    return drafts.session.id;
  },
};
