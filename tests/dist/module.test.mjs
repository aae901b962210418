// dist/draftmark.js as a package user gets it, under Node: the same HTML as the native CLI on
// every fixture, mode and option, and its declared API (.d.ts) matching what it exports.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { pathToFileURL } from 'node:url';

const argValue = (name, fallback) => {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
};
const dist = path.resolve(argValue('--dist', 'dist'));
const cli = path.resolve(argValue('--cli', 'build/native/draftmark'));
const fixtureDir = path.resolve('tests/fixtures');
const dm = await import(pathToFileURL(path.join(dist, 'draftmark.js')));

const MODES = ['auto', 'gfm', 'commonmark', 'jekyll'];
const VARIANTS = [
  { name: 'defaults', options: {}, flags: [] },
  { name: 'no source lines', options: { sourceLines: false }, flags: ['--no-source-lines'] },
  { name: 'no header', options: { header: false }, flags: ['--no-header'] },
  { name: 'unsafe', options: { unsafe: true }, flags: ['--unsafe'] },
];

function cliRender(file, mode, flags) {
  const r = spawnSync(cli, ['render', '--mode', mode, ...flags, file], { maxBuffer: 1 << 28 });
  assert.equal(r.status, 0, `draftmark render failed: ${r.stderr}`);
  return r.stdout.toString('utf8');
}

test('init() with no options finds draftmark.wasm next to dist/draftmark.js', async () => {
  assert.equal(dm.isReady(), false);
  await dm.init();
  assert.equal(dm.isReady(), true);
});

test('render() equals the native CLI on every fixture, mode and option', () => {
  const fixtures = readdirSync(fixtureDir).filter((f) => f.endsWith('.md'));
  assert.ok(fixtures.length >= 1, 'no fixtures found');
  let compared = 0;
  for (const f of fixtures) {
    const file = path.join(fixtureDir, f);
    const text = readFileSync(file, 'utf8');
    for (const mode of MODES) {
      for (const v of VARIANTS) {
        const js = dm.render(text, { mode, ...v.options }).html;
        assert.equal(js, cliRender(file, mode, v.flags), `${f}, mode ${mode}, ${v.name}`);
        compared++;
      }
    }
  }
  assert.equal(compared, fixtures.length * MODES.length * VARIANTS.length);
});

test('the result has blocks, front matter, diagnostics and the resolved mode', () => {
  const r = dm.render('---\ntitle: Hi\n---\n\n# A\n\nb\n', { mode: 'auto' });
  assert.equal(r.mode, 'jekyll');
  assert.deepEqual(r.frontMatter, { title: 'Hi' });
  assert.ok(Array.isArray(r.diagnostics));
  assert.ok(r.blocks.length >= 2);
  assert.equal(r.blocks.map((b) => b.html).join(''), r.html);
});

test('system failures are DraftmarkError', () => {
  assert.throws(() => dm.render('x', { mode: 'markdown-extra' }), dm.DraftmarkError);
  assert.throws(() => dm.renderInto({}, '# x'), dm.DraftmarkError, 'renderInto needs a DOM element');
});

test('every runtime export is declared in draftmark.d.ts and every declared function exists', () => {
  const dts = readFileSync(path.join(dist, 'draftmark.d.ts'), 'utf8');
  const declared = [...dts.matchAll(/^export (?:declare )?(?:function|class|const) (\w+)/gm)].map((m) => m[1]);
  assert.deepEqual([...new Set(declared)].sort(), Object.keys(dm).sort());
  for (const option of ['mode', 'sourceLines', 'header', 'unsafe', 'macros']) {
    assert.match(dts, new RegExp(`\\n\\s+${option}\\?:`), `option ${option} is documented`);
  }
});
