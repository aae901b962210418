// The editor's DOM-free modules in Node: character counts (checked against Intl.Segmenter, the
// reference for grapheme clusters, on text small enough for it) and the scroll-sync mapping.
import assert from 'node:assert/strict';
import { describe, test } from 'node:test';
import { lineForPreviewOffset, previewOffsetForLine } from '../../../web/src/editor/scroll-sync.js';
import { countCharacters, countText } from '../../../web/src/editor/text-stats.js';
import { snapshotDelayMs } from '../../../web/src/editor/drafts/autosave.js';

const segmenter = new Intl.Segmenter('en', { granularity: 'grapheme' });
const graphemes = (text) => [...segmenter.segment(text)].length;

describe('character counts', () => {
  const samples = {
    'Korean (precomposed)': '부스트캠프에서 활동한 지 4개월이 됐습니다.',
    'Korean (conjoining jamo)': '\u1112\u1161\u11AB\u1100\u116E\u11A8',  // 한국 in NFD
    'Japanese and Chinese': '日本語の文章と中文句子。',
    'combining accents': 'e\u0301te\u0301 cafe\u0301 nai\u0308ve',
    'emoji with skin tone, ZWJ family, flags': '👍🏽 👩‍💻 👨‍👩‍👧 🇰🇷🇯🇵 ❤️',
    'CRLF and tabs': 'a\r\nb\tc',
    'ASCII': 'plain ASCII text, with punctuation!',
  };
  for (const [name, text] of Object.entries(samples)) {
    test(`${name} counts as Intl.Segmenter's grapheme clusters`, () => {
      assert.equal(countCharacters(text), graphemes(text));
    });
  }

  test('front matter is not counted; spaces and newlines are handled as documented', () => {
    const counts = countText('---\ntitle: 제목\n---\n\n# 안녕 세상\n\nHello world.\n');
    assert.deepEqual(counts, { characters: '# 안녕 세상Hello world.'.length, charactersNoSpaces: '#안녕세상Helloworld.'.length, words: 4 });
  });

  test('a 1 MB document is counted in linear time', () => {
    const line = '벌써 네이버 부스트캠프에서 활동한 지 4개월이 됐습니다. Some English words too. 👍🏽\n';
    const time = (n) => {
      const text = line.repeat(n);
      const start = performance.now();
      countText(text);
      return performance.now() - start;
    };
    time(500);  // warm up
    const small = Math.max(0.5, time(1000));
    const large = time(16000);  // ~1.1 MB
    // 16× the text may cost ~16× the time; a quadratic count would cost ~256×.
    assert.ok(large < small * 60, `1k lines ${small.toFixed(1)} ms, 16k lines ${large.toFixed(1)} ms`);
  });
});

describe('scroll-sync mapping', () => {
  // Blocks: lines 1-8 at 0-400 px (a post header), 10-10 at 450-500, 12-14 at 520-1400 (a tall image).
  const blocks = [{ start: 1, end: 8, top: 0, bottom: 400 }, { start: 10, end: 10, top: 450, bottom: 500 },
    { start: 12, end: 14, top: 520, bottom: 1400 }];

  test('a block\'s first line maps to its top, and back', () => {
    for (const b of blocks) {
      assert.equal(previewOffsetForLine(blocks, b.start), b.top);
      assert.equal(lineForPreviewOffset(blocks, b.top), b.start);
    }
  });

  test('positions inside a tall block are interpolated, both ways', () => {
    assert.equal(previewOffsetForLine(blocks, 13.5), 520 + (1.5 / 3) * 880);
    assert.equal(lineForPreviewOffset(blocks, 960), 12 + 0.5 * 3);
  });

  test('the two mappings are inverse of each other across the document', () => {
    for (let line = 1; line <= 15; line += 0.25) {
      const back = lineForPreviewOffset(blocks, previewOffsetForLine(blocks, line));
      assert.ok(Math.abs(back - line) < 1e-9, `line ${line} -> ${back}`);
    }
  });

  test('an empty preview maps to the top', () => {
    assert.equal(previewOffsetForLine([], 40), 0);
    assert.equal(lineForPreviewOffset([], 900), 1);
  });
});

describe('autosave: how long a snapshot may wait', () => {
  test('300 ms for a short draft, 300 ms more per 64 KB, at most 3 s', () => {
    assert.equal(snapshotDelayMs(0), 300);
    assert.equal(snapshotDelayMs(64 * 1024), 300);
    assert.equal(snapshotDelayMs(64 * 1024 + 1), 600);
    assert.equal(snapshotDelayMs(300 * 1024), 1500);
    assert.equal(snapshotDelayMs(1024 * 1024), 3000);
    assert.equal(snapshotDelayMs(20 * 1024 * 1024), 3000);
  });
});
