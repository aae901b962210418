// Bad input is rendered or refused with a clear message, never a crash, a hang or an
// empty page: invalid UTF-8, NUL bytes, a lone BOM, CRLF and CR line ends, 20 MB and
// over-64-MiB documents, control characters and random bytes. The native CLI gets the
// raw bytes; the wasm module gets what JS can hold (lone surrogates instead of bad bytes).
//   node tests/pathological/bad-input.test.mjs --cli build/native/draftmark --wasm build/wasm/draftmark.wasm
//        [--engines native,wasm]
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { argValue } from '../node/engines.mjs';

const engines = argValue('--engines', 'native,wasm').split(',');
const cli = argValue('--cli', 'build/native/draftmark');
let dm = null;
if (engines.includes('wasm')) {
  dm = await import('../../web/src/lib/draftmark.js');
  await dm.init({ wasm: argValue('--wasm', 'build/wasm/draftmark.wasm') });
}
const FFFD = '\ufffd';

/** Native: raw bytes in, {html, stderr} out. */
function native(bytes, mode = 'gfm', extra = []) {
  const r = spawnSync(cli, ['render', '--mode', mode, ...extra], { input: bytes, maxBuffer: 1 << 30, timeout: 120000 });
  assert.equal(r.signal, null, `draftmark killed by ${r.signal}: ${r.stderr}`);
  assert.equal(r.status, 0, `draftmark exited ${r.status}: ${r.stderr}`);
  return { html: r.stdout.toString('utf8'), stderr: r.stderr.toString('utf8'), raw: r.stdout };
}

const isValidUtf8 = (buf) => {
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(buf);
    return !buf.includes(0);
  } catch {
    return false;
  }
};

const invalidSequences = {
  'a lone continuation byte': [0x80],
  'bytes never valid in UTF-8': [0xff, 0xfe],
  'an overlong slash': [0xc0, 0xaf],
  'an encoded surrogate': [0xed, 0xa0, 0x80],
  'a code point above U+10FFFF': [0xf4, 0x90, 0x80, 0x80],
  'a five-byte form': [0xf8, 0x88, 0x80, 0x80, 0x80],
  'a truncated sequence': [0xe2, 0x82],
};

if (engines.includes('native')) {
  test('invalid UTF-8 becomes U+FFFD and the text around it survives (native, every mode)', () => {
    for (const [name, bytes] of Object.entries(invalidSequences)) {
      for (const mode of ['gfm', 'commonmark', 'jekyll']) {
        const input = Buffer.concat([Buffer.from('# Title\n\nbefore '), Buffer.from(bytes), Buffer.from(' after *em*\n')]);
        const { html, raw } = native(input, mode);
        assert.ok(isValidUtf8(raw), `${name} (${mode}): output is not valid UTF-8`);
        assert.match(html, /<h1[^>]*>Title<\/h1>/, `${name} (${mode})`);
        assert.match(html, new RegExp(`before ${FFFD}+ after <em>em</em>`), `${name} (${mode}): ${html}`);
      }
    }
  });

  test('a truncated sequence at the very end of the input is repaired (native)', () => {
    const { html, raw } = native(Buffer.from([0x61, 0x0a, 0x0a, 0x62, 0xf0, 0x9f, 0x98]));
    assert.ok(isValidUtf8(raw));
    assert.match(html, new RegExp(`<p[^>]*>b${FFFD}+</p>`));
  });

  test('NUL bytes become U+FFFD, in text, code, links and front matter (native)', () => {
    const input = Buffer.from('---\ntitle: a\0b\n---\n\nx\0y `c\0d` [l\0](u\0v)\n\n```\n\0\n```\n');
    const { html, raw } = native(input, 'jekyll');
    assert.ok(isValidUtf8(raw), 'output holds a NUL or invalid UTF-8');
    assert.match(html, new RegExp(`x${FFFD}y`));
    assert.match(html, new RegExp(`c${FFFD}d`));
  });

  test('random bytes render to valid UTF-8 without crashing (native, every mode)', () => {
    let seed = 12345;
    const random = () => ((seed = (seed * 1103515245 + 12345) >>> 0) >>> 16) & 0xff;
    const bytes = Buffer.alloc(1 << 20, 0).map(() => random());
    for (const mode of ['gfm', 'commonmark', 'jekyll']) {
      const { html, raw } = native(bytes, mode);
      assert.ok(html.length > 0, `${mode}: empty output`);
      assert.ok(isValidUtf8(raw), `${mode}: output is not valid UTF-8`);
    }
  });

  test('a document over 64 MiB is refused with a clear message, not rendered half-way (native)', () => {
    const big = Buffer.alloc(65 * 1024 * 1024, 'a\n');
    const { html, stderr } = native(big, 'gfm');
    assert.equal(html, '');
    assert.match(stderr, /error: .*larger than 64 MiB/);
  });
}

// Both engines from here on: JS strings in (native gets their UTF-8).
const renderers = [];
if (engines.includes('native')) {
  renderers.push(['native', (text, mode = 'gfm') => native(Buffer.from(text, 'utf8'), mode, ['--no-source-lines']).html]);
}
if (dm) renderers.push(['wasm', (text, mode = 'gfm') => dm.render(text, { mode, sourceLines: false }).html]);

test('lone surrogates from JS become U+FFFD (wasm and native)', () => {
  for (const [engine, render] of renderers) {
    const html = render('a\ud800b\udfffc\n');
    assert.match(html, new RegExp(`a${FFFD}b${FFFD}c`), engine);
  }
});

test('a lone BOM is an empty document; a BOM does not hide a heading or front matter', () => {
  for (const [engine, render] of renderers) {
    assert.equal(render('\ufeff'), '', `${engine}: a lone BOM`);
    assert.equal(render('\ufeff# Title\n'), '<h1>Title</h1>\n', engine);
    assert.match(render('\ufeff---\ntitle: T\n---\n\nbody\n', 'jekyll'), /<p>body<\/p>/, engine);
    assert.match(render('a\ufeffb\n'), /a\ufeffb/, `${engine}: a BOM inside the text is kept as text`);
  }
  if (dm) {
    const r = dm.render('\ufeff---\ntitle: T\n---\n\nbody\n', { mode: 'auto' });
    assert.equal(r.mode, 'jekyll');
    assert.equal(r.frontMatter?.title, 'T');
  }
});

test('CRLF and CR line ends render exactly like LF, line numbers included', () => {
  const body = '# Head\n\npara *one*\nline two\n\n- a\n- b\n\n```js\ncode\n```\n\n| a | b |\n|---|---|\n| 1 | 2 |\n\n> quote\n';
  // Jekyll only knows "\n" and "\r\n" around front matter (its regex), so a CR-only
  // file has none there; the body alone is compared for CR.
  const withFrontMatter = `---\ntitle: T\n---\n\n${body}`;
  for (const [engine] of renderers) {
    for (const mode of ['gfm', 'jekyll']) {
      const render = (text) => (engine === 'wasm'
        ? dm.render(text, { mode, sourceLines: true }).html
        : native(Buffer.from(text), mode).html);
      const expected = render(withFrontMatter);
      assert.ok(expected.length > 0);
      assert.equal(render(withFrontMatter.replaceAll('\n', '\r\n')), expected, `${engine} ${mode}: CRLF`);
      assert.equal(render(body.replaceAll('\n', '\r')), render(body), `${engine} ${mode}: CR`);
    }
  }
});

test('control characters and terminal escapes are kept as text, not dropped or crashing', () => {
  for (const [engine, render] of renderers) {
    const html = render('a\u0001b\u001b[31mred\u000bv\u000cf\u007f\n');
    assert.match(html, /a\u0001b\u001b\[31mred/, engine);
  }
});

test('a 20 MB document renders completely in gfm and jekyll mode', () => {
  const seed = readFileSync('tests/fixtures/seed-post.md', 'utf8');
  const body = seed.slice(seed.indexOf('\n---\n', 4) + 5);
  const text = body.repeat(Math.ceil(20e6 / Buffer.byteLength(body)));
  assert.ok(Buffer.byteLength(text) >= 20e6);
  const lastLine = text.trimEnd().split('\n').length;
  for (const [engine] of renderers) {
    for (const mode of ['gfm', 'jekyll']) {  // commonmark is gfm's parser minus extensions
      let html;
      let lastBlockLine;
      if (engine === 'wasm') {
        const r = dm.render(text, { mode, sourceLines: true });
        html = r.html;
        lastBlockLine = r.blocks.at(-1).lineEnd;
      } else {
        html = native(Buffer.from(text), mode).html;
        lastBlockLine = Number([...html.slice(-200000).matchAll(/data-line="\d+-(\d+)"/g)].at(-1)?.[1]);
      }
      assert.ok(html.length > text.length / 2, `${engine} ${mode}: output is truncated (${html.length} bytes)`);
      assert.ok(lastBlockLine >= lastLine - 2, `${engine} ${mode}: last block ends on line ${lastBlockLine}, text has ${lastLine}`);
    }
  }
});

if (dm) {
  test('a document over 64 MiB is refused with a diagnostic and the module keeps working (wasm)', () => {
    const r = dm.render('a\n'.repeat(33.6e6), { mode: 'gfm' });
    assert.equal(r.html, '');
    assert.deepEqual(r.diagnostics.map((d) => d.code), ['too-large']);
    assert.match(r.diagnostics[0].message, /64 MiB/);
    assert.equal(dm.render('*ok*\n', { mode: 'gfm', sourceLines: false }).html, '<p><em>ok</em></p>\n');
  });
}
