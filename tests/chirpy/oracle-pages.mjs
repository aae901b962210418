// Opens a post twice in Chromium: as the real Chirpy page (built by build-chirpy-site.mjs,
// served on 127.0.0.1, its CDN files answered from npm) and in Draftmark's editor preview
// (dist/index.html, Jekyll mode, preview-only view, the site's server as its site URL so both
// load the same pictures). Used by the oracle test and the screenshot script.
import { readFileSync } from 'node:fs';
import { serve } from '../../web/serve.mjs';
import { collectErrors, launchChromium } from '../dist/chromium.mjs';
import { buildChirpySite } from './build-chirpy-site.mjs';
import { fontsCss, serveCdnFromNpm } from './cdn-from-npm.mjs';

const root = process.cwd();

/** The posts the oracle builds: [{name, file (its _posts name), text}]. */
export const kPosts = [
  { name: 'seed post', file: '2022-03-21-seed-post.md', text: readFileSync('tests/fixtures/seed-post.md', 'utf8') },
  { name: 'elements post', file: '2024-03-01-chirpy-elements.md', text: readFileSync('tests/fixtures/chirpy-elements-post.md', 'utf8') },
];

/** Builds the site, starts both servers and Chromium. Returns {context, pages, cdn, close()}. */
export async function startOracle(posts = kPosts) {
  const built = buildChirpySite(posts, { root });
  const siteServer = await serve(built.site);
  const repoServer = await serve(root);
  const site = `http://127.0.0.1:${siteServer.address().port}`;
  const repo = `http://127.0.0.1:${repoServer.address().port}`;
  const browser = await launchChromium();
  const cdn = await serveCdnFromNpm(browser.context, { root, local: (url) => url.startsWith(`${site}/`) || url.startsWith(`${repo}/`) });
  const pages = posts.map((post, i) => ({ ...post, url: `${site}${built.pages[i].path}` }));
  return {
    context: browser.context, site, repo, pages, cdn,
    async close() {
      await browser.close();
      siteServer.close();
      repoServer.close();
      built.remove();
    },
  };
}

/**
 * Brings every image of `scope` into view in turn (Chirpy's lozad and the preview's
 * loading="lazy" load them only then) until it has loaded, then waits for the web fonts.
 */
function settle(page, scope) {
  return page.evaluate(async (selector) => {
    const wait = () => new Promise((done) => setTimeout(done, 20));
    const pending = (img) => !img.complete || (img.dataset.src !== undefined && img.dataset.loaded !== 'true');
    for (const img of document.querySelectorAll(`${selector} img`)) {
      img.scrollIntoView();
      // Bounded: an image that never loads shows up in the comparison, not as a hang.
      for (const until = Date.now() + 10_000; pending(img) && Date.now() < until;) await wait();
    }
    await document.fonts.ready;
    for (const el of [document.scrollingElement, document.getElementById('preview-scroller')]) if (el) el.scrollTop = 0;
  }, scope);
}

/** The real Chirpy page of `post` in a new page of `viewport` and `theme` ('light'/'dark'). */
export async function openReal(env, post, { viewport, theme }) {
  const page = await env.context.newPage();
  await page.setViewportSize(viewport);
  const errors = collectErrors(page);
  await page.goto(post.url);
  // Chirpy's mode toggle keeps the reader's choice in html[data-mode].
  await page.evaluate((mode) => document.documentElement.setAttribute('data-mode', mode), theme);
  await settle(page, '.post-content');
  return { page, errors };
}

/** Draftmark's editor preview of `post`, Jekyll mode, preview-only view. */
export async function openPreview(env, post, { viewport, theme }) {
  const page = await env.context.newPage();
  await page.setViewportSize(viewport);
  const errors = collectErrors(page);
  await page.goto(`${env.repo}/dist/index.html`);
  await page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
  await page.evaluate(({ site }) => {
    const set = (id, value) => {
      const input = document.getElementById(id);
      input.value = value;
      input.dispatchEvent(new Event('change'));
    };
    set('mode-select', 'jekyll');
    set('site-url', site);
  }, { site: env.site });
  await page.click('[data-view-button="preview"]');
  while (await page.evaluate(() => document.documentElement.dataset.themeChoice) !== theme) await page.click('#theme-button');
  await page.evaluate((text) => window.draftmark.setMarkdown(text), post.text);
  await settle(page, '#preview');
  return { page, errors };
}

/**
 * Gives the preview what the reader of the real page has, so that the element styles are what
 * is compared: Chirpy's web fonts (from npm, as the real page loads them; Draftmark does not
 * ship them: a known difference the test checks on its own) and the real page's post column
 * width (Chirpy's sidebar and side panel set it; the preview has neither).
 */
export async function matchReaderSetup(preview, real) {
  const width = await real.$eval('.post-content', (el) => el.getBoundingClientRect().width);
  await preview.addStyleTag({ content: fontsCss(root) });
  await preview.evaluate(async (columnWidth) => {
    const column = document.getElementById('preview');
    Object.assign(column.style, { boxSizing: 'content-box', width: `${columnWidth}px`, maxWidth: 'none' });
    await Promise.all([...document.fonts].map((font) => font.load().catch(() => {})));
    await document.fonts.ready;
  }, width);
}
