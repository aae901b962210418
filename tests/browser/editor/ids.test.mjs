// A post's ids cannot clobber the editor page (issue 14): ids and names from attribute lists,
// heading ids, footnotes and raw HTML that name real globals (location, alert, draftmark,
// __proto__, the page's own #preview, document.getElementById) become `user-content-…` in the
// preview, same-page anchors follow them, and Copy/Export HTML give back the post's own ids.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { after, before, describe, test } from 'node:test';
import { openEditor, setMarkdown, startBrowser } from './editor-page.mjs';

let env, page, errors;
before(async () => {
  env = await startBrowser();
  // No File System Access API: Export HTML downloads, which the test can read.
  ({ page, errors } = await openEditor(env, { init: () => { delete window.showSaveFilePicker; delete window.showOpenFilePicker; } }));
});
after(() => env?.close());

const filler = Array.from({ length: 40 }, (_, i) => `Filler paragraph ${i + 1}, long enough to scroll.`).join('\n\n');
const post = `---
title: Ids
---

# Where {#location}

## Alert heading {#alert}

A paragraph with a note[^1] and a [link up](#location).
{: #draftmark }

<div id="__proto__">raw div</div>

<p><a name="getElementById" id="preview">raw link</a></p>

<p id="alert" name="location">raw alert</p>

${filler}

[^1]: The note.
`;

/** What the page's globals are now. */
const globals = () => page.evaluate(() => ({
  location: window.location instanceof Location && String(window.location).startsWith('http'),
  alert: typeof window.alert === 'function' && !(window.alert instanceof Element),
  draftmark: typeof window.draftmark?.setMarkdown === 'function',
  proto: !(Object.getPrototypeOf(window) instanceof Element) && !(window.__proto__ instanceof Element),
  getElementById: typeof document.getElementById === 'function',
  preview: document.getElementById('preview')?.parentElement?.id === 'preview-scroller',
  named: ['location', 'alert', 'draftmark', '__proto__', 'getElementById', 'preview']
    .filter((id) => document.querySelector(`#preview [id="${id}"], #preview [name="${id}"]`)),
}));

describe('ids in the preview', () => {
  test('ids naming globals are prefixed, and no global changes', async () => {
    await setMarkdown(page, post);
    assert.deepEqual(await globals(), {
      location: true, alert: true, draftmark: true, proto: true, getElementById: true, preview: true, named: [],
    });
    const ids = await page.$$eval('#preview [id]', (els) => els.map((e) => e.id));
    for (const id of ['location', 'alert', 'draftmark', '__proto__', 'preview', 'fn:1', 'fnref:1']) {
      assert.ok(ids.includes(`user-content-${id}`), `user-content-${id} in ${ids}`);
    }
    assert.deepEqual(await page.$$eval('#preview a[href^="#"]', (as) => as.map((a) => a.getAttribute('href'))),
      ['#user-content-alert', '#user-content-fn:1', '#user-content-location', '#user-content-fnref:1']);  // the first: a heading's anchor
  });

  test('a footnote reference, its back link and a same-page link scroll the preview to their target', async () => {
    await setMarkdown(page, post);
    // The target ends up in view (at the top, unless the preview cannot scroll that far) and
    // the preview scrolled to get there.
    const scrollTo = async (selector, target) => {
      const from = await page.$eval('#preview-scroller', (el) => el.scrollTop);
      await page.click(selector);
      await page.waitForFunction(([t, start]) => {
        const el = document.getElementById(t);
        const scroller = document.getElementById('preview-scroller');
        const box = scroller.getBoundingClientRect();
        const top = el?.getBoundingClientRect().top;
        return el && scroller.scrollTop !== start && top >= box.top - 4 && top < box.bottom - 10;
      }, [target, from], { timeout: 5000 });
    };
    await scrollTo('#preview sup a.footnote', 'user-content-fn:1');
    await scrollTo('#preview a.reversefootnote', 'user-content-fnref:1');
    await page.$eval('#preview-scroller', (el) => { el.scrollTop = el.scrollHeight; });
    await scrollTo('#preview a[href="#user-content-location"]', 'user-content-location');
    assert.equal(await page.evaluate(() => location.hash), '', 'the page URL is left alone');
    assert.deepEqual((await globals()).named, []);
  });

  test('in a long post just opened, a footnote reference scrolls to its note, which may not be parsed yet', async () => {
    const paragraphs = Array.from({ length: 400 }, (_, i) => `Paragraph ${i + 1}, long enough to scroll.`).join('\n\n');
    await setMarkdown(page, `---\ntitle: Long\n---\n\nA note[^1] first.\n\n${paragraphs}\n\n[^1]: The note at the end.\n`);
    await page.click('#preview sup a.footnote');
    await page.waitForFunction(() => {
      const el = document.getElementById('user-content-fn:1');
      const box = document.getElementById('preview-scroller').getBoundingClientRect();
      const top = el?.getBoundingClientRect().top;
      return el && top >= box.top - 4 && top < box.bottom - 10;
    }, null, { timeout: 5000 });
  });

  test('Copy HTML keeps the post\'s own ids and links', async () => {
    await env.context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin: env.base });
    await setMarkdown(page, post);
    await page.click('#copy-button');
    await page.waitForSelector('[data-notice="file"]');
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.doesNotMatch(copied, /user-content-/);
    for (const want of ['id="location"', 'id="alert"', 'id="draftmark"', 'id="__proto__"', 'id="fn:1"', 'id="fnref:1"',
      'href="#fn:1"', 'href="#fnref:1"', 'href="#location"']) {
      assert.ok(copied.includes(want), `${want} in the copied HTML`);
    }
  });

  test('Export HTML keeps the post\'s own ids and links', async () => {
    await setMarkdown(page, post);
    const download = page.waitForEvent('download');
    await page.click('#export-button');
    const html = readFileSync(await (await download).path(), 'utf8');
    assert.doesNotMatch(html, /user-content-/);
    assert.match(html, /<h1 id="location">Where<\/h1>/);
    assert.match(html, /<li id="fn:1" role="doc-endnote">/);
    assert.match(html, /<a href="#fn:1" class="footnote"/);
  });

  test('renderInto() prefixes the same way (the page it renders into keeps its globals)', async () => {
    const state = await page.evaluate(async (text) => {
      const { init, renderInto } = await import('/dist/draftmark.js');
      await init({ wasm: new URL('/dist/draftmark.wasm', location.href) });
      const el = document.createElement('div');
      document.body.append(el);
      await renderInto(el, text);  // a Promise since the DOM half loads lazily
      const out = { ids: [...el.querySelectorAll('[id]')].map((e) => e.id), alert: typeof window.alert, location: window.location instanceof Location };
      el.remove();
      return out;
    }, post);
    assert.ok(state.ids.includes('user-content-location') && state.ids.includes('user-content-fn:1'), state.ids.join(' '));
    assert.ok(!state.ids.includes('location') && !state.ids.includes('alert'), state.ids.join(' '));
    assert.equal(state.alert, 'function');
    assert.equal(state.location, true);
  });

  test('no console errors', () => {
    assert.deepEqual(errors, []);
  });
});
