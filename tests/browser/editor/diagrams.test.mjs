// Mermaid diagrams in the editor's preview (issue 15): loaded only when a post has one, drawn
// like Chirpy (theme 'default' light, 'dark' dark), a syntax error shown in place and in
// Problems on its line, and an unchanged diagram never drawn again.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { openEditor, setMarkdown, startBrowser } from './editor-page.mjs';

let env, page, errors;
const mermaidRequests = [];

const post = (body, mermaid = true) => `---\ntitle: Diagrams\ndate: 2024-01-01\nmermaid: ${mermaid}\n---\n\n${body}`;
const flow = '```mermaid\ngraph TD\n  A[Start] --> B{Choice}\n  B --> C[End]\n```\n';

before(async () => {
  env = await startBrowser();
  env.context.on('request', (r) => { if (r.url().includes('draftmark-mermaid')) mermaidRequests.push(r.url()); });
  ({ page, errors } = await openEditor(env));
});
after(() => env?.close());

async function waitDiagrams(count) {
  await page.waitForFunction((n) => document.querySelectorAll('#preview .mermaid svg, #preview .dm-diagram-error').length >= n,
    count, { timeout: 60_000 });
}

describe('mermaid diagrams', () => {
  test('the seed post (no diagram) loads no mermaid', async () => {
    assert.deepEqual(mermaidRequests, []);
  });

  test('a mermaid fence is drawn as an SVG, its code box hidden', async () => {
    await setMarkdown(page, post(`Intro.\n\n${flow}\nAfter.\n`));
    await waitDiagrams(1);
    const info = await page.evaluate(() => {
      const box = document.querySelector('#preview .dm-diagram');
      return { svg: box.querySelectorAll('.mermaid svg').length, codeShown: getComputedStyle(box.querySelector('pre')).display !== 'none',
        text: box.querySelector('.mermaid svg').textContent };
    });
    assert.equal(info.svg, 1);
    assert.equal(info.codeShown, false);
    assert.match(info.text, /Start/);
    assert.equal(mermaidRequests.length, 1, 'loaded once, on the first diagram');
  });

  test('editing other text keeps the drawn diagram (same SVG node)', async () => {
    await page.evaluate(() => { window.__svg = document.querySelector('#preview .mermaid svg'); });
    await setMarkdown(page, post(`Intro, edited.\n\n${flow}\nAfter.\n`));
    await new Promise((r) => setTimeout(r, 300));
    assert.equal(await page.evaluate(() => document.querySelector('#preview .mermaid svg') === window.__svg), true);
  });

  // The bundle leaves elkjs out (esbuild-plugins.mjs): as on Chirpy, whose mermaid has no ELK.
  test('a diagram asking for the ELK layout is drawn with dagre, not an error', async () => {
    const elk = '```mermaid\n---\nconfig:\n  layout: elk\n---\nflowchart LR\n  P[Plan] --> Q[Ship]\n```\n';
    await setMarkdown(page, post(`Intro.\n\n${elk}`));
    await page.waitForFunction(() => /Ship/.test(document.querySelector('#preview .mermaid svg')?.textContent ?? '')
      || document.querySelector('#preview .dm-diagram-error'), null, { timeout: 60_000 });
    assert.equal(await page.evaluate(() => document.querySelectorAll('#preview .dm-diagram-error').length), 0);
  });

  test('without mermaid: true the fence stays a code box', async () => {
    await setMarkdown(page, post(flow, false));
    const info = await page.evaluate(() => ({ diagrams: document.querySelectorAll('#preview .dm-diagram').length,
      code: document.querySelectorAll('#preview code.language-mermaid').length }));
    assert.deepEqual(info, { diagrams: 0, code: 1 });
  });

  test('a syntax error shows mermaid\'s message in place and in Problems on its line', async () => {
    // line 7 is the fence; "A -->" with nothing after it is on line 9
    await setMarkdown(page, post('```mermaid\ngraph TD\n  A -->\n```\n'));
    await waitDiagrams(1);
    const inPlace = await page.evaluate(() => document.querySelector('#preview .dm-diagram-error')?.textContent ?? '');
    assert.match(inPlace, /Parse error/);
    await page.waitForFunction(() => /Mermaid/.test(document.getElementById('diagnostics-list').textContent));
    const problem = await page.evaluate(() => [...document.querySelectorAll('#diagnostics-list button')]
      .map((b) => ({ line: Number(b.dataset.line), text: b.textContent })).find((p) => /Mermaid/.test(p.text)));
    assert.equal(problem.line, 9, problem.text);
    // fixed: the problem goes away
    await setMarkdown(page, post('```mermaid\ngraph TD\n  A --> B\n```\n'));
    await page.waitForFunction(() => !/Mermaid/.test(document.getElementById('diagnostics-list').textContent)
      && document.querySelector('#preview .mermaid svg'), null, { timeout: 60_000 });
  });

  test('the dark theme redraws diagrams with mermaid\'s dark theme', async () => {
    await setMarkdown(page, post(flow));
    await waitDiagrams(1);
    const fill = () => page.evaluate(() => {
      const node = document.querySelector('#preview .mermaid svg .node rect, #preview .mermaid svg .node polygon');
      return node ? getComputedStyle(node).fill : null;
    });
    const light = await fill();
    await page.evaluate(() => {
      for (let i = 0; i < 3 && document.documentElement.dataset.theme !== 'dark'; i++) document.getElementById('theme-button').click();
    });
    await page.waitForFunction((before) => {
      const node = document.querySelector('#preview .mermaid svg .node rect, #preview .mermaid svg .node polygon');
      return node && getComputedStyle(node).fill !== before;
    }, light, { timeout: 60_000 });
    assert.notEqual(await fill(), light);
    assert.deepEqual(errors, []);
  });
});
