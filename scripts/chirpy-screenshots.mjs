// Writes side-by-side screenshots of the seed post into docs/screenshots/: the real Chirpy
// page (built by the page oracle, tests/chirpy/) on the left, Draftmark's preview on the right,
// light and dark, desktop (1280×900) and phone (390×844), the first 1800 px of each.
// Run from the repository root after web/build.mjs: node scripts/chirpy-screenshots.mjs
import { mkdirSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { openPreview, openReal, startOracle } from '../tests/chirpy/oracle-pages.mjs';

const kViewports = { desktop: { width: 1280, height: 900 }, phone: { width: 390, height: 844 } };
const kHeight = 1800;
const out = path.resolve('docs/screenshots');

/** A PNG of the top `kHeight` px of the page's scrolling `selector` (or the document). */
async function shoot(page, scroller) {
  if (scroller) {  // the preview scrolls in its pane: let the pane take the whole height
    await page.evaluate((selector) => {
      const pane = document.querySelector(selector);
      Object.assign(pane.style, { height: 'auto', overflow: 'visible' });
      for (let el = pane.parentElement; el; el = el.parentElement) Object.assign(el.style, { height: 'auto', overflow: 'visible' });
    }, scroller);
  }
  const width = page.viewportSize().width;
  const height = Math.min(kHeight, await page.evaluate(() => document.documentElement.scrollHeight));
  return page.screenshot({ clip: { x: 0, y: 0, width, height }, fullPage: true, type: 'png' });
}

/** An HTML page showing two PNGs side by side, screenshotted to one PNG. */
async function sideBySide(context, left, right, width) {
  const page = await context.newPage();
  await page.setViewportSize({ width: width * 2 + 8, height: 400 });
  const img = (png) => `<img src="data:image/png;base64,${png.toString('base64')}" style="width:${width}px">`;
  await page.setContent(`<body style="margin:0;display:flex;gap:8px;align-items:flex-start;background:#888">${img(left)}${img(right)}</body>`);
  await page.waitForFunction(() => [...document.images].every((i) => i.complete));
  const png = await page.screenshot({ fullPage: true, type: 'png' });
  await page.close();
  return png;
}

const env = await startOracle();
try {
  mkdirSync(out, { recursive: true });
  const seed = env.pages[0];
  for (const [device, viewport] of Object.entries(kViewports)) {
    for (const theme of ['light', 'dark']) {
      const real = await openReal(env, seed, { viewport, theme });
      const preview = await openPreview(env, seed, { viewport, theme });
      const png = await sideBySide(env.context, await shoot(real.page), await shoot(preview.page, '#preview-scroller'), viewport.width);
      const file = path.join(out, `chirpy-seed-${device}-${theme}.png`);
      writeFileSync(file, png);
      console.log(`wrote ${path.relative(process.cwd(), file)} (${Math.round(png.length / 1024)} KB)`);
      await Promise.all([real.page.close(), preview.page.close()]);
    }
  }
} finally {
  await env.close();
}
