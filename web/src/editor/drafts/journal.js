// The edit journal: every change is written to IndexedDB in the task that made it, so a crash
// or a killed browser between two autosaves (up to 500 ms apart) loses nothing. An entry is a
// CodeMirror ChangeSet as JSON (the edit, not the text: a keystroke in a 1 MB post writes a few
// bytes), one put per transaction with `durability: 'strict'`, in the drafts store under
//   journal:<draft id>:<chain>:<seq, 10 digits>   {seq, openRev, changes}
// A chain is one tab's run of edits on one draft (a new one each time a tab opens a draft);
// seq counts its changes from 0. The autosave compacts: the snapshot it writes records the
// chain and the last seq it includes (text:<id>.chain / .journalSeq) and deletes those entries
// in the same transaction. Opening a draft replays what the snapshot lacks (replay()).
import { ChangeSet, Text } from '@codemirror/state';

const DB_NAME = 'draftmark';
const STORE_NAME = 'drafts';
const pad = (n) => String(n).padStart(10, '0');
export const journalPrefix = (draftId, chain) => `journal:${draftId}:${chain}:`;
export const journalKey = (draftId, chain, seq) => `${journalPrefix(draftId, chain)}${pad(seq)}`;

export class EditJournal {
  #db = null;
  #opening = null;
  #queue = [];  // appends made before the connection opened, in order

  /** Opens its own connection (idb-keyval's cannot set durability); call once the store exists. */
  open() {
    this.#opening ??= new Promise((resolve) => {
      try {
        const request = indexedDB.open(DB_NAME);
        request.onsuccess = () => {
          const db = request.result;
          if (!db.objectStoreNames.contains(STORE_NAME)) { db.close(); resolve(null); return; }
          db.onversionchange = () => { db.close(); this.#db = null; };
          this.#db = db;
          for (const entry of this.#queue.splice(0)) this.#put(...entry);
          resolve(db);
        };
        request.onerror = () => resolve(null);
      } catch {
        resolve(null);  // no IndexedDB: the autosave reports it
      }
    });
    return this.#opening;
  }

  /** Appends one change set of chain `chain` on draft `draftId` (synchronously, when open). */
  append(draftId, chain, seq, openRev, changes) {
    const args = [journalKey(draftId, chain, seq), { seq, openRev, changes: changes.toJSON() }];
    if (this.#db) this.#put(...args);
    else this.#queue.push(args);
  }

  #put(key, value) {
    try {
      const tx = this.#db.transaction(STORE_NAME, 'readwrite', { durability: 'strict' });
      tx.objectStore(STORE_NAME).put(value, key);
      tx.onerror = (event) => event.preventDefault();  // the autosave reports storage problems
    } catch {
      // Closed connection or quota: the 500 ms autosave is still there.
    }
  }

  /** Deletes chain `chain` of draft `draftId` (replayed and saved, or left behind by a fork). */
  drop(draftId, chain) {
    if (!this.#db) return;
    try {
      const prefix = journalPrefix(draftId, chain);
      this.#db.transaction(STORE_NAME, 'readwrite').objectStore(STORE_NAME).delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
    } catch {
      // left for the next compaction
    }
  }

  /**
   * The text of stored record `text` ({text, rev, chain, journalSeq}) with the journal replayed:
   * the entries of the chain that wrote the snapshot after its journalSeq, or else (a tab that
   * crashed before its first save) the longest chain opened at the snapshot's revision.
   * Resolves to {text, chain} (chain: the one replayed, or null when nothing was).
   */
  async replay(draftId, text) {
    const db = await this.open();
    if (!db) return { text: text.text, chain: null };
    const entries = await new Promise((resolve) => {
      try {
        const store = db.transaction(STORE_NAME, 'readonly').objectStore(STORE_NAME);
        const prefix = `journal:${draftId}:`;
        const range = IDBKeyRange.bound(prefix, `${prefix}\uffff`);
        const keysRequest = store.getAllKeys(range);
        const valuesRequest = store.getAll(range);
        valuesRequest.onsuccess = () => resolve(keysRequest.result.map((k, i) => ({ chain: k.slice(prefix.length).split(':')[0], ...valuesRequest.result[i] })));
        valuesRequest.onerror = () => resolve([]);
      } catch {
        resolve([]);
      }
    });
    const chains = new Map();
    for (const entry of entries) {
      if (!chains.has(entry.chain)) chains.set(entry.chain, []);
      chains.get(entry.chain).push(entry);  // keys sort by seq (zero-padded)
    }
    let chosen = null;
    let from = 0;
    const own = text.chain ? chains.get(text.chain) : null;
    if (own) {
      chosen = text.chain;
      from = (text.journalSeq ?? -1) + 1;
    } else {
      for (const [chain, list] of chains) {
        if (list[0].seq === 0 && list.every((e) => e.openRev === text.rev) && list.length > (chains.get(chosen)?.length ?? 0)) chosen = chain;
      }
    }
    if (!chosen) return { text: text.text, chain: null };
    let doc = Text.of(text.text.split('\n'));
    let expected = from;
    for (const entry of chains.get(chosen)) {
      if (entry.seq < from) continue;
      if (entry.seq !== expected) break;  // a gap: later entries do not apply
      try {
        doc = ChangeSet.fromJSON(entry.changes).apply(doc);
      } catch {
        break;  // does not fit the text (should not happen): keep what applied
      }
      expected++;
    }
    return { text: doc.toString(), chain: expected > from ? chosen : null };
  }
}
