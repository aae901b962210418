// Mermaid diagrams in the preview, as Chirpy draws them: a ```mermaid fence becomes the diagram,
// themed 'default' in light and 'dark' in dark (Chirpy's mermaid loader uses that pair).
//
// Mermaid is ~3 MB of JS, so it is loaded only when a post has a diagram, by the loader set with
// setMermaidLoader(): by default dist/draftmark-mermaid.js, fetched next to this module; the
// offline single file inflates its own compressed copy (web/src/editor/mermaid-inline.js).
// The code box stays in the block (its code hidden), so the diagram can be redrawn when the theme changes;
// the patcher only hands new blocks here, so an unchanged diagram is never drawn again.

const kThemes = { light: 'default', dark: 'dark' };

// dist/draftmark-mermaid.js sits at dist/'s top; this module may be bundled into an entry there
// (the editor's app.js) or into a shared chunk under dist/chunks/ (the module and the element).
const kMermaidUrl = new URL(import.meta.url.includes('/chunks/') ? '../draftmark-mermaid.js' : './draftmark-mermaid.js',
  import.meta.url).href;
let loader = () => import(kMermaidUrl);
let loading = null;
let queue = Promise.resolve();  // mermaid.render() is not re-entrant: one diagram at a time
let counter = 0;

/** Replaces how mermaid is loaded: `load()` resolves to the mermaid module (or its default export). */
export function setMermaidLoader(load) {
  loader = load;
  loading = null;
}

function loadMermaid() {
  loading ??= Promise.resolve().then(() => loader()).then((m) => m.default ?? m);
  loading.catch(() => { loading = null; });  // a later diagram retries
  return loading;
}

/** The mermaid sources under `root`: [{code, box}] where `box` is the code box to hide. */
export function findDiagrams(root) {
  const codes = [...root.querySelectorAll('code.language-mermaid')];
  if (root.matches?.('code.language-mermaid')) codes.unshift(root);
  return codes.map((code) => ({ code, box: code.closest('.code-block') ?? code.closest('pre') ?? code }));
}

// "Parse error on line 3:" (jison grammars) or "line: 3" (langium ones) → 3, counted in the diagram.
function errorLine(error) {
  const hashLine = error?.hash?.loc?.first_line ?? error?.hash?.line;
  if (Number.isInteger(hashLine)) return hashLine + (error.hash.loc ? 0 : 1);
  const match = String(error?.message ?? error).match(/\bline:?\s+(\d+)/i);
  return match ? Number(match[1]) : 1;
}

function themeOf(node) {
  const marked = node.closest?.('[data-theme]')?.dataset.theme;
  if (marked === 'dark' || marked === 'light') return marked;
  return node.ownerDocument.defaultView?.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

async function drawOne(mermaid, { code, box }, theme) {
  const doc = box.ownerDocument;
  // The diagram goes inside the box (a preview block stays one node), whose code CSS hides.
  let target = box.querySelector(':scope > .mermaid');
  if (!target) {
    target = doc.createElement('div');
    target.className = 'mermaid';
    box.append(target);
  }
  box.classList.add('dm-diagram');
  mermaid.initialize({ startOnLoad: false, theme: kThemes[theme], securityLevel: 'strict' });
  const id = `dm-mermaid-${++counter}`;
  try {
    const { svg } = await mermaid.render(id, code.textContent);
    target.classList.remove('dm-diagram-error');
    target.innerHTML = svg;
    return null;
  } catch (error) {
    doc.getElementById(id)?.remove();  // mermaid leaves its scratch element behind on errors
    doc.getElementById(`d${id}`)?.remove();
    const message = String(error?.message ?? error).trim();
    target.classList.add('dm-diagram-error');
    const pre = doc.createElement('pre');
    pre.textContent = message;
    target.replaceChildren(pre);
    // Jison's "Parse error on line N:" counts lines its own way and is followed by the source
    // and a caret; the last line ("Expecting …, got …") says what is wrong.
    const lines = message.split('\n').filter((l) => l.trim());
    const summary = /^Parse error on line/i.test(lines[0] ?? '') && lines.length > 1 ? lines.at(-1) : lines[0];
    return { lineOffset: errorLine(error), message: `Mermaid: ${summary ?? 'the diagram could not be drawn'}` };
  }
}

/**
 * Draws the mermaid diagrams under `root` (a preview block). Resolves to their problems as
 * [{lineOffset, message}] (`lineOffset`: the line inside the diagram, 1 = the fence's next line),
 * or [] when there are none. If mermaid cannot be loaded the code boxes stay as they are.
 * @param {Element} root
 * @param {{theme?: 'light'|'dark'}} [options]
 */
export function renderDiagrams(root, { theme } = {}) {
  const diagrams = findDiagrams(root);
  if (diagrams.length === 0) return Promise.resolve([]);
  const job = queue.then(async () => {
    let mermaid;
    try {
      mermaid = await loadMermaid();
    } catch (error) {
      console.warn('draftmark: mermaid could not be loaded; diagrams show as code', error);
      return [];
    }
    const problems = [];
    for (const diagram of diagrams) {
      if (!diagram.code.isConnected && !root.contains(diagram.code)) continue;
      const problem = await drawOne(mermaid, diagram, theme ?? themeOf(root.isConnected ? root : diagram.box));
      if (problem) problems.push(problem);
    }
    return problems;
  });
  queue = job.catch(() => {});
  return job;
}

/** True when `root` holds a mermaid source (cheap: no load). */
export function hasDiagrams(root) {
  return findDiagrams(root).length > 0;
}
