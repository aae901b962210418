// The post's outline: its headings as the preview shows them (kramdown's heading rules, Liquid
// output and raw HTML headings included; the post header's title left out), in a panel. A click
// puts the cursor on the heading's source line; the heading at the top of the editor is marked.

const HEADINGS = 'h1, h2, h3, h4, h5, h6';

export class OutlinePanel {
  editor = null;  // set once the editor is built
  #list;
  #empty;
  #preview;
  #headings = [];  // [{line, item}] in document order
  #key = '';
  #panel;

  /** `button` toggles `panel`, which holds `list` (an <ol>) and `empty` (shown without headings); `preview`: the rendered post. */
  constructor({ button, panel, list, empty, preview }) {
    this.#list = list;
    this.#empty = empty;
    this.#preview = preview;
    this.#panel = panel;
    button.addEventListener('click', () => {
      panel.hidden = !panel.hidden;
      button.setAttribute('aria-expanded', String(!panel.hidden));
      if (!panel.hidden) this.update();  // read only while shown: update() runs after every render
    });
    panel.ownerDocument.addEventListener('keydown', (event) => {
      if (event.key !== 'Escape' || panel.hidden) return;
      button.click();  // Escape closes it and gives focus back to its button, as the other panels
      button.focus();
    });
    list.addEventListener('click', (event) => {
      const target = event.target.closest('button[data-line]');
      if (target) this.editor?.gotoLine(Number(target.dataset.line));
    });
  }

  /** Reads the headings of the preview; rebuilds the list only when they changed. */
  update() {
    if (this.#panel.hidden) return;  // the per-keystroke render path pays nothing for a closed panel
    const found = [];
    for (const heading of this.#preview.querySelectorAll(HEADINGS)) {
      if (heading.closest('header.post-header')) continue;
      // data-line="a-b" is on the top-level block holding the heading (itself, or a list or quote).
      const line = Number.parseInt(heading.closest('[data-line]')?.dataset.line ?? '', 10);
      if (!Number.isFinite(line)) continue;
      found.push({ level: Number(heading.tagName[1]), text: heading.textContent.trim() || '(empty heading)', line });
    }
    const key = JSON.stringify(found);
    if (key === this.#key) return;
    this.#key = key;
    const doc = this.#list.ownerDocument;
    this.#headings = found.map(({ level, text, line }) => {
      const item = doc.createElement('li');
      item.dataset.level = String(level);
      const button = doc.createElement('button');
      button.type = 'button';
      button.dataset.line = String(line);
      button.textContent = text;
      item.append(button);
      return { line, item };
    });
    this.#list.replaceChildren(...this.#headings.map((h) => h.item));
    this.#empty.hidden = this.#headings.length > 0;
    this.markCurrent();
  }

  /** Marks the last heading at or above the editor's top line (call when the editor scrolls). */
  markCurrent() {
    if (!this.editor || this.#list.closest('[hidden]')) return;
    const top = Math.floor(this.editor.topLine());
    let current = null;
    for (const h of this.#headings) if (h.line <= top) current = h; else break;
    current ??= this.#headings[0] ?? null;
    for (const h of this.#headings) {
      if (h === current) h.item.setAttribute('aria-current', 'location'); else h.item.removeAttribute('aria-current');
    }
  }
}
