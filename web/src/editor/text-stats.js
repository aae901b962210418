// Word and character counts for the status bar. Korean and Japanese writers count characters
// (with and without spaces: Korean submission limits use both), so characters are
// user-perceived characters, and the front matter is left out: it is not part of the post.
//
// Not Intl.Segmenter: iterating its segments takes time quadratic in the string's length in
// V8 (16 000 characters: 150 ms; a 1 MB post: minutes). Counting code points and taking away
// those that join the one before (combining marks, ZWJ sequences, emoji modifiers, Hangul
// conjoining vowels and finals, the second of a flag's two letters) gives the same number for
// real text in linear time; tests/node/editor/editor-modules.test.mjs compares it with Intl.Segmenter.

const FRONT_MATTER = /^---[ \t]*\r?\n[\s\S]*?\r?\n(?:---|\.\.\.)[ \t]*(?:\r?\n|$)/;
// Code points that extend the cluster before them (UAX #29 Extend, ZWJ, SpacingMark, Hangul V/T).
const JOINING = /[\p{M}\u200C\u200D\u{1F3FB}-\u{1F3FF}\u1160-\u11FF\uD7B0-\uD7FB\u{E0020}-\u{E007F}]/gu;
// After a ZWJ, the next pictograph joins too (👩‍💻 is one character).
const ZWJ_JOINED = /\u200D[\p{Extended_Pictographic}]/gu;
const REGIONAL_PAIR = /[\u{1F1E6}-\u{1F1FF}]{2}/gu;
// Words are what spaces separate (Korean 어절 too); Markdown punctuation alone (`-`, `#`, `>`,
// `---`) is not a word. Per-character Unicode classes made this 6× slower on a 1 MB post.
const WORD = /[^\s#*>`|=~_-][^\s]*|[#*>`|=~_-]+[^\s#*>`|=~_-][^\s]*/g;

function count(text, pattern) {
  let n = 0;
  pattern.lastIndex = 0;
  while (pattern.exec(text)) n++;
  return n;
}

function codePoints(text) {
  let surrogatePairs = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff && i + 1 < text.length) {
      const d = text.charCodeAt(i + 1);
      if (d >= 0xdc00 && d <= 0xdfff) { surrogatePairs++; i++; }
    }
  }
  return text.length - surrogatePairs;
}

/** User-perceived characters in `text` (grapheme clusters, for real-world text). */
export function countCharacters(text) {
  const crlf = count(text, /\r\n/g);  // one cluster
  return codePoints(text) - count(text, JOINING) - count(text, ZWJ_JOINED) - count(text, REGIONAL_PAIR) - crlf;
}

/**
 * Counts for `markdown` (front matter excluded).
 * @returns {{characters: number, charactersNoSpaces: number, words: number}}
 */
export function countText(markdown) {
  const body = markdown.startsWith('---') ? markdown.replace(FRONT_MATTER, '') : markdown;
  const characters = countCharacters(body.replace(/\r?\n/g, ''));
  const charactersNoSpaces = countCharacters(body.replace(/\s+/g, ''));
  const words = count(body, WORD);
  return { characters, charactersNoSpaces, words };
}

// The characters a reader sees: the post's HTML without tags (as Liquid's strip_html), entities
// decoded. Words and read time are the core's (jekyll/post_layout/word_count.h: Jekyll's
// number_of_words), passed in from the render result, so the status bar and the post header agree.
const STRIP_HTML_BLOCKS = /<script[\s\S]*?<\/script>|<!--[\s\S]*?-->|<style[\s\S]*?<\/style>/g;
const STRIP_HTML_TAGS = /<[\s\S]*?>/g;
const ENTITIES = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", nbsp: '\u00a0' };

/** Liquid's strip_html: script, style and comments go with their content, then every tag. */
export function stripHtml(html) {
  return html.replace(STRIP_HTML_BLOCKS, '').replace(STRIP_HTML_TAGS, '');
}

/** Chirpy's read time in minutes for a word count (the core's chirpy_read_minutes, for the status bar). */
export function chirpyReadMinutes(words) {
  return Math.max(1, Math.floor(words / 180));
}

/**
 * Counts for rendered post HTML (the preview's blocks, post layout left out): characters of the
 * text a reader sees; `words` (the render result's, counted by the core as Chirpy does) and its read time.
 * @returns {{characters: number, charactersNoSpaces: number, words: number, minutes: number}}
 */
export function countRendered(html, words) {
  const text = stripHtml(html).replace(/&(?:#(\d+)|#x([0-9a-f]+)|([a-z]+));/gi, (entity, dec, hex, name) => {
    if (dec || hex) return String.fromCodePoint(Math.min(Number.parseInt(dec ?? hex, dec ? 10 : 16), 0x10ffff));
    return ENTITIES[name.toLowerCase()] ?? entity;
  });
  return {
    characters: countCharacters(text.replace(/\r?\n/g, '')),
    charactersNoSpaces: countCharacters(text.replace(/\s+/g, '')),
    words,
    minutes: chirpyReadMinutes(words),
  };
}
