// The drafts panel: every saved draft (named by the user, else by its front matter title),
// with new / rename / delete. It only shows and reports; main.js does the work.

const dateFormat = new Intl.DateTimeFormat(undefined, { dateStyle: 'medium', timeStyle: 'short' });

/** What a draft is called in lists: the user's name, else the front matter title, else "Untitled". */
export function draftLabel(meta) {
  return (meta?.name || meta?.title || '').trim() || 'Untitled draft';
}

export class DraftsMenu {
  #panel; #list; #nameInput; #deleteButton;
  #handlers;
  #confirmingDelete = false;

  /**
   * `panel`: the element holding the menu, with children [data-role=list|name|new|delete].
   * handlers: {onOpen(id), onNew(), onRename(name), onDelete()}.
   */
  constructor(panel, handlers) {
    this.#panel = panel;
    this.#handlers = handlers;
    this.#list = panel.querySelector('[data-role="list"]');
    this.#nameInput = panel.querySelector('[data-role="name"]');
    this.#deleteButton = panel.querySelector('[data-role="delete"]');
    this.#list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-id]');
      if (button) handlers.onOpen(button.dataset.id);
    });
    panel.querySelector('[data-role="new"]').addEventListener('click', () => handlers.onNew());
    this.#nameInput.addEventListener('change', () => handlers.onRename(this.#nameInput.value.trim()));
    this.#deleteButton.addEventListener('click', () => {
      if (!this.#confirmingDelete) {
        this.#confirmingDelete = true;
        this.#deleteButton.textContent = 'Click again to delete';
        return;
      }
      this.#resetDelete();
      handlers.onDelete();
    });
    this.#deleteButton.addEventListener('blur', () => this.#resetDelete());
  }

  #resetDelete() {
    this.#confirmingDelete = false;
    this.#deleteButton.textContent = 'Delete draft';
  }

  get open() {
    return !this.#panel.hidden;
  }

  toggle(force) {
    this.#panel.hidden = force === undefined ? !this.#panel.hidden : !force;
    if (!this.#panel.hidden) this.#list.querySelector('[aria-current="true"]')?.focus();
  }

  /** Redraws the list; `currentId` is marked, and its name fills the rename box. */
  show(metas, currentId) {
    const doc = this.#list.ownerDocument;
    this.#list.replaceChildren(...metas.map((meta) => {
      const item = doc.createElement('li');
      const button = doc.createElement('button');
      button.type = 'button';
      button.dataset.id = meta.id;
      if (meta.id === currentId) button.setAttribute('aria-current', 'true');
      const title = doc.createElement('span');
      title.className = 'dm-draft-title';
      title.textContent = draftLabel(meta);
      const when = doc.createElement('span');
      when.className = 'dm-draft-date';
      when.textContent = meta.updatedAt ? dateFormat.format(meta.updatedAt) : '';
      button.append(title, when);
      item.append(button);
      return item;
    }));
    const current = metas.find((m) => m.id === currentId);
    if (doc.activeElement !== this.#nameInput) this.#nameInput.value = current?.name ?? '';
    this.#nameInput.placeholder = current?.title || 'Untitled draft';
  }
}
