// The preview's ids live in their own namespace. An element id in a page is also a property of
// `window` (and, for some elements, of `document`): a post with `{: #location }`, a heading id
// `alert` or a footnote id could shadow a global the page relies on (DOM clobbering). Every id
// and name a preview block carries is prefixed, and the same-page links, label `for` and ARIA
// references that point at them follow, so anchors, footnotes (#fn:1 / #fnref:1) and a TOC
// still work. What leaves the editor (Copy HTML, Export HTML, render()) has the post's real ids:
// unprefixIds() undoes it on a copy.
//
// DOMPurify's SANITIZE_NAMED_PROPS prefixes ids and names the same way, but only with
// SANITIZE_DOM (which drops ids such as "title" that the post's anchors link to), it leaves
// href="#…" pointing at the old names, and it does not run in unsafe mode.

/** The prefix GitHub uses for the same reason. */
export const ID_PREFIX = 'user-content-';

const REFS = ['aria-labelledby', 'aria-describedby', 'aria-controls', 'aria-owns', 'aria-details'];

function mapAttributes(root, change) {
  const elements = root.nodeType === 1 ? [root, ...root.querySelectorAll('*')] : [...root.querySelectorAll('*')];
  for (const el of elements) {
    for (const name of ['id', 'name', 'for']) {
      const value = el.getAttribute(name);
      if (value) el.setAttribute(name, change(value));
    }
    for (const name of REFS) {
      const value = el.getAttribute(name);
      if (value) el.setAttribute(name, value.split(/\s+/).filter(Boolean).map(change).join(' '));
    }
    const href = el.getAttribute('href');
    // The prefix is plain ASCII, so adding it to the fragment as written (encoded or not) names
    // the prefixed id, and removing it gives back the href exactly.
    if (href && href.length > 1 && href[0] === '#') el.setAttribute('href', `#${change(href.slice(1))}`);
  }
}

/** Prefixes every id/name under `root` (and `root` itself) and the same-page references to them. */
export function prefixIds(root, prefix = ID_PREFIX) {
  if (!prefix) return;
  mapAttributes(root, (value) => prefix + value);
}

/** Undoes prefixIds() (on a copy of the preview, for the HTML that leaves the editor). */
export function unprefixIds(root, prefix = ID_PREFIX) {
  if (!prefix) return;
  mapAttributes(root, (value) => (value.startsWith(prefix) ? value.slice(prefix.length) : value));
}
