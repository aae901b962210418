// Which drafts are which posts of the open site folder: {path, lastModified, text} by draft id
// (`text`: the file as last read or written, for the on-disk change check). Kept in IndexedDB
// per folder name, so after a reload a draft opened from _posts/ is still its file's: Save
// writes back in place, and a change made on disk meanwhile is still caught.
import { createStore, get, set } from 'idb-keyval';

const store = () => createStore('draftmark-site', 'handles');
const key = (folderName) => `bindings:${folderName}`;

export class PostBindings {
  #map = new Map();
  #folder = null;

  /** Reads the bindings kept for the folder named `folderName` (replacing the current ones). */
  async load(folderName) {
    this.#folder = folderName;
    const kept = await get(key(folderName), store()).catch(() => null);
    this.#map = new Map(kept && typeof kept === 'object' ? Object.entries(kept) : []);
  }

  get(draftId) {
    return this.#map.get(draftId);
  }

  has(draftId) {
    return this.#map.has(draftId);
  }

  /** Binds (or re-binds) draft `draftId`; resolves once it is stored. */
  set(draftId, binding) {
    this.#map.set(draftId, binding);
    if (this.#folder === null) return Promise.resolve();
    return set(key(this.#folder), Object.fromEntries(this.#map), store()).catch(() => {});
  }
}
