// The "Open site folder…" button and the Posts panel: the site's _posts/ and _drafts/ with title,
// date and draft/published (front matter read by the core), a filter, opening a post bound to
// its file, saving it back in place (refused when the file changed on disk since it was opened:
// ours is kept beside it in _drafts/, nothing is overwritten) and "New post" from a Chirpy
// template dated in the site's timezone. Built from JS so index.html needs no edit.
import { parseSiteConfig, render } from '../../lib/draftmark.js';
import { HandleFolder, pickSiteFolder, rememberSiteFolder, reopenSiteFolder, restoreSiteFolder } from './site-folder.js';
import { postSlug } from './site-images.js';
import { PostBindings } from './post-bindings.js';

function el(tag, props = {}, ...children) {
  const node = Object.assign(document.createElement(tag), props);
  node.append(...children);
  return node;
}

/** "YYYY-MM-DD HH:MM:SS +ZZZZ" for `date` in `timeZone` (Jekyll's front-matter date form). */
export function jekyllDate(date, timeZone) {
  let parts;
  try {
    parts = Object.fromEntries(new Intl.DateTimeFormat('en-CA', {
      timeZone: timeZone || undefined, hourCycle: 'h23', year: 'numeric', month: '2-digit', day: '2-digit',
      hour: '2-digit', minute: '2-digit', second: '2-digit', timeZoneName: 'longOffset',
    }).formatToParts(date).map((p) => [p.type, p.value]));
  } catch {
    return jekyllDate(date, undefined);
  }
  const offset = (parts.timeZoneName.replace('GMT', '') || '+00:00').replace(':', '');
  return `${parts.year}-${parts.month}-${parts.day} ${parts.hour}:${parts.minute}:${parts.second} ${offset}`;
}

export class SitePanel {
  folder = null;
  settings = null;
  #bindings = new PostBindings();  // draft id -> {path, lastModified, text}, kept across reloads
  #posts = [];
  #drafts;
  #notices;
  #panel;
  #list;
  #filter;
  #onFolder;
  #onSettings;
  #configText = null;     // _config.yml, for the defaults of each post path
  #authorsText = '';      // _data/authors.yml, or empty
  #knownPosts = [];       // _posts/ names without extension, for post_url
  #renderSettings = new Map();  // post path -> the `site` render option (one object per path)

  /**
   * `onFolder(folder, settings)`: the site changed (the preview resolves images from it);
   * `onSettings()`: what renderSettings() returns changed (the posts were re-read).
   */
  constructor({ drafts, notices, onFolder, onSettings }) {
    this.#drafts = drafts;
    this.#notices = notices;
    this.#onFolder = onFolder;
    this.#onSettings = onSettings;
  }

  /**
   * render()'s `site` option for a draft (default: the shown one): the site's url, baseurl and
   * title, its posts (so post_url is checked against the folder) and the `defaults:` of
   * _config.yml for the draft's path (a draft not opened from the folder counts as a post in
   * _posts/). Undefined without a site. The same object until the site or its posts change, so
   * the module is not sent it again on every keystroke.
   */
  renderSettings(draftId = this.#drafts.session?.id) {
    if (!this.folder) return undefined;
    const path = this.#bindings.get(draftId)?.path ?? '_posts/post.md';
    let site = this.#renderSettings.get(path);
    if (!site) {
      let defaults = this.settings?.post_defaults ?? {};
      if (this.#configText !== null && path !== '_posts/post.md') {
        defaults = parseSiteConfig(this.#configText, { postPath: path, authorsYaml: this.#authorsText }).settings?.post_defaults ?? {};
      }
      site = {
        url: String(this.settings?.url ?? ''), baseurl: String(this.settings?.baseurl ?? ''),
        title: String(this.settings?.title ?? ''), knownPosts: this.#knownPosts, defaults,
        lang: String(this.settings?.lang ?? ''), social: this.settings?.social ?? {}, authors: this.settings?.authors ?? {},
      };
      this.#renderSettings.set(path, site);
    }
    return site;
  }

  /** The open site for the image flow: {folder, settings, binding of the shown draft}. */
  get site() {
    return this.folder ? { folder: this.folder, settings: this.settings, binding: this.#bindings.get(this.#drafts.session?.id) } : null;
  }

  build() {
    const open = el('button', { type: 'button', id: 'site-folder-button', textContent: 'Open site folder…', title: 'Open your Jekyll site\'s folder: its posts, _config.yml and images' });
    const posts = el('button', { type: 'button', id: 'posts-button', textContent: 'Posts', hidden: true });
    posts.setAttribute('aria-expanded', 'false');
    posts.setAttribute('aria-controls', 'posts-panel');
    document.getElementById('open-button').after(open, posts);
    this.#filter = el('input', { type: 'search', placeholder: 'Filter posts', id: 'posts-filter' });
    this.#list = el('ul', { id: 'posts-list' });
    const create = el('button', { type: 'button', textContent: 'New post', id: 'new-post-button' });
    this.#panel = el('section', { id: 'posts-panel', className: 'dm-panel', hidden: true },
      el('p', { id: 'site-name', className: 'dm-hint' }), this.#filter, create, this.#list);
    this.#panel.setAttribute('aria-label', 'Posts');
    document.getElementById('drafts-panel').after(this.#panel);
    open.addEventListener('click', () => this.#pick());
    posts.addEventListener('click', () => {
      this.#panel.hidden = !this.#panel.hidden;
      posts.setAttribute('aria-expanded', String(!this.#panel.hidden));
    });
    this.#filter.addEventListener('input', () => this.#show());
    create.addEventListener('click', () => {
      const title = window.prompt('Title of the new post');
      if (title) this.newPost(title).catch((e) => this.#error('create the post', e));
    });
  }

  #error(doing, error) {
    this.#notices.show('site', { level: 'error', message: `Could not ${doing}: ${error.message}` });
  }

  async #pick() {
    try {
      if (this.pendingHandle) {
        const folder = await reopenSiteFolder(this.pendingHandle);
        this.pendingHandle = null;
        if (folder) return this.open(folder);
      }
      const folder = await pickSiteFolder();
      if (folder) await this.open(folder);
    } catch (error) {
      this.#error('open the site folder', error);
    }
  }

  /** Reopens last visit's folder when the browser still allows it; else the button asks again. */
  async restore() {
    const found = await restoreSiteFolder().catch(() => null);
    if (found?.folder) await this.open(found.folder).catch(() => {});
    else if (found?.handle) {
      this.pendingHandle = found.handle;
      document.getElementById('site-folder-button').textContent = `Reopen ${found.handle.name}…`;
    }
  }

  /** Resolves when the renderer can read _config.yml (set by main.js: the wasm module's init). */
  rendererReady = Promise.resolve();

  /** Opens a site: a SiteFolder, or a FileSystemDirectoryHandle (the test seam). */
  async open(folder) {
    // At page load the folder is reopened while the module still compiles: wait for it.
    await this.rendererReady;
    if (!folder.list) {
      await rememberSiteFolder(folder);
      folder = new HandleFolder(folder);
    }
    this.folder = folder;
    await this.#bindings.load(folder.name);
    this.settings = null;
    this.#configText = null;
    this.#authorsText = '';
    this.#knownPosts = [];
    this.#renderSettings.clear();
    // Chirpy's post byline names the authors of _data/authors.yml; the core reads both files.
    if (await folder.exists('_data/authors.yml')) this.#authorsText = (await folder.read('_data/authors.yml')).text;
    if (await folder.exists('_config.yml')) {
      this.#configText = (await folder.read('_config.yml')).text;
      const { settings, diagnostics } = parseSiteConfig(this.#configText, { authorsYaml: this.#authorsText });
      this.settings = settings;
      const d = diagnostics.find((x) => x.severity === 'error');
      if (d) {
        const file = d.code.startsWith('authors-') ? '_data/authors.yml' : '_config.yml';
        this.#notices.show('site', { level: 'error', message: `${file} ${d.line}:${d.column}: ${d.message}` });
      }
    }
    document.getElementById('site-folder-button').textContent = 'Open site folder…';
    document.getElementById('posts-button').hidden = false;
    this.#panel.querySelector('#site-name').textContent = folder.writable
      ? `${folder.name}${this.settings?.title ? ` — ${this.settings.title}` : ''}`
      : `${folder.name} (read-only: this browser cannot write to folders, so Save downloads the file)`;
    this.#onFolder?.(folder, this.settings);
    await this.refresh();
    return this.#posts;
  }

  /** Re-reads _posts/ and _drafts/. */
  async refresh() {
    const posts = [];
    for (const dir of ['_posts', '_drafts']) {
      for (const entry of await this.folder.list(dir)) {
        if (entry.kind !== 'file' || !/\.(?:md|markdown)$/i.test(entry.name)) continue;
        const path = `${dir}/${entry.name}`;
        const { text } = await this.folder.read(path);
        const fm = render(text, { mode: 'jekyll' }).frontMatter ?? {};
        const date = String(fm.date ?? entry.name.match(/^\d{4}-\d{2}-\d{2}/)?.[0] ?? '');
        posts.push({ path, title: String(fm.title ?? entry.name), date, draft: dir === '_drafts' || fm.published === false });
      }
    }
    this.#posts = posts.sort((a, b) => b.date.localeCompare(a.date));
    this.#knownPosts = posts.filter((p) => p.path.startsWith('_posts/'))
      .map((p) => p.path.slice('_posts/'.length).replace(/\.(?:md|markdown)$/i, ''));
    this.#renderSettings.clear();
    this.#show();
    this.#onSettings?.();
  }

  #show() {
    const words = this.#filter.value.toLowerCase().split(/\s+/).filter(Boolean);
    const shown = this.#posts.filter((p) => words.every((w) => `${p.title} ${p.path}`.toLowerCase().includes(w)));
    this.#list.replaceChildren(...shown.map((post) => {
      const button = el('button', { type: 'button', textContent: post.title });
      button.dataset.path = post.path;
      button.addEventListener('click', () => this.openPost(post.path).catch((e) => this.#error(`open ${post.path}`, e)));
      return el('li', {}, button, ' ', el('span', { className: 'dm-hint', textContent: `${post.date.slice(0, 10)} · ${post.draft ? 'draft' : 'published'}` }));
    }));
  }

  /** Opens a post as a new draft bound to its file. */
  async openPost(path) {
    const { text, lastModified } = await this.folder.read(path);
    await this.#drafts.create(text, { name: path.split('/').at(-1) });
    await this.#bindings.set(this.#drafts.session.id, { path, lastModified, text });
    this.#onSettings?.();  // its path may pick other `defaults:` than an unbound draft's
  }

  /** True when the shown draft belongs to the site (then save() is the way to save it). */
  bound(draftId) {
    return this.folder?.writable && this.#bindings.has(draftId);
  }

  /**
   * Writes the draft back to its file, unless the file changed on disk since it was opened or
   * last saved: then ours goes to _drafts/<name>-conflict-<time>.md and both are kept.
   */
  async save(draftId, text) {
    const binding = this.#bindings.get(draftId);
    const now = await this.folder.read(binding.path).catch(() => null);
    if (now && (now.lastModified !== binding.lastModified || now.text !== binding.text)) {
      const stamp = new Date().toISOString().replace(/[:.]/g, '-');
      const copy = `_drafts/${binding.path.split('/').at(-1).replace(/\.[^.]+$/, '')}-conflict-${stamp}.md`;
      await this.folder.write(copy, text);
      this.#notices.show('site', { level: 'warning', message: `${binding.path} changed on disk since you opened it; your version was saved as ${copy} (nothing was overwritten).` });
      return copy;
    }
    const { lastModified } = await this.folder.write(binding.path, text);
    await this.#bindings.set(draftId, { ...binding, lastModified, text });
    this.#notices.show('file', { level: 'info', message: `Saved to ${binding.path}.` });
    return binding.path;
  }

  /** Writes _posts/YYYY-MM-DD-slug.md from a Chirpy template and opens it. */
  async newPost(title, now = new Date()) {
    const date = jekyllDate(now, this.settings?.timezone);
    const slug = postSlug('', title);
    let path = `_posts/${date.slice(0, 10)}-${slug}.md`;
    for (let n = 2; await this.folder.exists(path); n++) path = `_posts/${date.slice(0, 10)}-${slug}-${n}.md`;
    const text = `---\ntitle: ${JSON.stringify(title)}\ndate: ${date}\ncategories: []\ntags: []\n---\n\n`;
    await this.folder.write(path, text);
    await this.refresh();
    await this.openPost(path);
    return path;
  }
}
