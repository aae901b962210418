// esbuild plugins for the self-contained outputs (dist/draftmark.html, dist/draftmark-element.js):
// they turn the wasm module and KaTeX's fonts into bytes inside the bundle, so nothing is fetched.
import { readdirSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const require = createRequire(import.meta.url);
const katexDir = path.dirname(require.resolve('katex/package.json'));
const iconsDir = path.join(path.dirname(require.resolve('@fortawesome/fontawesome-free/package.json')), 'svgs');

/** The directory holding KaTeX's CSS and fonts (from node_modules, pinned by package-lock.json). */
export const katexDist = path.join(katexDir, 'dist');

/**
 * `import gzipped from 'draftmark:wasm-gzip'` yields the wasm module gzip-compressed, as a
 * Uint8Array (esbuild's binary loader: base64 in the bundle, decoded with atob — no eval, no
 * fetch). Compressed, it costs ~150 KB of base64 instead of ~370 KB; web/src/lib/gunzip.js restores it.
 */
export function wasmGzipPlugin(wasmFile) {
  return {
    name: 'draftmark-wasm-gzip',
    setup(build) {
      build.onResolve({ filter: /^draftmark:wasm-gzip$/ }, () => ({ path: wasmFile, namespace: 'wasm-gzip' }));
      build.onLoad({ filter: /.*/, namespace: 'wasm-gzip' }, (args) => ({
        contents: gzipSync(readFileSync(args.path), { level: 9 }), loader: 'binary',
      }));
    },
  };
}

/**
 * `url(draftmark-icon:regular/lightbulb)` in our CSS: that Font Awesome Free icon's SVG
 * (node_modules, pinned), as a data: URL. Only the icons the styles name are bundled — the
 * prompt, task-list and post-tail icons Chirpy shows (it uses the Font Awesome font).
 */
export function iconsPlugin() {
  return {
    name: 'draftmark-icons',
    setup(build) {
      build.onLoad({ filter: /[\\/]web[\\/]styles[\\/][^\\/]+\.css$/ }, (args) => {
        const css = readFileSync(args.path, 'utf8').replace(/url\(draftmark-icon:([a-z]+\/[a-z-]+)\)/g, (all, name) => {
          // Without its comment (the licence is in THIRD_PARTY_NOTICES.md); percent-encoded and
          // unquoted, like the other data: URLs of our CSS.
          const svg = readFileSync(path.join(iconsDir, `${name}.svg`), 'utf8').replace(/<!--[\s\S]*?-->/g, '').trim();
          return `url(data:image/svg+xml,${encodeURIComponent(svg)})`;
        });
        return { contents: css, loader: 'css', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** The @font-face rules of katex.css: [{family, weight, style, file}] with the woff2 file's absolute path. */
export function katexFontFaces() {
  const css = readFileSync(path.join(katexDist, 'katex.css'), 'utf8');
  const faces = [];
  for (const [, body] of css.matchAll(/@font-face\s*{([^}]*)}/g)) {
    const prop = (name) => body.match(new RegExp(`${name}:\\s*([^;]+);`))?.[1].trim();
    const woff2 = body.match(/url\(([^)]+\.woff2)\)/)?.[1];
    if (!woff2) throw new Error(`katex.css: an @font-face without woff2: ${body}`);
    faces.push({
      family: prop('font-family').replace(/"/g, ''),
      weight: prop('font-weight'),
      style: prop('font-style'),
      file: path.join(katexDist, woff2),
    });
  }
  if (faces.length === 0) throw new Error('katex.css: no @font-face rules found');
  return faces;
}

/**
 * `import faces from 'draftmark:katex-fonts'` yields [{family, weight, style, bytes}] (or, with
 * `urlsFrom`, {…, url} pointing at the hosted woff2 files) for every
 * KaTeX font (woff2 only: every browser that runs wasm reads woff2). Used where @font-face in CSS
 * cannot work: a shadow root ignores @font-face, and FontFace objects built from bytes need no
 * font-src permission from the host page's CSP.
 */
export function katexFontsPlugin({ urlsFrom = null } = {}) {
  return {
    name: 'draftmark-katex-fonts',
    setup(build) {
      build.onResolve({ filter: /^draftmark:katex-fonts$/ }, () => ({ path: 'katex-fonts', namespace: 'katex-fonts' }));
      build.onLoad({ filter: /.*/, namespace: 'katex-fonts' }, () => {
        const faces = katexFontFaces();
        if (urlsFrom) {
          // {…, url}: the woff2 files as hosted next to the bundle (dist/fonts/), relative to the
          // chunk this module lands in, fetched by the browser only when a formula needs them.
          const list = faces.map((f) => `{family:${JSON.stringify(f.family)},weight:${JSON.stringify(f.weight)},` +
            `style:${JSON.stringify(f.style)},url:new URL(${JSON.stringify(urlsFrom + path.basename(f.file))},import.meta.url).href}`);
          return { contents: `export default [${list.join(',')}];\n`, loader: 'js' };
        }
        const imports = faces.map((f, i) => `import f${i} from ${JSON.stringify(f.file)};`).join('\n');
        const list = faces.map((f, i) =>
          `{family:${JSON.stringify(f.family)},weight:${JSON.stringify(f.weight)},style:${JSON.stringify(f.style)},bytes:f${i}}`);
        return { contents: `${imports}\nexport default [${list.join(',')}];\n`, loader: 'js', resolveDir: katexDist };
      });
      build.onLoad({ filter: /\.woff2$/ }, (args) => ({ contents: readFileSync(args.path), loader: 'binary' }));
    },
  };
}

/**
 * Rewrites KaTeX's stylesheet as it is bundled: keeps only the woff2 source of each font (saves
 * ~600 KB of woff/ttf data: URLs), or drops the @font-face rules entirely (`fonts: 'none'`, for a
 * shadow root, where the fonts are registered on the document instead).
 */
export function katexCssPlugin({ fonts = 'woff2' } = {}) {
  return {
    name: 'draftmark-katex-css',
    setup(build) {
      build.onLoad({ filter: /[\\/]katex[\\/]dist[\\/]katex(\.min)?\.css$/ }, (args) => {
        let css = readFileSync(args.path, 'utf8');
        css = fonts === 'none'
          ? css.replace(/@font-face\s*{[^}]*}/g, '')
          : css.replace(/,\s*url\([^)]*\.(woff|ttf)\)\s*format\("[^"]*"\)/g, '');
        return { contents: css, loader: 'css', resolveDir: path.dirname(args.path) };
      });
    },
  };
}

/** `import css from 'x.css' with { type: 'text' }`-like: imports ending in `?inline` give the bundled CSS as a string. */
export function inlineCssPlugin(extraPlugins = []) {
  return {
    name: 'draftmark-inline-css',
    setup(build) {
      build.onResolve({ filter: /\?inline$/ }, async (args) => {
        const target = await build.resolve(args.path.replace(/\?inline$/, ''),
          { kind: 'import-statement', resolveDir: args.resolveDir });
        if (target.errors.length) return { errors: target.errors };
        return { path: target.path, namespace: 'inline-css' };
      });
      build.onLoad({ filter: /.*/, namespace: 'inline-css' }, async (args) => {
        const result = await build.esbuild.build({
          entryPoints: [args.path], bundle: true, write: false, minify: true, logLevel: 'silent',
          loader: { '.woff2': 'dataurl', '.woff': 'dataurl', '.ttf': 'dataurl', '.png': 'dataurl', '.svg': 'dataurl' },
          plugins: extraPlugins,
        });
        return { contents: result.outputFiles[0].text, loader: 'text', watchFiles: [args.path] };
      });
    },
  };
}

/**
 * Resolves @codemirror/language and @codemirror/autocomplete to web/shims/lang-sql-codemirror.js
 * when @codemirror/lang-sql imports them: the preview's highlighter needs only lang-sql's
 * parser (see the shim). For the dist/ build only; the editor keeps the real packages.
 */
export function langSqlShimPlugin(root) {
  const shim = path.join(root, 'web/shims/lang-sql-codemirror.js');
  return {
    name: 'draftmark-lang-sql-shim',
    setup(build) {
      build.onResolve({ filter: /^@codemirror\/(language|autocomplete)$/ }, (args) =>
        (/[\\/]@codemirror[\\/]lang-sql[\\/]/.test(args.importer) ? { path: shim } : undefined));
    },
  };
}

/**
 * Mermaid without elkjs (1.5 MB of its 5.4 MB minified): mermaid's chunk for the ELK layouts
 * (`layout: elk`, elk.*) is resolved to its dagre layout instead. Chirpy loads mermaid 11's
 * mermaid.min.js, which has no ELK layouts either (they are @mermaid-js/layout-elk), and mermaid
 * then lays such diagrams out with dagre — so the preview draws what the published page draws,
 * and the offline file's copy of mermaid (on the parser's path at start-up) is 28% smaller.
 */
export function mermaidElkAsDagrePlugin() {
  return {
    name: 'draftmark-mermaid-elk-as-dagre',
    setup(build) {
      build.onResolve({ filter: /^\.\/elk-[A-Z0-9]+\.mjs$/ }, (args) => {
        if (!/[\\/]node_modules[\\/]mermaid[\\/]/.test(args.importer)) return undefined;
        const dir = path.dirname(args.importer);
        const dagre = readdirSync(dir).find((f) => /^dagre-[A-Z0-9]+\.mjs$/.test(f));
        if (!dagre) throw new Error(`mermaid: no dagre layout chunk beside ${args.importer}`);
        return { path: path.join(dir, dagre) };
      });
    },
  };
}
