// Builds dist/: the editor page, the embeddable module, the custom element and the offline single file.
import { copyFileSync, mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildDistribution } from './build-dist.mjs';
import { buildEditor } from './build-editor.mjs';
import { writeNotices } from './build-notices.mjs';
import { writeReadmeTable } from '../scripts/sizes.mjs';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');
mkdirSync(dist, { recursive: true });
copyFileSync(path.join(root, 'build/wasm/draftmark.wasm'), path.join(dist, 'draftmark.wasm'));

const editor = await buildEditor({ root, dist });  // dist/index.html, app.js, post.css, editor.css, fonts/
// dist/draftmark.js (+ .d.ts, draftmark.css), draftmark-element.js, and the offline draftmark.html
await buildDistribution({ root, dist, wasmFile: path.join(dist, 'draftmark.wasm'), ...editor });
writeNotices(root);  // THIRD_PARTY_NOTICES.md, from node_modules' license files
if (writeReadmeTable(root)) console.log('web: README.md sizes table updated');  // scripts/sizes.mjs
console.log(`web: wrote ${path.relative(process.cwd(), dist)}/`);
