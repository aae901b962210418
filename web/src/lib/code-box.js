// Chirpy's code box, finished in the preview: the header's label as Chirpy names the language
// (its _includes/language-alias.html), the file-name form for `{: file="…" }` with its icon, a
// copy button, no line numbers for plain text, consoles and terminals, and the same box around
// fences nested in list items (kramdown's HTML boxes only top-level ones).
// The C++ core emits <div class="code-block language-x lineno"><div class="code-header">
// <span class="code-label">x</span></div><pre><code>…; this keeps that markup and adds to it.

// Chirpy's alias list (language-alias.html): names Rouge's aliases the way the theme shows them.
const kNames = {
  actionscript: 'ActionScript', as: 'ActionScript', as3: 'ActionScript', applescript: 'AppleScript',
  brightscript: 'BrightScript', bs: 'BrightScript', brs: 'BrightScript', cfscript: 'CFScript', cfc: 'CFScript',
  coffeescript: 'CoffeeScript', coffee: 'CoffeeScript', 'coffee-script': 'CoffeeScript', cs: 'C#', csharp: 'C#',
  erl: 'Erlang', graphql: 'GraphQL', haskell: 'Haskell', hs: 'Haskell', javascript: 'JavaScript', js: 'JavaScript',
  make: 'Makefile', mf: 'Makefile', gnumake: 'Makefile', bsdmake: 'Makefile', md: 'Markdown', mkd: 'Markdown',
  m: 'Matlab', objective_c: 'Objective-C', objc: 'Objective-C', 'obj-c': 'Objective-C', obj_c: 'Objective-C',
  objectivec: 'Objective-C', perl: 'Perl', pl: 'Perl', php: 'PHP', php3: 'PHP', php4: 'PHP', php5: 'PHP',
  plaintext: 'Text', text: 'Text', py: 'Python', rb: 'Ruby', rs: 'Rust', no_run: 'Rust', ignore: 'Rust',
  should_panic: 'Rust', bash: 'Shell', zsh: 'Shell', ksh: 'Shell', sh: 'Shell', st: 'Smalltalk', squeak: 'Smalltalk',
  tex: 'TeX', latex: 'LaTex', ts: 'TypeScript', typescript: 'TypeScript', vb: 'Visual Basic',
  visualbasic: 'Visual Basic', vue: 'Vue.js', vuejs: 'Vue.js', yml: 'YAML',
};
const kUpper = new Set(['css', 'html', 'scss', 'ssh', 'toml', 'xml', 'yaml']);
// Chirpy hides the line numbers of these (and of `.nolineno` boxes).
const kNoLineNumbers = new Set(['plaintext', 'text', 'console', 'terminal', '']);
const kCopiedMs = 2000;

/** The label Chirpy shows for a fence's language ('bash' → 'Shell', 'yaml' → 'YAML', 'go' → 'Go'). */
export function languageLabel(language) {
  const lang = String(language ?? '');
  if (kNames[lang]) return kNames[lang];
  if (kUpper.has(lang)) return lang.toUpperCase();
  return lang ? lang[0].toUpperCase() + lang.slice(1).toLowerCase() : 'Text';
}

const languageOf = (element) => element.className.match(/(?:^|\s)language-(\S+)/)?.[1] ?? '';

function icon(doc, name) {
  const i = doc.createElement('i');
  i.className = `dm-icon dm-icon-${name}`;
  i.setAttribute('aria-hidden', 'true');
  return i;
}

// <pre><code class="language-x"> inside a list item or quote → the box the top-level ones get.
function boxNested(pre) {
  const doc = pre.ownerDocument;
  const code = pre.querySelector(':scope > code');
  const lang = code ? languageOf(code) : '';
  const box = doc.createElement('div');
  box.className = `code-block${lang ? ` language-${lang}` : ''} lineno`;
  const header = doc.createElement('div');
  header.className = 'code-header';
  const label = doc.createElement('span');
  label.className = 'code-label';
  label.textContent = lang || 'text';
  header.append(label);
  pre.replaceWith(box);
  box.append(header, pre);
}

/** Finishes every code box under `root` (a preview block, before it enters the page); idempotent. */
export function decorateCodeBoxes(root) {
  for (const pre of root.querySelectorAll('pre')) {
    if (!pre.closest('.code-block') && pre.querySelector(':scope > code') && !pre.closest('.mermaid')) boxNested(pre);
  }
  const boxes = [...root.querySelectorAll('.code-block')];
  if (root.classList?.contains('code-block')) boxes.unshift(root);
  for (const box of boxes) {
    const header = box.querySelector(':scope > .code-header');
    const label = header?.querySelector('.code-label');
    if (!label || header.querySelector('button')) continue;
    const doc = box.ownerDocument;
    const lang = languageOf(box);
    const file = label.classList.contains('code-file');
    label.dataset.labelText = file ? label.textContent : languageLabel(lang);
    label.replaceChildren(icon(doc, file ? 'file' : 'code'));
    if (file) box.setAttribute('file', '');
    if (kNoLineNumbers.has(lang)) box.classList.remove('lineno');
    const button = doc.createElement('button');
    button.type = 'button';
    button.className = 'code-copy';
    button.setAttribute('aria-label', 'copy');
    button.title = 'Copy code';
    button.append(icon(doc, 'clipboard'));
    header.append(button);
  }
}

async function copyText(text, doc) {
  try {
    await navigator.clipboard.writeText(text);
    return true;
  } catch {
    // file:// pages and unfocused documents may refuse the async clipboard
    const area = doc.createElement('textarea');
    area.value = text;
    area.style.position = 'fixed';
    area.style.opacity = '0';
    doc.body.append(area);
    area.select();
    const done = doc.execCommand('copy');
    area.remove();
    return done;
  }
}

/** Makes the copy buttons under `container` copy their box's code (one listener, for every block to come). */
export function enableCopyButtons(container) {
  container.addEventListener('click', async (event) => {
    const button = event.target.closest?.('.code-header .code-copy');
    if (!button || !container.contains(button)) return;
    const code = button.closest('.code-block')?.querySelector('pre > code');
    if (!code) return;
    if (!(await copyText(code.textContent, container.ownerDocument))) return;
    button.setAttribute('timeout', '');
    button.title = 'Copied!';
    button.replaceChildren(icon(container.ownerDocument, 'check'));
    setTimeout(() => {
      button.removeAttribute('timeout');
      button.title = 'Copy code';
      button.replaceChildren(icon(container.ownerDocument, 'clipboard'));
    }, kCopiedMs);
  });
}
