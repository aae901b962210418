// The page's controls: toolbar buttons, keyboard shortcuts, theme, view and split, the settings
// panel (mode, site URL, image folder, scroll sync), dropped files and clicks in the preview.
import { applyView, fileMenu, nextTheme, splitDivider, themeController } from './layout.js';

const $ = (selector) => document.querySelector(selector);

export class PageControls {
  editor = null;      // set once the editor is built
  scrollSync = null;  // likewise
  #root;
  #settings;
  #notices;
  #store;
  #drafts;
  #saveFlow;
  #preview;
  #resetPreview;
  #setTheme = null;

  /** `resetPreview()`: rebuilds the preview (mode, site URL or image folder changed). */
  constructor({ root, settings, notices, store, drafts, saveFlow, preview, resetPreview }) {
    this.#root = root;
    this.#settings = settings;
    this.#notices = notices;
    this.#store = store;
    this.#drafts = drafts;
    this.#saveFlow = saveFlow;
    this.#preview = preview;
    this.#resetPreview = resetPreview;
  }

  /** Theme, view and split as the settings say (before the editor is built). */
  applyLayout() {
    const settings = this.#settings;
    this.#setTheme = themeController(this.#root, settings.values.theme ?? 'auto', (theme, choice) => {
      $('#theme-button').textContent = `Theme: ${choice}`;
      $('#theme-button').title = `Colour theme: ${choice === 'auto' ? `following the system (${theme})` : choice}`;
      this.#preview.patcher?.redrawDiagrams();
    });
    this.#markView(applyView(this.#root, settings.values.view));
    fileMenu($('#menu-button'), $('#file-menu'));
    splitDivider({ container: $('#workspace'), divider: $('#divider'), fraction: settings.values.split ?? 0.5,
      onChange: (split) => settings.save({ split }) });
  }

  async #pickImageFolder() {
    if (typeof window.showDirectoryPicker !== 'function') {
      this.#notices.show('settings', { level: 'warning', message: 'This browser cannot open local folders; set a site URL instead.' });
      return;
    }
    try {
      const folder = await window.showDirectoryPicker({ id: 'draftmark-images', mode: 'read' });
      this.#preview.imageFolder = folder;
      await this.#store.setImageFolder(folder).catch(() => {});
      $('#image-folder-name').textContent = folder.name;
      this.#resetPreview();
    } catch (error) {
      if (error.name !== 'AbortError') this.#notices.show('settings', { level: 'error', message: `Could not open the folder: ${error.message}` });
    }
  }

  async restoreImageFolder() {
    const handle = await this.#store.getImageFolder().catch(() => null);
    if (!handle) return;
    // Permission does not survive a reload without a click; until granted, images use the site URL.
    if ((await handle.queryPermission?.({ mode: 'read' })) === 'granted') {
      this.#preview.imageFolder = handle;
      $('#image-folder-name').textContent = handle.name;
    } else {
      $('#image-folder-name').textContent = `${handle.name} (click "Image folder…" to allow access again)`;
    }
  }

  #markView(view) {
    for (const button of document.querySelectorAll('[data-view-button]')) {
      button.setAttribute('aria-pressed', String(button.dataset.viewButton === view));
    }
  }

  /** Connects every control (once the editor and the preview exist). */
  wire() {
    const root = this.#root;
    const settings = this.#settings;
    const drafts = this.#drafts;
    const saveFlow = this.#saveFlow;
    $('#drafts-button').addEventListener('click', () => {
      drafts.menu.toggle();
      $('#drafts-button').setAttribute('aria-expanded', String(drafts.menu.open));
      if (drafts.menu.open) drafts.refresh();
    });
    $('#settings-button').addEventListener('click', () => {
      const panel = $('#settings-panel');
      panel.hidden = !panel.hidden;
      $('#settings-button').setAttribute('aria-expanded', String(!panel.hidden));
    });
    $('#open-button').addEventListener('click', () => saveFlow.openDialog());
    $('#save-button').addEventListener('click', () => saveFlow.save());
    $('#save-as-button').addEventListener('click', () => saveFlow.save({ as: true }));
    $('#export-button').addEventListener('click', () => saveFlow.exportHtml());
    $('#copy-button').addEventListener('click', () => saveFlow.copyHtml());
    $('#theme-button').addEventListener('click', () => {
      const choice = nextTheme(settings.values.theme ?? 'auto');
      settings.save({ theme: choice });
      this.#setTheme(choice);
    });
    for (const button of document.querySelectorAll('[data-view-button]')) {
      button.addEventListener('click', () => {
        const view = applyView(root, button.dataset.viewButton);
        settings.save({ view });
        this.#markView(view);
        if (view !== 'editor') this.scrollSync.syncPreviewToEditor();
      });
    }
    const mode = $('#mode-select');
    mode.value = settings.values.mode ?? 'auto';
    mode.addEventListener('change', () => { settings.save({ mode: mode.value }); this.#resetPreview(); });
    const site = $('#site-url');
    site.value = settings.values.siteUrl ?? '';
    site.addEventListener('change', () => { settings.save({ siteUrl: site.value.trim() }); this.#resetPreview(); });
    $('#image-folder-button').addEventListener('click', () => this.#pickImageFolder());
    const sync = $('#scroll-sync');
    sync.checked = settings.values.scrollSync ?? true;
    this.scrollSync.enabled = sync.checked;
    sync.addEventListener('change', () => { this.scrollSync.enabled = sync.checked; settings.save({ scrollSync: sync.checked }); });
    const spelling = $('#spellcheck');
    spelling.checked = settings.values.spellcheck ?? true;
    spelling.addEventListener('change', () => { this.editor.setSpellcheck(spelling.checked); settings.save({ spellcheck: spelling.checked }); });

    document.addEventListener('keydown', (event) => {
      if (event.key === 'Escape' && (drafts.menu.open || !$('#settings-panel').hidden)) {
        // Panels close with Escape and give focus back to the button that opened them.
        const button = drafts.menu.open ? $('#drafts-button') : $('#settings-button');
        button.click();
        button.focus();
        return;
      }
      if (!(event.ctrlKey || event.metaKey) || event.altKey) return;
      const key = event.key.toLowerCase();
      if (key === 's') { event.preventDefault(); saveFlow.save({ as: event.shiftKey }); }
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
      saveFlow.openDropped(event.dataTransfer);
    }, true);
    // A click on a preview block puts the cursor on its source (not when selecting text there).
    $('#preview').addEventListener('click', (event) => {
      if (event.target.closest('a[href]') || String(getSelection()) !== '') return;
      const block = event.target.closest('#preview > [data-line]');
      if (block) this.editor.gotoLine(Number.parseInt(block.dataset.line, 10), 1);
    });
    $('#preview').addEventListener('click', (event) => {
      const link = event.target.closest('a[href^="#"]');
      if (!link) return;
      // In-page anchors (footnotes, TOC) scroll the preview instead of changing the page URL.
      event.preventDefault();
      const id = decodeURIComponent(link.getAttribute('href').slice(1));
      // The target may still wait as a placeholder in a long post just opened (preview.js).
      if (!document.getElementById(id)) $('#preview').dispatchEvent(new CustomEvent('draftmark:materialize'));
      const target = document.getElementById(id);
      if (!target) return;
      // Or be folded away, without a box (offscreen-blocks.js).
      $('#preview').dispatchEvent(new CustomEvent('draftmark:reveal', { detail: target }));
      target.scrollIntoView({ block: 'start' });
    });
  }
}
