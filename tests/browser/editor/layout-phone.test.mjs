// The editor on a phone and a tablet (issue 15): the toolbar is one row with a file menu, one pane
// at a time with an Editor/Preview switch, and the shown pane takes the full height.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openEditor, startBrowser } from './editor-page.mjs';

let env, page, errors;
before(async () => {
  env = await startBrowser();
  ({ page, errors } = await openEditor(env));
});
after(() => env?.close());

const box = (selector) => page.evaluate((s) => {
  const r = document.querySelector(s).getBoundingClientRect();
  return { top: r.top, height: r.height, width: r.width, shown: r.height > 0 && r.width > 0 };
}, selector);

test('at 390×844 the toolbar is one row, the preview fills the page, the switch shows the editor', async () => {
  await page.setViewportSize({ width: 390, height: 844 });
  const rows = await page.evaluate(() => new Set([...document.querySelectorAll('.dm-toolbar > *')]
    .filter((e) => e.getBoundingClientRect().height > 0).map((e) => { const r = e.getBoundingClientRect(); return Math.round((r.top + r.height / 2) / 8); })).size);
  assert.equal(rows, 1, 'toolbar items on one row');
  const toolbar = await box('.dm-toolbar');
  assert.ok(toolbar.height < 50, `toolbar height ${toolbar.height}`);
  assert.ok((await page.evaluate(() => document.documentElement.scrollWidth)) <= 390, 'no horizontal page scroll');
  const preview = await box('#preview-pane');
  assert.ok(preview.height > 600, `preview height ${preview.height}`);
  assert.equal((await box('#editor-pane')).shown, false);
  await page.click('[data-view-button="editor"]');
  assert.ok((await box('#editor-pane')).height > 600);
  assert.equal((await box('#preview-pane')).shown, false);
  await page.click('[data-view-button="preview"]');
  assert.ok((await box('#preview-pane')).height > 600);
  // the file menu opens and closes
  assert.equal((await box('#open-button')).shown, false);
  await page.click('#menu-button');
  assert.equal((await box('#open-button')).shown, true);
  await page.mouse.click(200, 500);
  assert.equal((await box('#open-button')).shown, false);
  await page.screenshot({ path: 'test-artifacts/layout-phone-390.png' }).catch(() => {});
});

test('at 768×1024 split shows both panes side by side at full height', async () => {
  await page.setViewportSize({ width: 768, height: 1024 });
  await page.click('[data-view-button="split"]');
  const editor = await box('#editor-pane');
  const preview = await box('#preview-pane');
  assert.ok(editor.height > 800 && preview.height > 800, `${editor.height} ${preview.height}`);
  assert.equal(Math.round(editor.top), Math.round(preview.top));
  assert.deepEqual(errors, []);
});
