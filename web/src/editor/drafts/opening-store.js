// The editor's draft store, made — and asked for the records that open the editor — when this
// module is evaluated: main.js imports it first, so IndexedDB answers while the rest of the
// editor's code is still being evaluated (~200 ms on the 2-core machine) instead of after it.
import { DraftStore } from './storage.js';

export const store = new DraftStore();
store.preload();
