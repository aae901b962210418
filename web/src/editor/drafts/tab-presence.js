// Tells tabs of the editor about each other (BroadcastChannel), so that two tabs on the same
// draft are warned instead of silently overwriting each other. Storage refuses stale saves
// (storage.js); this only makes the situation visible early.

const CHANNEL = 'draftmark-tabs';

export class TabPresence {
  #channel = null;
  #tabId;
  #draftId = null;
  #others = new Set();   // tab ids with our draft open
  #onChange;
  #onRemoteSave;
  #onRemoteFork;

  /**
   * `onChange(count)`: how many other tabs have the current draft open.
   * `onRemoteSave({draftId, rev})`: another tab saved the current draft.
   * `onRemoteFork({draftId, toLabel})`: another tab's save of the current draft was refused
   * (ours was newer) and its text was kept as the draft `toLabel`.
   */
  constructor({ tabId, onChange, onRemoteSave, onRemoteFork }) {
    this.#tabId = tabId;
    this.#onChange = onChange;
    this.#onRemoteSave = onRemoteSave;
    this.#onRemoteFork = onRemoteFork;
    if (typeof BroadcastChannel === 'undefined') return;
    this.#channel = new BroadcastChannel(CHANNEL);
    this.#channel.onmessage = (event) => this.#receive(event.data);
    addEventListener('pagehide', () => this.#post({ type: 'leave', draftId: this.#draftId }));
  }

  /** Announces that this tab now shows `draftId` (null: none). */
  open(draftId) {
    if (this.#draftId && this.#draftId !== draftId) this.#post({ type: 'leave', draftId: this.#draftId });
    this.#draftId = draftId;
    this.#others.clear();
    this.#onChange?.(0);
    if (draftId) this.#post({ type: 'open', draftId });
  }

  /** Tells the other tabs this tab saved `draftId` at revision `rev`. */
  saved(draftId, rev) {
    this.#post({ type: 'saved', draftId, rev });
  }

  /** Tells the other tabs on `draftId` that this tab's text is kept as the copy `toLabel`. */
  forked(draftId, toLabel) {
    this.#post({ type: 'forked', draftId, toLabel });
  }

  /** Other tabs known to show the current draft. */
  get otherCount() {
    return this.#others.size;
  }

  #post(message) {
    this.#channel?.postMessage({ ...message, tabId: this.#tabId });
  }

  #receive(message) {
    if (!message || message.tabId === this.#tabId || message.draftId !== this.#draftId || !this.#draftId) return;
    const before = this.#others.size;
    switch (message.type) {
      case 'open':
        this.#others.add(message.tabId);
        this.#post({ type: 'here', draftId: this.#draftId });  // so the newcomer knows about us
        break;
      case 'here':
        this.#others.add(message.tabId);
        break;
      case 'leave':
        this.#others.delete(message.tabId);
        break;
      case 'saved':
        this.#others.add(message.tabId);
        this.#onRemoteSave?.({ draftId: message.draftId, rev: message.rev });
        break;
      case 'forked':
        this.#onRemoteFork?.({ draftId: message.draftId, toLabel: message.toLabel });
        break;
      default:
        return;
    }
    if (this.#others.size !== before) this.#onChange?.(this.#others.size);
  }
}
