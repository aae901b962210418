// Writes dist/draftmark.html: the whole editor in one file that works from file:// with no network.
// The editor's page is taken as built (its stylesheets and module script), and every local
// reference is replaced by its content: JS bundled with the wasm bytes, CSS with KaTeX's woff2
// fonts as data: URLs. A reference that cannot be inlined fails the build instead of becoming a
// request at run time.
//
// How it loads fast (bench/first-preview.mjs measures it): the file is pure ASCII — JS and CSS
// with \u escapes, the page's text with character references — so Chromium decodes, tokenises
// and compiles it as one-byte strings (a few non-ASCII characters made every later chunk
// two-byte). The app boots in two stages (web/src/editor/first-preview.js): a small classic
// inline script, run where the parser meets it, shows the draft's preview; the editor's 1.2 MB
// (whose compile on the main thread was half of the time to the first preview) waits compressed
// in a text/plain holder (less for the parser to read past) and runs once that preview is
// painted. Mermaid's 2 MB of compressed text comes last.
import { build, transform } from 'esbuild';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { bundleStagedApp } from './build-staged-app.mjs';
import { iconsPlugin, katexCssPlugin, mermaidElkAsDagrePlugin } from './esbuild-plugins.mjs';

const ASSET_LOADERS = {
  '.woff2': 'dataurl', '.woff': 'dataurl', '.ttf': 'dataurl',
  '.png': 'dataurl', '.svg': 'dataurl', '.gif': 'dataurl', '.jpg': 'dataurl', '.webp': 'dataurl',
  '.md': 'text', '.txt': 'text',
};
const REMOTE = /^(data:|blob:|https?:|mailto:|#|about:)/i;

/** Makes text safe inside an inline <script>: no `</script` and no `<!--` can end or confuse the element. */
export function escapeInlineScript(js) {
  return js.replace(/<\/(script)/gi, '<\\/$1').replace(/<!--/g, '<\\!--');
}

// ASCII (see the top), safe inside an inline <script>, still valid JS.
async function inlineJs(js) {
  // esbuild's ASCII output keeps regular expression literals as written (KaTeX has a few with
  // accented letters): \u escapes mean the same characters there.
  const ascii = escapeInlineScript(js.replace(/[^\x00-\x7f]/g, (c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`));
  await transform(ascii, { loader: 'js', logLevel: 'silent' });
  return ascii;
}

async function bundleCss(file) {
  const result = await build({
    entryPoints: [file], bundle: true, write: false, minify: true, charset: 'ascii', logLevel: 'warning',
    outdir: path.dirname(file), loader: ASSET_LOADERS, plugins: [iconsPlugin(), katexCssPlugin()],
  });
  return result.outputFiles[0].text;
}

// Mermaid as one classic script that sets globalThis.__draftmarkMermaid (see
// web/src/editor/mermaid-inline.js), gzip-compressed and base64-encoded.
async function bundleMermaid(root) {
  const result = await build({
    entryPoints: [path.join(root, 'web/src/lib/mermaid-entry.js')], bundle: true, write: false,
    format: 'iife', globalName: '__draftmarkMermaid', platform: 'browser', target: 'es2022',
    minify: true, charset: 'utf8', legalComments: 'none', logLevel: 'warning', plugins: [mermaidElkAsDagrePlugin()],
  });
  return gzipBase64(`${result.outputFiles[0].text};globalThis.__draftmarkMermaid=__draftmarkMermaid.default;`);
}

// How the page holds code that runs later (web/src/editor/inline-script.js).
const gzipBase64 = (js) => gzipSync(js, { level: 9 }).toString('base64');

function dataUrl(file) {
  const types = { '.svg': 'image/svg+xml', '.png': 'image/png', '.ico': 'image/x-icon' };
  const type = types[path.extname(file)] ?? 'application/octet-stream';
  return `data:${type};base64,${readFileSync(file).toString('base64')}`;
}

const attr = (tag, name) => tag.match(new RegExp(`\\s${name}\\s*=\\s*["']([^"']*)["']`, 'i'))?.[1];

/**
 * Builds the single file. `page` is the editor's HTML (as copied into dist/), `appEntry` its JS
 * entry module, `wasmFile` the module to inline. Returns {file, bytes}.
 */
export async function buildSingleFile({ root, page, appEntry, wasmFile, outFile }) {
  const pageDir = path.dirname(page);
  // The page's own text in ASCII (its scripts and styles are replaced below, and bundled as ASCII).
  let html = readFileSync(page, 'utf8').replace(/[^\x00-\x7f]/gu, (c) => `&#${c.codePointAt(0)};`);
  const app = await bundleStagedApp({ root, appEntry, wasmFile, loader: ASSET_LOADERS });
  const [boot, editor] = await Promise.all([inlineJs(app.boot), inlineJs(app.editor)]);

  let scriptDone = false;
  html = html.replace(/<script\b[^>]*\bsrc\s*=[^>]*>\s*<\/script>/gi, (tag) => {
    const src = attr(tag, 'src');
    if (REMOTE.test(src)) throw new Error(`single file: remote script ${src} would need the network`);
    if (!/type\s*=\s*["']module["']/i.test(tag)) throw new Error(`single file: cannot inline classic script ${src}`);
    if (scriptDone) return '';  // the one bundle holds every module the page loads
    scriptDone = true;
    // The editor as text no script parses until the first stage runs it (first-preview.js).
    return `<script>${boot}</script>\n<script type="text/plain" id="draftmark-editor-gz">${gzipBase64(editor)}</script>`;
  });
  if (!scriptDone) throw new Error(`single file: ${page} has no module script to replace`);

  const styles = [];
  html = html.replace(/<link\b[^>]*>/gi, (tag) => {
    const rel = (attr(tag, 'rel') ?? '').toLowerCase();
    const href = attr(tag, 'href');
    if (/^https?:/i.test(href)) throw new Error(`single file: <link href="${href}"> would need the network`);
    if (!href || REMOTE.test(href)) return tag;
    const file = path.resolve(pageDir, href);
    if (rel === 'stylesheet') { styles.push(file); return `<!--inline-css:${styles.length - 1}-->`; }
    if (rel.includes('icon')) return tag.replace(href, dataUrl(file));
    if (rel === 'modulepreload' || rel === 'preload' || rel === 'manifest') return '';
    throw new Error(`single file: cannot inline <link rel="${rel}" href="${href}">`);
  });
  const cssTexts = await Promise.all(styles.map(bundleCss));
  if ([app.css, ...cssTexts].some((css) => /<\/style/i.test(css))) throw new Error('single file: CSS contains </style');
  html = html.replace(/<!--inline-css:(\d+)-->/g, (_, i) => `<style>${cssTexts[Number(i)]}</style>`);
  if (app.css) html = html.replace(/<\/head>/i, `<style>${app.css}</style>\n</head>`);

  const leftover = html.replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .match(/<(img|script|link|iframe|source|video|audio)\b[^>]*\s(src|href)\s*=\s*["'](?!data:|blob:|https?:|#)[^"']+/i);
  if (leftover) throw new Error(`single file: local reference left in the page: ${leftover[0]}`);

  // Last in the body: raw text the HTML parser skips over and no script parses until a diagram needs it.
  const mermaid = await bundleMermaid(root);
  const bodyEnd = html.lastIndexOf('</body>');  // the last: the inlined JS may spell "</body>" too
  if (bodyEnd < 0) throw new Error(`single file: ${page} has no </body>`);
  html = `${html.slice(0, bodyEnd)}<script type="text/plain" id="draftmark-mermaid-gz">${mermaid}</script>\n${html.slice(bodyEnd)}`;

  const nonAscii = html.search(/[^\x00-\x7f]/u);
  if (nonAscii >= 0) throw new Error(`single file: non-ASCII text at ${nonAscii}: ${JSON.stringify(html.slice(nonAscii - 40, nonAscii + 10))}`);
  writeFileSync(outFile, html);
  return { file: outFile, bytes: Buffer.byteLength(html) };
}
