// Writes THIRD_PARTY_NOTICES.md: the license text of every third-party package bundled into
// dist/ (the package and the editor artifacts), read from node_modules — never typed by hand.
// The packages are the devDependencies that get bundled and everything they depend on;
// vendored material without a package (Chirpy's styles and locales) comes from third_party/.
import { existsSync, readFileSync, readdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';

// devDependencies that are tools or test data, not bundled into any output. The Chirpy theme
// and what its page loads from CDNs are the page oracle's (tests/chirpy/), mathjax-full the
// equation-number oracle's: test-only. Type packages (@types/*) hold declarations only and are
// never bundled either. Font Awesome Free is bundled: its SVGs are the post's icons (iconsPlugin).
const kNotBundled = new Set(['esbuild', 'playwright-core', 'commonmark-spec',
  'jekyll-theme-chirpy', 'bootstrap', '@fontsource/lato',
  '@fontsource/source-sans-pro', 'jquery', 'lozad', 'magnific-popup', 'clipboard', 'dayjs', 'simple-jekyll-search', 'mathjax',
  'mathjax-full']);

// Dependencies of bundled packages that our build leaves out: mermaid's ELK layouts
// (esbuild-plugins.mjs mermaidElkAsDagrePlugin).
const kLeftOut = new Set(['elkjs']);

function packageDir(root, name, from) {
  // Node's lookup: nested node_modules first, then upwards to the root's.
  for (let dir = from; dir.startsWith(root); dir = path.dirname(dir)) {
    const candidate = path.join(dir, 'node_modules', name);
    if (existsSync(path.join(candidate, 'package.json'))) return candidate;
    if (dir === root) break;
  }
  return null;
}

function licenseText(dir) {
  const file = readdirSync(dir).find((f) => /^(licen[cs]e|copying)(\.(md|txt))?$/i.test(f));
  return file ? readFileSync(path.join(dir, file), 'utf8').trim() : null;
}

/** Every bundled package: [{name, version, license, text}] sorted by name. */
export function bundledPackages(root) {
  const pkg = JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8'));
  const seen = new Map();
  const queue = Object.keys(pkg.devDependencies ?? {}).filter((n) => !kNotBundled.has(n)).map((n) => [n, root]);
  while (queue.length) {
    const [name, from] = queue.shift();
    const dir = packageDir(root, name, from);
    if (!dir || seen.has(dir) || name.startsWith('@types/') || kLeftOut.has(name)) continue;
    const meta = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
    seen.set(dir, { name: meta.name, version: meta.version, license: meta.license ?? 'see text', text: licenseText(dir) });
    for (const dep of Object.keys(meta.dependencies ?? {})) queue.push([dep, dir]);
  }
  const list = [...seen.values()];
  const missing = list.filter((p) => !p.text);
  if (missing.length) throw new Error(`no license file in ${missing.map((p) => p.name).join(', ')}`);
  return list.sort((a, b) => a.name.localeCompare(b.name) || a.version.localeCompare(b.version));
}

/** Writes the notices file; returns its path. */
export function writeNotices(root) {
  const parts = ['# Third-party notices', '',
    'Draftmark (MIT, see LICENSE) bundles the following third-party software into dist/ ' +
    '(the npm package, the editor page and the offline single file). Their licenses follow, as shipped in each package.', ''];
  const chirpy = path.join(root, 'third_party/jekyll-theme-chirpy/LICENSE');
  parts.push('## jekyll-theme-chirpy (MIT)', '',
    'The post styles (web/styles/chirpy-post.css, chirpy-post-layout.css) and the post layout\'s locale strings ' +
    '(wasm/src/jekyll/post_layout/chirpy_locales.inc, generated from the theme\'s _data/locales) are derived from ' +
    'https://github.com/cotes2020/jekyll-theme-chirpy.', '', '```', readFileSync(chirpy, 'utf8').trim(), '```', '');
  // Packages whose license text is the same word for word (CodeMirror's, lezer's, d3's) share
  // one copy of it under their headings.
  const byText = new Map();
  for (const p of bundledPackages(root)) {
    if (!byText.has(p.text)) byText.set(p.text, []);
    byText.get(p.text).push(p);
  }
  for (const [text, packages] of byText) {
    parts.push(...packages.map((p) => `## ${p.name} ${p.version} (${p.license})`), '', '```', text.replace(/```/g, "'''"), '```', '');
  }
  const file = path.join(root, 'THIRD_PARTY_NOTICES.md');
  writeFileSync(file, parts.join('\n'));
  return file;
}
