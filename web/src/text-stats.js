// Word and character counts for the status bar. Korean and Japanese writers count characters
// (with and without spaces: Korean submission limits use both), so characters are user-perceived
// characters (grapheme clusters), and the front matter is left out: it is not part of the post.

const segmenter = typeof Intl !== 'undefined' && Intl.Segmenter ? new Intl.Segmenter(undefined, { granularity: 'grapheme' }) : null;
const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;

function countGraphemes(text) {
  if (!segmenter) return [...text].length;
  let n = 0;
  for (const _ of segmenter.segment(text)) n++;
  return n;
}

/**
 * Counts for `markdown` (front matter excluded).
 * @returns {{characters: number, charactersNoSpaces: number, words: number}}
 */
export function countText(markdown) {
  const body = markdown.replace(FRONT_MATTER, '');
  const characters = countGraphemes(body.replace(/\r?\n/g, ''));
  const charactersNoSpaces = countGraphemes(body.replace(/\s+/g, ''));
  const words = (body.match(/[\p{L}\p{N}][\p{L}\p{N}\p{M}'’_-]*/gu) ?? []).length;
  return { characters, charactersNoSpaces, words };
}
