// The editor page: wires the source editor, the live preview, drafts storage, files and the
// page controls together. Each piece lives in its own module; this file only connects them.
//
// Automation hook (documented in README.md "Editor"): window.draftmark =
//   { ready: Promise, setMarkdown(text): Promise (resolves once the preview shows text),
//     getMarkdown(): string, view: the CodeMirror EditorView, draftId: the current draft's id }
// and a `draftmark:rendered` event on #preview after each patch.
import seedPost from '../../../tests/fixtures/seed-post.md';
import { Autosaver } from './drafts/autosave.js';
import { DiagnosticsPanel } from './diagnostics-panel.js';
import { DraftSession } from './drafts/draft-session.js';
import { DraftsMenu, draftLabel } from './drafts/drafts-menu.js';
import { DraftmarkError, init, renderForPatch } from '../lib/draftmark.js';
import { createEditor } from './editor.js';
import { buildStandaloneHtml, cleanPreviewHtml } from './export-html.js';
import { fileNameFor, openMarkdownFile, readDroppedFile, saveAs, writeToHandle } from './files.js';
import { highlightCodeBlocks } from '../lib/highlight.js';
import { ImageResolver } from './images.js';
import { applyView, nextTheme, splitDivider, themeController } from './layout.js';
import { Notices } from './notices.js';
import { PreviewPatcher } from '../lib/preview.js';
import { ScrollSync } from './scroll-sync.js';
import { DraftStore, newDraftId } from './drafts/storage.js';
import { TabPresence } from './drafts/tab-presence.js';
import { countText } from './text-stats.js';

const $ = (selector) => document.querySelector(selector);
const root = document.documentElement;
const notices = new Notices($('#notices'));
const store = new DraftStore();
const tabId = newDraftId();
const MODES = new Set(['auto', 'jekyll', 'gfm', 'commonmark']);

let settings = {};
let editor = null;
let patcher = null;
let images = null;
let lastResult = null;
let docVersion = 0;        // bumps on every text change
let renderedVersion = -1;  // the version the preview shows
let frame = null;          // {raf, timer} while this frame has rendered
let renderPending = false; // a change came after this frame's render
// Longer than a slow frame (a 1 MB post paints in ~100-150 ms), so rAF paces renders whenever
// the page draws at all.
const FRAME_FALLBACK_MS = 250;
let wasmStarted = false;   // render() needs init() to have finished
let lastProblemsKey = '';
let timings = null;        // the last render's cost, for window.draftmark.timings
let pauseTimer = null;     // pending render of a slow document, waiting for a typing pause
// A document whose render costs more than this (about 2.5 MB of Markdown) would
// make every keystroke wait for it: it renders once typing pauses instead. Measured: 60 ms
// per MB in wasm, 20 MB ~1.3 s; a Web Worker was not used because the offline file's CSP
// (script-src without blob:) and file:// forbid one.
let slowRenderMs = 150;
const waiters = [];        // setMarkdown() promises: {version, resolve}

function reportStorage(error) {
  notices.show('storage', {
    level: 'error',
    message: `Autosave is not working (${error.message}). Your text is still here — save it to a file to keep it.`,
    actions: [{ label: 'Save to file', run: () => saveFile() }],
  });
  setSaveState('failed');
}

function setSaveState(state) {
  const labels = { saved: 'Saved', saving: 'Saving…', dirty: 'Unsaved', failed: 'Not saved' };
  const el = $('#save-state');
  el.textContent = labels[state];
  el.dataset.state = state;
}

function saveSettings(patch) {
  Object.assign(settings, patch);
  store.setSettings({ ...settings }).catch(reportStorage);
}

// ---- Rendering --------------------------------------------------------------------------

// At most one render per animation frame, and the first change of a frame renders at once
// (in a microtask, after CodeMirror's update): waiting for the next frame would add a frame to
// every keystroke. Changes arriving while a frame already rendered are coalesced into one
// render at the start of the next frame; the last input wins.
function scheduleRender() {
  // The render's cost grows with the document and is paid on every keystroke; the patch's
  // is large only when most blocks changed (a new document), so it does not count here.
  const cost = timings ? timings.renderMs : 0;
  if (cost >= slowRenderMs) {
    clearTimeout(pauseTimer);
    $('#preview').dataset.stale = 'true';
    pauseTimer = setTimeout(() => { pauseTimer = null; renderNow(); }, Math.min(1000, Math.max(200, cost)));
    return;
  }
  if (frame !== null) { renderPending = true; return; }
  frame = { raf: requestAnimationFrame(endFrame), timer: setTimeout(endFrame, FRAME_FALLBACK_MS) };
  queueMicrotask(renderNow);
}

// Ends the frame that rendered, by rAF or by a timer. The timer is for pages that draw no
// frames (a background tab, a busy compositor): with rAF alone, a change made there while a
// frame is open would wait for a frame that may never come, and the preview would stay stale.
function endFrame() {
  if (frame === null) return;
  cancelAnimationFrame(frame.raf);
  clearTimeout(frame.timer);
  frame = null;
  if (renderPending) { renderPending = false; scheduleRender(); }
}

function renderNow() {
  if (!wasmStarted) return;
  const version = docVersion;
  const started = performance.now();
  const text = editor.getText();
  let result;
  try {
    result = renderForPatch(text, { mode: settings.mode ?? 'auto' });
  } catch (error) {
    // A trap leaves the module to be re-instantiated by the next render(); the text is untouched.
    const message = error instanceof DraftmarkError ? error.message : String(error);
    notices.show('renderer', { level: 'error', message: `The preview failed (${message}). Your text is safe; the preview retries on your next change.` });
    console.warn(error);
    return;
  }
  notices.hide('renderer');
  delete $('#preview').dataset.stale;
  lastResult = result;
  const rendered = performance.now();
  const mathProblems = patcher.update(result);
  const problems = [...result.diagnostics, ...mathProblems];
  diagnostics.show(problems);
  const problemsKey = JSON.stringify(problems.map((p) => [p.line, p.column, p.severity, p.message]));
  if (problemsKey !== lastProblemsKey) {
    // CodeMirror maps shown markers through edits itself; re-sending them every keystroke
    // would cost a transaction and a gutter redraw per key.
    lastProblemsKey = problemsKey;
    editor.setDiagnostics(problems);
  }
  renderedVersion = version;
  timings = { renderMs: rendered - started, patchMs: performance.now() - rendered, bytes: text.length };
  for (let i = waiters.length - 1; i >= 0; i--) {
    if (waiters[i].version <= version) waiters.splice(i, 1)[0].resolve();
  }
  document.title = `${currentTitle() || 'Untitled'} — Draftmark`;
}

function currentTitle() {
  const title = lastResult?.frontMatter?.title;
  if (typeof title === 'string' && title.trim()) return title.trim();
  return editor.getText().match(/^#\s+(.+)$/m)?.[1].trim() ?? '';
}

function newPatcher() {
  images?.dispose();
  images = new ImageResolver({ siteUrl: settings.siteUrl ?? '', folder: imageFolder });
  patcher = new PreviewPatcher($('#preview'), {
    unsafe: false,
    prepare: (node) => {
      images.prepare(node);
      highlightCodeBlocks(node);
    },
  });
  $('#preview').replaceChildren();
  scheduleRender();
}

// ---- Status bar ---------------------------------------------------------------------------

let statsTimer = null;
function scheduleStats() {
  clearTimeout(statsTimer);
  // Counting takes ~1 ms per 10 KB: done in a typing pause (a longer one for long documents,
  // ~100 ms for 1 MB), so keystrokes never wait for it.
  const pause = editor.view.state.doc.length > 200_000 ? 1500 : 250;
  statsTimer = setTimeout(() => {
    const { characters, charactersNoSpaces, words } = countText(editor.getText());
    $('#counts').textContent = `${characters.toLocaleString()} characters (${charactersNoSpaces.toLocaleString()} without spaces) · ${words.toLocaleString()} words`;
  }, pause);
}

function showCursor() {
  const { state } = editor.view;
  const pos = state.selection.main.head;
  const line = state.doc.lineAt(pos);
  $('#cursor').textContent = `Ln ${line.number}, Col ${pos - line.from + 1}`;
}

// ---- Drafts ---------------------------------------------------------------------------------

const presence = new TabPresence({
  tabId,
  onChange: (count) => {
    if (count > 0) {
      notices.show('other-tab', {
        level: 'warning',
        message: 'This draft is also open in another tab. Edit it in one tab only: if both change it, the later save becomes a separate copy.',
      });
    } else notices.hide('other-tab');
  },
  onRemoteSave: ({ draftId, rev }) => {
    if (rev <= session.baseRev) return;
    notices.show('remote-save', {
      level: 'warning',
      message: 'Another tab saved a newer version of this draft. If you keep typing here, your version is saved as a copy.',
      // Unsaved text here is flushed first, which keeps it as a copy; then the newer version opens.
      actions: [{ label: 'Load the newer version', run: () => openDraft(draftId) }],
    });
  },
});

const session = new DraftSession({
  store, presence, tabId,
  snapshot: () => ({ ...editor.getSelection(), text: editor.getText(), scrollLine: editor.topLine(), title: currentTitle() }),
  onFork: ({ fromLabel, toLabel }) => {
    notices.hide('remote-save');
    notices.show('forked', {
      level: 'warning',
      message: `Another tab changed "${fromLabel}" too. Nothing was overwritten: your text here is saved as "${toLabel}".`,
    });
    saveSettings({ currentDraftId: session.id });
    refreshDrafts();
  },
});

const autosaver = new Autosaver({
  save: async () => {
    setSaveState('saving');
    await session.save();
    notices.hide('storage');
    setSaveState(autosaver.dirty ? 'dirty' : 'saved');
  },
  onError: reportStorage,
});
const viewSaver = new Autosaver({ save: () => session.saveView(), onError: () => {} });

const draftsMenu = new DraftsMenu($('#drafts-panel'), {
  onOpen: (id) => openDraft(id),
  onNew: () => newDraft(newPostTemplate(), {}),
  onRename: async (name) => {
    await store.rename(session.id, name).catch(reportStorage);
    session.meta = { ...session.meta, name };
    refreshDrafts();
  },
  onDelete: async () => {
    // Pending saves first: a save landing after the delete would bring the draft back.
    await autosaver.flush();
    await viewSaver.flush();
    const gone = session.id;
    await store.remove(gone).catch(reportStorage);
    const rest = (await store.list().catch(() => [])).filter((m) => m.id !== gone);
    if (rest.length) await openDraft(rest[0].id, { flush: false });
    else await newDraft(newPostTemplate(), { flush: false });
  },
});

async function refreshDrafts() {
  try {
    draftsMenu.show(await store.list(), session.id);
  } catch (error) {
    reportStorage(error);
  }
}

function showDraftText(record) {
  editor.load(record.text, record);
  docVersion++;
  scheduleRender();
  scheduleStats();
  showCursor();
}

async function openDraft(id, { flush = true } = {}) {
  if (flush) await autosaver.flush();
  const record = await session.open(id).catch((error) => { reportStorage(error); return null; });
  if (!record) return false;
  notices.hide('remote-save');
  showDraftText(record);
  saveSettings({ currentDraftId: id });
  refreshDrafts();
  return true;
}

async function newDraft(text, { name = '', flush = true } = {}) {
  if (flush) await autosaver.flush();
  showDraftText({ text, anchor: 0, head: 0, scrollLine: 1 });
  try {
    await session.create(text, { name, title: '' });
  } catch (error) {
    reportStorage(error);
  }
  saveSettings({ currentDraftId: session.id });
  refreshDrafts();
}

function newPostTemplate() {
  const now = new Date();
  const pad = (n) => String(n).padStart(2, '0');
  const offset = -now.getTimezoneOffset();
  const tz = `${offset >= 0 ? '+' : '-'}${pad(Math.floor(Math.abs(offset) / 60))}${pad(Math.abs(offset) % 60)}`;
  const date = `${now.getFullYear()}-${pad(now.getMonth() + 1)}-${pad(now.getDate())} ${pad(now.getHours())}:${pad(now.getMinutes())}:${pad(now.getSeconds())} ${tz}`;
  return `---\ntitle: Untitled\ndate: ${date}\ncategories: []\ntags: []\n---\n\n`;
}

// ---- Files --------------------------------------------------------------------------------

// Files drafts were opened from or saved to. Also kept in IndexedDB (so Save still writes to the
// file after a reload); the map covers handles IndexedDB cannot store.
const fileHandles = new Map();

async function rememberFile(id, handle) {
  fileHandles.set(id, handle);
  await store.setFileHandle(id, handle).catch(() => {});
}

async function openFile(file) {
  if (!file) return;
  await newDraft(file.text, { name: file.name });
  if (file.handle) await rememberFile(session.id, file.handle);
}

async function saveFile({ as = false } = {}) {
  const text = editor.getText();
  try {
    const handle = as ? null : fileHandles.get(session.id) ?? await store.getFileHandle(session.id).catch(() => null);
    if (handle) {
      await writeToHandle(handle, text);
      notices.show('file', { level: 'info', message: `Saved to ${handle.name}.` });
      return;
    }
    const name = fileNameFor(currentTitle() || draftLabel(session.meta), '.md');
    const saved = await saveAs(name, text);
    if (saved) await rememberFile(session.id, saved);
    if (saved !== undefined) notices.show('file', { level: 'info', message: saved ? `Saved to ${saved.name}.` : `Downloaded ${name}.` });
  } catch (error) {
    notices.show('file', { level: 'error', message: `Could not save the file: ${error.message}` });
  }
}

async function exportHtml() {
  try {
    await flushRender();
    const html = await buildStandaloneHtml({
      content: $('#preview'), title: currentTitle(), theme: root.dataset.theme, lang: document.documentElement.lang,
    });
    await saveAs(fileNameFor(currentTitle() || 'post', '.html'), html, { html: true });
  } catch (error) {
    notices.show('file', { level: 'error', message: `Could not export: ${error.message}` });
  }
}

async function copyHtml() {
  try {
    await flushRender();
    await navigator.clipboard.writeText(cleanPreviewHtml($('#preview')));
    notices.show('file', { level: 'info', message: 'The rendered HTML is on the clipboard.' });
  } catch (error) {
    notices.show('file', { level: 'error', message: `Could not copy: ${error.message}` });
  }
}

function flushRender() {
  if (renderedVersion === docVersion) return Promise.resolve();
  return new Promise((resolve) => { waiters.push({ version: docVersion, resolve }); scheduleRender(); });
}

// ---- Settings -------------------------------------------------------------------------------

let imageFolder = null;

async function pickImageFolder() {
  if (typeof window.showDirectoryPicker !== 'function') {
    notices.show('settings', { level: 'warning', message: 'This browser cannot open local folders; set a site URL instead.' });
    return;
  }
  try {
    imageFolder = await window.showDirectoryPicker({ id: 'draftmark-images', mode: 'read' });
    await store.setImageFolder(imageFolder).catch(() => {});
    $('#image-folder-name').textContent = imageFolder.name;
    newPatcher();
  } catch (error) {
    if (error.name !== 'AbortError') notices.show('settings', { level: 'error', message: `Could not open the folder: ${error.message}` });
  }
}

async function restoreImageFolder() {
  const handle = await store.getImageFolder().catch(() => null);
  if (!handle) return;
  // Permission does not survive a reload without a click; until granted, images use the site URL.
  if ((await handle.queryPermission?.({ mode: 'read' })) === 'granted') {
    imageFolder = handle;
    $('#image-folder-name').textContent = handle.name;
  } else {
    $('#image-folder-name').textContent = `${handle.name} (click "Image folder…" to allow access again)`;
  }
}

// ---- Page wiring ----------------------------------------------------------------------------

const diagnostics = new DiagnosticsPanel({
  list: $('#diagnostics-list'), summary: $('#diagnostics-summary'),
  onJump: (line, column) => editor.gotoLine(line, column),
});

function wireControls(setTheme) {
  $('#drafts-button').addEventListener('click', () => {
    draftsMenu.toggle();
    $('#drafts-button').setAttribute('aria-expanded', String(draftsMenu.open));
    if (draftsMenu.open) refreshDrafts();
  });
  $('#settings-button').addEventListener('click', () => {
    const panel = $('#settings-panel');
    panel.hidden = !panel.hidden;
    $('#settings-button').setAttribute('aria-expanded', String(!panel.hidden));
  });
  $('#open-button').addEventListener('click', () => openMarkdownFile().then(openFile, (e) =>
    notices.show('file', { level: 'error', message: `Could not open the file: ${e.message}` })));
  $('#save-button').addEventListener('click', () => saveFile());
  $('#save-as-button').addEventListener('click', () => saveFile({ as: true }));
  $('#export-button').addEventListener('click', () => exportHtml());
  $('#copy-button').addEventListener('click', () => copyHtml());
  $('#theme-button').addEventListener('click', () => {
    const choice = nextTheme(settings.theme ?? 'auto');
    saveSettings({ theme: choice });
    setTheme(choice);
  });
  for (const button of document.querySelectorAll('[data-view-button]')) {
    button.addEventListener('click', () => {
      const view = applyView(root, button.dataset.viewButton);
      saveSettings({ view });
      markView(view);
      if (view !== 'editor') scrollSync.syncPreviewToEditor();
    });
  }
  const mode = $('#mode-select');
  mode.value = settings.mode ?? 'auto';
  mode.addEventListener('change', () => { saveSettings({ mode: mode.value }); newPatcher(); });
  const site = $('#site-url');
  site.value = settings.siteUrl ?? '';
  site.addEventListener('change', () => { saveSettings({ siteUrl: site.value.trim() }); newPatcher(); });
  $('#image-folder-button').addEventListener('click', () => pickImageFolder());
  const sync = $('#scroll-sync');
  sync.checked = settings.scrollSync ?? true;
  scrollSync.enabled = sync.checked;
  sync.addEventListener('change', () => { scrollSync.enabled = sync.checked; saveSettings({ scrollSync: sync.checked }); });

  document.addEventListener('keydown', (event) => {
    if (event.key === 'Escape' && (draftsMenu.open || !$('#settings-panel').hidden)) {
      // Panels close with Escape and give focus back to the button that opened them.
      const button = draftsMenu.open ? $('#drafts-button') : $('#settings-button');
      button.click();
      button.focus();
      return;
    }
    if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
    const key = event.key.toLowerCase();
    if (key === 's') { event.preventDefault(); saveFile({ as: event.shiftKey }); }
    else if (key === 'o') { event.preventDefault(); $('#open-button').click(); }
  });
  // Files dropped anywhere open as a new draft (capture: before CodeMirror inserts the text).
  const hasFiles = (event) => [...(event.dataTransfer?.types ?? [])].includes('Files');
  document.addEventListener('dragover', (event) => { if (hasFiles(event)) { event.preventDefault(); root.dataset.dropping = ''; } }, true);
  document.addEventListener('dragleave', () => { delete root.dataset.dropping; }, true);
  document.addEventListener('drop', (event) => {
    delete root.dataset.dropping;
    if (!hasFiles(event)) return;
    event.preventDefault();
    event.stopPropagation();
    readDroppedFile(event.dataTransfer).then(openFile, (e) =>
      notices.show('file', { level: 'error', message: `Could not open the dropped file: ${e.message}` }));
  }, true);
  // A click on a preview block puts the cursor on its source (not when selecting text there).
  $('#preview').addEventListener('click', (event) => {
    if (event.target.closest('a[href]') || String(getSelection()) !== '') return;
    const block = event.target.closest('#preview > [data-line]');
    if (block) editor.gotoLine(Number.parseInt(block.dataset.line, 10), 1);
  });
  $('#preview').addEventListener('click', (event) => {
    const link = event.target.closest('a[href^="#"]');
    if (!link) return;
    // In-page anchors (footnotes, TOC) scroll the preview instead of changing the page URL.
    event.preventDefault();
    const target = document.getElementById(decodeURIComponent(link.getAttribute('href').slice(1)));
    target?.scrollIntoView({ block: 'start' });
  });
}

function markView(view) {
  for (const button of document.querySelectorAll('[data-view-button]')) {
    button.setAttribute('aria-pressed', String(button.dataset.viewButton === view));
  }
}

let scrollSync = null;

async function start() {
  performance.mark('draftmark:start');
  // The module compiles while IndexedDB answers and the editor is built.
  const wasmReady = init({ wasm: new URL('./draftmark.wasm', import.meta.url) });
  wasmReady.catch(() => {});  // reported below, once awaited
  settings = await store.getSettings().catch((error) => { reportStorage(error); return {}; });
  if (!MODES.has(settings.mode)) settings.mode = 'auto';
  const setTheme = themeController(root, settings.theme ?? 'auto', (theme, choice) => {
    $('#theme-button').textContent = `Theme: ${choice}`;
    $('#theme-button').title = `Colour theme: ${choice === 'auto' ? `following the system (${theme})` : choice}`;
  });
  markView(applyView(root, settings.view));
  splitDivider({ container: $('#workspace'), divider: $('#divider'), fraction: settings.split ?? 0.5,
    onChange: (split) => saveSettings({ split }) });

  editor = createEditor($('#editor-pane'), {
    onChange: () => {
      docVersion++;
      autosaver.markDirty();
      const state = $('#save-state').dataset.state;
      if (state !== 'failed' && state !== 'dirty') setSaveState('dirty');  // a failure stays shown until a save works
      scheduleRender();
      scheduleStats();
      showCursor();
    },
    onSelection: () => { viewSaver.markDirty(); showCursor(); },
    onScroll: () => { viewSaver.markDirty(); scrollSync?.editorScrolled(); },
  });
  performance.mark('draftmark:editor-created');
  scrollSync = new ScrollSync({ editor, scroller: $('#preview-scroller'), content: $('#preview') });
  await restoreImageFolder();
  newPatcher();
  wireControls(setTheme);

  // Which draft: the one this browser had open, else the newest, else the sample post.
  let opened = false;
  if (settings.currentDraftId) opened = await openDraft(settings.currentDraftId, { flush: false });
  if (!opened) {
    const drafts = await store.list().catch(() => []);
    if (drafts.length) opened = await openDraft(drafts[0].id, { flush: false });
  }
  if (!opened) await newDraft(seedPost, { name: '', flush: false });
  performance.mark('draftmark:draft-opened');
  setSaveState('saved');

  try {
    await wasmReady;
  } catch (error) {
    $('#loading').textContent = `Draftmark could not start its renderer: ${error.message}`;
    $('#loading').dataset.state = 'error';
    throw error;
  }
  performance.mark('draftmark:wasm-ready');
  wasmStarted = true;
  renderNow();
  performance.mark('draftmark:first-render');
  $('#loading').hidden = true;
  root.dataset.ready = 'true';
  editor.focus();
}

const ready = start();

window.draftmark = {
  ready,
  /** Replaces the text (as one undoable edit); resolves once the preview shows it. */
  async setMarkdown(text) {
    await ready;
    editor.setText(String(text));
    const version = docVersion;
    return new Promise((resolve) => { waiters.push({ version, resolve }); scheduleRender(); });
  },
  getMarkdown() {
    return editor?.getText() ?? '';
  },
  get view() {
    return editor?.view ?? null;
  },
  /** The last preview update's cost: {renderMs (wasm + decode), patchMs (DOM + math), bytes}. */
  get timings() {
    return timings;
  },
  /** Cost above which the preview waits for a typing pause (tests lower it). */
  get slowRenderMs() {
    return slowRenderMs;
  },
  set slowRenderMs(ms) {
    slowRenderMs = Number(ms);
  },
  /** The id of the draft shown (its IndexedDB keys are text:<id>, meta:<id> and view:<id>). */
  get draftId() {
    return session.id;
  },
};
