// The Chirpy page oracle (issue 15, "How to know it is the same page"): each post is built
// into a real Chirpy 5.3.21 page by Debian's jekyll and opened in Chromium beside Draftmark's
// editor preview of the same text, light and dark, at 1280×900; what a reader sees of the
// post body is compared element by element (oracle-pairs.mjs): computed styles and boxes.
// Differences are failures unless known (known-differences.mjs), and every known one must
// still show, so a fix is noticed.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { kKnownDifferences, kPageDifferences, isKnown } from './known-differences.mjs';
import { compareElements, measure } from './measure.mjs';
import { kPosts, matchReaderSetup, openPreview, openReal, startOracle } from './oracle-pages.mjs';
import { kPairs } from './oracle-pairs.mjs';

const kViewport = { width: 1280, height: 900 };
const kThemes = ['light', 'dark'];

let env;
const seen = new Set();  // "pair|property" of every known difference met

before(async () => { env = await startOracle(); });
after(async () => { await env?.close(); });

/** Opens both sides of `post` in `theme`; returns {real, preview} pages (closed by the caller). */
async function openBoth(post, theme) {
  const real = await openReal(env, post, { viewport: kViewport, theme });
  const preview = await openPreview(env, post, { viewport: kViewport, theme });
  // The console line of an aborted request: the CDN test lists those (kNotServed are expected).
  const blocked = (message) => message.startsWith('Failed to load resource: net::ERR_BLOCKED_BY_CLIENT');
  assert.deepEqual(real.errors.filter((message) => !blocked(message)), [], 'the real page logs no errors');
  assert.deepEqual(preview.errors, [], 'the preview logs no errors');
  return { real: real.page, preview: preview.page };
}

describe('the preview shows a post as the real Chirpy page does', () => {
  for (const theme of kThemes) {
    test(`${theme}: page-level known differences still hold`, async () => {
      const { real, preview } = await openBoth(env.pages[0], theme);
      const families = await preview.evaluate(() => [...document.fonts].map((font) => font.family.replace(/"/g, '')));
      assert.ok(!families.includes('Source Sans Pro') && !families.includes('Lato'), kPageDifferences.fonts);
      const [realWidth, previewWidth] = await Promise.all([
        real.$eval('.post-content', (el) => el.getBoundingClientRect().width),
        preview.$eval('#preview', (el) => el.clientWidth - parseFloat(getComputedStyle(el).paddingLeft) - parseFloat(getComputedStyle(el).paddingRight)),
      ]);
      assert.notEqual(Math.round(realWidth), Math.round(previewWidth), kPageDifferences.column);
      await Promise.all([real.close(), preview.close()]);
    });

    kPosts.forEach((post, i) => {
      test(`${theme}: ${post.name}, element by element`, async () => {
        const { real, preview } = await openBoth(env.pages[i], theme);
        await matchReaderSetup(preview, real);
        const unexpected = [];
        for (const pair of kPairs) {
          const [a, b] = await Promise.all([measure(real, pair.real, pair.properties, '.post-content'),
            measure(preview, pair.preview, pair.properties, '#preview')]);
          for (const diff of compareElements(a, b, pair.properties, pair.tolerance)) {
            if (isKnown(pair.name, diff.property)) seen.add(`${pair.name}|${diff.property}`);
            else unexpected.push(`${pair.name}[${diff.index}] ${diff.property}: real ${diff.real}, preview ${diff.preview}`);
          }
        }
        await Promise.all([real.close(), preview.close()]);
        assert.deepEqual(unexpected, [], `differences from the real page:\n${unexpected.join('\n')}`);
      });
    });
  }

  test('every known difference still shows (remove the ones fixed)', () => {
    const gone = kKnownDifferences.flatMap((known) => known.pairs.flatMap((name) => known.properties
      .filter((property) => !seen.has(`${name}|${property}`)).map((property) => `${name} ${property} (${known.reason})`)));
    assert.deepEqual(gone, []);
  });

  test('nothing outside loaded: every CDN request was answered from npm', () => {
    assert.deepEqual(env.cdn.failures, []);
    assert.deepEqual(env.cdn.aborted, []);
  });
});
