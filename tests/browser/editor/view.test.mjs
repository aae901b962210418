// How the editor page looks and moves: scroll sync both ways (with tall images and display
// math in the way), a click in the preview puts the cursor on the source, the view modes and
// the divider, light and dark themes — with screenshots saved to test-artifacts/.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { artifactPath, openEditor, placeCaret, setMarkdown, startBrowser } from './editor-page.mjs';

let env, page, errors;

// A long document whose blocks have very different heights: tall "images" (data: SVGs sized
// by attributes), display math, code, and plain paragraphs, each section tagged by number.
function longDocument() {
  const tall = 'data:image/svg+xml,' + encodeURIComponent('<svg xmlns="http://www.w3.org/2000/svg" width="400" height="900"><rect width="400" height="900" fill="%23ccd"/></svg>');
  const parts = [];
  for (let i = 1; i <= 40; i++) {
    parts.push(`## Section ${i}`, '', `Paragraph of section ${i} with some text to wrap over a line or two in the preview pane.`, '');
    if (i % 5 === 0) parts.push(`![tall ${i}](${tall})`, '');
    if (i % 7 === 0) parts.push('$$', '\\sum_{k=1}^{n} k = \\frac{n(n+1)}{2}', '$$', '');
    if (i % 4 === 0) parts.push('```js', `const section = ${i};`, 'console.log(section);', '```', '');
  }
  return parts.join('\n');
}

before(async () => {
  env = await startBrowser();
  ({ page, errors } = await openEditor(env));
  await page.setViewportSize({ width: 1280, height: 800 });
});
after(() => env?.close());

const editorTopLine = () => page.evaluate(() => {
  const view = window.draftmark.view;
  const block = view.lineBlockAtHeight(view.scrollDOM.scrollTop);
  return view.state.doc.lineAt(block.from).number;
});

// The source line of the preview block at the top of the preview pane.
const previewTopLine = () => page.evaluate(() => {
  const scroller = document.getElementById('preview-scroller');
  const top = scroller.getBoundingClientRect().top;
  const blocks = [...document.getElementById('preview').children];
  const visible = blocks.find((b) => b.getBoundingClientRect().bottom > top + 1);
  return Number.parseInt(visible.dataset.line, 10);
});

// Scrolls the editor to each fraction of the document; the preview's top block must follow.
async function assertPanesTogether(fractions, alsoCheck = async () => {}) {
  const lines = await page.evaluate(() => window.draftmark.view.state.doc.lines);
  for (const fraction of fractions) {
    const target = Math.round(lines * fraction);
    await page.evaluate((line) => {
      const view = window.draftmark.view;
      view.scrollDOM.scrollTop = view.lineBlockAt(view.state.doc.line(line).from).top;
    }, target);
    await page.waitForTimeout(200);
    const previewLine = await previewTopLine();
    assert.ok(Math.abs(previewLine - target) <= 6, `editor at line ${target}, preview block at ${previewLine}`);
    await alsoCheck();
  }
}

const previewScrollTop = () => page.$eval('#preview-scroller', (el) => el.scrollTop);

describe('scroll sync', () => {
  before(async () => {
    await setMarkdown(page, longDocument());
    await page.evaluate(() => Promise.all([...document.querySelectorAll('#preview img')].map((img) => img.decode())));
  });

  test('scrolling the editor with the mouse wheel brings the same lines to the top of the preview', async () => {
    const box = await page.locator('#editor-pane').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let i = 0; i < 6; i++) await page.mouse.wheel(0, 400);
    await page.waitForFunction(() => document.getElementById('preview-scroller').scrollTop > 0);
    await page.waitForTimeout(200);
    const editorLine = await editorTopLine();
    const previewLine = await previewTopLine();
    assert.ok(editorLine > 30, `the editor scrolled (line ${editorLine})`);
    assert.ok(Math.abs(previewLine - editorLine) <= 6, `preview block at line ${previewLine}, editor at ${editorLine}`);
  });

  test('scrolling the preview moves the editor, past tall images and display math', async () => {
    const box = await page.locator('#preview-scroller').boundingBox();
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    const before = await editorTopLine();
    for (let i = 0; i < 15; i++) await page.mouse.wheel(0, 500);
    await page.waitForTimeout(250);
    const previewLine = await previewTopLine();
    const editorLine = await editorTopLine();
    assert.ok(editorLine > before + 20, `the editor followed (from ${before} to ${editorLine})`);
    assert.ok(Math.abs(previewLine - editorLine) <= 6, `preview block at line ${previewLine}, editor at ${editorLine}`);
  });

  test('the two panes stay together at many points of the document', async () => {
    await assertPanesTogether([0.1, 0.35, 0.6, 0.85]);
  });

  // A preview of 300 blocks or more skips the layout and paint of blocks far from the view
  // (offscreen-blocks.js): runs of them are folded into one box each (folded-runs.js), as tall
  // as the run. Positions, and so scroll sync, must not move.
  describe('a long preview', () => {
    before(async () => {
      await setMarkdown(page, Array.from({ length: 8 }, () => longDocument()).join('\n\n'));
      await page.evaluate(() => Promise.all([...document.querySelectorAll('#preview img')].map((img) => img.decode())));
      await page.waitForFunction(() => document.querySelectorAll('#preview > [data-far="fold"]').length > 100);
      // A new long document is measured a chunk at a time after its first frame.
      await page.waitForFunction(() => !document.getElementById('preview').hasAttribute('data-measuring'));
    });

    test('far blocks are folded into a few boxes, and none on screen', async () => {
      const info = await page.evaluate(() => {
        const view = document.getElementById('preview-scroller').getBoundingClientRect();
        const blocks = [...document.getElementById('preview').children];
        const onScreen = blocks.filter((b) => { const r = window.draftmark.blockRect(b); return r.bottom > view.top && r.top < view.bottom; });
        return { blocks: blocks.length, folded: blocks.filter((b) => b.dataset.far === 'fold').length,
          heads: blocks.filter((b) => b.dataset.far === 'head').length, boxes: blocks.filter((b) => b.getClientRects().length > 0).length,
          farOnScreen: onScreen.filter((b) => b.hasAttribute('data-far')).length };
      });
      assert.ok(info.blocks >= 300 && info.folded > info.blocks / 2, JSON.stringify(info));
      assert.ok(info.heads <= 2 && info.boxes < info.blocks / 4, JSON.stringify(info));
      assert.equal(info.farOnScreen, 0);
    });

    // Hidden, so that Chromium's hit tests (one per frame that changed layout, wherever the
    // pointer is) skip their paint layers; printed like every other block.
    test('folded blocks are invisible to hit tests, and printed', async () => {
      const styleOf = () => page.evaluate(() => ['head', 'fold'].map((state) => {
        const style = getComputedStyle(document.querySelector(`#preview > [data-far="${state}"]`));
        return `${style.display} ${style.visibility} ${style.contentVisibility}`;
      }));
      assert.deepEqual(await styleOf(), ['block hidden hidden', 'none hidden hidden']);
      await page.emulateMedia({ media: 'print' });
      try {
        const [head, fold] = await styleOf();
        assert.match(head, /visible visible$/);
        assert.match(fold, /^(?!none)\S+ visible visible$/);
      } finally {
        await page.emulateMedia({ media: 'screen' });
      }
    });

    // Every block's top as folded (window.draftmark.blockRect) against a full layout, the
    // blocks unfolded for one look and folded back as they were.
    async function assertInPlace() {
      const tops = () => page.evaluate(() => [...document.getElementById('preview').children].map((b) => window.draftmark.blockRect(b).top));
      const height = () => page.evaluate(() => document.getElementById('preview-scroller').scrollHeight);
      const folded = await tops();
      const foldedHeight = await height();
      await page.evaluate(() => {
        window.folded = [...document.querySelectorAll('#preview > [data-far]')].map((b) => [b, b.dataset.far]);
        for (const [b] of window.folded) b.removeAttribute('data-far');
      });
      const full = await tops();
      const fullHeight = await height();
      await page.evaluate(() => { for (const [b, far] of window.folded) b.dataset.far = far; });
      const worst = Math.max(...full.map((top, i) => Math.abs(top - folded[i])));
      assert.ok(worst <= 1, `a block moved by ${worst} px`);
      assert.ok(Math.abs(fullHeight - foldedHeight) <= 1, `the page is ${foldedHeight} px tall, ${fullHeight} px unfolded`);
    }

    test('folded blocks keep their place: every block where a full layout puts it', assertInPlace);

    // The preview shows the start; blocks change at the end and in the middle (undo, a paste
    // in another part of the post): the runs there are split and joined again.
    test('edits far from the view keep every block in place', async () => {
      await page.evaluate(() => { document.getElementById('preview-scroller').scrollTop = 0; });
      await page.waitForTimeout(100);
      // Inserts `insert` (or removes the text at `from`) and resolves two frames after the render.
      const change = (changes) => page.evaluate((c) => new Promise((done) => {
        document.getElementById('preview').addEventListener('draftmark:rendered', () => requestAnimationFrame(() => requestAnimationFrame(done)), { once: true });
        window.draftmark.view.dispatch({ changes: c });
      }), changes);
      const middle = await page.evaluate(() => {
        const text = window.draftmark.view.state.doc.toString();
        return text.indexOf('## Section 20', text.length >> 1);
      });
      const atEnd = '\n\nA new paragraph at the end, far below.\n\n## A new heading\n';
      const inMiddle = 'Pasted paragraph.\n\n> A quote\n\n';
      await change({ from: middle, insert: inMiddle });
      await change({ from: await page.evaluate(() => window.draftmark.view.state.doc.length), insert: atEnd });
      assert.ok(await page.evaluate(() => document.querySelectorAll('#preview > [data-far="fold"]').length > 100));
      await assertInPlace();
      // And taken out again (the next tests scroll to fixed lines).
      const length = await page.evaluate(() => window.draftmark.view.state.doc.length);
      await change({ from: length - atEnd.length, to: length });
      await change({ from: middle, to: middle + inMiddle.length });
      await assertInPlace();
    });

    test('a same-page link to a folded block scrolls to it', async () => {
      const ids = await page.evaluate(() => {
        const heading = [...document.querySelectorAll('#preview > h2')].at(-3);
        heading.id = 'folded-target';
        const link = document.createElement('a');
        link.href = `#${heading.id}`;
        link.textContent = 'jump';
        link.id = 'jump-link';
        document.querySelector('#preview > p').append(link);
        return { far: heading.dataset.far ?? null, id: heading.id };
      });
      assert.notEqual(ids.far, null, 'the target was folded');
      await page.evaluate(() => { document.getElementById('preview-scroller').scrollTop = 0; });
      await page.click('#jump-link');
      // At the top, below its scroll margin (Chirpy's, for its top bar), unless the page ends first.
      const { top, margin, atEnd } = await page.evaluate((id) => {
        const target = document.getElementById(id);
        const scroller = document.getElementById('preview-scroller');
        return { top: target.getBoundingClientRect().top - scroller.getBoundingClientRect().top,
          margin: Number.parseFloat(getComputedStyle(target).scrollMarginTop) || 0,
          atEnd: scroller.scrollTop + scroller.clientHeight >= scroller.scrollHeight - 1 };
      }, ids.id);
      assert.ok(Math.abs(top - margin) <= 2 || (atEnd && top > 0 && top < 800), `the target is ${top} px from the top`);
      await page.evaluate(() => document.getElementById('jump-link').remove());
      // The editor followed the preview; scroll sync then ignores the echo for a moment (kEchoMs).
      await page.waitForTimeout(300);
    });

    test('the two panes stay together at many points of the long document', async () => {
      await assertPanesTogether([0.2, 0.5, 0.8, 0.95], async () => {
        assert.equal(await page.evaluate(() => {
          const view = document.getElementById('preview-scroller').getBoundingClientRect();
          return [...document.querySelectorAll('#preview > [data-far]')].filter((b) => { const r = window.draftmark.blockRect(b); return r.bottom > view.top && r.top < view.bottom; }).length;
        }), 0, 'a folded block is on screen');
      });
    });

    after(() => setMarkdown(page, longDocument()));
  });

  // CodeMirror parses only ~100,000 characters past the view; a jump to the end of a long post
  // then parsed the rest while the keys came (syntax-tree-completion.js parses on when idle).
  test('a long post\'s syntax tree reaches its end in idle time, with the caret at its start', async () => {
    const chunk = 'Some *text* with `code` and a [link](https://example.com/).\n\n```js\nconst x = 1;\n```\n\n';
    const text = chunk.repeat(Math.ceil(400_000 / chunk.length));
    await setMarkdown(page, text);
    await page.evaluate(() => window.draftmark.view.dispatch({ selection: { anchor: 0 }, scrollIntoView: true }));
    await page.waitForFunction(() => window.draftmark.syntaxTreeDone, null, { timeout: 30_000, polling: 200 });
    await setMarkdown(page, longDocument());
  });

  test('clicking a preview block puts the editor cursor on its source line', async () => {
    const section = page.locator('#preview h2', { hasText: /^Section 23$/ });
    await section.scrollIntoViewIfNeeded();
    await section.click();
    const { line, text } = await page.evaluate(() => {
      const { state } = window.draftmark.view;
      const at = state.doc.lineAt(state.selection.main.head);
      return { line: at.number, text: at.text };
    });
    assert.equal(text, '## Section 23');
    assert.equal(line, Number.parseInt(await section.getAttribute('data-line'), 10));
    assert.equal(await page.evaluate(() => document.activeElement.classList.contains('cm-content')), true);
  });
});

describe('layout', () => {
  test('editor-only and preview-only views, and back to split', async () => {
    const visible = () => page.evaluate(() => ['#editor-pane', '#preview-pane']
      .map((s) => document.querySelector(s).getBoundingClientRect().width > 0));
    await page.click('[data-view-button="editor"]');
    assert.deepEqual(await visible(), [true, false]);
    await page.click('[data-view-button="preview"]');
    assert.deepEqual(await visible(), [false, true]);
    assert.ok((await page.locator('#preview-pane').boundingBox()).width > 1000, 'the preview takes the whole width');
    await page.click('[data-view-button="split"]');
    assert.deepEqual(await visible(), [true, true]);
  });

  test('panels open from the keyboard and Escape closes them, focus back on their button', async () => {
    for (const [button, panel] of [['#drafts-button', '#drafts-panel'], ['#settings-button', '#settings-panel']]) {
      await page.focus(button);
      await page.keyboard.press('Enter');
      assert.equal(await page.isVisible(panel), true);
      assert.equal(await page.getAttribute(button, 'aria-expanded'), 'true');
      await page.keyboard.press('Escape');
      assert.equal(await page.isVisible(panel), false);
      assert.equal(await page.evaluate((b) => document.activeElement === document.querySelector(b), button), true);
    }
  });

  test('the outline lists the post\'s headings, jumps to one, and marks the one at the editor\'s top', async () => {
    await page.setViewportSize({ width: 1280, height: 800 });
    await setMarkdown(page, '---\ntitle: Not in the outline\n---\n\n# One\n\ntext\n\n## Two {#second}\n\n- item\n\n### Three\n\n'
      + longDocument());
    await page.click('#outline-button');
    assert.equal(await page.getAttribute('#outline-button', 'aria-expanded'), 'true');
    const items = await page.$$eval('#outline-list li', (lis) => lis.map((li) => [li.dataset.level, li.textContent]));
    assert.deepEqual(items.slice(0, 4), [['1', 'One'], ['2', 'Two'], ['3', 'Three'], ['2', 'Section 1']]);
    assert.equal(items.length, 43);
    assert.equal(await page.isVisible('#outline-empty'), false);
    // A click puts the cursor on the heading's source line.
    await page.click('#outline-list li:nth-child(3) button');
    assert.equal(await page.evaluate(() => window.draftmark.view.state.doc.lineAt(window.draftmark.view.state.selection.main.head).number), 13);
    // Scrolled to a section, the outline marks it.
    await page.evaluate(() => {
      const view = window.draftmark.view;
      const line = view.state.doc.toString().split('\n').indexOf('## Section 20') + 1;
      view.scrollDOM.scrollTop = view.lineBlockAt(view.state.doc.line(line).from).top;
    });
    await page.waitForFunction(() => /^Section (19|20)$/.test(document.querySelector('#outline-list li[aria-current="location"]')?.textContent ?? ''));
    await page.keyboard.press('Escape');
    assert.equal(await page.isVisible('#outline-panel'), false);
  });

  test('spell check runs in prose only, and the setting turns it off', async () => {
    await setMarkdown(page, '---\ntitle: fmword\n---\n\nProseword and `codeword` and $mathword$ <https://urlword.example>\n\n'
      + '```js\nconst blockword = 1;\n```\n\n$$\ndisplayword\n$$\n');
    await page.evaluate(() => window.draftmark.view.scrollDOM.scrollTo(0, 0));
    const checked = () => page.evaluate(() => {
      const content = window.draftmark.view.contentDOM;
      const spell = {};
      for (const word of ['fmword', 'Proseword', 'codeword', 'mathword', 'urlword', 'blockword', 'displayword']) {
        const walker = document.createTreeWalker(content, NodeFilter.SHOW_TEXT);
        let node;
        while ((node = walker.nextNode()) && !node.data.includes(word));
        spell[word] = node ? node.parentElement.closest('[spellcheck]').getAttribute('spellcheck') : 'not found';
      }
      return spell;
    });
    assert.deepEqual(await checked(), { fmword: 'false', Proseword: 'true', codeword: 'false', mathword: 'false',
      urlword: 'false', blockword: 'false', displayword: 'false' });
    await page.click('#settings-button');
    await page.uncheck('#spellcheck');
    assert.equal(await page.evaluate(() => window.draftmark.view.contentDOM.getAttribute('spellcheck')), 'false');
    await page.check('#spellcheck');
    assert.equal(await page.evaluate(() => window.draftmark.view.contentDOM.getAttribute('spellcheck')), 'true');
    await page.click('#settings-button');
  });

  test('the divider resizes the panes with the keyboard and the mouse', async () => {
    const editorWidth = async () => (await page.locator('#editor-pane').boundingBox()).width;
    const start = await editorWidth();
    await page.focus('#divider');
    for (let i = 0; i < 5; i++) await page.keyboard.press('ArrowLeft');
    const narrower = await editorWidth();
    assert.ok(narrower < start - 80, `${start} -> ${narrower}`);
    const bar = await page.locator('#divider').boundingBox();
    await page.mouse.move(bar.x + bar.width / 2, bar.y + 100);
    await page.mouse.down();
    await page.mouse.move(bar.x + 300, bar.y + 100, { steps: 5 });
    await page.mouse.up();
    assert.ok(await editorWidth() > narrower + 250);
    await page.dblclick('#divider');  // back to half and half
    assert.ok(Math.abs(await editorWidth() - 1280 / 2) < 20);
  });
});

describe('themes', () => {
  const sample = ['---', 'layout: post', 'title: "Draftmark: 라이브 미리보기"', 'date: 2024-05-01 10:00:00 +0900',
    'categories: [Blogging, Demo]', 'tags: [markdown, katex]', 'math: true', '---', '',
    '## 수식과 코드', '', '오일러 항등식 $e^{i\\pi} + 1 = 0$ 은 아름답습니다.', '', '$$', '\\int_0^\\infty e^{-x^2}\\,dx = \\frac{\\sqrt{\\pi}}{2}', '$$', '',
    '> 팁: 미리보기는 바뀐 블록만 다시 그립니다.', '{: .prompt-tip }', '', '```python', 'def fib(n):',
    '    """Fibonacci."""', '    return n if n < 2 else fib(n - 1) + fib(n - 2)', '```', '',
    '| 언어 | 특징 |', '|---|---|', '| C++ | 빠름 |', '| JS | 어디서나 |', '', '![missing](/assets/img/cover.png){: w="600" h="300"}', '_이미지 캡션_', '',
    '- [x] 자동 저장', '- [ ] 내보내기', ''].join('\n');

  before(async () => {
    await setMarkdown(page, sample);
    await placeCaret(page, 0);
    await page.evaluate(() => { document.getElementById('preview-scroller').scrollTop = 0; });
  });

  for (const theme of ['light', 'dark']) {
    test(`the ${theme} theme colours the page, the editor and the post, and is saved as a screenshot`, async () => {
      while (await page.getAttribute('html', 'data-theme-choice') !== theme) await page.click('#theme-button');
      assert.equal(await page.getAttribute('html', 'data-theme'), theme);
      const colours = await page.evaluate(() => ({
        page: getComputedStyle(document.body).backgroundColor,
        editor: getComputedStyle(document.querySelector('.cm-editor')).backgroundColor,
        preview: getComputedStyle(document.getElementById('preview-pane')).backgroundColor,
        text: getComputedStyle(document.querySelector('#preview p')).color,
      }));
      const lightness = (rgb) => rgb.match(/\d+/g).slice(0, 3).map(Number).reduce((a, b) => a + b, 0) / 3;
      for (const [what, colour] of Object.entries(colours)) {
        const dark = lightness(colour) < 128;
        // Backgrounds follow the theme; text is the opposite.
        assert.equal(dark, what === 'text' ? theme === 'light' : theme === 'dark', `${what} is ${colour} in ${theme}`);
      }
      await page.waitForTimeout(100);
      const shot = await page.screenshot({ path: artifactPath(`editor-${theme}.png`) });
      assert.ok(shot.length > 20_000, 'a real screenshot');
    });
  }

  test('the theme choice survives a reload', async () => {
    await page.reload();
    await page.waitForFunction(() => document.documentElement.dataset.ready === 'true');
    assert.equal(await page.getAttribute('html', 'data-theme'), 'dark');
  });
});

describe('console', () => {
  test('no console errors', () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(env.stray, []);
  });
});
