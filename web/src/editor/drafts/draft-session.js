// The draft this tab is editing: which one, the revision our text is based on, and saving it
// without ever overwriting another tab's newer save. When storage refuses a save because
// another tab wrote the draft since, our text is saved as a new draft ("… (copy)") and the tab
// continues on that copy: both versions survive.
import { draftLabel } from './drafts-menu.js';
import { newDraftId } from './storage.js';

export class DraftSession {
  #store; #presence; #tabId; #snapshot; #onFork; #journal;
  id = null;
  baseRev = 0;
  meta = null;
  chain = null;           // this tab's journal chain on this draft (journal.js)
  seq = 0;                // changes appended to it
  #openRev = 0;           // the revision the chain started from
  #replayed = null;       // a chain replayed at open, dropped once its text is saved

  /**
   * `snapshot()`: {text, anchor, head, scrollLine, title} of the editor now.
   * `onFork({fromLabel, toId, toLabel})`: a conflict made us continue on a copy.
   */
  constructor({ store, presence, tabId, snapshot, onFork, journal }) {
    this.#journal = journal;
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
    this.chain = newDraftId();
    this.seq = 0;
    this.#openRev = rev;
    this.#replayed = null;
    this.#presence.open(id);
  }

  /**
   * Opens draft `id`; resolves to its stored text record with the journal replayed (`recovered`:
   * true when the journal had changes the snapshot lacked), or null when it does not exist.
   */
  async open(id) {
    const record = await this.#store.load(id);
    if (!record) return null;
    const { text, chain } = await this.#journal.replay(id, record.text);
    this.#become(id, record.text.rev, record.meta);
    this.#replayed = chain;
    return { ...record.text, text, recovered: chain !== null };
  }

  /** Journals one change (CodeMirror ChangeSet) of the current draft, in this task. */
  recordChange(changes) {
    if (!this.id) return;
    this.#journal.append(this.id, this.chain, this.seq++, this.#openRev, changes);
  }

  /** Starts a new draft holding `text` (saved at once) and makes it current; `id`: its id, if chosen. */
  async create(text, { id = newDraftId(), name = '', title = '' } = {}) {
    this.#become(id, 0, { id, name, title });
    // With this chain (none of its entries included): its first save is the autosave, up to
    // 500 ms away, and a replay needs the chain to find the edits made before it.
    const first = { text, anchor: 0, head: 0, scrollLine: 1, title, chain: this.chain, journalSeq: -1 };
    await this.#store.save(id, first, { baseRev: 0, writer: this.#tabId })
      .then((r) => { if (!r.conflict) this.baseRev = r.rev; });
    if (name) await this.#store.rename(id, name);
    this.meta = { ...this.meta, name };
    return id;
  }

  /** Saves the editor's state to the current draft (or to a copy, on conflict). */
  async save() {
    if (!this.id) return;
    const snapshot = { ...this.#snapshot(), chain: this.chain, journalSeq: this.seq - 1 };
    const { id, chain } = this;
    const result = await this.#store.save(this.id, snapshot, { baseRev: this.baseRev, writer: this.#tabId });
    if (!result.conflict) {
      this.#journal.compact(id, chain, snapshot.journalSeq);
      if (this.#replayed) { this.#journal.drop(id, this.#replayed); this.#replayed = null; }
      this.baseRev = result.rev;
      this.meta = { ...this.meta, title: snapshot.title };
      this.#presence.saved(this.id, result.rev);
      return;
    }
    const fromLabel = draftLabel(this.meta);
    const toLabel = `${fromLabel} (copy)`;
    this.#journal.drop(id, chain);  // its text lives on in the copy
    this.#presence.forked(id, toLabel);  // before create(): that leaves this draft
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
