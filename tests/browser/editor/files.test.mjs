// Files in and out of the editor: open (file input, File System Access picker, drag and drop),
// save back to the opened file, save as / download, export a standalone HTML page that shows
// the post offline (KaTeX fonts inside), and copy the HTML.
import assert from 'node:assert/strict';
import { readFileSync, writeFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { artifactPath, focusEditorEnd, openEditor, setMarkdown, startBrowser } from './editor-page.mjs';

let env;

before(async () => { env = await startBrowser(); });
after(() => env?.close());

const markdown = (page) => page.evaluate(() => window.draftmark.getMarkdown());
const waitPreview = (page, text) => page.waitForFunction((t) => document.getElementById('preview').textContent.includes(t), text);

// A fake File System Access API: pickers hand out in-memory handles, writes are recorded.
function fakeFileSystem() {
  window.__writes = [];
  const handle = (name, text) => ({
    kind: 'file', name,
    async getFile() { return new File([text], name, { type: 'text/markdown' }); },
    async queryPermission() { return 'granted'; },
    async createWritable() {
      const chunks = [];
      return {
        async write(data) { chunks.push(String(data)); },
        async close() { window.__writes.push({ name, text: chunks.join('') }); },
      };
    },
  });
  window.showOpenFilePicker = async () => [handle('from-picker.md', '# Picked file\n\nOpened through the picker.\n')];
  window.showSaveFilePicker = async ({ suggestedName }) => handle(suggestedName, '');
}

// A browser without the File System Access API (Firefox, Safari, file://).
function noFileSystemAccess() {
  delete window.showOpenFilePicker;
  delete window.showSaveFilePicker;
  delete window.showDirectoryPicker;
}

describe('with the File System Access API', () => {
  let page, errors;
  before(async () => ({ page, errors } = await openEditor(env, { init: fakeFileSystem })));
  after(() => page.close());

  test('Open reads the picked file into a new draft named after it', async () => {
    const before = await page.evaluate(() => window.draftmark.draftId);
    await page.click('#open-button');
    await waitPreview(page, 'Opened through the picker.');
    assert.equal(await markdown(page), '# Picked file\n\nOpened through the picker.\n');
    assert.notEqual(await page.evaluate(() => window.draftmark.draftId), before);
    await page.click('#drafts-button');
    assert.match(await page.textContent('#drafts-panel [aria-current="true"]'), /from-picker\.md/);
    await page.click('#drafts-button');
  });

  test('Save writes the text back to the opened file; Ctrl+S does the same', async () => {
    await focusEditorEnd(page);
    await page.keyboard.type('Edited.\n');
    await page.click('#save-button');
    await page.waitForFunction(() => window.__writes.length === 1);
    const [first] = await page.evaluate(() => window.__writes);
    assert.deepEqual(first, { name: 'from-picker.md', text: await markdown(page) });
    await focusEditorEnd(page);
    await page.keyboard.type('More.');
    await page.keyboard.press('Control+s');
    await page.waitForFunction(() => window.__writes.length === 2);
    assert.equal((await page.evaluate(() => window.__writes))[1].text, await markdown(page));
  });

  test('Save as asks for a new file named after the post title', async () => {
    await setMarkdown(page, '---\ntitle: "제목 있는 글: Part 2"\n---\n\nBody.\n');
    await page.click('#save-as-button');
    await page.waitForFunction(() => window.__writes.length === 3);
    const write = (await page.evaluate(() => window.__writes))[2];
    assert.equal(write.name, '제목-있는-글-Part-2.md');
    assert.equal(write.text, await markdown(page));
  });

  test('a file dropped on the page opens as a new draft (not pasted into the text)', async () => {
    await page.evaluate(() => {
      const data = new DataTransfer();
      data.items.add(new File(['# Dropped\n\nFrom a drop.\n'], 'dropped.md', { type: 'text/markdown' }));
      const target = document.querySelector('.cm-content');
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    });
    await waitPreview(page, 'From a drop.');
    assert.equal(await markdown(page), '# Dropped\n\nFrom a drop.\n');
  });

  test('no console errors', () => {
    assert.deepEqual(errors, []);
  });
});

describe('without it (file input and downloads)', () => {
  let page, errors;
  before(async () => ({ page, errors } = await openEditor(env, { init: noFileSystemAccess })));
  after(() => page.close());

  test('Open falls back to a file input', async () => {
    const chooser = page.waitForEvent('filechooser');
    await page.click('#open-button');
    await (await chooser).setFiles({ name: 'chosen.md', mimeType: 'text/markdown', buffer: Buffer.from('# Chosen\n\n선택한 파일.\n') });
    await waitPreview(page, '선택한 파일.');
    assert.equal(await markdown(page), '# Chosen\n\n선택한 파일.\n');
  });

  test('Save downloads the Markdown', async () => {
    const download = page.waitForEvent('download');
    await page.click('#save-button');
    const file = await download;
    assert.equal(file.suggestedFilename(), 'Chosen.md');
    assert.equal(readFileSync(await file.path(), 'utf8'), await markdown(page));
  });

  test('Export HTML downloads a standalone page that shows the post offline with KaTeX fonts', async () => {
    await setMarkdown(page, '---\ntitle: Exported post\nmath: true\n---\n\n# Section\n\nMath $\\sqrt{2}$ and\n\n$$\\int_0^1 x\\,dx$$\n\n' +
      '```js\nconst x = 1;\n```\n');
    await page.waitForFunction(() => document.querySelector('#preview code .tok-keyword'));
    const download = page.waitForEvent('download');
    await page.click('#export-button');
    const file = await download;
    assert.equal(file.suggestedFilename(), 'Exported-post.html');
    // It says what it wrote and where; an info banner then goes away by itself.
    await page.waitForFunction(() => /Exported the page as Exported-post\.html to your downloads folder \(\d+\.\d KB; its styles and fonts/
      .test(document.getElementById('notices').textContent));
    await page.evaluate(() => { window.draftmark.notices.infoMs = 200; });
    await page.evaluate(() => window.draftmark.notices.show('file', { level: 'info', message: 'Short-lived.' }));
    await page.waitForFunction(() => !document.querySelector('#notices [data-notice="file"]'));
    await page.evaluate(() => { window.draftmark.notices.infoMs = 8000; });
    const html = readFileSync(await file.path(), 'utf8');
    assert.match(html, /^<!doctype html>/);
    assert.match(html, /<main class="chirpy-post">/);
    assert.match(html, /class="katex-display"/);
    assert.match(html, /class="tok-keyword"/);
    assert.doesNotMatch(html, /data-line=|<script|<link /);
    assert.match(html, /@font-face\s*{[^}]*KaTeX_Main[^}]*url\("data:font\/woff2;base64,/);
    assert.doesNotMatch(html, /url\((?!"?data:)/, 'every url() is inlined');
    const saved = artifactPath('editor-export.html');
    writeFileSync(saved, html);

    // Open it from file:// with every request refused: it must still be the complete post.
    const offline = await env.context.newPage();
    const attempts = [];
    await offline.route('**/*', (route) => {
      const url = route.request().url();
      if (url === pathToFileURL(saved).href) return route.continue();  // not on to the context's localhost-only rule
      attempts.push(url);
      return route.abort('blockedbyclient');
    });
    await offline.goto(pathToFileURL(saved).href);
    const shown = await offline.evaluate(async () => {
      await document.fonts.ready;
      return {
        title: document.title,
        heading: document.querySelector('h1')?.textContent,
        katexFont: [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded'),
        keywordColour: getComputedStyle(document.querySelector('.tok-keyword')).color,
        bodyColour: getComputedStyle(document.querySelector('main')).color,
      };
    });
    assert.equal(shown.title, 'Exported post');
    assert.equal(shown.heading, 'Exported post');
    assert.equal(shown.katexFont, true);
    assert.notEqual(shown.keywordColour, shown.bodyColour, 'code colours came along');
    assert.deepEqual(attempts, []);
    await offline.close();
  });

  test('Copy HTML puts the rendered post on the clipboard', async () => {
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
    await setMarkdown(page, '# Copied\n\nSome **bold** text.\n');
    await page.click('#copy-button');
    await page.waitForSelector('[data-notice="file"]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /<h1[^>]*>Copied<\/h1>/);
    assert.match(copied, /<strong>bold<\/strong>/);
    assert.doesNotMatch(copied, /data-line/);
  });

  test('Copy HTML of a long post just opened: no editor markers, not even on blocks not laid out yet', async () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i} with some words.`);
    await setMarkdown(page, paragraphs.join('\n\n'));
    // Blocks far from the view wait, folded in runs with an estimated size (offscreen-blocks.js),
    // most of them not even parsed yet: empty placeholders (preview.js's deferFrom).
    assert.ok(await page.evaluate(() => document.querySelectorAll('#preview > [data-far]').length > 100));
    assert.ok(await page.evaluate(() => document.querySelectorAll('#preview > [data-far][style]').length > 0));
    assert.ok(await page.evaluate(() => document.querySelectorAll('#preview > div[data-far]:empty').length > 100));
    await page.click('#copy-button');
    await page.waitForSelector('[data-notice="file"]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.match(copied, /<p>Paragraph 399 with some words.<\/p>/);
    assert.doesNotMatch(copied, /data-line|data-far|style=|contain-intrinsic-size|data-measuring/);
  });

  test('no console errors', () => {
    assert.deepEqual(errors, []);
  });
});

describe('images from the site URL or a local folder', () => {
  const svg = '<svg xmlns="http://www.w3.org/2000/svg" width="40" height="30"><rect width="40" height="30" fill="teal"/></svg>';
  let page;

  before(async () => {
    ({ page } = await openEditor(env, {
      init: [(picture) => {
        // A fake picked folder holding assets/cat.svg (the File System Access API cannot be driven headless).
        const dir = (name, tree) => ({
          kind: 'directory', name,
          async getDirectoryHandle(n) {
            if (typeof tree[n] === 'object') return dir(n, tree[n]);
            throw new DOMException(`${n} not found`, 'NotFoundError');
          },
          async getFileHandle(n) {
            if (typeof tree[n] !== 'string') throw new DOMException(`${n} not found`, 'NotFoundError');
            return { kind: 'file', name: n, getFile: async () => new File([tree[n]], n, { type: 'image/svg+xml' }) };
          },
        });
        window.showDirectoryPicker = async () => dir('my-site', { assets: { 'cat.svg': picture } });
      }, svg],
    }));
    await page.route(`${env.base}/site/**`, (route) => (route.request().url().endsWith('/site/assets/cat.svg')
      ? route.fulfill({ status: 200, contentType: 'image/svg+xml', body: svg })
      : route.fulfill({ status: 404, body: 'not found' })));
  });
  after(() => page.close());

  const post = '![cat](/assets/cat.svg)\n\n![gone](/assets/gone.png)\n';
  const loadedImage = () => page.waitForFunction(() => {
    const img = document.querySelector('#preview img');
    return img?.complete && img.naturalWidth === 40 ? img.getAttribute('src') : null;
  });

  test('site paths load from the site URL (with its base path); a missing one becomes a placeholder', async () => {
    await page.click('#settings-button');
    await page.fill('#site-url', `${env.base}/site/`);
    await page.press('#site-url', 'Enter');
    await setMarkdown(page, post);
    assert.equal(await (await loadedImage()).jsonValue(), `${env.base}/site/assets/cat.svg`);
    await page.waitForSelector('#preview .dm-image-missing[data-src="/assets/gone.png"]');
    assert.match(await page.textContent('#preview .dm-image-missing'), /could not be loaded/);
  });

  test('with a picked folder (and no site URL) they load from the folder', async () => {
    await page.fill('#site-url', '');
    await page.press('#site-url', 'Enter');
    await page.click('#image-folder-button');
    await page.waitForFunction(() => document.getElementById('image-folder-name').textContent === 'my-site');
    await setMarkdown(page, post);
    assert.match(await (await loadedImage()).jsonValue(), /^blob:/);
    await page.waitForSelector('#preview .dm-image-missing[data-src="/assets/gone.png"]');
    assert.match(await page.textContent('#preview .dm-image-missing'), /not in the folder "my-site"/);
  });
});
