// The offline single file's app, bundled in two stages (web/build-single-file.mjs puts them in
// the page): a small first script that shows the first preview, and the editor it runs after.
import { build } from 'esbuild';
import path from 'node:path';
import { inlineCssPlugin, iconsPlugin, katexCssPlugin, wasmGzipPlugin } from './esbuild-plugins.mjs';

// One stage of the app as a classic script (see the top): strict, as the modules it is made of;
// import.meta.url is the page's (nothing is fetched from it: see single-file-boot.js).
async function bundleStage({ root, stdin, wasmFile, loader, plugins = [] }) {
  const result = await build({
    stdin: { ...stdin, resolveDir: root }, absWorkingDir: root,
    bundle: true, write: false, metafile: true, format: 'iife', banner: { js: '"use strict";' }, platform: 'browser', target: 'es2022',
    define: { 'import.meta.url': 'document.baseURI' },
    minify: process.env.DM_NO_MINIFY !== '1',  // unminified for profiling, as build-editor.mjs
    charset: 'ascii', legalComments: 'none', logLevel: 'warning',
    outdir: path.join(root, 'build/single-file'),  // names the CSS output; nothing is written
    external: ['node:fs/promises'], loader,
    plugins: [...plugins, wasmGzipPlugin(wasmFile), iconsPlugin(), katexCssPlugin(), inlineCssPlugin([iconsPlugin(), katexCssPlugin()])],
  });
  const js = result.outputFiles.filter((f) => f.path.endsWith('.js')).map((f) => f.text).join('\n');
  const css = result.outputFiles.filter((f) => f.path.endsWith('.css')).map((f) => f.text).join('\n');
  // Files: not the entry, not plugin namespaces.
  const inputs = Object.keys(result.metafile.inputs).filter((key) => key !== stdin.sourcefile && !key.includes(':'));
  return { js, css, inputs };
}

/**
 * The app of dist/draftmark.html as two classic scripts, {boot, editor, css} (`loader`: esbuild's,
 * for assets). The staged boot (web/src/editor/first-preview.js): the first stage (single-file-boot.js, small)
 * shows the preview; the editor (`appEntry`, ~1.2 MB minified) is the second, run after that
 * preview is painted. The second uses the first's modules rather than copies of them: one wasm
 * instance, one draft store whose reads are under way, the patcher that drew the preview. The
 * first registers every module it is made of in globalThis.__draftmarkShared (by path from the
 * root); the second's imports of those modules resolve to the registry (sharedModulesPlugin).
 */
export async function bundleStagedApp({ root, appEntry, wasmFile, loader }) {
  const boot = path.join(root, 'web/src/editor/single-file-boot.js');
  const first = await bundleStage({ root, wasmFile, loader, stdin: { contents: `import ${JSON.stringify(boot)};\n`, sourcefile: 'draftmark-boot.js' } });
  const modules = first.inputs.filter((key) => /\.(m?js|md)$/.test(key));
  const registry = [
    `import ${JSON.stringify(boot)};`,  // first: the modules evaluate in the order the boot imports them
    ...modules.map((key, i) => `import * as m${i} from ${JSON.stringify(path.join(root, key))};`),
    `globalThis.__draftmarkShared = {${modules.map((key, i) => `${JSON.stringify(key)}: m${i}`).join(', ')}};`,
  ].join('\n');
  const stage1 = await bundleStage({ root, wasmFile, loader, stdin: { contents: registry, sourcefile: 'draftmark-boot.js' } });
  const stage2 = await bundleStage({ root, wasmFile, loader, plugins: [sharedModulesPlugin(await exportNames(root, modules, loader))],
    stdin: { contents: `import ${JSON.stringify(appEntry)};\n`, sourcefile: 'draftmark-editor.js' } });
  const copied = stage2.inputs.filter((key) => first.inputs.includes(key));
  if (copied.length) throw new Error(`single file: the editor stage holds its own copy of ${copied.join(', ')}`);
  return { boot: stage1.js, editor: stage2.js, css: [stage1.css, stage2.css].filter(Boolean).join('\n') };
}

// The names each module (paths from `root`) exports: Map(path -> [name]).
async function exportNames(root, modules, loader) {
  const result = await build({
    entryPoints: modules, absWorkingDir: root, bundle: false, write: false, metafile: true, format: 'esm',
    outdir: path.join(root, 'build/single-file/exports'), loader, logLevel: 'warning',
  });
  return new Map(Object.values(result.metafile.outputs).filter((o) => o.entryPoint).map((o) => [o.entryPoint, o.exports]));
}

// Resolves imports of the modules in `shared` (Map(path from the root -> export names)) to the
// first stage's registry. ES exports (the package is "type": "module": esbuild would give a
// CommonJS shim Node's interop, whose default export is the whole module); their values are
// read when the editor's stage starts, after the first stage has evaluated every module.
function sharedModulesPlugin(shared) {
  return {
    name: 'draftmark-shared-modules',
    setup(build) {
      const root = build.initialOptions.absWorkingDir;
      build.onResolve({ filter: /.*/ }, async (args) => {
        if (args.pluginData?.draftmarkShared || args.kind === 'entry-point') return undefined;
        const target = await build.resolve(args.path, { kind: args.kind, importer: args.importer, resolveDir: args.resolveDir,
          namespace: args.namespace, pluginData: { draftmarkShared: true } });
        if (target.errors.length || target.external || target.namespace !== 'file') return undefined;
        const key = path.relative(root, target.path);
        return shared.has(key) ? { path: key, namespace: 'draftmark-shared' } : undefined;
      });
      build.onLoad({ filter: /.*/, namespace: 'draftmark-shared' }, (args) => ({
        loader: 'js',
        contents: [`const m = globalThis.__draftmarkShared[${JSON.stringify(args.path)}];`,
          ...shared.get(args.path).map((name) => (name === 'default' ? 'export default m.default;' : `export const ${name} = m.${name};`))].join('\n'),
      }));
    },
  };
}
