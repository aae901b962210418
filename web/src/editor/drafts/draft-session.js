// The draft this tab is editing: which one, the revision our text is based on, and saving it
// without ever overwriting another tab's newer save. When storage refuses a save because
// another tab wrote the draft since, our text is saved as a new draft ("… (copy)") and the tab
// continues on that copy: both versions survive.
import { draftLabel } from './drafts-menu.js';
import { newDraftId } from './storage.js';

export class DraftSession {
  #store; #presence; #tabId; #snapshot; #onFork;
  id = null;
  baseRev = 0;
  meta = null;

  /**
   * `snapshot()`: {text, anchor, head, scrollLine, title} of the editor now.
   * `onFork({fromLabel, toId, toLabel})`: a conflict made us continue on a copy.
   */
  constructor({ store, presence, tabId, snapshot, onFork }) {
    this.#store = store;
    this.#presence = presence;
    this.#tabId = tabId;
    this.#snapshot = snapshot;
    this.#onFork = onFork;
  }

  #become(id, rev, meta) {
    this.id = id;
    this.baseRev = rev;
    this.meta = meta;
    this.#presence.open(id);
  }

  /** Opens draft `id`; resolves to its stored text record, or null when it does not exist. */
  async open(id) {
    const record = await this.#store.load(id);
    if (!record) return null;
    this.#become(id, record.text.rev, record.meta);
    return record.text;
  }

  /** Starts a new draft holding `text` (saved at once) and makes it current. */
  async create(text, { name = '', title = '' } = {}) {
    const id = newDraftId();
    this.#become(id, 0, { id, name, title });
    await this.#store.save(id, { text, anchor: 0, head: 0, scrollLine: 1, title }, { baseRev: 0, writer: this.#tabId })
      .then((r) => { if (!r.conflict) this.baseRev = r.rev; });
    if (name) await this.#store.rename(id, name);
    this.meta = { ...this.meta, name };
    return id;
  }

  /** Saves the editor's state to the current draft (or to a copy, on conflict). */
  async save() {
    if (!this.id) return;
    const snapshot = this.#snapshot();
    const result = await this.#store.save(this.id, snapshot, { baseRev: this.baseRev, writer: this.#tabId });
    if (!result.conflict) {
      this.baseRev = result.rev;
      this.meta = { ...this.meta, title: snapshot.title };
      this.#presence.saved(this.id, result.rev);
      return;
    }
    const fromLabel = draftLabel(this.meta);
    const toLabel = `${fromLabel} (copy)`;
    const toId = await this.create(snapshot.text, { name: toLabel, title: snapshot.title });
    await this.#store.saveView(toId, snapshot);
    this.#onFork?.({ fromLabel, toId, toLabel });
  }

  /** Saves only cursor and scroll (no new revision). */
  saveView() {
    if (!this.id) return Promise.resolve();
    return this.#store.saveView(this.id, this.#snapshot());
  }
}
