// Working on the blog itself (issue 12): a real small Jekyll site (a _config.yml, three posts,
// an image) written into Chromium's origin-private file system — real FileSystemDirectoryHandles
// — and opened through window.draftmark.openSiteFolder(handle), since a test cannot click a
// directory picker. Open, list, edit, save back, a conflict on an outside change, a pasted
// screenshot (a real ClipboardEvent with PNG bytes) and a dropped PNG that must not become a draft.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openEditor, setMarkdown, startBrowser, waitReady } from './editor-page.mjs';

let env, page, errors;

before(async () => {
  env = await startBrowser();
  ({ page, errors } = await openEditor(env));
});
after(() => env?.close());

const markdown = () => page.evaluate(() => window.draftmark.getMarkdown());

// PNG bytes of a w×h image, drawn by the page's own canvas encoder.
function pngScript(w, h) {
  return `new Promise((resolve) => { const c = document.createElement('canvas'); c.width = ${w}; c.height = ${h};
    c.getContext('2d').fillRect(0, 0, 3, 3); c.toBlob((b) => resolve(b), 'image/png'); })`;
}

async function writeSite() {
  await page.evaluate(async () => {
    const root = await navigator.storage.getDirectory();
    for await (const name of root.keys()) await root.removeEntry(name, { recursive: true });
    const site = await root.getDirectoryHandle('blog', { create: true });
    async function write(path, data) {
      const parts = path.split('/');
      let dir = site;
      for (const p of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(p, { create: true });
      const w = await (await dir.getFileHandle(parts.at(-1), { create: true })).createWritable();
      await w.write(data);
      await w.close();
    }
    await write('_config.yml', 'title: Test Blog\nurl: https://me.github.io\nbaseurl: ""\ntimezone: Asia/Seoul\ndefaults:\n  - scope: {path: "", type: posts}\n    values: {layout: post, math: true}\n');
    await write('_posts/2024-01-02-first.md', '---\ntitle: First post\ndate: 2024-01-02 10:00:00 +0900\n---\n\nHello.\n');
    await write('_posts/2024-02-03-second.md', '---\ntitle: Second post\ndate: 2024-02-03 10:00:00 +0900\n---\n\n![a](/assets/img/a.png)\n');
    await write('_drafts/idea.md', '---\ntitle: An idea\n---\n\nLater.\n');
    const c = document.createElement('canvas');
    c.width = 4; c.height = 4;
    await write('assets/img/a.png', await new Promise((r) => c.toBlob(r, 'image/png')));
  });
}

/** Replaces the site's _config.yml and opens the site again. */
async function writeConfig(text) {
  await page.evaluate(async (t) => {
    const site = await (await navigator.storage.getDirectory()).getDirectoryHandle('blog');
    const w = await (await site.getFileHandle('_config.yml')).createWritable();
    await w.write(t);
    await w.close();
  }, text);
  return openSite();
}

const openSite = () => page.evaluate(async () => {
  const root = await navigator.storage.getDirectory();
  const posts = await window.draftmark.openSiteFolder(await root.getDirectoryHandle('blog'));
  return posts.map(({ path, title, draft }) => ({ path, title, draft }));
});

const readSiteFile = (path) => page.evaluate(async (p) => {
  let dir = await (await navigator.storage.getDirectory()).getDirectoryHandle('blog');
  const parts = p.split('/');
  for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
  const file = await (await dir.getFileHandle(parts.at(-1))).getFile();
  return { text: await file.text(), size: file.size };
}, path);

describe('a site folder', () => {
  test('a dropped PNG does not become a draft', async () => {
    const draftBefore = await page.evaluate(() => window.draftmark.draftId);
    await setMarkdown(page, '# Before the drop\n');
    await page.evaluate(async (script) => {
      // eslint-disable-next-line no-eval
      const png = await eval(script);
      const data = new DataTransfer();
      data.items.add(new File([png], 'shot.png', { type: 'image/png' }));
      const target = document.querySelector('.cm-content');
      target.dispatchEvent(new DragEvent('dragover', { dataTransfer: data, bubbles: true, cancelable: true }));
      target.dispatchEvent(new DragEvent('drop', { dataTransfer: data, bubbles: true, cancelable: true }));
    }, pngScript(10, 10));
    await page.waitForFunction(() => /image|shot\.png/.test(document.getElementById('notices').textContent));
    assert.equal(await page.evaluate(() => window.draftmark.draftId), draftBefore);
    assert.doesNotMatch(await markdown(), /PNG|IHDR|\u0000/);
  });

  test('without a site folder the image is kept with the draft and shown, after a reload too', async () => {
    const shown = () => page.waitForFunction(() => [...document.querySelectorAll('#preview img')]
      .some((img) => /^\/assets\/img\/posts\/.+\/shot\.png$/.test(img.dataset.src ?? '') && img.src.startsWith('blob:')
        && img.complete && img.naturalWidth === 10));
    assert.match(await markdown(), /!\[\]\(\/assets\/img\/posts\/[^)]+\/shot\.png\)\{: w="10" h="10" \}/);
    await shown();
    await page.reload();
    await waitReady(page);
    await shown();
  });

  test('opens and lists _posts/ and _drafts/ with titles from the front matter', async () => {
    await writeSite();
    const posts = await openSite();
    assert.deepEqual(posts.map((p) => [p.title, p.draft]).sort(), [['An idea', true], ['First post', false], ['Second post', false]]);
    const settings = await page.evaluate(() => window.draftmark.site.settings);
    assert.equal(settings.title, 'Test Blog');
    assert.equal(settings.post_defaults.math, true);
    await page.click('#posts-button');
    await page.fill('#posts-filter', 'second');
    assert.deepEqual(await page.$$eval('#posts-list button', (b) => b.map((x) => x.textContent)), ['Second post']);
  });

  test('a post opens bound to its file and Save writes it back in place', async () => {
    await page.click('#posts-list button[data-path="_posts/2024-02-03-second.md"]');
    await page.waitForFunction(() => window.draftmark.getMarkdown().includes('Second post'));
    await setMarkdown(page, `${await markdown()}\nEdited here.\n`);
    await page.click('#save-button');
    await page.waitForFunction(() => /Saved to _posts\/2024-02-03-second\.md/.test(document.getElementById('notices').textContent));
    assert.equal((await readSiteFile('_posts/2024-02-03-second.md')).text, await markdown());
  });

  test('a change on disk since opening is never overwritten: ours is kept beside it', async () => {
    await page.evaluate(async () => {
      const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle('blog')).getDirectoryHandle('_posts');
      const w = await (await dir.getFileHandle('2024-02-03-second.md')).createWritable();
      await w.write('changed outside\n');
      await w.close();
    });
    await setMarkdown(page, `${await markdown()}\nMore.\n`);
    await page.click('#save-button');
    await page.waitForFunction(() => /nothing was overwritten/.test(document.getElementById('notices').textContent));
    assert.equal((await readSiteFile('_posts/2024-02-03-second.md')).text, 'changed outside\n');
    const drafts = await page.evaluate(async () => {
      const dir = await (await (await navigator.storage.getDirectory()).getDirectoryHandle('blog')).getDirectoryHandle('_drafts');
      const names = [];
      for await (const name of dir.keys()) names.push(name);
      return names;
    });
    assert.ok(drafts.some((n) => /^2024-02-03-second-conflict-/.test(n)), drafts.join());
  });

  test('a pasted screenshot is written under assets/img/posts/<slug>/ and inserted with w and h, one undo step', async () => {
    await page.click('#posts-list button[data-path="_posts/2024-02-03-second.md"]').catch(async () => {
      await page.fill('#posts-filter', '');
    });
    await page.evaluate(() => window.draftmark.site.openPost('_posts/2024-01-02-first.md'));
    await page.waitForFunction(() => window.draftmark.getMarkdown().includes('First post'));
    const before = await markdown();
    await page.evaluate(async (script) => {
      const view = window.draftmark.view;
      view.focus();
      view.dispatch({ selection: { anchor: view.state.doc.length } });
      const png = await eval(script);
      const data = new DataTransfer();
      data.items.add(new File([png], 'image.png', { type: 'image/png' }));
      view.contentDOM.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pngScript(37, 21));
    await page.waitForFunction(() => /\{: w="37" h="21" \}/.test(window.draftmark.getMarkdown()));
    const inserted = (await markdown()).slice(before.length);
    const path = inserted.match(/^!\[\]\(\/(assets\/img\/posts\/first\/[^)]+\.png)\)\{: w="37" h="21" \}$/)?.[1];
    assert.ok(path, inserted);
    assert.ok((await readSiteFile(path)).size > 0);
    // The preview shows it at once, from the folder (it is not published yet).
    await page.waitForFunction((p) => [...document.querySelectorAll('#preview img')]
      .some((img) => img.dataset.src === `/${p}` && img.src.startsWith('blob:') && img.complete && img.naturalWidth === 37), path);
    await page.evaluate(() => window.draftmark.view.focus());
    await page.keyboard.press('Control+z');
    assert.equal(await markdown(), before);
  });

  test('the preview resolves post_url against the folder\'s posts and applies its front-matter defaults', async () => {
    await page.evaluate(() => window.draftmark.site.openPost('_posts/2024-01-02-first.md'));
    await page.waitForFunction(() => window.draftmark.getMarkdown().includes('First post'));
    await setMarkdown(page, '---\ntitle: Links\n---\n\n[one]({% post_url 2024-02-03-second %}) in {{ site.title }}\n\n'
      + '[gone]({% post_url 2024-03-04-gone %})\n\n$$x^2$$\n');
    const shown = await page.evaluate(() => ({
      hrefs: [...document.querySelectorAll('#preview a')].map((a) => a.getAttribute('href')),
      text: document.getElementById('preview').textContent,
      problems: document.getElementById('diagnostics-list').textContent,
      math: document.querySelectorAll('#preview .katex').length,
    }));
    assert.ok(shown.hrefs.includes('/posts/second/'), shown.hrefs.join());
    assert.match(shown.text, /in Test Blog/);
    assert.match(shown.problems, /There is no post `2024-03-04-gone`/);
    assert.doesNotMatch(shown.problems, /2024-02-03-second/);
    assert.ok(shown.math >= 1, 'math: true from _config.yml defaults typesets $$x^2$$');
  });

  test('the post layout takes the site\'s lang, its _data/authors.yml and its social name (Chirpy\'s byline)', async () => {
    await page.evaluate(async () => {
      const site = await (await navigator.storage.getDirectory()).getDirectoryHandle('blog');
      const write = async (dir, name, text) => {
        const w = await (await dir.getFileHandle(name, { create: true })).createWritable();
        await w.write(text);
        await w.close();
      };
      await write(site, '_config.yml', 'title: Test Blog\nlang: ko-KR\nsocial:\n  name: Site Owner\n  links: [https://github.com/owner]\n');
      await write(await site.getDirectoryHandle('_data', { create: true }), 'authors.yml', 'me:\n  name: Me Myself\n  url: https://me.example\n');
    });
    await openSite();
    await page.evaluate(() => window.draftmark.site.openPost('_posts/2024-01-02-first.md'));
    await page.waitForFunction(() => window.draftmark.getMarkdown().includes('First post'));
    const layout = async (frontMatter) => {
      await setMarkdown(page, `---\ntitle: Byline\ndate: 2024-01-02 10:00:00 +0900\ntags: [a]\n${frontMatter}---\n\n본문입니다.\n`);
      return page.evaluate(() => ({
        byline: document.querySelector('#preview .post-author')?.innerHTML ?? '',
        meta: document.querySelector('#preview .post-meta')?.textContent ?? '',
        tail: document.querySelector('#preview .post-tail-wrapper')?.textContent ?? '',
      }));
    };
    const own = await layout('author: me\n');
    assert.equal(own.byline, 'By <em><a href="https://me.example">Me Myself</a></em>');
    assert.match(own.meta, /게시 2024\/01\/02/);
    assert.match(own.meta, /1 분읽는 시간/);
    assert.match(own.tail, /이 기사는 저작권자의 CC BY 4.0 라이센스를 따릅니다/);
    const site = await layout('');
    assert.equal(site.byline, 'By <em><a href="https://github.com/owner">Site Owner</a></em>');
    const english = await layout('lang: en\n');
    assert.match(english.meta, /Posted Jan +2, 2024/);
  });

  test('with a baseurl: a pasted image is written without it (Chirpy adds it), and paths with it load from the folder', async () => {
    await writeConfig('title: Test Blog\nurl: https://me.github.io\nbaseurl: /blog\n');
    await page.evaluate(() => window.draftmark.site.openPost('_posts/2024-01-02-first.md'));
    await page.waitForFunction(() => window.draftmark.getMarkdown().includes('First post'));
    await setMarkdown(page, "---\ntitle: Base\n---\n\n![plain](/assets/img/a.png)\n\n![with](/blog/assets/img/a.png)\n\n"
      + "![liquid]({{ '/assets/img/a.png' | relative_url }})\n");
    await page.waitForFunction(() => {
      const imgs = [...document.querySelectorAll('#preview img')];
      return imgs.length === 3 && imgs.every((img) => img.src.startsWith('blob:') && img.complete && img.naturalWidth === 4);
    });
    assert.deepEqual(await page.evaluate(() => [...document.querySelectorAll('#preview img')].map((img) => img.dataset.src)),
      ['/assets/img/a.png', '/blog/assets/img/a.png', '/blog/assets/img/a.png']);
    const before = await markdown();
    await page.evaluate(async (script) => {
      const view = window.draftmark.view;
      view.focus();
      view.dispatch({ selection: { anchor: view.state.doc.length } });
      const data = new DataTransfer();
      data.items.add(new File([await eval(script)], 'image.png', { type: 'image/png' }));
      view.contentDOM.dispatchEvent(new ClipboardEvent('paste', { clipboardData: data, bubbles: true, cancelable: true }));
    }, pngScript(5, 6));
    await page.waitForFunction(() => /\{: w="5" h="6" \}/.test(window.draftmark.getMarkdown()));
    assert.match((await markdown()).slice(before.length), /^!\[\]\(\/assets\/img\/posts\/first\/[^)]+\.png\)\{: w="5" h="6" \}$/);
  });

  test('after a reload the folder reopens, the post is still its file\'s (Save writes in place) and its images show', async () => {
    const text = await markdown();
    const pasted = text.match(/\/assets\/img\/posts\/first\/[^)]+\.png/)[0];
    await page.reload();
    await waitReady(page);
    assert.equal(await markdown(), text);
    assert.equal(await page.evaluate(() => window.draftmark.site.folder?.name), 'blog');
    await page.waitForFunction((p) => [...document.querySelectorAll('#preview img')]
      .some((img) => img.dataset.src === p && img.src.startsWith('blob:') && img.complete && img.naturalWidth === 5), pasted);
    await setMarkdown(page, `${text}\nAfter the reload.\n`);
    await page.click('#save-button');
    await page.waitForFunction(() => /Saved to _posts\/2024-01-02-first\.md/.test(document.getElementById('notices').textContent));
    assert.equal((await readSiteFile('_posts/2024-01-02-first.md')).text, await markdown());
  });

  test('New post writes _posts/YYYY-MM-DD-slug.md dated in the site\'s time zone and opens it', async () => {
    await writeConfig('title: Test Blog\ntimezone: Asia/Seoul\n');
    const path = await page.evaluate(() => window.draftmark.site.newPost('Hello 세계', new Date('2024-12-31T20:30:00Z')));
    // 20:30 UTC is already 2025-01-01 in Seoul, the site's time zone.
    assert.equal(path, '_posts/2025-01-01-hello-세계.md');
    const { text } = await readSiteFile(path);
    assert.match(text, /^---\ntitle: "Hello 세계"\ndate: 2025-01-01 05:30:00 \+0900\n/);
    assert.equal(await markdown(), text);
  });

  test('no console errors', () => {
    assert.deepEqual(errors, []);
  });
});
