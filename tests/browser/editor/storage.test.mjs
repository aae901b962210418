// Never lose text: autosave to IndexedDB survives a reload and a renderer crash, two tabs on
// one draft are warned and never overwrite each other, drafts can be made, renamed and
// deleted, and a storage failure is shown while the text stays in the editor.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { focusEditorEnd, openEditor, placeCaret, startBrowser, waitReady, waitSaved } from './editor-page.mjs';

let env;

before(async () => { env = await startBrowser(); });
after(() => env?.close());

const markdown = (page) => page.evaluate(() => window.draftmark.getMarkdown());
const cursor = (page) => page.evaluate(() => window.draftmark.view.state.selection.main.head);

/** The stored record of the current draft, read straight from IndexedDB. */
function storedDraft(page, id) {
  return page.evaluate((draftId) => new Promise((resolve, reject) => {
    const open = indexedDB.open('draftmark');
    open.onerror = () => reject(open.error);
    open.onsuccess = () => {
      const tx = open.result.transaction('drafts', 'readonly');
      const get = tx.objectStore('drafts').get(`text:${draftId ?? window.draftmark.draftId}`);
      get.onsuccess = () => { resolve(get.result ?? null); open.result.close(); };
      get.onerror = () => reject(get.error);
    };
  }), id);
}

async function typeAtEnd(page, text) {
  await focusEditorEnd(page);
  await page.keyboard.type(text, { delay: 5 });
}

describe('autosave', () => {
  test('text, cursor and scroll survive a reload', async () => {
    const { page, errors } = await openEditor(env);
    const token = `reload-${Date.now()}`;
    await typeAtEnd(page, `\n\n${token} 한글도\n`);
    await placeCaret(page, 40);
    // The caret's scrollIntoView runs in CodeMirror's next measure, a frame a loaded machine may
    // delay: scroll after it, until the position holds for five polls.
    await page.evaluate(() => new Promise((resolve) => {
      const scroller = window.draftmark.view.scrollDOM;
      let held = 0;
      const poll = () => {
        if (scroller.scrollTop < 500) {
          scroller.scrollTop = 900;
          held = 0;
        } else {
          held++;
        }
        if (held >= 5) resolve(); else setTimeout(poll, 50);
      };
      poll();
    }));
    await waitSaved(page);
    await page.waitForTimeout(400);  // the cursor/scroll save (no "saved" indicator for those)
    const text = await markdown(page);
    const top = await page.evaluate(() => window.draftmark.view.scrollDOM.scrollTop);
    assert.ok(top > 500, `the editor scrolled (${top})`);
    const previewTop = await page.evaluate(() => document.getElementById('preview-scroller').scrollTop);
    assert.ok(previewTop > 200, `the preview followed (${previewTop})`);
    await page.reload();
    await waitReady(page);
    assert.equal(await markdown(page), text);
    assert.equal(await cursor(page), 40);
    await page.waitForFunction((t) => Math.abs(window.draftmark.view.scrollDOM.scrollTop - t) < 40, top);
    await page.waitForFunction((t) => document.getElementById('preview').textContent.includes(t), token);
    // The preview comes back where it was too, not at the top.
    await page.waitForFunction((t) => Math.abs(document.getElementById('preview-scroller').scrollTop - t) < 80, previewTop);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('text typed 500 ms before the renderer crashes is there in a new tab', async () => {
    const { page } = await openEditor(env);
    const token = `crash-${Date.now()}`;
    await typeAtEnd(page, `\n${token}`);
    const typed = await markdown(page);
    await page.waitForTimeout(500);  // the promise: every change is persisted within 500 ms
    const cdp = await page.context().newCDPSession(page);
    const crashed = new Promise((resolve) => page.once('crash', resolve));
    cdp.send('Page.crash').catch(() => {});  // never answers: the renderer is gone, no unload ran
    await crashed;
    await page.close().catch(() => {});
    const { page: next } = await openEditor(env);
    assert.equal(await markdown(next), typed);
    await next.close();
  });

  test('text typed 500 ms before the tab is closed without unload handlers is kept', async () => {
    const { page } = await openEditor(env);
    const token = `closed-${Date.now()}`;
    await typeAtEnd(page, `\n${token}`);
    const typed = await markdown(page);
    await page.waitForTimeout(500);
    await page.close({ runBeforeUnload: false });
    const { page: next } = await openEditor(env);
    assert.equal(await markdown(next), typed);
    await next.close();
  });
});

describe('two tabs on one draft', () => {
  test('both tabs are warned, and neither overwrites the other: the later save becomes a copy', async () => {
    const { page: a } = await openEditor(env);
    const { page: b } = await openEditor(env);
    const draftId = await a.evaluate(() => window.draftmark.draftId);
    assert.equal(await b.evaluate(() => window.draftmark.draftId), draftId);
    for (const page of [a, b]) {
      await page.waitForSelector('[data-notice="other-tab"]');
      assert.match(await page.textContent('[data-notice="other-tab"]'), /also open in another tab/);
    }
    await typeAtEnd(a, '\nfrom tab A');
    await waitSaved(a);
    const textA = await markdown(a);
    await b.waitForSelector('[data-notice="remote-save"]');
    await typeAtEnd(b, '\nfrom tab B');
    await b.waitForSelector('[data-notice="forked"]');
    await waitSaved(b);
    const textB = await markdown(b);
    assert.match(textB, /from tab B$/);
    assert.doesNotMatch(textB, /from tab A/);
    const forkId = await b.evaluate(() => window.draftmark.draftId);
    assert.notEqual(forkId, draftId);
    // Tab A hears that B's text went to a copy (BroadcastChannel), and which one.
    await a.waitForSelector('[data-notice="remote-fork"]');
    assert.match(await a.textContent('[data-notice="remote-fork"]'), /kept as ".*\(copy\)"/);
    assert.equal((await storedDraft(a, draftId)).text, textA, "tab A's draft is untouched");
    assert.equal((await storedDraft(a, forkId)).text, textB, "tab B's text is kept as a copy");
    await b.click('#drafts-button');
    assert.match(await b.textContent('#drafts-panel [aria-current="true"]'), /\(copy\)/);
    await a.close();
    await b.close();
  });
});

describe('two tabs, one loading the other\'s save', () => {
  test('"Load the newer version" shows the other tab\'s text, and later saves continue the same draft', async () => {
    const { page: a } = await openEditor(env);
    const { page: b } = await openEditor(env);
    const draftId = await a.evaluate(() => window.draftmark.draftId);
    await typeAtEnd(a, '\nnewer in A');
    await waitSaved(a);
    await b.click('[data-notice="remote-save"] button:text("Load the newer version")');
    await b.waitForFunction(() => window.draftmark.getMarkdown().endsWith('newer in A'));
    await typeAtEnd(b, '\nthen B');
    await waitSaved(b);
    assert.equal(await b.evaluate(() => window.draftmark.draftId), draftId, 'no copy was needed');
    assert.match((await storedDraft(b, draftId)).text, /newer in A\nthen B$/);
    await a.close();
    await b.close();
  });
});

describe('drafts', () => {
  test('a new draft, renamed, listed, reopened, then deleted', async () => {
    const { page } = await openEditor(env);
    const firstId = await page.evaluate(() => window.draftmark.draftId);
    await page.click('#drafts-button');
    await page.click('#drafts-panel [data-role="new"]');
    await page.waitForFunction((id) => window.draftmark.draftId !== id, firstId);
    assert.match(await markdown(page), /^---\ntitle: Untitled\n/);
    await typeAtEnd(page, 'Second draft body.');
    await page.fill('#drafts-panel [data-role="name"]', 'My second draft');
    await page.press('#drafts-panel [data-role="name"]', 'Enter');
    await waitSaved(page);
    await page.waitForFunction(() => document.querySelector('#drafts-panel [aria-current="true"]')?.textContent.includes('My second draft'));
    const secondId = await page.evaluate(() => window.draftmark.draftId);

    await page.click(`#drafts-panel button[data-id="${firstId}"]`);
    await page.waitForFunction((id) => window.draftmark.draftId === id, firstId);
    assert.doesNotMatch(await markdown(page), /Second draft body/);
    await page.click(`#drafts-panel button[data-id="${secondId}"]`);
    await page.waitForFunction((id) => window.draftmark.draftId === id, secondId);
    assert.match(await markdown(page), /Second draft body\.$/);

    await page.click('#drafts-panel [data-role="delete"]');
    assert.equal(await page.evaluate(() => window.draftmark.draftId), secondId, 'the first click only asks');
    await page.click('#drafts-panel [data-role="delete"]');
    await page.waitForFunction((id) => window.draftmark.draftId !== id, secondId);
    await page.waitForSelector(`#drafts-panel button[data-id="${secondId}"]`, { state: 'detached' });
    assert.ok(await page.$(`#drafts-panel button[data-id="${firstId}"]`), 'the other draft is still listed');
    assert.equal(await storedDraft(page, secondId), null);
    await page.close();
  });
});

describe('saving a long post', () => {
  test('a save and a cursor move touch the text record only to write it (never read it, never rewrite it for the cursor)', async () => {
    const { page, errors } = await openEditor(env, {
      init: () => {
        // Records every key the page reads or writes in IndexedDB.
        window.__idb = [];
        for (const op of ['get', 'put']) {
          const real = IDBObjectStore.prototype[op];
          IDBObjectStore.prototype[op] = function recorded(...args) {
            window.__idb.push(`${op} ${op === 'get' ? args[0] : args[1]}`);
            return real.apply(this, args);
          };
        }
      },
    });
    const id = await page.evaluate(() => window.draftmark.draftId);
    await typeAtEnd(page, '\nA long post grows.');
    await waitSaved(page);
    await page.evaluate(() => { window.__idb = []; });
    await typeAtEnd(page, ' More.');
    await waitSaved(page);
    const save = await page.evaluate(() => window.__idb);
    assert.ok(save.includes(`put text:${id}`), `the save writes the text: ${save}`);
    assert.ok(!save.includes(`get text:${id}`), `the save does not read the text back: ${save}`);
    await page.evaluate(() => { window.__idb = []; });
    await placeCaret(page, 10);
    await page.waitForFunction((key) => window.__idb.includes(key), `put view:${id}`, { polling: 50 });
    const move = await page.evaluate(() => window.__idb);
    assert.ok(!move.some((k) => k.endsWith(`text:${id}`)), `a cursor move leaves the text alone: ${move}`);
    await page.reload();
    await waitReady(page);
    assert.equal(await cursor(page), 10, 'the cursor saved in the view record is restored');
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a draft saved before meta carried the revision opens and saves (no false conflict)', async () => {
    const { page: editor } = await openEditor(env);
    const id = await editor.evaluate(() => window.draftmark.draftId);
    await editor.close();  // its last view save must land before the rewrite, not after
    // Rewrite the draft the way the previous version stored it (rev in the text record only),
    // from another page of the same origin.
    const page = await env.context.newPage();
    await page.goto(`${env.base}/README.md`);
    await page.evaluate((draftId) => new Promise((resolve, reject) => {
      const open = indexedDB.open('draftmark');
      open.onsuccess = () => {
        const store = open.result.transaction('drafts', 'readwrite').objectStore('drafts');
        store.put({ text: 'Old format.\n', rev: 7, writer: 'old', anchor: 3, head: 3, scrollLine: 1 }, `text:${draftId}`);
        store.put({ id: draftId, name: 'old', title: '', createdAt: 1, updatedAt: 1 }, `meta:${draftId}`);
        store.delete(`view:${draftId}`);
        store.transaction.oncomplete = () => { open.result.close(); resolve(); };
        store.transaction.onerror = () => reject(store.transaction.error);
      };
      open.onerror = () => reject(open.error);
    }), id);
    await page.close();
    const { page: next } = await openEditor(env);
    assert.equal(await next.evaluate(() => window.draftmark.draftId), id);
    assert.equal(await markdown(next), 'Old format.\n');
    assert.equal(await cursor(next), 3);
    // One edit, so one save (rev 7 -> 8) however slowly a loaded machine delivers keys.
    await next.evaluate(() => {
      const view = window.draftmark.view;
      view.dispatch({ changes: { from: view.state.doc.length, insert: 'Saved again.' } });
    });
    await waitSaved(next);
    assert.equal(await next.evaluate(() => window.draftmark.draftId), id, 'no conflict copy');
    assert.equal((await storedDraft(next, id)).text, 'Old format.\nSaved again.');
    // 8, or more when the typing outlasted one autosave (a loaded machine): counts are not the point
    assert.ok((await storedDraft(next, id)).rev >= 8, 'saved on top of revision 7');
    await next.close();
  });
});

describe('storage failure', () => {
  test('a full quota shows a visible warning and the text stays in the editor', async () => {
    const { page } = await openEditor(env, {
      init: () => {
        // Every write fails the way a full disk or a private window does.
        IDBObjectStore.prototype.put = function put() {
          throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
        };
      },
    });
    await typeAtEnd(page, '\nnot lost');
    await page.waitForSelector('[data-notice="storage"]');
    assert.match(await page.textContent('[data-notice="storage"]'), /Autosave is not working.*quota.*still here/s);
    await page.waitForFunction(() => document.getElementById('save-state').dataset.state === 'failed');
    await page.waitForTimeout(600);  // the autosave of the typed text has failed too, and nothing changed
    assert.equal(await page.getAttribute('#save-state', 'data-state'), 'failed');
    assert.match(await markdown(page), /not lost$/);
    await page.waitForFunction(() => document.getElementById('preview').textContent.includes('not lost'));
    await page.close();
  });
});
