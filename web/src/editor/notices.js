// Banners across the top of the page for things the user must see: storage failures, another
// tab on the same draft, renderer errors. One banner per id; showing an id again replaces it.
// An info banner without buttons ("Saved to …") goes away by itself after `infoMs` (kept while
// the pointer is over it); warnings and errors stay until dismissed or resolved.

export class Notices {
  #container;
  #shown = new Map();  // id -> element
  #timers = new Map(); // id -> timeout of an info banner
  infoMs = 8000;

  constructor(container) {
    this.#container = container;
  }

  /**
   * Shows (or updates) banner `id`. `level`: 'info' | 'warning' | 'error';
   * `actions`: [{label, run}] buttons; a banner can always be dismissed.
   */
  show(id, { level = 'info', message, actions = [] }) {
    const doc = this.#container.ownerDocument;
    const banner = doc.createElement('div');
    banner.className = `dm-notice dm-notice-${level}`;
    banner.dataset.notice = id;
    banner.setAttribute('role', level === 'info' ? 'status' : 'alert');
    const text = doc.createElement('span');
    text.className = 'dm-notice-text';
    text.textContent = message;
    banner.append(text);
    for (const action of actions) {
      const button = doc.createElement('button');
      button.type = 'button';
      button.textContent = action.label;
      button.addEventListener('click', () => { this.hide(id); action.run(); });
      banner.append(button);
    }
    const close = doc.createElement('button');
    close.type = 'button';
    close.className = 'dm-notice-close';
    close.setAttribute('aria-label', 'Dismiss');
    close.textContent = '×';
    close.addEventListener('click', () => this.hide(id));
    banner.append(close);
    const old = this.#shown.get(id);
    if (old) old.replaceWith(banner); else this.#container.append(banner);
    this.#shown.set(id, banner);
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
    if (level === 'info' && actions.length === 0) this.#expire(id, banner);
  }

  #expire(id, banner) {
    const later = () => this.#timers.set(id, setTimeout(() => {
      if (banner.matches(':hover')) later(); else if (this.#shown.get(id) === banner) this.hide(id);
    }, this.infoMs));
    later();
  }

  hide(id) {
    this.#shown.get(id)?.remove();
    this.#shown.delete(id);
    clearTimeout(this.#timers.get(id));
    this.#timers.delete(id);
  }

  has(id) {
    return this.#shown.has(id);
  }
}
