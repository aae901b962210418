// The editor half of the build: dist/index.html with its script (app.js) and stylesheets
// (post.css: KaTeX + Chirpy post + code colours, fonts in dist/fonts/; editor.css: the page).
// web/build.mjs calls buildEditor(); the single-file build reads the page it returns.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { iconsPlugin, katexCssPlugin, mermaidElkAsDagrePlugin } from './esbuild-plugins.mjs';

const common = { bundle: true, target: 'es2022', charset: 'utf8', legalComments: 'none', logLevel: 'warning' };

/**
 * Builds the editor page into `dist`. Resolves to {page, appEntry}: the page's path in dist/
 * and its JS entry module (what dist/draftmark.html inlines).
 */
export async function buildEditor({ root, dist }) {
  mkdirSync(dist, { recursive: true });
  const appEntry = path.join(root, 'web/src/editor/main.js');
  await build({
    ...common, entryPoints: [appEntry], outfile: path.join(dist, 'app.js'),
    format: 'esm', platform: 'browser', minify: process.env.DM_NO_MINIFY !== "1", sourcemap: 'linked',
    external: ['node:fs/promises'], loader: { '.md': 'text' },
  });
  await build({
    ...common, entryPoints: [path.join(root, 'web/styles/post.css'), path.join(root, 'web/styles/editor.css')],
    outdir: dist, minify: true, loader: { '.woff2': 'file' }, assetNames: 'fonts/[name]',
    plugins: [iconsPlugin(), katexCssPlugin()],
  });
  // Mermaid apart (~3 MB): web/src/lib/diagrams.js imports it beside itself on a post's first diagram.
  await build({
    ...common, entryPoints: [path.join(root, 'web/src/lib/mermaid-entry.js')], outfile: path.join(dist, 'draftmark-mermaid.js'),
    format: 'esm', platform: 'browser', minify: true, plugins: [mermaidElkAsDagrePlugin()],
  });
  const page = path.join(dist, 'index.html');
  copyFileSync(path.join(root, 'web/index.html'), page);
  return { page, appEntry };
}
