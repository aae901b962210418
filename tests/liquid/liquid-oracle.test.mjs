// Liquid oracle: every post in posts/ is built by the real Jekyll 4.3 (Debian's `jekyll`,
// installed by scripts/setup.sh) in a minimal offline site — _config.yml with url, baseurl,
// title and Chirpy's permalink /posts/:title/, kramdown, no theme, no plugins, a layout that
// writes only {{ content }} — and rendered by Draftmark's CLI in jekyll mode with the same
// site settings; both are normalised as in the kramdown parity test and compared whole.
//
// Expected output always comes from the Jekyll run. Stub includes stand in for Chirpy's
// embeds and write the placeholder card Draftmark writes (our card deliberately differs from
// Chirpy's iframe), so embeds are compared structurally. Deliberate differences are listed
// in KNOWN_DIFFERENCES with their reason; anything else fails.
//   node tests/liquid/liquid-oracle.test.mjs --cli build/native/draftmark [--verbose]
import { spawnSync } from 'node:child_process';
import { cpSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { normalizePair } from '../kramdown/normalize-parity.mjs';

const here = path.dirname(fileURLToPath(import.meta.url));
const args = process.argv.slice(2);
const verbose = args.includes('--verbose');
const cli = args.includes('--cli') ? args[args.indexOf('--cli') + 1] : path.join(here, '../../build/native/draftmark');

const SITE = { url: 'https://example.com', baseurl: '/blog', title: 'Liquid Oracle' };

// post file -> reason. These posts are still built and rendered (they must not crash), but
// their output differs by design.
const KNOWN_DIFFERENCES = new Map([
  ['2020-01-07-other-tags.md', 'if/assign/for are not run in the preview: each tag shows as a marker (README, Liquid)'],
]);

const which = spawnSync('jekyll', ['--version'], { encoding: 'utf8' });
if (which.error || which.status !== 0) {
  console.error('jekyll is not installed (scripts/setup.sh installs Debian\'s jekyll)');
  process.exit(1);
}

const site = mkdtempSync(path.join(os.tmpdir(), 'draftmark-liquid-'));
process.on('exit', () => rmSync(site, { recursive: true, force: true }));
mkdirSync(path.join(site, '_posts'));
mkdirSync(path.join(site, '_layouts'));
mkdirSync(path.join(site, '_includes/embed'), { recursive: true });
writeFileSync(path.join(site, '_config.yml'),
  `title: ${SITE.title}\nurl: ${SITE.url}\nbaseurl: ${SITE.baseurl}\npermalink: /posts/:title/\n` +
  'markdown: kramdown\nkramdown:\n  input: GFM\n  syntax_highlighter_opts:\n    disable: true\n' +
  'defaults:\n  - scope:\n      path: ""\n    values:\n      layout: post\n');
writeFileSync(path.join(site, '_layouts/post.html'), '{{ content }}');
const EMBEDS = { youtube: ['YouTube video', 'https://www.youtube.com/watch?v='],
                 bilibili: ['Bilibili video', 'https://www.bilibili.com/video/'] };
for (const [name, [label, prefix]] of Object.entries(EMBEDS)) {
  writeFileSync(path.join(site, `_includes/embed/${name}.html`),
    `<div class="embed-placeholder embed-${name}" data-embed="${name}"><a href="${prefix}{{ include.id }}">` +
    `${label} {{ include.id }}</a></div>`);
}
const posts = readdirSync(path.join(here, 'posts')).filter((f) => f.endsWith('.md')).sort();
for (const p of posts) cpSync(path.join(here, 'posts', p), path.join(site, '_posts', p));

const build = spawnSync('jekyll', ['build', '--safe', '--quiet', '--disable-disk-cache', '-s', site, '-d',
  path.join(site, '_site')], { encoding: 'utf8', env: { ...process.env, TZ: 'UTC', JEKYLL_ENV: 'production' } });
if (build.status !== 0) {
  console.error(`jekyll build failed:\n${build.stdout}\n${build.stderr}`);
  process.exit(1);
}

// Jekyll's {% highlight %} writes Rouge's <figure class="highlight"> with token spans; the
// preview writes a fenced code block (tokens are coloured in the browser). Compared as code.
function undoHighlight(html) {
  return html
    .replace(/<figure class="highlight"><pre><code class="language-([^"]*)" data-lang="[^"]*">([\s\S]*?)<\/code><\/pre><\/figure>/g,
      (all, lang, code) => `<pre><code class="language-${lang}">${code.replace(/<\/?span[^>]*>/g, '').replace(/\n+$/, '')}\n</code></pre>`)
    .replace(/<table class="rouge-table"><tbody><tr><td class="gutter gl"><pre class="lineno">[\s\S]*?<\/pre><\/td><td class="code"><pre>([\s\S]*?)<\/pre><\/td><\/tr><\/tbody><\/table>/g,
      (all, code) => code.replace(/\n+$/, ''));
}

let same = 0, known = 0;
const failures = [];
for (const p of posts) {
  const slug = p.replace(/^\d{4}-\d{2}-\d{2}-/, '').replace(/\.md$/, '');
  const jekyllHtml = undoHighlight(readFileSync(path.join(site, '_site/posts', slug, 'index.html'), 'utf8'));
  const r = spawnSync(cli, ['render', '--mode', 'jekyll', '--no-source-lines', '--no-header',
    '--site-url', SITE.url, '--baseurl', SITE.baseurl, '--site-title', SITE.title, path.join(here, 'posts', p)],
  { encoding: 'utf8' });
  if (r.status !== 0) {
    failures.push(`${p}: draftmark exited ${r.status}: ${r.stderr}`);
    continue;
  }
  const { kramdown, draftmark } = normalizePair(jekyllHtml, r.stdout, {});
  const equal = kramdown === draftmark;
  if (KNOWN_DIFFERENCES.has(p)) {
    known++;
    if (equal) failures.push(`${p}: listed as a known difference but now identical; remove it from the list`);
    continue;
  }
  if (equal) {
    same++;
    if (verbose) console.log(`ok ${p}`);
  } else {
    failures.push(`${p} differs\n--- jekyll\n${kramdown}\n--- draftmark\n${draftmark}`);
  }
}
console.log(`liquid oracle: ${posts.length} posts, ${same} identical to jekyll, ${known} known differences, ` +
            `${failures.length} failures`);
if (failures.length) {
  for (const f of failures) console.error(`\n${f}`);
  process.exit(1);
}
