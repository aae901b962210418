// Images pasted (Ctrl+V of a screenshot) or dropped into a post: written to the site folder
// under assets/img/posts/<post-slug>/ with a unique name, and `![](path){: w="…" h="…" }`
// inserted at the cursor with the image's pixel size, as one undoable edit. Without a writable
// folder the image is kept with the draft in IndexedDB and the user is told where it would go.
import { createStore, get, keys, set } from 'idb-keyval';

const kExtensions = { 'image/png': 'png', 'image/jpeg': 'jpg', 'image/gif': 'gif', 'image/webp': 'webp', 'image/svg+xml': 'svg', 'image/avif': 'avif' };

/** The post's slug: its file name without the date (2024-01-02-my-post.md -> my-post), else from the title. */
export function postSlug(path, title) {
  const file = (path ?? '').split('/').at(-1).replace(/\.[^.]+$/, '').replace(/^\d{4}-\d{2}-\d{2}-/, '');
  const from = file || title || 'draft';
  return from.normalize('NFC').toLowerCase().replace(/[^\p{L}\p{N}]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60) || 'draft';
}

async function pixelSize(blob) {
  try {
    const bitmap = await createImageBitmap(blob);
    const size = { w: bitmap.width, h: bitmap.height };
    bitmap.close();
    return size;
  } catch {
    return null;
  }
}

const imageStore = () => createStore('draftmark-site', 'handles');
// By site path, not by draft: a reload may reopen the text under another draft id (a copy made
// while the old page still held the draft), and the image must still show there.
const storedKey = (sitePath) => `image-at:${sitePath}`;

export class SiteImages {
  #stored = new Set();  // keys (storedKey) of the images kept in IndexedDB, for a synchronous check

  /** `site()`: {folder, settings, binding} of the open site or null; `editor()`: the MarkdownEditor; `draftId()`, `title()`. */
  constructor({ site, editor, notices, draftId, title, imageDir = 'assets/img/posts' }) {
    Object.assign(this, { site, editor, notices, draftId, title, imageDir });
  }

  /** Reads which images earlier sessions kept in IndexedDB. Resolves to how many there are. */
  async loadStored() {
    try {
      for (const key of await keys(imageStore())) if (String(key).startsWith('image-at:')) this.#stored.add(String(key));
    } catch { /* no IndexedDB: nothing was kept either */ }
    return this.#stored.size;
  }

  /**
   * The images kept with the current draft, for the preview's ImageResolver: `has(path)` answers at
   * once (so other images keep resolving synchronously), `url(path)` reads the blob.
   */
  get stored() {
    return {
      has: (sitePath) => this.#stored.has(storedKey(sitePath)),
      url: async (sitePath) => {
        const blob = await get(storedKey(sitePath), imageStore()).catch(() => null);
        return blob ? URL.createObjectURL(blob) : null;
      },
    };
  }

  /** Listens for pasted images on the editor (capture: before CodeMirror pastes text). */
  attach(element) {
    element.addEventListener('paste', (event) => {
      const file = [...(event.clipboardData?.files ?? [])].find((f) => f.type.startsWith('image/'));
      if (!file) return;
      event.preventDefault();
      event.stopPropagation();
      this.insert(file).catch((error) => this.notices.show('image', { level: 'error', message: `Could not add the image: ${error.message}` }));
    }, true);
  }

  /** Writes `file` and inserts its Markdown at the cursor. Resolves to the site path. */
  async insert(file) {
    const site = this.site();
    const slug = postSlug(site?.binding?.path, this.title());
    const dir = `${this.imageDir}/${slug}`;
    const ext = kExtensions[file.type] ?? (file.name?.match(/\.([a-z0-9]+)$/i)?.[1].toLowerCase() || 'png');
    const base = (file.name && !/^image\.\w+$/.test(file.name) ? file.name.replace(/\.[^.]+$/, '') : `pasted-${new Date().toISOString().slice(0, 10)}`)
      .replace(/[^\p{L}\p{N}_-]+/gu, '-').toLowerCase();
    let name = `${base}.${ext}`;
    const folder = site?.folder;
    const taken = async (candidate) => this.#stored.has(storedKey(`/${candidate}`)) || (folder && await folder.exists(candidate));
    for (let n = 2; await taken(`${dir}/${name}`); n++) name = `${base}-${n}.${ext}`;
    const path = `${dir}/${name}`;
    const size = await pixelSize(file);
    // Site-absolute, without `baseurl`: Chirpy puts the baseurl in front of a post's image paths
    // itself (its _includes/img-url.html), so writing it here would double it on the site.
    const src = `/${path}`;
    if (folder?.writable) {
      await folder.write(path, file);
      this.notices.show('image', { level: 'info', message: `Saved the image to ${path}.` });
    } else {
      const key = storedKey(src);
      await set(key, file, imageStore()).then(() => this.#stored.add(key), () => {});
      this.notices.show('image', { level: 'warning', message: `No writable site folder: the image is kept with this draft (and shown); copy it to ${path} in your site.` });
    }
    const attrs = size ? `{: w="${size.w}" h="${size.h}" }` : '';
    const view = this.editor().view;
    const { from, to } = view.state.selection.main;
    const insert = `![](${src})${attrs}`;
    // One transaction: one undo step.
    view.dispatch({ changes: { from, to, insert }, selection: { anchor: from + insert.length }, userEvent: 'input.paste' });
    return path;
  }
}
