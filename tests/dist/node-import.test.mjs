// The package in Node without a DOM: importing the element defines nothing and throws nothing
// (SSR and test runners import it), and web/serve.mjs answers like a CDN origin (CORS, gzip).
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { get } from 'node:http';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve } from '../../web/serve.mjs';

const root = process.cwd();

test('importing draftmark/element in Node throws nothing and defines nothing', () => {
  const element = pathToFileURL(path.join(root, 'dist/draftmark-element.js')).href;
  const script = `const m = await import(${JSON.stringify(element)});
    if (typeof m.DraftmarkPreviewElement !== 'function') throw new Error('no class export');
    if ('customElements' in globalThis || 'HTMLElement' in globalThis) throw new Error('globals defined');
    console.log('ok');`;
  const r = spawnSync(process.execPath, ['--input-type=module', '-e', script], { encoding: 'utf8' });
  assert.equal(r.stderr, '');
  assert.equal(r.stdout.trim(), 'ok');
});

let server, base;
before(async () => { server = await serve(root); base = `http://127.0.0.1:${server.address().port}`; });
after(() => server.close());

function head(file, headers = {}) {
  return new Promise((resolve, reject) => {
    get(`${base}/${file}`, { headers }, (res) => { res.resume(); resolve(res); }).on('error', reject);
  });
}

test('serve.mjs sends CORS and CORP headers on the element, wasm, CSS, fonts and chunks', async () => {
  for (const file of ['dist/draftmark-element.js', 'dist/draftmark.wasm', 'dist/draftmark.css',
    'dist/fonts/KaTeX_Main-Regular.woff2', 'dist/draftmark.js']) {
    const res = await head(file);
    assert.equal(res.statusCode, 200, file);
    assert.equal(res.headers['access-control-allow-origin'], '*', file);
    assert.equal(res.headers['cross-origin-resource-policy'], 'cross-origin', file);
  }
  assert.equal((await head('dist/draftmark.wasm')).headers['content-type'], 'application/wasm');
});

test('serve.mjs gzips JS and wasm when asked, never woff2', async () => {
  assert.equal((await head('dist/draftmark.wasm', { 'accept-encoding': 'gzip' })).headers['content-encoding'], 'gzip');
  assert.equal((await head('dist/draftmark.js', { 'accept-encoding': 'gzip, br' })).headers['content-encoding'], 'gzip');
  assert.equal((await head('dist/draftmark.js')).headers['content-encoding'], undefined);
  assert.equal((await head('dist/fonts/KaTeX_Main-Regular.woff2', { 'accept-encoding': 'gzip' }))
    .headers['content-encoding'], undefined);
});
