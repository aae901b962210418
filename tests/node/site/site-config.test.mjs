// parseSiteConfig() against Debian's Jekyll 4.3: each _config.yml below is written to a temporary
// site, Jekyll reads it (oracle.rb), and the core must agree on every setting it returns. The
// expected values come from Jekyll; none are typed here.
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { fileURLToPath, pathToFileURL } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../..');
const dm = await import(pathToFileURL(path.join(root, 'dist', 'draftmark.js')));
const work = mkdtempSync(path.join(tmpdir(), 'dm-site-config-'));
const hasJekyll = spawnSync('ruby', ['-e', 'require "jekyll"']).status === 0;

before(() => dm.init());
after(() => rmSync(work, { recursive: true, force: true }));

let count = 0;
function jekyll(yaml, post) {
  const dir = path.join(work, `site${count++}`);
  spawnSync('mkdir', ['-p', dir]);
  writeFileSync(path.join(dir, '_config.yml'), yaml);
  const run = spawnSync('ruby', [path.join(root, 'tests/node/site/oracle.rb'), dir, post], { encoding: 'utf8' });
  assert.equal(run.status, 0, run.stderr);
  return JSON.parse(run.stdout.trim().split('\n').at(-1));
}

const kKeys = ['url', 'baseurl', 'lang', 'timezone', 'title', 'defaults', 'kramdown'];

function agrees(yaml, post = '_posts/2024-01-02-a-post.md') {
  const oracle = jekyll(yaml, post);
  const { settings, diagnostics } = dm.parseSiteConfig(yaml, { postPath: post });
  for (const key of kKeys) {
    assert.deepEqual(settings[key] ?? null, oracle.config[key] ?? null, `${key} differs from Jekyll`);
  }
  assert.equal(settings.media_subpath ?? null, oracle.config.media_subpath ?? oracle.config.img_path ?? null);
  assert.deepEqual(settings.post_defaults, oracle.post_defaults);
  return { settings, diagnostics };
}

const chirpy = `# A Chirpy site
title: 나의 블로그
url: "https://me.github.io"
baseurl: /blog
lang: ko-KR
timezone: Asia/Seoul
media_subpath: /media
kramdown:
  footnote_backlink: "↩"
  syntax_highlighter_opts:
    css_class: highlight
    span:
      line_numbers: false
defaults:
  - scope:
      path: ""
      type: posts
    values:
      layout: post
      comments: true
      toc: true
      permalink: /posts/:title/
  - scope:
      path: _posts/math
    values:
      math: true
  - scope:
      path: ""
    values:
      mermaid: false
      layout: page
`;

test('a Chirpy _config.yml reads as Jekyll reads it', { skip: !hasJekyll && 'no jekyll' }, () => {
  const { diagnostics } = agrees(chirpy);
  // syntax_highlighter_opts is the one setting here the preview cannot honour: named once.
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line]), [['site-kramdown-option', 10]]);
});

test('scopes by path: a post under _posts/math gets math: true from defaults', { skip: !hasJekyll && 'no jekyll' }, () => {
  const { settings } = agrees(chirpy, '_posts/math/2024-03-04-euler.md');
  assert.equal(settings.post_defaults.math, true);
});

test('overlapping scopes merge as Jekyll orders them: longer paths, then typed, then later entries win', { skip: !hasJekyll && 'no jekyll' }, () => {
  const yaml = ['defaults:',
    '  - {scope: {path: _posts/math/deep, type: posts}, values: {who: deep-typed, deep: 1}}',
    '  - {scope: {path: _posts/math/deep}, values: {who: deep, deep: 2, tag: {a: 1}}}',
    '  - {scope: {path: _posts/math, type: posts}, values: {who: math-typed, math: 1}}',
    '  - {scope: {path: _posts/math}, values: {who: math, math: 2, tag: {b: 2}}}',
    '  - {scope: {path: ""}, values: {who: root, root: 1}}',
    '  - {scope: {path: "", type: posts}, values: {who: root-typed, root: 2}}',
    '  - {scope: {path: ""}, values: {root: 3, tag: {c: 3}}}',
    ''].join('\n');
  agrees(yaml, '_posts/math/deep/2024-03-04-euler.md');
  agrees(yaml, '_posts/math/2024-03-04-euler.md');
});

test('img_path (before Chirpy 7) stands for media_subpath; no kramdown key keeps Jekyll\'s defaults', { skip: !hasJekyll && 'no jekyll' }, () => {
  agrees('title: Old\nimg_path: /assets/img\nbaseurl: ""\n');
});

test('an empty _config.yml is all defaults', { skip: !hasJekyll && 'no jekyll' }, () => {
  agrees('');
});

test('a YAML error is a diagnostic at Psych\'s line and column, never an exception', { skip: !hasJekyll && 'no jekyll' }, () => {
  const yaml = 'title: ok\nurl: "https://x\nbaseurl: /b\n  bad: [\n';
  const oracle = jekyll(yaml, '_posts/a.md');
  assert.ok(oracle.error, 'Jekyll refuses this config');
  const { settings, diagnostics } = dm.parseSiteConfig(yaml);
  assert.equal(settings, null);
  assert.equal(diagnostics[0].code, 'yaml-syntax');
  assert.equal(diagnostics[0].severity, 'error');
  assert.match(diagnostics[0].message, /_config\.yml/);
  assert.equal(diagnostics[0].line, oracle.line);
});

test('markdown other than kramdown is named once', () => {
  const { diagnostics } = dm.parseSiteConfig('markdown: CommonMark\n');
  assert.deepEqual(diagnostics.map((d) => [d.code, d.line, d.column]), [['site-markdown-engine', 1, 1]]);
});
