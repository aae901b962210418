// Chirpy's page behaviour in the preview (issue 15 items 4 and 5): the `#` anchor that
// refactor-content puts on h2–h5, shown on hover, and click to zoom on post images.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openEditor, setMarkdown, startBrowser } from './editor-page.mjs';

let env, page, errors;
before(async () => {
  env = await startBrowser();
  ({ page, errors } = await openEditor(env));
});
after(() => env?.close());

// A 40×20 PNG drawn by the page itself (a data: URL of a raster image passes the URL policy).
async function pngDataUrl() {
  return page.evaluate(() => {
    const canvas = Object.assign(document.createElement('canvas'), { width: 40, height: 20 });
    canvas.getContext('2d').fillRect(0, 0, 40, 20);
    return canvas.toDataURL('image/png');
  });
}

test('h2–h5 get an anchor to their own id, hidden until the heading is hovered', async () => {
  await setMarkdown(page, ['---', 'title: T', '---', '', '## Two', '', '###### Six', '', 'text', ''].join('\n'));
  const anchors = await page.evaluate(() => [...document.querySelectorAll('#preview h2, #preview h6')].map((h) => ({
    tag: h.tagName, href: h.querySelector('a.anchor')?.getAttribute('href') ?? null, id: h.id })));
  assert.deepEqual(anchors, [{ tag: 'H2', href: '#user-content-two', id: 'user-content-two' }, { tag: 'H6', href: null, id: 'user-content-six' }]);
  const visibility = () => page.evaluate(() => getComputedStyle(document.querySelector('#preview h2 a.anchor')).visibility);
  assert.equal(await visibility(), 'hidden');
  await page.hover('#preview h2');
  await page.waitForFunction(() => getComputedStyle(document.querySelector('#preview h2 a.anchor')).visibility === 'visible');
  // The outline and the table of contents read the heading's text, not the anchor.
  assert.equal(await page.evaluate(() => document.querySelector('#preview h2').textContent), 'Two');
});

test('a click on a post image opens it zoomed with its caption; a click or Escape closes it; linked images do not zoom', async () => {
  const png = await pngDataUrl();
  await setMarkdown(page, ['---', 'title: T', '---', '', `![a dot](${png})`, '', `[![linked](${png})](#x)`, ''].join('\n'));
  await page.waitForFunction(() => [...document.querySelectorAll('#preview img')].every((img) => img.complete && img.naturalWidth > 0));
  await page.click('#preview img[alt="a dot"]');
  const open = await page.evaluate(() => {
    const dialog = document.querySelector('dialog.dm-zoom');
    return { open: dialog?.open, src: dialog?.querySelector('img').src.slice(0, 22), caption: dialog?.querySelector('figcaption').textContent };
  });
  assert.deepEqual(open, { open: true, src: 'data:image/png;base64,', caption: 'a dot' });
  await page.keyboard.press('Escape');
  await page.waitForFunction(() => !document.querySelector('dialog.dm-zoom').open);
  await page.click('#preview img[alt="a dot"]');
  await page.mouse.click(5, 5);  // the backdrop
  await page.waitForFunction(() => !document.querySelector('dialog.dm-zoom').open);
  await page.evaluate(() => document.querySelector('#preview img[alt="linked"]').dispatchEvent(new MouseEvent('click', { bubbles: true, cancelable: true })));
  assert.equal(await page.evaluate(() => document.querySelector('dialog.dm-zoom').open), false);
  assert.deepEqual(errors, []);
});

test('a missing image keeps the size the author gave it, and its caption stays centred under it', async () => {
  await setMarkdown(page, ['---', 'title: T', '---', '', '![cat](/assets/img/cat.png){: w="300" h="150" }', '_a cat_', ''].join('\n'));
  await page.waitForSelector('#preview .dm-image-missing');
  const boxes = await page.evaluate(() => {
    const box = document.querySelector('#preview .dm-image-missing').getBoundingClientRect();
    const caption = document.querySelector('#preview .dm-image-missing + em');
    const rect = caption.getBoundingClientRect();
    return { width: box.width, height: box.height, centred: Math.abs((box.left + box.right) / 2 - (rect.left + rect.right) / 2) < 1,
      align: getComputedStyle(caption).textAlign, display: getComputedStyle(caption).display };
  });
  assert.deepEqual(boxes, { width: 300, height: 150, centred: true, align: 'center', display: 'block' });
  assert.deepEqual(errors, []);
});

test("the preview declares the post's language (CJK glyphs follow it), and drops it for a post without one", async () => {
  const han = '漢字 (Han characters are drawn by the language: Korean, Japanese and Chinese fonts differ)';
  await setMarkdown(page, ['---', 'title: T', 'lang: ja-JP', '---', '', han, ''].join('\n'));
  assert.equal(await page.evaluate(() => document.getElementById('preview').lang), 'ja-JP');
  await setMarkdown(page, ['---', 'title: T', 'lang: ko-KR', '---', '', han, ''].join('\n'));
  assert.equal(await page.evaluate(() => document.getElementById('preview').lang), 'ko-KR');
  await setMarkdown(page, ['---', 'title: T', '---', '', han, ''].join('\n'));
  assert.equal(await page.evaluate(() => document.getElementById('preview').hasAttribute('lang')), false);
});

test("Bootstrap's utility classes that posts use look as on the Chirpy page (it loads Bootstrap)", async () => {
  const png = await pngDataUrl();
  await setMarkdown(page, ['---', 'title: T', '---', '', `![r](${png}){: .rounded .border }`, '', 'centred', '{: .text-center .text-muted }', '',
    `![f](${png}){: .float-right .w-25 }`, ''].join('\n'));
  const seen = await page.evaluate(() => {
    const style = (selector) => getComputedStyle(document.querySelector(selector));
    const p = [...document.querySelectorAll('#preview p')].find((el) => el.textContent === 'centred');
    return { radius: style('#preview img[alt="r"]').borderRadius, border: style('#preview img[alt="r"]').borderTopStyle,
      align: getComputedStyle(p).textAlign, float: style('#preview img[alt="f"]').float };
  });
  assert.deepEqual(seen, { radius: '4px', border: 'solid', align: 'center', float: 'right' });
});
