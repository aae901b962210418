// The editor's settings (mode, theme, view, split, site URL, image folder, scroll sync, the
// draft last open), kept in IndexedDB. One object: modules read `values`, write with save().
const kModes = new Set(['auto', 'jekyll', 'gfm', 'commonmark']);

export class Settings {
  values = {};
  #store;
  #onError;

  /** `onError(error)`: storage failed to read or write them. */
  constructor({ store, onError }) {
    this.#store = store;
    this.#onError = onError;
  }

  async load() {
    this.values = await this.#store.getSettings().catch((error) => { this.#onError(error); return {}; });
    if (!kModes.has(this.values.mode)) this.values.mode = 'auto';
  }

  save(patch) {
    Object.assign(this.values, patch);
    this.#store.setSettings({ ...this.values }).catch((error) => this.#onError(error));
  }
}
