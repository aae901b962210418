// The publishable package and the built distribution files, checked without a browser: what
// `npm pack` would ship, the single file's size budget, and no code that a strict CSP forbids.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

const root = process.cwd();
const dist = path.join(root, 'dist');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const SINGLE_FILE_BUDGET = 4 * 1024 * 1024;

function packedFiles() {
  const out = execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'], { cwd: root, encoding: 'utf8' });
  return JSON.parse(out)[0].files.map((f) => f.path);
}

function exportTargets(value) {
  if (typeof value === 'string') return [value];
  return Object.values(value).flatMap(exportTargets);
}

test('npm pack ships only dist/ and the docs, including every file the exports name', () => {
  const files = packedFiles();
  const docs = /^(README|CHANGELOG|LICENSE)(\.md)?$|^package\.json$/;
  const stray = files.filter((f) => !f.startsWith('dist/') && !docs.test(f));
  assert.deepEqual(stray, [], 'files outside dist/ and the docs');
  for (const needed of ['dist/draftmark.js', 'dist/draftmark.d.ts', 'dist/draftmark.wasm',
    'dist/draftmark-element.js', 'dist/draftmark-element.d.ts', 'dist/draftmark.html', 'README.md']) {
    assert.ok(files.includes(needed), `${needed} is in the tarball`);
  }
  for (const target of [...exportTargets(pkg.exports), pkg.types]) {
    assert.ok(files.includes(target.replace(/^\.\//, '')), `export target ${target} is in the tarball`);
  }
});

test('package.json is publishable: name, version, license, types, exports, files', () => {
  assert.notEqual(pkg.private, true);
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.ok(pkg.license);
  assert.equal(pkg.types, './dist/draftmark.d.ts');
  assert.equal(pkg.exports['.'].types, './dist/draftmark.d.ts');
  assert.equal(pkg.exports['.'].default, './dist/draftmark.js');
  assert.ok(pkg.files.includes('dist/'));
});

test('the offline single file stays under its 4 MB budget', () => {
  const bytes = statSync(path.join(dist, 'draftmark.html')).size;
  assert.ok(bytes > 100 * 1024, `draftmark.html is suspiciously small (${bytes} bytes)`);
  assert.ok(bytes < SINGLE_FILE_BUDGET, `draftmark.html is ${bytes} bytes`);
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.match(readme, /4 MB/, 'the README states the budget');
});

test('the single file references nothing outside itself, and its inline script cannot end early', () => {
  const html = readFileSync(path.join(dist, 'draftmark.html'), 'utf8');
  const page = readFileSync(path.join(root, 'web/index.html'), 'utf8');
  // The HTML parser ends a script at the first "</script": there must be exactly one per script
  // element of the source page, so none of the bundled code's own text can close it.
  // (+1: the compressed mermaid, a text/plain script of base64 that no script parses until a diagram needs it.)
  assert.match(html, /<script type="text\/plain" id="draftmark-mermaid-gz">[A-Za-z0-9+/=]+<\/script>/);
  assert.equal((html.match(/<\/script/gi) ?? []).length, (page.match(/<script\b/gi) ?? []).length + 1);
  const start = html.indexOf('<script type="module" async>');
  assert.ok(start > 0, 'the app is an inline module script');
  const end = html.slice(start).search(/<\/script/i) + start;
  const markup = html.slice(0, start) + html.slice(end);
  const tags = markup.match(/<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>/gi) ?? [];
  const urls = tags.flatMap((t) => [...t.matchAll(/\s(?:src|href|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3]));
  const external = urls.filter((url) => !/^(data:|#)/i.test(url));
  assert.deepEqual(external, []);
  assert.doesNotMatch(markup, /url\(\s*["']?(?!data:)/i, 'CSS url() outside data: URLs');
});

test('no eval or Function constructor in the bundles a strict CSP would block', () => {
  for (const file of ['draftmark.html', 'draftmark.js', 'draftmark-element.js', 'app.js']) {
    const text = readFileSync(path.join(dist, file), 'utf8');
    assert.doesNotMatch(text, /(^|[^.\w$])eval\s*\(/, `${file} calls eval`);
    assert.doesNotMatch(text, /new\s+Function\s*\(|[^.\w$]Function\s*\(\s*["'`]/, `${file} builds a Function from text`);
  }
});
