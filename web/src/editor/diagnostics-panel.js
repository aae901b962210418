// The diagnostics list under the preview: front matter errors and lints from the renderer,
// and formulas KaTeX could not typeset. Each entry is a button that jumps to its source line.

const ORDER = { error: 0, warning: 1, info: 2 };

export class DiagnosticsPanel {
  #list;
  #summary;
  #onJump;
  #key = '';

  /** `list`: the <ul> to fill; `summary`: element showing the counts; `onJump(line, column)`. */
  constructor({ list, summary, onJump }) {
    this.#list = list;
    this.#summary = summary;
    this.#onJump = onJump;
    list.addEventListener('click', (event) => {
      const button = event.target.closest('button[data-line]');
      if (button) this.#onJump(Number(button.dataset.line), Number(button.dataset.column) || 1);
    });
  }

  /** Shows `items` ({line, column, severity, code, message}); skips the DOM work when nothing changed. */
  show(items) {
    const sorted = [...items].sort((a, b) => (a.line - b.line) || ((ORDER[a.severity] ?? 3) - (ORDER[b.severity] ?? 3)));
    const key = JSON.stringify(sorted.map((d) => [d.line, d.column, d.severity, d.message]));
    if (key === this.#key) return;
    this.#key = key;
    const doc = this.#list.ownerDocument;
    this.#list.replaceChildren(...sorted.map((d) => {
      const item = doc.createElement('li');
      item.className = `dm-diagnostic dm-${d.severity}`;
      const button = doc.createElement('button');
      button.type = 'button';
      button.dataset.line = String(d.line || 1);
      button.dataset.column = String(d.column || 1);
      const where = doc.createElement('span');
      where.className = 'dm-diagnostic-where';
      // line:column when the renderer knows the column (YAML errors do), 1-based UTF-16
      where.textContent = !d.line ? '' : d.column > 0 ? `line ${d.line}:${d.column}` : `line ${d.line}`;
      const severity = doc.createElement('span');
      severity.className = 'dm-diagnostic-severity';
      severity.textContent = d.severity;
      const message = doc.createElement('span');
      message.className = 'dm-diagnostic-message';
      message.textContent = d.code ? `${d.message} (${d.code})` : d.message;
      button.append(severity, ' ', where, ' ', message);
      item.append(button);
      return item;
    }));
    const errors = sorted.filter((d) => d.severity === 'error').length;
    const warnings = sorted.length - errors;
    this.#summary.textContent = sorted.length === 0 ? 'No problems'
      : `${errors} error${errors === 1 ? '' : 's'}, ${warnings} warning${warnings === 1 ? '' : 's'}`;
    this.#summary.dataset.state = errors ? 'error' : warnings ? 'warning' : 'ok';
  }
}
