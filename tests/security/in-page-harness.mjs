// Code that runs inside the pages under attack (serialised by Playwright, so each function is
// self-contained). The init script arms the tripwire every attack document aims at
// (window.__xss) and watches link clicks and form submissions: a link or form that would run
// script (javascript:, vbscript:, data:, another scheme's file) is recorded and allowed to
// proceed, so if it executes the tripwire sees it; any other navigation is recorded and
// cancelled, so the page under test stays where it is.

/** Init script for every frame of a surface's page. */
export function armTripwire() {
  window.__xss = false;
  const seen = { links: [], forms: [] };
  window.__harness = seen;
  // The preview element; `spec.host` names a shadow host, `spec.inner` the preview inside it.
  window.__previewOf = (spec) =>
    (spec.host ? document.querySelector(spec.host).shadowRoot : document).querySelector(spec.inner);
  const SCRIPT_SCHEMES = new Set(['javascript:', 'vbscript:', 'data:']);
  const SAFE_SCHEMES = new Set(['http:', 'https:', 'mailto:']);
  const runsScript = (raw) => {
    let url;
    try { url = new URL(raw, document.baseURI); } catch { return false; }
    return SCRIPT_SCHEMES.has(url.protocol) || (!SAFE_SCHEMES.has(url.protocol) && url.protocol !== location.protocol);
  };
  const linkTarget = (el) => {
    if (typeof el.href === 'string') return el.getAttribute('href') === null ? null : el.href;
    return el.href?.animVal ?? el.getAttribute('xlink:href');  // SVG <a>: the animated value counts
  };
  window.addEventListener('click', (event) => {
    if (event.defaultPrevented) return;  // the page handled it (in-page anchors)
    const link = event.composedPath().find((n) => n.localName === 'a' || n.localName === 'area');
    const href = link && linkTarget(link);
    if (!href) return;
    const dangerous = runsScript(href);
    seen.links.push({ href, dangerous });
    if (!dangerous) event.preventDefault();
  });
  window.addEventListener('submit', (event) => {
    const action = event.submitter?.getAttribute('formaction') ?? event.target.getAttribute('action') ?? '';
    const dangerous = runsScript(action || location.href);
    seen.forms.push({ action, dangerous });
    if (!dangerous) event.preventDefault();
  }, true);
}

// ---- Functions evaluated on demand; `spec` locates the preview (window.__previewOf) ----------

/** Sets the tripwire back to false and forgets recorded clicks (before each document). */
export function resetTripwire() {
  window.__xss = false;
  if (window.__harness) { window.__harness.links = []; window.__harness.forms = []; }
}

/** Dispatches the given pointer, mouse or focus events to every element of the preview (reaches hidden ones too). */
export function dispatchToAll({ spec, types }) {
  const root = window.__previewOf(spec);
  for (const el of [...root.querySelectorAll('*')]) {
    if (!el.isConnected) continue;
    for (const type of types) {
      const Event = type.startsWith('pointer') ? PointerEvent : type.startsWith('focus') ? FocusEvent : MouseEvent;
      el.dispatchEvent(new Event(type, { bubbles: true, cancelable: true, composed: true, view: window }));
    }
  }
}

/** Marks the preview's elements matching `selector` (up to `limit`) and returns how many. */
export function markTargets({ spec, selector, limit }) {
  const root = window.__previewOf(spec);
  window.__targets = [...root.querySelectorAll(selector)].slice(0, limit);
  return window.__targets.length;
}

/** Scrolls marked target `i` into view; its centre in viewport pixels, or null when not visible. */
export function targetCentre(i) {
  const el = window.__targets?.[i];
  if (!el?.isConnected) return null;
  el.scrollIntoView({ block: 'center', inline: 'center' });
  const r = el.getBoundingClientRect();
  if (r.width < 1 || r.height < 1) return null;
  const x = Math.min(Math.max(r.left + r.width / 2, 0), innerWidth - 1);
  const y = Math.min(Math.max(r.top + r.height / 2, 0), innerHeight - 1);
  return { x, y };
}

/**
 * What the preview holds after rendering: its HTML, and anything left in it that could run or
 * load script later (handler attributes, script-scheme URLs, script/frame/plugin/document-level
 * elements) or clobber a global the page relies on.
 */
export function inspectPreview({ spec, forbidIds }) {
  const root = window.__previewOf(spec);
  const latent = [];
  const ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'base', 'meta', 'link', 'form',
    'portal']);
  const scriptUrl = (v) => /^(?:javascript|vbscript):/i.test(v.replace(/[\u0000-\u0020]/g, ''));
  for (const el of root.querySelectorAll('*')) {
    if (ELEMENTS.has(el.localName)) latent.push(`<${el.localName}> element`);
    for (const { name, value } of el.attributes) {
      if (/^on/i.test(name)) latent.push(`${name}="${value}" on <${el.localName}>`);
      else if (scriptUrl(value)) latent.push(`${name}="${value}" on <${el.localName}>`);
      if ((name === 'id' || name === 'name') && forbidIds.includes(value)) latent.push(`${name}="${value}" clobbers a global`);
    }
  }
  if (typeof document.getElementById !== 'function' || typeof document.cookie !== 'string') {
    latent.push('document.getElementById or document.cookie was clobbered');
  }
  return { html: root.innerHTML, text: root.textContent, latent };
}

/** Writes HTML straight into the preview, past the renderer and sanitiser (the controls only). */
export function injectRaw({ spec, html }) {
  window.__previewOf(spec).innerHTML = html;
}
