// Builds dist/: the embeddable module and the editor page.
import { build } from 'esbuild';
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildEditor } from './build-editor.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
mkdirSync(dist, { recursive: true });
copyFileSync(path.join(root, 'build/wasm/draftmark.wasm'), path.join(dist, 'draftmark.wasm'));

await build({
  entryPoints: [path.join(root, 'web/src/draftmark.js')],
  outfile: path.join(dist, 'draftmark.js'),
  bundle: true, format: 'esm', platform: 'neutral', target: 'es2022',
  external: ['node:fs/promises'], logLevel: 'warning',
});
const editor = await buildEditor({ root, dist });  // dist/index.html, app.js, post.css, editor.css, fonts/
console.log(`web: wrote ${path.relative(process.cwd(), dist)}/`);
