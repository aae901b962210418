// Drafts and settings in IndexedDB (idb-keyval's store helper over one object store).
//
// Keys: `text:<id>` {text, rev, writer, anchor, head, scrollLine}, `meta:<id>` {id, title, name,
// createdAt, updatedAt, rev}, `view:<id>` {anchor, head, scrollLine}, `file:<id>` (a
// FileSystemFileHandle, where the browser has them), `settings`. Text and metadata are written
// in one transaction, and a save carries the revision it was based on: when another tab has
// written the draft since, the save is refused (conflict) instead of overwriting — the caller
// keeps its text as a new draft. The revision is checked in the small meta record and cursor
// moves go to the small view record, so neither reads nor rewrites a long text (reading a
// 1 MB post back cost ~10 ms per save). Drafts saved before meta had `rev` fall back to the text's.
import { createStore, del, get, keys, promisifyRequest, set } from 'idb-keyval';

const DB_NAME = 'draftmark';
const STORE_NAME = 'drafts';

/** Thrown by DraftStore when IndexedDB is missing or refuses a write (quota, private mode). */
export class StorageError extends Error {
  constructor(message, options) {
    super(message, options);
    this.name = 'StorageError';
  }
}

function describe(error) {
  if (error?.name === 'QuotaExceededError') return 'the browser\'s storage quota is full';
  return error?.message || String(error);
}

/** A new random draft id. */
export function newDraftId() {
  return globalThis.crypto?.randomUUID?.() ?? `d${Date.now().toString(36)}${Math.random().toString(36).slice(2)}`;
}

// Reads `key` in transaction store `s`, then runs `then(value)`; any error rejects.
function readThen(s, key, reject, then) {
  const request = s.get(key);
  request.onsuccess = () => {
    try {
      then(request.result);
    } catch (error) {
      reject(error);
    }
  };
  request.onerror = () => reject(request.error);
}

// Read-modify-write of one existing record in one transaction (a missing record stays missing).
function patch(store, key, change) {
  return store('readwrite', (s) => new Promise((resolve, reject) => {
    readThen(s, key, reject, (old) => {
      if (old) s.put(change(old), key);
      promisifyRequest(s.transaction).then(resolve, reject);
    });
  }));
}

/** Drafts, their metadata and the page settings. Every method rejects with StorageError. */
export class DraftStore {
  #store = null;

  #open() {
    if (typeof indexedDB === 'undefined') throw new StorageError('IndexedDB is not available in this browser');
    this.#store ??= createStore(DB_NAME, STORE_NAME);
    return this.#store;
  }

  // Reads issued by preload(), each handed out once (see there); a write drops them.
  #preloaded = new Map();
  #writes = 0;

  /**
   * Issues the reads that open the editor — settings, then the draft they name (or the list of
   * drafts), and the image folder — at once, so IndexedDB answers while the rest of the editor's
   * code is evaluated (opening-store.js). The first getSettings(), load(id), list() and
   * getImageFolder() take these results.
   */
  preload() {
    const keep = (key, promise) => { promise.catch(() => {}); this.#preloaded.set(key, promise); return promise; };
    const writes = this.#writes;
    keep('image-folder', this.getImageFolder());
    keep('settings', this.#readSettings()).then((values) => {
      if (this.#writes !== writes) return;  // a write came first: the draft read now may be stale
      const id = values.currentDraftId;
      if (id) keep(`load:${id}`, this.#readDraft(id));
      else keep('list', this.#readList());
    }, () => {});
  }

  /**
   * The settings and the text of the draft Drafts.openInitial() opens ({settings, text}; text
   * null when it starts a new one from the seed), before the editor runs: for the offline file's
   * first preview (first-preview.js). From the reads preload() issued, which stay for the
   * editor's own first getSettings(), load() and list(). The edit journal is not replayed: the
   * editor shows what it recovers a moment later.
   */
  async peekOpening() {
    const peek = (key, read) => this.#preloaded.get(key) ?? read();
    // After preload()'s own reaction to the settings, which asks for the draft they name.
    const settings = await peek('settings', () => this.#readSettings());
    const id = settings.currentDraftId;
    let record = id ? await peek(`load:${id}`, () => this.#readDraft(id)) : null;
    if (!record) {
      const [newest] = await peek('list', () => this.#readList());
      if (newest) record = await this.#readDraft(newest.id);
    }
    return { settings, text: record?.text.text ?? null };
  }

  #take(key, read) {
    const promise = this.#preloaded.get(key);
    this.#preloaded.delete(key);
    return promise ?? read();
  }

  #write(what, fn) {
    this.#writes++;
    this.#preloaded.clear();  // what was read ahead may be what this changes
    return this.#run(what, fn);
  }

  async #run(what, fn) {
    try {
      return await fn(this.#open());
    } catch (error) {
      if (error instanceof StorageError) throw error;
      throw new StorageError(`cannot ${what}: ${describe(error)}`, { cause: error });
    }
  }

  /** Metadata of every draft, most recently changed first. */
  list() {
    return this.#take('list', () => this.#readList());
  }

  /** {meta, text: {text, rev, anchor, head, scrollLine}} or null. */
  load(id) {
    return this.#take(`load:${id}`, () => this.#readDraft(id));
  }

  #readList() {
    return this.#run('list drafts', async (store) => {
      const metaKeys = (await keys(store)).filter((k) => typeof k === 'string' && k.startsWith('meta:'));
      const metas = await store('readonly', (s) => Promise.all(metaKeys.map((k) => promisifyRequest(s.get(k)))));
      return metas.filter(Boolean).sort((a, b) => b.updatedAt - a.updatedAt);
    });
  }

  #readDraft(id) {
    return this.#run('read the draft', (store) => store('readonly', async (s) => {
      const [meta, text, view] = await Promise.all([`meta:${id}`, `text:${id}`, `view:${id}`]
        .map((key) => promisifyRequest(s.get(key))));
      return meta && text ? { meta, text: { ...text, ...view } } : null;
    }));
  }

  /**
   * Saves a draft if nobody else wrote it since revision `baseRev` (0 for a new draft).
   * `snapshot`: {text, anchor, head, scrollLine, title}. Resolves to {rev} or {conflict: true, theirs}.
   */
  save(id, snapshot, { baseRev, writer }) {
    return this.#write('save the draft', (store) => store('readwrite', (s) => new Promise((resolve, reject) => {
      const textKey = `text:${id}`;
      const metaKey = `meta:${id}`;
      // A put can throw (quota, a value that cannot be cloned) or the transaction can abort
      // later: either way the promise must settle, or the autosaver would wait forever.
      s.transaction.addEventListener('abort', () => reject(s.transaction.error ?? new Error('transaction aborted')));
      const write = (meta, currentRev) => {
        if (currentRev !== baseRev) { resolve({ conflict: true }); return; }
        const rev = currentRev + 1;
        const now = Date.now();
        const view = { anchor: snapshot.anchor, head: snapshot.head, scrollLine: snapshot.scrollLine };
        // The text record keeps the view too, for a tab still running the previous version, and
        // the last edit journal entry it includes (journal.js: replay starts after it).
        const chain = snapshot.chain ?? null;
        const journalSeq = snapshot.journalSeq ?? -1;
        s.put({ text: snapshot.text, rev, writer, chain, journalSeq, ...view }, textKey);
        s.put(view, `view:${id}`);
        s.put({ id, name: meta?.name ?? '', title: snapshot.title, createdAt: meta?.createdAt ?? now, updatedAt: now, rev },
          metaKey);
        promisifyRequest(s.transaction).then(() => resolve({ rev }), reject);
      };
      readThen(s, metaKey, reject, (meta) => {
        if (typeof meta?.rev === 'number') write(meta, meta.rev);
        else readThen(s, textKey, reject, (current) => write(meta, current?.rev ?? 0));
      });
    })));
  }

  /** Saves only the cursor and scroll position (no revision change: it is not content). */
  saveView(id, { anchor, head, scrollLine }) {
    // Only for a draft that exists: a view saved after a delete must not leave a record behind.
    return this.#write('save the cursor', (store) => store('readwrite', (s) => new Promise((resolve, reject) => {
      readThen(s, `meta:${id}`, reject, (meta) => {
        if (meta) s.put({ anchor, head, scrollLine }, `view:${id}`);
        promisifyRequest(s.transaction).then(resolve, reject);
      });
    })));
  }

  /** Sets the user's name for a draft (shown instead of the front matter title). */
  rename(id, name) {
    return this.#write('rename the draft', (store) => patch(store, `meta:${id}`, (old) => ({ ...old, name })));
  }

  remove(id) {
    return this.#write('delete the draft', (store) => store('readwrite', (s) => {
      for (const k of [`meta:${id}`, `text:${id}`, `view:${id}`, `file:${id}`]) s.delete(k);
      return promisifyRequest(s.transaction);
    }));
  }

  getSettings() {
    return this.#take('settings', () => this.#readSettings());
  }

  #readSettings() {
    return this.#run('read settings', async (store) => (await get('settings', store)) ?? {});
  }

  setSettings(settings) {
    return this.#write('save settings', (store) => set('settings', settings, store));
  }

  /** The file a draft was opened from or saved to (FileSystemFileHandle), or undefined. */
  getFileHandle(id) {
    return this.#run('read the file handle', (store) => get(`file:${id}`, store));
  }

  setFileHandle(id, handle) {
    return this.#write('remember the file', (store) => (handle ? set(`file:${id}`, handle, store) : del(`file:${id}`, store)));
  }

  /** The local folder images resolve against (FileSystemDirectoryHandle), or undefined. */
  getImageFolder() {
    return this.#take('image-folder', () => this.#run('read the image folder', (store) => get('image-folder', store)));
  }

  setImageFolder(handle) {
    return this.#write('remember the image folder', (store) => (handle ? set('image-folder', handle, store) : del('image-folder', store)));
  }
}
