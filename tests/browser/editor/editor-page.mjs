// Shared set-up for the editor's browser tests: serve the repository on 127.0.0.1 (port 0),
// launch Debian's Chromium with the project's flags (tests/dist/chromium.mjs) and open
// dist/index.html, waiting until the page says it is ready.
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { serve } from '../../../web/serve.mjs';
import { collectErrors, launchChromium } from '../../dist/chromium.mjs';

export const root = process.cwd();
export const artifacts = path.join(root, 'test-artifacts');

/** Starts the server and the browser (`options` go to launchChromium). Returns {browser, base, close()}. */
export async function startBrowser(options) {
  const server = await serve(root);
  const base = `http://127.0.0.1:${server.address().port}`;
  const browser = await launchChromium(options);
  // Only the local server may be reached: anything else is a bug (CDN, tracking, fonts).
  const stray = [];
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    if (url.startsWith(`${base}/`) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
    stray.push(url);
    return route.abort('blockedbyclient');
  });
  return {
    browser, base, stray, context: browser.context,
    async close() {
      await browser.close();
      server.close();
    },
  };
}

/**
 * Opens the editor in a new page and waits until it is ready; returns {page, errors}.
 * `init`: a function run before the page's scripts, or [function, argument].
 */
export async function openEditor(env, { init } = {}) {
  const page = await env.context.newPage();
  const errors = collectErrors(page);
  if (init) await page.addInitScript(...(Array.isArray(init) ? init : [init]));
  await page.goto(`${env.base}/dist/index.html`);
  await waitReady(page);
  return { page, errors };
}

export function waitReady(page) {
  return page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, { timeout: 30_000 });
}

/** Replaces the document through the automation hook and waits for the preview to show it. */
export function setMarkdown(page, text) {
  return page.evaluate((t) => window.draftmark.setMarkdown(t), text);
}

/** Puts the caret at a UTF-16 offset of the document (CodeMirror focused). */
export function placeCaret(page, offset) {
  return page.evaluate((at) => {
    const view = window.draftmark.view;
    view.focus();
    view.dispatch({ selection: { anchor: at }, scrollIntoView: true });
  }, offset);
}

/**
 * Focuses the editor with the caret at the end, for keyboard.type() to follow. Not a mouse click:
 * a banner appearing mid-click (another tab's save, say) shifts the layout and the click can
 * land beside a short document, leaving the keys typed nowhere.
 */
export async function focusEditorEnd(page) {
  await page.evaluate(() => {
    const view = window.draftmark.view;
    view.focus();
    view.dispatch({ selection: { anchor: view.state.doc.length }, scrollIntoView: true });
  });
  await page.waitForFunction(() => window.draftmark.view.hasFocus, null, { polling: 50 });
}

/** Waits for the save state to read "saved" (autosave done). */
export function waitSaved(page) {
  return page.waitForFunction(() => document.getElementById('save-state').dataset.state === 'saved');
}

/** The preview's text content. */
export function previewText(page) {
  return page.$eval('#preview', (el) => el.textContent);
}

/** Makes test-artifacts/ and returns the path of `name` in it. */
export function artifactPath(name) {
  mkdirSync(artifacts, { recursive: true });
  return path.join(artifacts, name);
}
