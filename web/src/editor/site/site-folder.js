// A Jekyll site's folder behind one small interface, so the posts panel and the image flow do
// not care where the files come from:
//   name, writable, list(dir) -> [{name, kind: 'file'|'directory'}], exists(path),
//   read(path, {binary}) -> {text | bytes, lastModified, file}, write(path, data) -> {lastModified}.
// Paths are site-relative with '/' ("_posts/2024-01-02-a.md"); a leading '/' is ignored.
//
// Two implementations:
// - HandleFolder: a FileSystemDirectoryHandle (showDirectoryPicker, or the origin-private file
//   system in tests). Readable and writable; the handle is kept in IndexedDB so a reload reopens
//   the same folder once the user allows it again (browsers forget the permission on reload).
// - FileListFolder: the files of an <input webkitdirectory> (every browser, and file:// pages
//   where the File System Access API is missing). Read-only: saving downloads the file instead.
import { createStore, del, get, set } from 'idb-keyval';

const kStore = () => createStore('draftmark-site', 'handles');

/** Splits a site path into its segments; throws on '..' (nothing outside the folder). */
export function pathSegments(path) {
  const parts = String(path).split('/').filter((s) => s && s !== '.');
  if (parts.includes('..')) throw new Error(`the path ${path} leaves the site folder`);
  return parts;
}

function notFound(path) {
  const error = new Error(`${path} is not in the site folder`);
  error.name = 'NotFoundError';
  return error;
}

export class HandleFolder {
  writable = true;
  #root;

  /** `root`: a FileSystemDirectoryHandle. */
  constructor(root) {
    this.#root = root;
  }

  get name() { return this.#root.name; }
  get handle() { return this.#root; }

  async #dir(parts, create = false) {
    let dir = this.#root;
    for (const part of parts) dir = await dir.getDirectoryHandle(part, { create });
    return dir;
  }

  async #file(path, create = false) {
    const parts = pathSegments(path);
    if (parts.length === 0) throw notFound(path);
    try {
      return await (await this.#dir(parts.slice(0, -1), create)).getFileHandle(parts.at(-1), { create });
    } catch (error) {
      if (error.name === 'NotFoundError' || error.name === 'TypeMismatchError') throw notFound(path);
      throw error;
    }
  }

  async list(dir = '') {
    let handle;
    try {
      handle = await this.#dir(pathSegments(dir));
    } catch {
      return [];
    }
    const entries = [];
    for await (const [name, entry] of handle.entries()) entries.push({ name, kind: entry.kind });
    return entries.sort((a, b) => a.name.localeCompare(b.name));
  }

  async exists(path) {
    try {
      await this.#file(path);
      return true;
    } catch {
      return false;
    }
  }

  async read(path, { binary = false } = {}) {
    const file = await (await this.#file(path)).getFile();
    const data = binary ? { bytes: new Uint8Array(await file.arrayBuffer()) } : { text: await file.text() };
    return { ...data, lastModified: file.lastModified, file };
  }

  /** Writes a string, Blob or bytes, creating folders on the way. */
  async write(path, data) {
    if (this.#root.queryPermission && (await this.#root.queryPermission({ mode: 'readwrite' })) !== 'granted'
        && (await this.#root.requestPermission({ mode: 'readwrite' })) !== 'granted') {
      throw new Error(`no permission to write to ${this.name}`);
    }
    const handle = await this.#file(path, true);
    const writable = await handle.createWritable();
    await writable.write(data);
    await writable.close();
    return { lastModified: (await handle.getFile()).lastModified };
  }
}

export class FileListFolder {
  writable = false;
  #name;
  #files = new Map();  // site path -> File

  /** `files`: the FileList of an <input webkitdirectory> (paths start with the folder's name). */
  constructor(files) {
    for (const file of files) {
      const [top, ...rest] = (file.webkitRelativePath || file.name).split('/');
      this.#name ??= top;
      this.#files.set(rest.join('/'), file);
    }
    this.#name ??= 'site';
  }

  get name() { return this.#name; }

  async list(dir = '') {
    const prefix = pathSegments(dir).join('/');
    const seen = new Map();
    for (const path of this.#files.keys()) {
      if (prefix && !path.startsWith(`${prefix}/`)) continue;
      const [name, ...more] = path.slice(prefix ? prefix.length + 1 : 0).split('/');
      seen.set(name, more.length ? 'directory' : 'file');
    }
    return [...seen].map(([name, kind]) => ({ name, kind })).sort((a, b) => a.name.localeCompare(b.name));
  }

  async exists(path) {
    return this.#files.has(pathSegments(path).join('/'));
  }

  async read(path, { binary = false } = {}) {
    const file = this.#files.get(pathSegments(path).join('/'));
    if (!file) throw notFound(path);
    const data = binary ? { bytes: new Uint8Array(await file.arrayBuffer()) } : { text: await file.text() };
    return { ...data, lastModified: file.lastModified, file };
  }

  async write(path) {
    throw new Error(`${this.#name} was opened read-only (this browser cannot write to folders); ${path} was not written`);
  }
}

/** Asks for a site folder: a writable handle where the browser can, else a read-only file list. Null if cancelled. */
export async function pickSiteFolder() {
  if (typeof window.showDirectoryPicker === 'function') {
    try {
      const handle = await window.showDirectoryPicker({ id: 'draftmark-site', mode: 'readwrite' });
      await rememberSiteFolder(handle);
      return new HandleFolder(handle);
    } catch (error) {
      if (error.name === 'AbortError') return null;
      throw error;
    }
  }
  return new Promise((resolve) => {
    const input = document.createElement('input');
    input.type = 'file';
    input.webkitdirectory = true;
    input.multiple = true;
    input.hidden = true;
    input.addEventListener('change', () => { resolve(input.files?.length ? new FileListFolder(input.files) : null); input.remove(); }, { once: true });
    input.addEventListener('cancel', () => { resolve(null); input.remove(); }, { once: true });
    document.body.append(input);
    input.click();
  });
}

/** Keeps the folder's handle for the next visit (IndexedDB stores handles; file lists cannot be kept). */
export function rememberSiteFolder(handle) {
  return (handle ? set('folder', handle, kStore()) : del('folder', kStore())).catch(() => {});
}

/**
 * The folder opened last time: {folder} when permission is still granted, {handle} when the
 * user must allow it again (requestPermission needs a click), or null.
 */
export async function restoreSiteFolder() {
  const handle = await get('folder', kStore()).catch(() => null);
  if (!handle) return null;
  const state = await handle.queryPermission?.({ mode: 'readwrite' });
  return state === 'granted' ? { folder: new HandleFolder(handle) } : { handle };
}

/** After a click: asks again for the remembered handle. */
export async function reopenSiteFolder(handle) {
  return (await handle.requestPermission({ mode: 'readwrite' })) === 'granted' ? new HandleFolder(handle) : null;
}
