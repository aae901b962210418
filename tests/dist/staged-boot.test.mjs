// The offline single file's staged boot (web/src/editor/first-preview.js), from file:// with the
// network cut: its first stage shows the draft's preview before the editor's code runs, and the
// editor then takes that preview over — the same block nodes, drawn once — and is editable. A
// first stage that never started the editor fails here (the page never becomes ready).
import assert from 'node:assert/strict';
import path from 'node:path';
import { after, before, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { focusEditorEnd } from '../browser/editor/editor-page.mjs';
import { collectErrors, launchChromium } from './chromium.mjs';

const singleFileUrl = pathToFileURL(path.join(process.cwd(), 'dist/draftmark.html')).href;
const kReady = { timeout: 30_000 };

let browser;
const stray = [];  // requests other than the file itself: none may be made

before(async () => {
  browser = await launchChromium();  // a fresh profile: the first visit shows the seed post
  await browser.context.route('**/*', (route) => {
    if (route.request().url() === singleFileUrl || route.request().url().startsWith('data:')) return route.fallback();
    stray.push(route.request().url());
    return route.abort('blockedbyclient');
  });
  // What the page shows when it marks its first preview: window.__first.
  await browser.context.addInitScript(() => {
    const mark = performance.mark.bind(performance);
    performance.mark = (name, ...rest) => {
      if (name === 'draftmark:first-render' && !window.__first) {
        const preview = document.getElementById('preview');
        window.__first = {
          text: preview.textContent, blocks: preview.children.length, node: preview.firstElementChild,
          loadingShown: !document.getElementById('loading').hidden,
          editorRan: Boolean(window.draftmark) || Boolean(document.querySelector('.cm-editor')),
        };
      }
      return mark(name, ...rest);
    };
  });
});

after(() => browser?.close());

async function open() {
  const page = await browser.context.newPage();
  const errors = collectErrors(page);
  await page.goto(singleFileUrl);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, kReady);
  const first = await page.evaluate(() => ({ ...window.__first, node: undefined, kept: window.__first?.node?.parentNode === document.getElementById('preview') }));
  return { page, errors, first };
}

test('a first visit: the seed post is previewed before the editor runs, then the editor takes the preview over', async () => {
  const { page, errors, first } = await open();
  assert.ok(first.blocks > 0, 'the first preview shows blocks');
  assert.match(first.text, /BoostCamp AI Tech/, 'the seed post');
  assert.equal(first.editorRan, false, 'shown before the editor ran');
  assert.equal(first.loadingShown, false, 'the loading screen is gone');
  assert.equal(first.kept, true, 'the editor kept the first preview\'s nodes');
  // The editor finished the blocks the first stage left (images resolve: none is held back).
  assert.equal(await page.$$eval('#preview img.dm-image-loading', (els) => els.length), 0);
  assert.equal(await page.evaluate(() => window.draftmark.sameAsWholeRender()), true);
  await page.close();
  assert.deepEqual(errors, []);
});

test('a returning visit: the stored draft is previewed first, then edited; math and code arrive with the editor', async () => {
  const token = `Staged ${Date.now()}`;
  const draft = `# ${token}\n\nEuler: $e^{i\\pi} + 1 = 0$\n\n\`\`\`js\nconst x = 1;\n\`\`\`\n\nThe end.\n`;
  {
    const { page } = await open();
    await page.evaluate((text) => window.draftmark.setMarkdown(text), draft);
    await page.waitForFunction(() => document.getElementById('save-state').dataset.state === 'saved');
    await page.close();
  }
  const { page, errors, first } = await open();
  assert.match(first.text, new RegExp(token), 'the stored draft, not the seed');
  assert.equal(first.editorRan, false);
  assert.equal(first.kept, true);
  await page.waitForFunction(() => document.querySelector('#preview .katex') && document.querySelector('#preview pre code span'));
  assert.equal(await page.evaluate(() => window.draftmark.sameAsWholeRender()), true);
  await focusEditorEnd(page);
  await page.keyboard.type('\n## Typed after the boot\n');
  await page.waitForFunction(() => [...document.querySelectorAll('#preview h2')].some((h) => h.textContent === 'Typed after the boot'));
  await page.close();
  assert.deepEqual(errors, []);
  assert.deepEqual(stray, []);
});
