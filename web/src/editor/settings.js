// The editor's settings (mode, theme, view, split, site URL, image folder, scroll sync, the
// draft last open), kept in IndexedDB. One object: modules read `values`, write with save().
const kModes = new Set(['auto', 'jekyll', 'gfm', 'commonmark']);

/** Stored settings with what they may lack or hold wrongly set to its default (`values` is changed). */
export function withDefaults(values) {
  if (!kModes.has(values.mode)) values.mode = 'auto';
  return values;
}

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
    this.values = withDefaults(await this.#store.getSettings().catch((error) => { this.#onError(error); return {}; }));
  }

  save(patch) {
    Object.assign(this.values, patch);
    this.#store.setSettings({ ...this.values }).catch((error) => this.#onError(error));
  }
}
