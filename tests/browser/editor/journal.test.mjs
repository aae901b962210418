// Nothing typed is lost when the whole browser is killed (issue 14): Chromium runs on a
// persistent profile, the test pastes, types, undoes or edits front matter, SIGKILLs the
// browser's whole process group 0, 50, 100 or 300 ms later (no unload, no autosave), relaunches
// on the same profile and compares the editor's text with what it held before the kill. The
// edit journal (web/src/editor/drafts/journal.js) is what makes this hold between autosaves.
// Prints a line per scenario (chars lost) for the report; fails on any loss.
import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { chromium } from 'playwright-core';
import { serve } from '../../../web/serve.mjs';
import { waitReady } from './editor-page.mjs';

const FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync', '--remote-debugging-port=0'];
let server, base;
before(async () => { server = await serve(process.cwd()); base = `http://127.0.0.1:${server.address().port}`; });
after(() => server?.close());

/** Chromium in its own process group on `profile`, driven over CDP. */
async function launch(profile) {
  const child = spawn(process.env.CHROMIUM_PATH || '/usr/bin/chromium', [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const endpoint = await new Promise((resolve, reject) => {
    let seen = '';
    child.stderr.on('data', (d) => {
      seen += d;
      const m = seen.match(/DevTools listening on (ws:\/\/\S+)/);
      if (m) resolve(m[1]);
    });
    child.once('exit', () => reject(new Error(`chromium exited: ${seen.slice(-500)}`)));
  });
  const browser = await chromium.connectOverCDP(endpoint);
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? await context.newPage();
  await page.goto(`${base}/dist/index.html`);
  await waitReady(page);
  const exited = new Promise((resolve) => child.once('exit', resolve));
  return {
    page,
    kill: async () => { process.kill(-child.pid, 'SIGKILL'); await exited; },
    close: async () => { await browser.close().catch(() => {}); try { process.kill(-child.pid, 'SIGKILL'); } catch {} await exited; },
  };
}

const big = `---\ntitle: Big\n---\n\n${'A long paragraph of the post, repeated to make it large. '.repeat(18_000)}\n`;  // ~1 MB
const actions = {
  paste: async (page) => {
    await page.evaluate(() => { const v = window.draftmark.view; v.focus(); v.dispatch({ selection: { anchor: v.state.doc.length } }); });
    await page.keyboard.insertText('\n\nA pasted paragraph, several words long, arriving in one input event.\n');
  },
  typing: async (page) => {
    await page.evaluate(() => { const v = window.draftmark.view; v.focus(); v.dispatch({ selection: { anchor: v.state.doc.length } }); });
    await page.keyboard.type(' typed words', { delay: 5 });
  },
  undo: async (page) => {
    await page.evaluate(() => { const v = window.draftmark.view; v.focus(); v.dispatch({ selection: { anchor: v.state.doc.length } }); });
    await page.keyboard.insertText(' to be undone');
    await page.keyboard.press('Control+z');
  },
  'front matter': async (page) => {
    await page.evaluate(() => { const v = window.draftmark.view; v.focus(); v.dispatch({ selection: { anchor: '---\ntitle: '.length } }); });
    await page.keyboard.type('New ', { delay: 5 });
  },
};
const scenarios = [];
for (const action of Object.keys(actions)) for (const delay of [0, 50, 100, 300]) scenarios.push({ action, delay, doc: 'small' });
scenarios.push({ action: 'paste', delay: 50, doc: '1 MB' }, { action: 'typing', delay: 0, doc: '1 MB' });

describe('killing the browser right after an edit', () => {
  for (const { action, delay, doc } of scenarios) {
    test(`${action}, SIGKILL ${delay} ms later (${doc} post): the text is all there after a relaunch`, async () => {
      const profile = mkdtempSync(path.join(os.tmpdir(), 'draftmark-kill-'));
      try {
        let run = await launch(profile);
        const start = doc === 'small' ? '---\ntitle: Killed\n---\n\nThe saved start of the post.\n' : big;
        await run.page.evaluate((t) => window.draftmark.setMarkdown(t), start);
        await run.page.waitForFunction(() => document.getElementById('save-state').dataset.state === 'saved', null, { timeout: 20_000 });
        await actions[action](run.page);
        const want = await run.page.evaluate(() => window.draftmark.getMarkdown());
        if (delay) await new Promise((r) => setTimeout(r, delay));
        await run.kill();
        run = await launch(profile);
        const got = await run.page.evaluate(() => window.draftmark.getMarkdown());
        await run.close();
        const lost = got === want ? 0 : Math.max(1, want.length - got.length);
        console.log(`# kill: ${action} +${delay} ms (${doc}): ${lost} chars lost`);
        assert.equal(got === want, true, `${lost} chars lost (got ${got.length}, wanted ${want.length})`);
      } finally {
        rmSync(profile, { recursive: true, force: true });
      }
    });
  }
});
