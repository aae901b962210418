// The distribution half of the build (called by web/build.mjs after the editor is built):
//   dist/draftmark.js (+ .d.ts)   the embeddable module: init, render, renderInto
//   dist/draftmark.css, fonts/    post style + KaTeX CSS for pages using renderInto
//   dist/draftmark-element.js     <draftmark-preview>, self-contained (wasm, CSS, fonts inside)
//   dist/draftmark.html           the whole editor in one offline file
import { build } from 'esbuild';
import { copyFileSync, mkdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { buildSingleFile } from './build-single-file.mjs';
import { inlineCssPlugin, katexCssPlugin, katexFontsPlugin, wasmGzipPlugin } from './esbuild-plugins.mjs';

/** The single file must fit in this many bytes (README states it; tests check it). */
export const kSingleFileBudget = 4 * 1024 * 1024;  // 1.4 MB of it is mermaid, compressed

const common = { bundle: true, format: 'esm', target: 'es2022', charset: 'utf8', legalComments: 'none', logLevel: 'warning' };

/** Builds the four outputs into `dist`; `page` is the editor page already in dist/, `appEntry` its JS. */
export async function buildDistribution({ root, dist, wasmFile, page, appEntry }) {
  mkdirSync(dist, { recursive: true });
  await build({
    ...common, entryPoints: [path.join(root, 'web/src/lib/index.js')], outfile: path.join(dist, 'draftmark.js'),
    platform: 'neutral', external: ['node:fs/promises'],
  });
  copyFileSync(path.join(root, 'web/types/draftmark.d.ts'), path.join(dist, 'draftmark.d.ts'));
  copyFileSync(path.join(root, 'web/types/draftmark-element.d.ts'), path.join(dist, 'draftmark-element.d.ts'));

  await build({
    ...common, entryPoints: [path.join(root, 'web/styles/draftmark.css')], outfile: path.join(dist, 'draftmark.css'),
    loader: { '.woff2': 'file' }, assetNames: 'fonts/[name]', plugins: [katexCssPlugin()],
  });

  await build({
    ...common, entryPoints: [path.join(root, 'web/src/element/element-entry.js')],
    outfile: path.join(dist, 'draftmark-element.js'), platform: 'browser', minify: true,
    external: ['node:fs/promises'],
    plugins: [wasmGzipPlugin(wasmFile), katexFontsPlugin(), inlineCssPlugin([katexCssPlugin({ fonts: 'none' })])],
  });

  const single = await buildSingleFile({ root, page, appEntry, wasmFile, outFile: path.join(dist, 'draftmark.html') });
  if (single.bytes > kSingleFileBudget) {
    throw new Error(`dist/draftmark.html is ${single.bytes} bytes, over the ${kSingleFileBudget}-byte budget`);
  }
  const kb = (file) => `${(statSync(path.join(dist, file)).size / 1024).toFixed(0)} KB`;
  console.log(`web: offline single file ${path.join(dist, 'draftmark.html')} (${kb('draftmark.html')}); ` +
    `draftmark.js ${kb('draftmark.js')}, draftmark-element.js ${kb('draftmark-element.js')}`);
}
