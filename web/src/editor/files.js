// Files in and out: open a .md file (picker or drop), save back to it, save as, download.
// Uses the File System Access API where the browser has it (Chromium) and falls back to an
// <input type=file> and a download link elsewhere (and under file://, where it is missing).

const MARKDOWN_TYPES = [{ description: 'Markdown', accept: { 'text/markdown': ['.md', '.markdown', '.mdown', '.txt'] } }];
const HTML_TYPES = [{ description: 'HTML page', accept: { 'text/html': ['.html', '.htm'] } }];

const hasOpenPicker = () => typeof window.showOpenFilePicker === 'function';
const hasSavePicker = () => typeof window.showSaveFilePicker === 'function';

function isAbort(error) {
  return error?.name === 'AbortError';
}

function pickWithInput(accept) {
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.accept = accept;
    input.hidden = true;
    input.addEventListener('change', () => { resolve(input.files?.[0] ?? null); input.remove(); }, { once: true });
    input.addEventListener('cancel', () => { resolve(null); input.remove(); }, { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Lets the user pick a Markdown file. Resolves to {name, text, handle} (handle may be null), or null if cancelled. */
export async function openMarkdownFile() {
  if (hasOpenPicker()) {
    try {
      const [handle] = await window.showOpenFilePicker({ types: MARKDOWN_TYPES, multiple: false });
      const file = await handle.getFile();
      return { name: file.name, text: await file.text(), handle };
    } catch (error) {
      if (isAbort(error)) return null;
      throw error;
    }
  }
  const file = await pickWithInput('.md,.markdown,.mdown,.txt,text/markdown,text/plain');
  return file ? { name: file.name, text: await file.text(), handle: null } : null;
}

/**
 * The first file of a drop, as {name, file, handle}, or null when the drop holds no file.
 * Not read as text here: the caller decides by its bytes (site/dropped-files.js) what it is.
 */
export async function readDroppedFile(dataTransfer) {
  const item = [...(dataTransfer?.items ?? [])].find((i) => i.kind === 'file');
  let handle = null;
  if (item?.getAsFileSystemHandle) {
    try {
      const h = await item.getAsFileSystemHandle();
      if (h?.kind === 'file') handle = h;
    } catch { /* no handle: the text is still readable below */ }
  }
  const file = handle ? await handle.getFile() : (item?.getAsFile() ?? dataTransfer?.files?.[0]);
  if (!file) return null;
  return { name: file.name, file, handle };
}

/** Writes `text` to a file handle, asking for permission if needed. */
export async function writeToHandle(handle, text) {
  if (handle.queryPermission && (await handle.queryPermission({ mode: 'readwrite' })) !== 'granted') {
    if ((await handle.requestPermission({ mode: 'readwrite' })) !== 'granted') {
      throw new Error(`no permission to write ${handle.name}`);
    }
  }
  const writable = await handle.createWritable();
  await writable.write(text);
  await writable.close();
}

/** Offers `text` as a download named `name`. */
export function downloadText(name, text, type = 'text/markdown') {
  const url = URL.createObjectURL(new Blob([text], { type: `${type};charset=utf-8` }));
  const link = document.createElement('a');
  link.href = url;
  link.download = name;
  link.hidden = true;
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/**
 * "Save as": a save picker where available (resolves to the new handle), else a download
 * (resolves to null). Resolves to undefined when the user cancels.
 */
export async function saveAs(suggestedName, text, { html = false } = {}) {
  if (hasSavePicker()) {
    try {
      const handle = await window.showSaveFilePicker({ suggestedName, types: html ? HTML_TYPES : MARKDOWN_TYPES });
      await writeToHandle(handle, text);
      return handle;
    } catch (error) {
      if (isAbort(error)) return undefined;
      throw error;
    }
  }
  downloadText(suggestedName, text, html ? 'text/html' : 'text/markdown');
  return null;
}

/** A file name from a title: keeps letters of any script, replaces the rest with '-'. */
export function fileNameFor(title, extension) {
  const base = (title || 'draft').normalize('NFC').replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 80);
  return `${base || 'draft'}${extension}`;
}
