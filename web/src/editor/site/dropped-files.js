// What a dropped or pasted file is: Markdown text (opens as a draft), an image (goes to the
// image flow: written to the site folder or kept with the draft) or something else (a notice).
// Decided by the bytes, not only the name: a PNG renamed .md must not become a draft full of
// binary text, and a post saved without an extension still opens.

const MARKDOWN_EXTENSIONS = /\.(?:md|markdown|mdown|mkd|txt)$/i;
const IMAGE_EXTENSIONS = /\.(?:png|jpe?g|gif|webp|avif|svg|bmp|ico)$/i;
// Magic numbers of the image formats browsers show (the first bytes of the file).
const IMAGE_SIGNATURES = [
  [0x89, 0x50, 0x4e, 0x47], [0xff, 0xd8, 0xff], [0x47, 0x49, 0x46, 0x38],
  [0x52, 0x49, 0x46, 0x46], [0x42, 0x4d], [0x00, 0x00, 0x01, 0x00],
];
// Enough bytes to tell text from binary; reading a whole large file to decide is wasteful.
const kSniffBytes = 4096;

function startsWith(bytes, signature) {
  return signature.every((b, i) => bytes[i] === b);
}

/** True when `bytes` look like text: no NUL and valid UTF-8 (a cut multi-byte tail is allowed). */
export function looksLikeText(bytes) {
  if (bytes.includes(0)) return false;
  try {
    new TextDecoder('utf-8', { fatal: true }).decode(bytes, { stream: true });
    return true;
  } catch {
    return false;
  }
}

/** 'markdown', 'image' or 'other' for a File (or Blob with a name). */
export async function classifyFile(file) {
  const head = new Uint8Array(await file.slice(0, kSniffBytes).arrayBuffer());
  if (IMAGE_SIGNATURES.some((s) => startsWith(head, s)) && !looksLikeText(head)) return 'image';
  if (file.type === 'image/svg+xml' || (IMAGE_EXTENSIONS.test(file.name ?? '') && file.type.startsWith('image/'))) return 'image';
  if (!looksLikeText(head)) return file.type.startsWith('image/') ? 'image' : 'other';
  const name = file.name ?? '';
  if (MARKDOWN_EXTENSIONS.test(name) || /^text\/(?:markdown|x-markdown|plain)$/.test(file.type) || !/\.[^./]+$/.test(name)) return 'markdown';
  return 'other';
}
