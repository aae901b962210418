// Runs of consecutive far blocks kept as one box (offscreen-blocks.js decides which blocks are
// far). Skipped blocks (`content-visibility: hidden`) were still one box and one paint layer
// each: in a 1 MB post's ~3,600 blocks every keystroke's layout, compositing update and hover
// hit test visited them all (a one-character change: a 2.2 ms forced layout with them, 0.1 ms
// without). So a run's first block (its head, `data-far="head"`) is a skipped box as tall as
// the whole run and ends with the margin of its last block; the others (`data-far="fold"`)
// are `display: none` (editor.css). What is below a run stays where it was.
//
// Each folded block keeps where it was when it was folded: `off` (its top in its run's own
// coordinates), `height` and `mb` (its margin-bottom, which collapses with the next block's
// top margin). So a run can be split or joined without laying anything out, and scroll sync
// still finds the position of a block that has no box (rectOf()).
//
// Changes are made in memory and written to the page by commit(), so that a pass which folds
// blocks reads every position it needs before it writes anything (one layout per frame).

const kSize = '--dm-run-size';
const kMargin = '--dm-run-margin';
/** The style properties the page puts on a head (export-html.js removes them). */
export const kRunStyles = [kSize, kMargin];

export class FoldedRuns {
  #runOf = new Map();    // folded block -> its run ({nodes: [...] in document order})
  #geometry = new Map(); // folded block -> {off, height, mb}
  #tops = new Map();     // run -> viewport top of its head, read once per pass (see add())
  #dirty = new Set();    // runs whose head or extent changed since the last commit
  #changed = new Set();  // blocks whose state (head, fold, unfolded) may have changed
  #fresh = new Set();    // of those, blocks put in the page since the last layout (no boxes yet)

  has(node) {
    return this.#runOf.has(node);
  }

  /** Whether `node` is the first block of its run (the one with a box). */
  isHead(node) {
    return this.#runOf.get(node)?.nodes[0] === node;
  }


  /** Every folded block (in no particular order). */
  nodes() {
    return this.#runOf.keys();
  }

  /** Where a folded block would be ({top, bottom}, viewport coordinates): from its head's box. */
  rectOf(node) {
    const run = this.#runOf.get(node);
    const head = run.nodes[0];
    const { off, height } = this.#geometry.get(node);
    const top = head.getBoundingClientRect().top + off - this.#geometry.get(head).off;
    return { top, bottom: top + height };
  }

  /** Starts a pass: positions read from the page before it are forgotten. */
  begin() {
    this.#tops.clear();
  }

  /**
   * Folds `items` ({node, top, height, mb}: viewport geometry read in this pass, before any
   * write; in document order), joining them with the runs beside them.
   */
  add(items) {
    for (const { node, top, height, mb } of items) {
      if (this.#runOf.has(node)) continue;
      const before = node.previousElementSibling;
      let run = before && this.#runOf.get(before);
      if (run) {
        const head = run.nodes[0];
        this.#geometry.set(node, { off: this.#geometry.get(head).off + top - this.#top(run), height, mb });
        run.nodes.push(node);
      } else {
        run = { nodes: [node] };
        this.#tops.set(run, top);
        this.#geometry.set(node, { off: 0, height, mb });
      }
      this.#runOf.set(node, run);
      this.#changed.add(node);
      this.#dirty.add(run);
      const after = node.nextElementSibling;
      const next = after && this.#runOf.get(after);
      if (next && next !== run) this.#join(run, next);
    }
  }

  /**
   * Unfolds `nodes` (those folded): each run they were in is split around them. `measured`:
   * positions may be read (the page is laid out and nothing was written in this pass).
   */
  remove(nodes, { measured = false } = {}) {
    const byRun = new Map();
    for (const node of nodes) {
      const run = this.#runOf.get(node);
      if (!run) continue;
      if (!byRun.has(run)) byRun.set(run, new Set());
      byRun.get(run).add(node);
    }
    for (const [run, gone] of byRun) this.#split(run, gone, measured);
  }

  /** Forgets every run, writing nothing (their blocks left the page). */
  forget() {
    this.#runOf.clear();
    this.#geometry.clear();
    this.#tops.clear();
    this.#dirty.clear();
    this.#changed.clear();
    this.#fresh.clear();
  }

  /**
   * Blocks of `added` that took the place of a folded block of `removed` (the patcher replaced
   * it: a far block changed, such as Chirpy's header, which holds the word count) take its
   * place in its run too, folded at its size. Returns them.
   */
  substitute(removed, added) {
    const taken = [];
    for (const old of removed) {
      const run = this.#runOf.get(old);
      if (!run) continue;
      const i = run.nodes.indexOf(old);
      const before = run.nodes[i - 1] ?? null;
      const after = run.nodes[i + 1] ?? null;
      if (!before && !after) continue;
      const real = added.find((node) => !this.#runOf.has(node) && (!after || node.nextElementSibling === after)
        && (!before || node.previousElementSibling === before));
      if (!real) continue;
      this.replace([[old, real]]);
      taken.push(real);
    }
    return taken;
  }

  /** `replaced` (old node -> new node): the patcher put a parsed block in a placeholder's place. */
  replace(replaced) {
    for (const [old, real] of replaced) {
      const run = this.#runOf.get(old);
      if (!run) continue;
      run.nodes[run.nodes.indexOf(old)] = real;
      this.#runOf.delete(old);
      this.#runOf.set(real, run);
      this.#geometry.set(real, this.#geometry.get(old));
      this.#geometry.delete(old);
      this.#changed.add(real);
      this.#fresh.add(real);
      this.#dirty.add(run);
    }
  }

  /** Unfolds every block; returns them. */
  clear() {
    const nodes = [...this.#runOf.keys()];
    this.remove(nodes);
    return nodes;
  }

  /**
   * Writes the changes to the page: heads sized, the rest of each run hidden, unfolded
   * blocks back to normal. A block shown until now that becomes a head first loses its boxes
   * (see dropBoxes).
   */
  commit() {
    const shownBefore = [];
    for (const node of this.#changed) {
      const run = this.#runOf.get(node);
      const state = !run ? null : run.nodes[0] === node ? 'head' : 'fold';
      const was = node.getAttribute('data-far');
      // A block skipped since it came ('') or new in the page never had boxes.
      if (state === 'head' && was === null && !this.#fresh.has(node)) shownBefore.push(node);
      if (state !== 'head' && was === 'head') {
        for (const name of kRunStyles) node.style.removeProperty(name);
        if (!node.getAttribute('style')) node.removeAttribute('style');
      }
      if (state === null) {
        if (was !== null) node.removeAttribute('data-far');
      } else if (was !== state) {
        node.setAttribute('data-far', state);
      }
    }
    dropBoxes(shownBefore);
    for (const run of this.#dirty) {
      if (!run.nodes.length) continue;
      const head = this.#geometry.get(run.nodes[0]);
      const last = this.#geometry.get(run.nodes.at(-1));
      run.nodes[0].style.setProperty(kSize, `${last.off + last.height - head.off}px`);
      run.nodes[0].style.setProperty(kMargin, `${last.mb}px`);
    }
    this.#changed.clear();
    this.#dirty.clear();
    this.#fresh.clear();
  }

  // The viewport top of a run's head as the page was laid out when the pass began (a run
  // made or changed in this pass has it recorded).
  #top(run) {
    let top = this.#tops.get(run);
    if (top === undefined) {
      top = run.nodes[0].getBoundingClientRect().top;
      this.#tops.set(run, top);
    }
    return top;
  }

  // `first` and `second` are adjacent: one run. The smaller one's blocks move to the bigger
  // one's coordinates (scrolling moves a block or two between a run of thousands and the view).
  #join(first, second) {
    const tops = new Map([[first, this.#top(first)], [second, this.#top(second)]]);
    const [into, from] = first.nodes.length >= second.nodes.length ? [first, second] : [second, first];
    // A position in `from` -> in `into`: the same viewport top.
    const shift = (tops.get(from) - this.#geometry.get(from.nodes[0]).off)
      - (tops.get(into) - this.#geometry.get(into.nodes[0]).off);
    for (const node of from.nodes) {
      this.#geometry.get(node).off += shift;
      this.#runOf.set(node, into);
    }
    this.#changed.add(second.nodes[0]);  // no longer a head
    into.nodes = first === into ? into.nodes.concat(from.nodes) : from.nodes.concat(into.nodes);
    this.#tops.set(into, tops.get(first));
    this.#tops.delete(from);
    this.#dirty.delete(from);
    this.#dirty.add(into);
  }

  // Takes `gone` out of `run`; what is left of it becomes one run per stretch between them.
  #split(run, gone, measured) {
    const top = measured ? this.#top(run) : this.#tops.get(run);
    const headOff = this.#geometry.get(run.nodes[0]).off;
    const parts = [[]];
    for (const node of run.nodes) {
      if (gone.has(node)) {
        this.#runOf.delete(node);
        this.#geometry.delete(node);
        this.#changed.add(node);
        if (parts.at(-1).length) parts.push([]);
      } else {
        parts.at(-1).push(node);
      }
    }
    this.#tops.delete(run);
    this.#dirty.delete(run);
    for (const nodes of parts) {
      if (!nodes.length) continue;
      // The first stretch keeps the run object; the others are new runs.
      const part = nodes === parts[0] ? run : { nodes };
      part.nodes = nodes;
      if (part !== run) for (const node of nodes) this.#runOf.set(node, part);
      this.#changed.add(nodes[0]);
      this.#dirty.add(part);
      if (top !== undefined) this.#tops.set(part, top + this.#geometry.get(nodes[0]).off - headOff);
    }
  }
}

// A skipped box keeps the boxes its content had when it was shown, and every later layout of
// the preview paid for them. So a block shown until now loses its box for one style update
// (`data-far="drop"`: display: none), which drops its content's boxes, before it becomes a head.
function dropBoxes(nodes) {
  if (!nodes.length) return;
  for (const node of nodes) node.setAttribute('data-far', 'drop');
  void getComputedStyle(nodes[0]).display;  // the style update (no layout)
  for (const node of nodes) node.setAttribute('data-far', 'head');
}
