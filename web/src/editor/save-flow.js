// Saving and files: the save state label ("Saved", "Unsaved"…), storage failures, Open / Save /
// Save as (to the file a draft came from when the browser allows), Export HTML and Copy HTML.
import { draftLabel } from './drafts/drafts-menu.js';
import { buildStandaloneHtml, cleanPreviewHtml } from './export-html.js';
import { classifyFile } from './site/dropped-files.js';
import { fileNameFor, openMarkdownFile, readDroppedFile, saveAs, writeToHandle } from './files.js';

const kLabels = { saved: 'Saved', saving: 'Saving…', dirty: 'Unsaved', failed: 'Not saved' };

/** "12.3 KB": the UTF-8 size of `text`, for the notices that say what was written. */
function sizeOf(text) {
  const bytes = new TextEncoder().encode(text).length;
  return bytes < 1024 ? `${bytes} bytes` : `${(bytes / 1024).toFixed(1)} KB`;
}

export class SaveFlow {
  editor = null;  // set once the editor is built
  drafts = null;  // set once the drafts are (they report through this)
  // `onImage(file)`: a dropped image goes to the image flow (site/site-images.js) when set.
  onImage = null;
  // The site panel (site/site-panel.js): drafts opened from a site folder save back through it.
  site = null;
  #notices;
  #store;
  #label;
  #preview;
  #scheduler;
  #title;
  // Files drafts were opened from or saved to. Also kept in IndexedDB (so Save still writes to the
  // file after a reload); the map covers handles IndexedDB cannot store.
  #fileHandles = new Map();

  /** `label`: the save state element; `preview`: #preview; `title()`: the post's title. */
  constructor({ notices, store, label, preview, scheduler, title }) {
    this.#notices = notices;
    this.#store = store;
    this.#label = label;
    this.#preview = preview;
    this.#scheduler = scheduler;
    this.#title = title;
  }

  setState(state) {
    this.#label.textContent = kLabels[state];
    this.#label.dataset.state = state;
  }

  /** The text changed: "Unsaved", unless a failure is shown (it stays until a save works). */
  textChanged() {
    const state = this.#label.dataset.state;
    if (state !== 'failed' && state !== 'dirty') this.setState('dirty');
  }

  reportStorage(error) {
    this.#notices.show('storage', {
      level: 'error',
      message: `Autosave is not working (${error.message}). Your text is still here — save it to a file to keep it.`,
      actions: [{ label: 'Save to file', run: () => this.save() }],
    });
    this.setState('failed');
  }

  #fileError(doing) {
    return (error) => this.#notices.show('file', { level: 'error', message: `Could not ${doing}: ${error.message}` });
  }

  async #rememberFile(id, handle) {
    this.#fileHandles.set(id, handle);
    await this.#store.setFileHandle(id, handle).catch(() => {});
  }

  async #openFile(file) {
    if (!file) return;
    await this.drafts.create(file.text, { name: file.name });
    if (file.handle) await this.#rememberFile(this.drafts.session.id, file.handle);
  }

  /** Asks for a Markdown file and opens it as a new draft. */
  openDialog() {
    return openMarkdownFile().then((file) => this.#openFile(file), this.#fileError('open the file'));
  }

  /**
   * A file dropped on the page: Markdown text opens as a new draft, an image goes to the image
   * flow, anything else (binary) is refused with a notice — never opened as text.
   */
  async openDropped(dataTransfer) {
    try {
      const dropped = await readDroppedFile(dataTransfer);
      if (!dropped) return;
      const kind = await classifyFile(dropped.file);
      if (kind === 'markdown') {
        await this.#openFile({ name: dropped.name, text: await dropped.file.text(), handle: dropped.handle });
      } else if (kind === 'image' && this.onImage) {
        await this.onImage(dropped.file);
      } else {
        this.#notices.show('file', {
          level: 'warning',
          message: kind === 'image'
            ? `${dropped.name} is an image; open a site folder or a draft to insert it.`
            : `${dropped.name} is not a Markdown text file, so it was not opened.`,
        });
      }
    } catch (error) {
      this.#fileError('open the dropped file')(error);
    }
  }

  async save({ as = false } = {}) {
    const text = this.editor.getText();
    const { session } = this.drafts;
    try {
      if (!as && this.site?.bound(session.id)) {
        await this.site.save(session.id, text);
        return;
      }
      const handle = as ? null : this.#fileHandles.get(session.id) ?? await this.#store.getFileHandle(session.id).catch(() => null);
      if (handle) {
        await writeToHandle(handle, text);
        this.#notices.show('file', { level: 'info', message: `Saved to ${handle.name} (${sizeOf(text)}).` });
        return;
      }
      const name = fileNameFor(this.#title() || draftLabel(session.meta), '.md');
      const saved = await saveAs(name, text);
      if (saved) await this.#rememberFile(session.id, saved);
      if (saved !== undefined) {
        const where = saved ? `Saved to ${saved.name}` : `Downloaded ${name} to your downloads folder`;
        this.#notices.show('file', { level: 'info', message: `${where} (${sizeOf(text)}).` });
      }
    } catch (error) {
      this.#fileError('save the file')(error);
    }
  }

  async exportHtml() {
    try {
      await this.#scheduler.flush();
      const html = await buildStandaloneHtml({
        content: this.#preview, title: this.#title(), theme: document.documentElement.dataset.theme, lang: document.documentElement.lang,
      });
      const name = fileNameFor(this.#title() || 'post', '.html');
      const saved = await saveAs(name, html, { html: true });
      if (saved === undefined) return;  // the user cancelled the picker
      const where = saved ? `Exported the page to ${saved.name}` : `Exported the page as ${name} to your downloads folder`;
      this.#notices.show('file', { level: 'info', message: `${where} (${sizeOf(html)}; its styles and fonts are inside, so it opens offline).` });
    } catch (error) {
      this.#fileError('export')(error);
    }
  }

  async copyHtml() {
    try {
      await this.#scheduler.flush();
      await navigator.clipboard.writeText(cleanPreviewHtml(this.#preview));
      this.#notices.show('file', { level: 'info', message: 'The rendered HTML is on the clipboard.' });
    } catch (error) {
      this.#fileError('copy')(error);
    }
  }
}
