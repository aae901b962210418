// The distribution half of the build (called by web/build.mjs after the editor is built):
//   dist/draftmark.js (+ .d.ts)   the embeddable module: init, render, renderInto
//   dist/draftmark.css, fonts/    post style + KaTeX CSS for pages using renderInto
//   dist/draftmark-element.js     <draftmark-preview> (post CSS inside; loads draftmark.wasm), its lazy
//   dist/chunks/                  chunks: KaTeX + its CSS (fonts from fonts/), the highlighter (fetched on first use)
//   dist/draftmark.html           the whole editor in one offline file (a release artifact, not in
//                                 the npm package; nor are the editor page's index.html, app.js, editor.css)
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, rmSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSingleFile } from './build-single-file.mjs';
import { iconsPlugin, inlineCssPlugin, katexCssPlugin, katexFontsPlugin, langSqlShimPlugin } from './esbuild-plugins.mjs';

/** The single file must fit in this many bytes (README states it; tests check it). */
export const kSingleFileBudget = 4 * 1024 * 1024;  // 1.4 MB of it is mermaid, compressed

const common = { bundle: true, format: 'esm', target: 'es2022', charset: 'utf8', legalComments: 'none', logLevel: 'warning' };

/** Builds the four outputs into `dist`; `page` is the editor page already in dist/, `appEntry` its JS. */
export async function buildDistribution({ root, dist, wasmFile, page, appEntry }) {
  mkdirSync(dist, { recursive: true });
  copyFileSync(path.join(root, 'web/types/draftmark.d.ts'), path.join(dist, 'draftmark.d.ts'));
  copyFileSync(path.join(root, 'web/types/draftmark-element.d.ts'), path.join(dist, 'draftmark-element.d.ts'));

  await build({
    ...common, entryPoints: [path.join(root, 'web/styles/draftmark.css')], outfile: path.join(dist, 'draftmark.css'),
    loader: { '.woff2': 'file' }, assetNames: 'fonts/[name]', plugins: [iconsPlugin(), katexCssPlugin()],
  });

  // The module and the element in one build, so what both load lazily (KaTeX, the sanitiser and
  // patcher, the highlighter) is one set of chunks in dist/chunks/, shipped once.
  rmSync(path.join(dist, 'chunks'), { recursive: true, force: true });  // hashed names: old ones would pile up
  await build({
    ...common,
    entryPoints: {
      draftmark: path.join(root, 'web/src/lib/index.js'),
      'draftmark-element': path.join(root, 'web/src/element/element-entry.js'),
    },
    outdir: dist, splitting: true, chunkNames: 'chunks/[name]-[hash]', platform: 'neutral', minify: true,
    mainFields: ['module', 'main'], external: ['node:fs/promises'],
    // KaTeX's fonts are the dist/fonts/ files draftmark.css uses, seen from dist/chunks/.
    plugins: [langSqlShimPlugin(root), katexFontsPlugin({ urlsFrom: '../fonts/' }),
      inlineCssPlugin([iconsPlugin(), katexCssPlugin({ fonts: 'none' })])],
  });

  const single = await buildSingleFile({ root, page, appEntry, wasmFile, outFile: path.join(dist, 'draftmark.html') });
  if (single.bytes > kSingleFileBudget) {
    throw new Error(`dist/draftmark.html is ${single.bytes} bytes, over the ${kSingleFileBudget}-byte budget`);
  }
  const kb = (file) => `${(statSync(path.join(dist, file)).size / 1024).toFixed(0)} KB`;
  console.log(`web: offline single file ${path.join(dist, 'draftmark.html')} (${kb('draftmark.html')}); ` +
    `draftmark.js ${kb('draftmark.js')}, draftmark-element.js ${kb('draftmark-element.js')}`);
}
