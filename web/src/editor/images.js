// Where preview images come from. A post's images are usually site paths (/assets/img/x.png)
// that mean nothing to the editor's own origin; they resolve against a local folder the user
// opened (the site folder or an image folder, File System Access API) — first, since it holds
// images not published yet, such as a screenshot just pasted — then against the "site URL"
// setting. An image that cannot be found becomes a visible placeholder naming its path, never a
// broken-image icon — and no request is made for a path we know cannot resolve.

const REMOTE = /^(?:https?:|data:|blob:)/i;

function placeholder(img, path, reason) {
  const doc = img.ownerDocument;
  const box = doc.createElement('span');
  box.className = 'dm-image-missing';
  box.setAttribute('role', 'img');
  box.setAttribute('aria-label', `Image not shown: ${path}`);
  box.dataset.src = path;
  const name = doc.createElement('code');
  name.textContent = path;
  const why = doc.createElement('span');
  why.className = 'dm-image-missing-reason';
  why.textContent = reason;
  box.append('Image ', name, ' ', why);
  if (img.alt) box.title = img.alt;
  keepImageBox(img, box);
  img.replaceWith(box);
}

// The placeholder takes the image's place as the author sized it (`w`/`h`, which the core writes
// as width/height) and its classes (.left, .w-50, …), so the page does not reflow when the image
// is found, and a caption below it stays centred under it.
function keepImageBox(img, box) {
  box.classList.add(...img.classList);
  const width = Number(img.getAttribute('width'));
  const height = Number(img.getAttribute('height'));
  if (width > 0) {
    box.style.width = `${width}px`;
    box.style.maxWidth = '100%';
    box.style.boxSizing = 'border-box';
  }
  if (width > 0 && height > 0) box.style.aspectRatio = `${width} / ${height}`;
}

function onFailure(img, path) {
  img.addEventListener('error', () => {
    if (img.isConnected) placeholder(img, path, 'could not be loaded');
  }, { once: true });
}

/**
 * The URL of a post's image on the published site. Site paths get the site URL in front, base
 * path included (`https://me.github.io/blog` + `/assets/a.png`), as Chirpy prefixes
 * `site.baseurl`; relative paths resolve against it. Null when either is not a valid URL.
 */
export function siteImageUrl(siteUrl, path) {
  const base = siteUrl.trim().replace(/\/+$/, '');
  try {
    return path.startsWith('/') && !path.startsWith('//') ? new URL(base + path).href : new URL(path, `${base}/`).href;
  } catch {
    return null;
  }
}

export class ImageResolver {
  #siteUrl;
  #folder;
  #blobs = new Map();  // path -> Promise<blob URL|null>

  #baseurl;

  /**
   * `siteUrl`: e.g. "https://me.github.io/"; `folder`: a FileSystemDirectoryHandle or null;
   * `baseurl`: the site's `baseurl` ("/blog"), which a path written with `relative_url` starts
   * with but the folder does not hold.
   */
  #stored;

  /** `stored`: images kept with the draft (no writable folder), {has(path), url(path)}, or null. */
  constructor({ siteUrl = '', folder = null, baseurl = '', stored = null } = {}) {
    this.#siteUrl = siteUrl.trim();
    this.#folder = folder;
    this.#baseurl = baseurl.replace(/\/+$/, '');
    this.#stored = stored;
  }

  /** Frees the blob URLs made for folder images. */
  dispose() {
    for (const pending of this.#blobs.values()) pending.then((url) => url && URL.revokeObjectURL(url));
    this.#blobs.clear();
  }

  /** Points every <img> under `node` at where its file really is (call before insertion). */
  prepare(node) {
    const images = node.tagName === 'IMG' ? [node] : node.querySelectorAll('img');
    for (const img of images) this.#resolve(img);
  }

  #resolve(img) {
    const path = img.getAttribute('src') ?? '';
    if (!path) { placeholder(img, '(empty)', 'has no path'); return; }
    if (REMOTE.test(path)) { onFailure(img, path); return; }
    const published = this.#siteUrl ? siteImageUrl(this.#siteUrl, path) : null;
    if (this.#stored?.has(path)) {
      this.#load(img, path, this.#cached(`stored:${path}`, () => this.#stored.url(path)), published, 'could not be read from this draft');
      return;
    }
    if (this.#folder) {
      this.#load(img, path, this.#fromFolder(path), published, `is not in the folder "${this.#folder.name}"`);
      return;
    }
    if (published) { img.src = published; onFailure(img, path); return; }
    placeholder(img, path, 'needs a site URL or an image folder (Settings)');
  }

  // Shows `img` from the blob URL `pending` resolves to, else from `published`, else a placeholder.
  #load(img, path, pending, published, reason) {
    img.removeAttribute('src');
    img.dataset.src = path;
    img.classList.add('dm-image-loading');
    pending.then((url) => {
      img.classList.remove('dm-image-loading');
      if (url || published) { onFailure(img, path); img.src = url ?? published; } else placeholder(img, path, reason);
    });
  }

  #cached(key, read) {
    if (!this.#blobs.has(key)) this.#blobs.set(key, read().catch(() => null));
    return this.#blobs.get(key);
  }

  #fromFolder(path) {
    const clean = path.split(/[?#]/)[0];
    return this.#cached(clean, () => this.#readFromFolder(clean));
  }

  async #readFromFolder(path) {
    let segments;
    try {
      segments = path.split('/').filter((s) => s && s !== '.').map(decodeURIComponent);
    } catch {
      return null;
    }
    // The folder may be the site root (/assets/img/a.png) or the picked folder may be the first
    // path segment itself (picked "assets", path /assets/img/a.png).
    const attempts = [segments];
    if (segments.length > 1 && segments[0] === this.#folder.name) attempts.push(segments.slice(1));
    const base = this.#baseurl.split('/').filter(Boolean);
    if (base.length && base.every((part, i) => segments[i] === part)) attempts.push(segments.slice(base.length));
    for (const parts of attempts) {
      try {
        let dir = this.#folder;
        for (const part of parts.slice(0, -1)) dir = await dir.getDirectoryHandle(part);
        const file = await (await dir.getFileHandle(parts.at(-1))).getFile();
        return URL.createObjectURL(file);
      } catch { /* try the next reading of the path */ }
    }
    return null;
  }
}
