// The distribution in real Chromium: the offline single file from file:// with the network cut
// (and under a strict CSP), and <draftmark-preview> + the module on web/examples/embed.html.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { after, before, describe, test } from 'node:test';
import { pathToFileURL } from 'node:url';
import { serve } from '../../web/serve.mjs';
import { focusEditorEnd } from '../browser/editor/editor-page.mjs';
import { collectErrors, launchChromium } from './chromium.mjs';

const root = process.cwd();
const singleFile = path.join(root, 'dist/draftmark.html');
const singleFileUrl = pathToFileURL(singleFile).href;
const STRICT_CSP = "default-src 'self' 'unsafe-inline' data: blob:; script-src 'self' 'unsafe-inline' 'wasm-unsafe-eval'";
const CSP_ORIGIN = 'http://draftmark.test';  // answered by the test itself (route.fulfill), never the network

let browser, server, base;
const requests = [];   // every request the browser attempted: {url, allowed}

before(async () => {
  server = await serve(root);
  base = `http://127.0.0.1:${server.address().port}`;
  browser = await launchChromium();
  // One policy for the whole context (pages, workers, preloads): the single file itself, the
  // local server and the CSP origin are allowed; anything else is aborted and recorded.
  await browser.context.route('**/*', (route) => {
    const url = route.request().url();
    const allowed = url === singleFileUrl || url.startsWith(`${base}/`) || url.startsWith(`${CSP_ORIGIN}/`);
    requests.push({ url, allowed });
    return allowed ? route.fallback() : route.abort('blockedbyclient');
  });
});

after(async () => {
  await browser?.close();
  server?.close();
});

/** Requests attempted while `fn` runs. */
async function requestsDuring(fn) {
  const start = requests.length;
  await fn();
  return requests.slice(start);
}

async function katexMainLoaded(page) {
  return page.evaluate(async () => {
    await document.fonts.ready;
    return [...document.fonts].some((f) => f.family.replace(/"/g, '') === 'KaTeX_Main' && f.status === 'loaded');
  });
}

describe('embed page (web/examples/embed.html)', () => {
  let page, errors;
  const shadowHtml = (id) => page.$eval(`#${id}`, (el) => el.shadowRoot.querySelector('.dm-content').innerHTML);
  const renderedAfter = (id, change) => page.evaluate(([id, change]) => new Promise((resolve) => {
    const el = document.getElementById(id);
    el.addEventListener('draftmark:rendered', () => resolve(el.shadowRoot.querySelector('.dm-content').innerHTML), { once: true });
    new Function('el', change)(el);  // test-side code, runs in the page under no CSP
  }), [id, change]);

  before(async () => {
    page = await browser.context.newPage();
    errors = collectErrors(page);
    await page.goto(`${base}/web/examples/embed.html`);
    await page.waitForFunction(() => document.body.dataset.moduleReady === 'true'
      && document.getElementById('inline').result && document.getElementById('remote').result);
  });
  after(() => page.close());

  test('both elements render: the inline text with math, and the src= file', async () => {
    const inline = await shadowHtml('inline');
    assert.match(inline, /<h1[^>]*>Hello from draftmark-preview<\/h1>/);
    assert.match(inline, /class="katex"/);
    assert.match(inline, /<li>sanitised output<\/li>/);
    const remote = await shadowHtml('remote');
    assert.match(remote, /fetched from <code>embed-sample\.md<\/code>/);
    assert.match(remote, /<table\b/);
    assert.match(remote, /class="katex-display"/);
  });

  test('KaTeX fonts are registered on the document and loaded', async () => {
    assert.equal(await katexMainLoaded(page), true);
  });

  test("the host page's CSS does not reach inside, and the element's CSS does not leak out", async () => {
    await page.addStyleTag({ content: 'p, li { color: rgb(255, 0, 0) !important; } h1 { font-size: 77px; }' });
    const colours = await page.evaluate(() => {
      const shadow = document.getElementById('inline').shadowRoot;
      return {
        hostP: getComputedStyle(document.querySelector('body > p')).color,
        shadowP: getComputedStyle(shadow.querySelector('p')).color,
        shadowLi: getComputedStyle(shadow.querySelector('li')).color,
        shadowH1: getComputedStyle(shadow.querySelector('h1')).fontSize,
        hostH1Family: getComputedStyle(document.querySelector('body > h1')).fontFamily,
      };
    });
    assert.equal(colours.hostP, 'rgb(255, 0, 0)', 'control: the host rule applies to the host page');
    assert.notEqual(colours.shadowP, 'rgb(255, 0, 0)');
    assert.notEqual(colours.shadowLi, 'rgb(255, 0, 0)');
    assert.notEqual(colours.shadowH1, '77px');
    assert.doesNotMatch(colours.hostH1Family, /Lato/, 'the post style stays inside the shadow root');
  });

  test('changing textContent re-renders', async () => {
    const html = await renderedAfter('inline', "el.textContent = '# Changed\\n\\n~~gone~~ $x$\\n';");
    assert.match(html, /<h1[^>]*>Changed<\/h1>/);
    assert.match(html, /<del>gone<\/del>/);
  });

  test('typing in the page\'s textarea re-renders the element', async () => {
    const done = page.evaluate(() => new Promise((resolve) => {
      const el = document.getElementById('inline');
      const check = () => /Typed by a person/.test(el.shadowRoot.textContent) ? resolve(true) : null;
      el.addEventListener('draftmark:rendered', check);
    }));
    await page.fill('#inline-source', '');
    await page.type('#inline-source', '## Typed by a person', { delay: 5 });
    assert.equal(await done, true);
  });

  test('the mode attribute changes the dialect and theme switches colours', async () => {
    const html = await renderedAfter('inline', "el.setAttribute('mode', 'commonmark'); el.textContent = '~~kept~~\\n';");
    assert.match(html, /~~kept~~/, 'strikethrough is not CommonMark');
    const theme = await page.$eval('#inline', async (el) => {
      el.setAttribute('theme', 'dark');
      const frame = el.shadowRoot.querySelector('.dm-frame');
      return [frame.dataset.theme, getComputedStyle(frame).backgroundColor];
    });
    assert.deepEqual(theme, ['dark', 'rgb(27, 27, 30)']);
  });

  test('theme="auto" follows the system colour scheme as it changes', async () => {
    const becomes = (want) => page.waitForFunction((t) =>
      document.getElementById('remote').shadowRoot.querySelector('.dm-frame').dataset.theme === t, want, { timeout: 5000 });
    await page.emulateMedia({ colorScheme: 'dark' });
    await becomes('dark');
    await page.emulateMedia({ colorScheme: 'light' });
    await becomes('light');
  });

  test('changing src loads the new file', async () => {
    const html = await renderedAfter('remote',
      "el.setAttribute('mode', 'gfm'); el.setAttribute('src', 'embed-korean.md');");
    assert.match(html, /두 번째 문서/);
    assert.match(html, /class="katex"/);
  });

  test('raw HTML in element content is sanitised: no script runs', async () => {
    const attack = '<img src="x:" onerror="window.__pwned = 1">\n\n<script>window.__pwned = 2</script>\n\n' +
      '<svg><animate onbegin="window.__pwned = 4" attributeName="x" dur="1s"/></svg>\n\n[a](javascript:window.__pwned=3)\n';
    await renderedAfter('inline', `const s = document.createElement('script'); s.type = 'text/markdown';
      s.textContent = ${JSON.stringify(attack)}; el.replaceChildren(s);`);
    await page.waitForTimeout(1200);  // the img error and the 1 s SVG animation would have fired by now
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const html = await shadowHtml('inline');
    assert.doesNotMatch(html, /onerror|<script|javascript:/i);
  });

  test('renderInto() from the module typeset math and highlighted code, loading its chunks lazily', async () => {
    const html = await page.$eval('#render-into', (el) => el.innerHTML);
    assert.match(html, /From render\(\)/);
    assert.match(html, /class="katex"/);
    assert.match(html, /<span class="tok-keyword">const<\/span>/);
    // KaTeX and the highlighter came from dist/chunks/, each fetched once for both the module and the element.
    const chunks = await page.evaluate(() => performance.getEntriesByType('resource')
      .map((e) => new URL(e.name).pathname).filter((p) => p.includes('/dist/chunks/')));
    assert.ok(chunks.some((p) => /render-into-/.test(p)), 'the DOM half is a chunk');
    assert.equal(chunks.length, new Set(chunks).size, `a chunk fetched twice: ${chunks}`);
  });

  test('a src that cannot be loaded shows a message in the element and fires draftmark:error', async () => {
    const other = await browser.context.newPage();  // its expected 404 stays out of the clean-console check
    await other.goto(`${base}/web/examples/embed.html`);
    await other.waitForFunction(() => document.getElementById('remote').result);
    const message = await other.$eval('#remote', (el) => new Promise((resolve) => {
      el.addEventListener('draftmark:error', (e) => resolve(e.detail.message), { once: true });
      el.setAttribute('src', 'no-such-file.md');
    }));
    assert.match(message, /no-such-file\.md.*404/);
    assert.match(await other.$eval('#remote', (el) => el.shadowRoot.querySelector('.dm-status').textContent), /404/);
    await other.close();
  });

  test('no console errors and no request beyond the local server', async () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(requests.filter((r) => !r.allowed).map((r) => r.url), []);
  });
});

describe('offline single file (dist/draftmark.html) from file:// with the network cut', () => {
  let page, errors, firstRequest;
  const preview = (selector) => page.$$eval(`#preview ${selector}`, (els) => els.map((e) => e.textContent));
  const waitReady = () => page.waitForFunction(() => document.documentElement.dataset.ready === 'true');

  before(async () => {
    firstRequest = requests.length;
    page = await browser.context.newPage();
    errors = collectErrors(page);
    await page.goto(singleFileUrl);
    await waitReady();
  });
  after(() => page.close());

  test('typing in the editor renders the preview, math included', async () => {
    await page.evaluate(() => window.draftmark.setMarkdown('# Offline\n\n'));
    await focusEditorEnd(page);
    await page.keyboard.type('## Typed offline\n\nEuler: $e^{i\\pi} + 1 = 0$ done.\n', { delay: 2 });
    await page.waitForFunction(() => document.querySelector('#preview h2')?.textContent === 'Typed offline'
      && document.querySelector('#preview .katex'));
    assert.deepEqual(await preview('h1'), ['Offline']);
    assert.match((await preview('p')).join('\n'), /Euler: .*done\./);
  });

  test("math is set in KaTeX's own fonts, loaded from inside the file", async () => {
    assert.equal(await katexMainLoaded(page), true);
    const family = await page.$eval('#preview .katex', (el) => getComputedStyle(el).fontFamily);
    assert.match(family, /^KaTeX_Main/);
    const sources = await page.evaluate(() => [...document.styleSheets].flatMap((s) => [...s.cssRules])
      .filter((r) => r instanceof CSSFontFaceRule && /KaTeX_Main/.test(r.style.fontFamily))
      .map((r) => r.style.getPropertyValue('src')));
    assert.ok(sources.length >= 4, 'the four KaTeX_Main faces are declared');
    for (const src of sources) assert.match(src, /^url\("data:font\/woff2;base64,/);
  });

  test('autosave keeps the text across a reload', async () => {
    const token = `kept-${Date.now()}`;
    await focusEditorEnd(page);
    await page.keyboard.type(`\n${token}\n`);
    await page.waitForFunction(() => document.getElementById('save-state').dataset.state === 'saved');
    await page.reload();
    await waitReady();
    assert.match(await page.evaluate(() => window.draftmark.getMarkdown()), new RegExp(token));
    await page.waitForFunction((t) => document.getElementById('preview').textContent.includes(t), token);
  });

  test('where storage is refused, the page says autosave is off and still renders', async () => {
    const blocked = await browser.context.newPage();
    await blocked.addInitScript(() => {
      IDBFactory.prototype.open = () => { throw new DOMException('storage is disabled', 'SecurityError'); };
    });
    await blocked.goto(singleFileUrl);
    await blocked.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    await blocked.waitForFunction(() => /autosave/i.test(document.getElementById('notices').textContent));
    assert.ok(await blocked.$eval('#preview', (el) => el.children.length > 0), 'the preview still renders');
    await blocked.close();
  });

  test('no request was attempted and the console stayed clean', async () => {
    const attempted = requests.slice(firstRequest).map((r) => r.url).filter((url) => url !== singleFileUrl);
    assert.deepEqual(attempted, []);
    assert.deepEqual(errors, []);
  });
});

// The single file served with STRICT_CSP from the test's own origin, violations recorded in
// window.__violations; resolves once the editor is up.
async function openSingleFileUnderCsp(page) {
  await page.route(`${CSP_ORIGIN}/draftmark.html`, (route) => route.fulfill({
    status: 200, body: readFileSync(singleFile),
    headers: { 'content-type': 'text/html; charset=utf-8', 'content-security-policy': STRICT_CSP },
  }));
  await page.addInitScript(() => {
    window.__violations = [];
    document.addEventListener('securitypolicyviolation',
      (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
  });
  await page.goto(`${CSP_ORIGIN}/draftmark.html`);
  await page.waitForFunction(() => window.draftmark?.setMarkdown);
}

describe('offline single file under a strict Content-Security-Policy', () => {
  test('it draws a mermaid diagram from its own compressed copy, with no violation and no request', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    const requests = [];
    page.on('request', (r) => { if (!r.url().startsWith('data:')) requests.push(r.url()); });
    await openSingleFileUnderCsp(page);
    await page.evaluate(() => window.draftmark.setMarkdown('---\ntitle: M\nmermaid: true\n---\n\n```mermaid\ngraph LR\n  A --> B\n```\n'));
    await page.waitForFunction(() => document.querySelector('#preview .mermaid svg'), null, { timeout: 60_000 });
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(requests, [`${CSP_ORIGIN}/draftmark.html`]);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('it starts and renders math with no securitypolicyviolation, and the CSP is in force', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await openSingleFileUnderCsp(page);
    await page.evaluate(() => window.draftmark.setMarkdown('# Under CSP\n\n$$\\frac{a}{b}$$\n'));
    assert.equal(await page.evaluate(() => document.querySelectorAll('.katex-display').length > 0), true);
    assert.equal(await katexMainLoaded(page), true);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    // The policy and the listener really work: a request to another origin is refused and reported.
    // (eval cannot be probed from here: code run through page.evaluate is exempt from CSP; the
    // bundles are checked for eval and new Function in tests/dist/package.test.mjs.)
    await page.evaluate(() => fetch('http://192.0.2.1/probe').catch(() => null));
    await page.waitForFunction(() => window.__violations.length > 0);
    assert.deepEqual(await page.evaluate(() => window.__violations), ['connect-src http://192.0.2.1/probe']);
    await page.close();
  });
});

// A page of the test's own, at `origin` + path: the element from dist/, the page's HTML given here.
async function routePage(page, origin, file, body, headers = {}) {
  await page.route(`${origin}${file}`, (route) => route.fulfill({
    status: 200, body, headers: { 'content-type': 'text/html; charset=utf-8', ...headers } }));
}
const TYPES = { '.js': 'text/javascript', '.wasm': 'application/wasm', '.woff2': 'font/woff2', '.css': 'text/css' };
const elementPage = (markdown, attrs = '') => `<!doctype html><meta charset="utf-8">
<script type="module" src="/dist/draftmark-element.js"></script>
<draftmark-preview id="p" ${attrs}><script type="text/markdown">${markdown}</script></draftmark-preview>`;

describe('<draftmark-preview> loads KaTeX and the highlighter only when a post needs them', () => {
  test('a page without math or code requests no chunk and loads under 200 KB (gzip)', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await routePage(page, base, '/lazy-test.html', elementPage('# Plain\n\nNo math here.\n'));
    const seen = await requestsDuring(async () => {
      await page.goto(`${base}/lazy-test.html`);
      await page.waitForFunction(() => document.getElementById('p').result);
    });
    const urls = seen.map((r) => r.url);
    assert.deepEqual(urls.filter((u) => /element-math-|highlight-|fonts\/|katex|mermaid/i.test(u)), []);
    const bytes = await page.evaluate(() => performance.getEntriesByType('resource')
      .concat(performance.getEntriesByType('navigation')).reduce((sum, e) => sum + e.transferSize, 0));
    console.log(`# page without math: ${urls.length} requests, ${bytes} bytes transferred`);
    assert.ok(bytes <= 200 * 1024, `${bytes} bytes transferred`);

    // Math arrives: the math chunk and KaTeX's fonts are fetched, the formula typeset.
    const more = await requestsDuring(async () => {
      await page.$eval('#p', (el) => { el.text = '# Now with math\n\n$$\\frac{a}{b}$$\n\n```js\nconst x = 1;\n```\n'; });
      await page.waitForFunction(() => document.getElementById('p').shadowRoot.querySelector('.katex-display')
        && document.getElementById('p').shadowRoot.querySelector('code .tok-keyword'));
    });
    assert.ok(more.some((r) => /chunks\/element-math-/.test(r.url)), 'the math chunk is loaded');
    assert.ok(more.some((r) => /chunks\/highlight-/.test(r.url)), 'the highlighter chunk is loaded');
    assert.equal(await katexMainLoaded(page), true);
    const total = await page.evaluate(() => performance.getEntriesByType('resource')
      .concat(performance.getEntriesByType('navigation')).reduce((sum, e) => sum + e.transferSize, 0));
    console.log(`# with math and code: ${total} bytes transferred`);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('a post with a diagram loads mermaid once, next to the element, and draws it in the shadow root', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    const flow = '```mermaid\ngraph LR\n  A --> B\n```\n';
    await routePage(page, base, '/mermaid-test.html', elementPage(`---\nmermaid: true\n---\n\n# Diagram\n\n${flow}`));
    const seen = await requestsDuring(async () => {
      await page.goto(`${base}/mermaid-test.html`);
      await page.waitForFunction(() => document.getElementById('p').shadowRoot?.querySelector('.mermaid svg'), null, { timeout: 60_000 });
    });
    assert.deepEqual(seen.map((r) => r.url).filter((u) => /mermaid/.test(u)), [`${base}/dist/draftmark-mermaid.js`]);
    // A second diagram is drawn by the module already loaded: no new request.
    const again = await requestsDuring(async () => {
      await page.$eval('#p', (el, text) => { el.text = text; }, `---\nmermaid: true\n---\n\n${flow}\n${flow.replace('B', 'C')}`);
      await page.waitForFunction(() => document.getElementById('p').shadowRoot.querySelectorAll('.mermaid svg').length === 2, null, { timeout: 60_000 });
    });
    assert.deepEqual(again.filter((r) => /mermaid/.test(r.url)), []);
    assert.deepEqual(errors, []);
    await page.close();
  });

  test('shadow="none" renders into the light DOM, and the page\'s CSS wins over the post style', async () => {
    const page = await browser.context.newPage();
    await routePage(page, base, '/light-test.html', '<style>draftmark-preview p { color: rgb(1, 2, 3); }</style>' +
      elementPage('# Light\n\nStyled by the page, $x$.\n', 'shadow="none" lang="ko"'));
    await page.goto(`${base}/light-test.html`);
    await page.waitForFunction(() => document.querySelector('#p .katex'));
    const seen = await page.$eval('#p', (el) => ({ shadow: el.shadowRoot, colour: getComputedStyle(el.querySelector('.dm-content p')).color,
      h1: el.querySelector('.dm-content h1')?.textContent, source: el.text }));
    assert.deepEqual(seen, { shadow: null, colour: 'rgb(1, 2, 3)', h1: 'Light', source: '# Light\n\nStyled by the page, $x$.\n' });
    await page.close();
  });
});

describe("<draftmark-preview>'s language", () => {
  test("without a lang of its own the element declares the post's (front matter), and its own lang wins", async () => {
    const page = await browser.context.newPage();
    const post = '---\ntitle: T\nlang: ja-JP\n---\n\n漢字\n';
    await routePage(page, base, '/lang-test.html', elementPage(post, 'mode="jekyll"') + elementPage(post, 'mode="jekyll" lang="zh-CN"').replace('id="p"', 'id="b"'));
    await page.goto(`${base}/lang-test.html`);
    const langOf = (id) => page.$eval(`#${id}`, (el) => el.shadowRoot?.querySelector('[lang]')?.getAttribute('lang') ?? null);
    await page.waitForFunction(() => document.querySelector('#p')?.shadowRoot?.querySelector('[lang="ja-JP"]'));
    assert.equal(await langOf('p'), 'ja-JP');
    await page.waitForFunction(() => document.querySelector('#b')?.shadowRoot?.querySelector('.dm-content p'));
    assert.equal(await langOf('b'), 'zh-CN');
    await page.close();
  });
});

describe('<draftmark-preview> under the strictest CSP it supports', () => {
  // Documented in README "Content-Security-Policy": fetching the wasm needs connect-src,
  // compiling it wasm-unsafe-eval, KaTeX's fonts font-src and its layout's style attributes
  // style-src 'unsafe-inline'. Nothing else: no inline script, no eval.
  const ELEMENT_CSP = "default-src 'none'; script-src 'self' 'wasm-unsafe-eval'; connect-src 'self'; " +
    "font-src 'self'; style-src 'unsafe-inline'";
  test('math and highlighted code render with no securitypolicyviolation', async () => {
    const page = await browser.context.newPage();
    const errors = collectErrors(page);
    await page.route(`${CSP_ORIGIN}/dist/**`, (route) => {
      const file = path.join(root, new URL(route.request().url()).pathname);
      return route.fulfill({ status: 200, body: readFileSync(file),
        headers: { 'content-type': TYPES[path.extname(file)] ?? 'application/octet-stream' } });
    });
    await routePage(page, CSP_ORIGIN, '/element.html',
      elementPage('# Under CSP\n\n$$\\sum_i x_i$$\n\n```python\ndef f(): pass\n```\n'),
      { 'content-security-policy': ELEMENT_CSP });
    await page.addInitScript(() => {
      window.__violations = [];
      document.addEventListener('securitypolicyviolation', (e) => window.__violations.push(`${e.violatedDirective} ${e.blockedURI}`));
    });
    await page.goto(`${CSP_ORIGIN}/element.html`);
    await page.waitForFunction(() => document.getElementById('p').shadowRoot?.querySelector('.katex-display')
      && document.getElementById('p').shadowRoot.querySelector('code .tok-keyword'));
    assert.equal(await katexMainLoaded(page), true);
    assert.deepEqual(await page.evaluate(() => window.__violations), []);
    assert.deepEqual(errors, []);
    await page.close();
  });
});
