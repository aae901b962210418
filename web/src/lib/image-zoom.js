// Click to zoom, as Chirpy's image popup (GLightbox on the published page): a click on a post
// image opens it alone, as large as the window allows, over a dark backdrop with its alt text
// as the caption; a click anywhere or Escape closes it. Chirpy wraps every content image that
// is not already a link, so images inside links and the post header's preview image are left
// alone (a missing image is no <img> by then: the editor put a placeholder in its place).
// One modal <dialog> per container: the top layer puts it above the editor's panes and a
// shadow root's content alike, and it brings Escape and focus handling of its own.

const kZoomable = 'img:not(.preview-img)';

/** Whether a click on `img` zooms it: not inside a link, and loaded (a broken image shows nothing). */
export function isZoomable(img) {
  return img.matches(kZoomable) && !img.closest('a') && img.complete && img.naturalWidth > 0;
}

function buildDialog(doc) {
  const dialog = doc.createElement('dialog');
  dialog.className = 'dm-zoom';
  dialog.setAttribute('aria-label', 'Image');
  // Styles through the CSSOM, not a sheet: the dialog lives outside the post's scope, and a
  // strict style-src still allows these.
  Object.assign(dialog.style, {
    maxWidth: '100vw', maxHeight: '100vh', width: '100vw', height: '100vh', margin: '0', padding: '0',
    border: '0', background: 'rgba(0, 0, 0, 0.88)', cursor: 'zoom-out',
  });
  const figure = doc.createElement('figure');
  Object.assign(figure.style, {
    margin: '0', height: '100%', display: 'flex', flexDirection: 'column', alignItems: 'center', justifyContent: 'center',
  });
  const image = doc.createElement('img');
  Object.assign(image.style, { maxWidth: '92vw', maxHeight: '86vh', objectFit: 'contain', boxShadow: '0 0 24px rgba(0, 0, 0, 0.5)' });
  const caption = doc.createElement('figcaption');
  Object.assign(caption.style, { color: '#e6e6e6', font: '0.95rem/1.5 system-ui, sans-serif', padding: '0.75rem 1rem 0', textAlign: 'center' });
  figure.append(image, caption);
  dialog.append(figure);
  dialog.addEventListener('click', () => dialog.close());
  dialog.addEventListener('close', () => image.removeAttribute('src'));
  return { dialog, image, caption };
}

/** Makes post images under `container` open zoomed on click (one listener, for every block to come). */
export function enableImageZoom(container) {
  let zoom = null;
  container.addEventListener('click', (event) => {
    const img = event.target;
    if (!(img instanceof container.ownerDocument.defaultView.HTMLImageElement) || !container.contains(img) || !isZoomable(img)) return;
    event.preventDefault();
    if (!zoom) {
      zoom = buildDialog(container.ownerDocument);
      const root = container.getRootNode();
      (root === container.ownerDocument ? root.body : root).append(zoom.dialog);
    }
    zoom.image.src = img.currentSrc || img.src;
    zoom.image.alt = img.alt;
    zoom.caption.textContent = img.alt;
    zoom.caption.hidden = !img.alt;
    zoom.dialog.showModal();
  });
}
