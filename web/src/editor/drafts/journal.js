// The edit journal: every change is written to IndexedDB in the task that made it, so a crash
// or a killed browser between two autosaves (up to 500 ms apart) loses nothing. An entry is a
// CodeMirror ChangeSet as JSON (the edit, not the text: a keystroke in a 1 MB post writes a few
// bytes), one put per transaction, in its own database `draftmark-journal` under
//   <draft id>:<chain>:<seq, 10 digits>   {seq, openRev, changes}
// A chain is one tab's run of edits on one draft (a new one each time a tab opens a draft);
// seq counts its changes from 0. The autosave snapshot records the chain and the last seq it
// includes (text:<id>.chain / .journalSeq); replay() applies only later entries, so compaction
// (deleting what a snapshot includes) is an optimisation and runs after the snapshot is stored.
//
// Why this shape (issue 14, measured with SIGKILL of the whole browser): what a kill loses is
// what has not reached the storage backend's write() yet, and three things kept entries waiting:
// - `durability: 'strict'` fsyncs every entry, and transactions on one store run one after
//   another, so each keystroke waited for the previous one's fsync (6-700 ms on a loaded disk):
//   typing built a queue that a kill threw away. 'relaxed' writes without fsync; that survives a
//   killed or crashed browser (the data is in the OS), not a power cut — the autosave's job.
// - auto-commit needs the page to receive the put's success before it commits, a round trip
//   through a main thread that is busy rendering the preview right after a change; commit()
//   commits as soon as the put is done.
// - in the drafts store, entries also queued behind the autosave's read-modify-write and the
//   cursor saves; a database of its own has no other writers.
import { ChangeSet, Text } from '@codemirror/state';

const DB_NAME = 'draftmark-journal';
const STORE_NAME = 'journal';
const pad = (n) => String(n).padStart(10, '0');
export const journalPrefix = (draftId, chain) => `${draftId}:${chain}:`;
export const journalKey = (draftId, chain, seq) => `${journalPrefix(draftId, chain)}${pad(seq)}`;
const draftRange = (draftId) => IDBKeyRange.bound(`${draftId}:`, `${draftId}:\uffff`);

export class EditJournal {
  #db = null;
  #opening = null;
  #queue = [];  // appends made before the connection opened, in order
  /** The last append: {ms (toJSON and put, in the change's task), bytes (of the JSON)}. */
  lastAppend = null;
  appended = 0;  // entries issued since the page loaded
  durable = 0;   // of those, committed (written by the storage backend)
  /** Called with {draftId, chain, seq} when an entry is committed (tests observe it). */
  onDurable = null;

  /** Opens the journal's database (created on first use); resolves to it, or null without IndexedDB. */
  open() {
    this.#opening ??= new Promise((resolve) => {
      try {
        const request = indexedDB.open(DB_NAME, 1);
        request.onupgradeneeded = () => request.result.createObjectStore(STORE_NAME);
        request.onsuccess = () => {
          const db = request.result;
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

  /** Appends one change set of chain `chain` on draft `draftId` (issued synchronously, when open). */
  append(draftId, chain, seq, openRev, changes) {
    const start = performance.now();
    const json = changes.toJSON();
    const args = [{ draftId, chain, seq }, { seq, openRev, changes: json }];
    this.appended++;
    if (this.#db) this.#put(...args);
    else this.#queue.push(args);
    const ms = performance.now() - start;
    this.lastAppend = { ms, bytes: JSON.stringify(json).length };
  }

  #put(where, value) {
    try {
      const tx = this.#db.transaction(STORE_NAME, 'readwrite', { durability: 'relaxed' });
      tx.objectStore(STORE_NAME).put(value, journalKey(where.draftId, where.chain, where.seq));
      tx.oncomplete = () => { this.durable++; this.onDurable?.(where); };
      tx.onerror = (event) => event.preventDefault();  // the autosave reports storage problems
      tx.commit?.();
    } catch {
      // Closed connection or quota: the 500 ms autosave is still there.
    }
  }

  #delete(range) {
    if (!this.#db) return;
    try {
      this.#db.transaction(STORE_NAME, 'readwrite').objectStore(STORE_NAME).delete(range);
    } catch {
      // left for the next compaction; replay skips what the snapshot includes anyway
    }
  }

  /** Deletes the entries of chain `chain` up to `seq` (a stored snapshot includes them). */
  compact(draftId, chain, seq) {
    if (chain && seq >= 0) this.#delete(IDBKeyRange.bound(journalPrefix(draftId, chain), journalKey(draftId, chain, seq)));
  }

  /** Deletes chain `chain` of draft `draftId` (replayed and saved, or left behind by a fork). */
  drop(draftId, chain) {
    const prefix = journalPrefix(draftId, chain);
    this.#delete(IDBKeyRange.bound(prefix, `${prefix}\uffff`));
  }

  /** Deletes every entry of draft `draftId` (the draft is deleted). */
  dropDraft(draftId) {
    this.#delete(draftRange(draftId));
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
        const prefix = `${draftId}:`;
        const keysRequest = store.getAllKeys(draftRange(draftId));
        const valuesRequest = store.getAll(draftRange(draftId));
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
