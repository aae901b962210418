// Builds real Chirpy post pages offline: the theme's npm package (jekyll-theme-chirpy 5.3.21)
// is the site source, Debian's jekyll 4.3 and its Jekyll plugins build it (no bundler, no
// network). What the oracle test compares against always comes from this run.
import { spawnSync } from 'node:child_process';
import { cpSync, existsSync, mkdirSync, mkdtempSync, readFileSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { solidPng } from './solid-png.mjs';

const kPlugins = ['jekyll-paginate', 'jekyll-redirect-from', 'jekyll-seo-tag', 'jekyll-archives',
  'jekyll-sitemap', 'jekyll-include-cache'];

// Settings over the package's own _config.yml (a blog's, with its CDN image host, comments
// and PWA): nothing may point outside, and no table of contents (it needs a CDN script
// that is not on npm and is not part of the post body).
const kOverrides = `url: 'http://127.0.0.1'
img_cdn: ''
avatar: ''
toc: false
comments:
  active: false
pwa:
  enabled: false
plugins: [${kPlugins.join(', ')}]
`;

// assets/js/dist/post.min.js is built by the theme's gulpfile and is not in the npm package:
// the same concatenation, in the gulpfile's order (unminified).
const kPostScripts = ['commons/*', 'utils/img-extra.js', 'utils/locale-datetime.js', 'utils/clipboard.js',
  'utils/smooth-scroll.js'];

function writePostScript(source) {
  const js = path.join(source, '_javascript');
  const files = kPostScripts.flatMap((entry) => entry.endsWith('/*')
    ? readdirSync(path.join(js, entry.slice(0, -2))).filter((f) => f.endsWith('.js')).sort().map((f) => path.join(js, entry.slice(0, -2), f))
    : [path.join(js, entry)]);
  mkdirSync(path.join(source, 'assets/js/dist'), { recursive: true });
  writeFileSync(path.join(source, 'assets/js/dist/post.min.js'), files.map((f) => readFileSync(f, 'utf8')).join('\n'));
}

// Ruby 3.1's YAML (Psych 4, safe_load) refuses a plain value that starts with ':' (a Ruby
// symbol): tr-TR's `meta: :PLATFORM ve :THEME teması.` stops the build. Quote such values.
function quoteSymbolValues(source) {
  const dir = path.join(source, '_data/locales');
  for (const name of readdirSync(dir)) {
    const file = path.join(dir, name);
    const text = readFileSync(file, 'utf8');
    const fixed = text.replace(/^(\s*[\w-]+: )(:[^\n]*)$/gm, (_, key, value) => `${key}${JSON.stringify(value)}`);
    if (fixed !== text) writeFileSync(file, fixed);
  }
}

/** Image paths a post shows (`![..](/path)`), site-absolute ones only. */
function imagePaths(text) {
  return [...text.matchAll(/!\[[^\]]*\]\((\/[^)\s]+)/g)].map((m) => decodeURIComponent(m[1]));
}

/** The post's page path: the theme's permalink is /posts/:title/ (the file name less its date). */
export function postPath(fileName) {
  return `/posts/${fileName.replace(/^\d{4}-\d\d-\d\d-/, '').replace(/\.(md|markdown)$/, '')}/`;
}

/**
 * Builds a Chirpy site with `posts` ([{file: 'YYYY-MM-DD-slug.md', text}]) and a 1200×675 picture
 * at every image path they show. Returns {site (the built folder), pages: [{file, path, html}],
 * remove()}.
 */
export function buildChirpySite(posts, { root = process.cwd() } = {}) {
  const work = mkdtempSync(path.join(os.tmpdir(), 'draftmark-chirpy-'));
  const source = path.join(work, 'source');
  const site = path.join(work, 'site');
  cpSync(path.join(root, 'node_modules/jekyll-theme-chirpy'), source, { recursive: true });
  // The package folder is the site: no `theme:` (it is the theme), no Gemfile (no bundler).
  const config = path.join(source, '_config.yml');
  writeFileSync(config, readFileSync(config, 'utf8').replace(/^theme:.*$/m, ''));
  rmSync(path.join(source, 'Gemfile'), { force: true });
  writeFileSync(path.join(source, '_oracle.yml'), kOverrides);
  writeFileSync(path.join(source, 'assets/css/style.scss'), '---\n---\n\n@import "jekyll-theme-chirpy";\n');
  quoteSymbolValues(source);
  writePostScript(source);
  rmSync(path.join(source, '_posts'), { recursive: true, force: true });  // the package's own blog posts
  mkdirSync(path.join(source, '_posts'));
  for (const post of posts) {
    writeFileSync(path.join(source, '_posts', post.file), post.text);
    for (const image of imagePaths(post.text)) {
      mkdirSync(path.dirname(path.join(source, image)), { recursive: true });
      writeFileSync(path.join(source, image), solidPng(1200, 675, [120, 150, 190]));
    }
  }
  const run = spawnSync('jekyll', ['build', '-s', source, '-d', site, '--config', `${config},${path.join(source, '_oracle.yml')}`],
    { encoding: 'utf8', env: { ...process.env, JEKYLL_NO_BUNDLER_REQUIRE: 'true', JEKYLL_ENV: 'production' } });
  if (run.status !== 0) throw new Error(`jekyll build failed:\n${run.stdout}\n${run.stderr}`);
  const pages = posts.map((post) => {
    const page = { file: post.file, path: postPath(post.file), html: path.join(site, postPath(post.file), 'index.html') };
    if (!existsSync(page.html)) throw new Error(`jekyll wrote no page for ${post.file} (expected ${page.html})`);
    return page;
  });
  return { site, pages, remove: () => rmSync(work, { recursive: true, force: true }) };
}
