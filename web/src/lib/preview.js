// Patches a rendered document into a container, touching only the blocks that changed.
//
// Each top-level block of a render result has a hash of its HTML (without data-line), so a
// block that merely moved because lines were added above keeps its hash. update() matches new
// blocks to the current DOM nodes by hash, in order; matched nodes stay the same objects (images
// do not reload, typeset math is kept, a selection in the preview survives) and only get their
// data-line refreshed. Unmatched blocks are sanitised, parsed and typeset; vanished ones removed.
//
// KaTeX is not imported here: the caller passes math.js as `math.engine` (the editor and
// renderInto() import it; <draftmark-preview> loads it on first use, so a page without math
// never downloads KaTeX). Without an engine, math spans stay as their TeX text.
import { ID_PREFIX, prefixIds } from './ids.js';
// Mermaid diagrams in new blocks are drawn afterwards (asynchronously: see diagrams.js).
import { hasDiagrams, renderDiagrams } from './diagrams.js';
import { inertDocument, parseSanitized } from './sanitize.js';
import { morphInto } from './morph.js';

// A changed block this long (HTML characters) is patched child by child when it can be (morph.js).
const kMorphMinLength = 4096;
// At most this many blocks changed in place at the start of an edit that also changed blocks
// further on (see #editWindows).
const kLeadingWindow = 4;
// Attributes the page puts on a block's node (here and in the editor's offscreen-blocks.js).
const kPageAttributes = ['data-line', 'data-far'];

// Parsed and sanitised in a template's inert document (nothing loads or runs there); the nodes
// enter the live document only when update() inserts them.
function parseBlock(html, unsafe, doc, idPrefix) {
  const holder = parseSanitized(html, inertDocument(doc), { unsafe });
  prefixIds(holder, idPrefix);  // the holder itself has no id
  const nodes = [...holder.childNodes].filter((n) => n.nodeType !== 3 || n.data.trim() !== '');
  if (nodes.length === 1 && nodes[0].nodeType === 1 && nodes[0].tagName !== 'IMG') return nodes[0];
  // Raw HTML blocks may hold several elements or bare text: one wrapper keeps "one block, one
  // node", which scroll sync and the patch both rely on (and gives a lone <img> a parent, so
  // `prepare` may replace it). The wrapper belongs to the template's inert document: adopting
  // an <img> into the live one would start loading it before `prepare` resolves its path.
  holder.replaceChildren(...nodes);
  holder.className = 'dm-block';
  return holder;
}

// The entry remembers what it last wrote: reading the attribute back from the DOM for every
// block of a large document cost more per keystroke than the changed block's parse.
function setLines(entry, block) {
  if (entry.lineStart === block.lineStart && entry.lineEnd === block.lineEnd) return;
  entry.lineStart = block.lineStart;
  entry.lineEnd = block.lineEnd;
  entry.node.setAttribute('data-line', `${block.lineStart}-${block.lineEnd}`);
}

/**
 * Keeps `container`'s children equal to the blocks of the latest render result.
 * Options: `unsafe` skips the sanitiser; `math` = `{engine, cache, macros}`: `engine` is the
 * math.js module (renderMath, definesMacros, createMathCache), absent = no typesetting; a cache
 * is created when none is given; `prepare(node)` is called on each new block node
 * before it enters the page (the editor points images at their files there); `idPrefix`
 * (default ID_PREFIX, 'user-content-') is put before every id and name and the `#` links to
 * them, so a post's ids cannot clobber the page's globals (ids.js; '' keeps them as they are).
 */
export class PreviewPatcher {
  #container;
  #unsafe;
  #macros;
  #cache;
  #engine;
  #prepare;
  #idPrefix;
  #entries = [];  // [{hash, node, problems, definesMacros, diagramProblems}] in document order
  #diagrams;
  #theme;
  #diagramsOn = false;
  #drawing = Promise.resolve();
  #deferFrom;
  #pending = new Map();  // placeholder node -> its entry (see #deferrable)
  #removed = [];  // the block nodes the current update() took out
  #nodes = null;  // the nodes getter's list, until the entries change

  constructor(container, { unsafe = false, math = {}, prepare = null, idPrefix = ID_PREFIX, diagrams = true, theme = null,
    deferFrom = Infinity } = {}) {
    this.#container = container;
    this.#deferFrom = deferFrom;
    // Copy and export read the page: every block must be there (export-html.js asks).
    container.addEventListener('draftmark:materialize', () => this.materializeAll());
    this.#idPrefix = idPrefix;
    this.#diagrams = Boolean(diagrams);
    this.#theme = theme;
    this.#prepare = prepare;
    this.#unsafe = Boolean(unsafe);
    this.#macros = math.macros ?? {};
    this.#engine = math.engine ?? null;
    this.#cache = math.cache ?? this.#engine?.createMathCache() ?? null;
  }

  /**
   * The real nodes for `nodes` (block nodes of this container): a placeholder is parsed and put
   * in its place (see the `deferFrom` option), other nodes are returned as they are. Dispatches
   * `draftmark:materialized` on the container with `{replaced: [[placeholder, node], ...]}`.
   * @param {Node[]} nodes
   * @returns {Node[]}
   */
  materialize(nodes) {
    const replaced = [];
    const real = nodes.map((node) => {
      const entry = this.#pending.get(node);
      if (!entry) return node;
      this.#pending.delete(node);
      const parsed = this.#parse(entry.pendingHtml, this.#container.ownerDocument);
      entry.pendingHtml = null;
      entry.node = parsed;
      parsed.setAttribute('data-line', `${entry.lineStart}-${entry.lineEnd}`);
      if (node.parentNode) node.replaceWith(parsed);
      replaced.push([node, parsed]);
      return parsed;
    });
    if (replaced.length) {
      this.#nodes = null;
      // The page keeps state about its blocks (the editor's offscreen-blocks.js): [[old, new], ...].
      this.#container.dispatchEvent(new CustomEvent('draftmark:materialized', { detail: { replaced } }));
    }
    return real;
  }

  /** Puts every placeholder's block in its place (what the page shows is then all there). */
  materializeAll() {
    if (this.#pending.size) this.materialize([...this.#pending.keys()]);
  }

  /** A placeholder's block HTML (to estimate its size), or null for a real block node. */
  pendingHtml(node) {
    return this.#pending.get(node)?.pendingHtml ?? null;
  }

  /** The block nodes currently shown, in document order (the container's children; do not modify). */
  get nodes() {
    this.#nodes ??= this.#entries.map((e) => e.node);  // asked every frame by the editor (offscreen-blocks.js)
    return this.#nodes;
  }

  /**
   * Takes over the blocks another patcher of the same container shows (the offline file's
   * first preview, drawn before the editor ran: web/src/editor/first-preview.js) instead of
   * starting from an empty container. `finished(node, i)`: whether block i shows what this
   * patcher would make of it (nothing of it left to prepare, typeset or draw); the next
   * update() keeps those nodes as its own and parses the others again, replacing them.
   */
  adopt(earlier, finished) {
    // A hash no block has: such an entry matches nothing, so update() removes its node.
    this.#entries = earlier.#entries.map((entry, i) => (finished(entry.node, i) ? entry : { ...entry, hash: null }));
    earlier.#entries = [];
    this.#nodes = null;
    earlier.#nodes = null;
  }

  /**
   * Applies a render result (from draftmark.js render()). Returns the math problems of the
   * whole document (see renderMath), with lines as of this result. Dispatches
   * `draftmark:rendered` on the container with `{result, mathProblems, added, removed, kept}`
   * (`added`: the new block nodes; `removed`: the block nodes taken out).
   * @param {{blocks: {lineStart:number, lineEnd:number, hash:number, html:string}[]}} result
   * @returns {object[]}
   */
  update(result) {
    const doc = this.#container.ownerDocument;
    const fresh = [];
    this.#removed = [];
    this.#nodes = null;
    const edits = this.#editWindows(result.blocks);
    if (edits) {
      // Only the blocks in the edits' windows are matched and placed; the others are the same
      // nodes, whose lines may have moved. The last window first: the earlier ones' indices
      // stay those of the entries.
      let entries = this.#entries;
      for (const { first, replaced, count } of edits.reverse()) {
        const window = this.#match(entries.slice(first, first + replaced), result.blocks.slice(first, first + count), doc, fresh);
        // Placed from the last: a node already in place is not moved (an iframe would reload).
        let after = entries[first + replaced]?.node ?? null;
        for (let i = window.length - 1; i >= 0; i--) {
          const { node } = window[i];
          if (node.parentNode !== this.#container || node.nextSibling !== after) this.#container.insertBefore(node, after);
          after = node;
        }
        entries = entries.slice(0, first).concat(window, entries.slice(first + replaced));
      }
      for (let i = 0; i < entries.length; i++) setLines(entries[i], result.blocks[i]);
      this.#entries = entries;
    } else {
      const next = this.#match(this.#entries, result.blocks, doc, fresh);
      this.#place(next);
      this.#entries = next;
    }

    const mathProblems = this.#typesetMath(fresh);
    const diagramsOn = this.#diagrams && diagramsWanted(result);
    if (diagramsOn !== this.#diagramsOn) {
      this.#diagramsOn = diagramsOn;
      this.#drawDiagrams(this.#entries, !diagramsOn);
    } else if (diagramsOn) {
      this.#drawDiagrams(fresh, false);
    }
    this.#container.dispatchEvent(new CustomEvent('draftmark:rendered', {
      detail: { result, mathProblems, added: fresh.map((e) => e.node), removed: this.#removed, kept: this.#entries.length - fresh.length },
    }));
    return mathProblems;
  }

  // The windows where the result differs from what is shown ([{first, replaced, count}] in
  // order: blocks [first, first + count) replace the entries [first, first + replaced)): all
  // but the blocks equal by hash at the start and at the end — and, in a Chirpy post, its
  // header apart: it holds the word count, so most edits change it as well as the blocks around
  // the edit, and one window over both was the whole page (~40 ms a key in a 1 MB post). Null
  // when most of the page differs (a new document): update() then matches everything.
  #editWindows(blocks) {
    const old = this.#entries;
    const most = Math.min(old.length, blocks.length);
    let first = 0;
    while (first < most && old[first].hash === blocks[first].hash) first++;
    let last = 0;
    while (last < most - first && old[old.length - 1 - last].hash === blocks[blocks.length - 1 - last].hash) last++;
    if (!old.length) return null;
    if (first + last >= most / 2) return [{ first, count: blocks.length - first - last, replaced: old.length - first - last }];
    // A few blocks changed in place at `first`, then the same blocks again for most of the page.
    let same = first;
    while (same < first + kLeadingWindow && same < most && old[same].hash !== blocks[same].hash) same++;
    let resume = same;
    while (resume < most - last && old[resume].hash === blocks[resume].hash) resume++;
    if (same === first || first + (resume - same) + last < most / 2) return null;
    return [{ first, count: same - first, replaced: same - first },
      { first: resume, count: blocks.length - resume - last, replaced: old.length - resume - last }];
  }

  // A long block changed in place (the old one at its index goes): the old entry's node is
  // brought to the new one's content by swapping only the children that differ (morph.js), so
  // the page lays out only those. Not for blocks with math or diagrams: their typeset state and
  // problems belong to the whole block. True when `entry` now shows `block` (`node` is used up).
  #morph(entry, block, node) {
    const { html } = block;
    if (html.length < kMorphMinLength || typesetLater(html)
      || !morphInto(entry.node, node, kPageAttributes)) return false;
    Object.assign(entry, { hash: block.hash, problems: [], diagramProblems: [], definesMacros: false, numbers: false });
    return true;
  }

  // A block's node, sanitised, parsed and prepared (its images pointed at their files).
  #parse(html, doc) {
    const node = parseBlock(html, this.#unsafe, doc, this.#idPrefix);
    try {
      this.#prepare?.(node);
    } catch (error) {
      console.warn('draftmark: preparing a preview block failed', error);  // the block still shows
    }
    return node;
  }

  // The entries for `blocks`: `old` entries reused by hash, in order, new ones parsed (and
  // pushed to `fresh`); old entries left over are removed from the page. When as many blocks
  // come as go, a changed one may be patched into the old node at its index (#morph).
  #match(old, blocks, doc, fresh) {
    const waiting = new Map();  // hash -> old entries not yet reused, in order
    for (const entry of old) {
      const list = waiting.get(entry.hash);
      if (list) list.push(entry); else waiting.set(entry.hash, [entry]);
    }
    const kept = old.length === blocks.length ? new Set(blocks.map((b) => b.hash)) : null;
    // A long new document: blocks far from what is read first wait as empty placeholders until
    // the page asks for them (materialize()). Parsing, sanitising and highlighting all ~3,600
    // blocks of a 1 MB post before its first frame took ~2 s.
    const defer = blocks.length >= this.#deferFrom && old.length < blocks.length / 2;
    const next = [];
    for (const [i, block] of blocks.entries()) {
      let entry = waiting.get(block.hash)?.shift();
      if (!entry && defer && deferrable(block.html)) {
        entry = { hash: block.hash, node: doc.createElement('div'), pendingHtml: block.html, problems: [], diagramProblems: [],
          definesMacros: false, numbers: false };
        this.#pending.set(entry.node, entry);
        fresh.push(entry);
      } else if (!entry) {
        const node = this.#parse(block.html, doc);
        const inPlace = old[i];  // replaced by this block if no other block keeps it
        const list = kept && !kept.has(inPlace.hash) && !inPlace.pendingHtml ? waiting.get(inPlace.hash) : null;
        if (list?.includes(inPlace) && this.#morph(inPlace, block, node)) {
          list.splice(list.indexOf(inPlace), 1);
          entry = inPlace;
        } else {
          entry = { hash: block.hash, node, problems: [], diagramProblems: [],
            definesMacros: block.html.includes('math') && Boolean(this.#engine?.definesMacros(block.html)),
            numbers: block.html.includes('math') && Boolean(this.#engine?.usesEquationNumbers?.(block.html)) };
        }
        fresh.push(entry);  // a patched node's content is new too: draftmark:rendered lists it as added
      }
      setLines(entry, block);
      next.push(entry);
    }
    for (const list of waiting.values()) for (const entry of list) this.#remove(entry);
    return next;
  }

  #remove(entry) {
    this.#removed.push(entry.node);
    entry.node.remove();
    if (entry.pendingHtml) this.#pending.delete(entry.node);
  }

  // Puts the nodes of `entries` in order as the container's children. Reused nodes keep their
  // relative order in the usual edits, so only new nodes are inserted; a node is moved only
  // when blocks were reordered.
  #place(entries) {
    const wanted = new Set(entries.map((e) => e.node));
    let cursor = this.#container.firstChild;
    for (const entry of entries) {
      while (cursor && cursor !== entry.node && !wanted.has(cursor)) {
        const stray = cursor;  // not ours (someone else's node): the container is the blocks
        cursor = cursor.nextSibling;
        stray.remove();
      }
      if (cursor === entry.node) cursor = cursor.nextSibling;
      else this.#container.insertBefore(entry.node, cursor);
    }
    while (cursor) {
      const stray = cursor;
      cursor = cursor.nextSibling;
      stray.remove();
    }
  }

  /**
   * The diagram problems of the blocks shown, as diagnostics ({line, column, severity, code,
   * message}, lines as of the last update). Complete once `diagramsDrawn` resolves.
   */
  get diagramProblems() {
    if (!this.#diagramsOn) return [];  // none drawn (asked after every render: a long post's entries are many)
    return this.#entries.flatMap((e) => e.diagramProblems.map((p) => ({
      line: e.lineStart + p.lineOffset, column: 1, severity: 'error', code: 'mermaid', message: p.message,
    })));
  }

  /** Resolves when the diagrams of every update so far are drawn. */
  get diagramsDrawn() {
    return this.#drawing;
  }

  /** Draws every diagram again (the theme changed). */
  redrawDiagrams() {
    if (this.#diagramsOn) this.#drawDiagrams(this.#entries, false);
  }

  #drawDiagrams(entries, undo) {
    const jobs = [];
    for (const entry of entries) {
      if (undo) {
        const boxes = [...entry.node.querySelectorAll('.dm-diagram')];
        if (entry.node.classList.contains('dm-diagram')) boxes.push(entry.node);
        for (const box of boxes) {
          box.classList.remove('dm-diagram');
          box.querySelector(':scope > .mermaid')?.remove();
        }
        entry.diagramProblems = [];
        continue;
      }
      if (!hasDiagrams(entry.node)) continue;
      jobs.push(renderDiagrams(entry.node, { theme: this.#theme?.() }).then((problems) => {
        entry.diagramProblems = problems;
      }));
    }
    if (jobs.length === 0) return;
    const drawing = Promise.all([this.#drawing, ...jobs]).then(() => {
      if (this.#drawing !== drawing) return;
      this.#container.dispatchEvent(new CustomEvent('draftmark:diagrams', { detail: { problems: this.diagramProblems } }));
    });
    this.#drawing = drawing;
  }

  #typesetMath(fresh) {
    if (!this.#engine) return [];
    const { renderMath } = this.#engine;
    if (this.#entries.some((e) => e.definesMacros)) {
      // Macros defined in one block reach formulas in later ones: typeset the whole document
      // in order, uncached (only posts that use \def/\newcommand pay for it).
      for (const entry of this.#entries) entry.problems = [];
      const numbered = this.#entries.some((e) => e.numbers) && this.#engine.equationPlan
        ? this.#engine.equationPlan(this.#container).numbered : null;
      return renderMath(this.#container, { cache: null, macros: this.#macros, again: true, numbered });
    }
    if (this.#entries.some((e) => e.numbers) && this.#engine.equationPlan) return this.#typesetNumbered(fresh);
    for (const entry of fresh) {
      entry.problems = renderMath(entry.node, { cache: this.#cache, macros: this.#macros });
    }
    return entryProblems(this.#entries, (e) => e.problems);
  }

  // Equation numbers run through the document (Chirpy's MathJax numbers them): every block is
  // checked, and a formula kept from the last update is typeset again only if its number or a
  // reference in it changed.
  #typesetNumbered(fresh) {
    const { renderMath, equationPlan } = this.#engine;
    const plan = equationPlan(this.#container);
    const isFresh = new Set(fresh);
    const options = { cache: this.#cache, macros: this.#macros, numbered: plan.numbered };
    for (const entry of this.#entries) {
      if (isFresh.has(entry)) {
        entry.problems = renderMath(entry.node, options);
      } else if (entry.numbers && [...entry.node.querySelectorAll('.math.inline, .math.display')]
        .some((el) => (el.dataset.typesetAs ?? el.dataset.tex) !== plan.numbered.get(el))) {
        entry.problems = renderMath(entry.node, { ...options, again: true });
      }
      entry.referenceProblems = plan.problems.filter((p) => entry.node.contains(p.element)).map((p) => ({
        line: 0, column: 0, severity: 'warning', code: 'math', message: p.message, tex: p.element.dataset.tex ?? '',
      }));
    }
    return entryProblems(this.#entries, (e) => (e.referenceProblems?.length ? [...e.problems, ...e.referenceProblems] : e.problems));
  }
}

// The problems of every entry (`of(entry)`), on its first line. A loop, not flatMap: called
// per keystroke, over every block of a long post (nearly all without problems).
function entryProblems(entries, of) {
  const list = [];
  for (const entry of entries) {
    const problems = of(entry);
    for (let i = 0; i < problems.length; i++) list.push({ ...problems[i], line: entry.lineStart });
  }
  return list;
}

// A block that may wait as a placeholder: no math, diagram or heading (the problems list, the
// equation numbers and the outline read those from the page at once).
function deferrable(html) {
  return !html.startsWith('<h') && !typesetLater(html);
}

// A block with math or a diagram: typeset or drawn after it is parsed, as a whole.
function typesetLater(html) {
  return html.includes('class="math') || html.includes('language-mermaid');
}

// Chirpy draws diagrams only with `mermaid: true` in the front matter; GitHub always does.
function diagramsWanted(result) {
  if (result.mode === 'jekyll') return Boolean(result.frontMatter?.mermaid);
  return result.mode === 'gfm';
}

/**
 * An element kept patched across renders, for renderInto() and <draftmark-preview>: one
 * PreviewPatcher, rebuilt (and the element emptied) when `unsafe` changes, since nodes
 * sanitised under one policy must not survive under the other.
 */
export class PatchedElement {
  #element;
  #patcher = null;
  #unsafe = false;

  constructor(element) {
    this.#element = element;
  }

  /** Patches `result` in; returns its math problems. `math` is used when the patcher is (re)built. */
  update(result, { unsafe = false, math = {} } = {}) {
    if (!this.#patcher || this.#unsafe !== unsafe) {
      this.#element.replaceChildren();
      this.#patcher = new PreviewPatcher(this.#element, { unsafe, math });
      this.#unsafe = unsafe;
    }
    return this.#patcher.update(result) ?? [];
  }
}
