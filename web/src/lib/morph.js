// Brings a long block shown in the page to a freshly parsed copy of it by swapping only the
// children that differ. Typing into one note of a post's footnote list (or one item of a long
// list) changes one <li> of hundreds: replacing the whole block made the browser style, lay out
// and paint all of them again on every keystroke (a 1 MB post's 458 notes: ~60 ms a key).

/** True when `a` and `b` are elements with the same tag and the same attributes (but `own`). */
function sameShell(a, b, own = []) {
  if (a.nodeType !== 1 || b.nodeType !== 1 || a.tagName !== b.tagName) return false;
  const mine = (attributes) => [...attributes].filter(({ name }) => !own.includes(name));
  const attributes = mine(a.attributes);
  if (attributes.length !== mine(b.attributes).length) return false;
  for (const { name, value } of attributes) if (b.getAttribute(name) !== value) return false;
  return true;
}

/**
 * Makes `live`'s content equal to `fresh`'s (`fresh` is consumed: its differing children move
 * into `live`). Descends while a single child differs on both sides and it has the same shell.
 * Returns false, touching nothing, when `live` and `fresh` are not the same shell; `own` names
 * attributes of `live` itself that the page keeps there (data-line…), not compared.
 */
export function morphInto(live, fresh, own = []) {
  if (!sameShell(live, fresh, own)) return false;
  for (;;) {
    const before = live.childNodes;
    const after = fresh.childNodes;
    let start = 0;
    while (start < before.length && start < after.length && before[start].isEqualNode(after[start])) start++;
    let end = 0;
    while (end < before.length - start && end < after.length - start
      && before[before.length - 1 - end].isEqualNode(after[after.length - 1 - end])) end++;
    const removed = before.length - start - end;
    const added = after.length - start - end;
    if (removed === 1 && added === 1 && sameShell(before[start], after[start])) {
      live = before[start];
      fresh = after[start];
      continue;
    }
    const anchor = before[start + removed] ?? null;  // taken before the nodes go
    for (let i = 0; i < removed; i++) before[start].remove();
    const incoming = Array.prototype.slice.call(after, start, start + added);
    for (const node of incoming) live.insertBefore(node, anchor);
    return true;
  }
}
