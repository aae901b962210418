// The post layout's strings are Chirpy's own: wasm/src/jekyll/post_layout/chirpy_locales.inc is
// what scripts/generate-chirpy-locales.rb makes of the pinned npm package jekyll-theme-chirpy
// (_data/locales). Regenerated here; a difference means the table was edited by hand or the
// package changed without regenerating it.
//   node tests/node/site/chirpy-locales.test.mjs
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');

test('chirpy_locales.inc is generated from the installed jekyll-theme-chirpy', () => {
  const theme = path.join(root, 'node_modules/jekyll-theme-chirpy');
  const r = spawnSync('ruby', [path.join(root, 'scripts/generate-chirpy-locales.rb'), theme], { encoding: 'utf8' });
  assert.equal(r.status, 0, r.stderr);
  assert.equal(readFileSync(path.join(root, 'wasm/src/jekyll/post_layout/chirpy_locales.inc'), 'utf8'), r.stdout);
  assert.match(r.stdout, /\{"ko-KR",\n\s+"게시"/);
});
