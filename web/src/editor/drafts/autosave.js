// When to save: a change is written at most kSaveDelayMs after it happened, however fast the
// typing (the timer starts at the first unsaved change and is not pushed back by later ones),
// and at once when the page is hidden or left. Saves never overlap; a change made while a save
// runs is picked up by the next one.

// Leaves ~200 ms for IndexedDB within the promise "persisted within 500 ms of a change".
const kSaveDelayMs = 300;
// A long draft's snapshot is written less often: storing 1 MB of text took 10–30 ms of the main
// thread, on every fifth keystroke of fast typing. Its changes are durable without it — the
// edit journal writes each one in the task that made it (journal.js) — so the promise holds.
const kSnapshotBytesPerDelay = 64 * 1024;
const kMaxSaveDelayMs = 3000;

/** How long a snapshot of a `length`-character draft may wait after its first unsaved change. */
export function snapshotDelayMs(length) {
  return Math.min(kMaxSaveDelayMs, kSaveDelayMs * Math.max(1, Math.ceil(length / kSnapshotBytesPerDelay)));
}
// A save that has not settled by then is reported as failed (the user must hear about a
// storage that hangs); a later save still runs once it settles.
const kSaveTimeoutMs = 10_000;

function withTimeout(promise) {
  let timer;
  const timeout = new Promise((_, reject) => {
    timer = setTimeout(() => reject(new Error(`storage did not answer within ${kSaveTimeoutMs / 1000} s`)), kSaveTimeoutMs);
  });
  return Promise.race([promise, timeout]).finally(() => clearTimeout(timer));
}

export class Autosaver {
  #save;
  #onError;
  #timer = null;
  #dirty = false;
  #running = null;
  #delayMs;

  /**
   * `save()`: writes the current state (returns a Promise). `onError(error)`: a save failed;
   * the state stays dirty and is retried on the next change or flush. `delayMs()`: how long
   * a change may wait (default kSaveDelayMs).
   */
  constructor({ save, onError, delayMs = () => kSaveDelayMs }) {
    this.#save = save;
    this.#onError = onError;
    this.#delayMs = delayMs;
    const flushNow = () => { this.flush(); };
    addEventListener('pagehide', flushNow);
    document.addEventListener('visibilitychange', () => {
      if (document.visibilityState === 'hidden') flushNow();
    });
  }

  /** True when a change has not been written yet. */
  get dirty() {
    return this.#dirty;
  }

  /** Records that something changed; a save follows within delayMs(). */
  markDirty() {
    this.#dirty = true;
    this.#timer ??= setTimeout(() => { this.#timer = null; this.flush(); }, this.#delayMs());
  }

  /** Saves now if anything is unsaved; resolves when the state is written (or failed). */
  async flush() {
    if (this.#timer !== null) { clearTimeout(this.#timer); this.#timer = null; }
    while (this.#running) await this.#running;
    if (!this.#dirty) return;
    this.#dirty = false;
    this.#running = (async () => {
      try {
        await withTimeout(this.#save());
      } catch (error) {
        this.#dirty = true;
        this.#onError?.(error);
      }
    })();
    try {
      await this.#running;
    } finally {
      this.#running = null;
    }
  }
}
