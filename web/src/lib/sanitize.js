// The HTML sanitiser between the renderer and the page. The core already neutralises dangerous
// URLs in Markdown links, but raw HTML inside a post is passed through, so every preview path
// (editor, <draftmark-preview>, renderInto) runs its HTML through here first.
//
// The policy follows GitHub's: HTML elements only (no SVG/MathML — KaTeX's MathML is added
// after sanitising), no scripts, frames, plugins, forms or document-level elements, no event
// handlers, no inline styles, and only http(s)/mailto/relative URLs. Our own markup (data-line,
// class, id, task-list checkboxes, details/summary, image sizes) is kept.
import DOMPurify from 'dompurify';

const FORBID_TAGS = ['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'form',
  'button', 'select', 'option', 'textarea', 'base', 'meta', 'link', 'style', 'template', 'noscript',
  'dialog', 'portal'];
const FORBID_ATTR = ['style', 'srcset', 'action', 'formaction', 'ping', 'autofocus', 'tabindex', 'name'];
const ADD_ATTR = ['loading', 'decoding', 'align', 'open', 'start', 'reversed'];
// Relative URLs, fragments and these schemes; everything else (javascript:, vbscript:, data:
// outside images, file:) is dropped.
const ALLOWED_URI = /^(?:(?:https?|mailto):|[^a-z]|[a-z+.-]+(?:[^a-z+.\-:]|$))/i;

let purifier = null;

function createPurifier() {
  if (typeof window === 'undefined') {
    throw new Error('draftmark: sanitizeHtml() sanitising needs a DOM (window); pass { unsafe: true } to skip it');
  }
  const purify = DOMPurify(window);
  purify.addHook('uponSanitizeElement', (node, data) => {
    // Task-list checkboxes are the one form control a post may show, and only read-only.
    // Images are the one kept element that `document.<id>` exposes; an id there could shadow
    // a document property the page relies on (DOM clobbering).
    if (data.tagName === 'img') node.removeAttribute('id');
    if (data.tagName === 'input') {
      if ((node.getAttribute('type') ?? '').toLowerCase() !== 'checkbox') node.remove();
      else node.setAttribute('disabled', '');
    }
  });
  purify.addHook('afterSanitizeAttributes', (node) => {
    // Links that leave the page open elsewhere and give the target no handle on the editor.
    if (node.tagName === 'A' && node.hasAttribute('target')) {
      node.setAttribute('rel', 'noopener noreferrer');
    }
  });
  return purify;
}

const CONFIG = {
  USE_PROFILES: { html: true },
  FORBID_TAGS,
  FORBID_ATTR,
  ADD_ATTR,
  ALLOWED_URI_REGEXP: ALLOWED_URI,
  ALLOW_DATA_ATTR: true,      // data-line maps blocks to source lines
  ALLOW_ARIA_ATTR: true,
  // Heading ids such as "title" or "head" must stay what the post's anchors link to; DOMPurify's
  // clobbering guard would drop them. `name` is forbidden and img ids removed instead (above).
  SANITIZE_DOM: false,
  KEEP_CONTENT: true,         // a removed <form> keeps its text
  RETURN_TRUSTED_TYPE: false,
};

// The configuration is set once: passed on every call, DOMPurify rebuilds its allow-lists each
// time (a first preview sanitises ~100 blocks).
function configured() {
  if (!purifier) {
    purifier = createPurifier();
    purifier.setConfig({ ...CONFIG, IN_PLACE: true });
  }
  return purifier;
}

/**
 * Makes rendered HTML safe to insert into a page (GitHub-like allow-list, see the file comment):
 * parses `html` into a new `<div>` of `doc`, which must be inert (a template's content document:
 * no script runs and nothing loads there), and sanitises that tree in place — no document per
 * call as DOMPurify makes for a string, and no serialising the result to parse it a second time,
 * so what was checked is exactly what is inserted. `unsafe: true` skips the sanitiser, for the
 * user's own trusted drafts.
 * @param {string} html
 * @param {Document} doc
 * @param {{unsafe?: boolean}} [options]
 * @returns {HTMLDivElement} the holder; its children are the block's nodes
 */
export function parseSanitized(html, doc, { unsafe = false } = {}) {
  const holder = doc.createElement('div');
  holder.innerHTML = html;
  if (!unsafe) configured().sanitize(holder);
  return holder;
}

// DOMPurify walks each tree with a NodeIterator, which stays registered on the tree's document
// until it is garbage collected, and Chromium visits every registered iterator whenever a node
// leaves that document. With one shared inert document, moving the ~3,600 sanitised blocks of a
// 1 MB post into the page cost seconds (quadratic; bench/keystroke-profile.mjs traces showed
// insertBefore as most of the opening). A new inert document every kParsesPerDocument parses
// keeps each visit short.
const kParsesPerDocument = 32;
let inert = null;
let inertParses = 0;

/**
 * An inert document to parse into (a template's content document: no script runs and nothing
 * loads there), with the same implementation as `doc`; a new one now and then (see above).
 * @param {Document} doc
 * @returns {Document}
 */
export function inertDocument(doc) {
  if (!inert || inertParses++ >= kParsesPerDocument) {
    inert = doc.implementation.createHTMLDocument('').createElement('template').content.ownerDocument;
    inertParses = 1;
  }
  return inert;
}
