// The publishable package and the built distribution files, checked without a browser: what
// `npm pack` would ship, the single file's size budget, and no code that a strict CSP forbids.
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { readFileSync, readdirSync, statSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';
import { gunzipSync, gzipSync } from 'node:zlib';
import { measureSizes, readmeTable, sizesTable } from '../../scripts/sizes.mjs';

const root = process.cwd();
const dist = path.join(root, 'dist');
const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
const SINGLE_FILE_BUDGET = 4 * 1024 * 1024;
// The tarball's size (issue 13). The highlighter chunk is Lezer only (no CodeMirror view/state).
const PACK_BUDGET = 700 * 1024;
// Release artifacts of the editor, never in the package.
// dist/draftmark-mermaid.js (1.5 MB gzip) is the editor's; a page using the package draws
// diagrams with its own `mermaid` through setMermaidLoader() (README, Mermaid).
const EDITOR_ARTIFACTS = ['dist/index.html', 'dist/app.js', 'dist/editor.css', 'dist/post.css', 'dist/draftmark.html',
  'dist/draftmark-mermaid.js'];

let packed = null;
function pack() {
  packed ??= JSON.parse(execFileSync('npm', ['pack', '--dry-run', '--json', '--ignore-scripts'],
    { cwd: root, encoding: 'utf8' }))[0];
  return packed;
}
const packedFiles = () => pack().files.map((f) => f.path);

function exportTargets(value) {
  if (typeof value === 'string') return [value];
  return Object.values(value).flatMap(exportTargets);
}

test('npm pack ships only dist/ and the docs, including every file the exports name', () => {
  const files = packedFiles();
  const docs = /^(README|CHANGELOG|LICENSE|THIRD_PARTY_NOTICES)(\.md)?$|^package\.json$/;
  const stray = files.filter((f) => !f.startsWith('dist/') && !docs.test(f));
  assert.deepEqual(stray, [], 'files outside dist/ and the docs');
  for (const needed of ['dist/draftmark.js', 'dist/draftmark.d.ts', 'dist/draftmark.wasm', 'dist/draftmark.css',
    'dist/draftmark-element.js', 'dist/draftmark-element.d.ts', 'dist/fonts/KaTeX_Main-Regular.woff2',
    'README.md', 'CHANGELOG.md', 'LICENSE', 'THIRD_PARTY_NOTICES.md']) {
    assert.ok(files.includes(needed), `${needed} is in the tarball`);
  }
  for (const target of [...exportTargets(pkg.exports), pkg.types]) {
    assert.ok(files.includes(target.replace(/^\.\//, '')), `export target ${target} is in the tarball`);
  }
});

test('the package holds no editor artifact and stays under its size budget', () => {
  const files = packedFiles();
  assert.deepEqual(EDITOR_ARTIFACTS.filter((f) => files.includes(f)), [], 'editor artifacts in the tarball');
  assert.deepEqual(files.filter((f) => f.endsWith('.map')), [], 'source maps in the tarball');
  assert.ok(files.some((f) => /^dist\/chunks\/element-math-.*\.js$/.test(f)), 'the element\'s math chunk');
  assert.ok(pack().size <= PACK_BUDGET, `npm pack is ${pack().size} bytes, over ${PACK_BUDGET}`);
});

test('LICENSE is MIT, the notices hold every bundled package\'s license, CHANGELOG starts with Unreleased', () => {
  assert.match(readFileSync(path.join(root, 'LICENSE'), 'utf8'), /^MIT License\n\nCopyright \(c\) \d{4} Draftmark/);
  const notices = readFileSync(path.join(root, 'THIRD_PARTY_NOTICES.md'), 'utf8');
  for (const name of ['katex', 'dompurify', 'codemirror', '@codemirror/view', '@lezer/highlight', 'idb-keyval',
    'jekyll-theme-chirpy', ...(pkg.devDependencies.mermaid ? ['mermaid'] : [])]) {
    assert.match(notices, new RegExp(`^## ${name.replace(/[/.]/g, '\\$&')}[ \n]`, 'm'), `notice for ${name}`);
  }
  const katexLicense = readFileSync(path.join(root, 'node_modules/katex/LICENSE'), 'utf8').trim();
  assert.ok(notices.includes(katexLicense), 'license texts are copied verbatim from node_modules');
  const changelog = readFileSync(path.join(root, 'CHANGELOG.md'), 'utf8');
  assert.match(changelog, /^# Changelog\n\n## Unreleased\n/);
  assert.match(changelog, new RegExp(`^## ${pkg.version.replace(/\./g, '\\.')}$`, 'm'));
});

test('package.json is publishable: name, version, license, types, exports, files', () => {
  assert.notEqual(pkg.private, true);
  assert.match(pkg.version, /^\d+\.\d+\.\d+/);
  assert.ok(pkg.license);
  assert.equal(pkg.types, './dist/draftmark.d.ts');
  assert.equal(pkg.exports['.'].types, './dist/draftmark.d.ts');
  assert.equal(pkg.exports['.'].default, './dist/draftmark.js');
  assert.ok(pkg.files.includes('dist/'));
  for (const field of ['repository', 'homepage', 'keywords', 'sideEffects', 'description']) {
    assert.ok(pkg[field], `package.json has ${field}`);
  }
  assert.equal(pkg.exports['./element'].default, './dist/draftmark-element.js');
  assert.equal(pkg.exports['./draftmark.css'], './dist/draftmark.css');
  assert.ok(pkg.sideEffects.includes('./dist/draftmark-element.js'), 'importing the element defines it');
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
  // (+2: the editor and the compressed mermaid, text/plain scripts no script parses until they are needed.)
  assert.match(html, /<script type="text\/plain" id="draftmark-mermaid-gz">[A-Za-z0-9+/=]+<\/script>/);
  assert.equal((html.match(/<\/script/gi) ?? []).length, (page.match(/<script\b/gi) ?? []).length + 2);
  // The app's first stage is one inline classic script, and the editor (the second) and the
  // mermaid text come after it (it runs where the parser meets it: web/build-single-file.mjs).
  const start = html.indexOf('<script>');
  assert.ok(start > 0, 'the first stage is an inline classic script');
  assert.match(html, /<script type="text\/plain" id="draftmark-editor-gz">[A-Za-z0-9+/=]+<\/script>/);
  const editor = html.indexOf('<script type="text/plain" id="draftmark-editor-gz">');
  assert.ok(start < editor && editor < html.indexOf('<script type="text/plain" id="draftmark-mermaid-gz">'),
    'the first stage, then the editor, then mermaid');
  const markup = html.replace(/(<script\b[^>]*>)[\s\S]*?<\/script/gi, '$1</script');  // the markup without the scripts' text
  const tags = markup.match(/<(script|link|img|iframe|source|video|audio|embed|object)\b[^>]*>/gi) ?? [];
  const urls = tags.flatMap((t) => [...t.matchAll(/\s(?:src|href|data)\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+))/gi)]
    .map((m) => m[1] ?? m[2] ?? m[3]));
  const external = urls.filter((url) => !/^(data:|#)/i.test(url));
  assert.deepEqual(external, []);
  assert.doesNotMatch(markup, /url\(\s*["']?(?!data:)/i, 'CSS url() outside data: URLs');
});

test('mermaid is bundled without elkjs, as Chirpy\'s mermaid (1.5 MB less to parse past at start-up)', () => {
  const html = readFileSync(path.join(dist, 'draftmark.html'), 'utf8');
  const base64 = html.match(/<script type="text\/plain" id="draftmark-mermaid-gz">([A-Za-z0-9+/=]+)<\/script>/)[1];
  const inline = gunzipSync(Buffer.from(base64, 'base64')).toString('utf8');
  for (const [name, js] of [['single file', inline], ['draftmark-mermaid.js', readFileSync(path.join(dist, 'draftmark-mermaid.js'), 'utf8')]]) {
    assert.match(js, /flowchart/, `${name} is mermaid`);
    assert.doesNotMatch(js, /org\.eclipse\.elk/, `${name} holds elkjs`);
  }
});

test('the single file is pure ASCII (Chromium then reads it as one-byte text)', () => {
  const html = readFileSync(path.join(dist, 'draftmark.html'), 'latin1');
  assert.equal(html.search(/[^\x00-\x7f]/), -1);
});

test('no eval or Function constructor in the bundles a strict CSP would block', () => {
  const chunks = readdirSync(path.join(dist, 'chunks')).map((f) => `chunks/${f}`);
  for (const file of ['draftmark.html', 'draftmark.js', 'draftmark-element.js', 'app.js', ...chunks]) {
    const text = readFileSync(path.join(dist, file), 'utf8');
    assert.doesNotMatch(text, /(^|[^.\w$])eval\s*\(/, `${file} calls eval`);
    assert.doesNotMatch(text, /new\s+Function\s*\(|[^.\w$]Function\s*\(\s*["'`]/, `${file} builds a Function from text`);
  }
});

test('README\'s sizes table is the one scripts/sizes.mjs measures on dist/', () => {
  const readme = readFileSync(path.join(root, 'README.md'), 'utf8');
  assert.equal(readmeTable(readme), sizesTable(measureSizes(root)),
    'README.md is stale: run node scripts/sizes.mjs --write (web/build.mjs does)');
});

// What `import { init, render } from 'draftmark'` loads: the entry and its static imports.
function staticClosure(file, seen = new Set()) {
  if (seen.has(file)) return seen;
  seen.add(file);
  const text = readFileSync(path.join(dist, file), 'utf8');
  for (const [, spec] of text.matchAll(/(?:^|[;}\s])import\s*(?:[\w$\s{},*]+from\s*)?["']([^"']+)["']/g)) {
    staticClosure(path.posix.join(path.posix.dirname(file), spec), seen);
  }
  return seen;
}

test('init and render load no DOM code: the module entry is under 40 KB gzipped, without DOMPurify or KaTeX', () => {
  const files = [...staticClosure('draftmark.js')];
  const gzip = files.reduce((sum, f) => sum + gzipSync(readFileSync(path.join(dist, f)), { level: 9 }).length, 0);
  assert.ok(gzip <= 40 * 1024, `draftmark.js and its static chunks are ${gzip} bytes gzipped`);
  for (const file of files) {
    const text = readFileSync(path.join(dist, file), 'utf8');
    assert.doesNotMatch(text, /KaTeX parse error|dompurify|@lezer|tok-/i, `${file} holds DOM-side code`);
  }
});

test('KaTeX, DOMPurify and the highlighter are each in exactly one file of the package', () => {
  const js = packedFiles().filter((f) => f.endsWith('.js'));
  const holding = (pattern) => js.filter((f) => pattern.test(readFileSync(path.join(root, f), 'utf8')));
  assert.equal(holding(/KaTeX parse error/).length, 1, `KaTeX in ${holding(/KaTeX parse error/)}`);
  assert.equal(holding(/dompurify/i).length, 1, `DOMPurify in ${holding(/dompurify/i)}`);
  assert.equal(holding(/Stream parser failed to advance/).length, 1, 'the highlighter once');
});
