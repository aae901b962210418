// Nothing typed is lost when the whole browser is killed (issue 14). Chromium runs in its own
// process group on one persistent profile; each scenario sets a post (and waits for its
// autosave), pastes, types, undoes or edits front matter, SIGKILLs the group 0-300 ms later
// (no unload, no autosave), and the next launch checks what came back before the next scenario
// starts, so a scenario costs one launch. The edit journal (web/src/editor/drafts/journal.js)
// is what makes this hold between autosaves.
//
// Exact and load-proof: the page records every state of the text (one per journal entry) and
// reports each entry the storage committed (`draftmark:journaled`, via the console). After the
// relaunch the text must be exactly one of those states, and no earlier than the last entry
// reported committed before the kill: a kill may only lose entries still on their way to disk
// (a few ms), never a committed one, and never leaves a mangled text. Prints a line per
// scenario with the edits and chars lost, for the README's table.
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
let server, base, profile, run;
const durable = new Set();  // journal seqs the page reported committed (current chain)
const failures = [];       // {name, error} of the scenarios that failed

/** Chromium in its own process group on `profile`, driven over CDP, with the editor open. */
async function launch() {
  const child = spawn(process.env.CHROMIUM_PATH || '/usr/bin/chromium', [...FLAGS, `--user-data-dir=${profile}`, 'about:blank'],
    { detached: true, stdio: ['ignore', 'ignore', 'pipe'] });
  const exited = new Promise((resolve) => child.once('exit', resolve));
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
  page.on('console', (m) => {
    const hit = /^journaled (\d+)$/.exec(m.text());
    if (hit) durable.add(Number(hit[1]));
  });
  await page.goto(`${base}/dist/index.html`);
  await waitReady(page);
  return {
    page,
    kill: async () => { process.kill(-child.pid, 'SIGKILL'); await exited; },
    close: async () => { await browser.close().catch(() => {}); try { process.kill(-child.pid, 'SIGKILL'); } catch {} await exited; },
  };
}

// In the page: a text's identity (itself when short, else length and FNV-1a hash).
const fingerprint = `(t) => { if (t.length < 4096) return t; let h = 0x811c9dc5;
  for (let i = 0; i < t.length; i++) h = Math.imul(h ^ t.charCodeAt(i), 16777619) >>> 0; return t.length + ':' + h; }`;

/** Records, in the page, each state of the text with the journal seq that leads to it. */
function watch(page) {
  return page.evaluate((fp) => {
    const print = (0, eval)(fp);
    const { view } = window.draftmark;
    const states = [{ seq: window.draftmark.journal.seq - 1, text: print(view.state.doc.toString()), ms: 0 }];
    window.__states = states;
    document.addEventListener('draftmark:journaled', (e) => console.log(`journaled ${e.detail.seq}`));
    const update = view.update.bind(view);
    view.update = (trs) => {
      const start = performance.now();
      update(trs);  // includes the update listener: the journal append
      const ms = performance.now() - start;
      if (trs.some((tr) => tr.docChanged)) states.push({ seq: window.draftmark.journal.seq - 1, text: print(view.state.doc.toString()), ms });
    };
  }, fingerprint);
}

/**
 * Makes a new draft from the drafts menu; resolves once its first record is stored (and no
 * autosave has run). By then the settings must name it as the draft to reopen (read in the same
 * transaction): a kill right after would otherwise reopen the draft left before.
 */
async function newDraft(page) {
  const before = await page.evaluate(() => window.draftmark.draftId);
  await page.click('#drafts-button');
  await page.click('#drafts-panel [data-role="new"]');
  await page.waitForFunction((old) => window.draftmark.draftId !== old, before);
  const reopens = await page.waitForFunction(() => new Promise((resolve) => {
    const open = indexedDB.open('draftmark');
    open.onsuccess = () => {
      const store = open.result.transaction('drafts').objectStore('drafts');
      const text = store.getKey(`text:${window.draftmark.draftId}`);
      const settings = store.get('settings');
      settings.onsuccess = () => {
        open.result.close();
        resolve(text.result === undefined ? false : { draft: window.draftmark.draftId, current: settings.result?.currentDraftId });
      };
    };
  }), null, { polling: 20 });
  const { draft, current } = await reopens.jsonValue();
  assert.equal(current, draft, 'the new draft is stored but a reload would open another one');
  await page.click('#drafts-button');  // closes the menu
}

const atEnd = (page) => page.evaluate(() => { const v = window.draftmark.view; v.focus(); v.dispatch({ selection: { anchor: v.state.doc.length } }); });
const actions = {
  paste: async (page) => {
    await atEnd(page);
    await page.keyboard.insertText('\n\nA pasted paragraph, several words long, arriving in one input event.\n');
  },
  typing: async (page) => {
    await atEnd(page);
    await page.keyboard.type(' typed words', { delay: 5 });
  },
  undo: async (page) => {
    await atEnd(page);
    await page.keyboard.insertText(' to be undone');
    await page.keyboard.press('Control+z');
  },
  'front matter': async (page) => {
    await page.evaluate(() => { const v = window.draftmark.view; v.focus(); v.dispatch({ selection: { anchor: '---\ntitle: '.length } }); });
    await page.keyboard.type('New ', { delay: 5 });
  },
};
const small = '---\ntitle: Killed\n---\n\nThe saved start of the post.\n';
const big = `---\ntitle: Big\n---\n\n${'A long paragraph of the post, repeated to make it large. '.repeat(18_000)}\n`;  // ~1 MB
const scenarios = [];
for (const action of Object.keys(actions)) for (const delay of [0, 50, 100, 300]) scenarios.push({ action, delay, doc: 'small' });
scenarios.push({ action: 'typing', delay: 5, doc: 'small' }, { action: 'typing', delay: 20, doc: 'small' });
// A draft just made (the drafts menu's New): its edits are in the journal only until the first autosave.
for (const delay of [0, 100]) scenarios.push({ action: 'typing', delay, doc: 'new draft' });
scenarios.push({ action: 'paste', delay: 0, doc: '1 MB' }, { action: 'typing', delay: 0, doc: '1 MB' }, { action: 'typing', delay: 100, doc: '1 MB' });

describe('killing the browser right after an edit', () => {
  before(async () => {
    server = await serve(process.cwd());
    base = `http://127.0.0.1:${server.address().port}`;
    profile = mkdtempSync(path.join(os.tmpdir(), 'draftmark-kill-'));
    run = await launch();
  });
  after(async () => {
    // Repeated last, so a truncated CI log still shows which scenario failed and why.
    for (const { name, error } of failures) console.log(`# FAILED ${name}: ${String(error?.message ?? error).split('\n').slice(0, 3).join(' | ')}`);
    await run?.close();
    server?.close();
    if (profile) rmSync(profile, { recursive: true, force: true });
  });

  for (const { action, delay, doc } of scenarios) {
    const name = `${action}, SIGKILL ${delay} ms later (${doc} post): the text after a relaunch is the one at the kill, or at worst one not yet committed`;
    test(name, () => scenario({ action, delay, doc }).catch((error) => { failures.push({ name, error }); throw error; }));
  }
});

/** One scenario: set the post up, act, kill, relaunch, and check what came back. */
async function scenario({ action, delay, doc }) {
  const { page } = run;
  if (doc === 'new draft') await newDraft(page);
  else {
    await page.evaluate((t) => window.draftmark.setMarkdown(t), doc === 'small' ? small : big);
    await page.waitForFunction(() => document.getElementById('save-state').dataset.state === 'saved', null, { timeout: 60_000, polling: 50 });
  }
  await watch(page);
  durable.clear();
  await actions[action](page);
  const { states, lastAppend } = await page.evaluate(() => ({ states: window.__states, lastAppend: window.draftmark.journal.lastAppend }));
  if (delay) await new Promise((r) => setTimeout(r, delay));
  await run.kill();
  const committed = new Set(durable);
  run = await launch();
  const got = await run.page.evaluate((fp) => (0, eval)(fp)(window.draftmark.getMarkdown()), fingerprint);

  const want = states.at(-1);
  const index = states.findLastIndex((s) => s.text === got);
  const floor = states.findLastIndex((s, i) => i === 0 || committed.has(s.seq));
  const len = (t) => (typeof t === 'string' && !/^\d+:\d+$/.test(t) ? t.length : Number(String(t).split(':')[0]));
  const edits = states.length - 1;
  const lostEdits = index < 0 ? edits : edits - index;
  const lostChars = index < 0 ? NaN : Math.abs(len(want.text) - len(got));
  const slowest = Math.max(...states.map((s) => s.ms));
  console.log(`# kill: ${action} +${delay} ms (${doc}): ${lostChars} chars lost (${lostEdits} of ${edits} edits; ${committed.size} committed before the kill; update listener with journal append: slowest ${slowest.toFixed(1)} ms, append ${lastAppend.ms.toFixed(2)} ms, ${lastAppend.bytes} bytes)`);
  if (index === -1) {
    // Why (a failure seen once in seven runs under load came back as the seed draft): what the
    // page told the user, and what the database holds.
    const why = await run.page.evaluate(() => new Promise((resolve) => {
      const notices = [...document.querySelectorAll('[data-notice]')].map((n) => n.textContent.trim());
      const open = indexedDB.open('draftmark');
      open.onerror = () => resolve({ notices, db: `cannot open: ${open.error}` });
      open.onsuccess = () => {
        const keys = open.result.transaction('drafts').objectStore('drafts').getAllKeys();
        keys.onsuccess = () => { open.result.close(); resolve({ notices, db: keys.result.map(String) }); };
      };
    }));
    assert.fail(`the text after the relaunch is none of the editor's states: ${String(got).slice(0, 200)}; ${JSON.stringify(why).slice(0, 600)}`);
  }
  assert.ok(index >= floor, `a committed entry was lost: came back at state ${index}, committed up to state ${floor}`);
  if (doc === '1 MB') assert.ok(lastAppend.bytes < 200, `a keystroke on a 1 MB post journals ${lastAppend.bytes} bytes (the text, not the change?)`);
}
