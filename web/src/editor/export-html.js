// Builds the standalone HTML page of a rendered post: the preview's DOM (already sanitised,
// math typeset, code highlighted) plus the post stylesheet with every font inlined as data:
// URLs, so the file shows the same post offline with nothing else beside it.
//
// The post stylesheet (web/styles/post.css) carries a marker property, which finds it whether
// it arrived as <link> (dist/index.html) or was inlined as <style> (dist/draftmark.html).

import { unprefixIds } from '../lib/ids.js';
import { kRunStyles } from './folded-runs.js';

const MARKER = '--draftmark-post-style';

function isPostSheet(sheet) {
  try {
    return [...sheet.cssRules].some((rule) => rule.style?.getPropertyValue(MARKER));
  } catch {
    return false;  // a cross-origin sheet: not ours
  }
}

async function toDataUrl(url) {
  const response = await fetch(url);
  if (!response.ok) throw new Error(`cannot read ${url} (HTTP ${response.status})`);
  const blob = await response.blob();
  return new Promise((resolve, reject) => {
    const reader = new FileReader();
    reader.onload = () => resolve(reader.result);
    reader.onerror = () => reject(reader.error);
    reader.readAsDataURL(blob);
  });
}

/** The post CSS as text, with url(...) references replaced by data: URLs. */
export async function postStylesheetText(doc = document) {
  const sheets = [...doc.styleSheets].filter(isPostSheet);
  if (sheets.length === 0) throw new Error('the post stylesheet is not loaded');
  let css = sheets.map((sheet) => [...sheet.cssRules].map((r) => r.cssText).join('\n')).join('\n');
  const urls = new Map();
  for (const match of css.matchAll(/url\(\s*(["']?)([^"')]+)\1\s*\)/g)) {
    const ref = match[2];
    if (ref.startsWith('data:') || urls.has(ref)) continue;
    const base = sheets.find((s) => s.href)?.href ?? doc.baseURI;
    urls.set(ref, new URL(ref, base).href);
  }
  const inlined = new Map(await Promise.all([...urls].map(async ([ref, abs]) => [ref, await toDataUrl(abs)])));
  css = css.replace(/url\(\s*(["']?)([^"')]+)\1\s*\)/g, (all, q, ref) => (inlined.has(ref) ? `url("${inlined.get(ref)}")` : all));
  return css;
}

function escapeHtml(text) {
  return text.replace(/[&<>"]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;' })[c]);
}

/**
 * The preview's HTML without editor-only attributes (source lines, highlight and offscreen
 * markers), with the post's own ids (the preview prefixes them, lib/ids.js).
 */
export function cleanPreviewHtml(content) {
  content.dispatchEvent(new CustomEvent('draftmark:materialize'));  // a long post's placeholders (preview.js)
  const copy = content.cloneNode(true);
  unprefixIds(copy);
  for (const el of copy.querySelectorAll('[data-line], [data-highlighted], [data-far]')) {
    el.removeAttribute('data-line');
    el.removeAttribute('data-highlighted');
    el.removeAttribute('data-far');
  }
  // A long post's far blocks carry an estimated size or their run's (offscreen-blocks.js).
  for (const el of copy.querySelectorAll(':scope > [style*="contain-intrinsic-size"], :scope > [style*="--dm-run"]')) {
    for (const name of ['contain-intrinsic-size', ...kRunStyles]) el.style.removeProperty(name);
    if (!el.getAttribute('style')) el.removeAttribute('style');
  }
  return copy.innerHTML;
}

/**
 * The whole standalone page. `content`: the preview element holding the post; `theme`:
 * 'light' or 'dark'; `lang`: the document language.
 * @returns {Promise<string>}
 */
export async function buildStandaloneHtml({ content, title, theme = 'light', lang = 'en' }) {
  const css = await postStylesheetText(content.ownerDocument);
  const background = theme === 'dark' ? '#1b1b1e' : '#ffffff';
  return `<!doctype html>
<html lang="${escapeHtml(lang)}" data-theme="${theme}">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<meta name="generator" content="Draftmark">
<title>${escapeHtml(title || 'Draft')}</title>
<style>
body { margin: 0; background: ${background}; }
main.chirpy-post { max-width: 52rem; margin: 0 auto; padding: 2rem 1.5rem 4rem; }
${css.replace(/<\/style/gi, '<\\/style')}
</style>
</head>
<body>
<main class="chirpy-post">
${cleanPreviewHtml(content)}
</main>
</body>
</html>
`;
}
