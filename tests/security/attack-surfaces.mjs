// The three ways a document reaches a browser, each as one reusable page: the editor
// (dist/index.html over http), <draftmark-preview> (tests/security/element-host.html over http)
// and the offline single file (dist/draftmark.html from file://). A surface knows how to open
// its page, put a document in, wait for the preview to show it and where its preview is; it
// records the page's dialogs, requests outside its own origin and navigations away.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { armTripwire } from './in-page-harness.mjs';

const READY = { timeout: 30_000 };

/** Resolves once the editor page (served or single file) says it is ready. */
const editorReady = (page) => page.waitForFunction(() => document.documentElement.dataset.ready === 'true', null, READY);

/** Puts text in the editor; resolves once the preview shows it (the page's automation hook). */
const setEditorText = (page, text) => page.evaluate((t) => window.draftmark.setMarkdown(t), text);

/** Replaces the element's text; resolves after the render it causes (or its error). */
const setElementText = (page, text) => page.evaluate((t) => new Promise((resolve, reject) => {
  const el = document.getElementById('target');
  el.addEventListener('draftmark:rendered', () => resolve(), { once: true });
  el.addEventListener('draftmark:error', (e) => reject(new Error(e.detail.message)), { once: true });
  el.textContent = t;
}), text);

// The element's first render (of its empty content) must be over too: finishing later, it
// replaced what a control had just written into the preview (seen once under load).
const elementReady = async (page) => {
  await page.waitForFunction(() => customElements.get('draftmark-preview')
    && document.getElementById('target').shadowRoot?.querySelector('.dm-content'), null, READY);
  await page.evaluate(() => document.getElementById('target').updateComplete.then(() => true));
};

/**
 * Surface definitions. `url`: the page; `allowed(url)`: what its requests may reach;
 * `spec`: where the preview is ({host} = a shadow host); `ready`/`setText` as above.
 */
export function surfaceKinds(env) {
  const singleFile = pathToFileURL(path.join(env.root, 'dist/draftmark.html')).href;
  // A file:// page has no origin of its own; its folder plays that part (relative URLs land there).
  const singleFileFolder = new URL('./', singleFile).href;
  return {
    editor: {
      url: `${env.base}/dist/index.html`, allowed: (u) => u.startsWith(`${env.base}/`),
      spec: { host: null, inner: '#preview' }, ready: editorReady, setText: setEditorText,
    },
    element: {
      url: `${env.base}/tests/security/element-host.html`, allowed: (u) => u.startsWith(`${env.base}/`),
      spec: { host: '#target', inner: '.dm-content' }, ready: elementReady, setText: setElementText,
    },
    'single file': {
      url: singleFile, allowed: (u) => u.startsWith(singleFileFolder),
      spec: { host: null, inner: '#preview' }, ready: editorReady, setText: setEditorText,
    },
    // The control: the element with `unsafe` (documented as "not sanitised"), which must let
    // attacks through for the harness to prove it can see them.
    'unsafe element': {
      url: `${env.base}/tests/security/element-host.html?unsafe`, allowed: (u) => u.startsWith(`${env.base}/`),
      spec: { host: '#target', inner: '.dm-content' }, ready: elementReady, setText: setElementText,
    },
  };
}

const SAFE_EXTRA = /^(?:data|blob):/;

/** One page of a surface kind, reopened when an attack breaks it. */
export class Surface {
  constructor(name, kind, context) {
    this.name = name;
    this.kind = kind;
    this.context = context;
    this.spec = kind.spec;
    this.page = null;
    this.dialogs = [];        // "alert: message" for every dialog any of its frames opened
    this.stray = [];          // requests beyond its own origin, data: and blob:
    this.navigations = [];    // main-frame navigations after the page was ready
    this.fresh = false;
  }

  async open() {
    await this.page?.close().catch(() => {});
    const page = await this.context.newPage();
    this.page = page;
    let settled = false;
    page.on('dialog', (d) => { this.dialogs.push(`${d.type()}: ${d.message()}`); d.dismiss().catch(() => {}); });
    page.on('framenavigated', (f) => { if (settled && f === page.mainFrame()) this.navigations.push(f.url()); });
    await page.route('**/*', (route) => {
      const url = route.request().url();
      if (this.kind.allowed(url) || SAFE_EXTRA.test(url)) return route.fallback();
      this.stray.push(url);
      return route.abort('blockedbyclient');
    });
    await page.addInitScript(armTripwire);
    await page.goto(this.kind.url);
    await this.kind.ready(page);
    settled = true;
    this.fresh = true;  // no document of ours has run in it yet
  }

  /** True when the page is still the surface (not navigated away, not crashed). */
  async alive() {
    if (!this.page || this.page.isClosed() || this.page.url() !== this.kind.url) return false;
    return this.page.evaluate(() => typeof window.__harness === 'object').catch(() => false);
  }

  setText(text) {
    return this.kind.setText(this.page, text);
  }

  close() {
    return this.page?.close().catch(() => {});
  }
}
