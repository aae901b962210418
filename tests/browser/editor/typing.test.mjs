// The editor in Chromium, typed into like a person: the preview follows keystrokes and IME
// composition, patches only the block that changed, typesets math (and reports bad formulas),
// highlights code and never runs script from the post.
import assert from 'node:assert/strict';
import { after, before, describe, test } from 'node:test';
import { focusEditorEnd, openEditor, placeCaret, previewText, setMarkdown, startBrowser } from './editor-page.mjs';

let env, page, errors;

before(async () => {
  env = await startBrowser();
  ({ page, errors } = await openEditor(env));
});
after(() => env?.close());

describe('first start', () => {
  test('the sample post is shown, rendered as a Jekyll post with its Korean title', async () => {
    const text = await page.evaluate(() => window.draftmark.getMarkdown());
    assert.match(text, /^---\nlayout: post\n/);
    assert.match(await page.$eval('#preview header.post-header h1', (el) => el.textContent), /두런두런 수근수근 속닥속닥/);
    assert.match(await page.title(), /BoostCamp AI Tech/);
  });
});

describe('typing', () => {
  test('keystrokes typed at the end of the document show up in the preview', async () => {
    await setMarkdown(page, '# Start\n\n');
    await focusEditorEnd(page);
    await page.keyboard.type('## Typed heading\n\nSome *typed* words.', { delay: 10 });
    await page.waitForFunction(() => document.querySelector('#preview h2')?.textContent === 'Typed heading');
    await page.waitForFunction(() => document.querySelector('#preview p em')?.textContent === 'typed');
    assert.equal(await page.evaluate(() => window.draftmark.getMarkdown()), '# Start\n\n## Typed heading\n\nSome *typed* words.');
  });

  test('the status bar counts the rendered post: no front matter, URLs or `**`, and shows the read time', async () => {
    await setMarkdown(page, '---\ntitle: Counted\n---\n\n# Heading\n\nA [link](https://example.com/a/long/url) and **bold** 안녕 세상\n');
    await page.waitForFunction(() => /· 9 words · 1 min read$/.test(document.getElementById('counts').textContent));
  });

  test('Ctrl+B makes the word at the cursor bold, and Ctrl+Z undoes it', async () => {
    await setMarkdown(page, 'make this bold\n');
    await placeCaret(page, 'make this'.length - 1);
    await page.keyboard.press('Control+b');
    await page.waitForFunction(() => document.querySelector('#preview strong')?.textContent === 'this');
    assert.equal(await page.evaluate(() => window.draftmark.getMarkdown()), 'make **this** bold\n');
    await page.keyboard.press('Control+z');
    await page.waitForFunction(() => !document.querySelector('#preview strong'));
  });

  test('Korean typed through IME composition in the middle of a paragraph is neither duplicated, dropped nor reordered', async () => {
    const before = '첫 문단입니다.\n\n앞부분 뒷부분\n\n마지막 문단.\n';
    await setMarkdown(page, before);
    const at = before.indexOf(' 뒷부분');
    await placeCaret(page, at);
    const cdp = await page.context().newCDPSession(page);
    // "한국어 입력" as a Korean IME produces it: each syllable grows through its jamo while
    // composing, then is committed; the space is committed directly.
    const syllables = [['ㅎ', '하', '한'], ['ㄱ', '구', '국'], ['ㅇ', '어'], null, ['ㅇ', '이', '입'], ['ㄹ', '려', '력']];
    const sent = [];
    await page.keyboard.type(' ');
    for (const steps of syllables) {
      if (!steps) { await cdp.send('Input.insertText', { text: ' ' }); sent.push(' '); continue; }
      for (const step of steps) {
        await cdp.send('Input.imeSetComposition', { text: step, selectionStart: step.length, selectionEnd: step.length });
      }
      const committed = steps.at(-1);
      await cdp.send('Input.insertText', { text: committed });
      sent.push(committed);
    }
    const typed = ` ${sent.join('')}`;
    assert.equal(typed, ' 한국어 입력');
    const expected = before.slice(0, at) + typed + before.slice(at);
    await page.waitForFunction((want) => window.draftmark.getMarkdown() === want, expected, { timeout: 5000 })
      .catch(async () => assert.equal(await page.evaluate(() => window.draftmark.getMarkdown()), expected));
    await page.waitForFunction(() => document.querySelectorAll('#preview p')[1]?.textContent === '앞부분 한국어 입력 뒷부분');
    assert.equal(await page.$$eval('#preview p', (ps) => ps.length), 3);
    await cdp.detach();
  });
});

describe('a page that draws no frames', () => {
  test('a change made while a frame is open still renders (a background tab gets no rAF)', async () => {
    const outcome = await page.evaluate(async () => {
      const realRaf = window.requestAnimationFrame;
      window.requestAnimationFrame = () => 0;  // what a hidden tab does: the callback never runs
      try {
        await window.draftmark.setMarkdown('First change.\n');
        const second = window.draftmark.setMarkdown('Second change, same frame.\n').then(() => 'rendered');
        return await Promise.race([second, new Promise((r) => setTimeout(() => r('stuck'), 5000))]);
      } finally {
        window.requestAnimationFrame = realRaf;
      }
    });
    assert.equal(outcome, 'rendered');
    assert.match(await previewText(page), /Second change, same frame\./);
  });
});

describe('slow documents', () => {
  test('when a render costs more than the threshold, typing is never blocked: the preview waits for a pause', async () => {
    await setMarkdown(page, '# Big post\n\nstart\n');
    // Any render now counts as slow (a real one needs a document of several MB).
    await page.evaluate(() => { window.draftmark.slowRenderMs = 0; });
    await setMarkdown(page, '# Big post\n\nstart\n');  // measures a cost above 0 again
    // The keystrokes are dispatched as CodeMirror input transactions within one task, and the
    // checks run in that same task: no wall-clock assumption about how far apart keys arrive
    // (a loaded machine can hold a key back longer than the pause). The pause is measured
    // from the last key to the render instead.
    const outcome = await page.evaluate(async () => {
      const view = window.draftmark.view;
      const preview = document.querySelector('#preview');
      const renders = [];
      preview.addEventListener('draftmark:rendered', () => renders.push(performance.now()));
      let at = '# Big post\n\nstart'.length;
      for (const ch of ' typed quickly') {
        view.dispatch({ changes: { from: at, insert: ch }, selection: { anchor: at + 1 }, userEvent: 'input.type' });
        at++;
      }
      const lastKey = performance.now();
      await Promise.resolve();  // a fast document would render in this microtask
      const during = { renders: renders.length, stale: preview.dataset.stale };
      await new Promise((resolve) => preview.addEventListener('draftmark:rendered', resolve, { once: true }));
      await new Promise((resolve) => setTimeout(resolve, 300));  // nothing else follows
      return { during, renders: renders.length, waited: renders[0] - lastKey, stale: preview.dataset.stale,
        text: preview.querySelector('p')?.textContent };
    });
    assert.deepEqual(outcome.during, { renders: 0, stale: 'true' }, 'while typing: no render, and the preview says it is behind');
    assert.equal(outcome.renders, 1, 'one render after the pause, for all keystrokes');
    assert.ok(outcome.waited >= 195, `the render waited for a typing pause (${outcome.waited} ms)`);
    assert.equal(outcome.text, 'start typed quickly');
    assert.equal(outcome.stale, undefined);
    assert.equal(await page.evaluate(() => window.draftmark.getMarkdown()), '# Big post\n\nstart typed quickly\n');
    await page.evaluate(() => { window.draftmark.slowRenderMs = 150; });
    await setMarkdown(page, '# Small again\n');
  });
});

describe('render counting', () => {
  test('setMarkdown renders its text exactly once (a version is never rendered twice)', async () => {
    const counts = await page.evaluate(async () => {
      const preview = document.querySelector('#preview');
      const out = [];
      for (const text of ['# One\n', '# Two\n\nmore\n', '# Three\n']) {
        let n = 0;
        const count = () => { n++; };
        preview.addEventListener('draftmark:rendered', count);
        await window.draftmark.setMarkdown(text);
        // Two frames and the fallback timer: any second render for the same text would come here.
        await new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)));
        await new Promise((resolve) => setTimeout(resolve, 300));
        preview.removeEventListener('draftmark:rendered', count);
        out.push(n);
      }
      return out;
    });
    assert.deepEqual(counts, [1, 1, 1]);
  });
});

describe('block patching', () => {
  test('an edit in one paragraph keeps every other block\'s DOM node (same objects)', async () => {
    const doc = ['# Title', '', 'First paragraph.', '', '$$', 'E = mc^2', '$$', '', '- a', '- b', '',
      '```python', 'print("x")', '```', '', 'Last paragraph.', ''].join('\n');
    await setMarkdown(page, doc);
    const count = await page.evaluate(() => {
      window.__blocks = [...document.getElementById('preview').children];
      window.__katex = document.querySelector('#preview .katex-display');
      return window.__blocks.length;
    });
    assert.equal(count, 6);
    await placeCaret(page, doc.indexOf('First paragraph') + 'First'.length);
    await page.keyboard.type(' edited', { delay: 5 });
    await page.waitForFunction(() => document.querySelector('#preview p')?.textContent === 'First edited paragraph.');
    const kept = await page.evaluate(() => {
      const now = [...document.getElementById('preview').children];
      return {
        length: now.length,
        same: now.map((node) => window.__blocks.includes(node)),
        katexSame: document.querySelector('#preview .katex-display') === window.__katex,
      };
    });
    assert.equal(kept.length, 6);
    assert.deepEqual(kept.same, [true, false, true, true, true, true]);
    assert.equal(kept.katexSame, true, 'typeset math is the same node, not recomputed');
  });

  test('inserting lines above shifts data-line but keeps the nodes', async () => {
    await setMarkdown(page, 'one\n\ntwo\n\nthree\n');
    await page.evaluate(() => { window.__blocks = [...document.getElementById('preview').children]; });
    await placeCaret(page, 0);
    // One input event (a paste), so no intermediate render merges "zero" into "one".
    await page.keyboard.insertText('zero\n\n');
    await page.waitForFunction(() => document.getElementById('preview').children.length === 4);
    const state = await page.evaluate(() => [...document.getElementById('preview').children]
      .map((n) => [n.textContent, n.getAttribute('data-line'), window.__blocks.includes(n)]));
    assert.deepEqual(state, [['zero', '1-1', false], ['one', '3-3', true], ['two', '5-5', true], ['three', '7-7', true]]);
  });
});

describe('patching a long block', () => {
  test('typing into one note of a long footnote list keeps the list\'s nodes, and shows what a fresh render shows', async () => {
    const notes = Array.from({ length: 40 }, (_, i) => i);
    const doc = ['---', 'title: Notes', '---', '',
      ...notes.map((i) => `Paragraph ${i} cites a note.[^n${i}]\n`),
      ...notes.map((i) => `[^n${i}]: Note ${i} says something long enough to make the list long, with *emphasis* and \`code\`.`), ''].join('\n');
    await setMarkdown(page, doc);
    const before = await page.evaluate(() => {
      window.__list = document.querySelector('#preview .footnotes');
      window.__items = [...window.__list.querySelectorAll('li')];
      return { items: window.__items.length, html: window.__list.outerHTML.length };
    });
    assert.equal(before.items, 40);
    assert.ok(before.html > 4096, `the list must be long enough to be patched child by child (${before.html} characters)`);
    const at = doc.indexOf('[^n20]: Note 20 says') + '[^n20]: Note 20'.length;
    await placeCaret(page, at);
    await page.keyboard.type(' typed', { delay: 5 });
    await page.waitForFunction(() => /Note 20 typed says/.test(document.querySelector('#preview .footnotes')?.textContent));
    const patched = await page.evaluate(() => {
      const list = document.querySelector('#preview .footnotes');
      const items = [...list.querySelectorAll('li')];
      return { sameList: list === window.__list, kept: items.map((li) => window.__items.includes(li)), html: list.outerHTML };
    });
    assert.equal(patched.sameList, true, 'the list is the same node');
    assert.deepEqual(patched.kept, notes.map(() => true), 'every note is the same node (the edited one\'s text is patched in it)');
    // The same text rendered from scratch shows the same list.
    const text = await page.evaluate(() => window.draftmark.getMarkdown());
    await setMarkdown(page, 'reset\n');
    await setMarkdown(page, text);
    const fresh = await page.evaluate(() => document.querySelector('#preview .footnotes').outerHTML);
    assert.equal(patched.html, fresh);
  });
});

describe('math, code and diagnostics', () => {
  test('inline and display math are typeset by KaTeX', async () => {
    await setMarkdown(page, 'Euler: $e^{i\\pi} + 1 = 0$\n\n$$\n\\frac{a}{b}\n$$\n');
    assert.equal(await page.$$eval('#preview .katex', (els) => els.length), 2);
    assert.equal(await page.$$eval('#preview .katex-display', (els) => els.length), 1);
    assert.match(await page.$eval('#preview .katex annotation', (el) => el.textContent), /e\^\{i\\pi\} \+ 1 = 0/);
  });

  test('equations are numbered through the post as Chirpy\'s MathJax does; \\eqref follows an insertion above', async () => {
    const post = (before) => `---\nmath: true\n---\n\n${before}$$\n\\begin{equation} a = b \\label{first} \\end{equation}\n$$\n\n`
      + 'Text.\n\n$$\n\\begin{align} c &= d \\\\ e &= f \\label{last} \\end{align}\n$$\n\nSee $\\eqref{first}$ and $\\eqref{last}$ and $\\eqref{gone}$.\n';
    const view = () => page.evaluate(() => ({
      tags: [...document.querySelectorAll('#preview .katex-display .tag')].map((t) => t.textContent.replace(/\u200b/g, '')),
      refs: [...document.querySelectorAll('#preview .math.inline .katex-html')].map((k) => k.textContent.replace(/\u200b/g, '')),
    }));
    await setMarkdown(page, post(''));
    assert.deepEqual(await view(), { tags: ['(1)', '(2)(3)'], refs: ['(1)', '(3)', '(???)'] });
    assert.match(await page.$eval('#diagnostics-list', (el) => el.textContent), /\\eqref\{gone\}: no equation has \\label\{gone\}/);
    // A numbered equation above renumbers the kept formulas and the references to them.
    await setMarkdown(page, post('$$\n\\begin{equation} z \\end{equation}\n$$\n\n'));
    assert.deepEqual(await view(), { tags: ['(1)', '(2)', '(3)(4)'], refs: ['(2)', '(4)', '(???)'] });
  });

  test('a bad formula shows KaTeX\'s error inline and in the problems list; clicking it jumps to its line', async () => {
    await setMarkdown(page, 'Fine $x$.\n\nStill fine.\n\nBroken $\\frac{1}{$ here.\n');
    const inline = await page.$eval('#preview .katex-error', (el) => [el.textContent, el.title]);
    assert.equal(inline[0], '\\frac{1}{');
    assert.match(inline[1], /ParseError/);
    await page.click('#diagnostics > summary');
    const entry = page.locator('#diagnostics-list .dm-error button', { hasText: 'ParseError' });
    assert.match(await entry.textContent(), /line 5/);
    assert.match(await page.textContent('#diagnostics-summary'), /1 error/);
    await entry.click();
    const line = await page.evaluate(() => {
      const { state } = window.draftmark.view;
      return state.doc.lineAt(state.selection.main.head).number;
    });
    assert.equal(line, 5);
    // Fixing the formula clears the problem.
    await setMarkdown(page, 'Fine $x$.\n\nStill fine.\n\nFixed $\\frac{1}{2}$ here.\n');
    assert.equal(await page.$$eval('#preview .katex-error', (els) => els.length), 0);
    assert.match(await page.textContent('#diagnostics-summary'), /No problems/);
  });

  test('front matter problems from the renderer are listed with their line', async () => {
    await setMarkdown(page, '---\ntitle: [unclosed\n---\n\nBody.\n');
    const items = await page.$$eval('#diagnostics-list button', (bs) => bs.map((b) => b.dataset.line));
    assert.ok(items.length >= 1, 'a YAML error is reported');
    assert.ok(items.every((line) => Number(line) >= 1 && Number(line) <= 3), `lines ${items}`);
  });

  test('a YAML error shows its line and column in the problems list', async () => {
    await setMarkdown(page, '---\ntitle: ok\nbad: [unclosed\n---\n\nBody.\n');
    const items = await page.$$eval('#diagnostics-list button', (bs) => bs.map((b) => ({
      line: Number(b.dataset.line), column: Number(b.dataset.column), where: b.querySelector('.dm-diagnostic-where').textContent })));
    const yaml = items.find((d) => d.line >= 1 && d.line <= 4 && d.column >= 1);
    assert.ok(yaml, `a YAML error with a column: ${JSON.stringify(items)}`);
    assert.equal(yaml.where, `line ${yaml.line}:${yaml.column}`);
  });

  test('fenced code is highlighted with token classes', async () => {
    await setMarkdown(page, '```python\ndef greet(name):\n    return "hi " + name  # say hi\n```\n');
    await page.waitForFunction(() => document.querySelector('#preview code .tok-keyword'));
    const tokens = await page.$$eval('#preview code [class^="tok-"]', (els) => els.map((e) => [e.className, e.textContent]));
    assert.ok(tokens.some(([c, t]) => c.includes('tok-keyword') && t === 'def'));
    assert.ok(tokens.some(([c, t]) => c.includes('tok-string') && t === '"hi "'));
    assert.ok(tokens.some(([c, t]) => c.includes('tok-comment') && t === '# say hi'));
    assert.equal(await page.$eval('#preview code', (el) => el.textContent),
      'def greet(name):\n    return "hi " + name  # say hi\n', 'highlighting keeps the code text');
  });

  test('the editor colours fenced code in view, also a fence far down a long post once scrolled to', async () => {
    const fence = (name) => `\`\`\`python\ndef ${name}():\n    return 1\n\`\`\`\n`;
    const filler = Array.from({ length: 1500 }, (_, i) => `Paragraph ${i} of filler text to make the post long.`).join('\n\n');
    await setMarkdown(page, `${fence('first')}\n${filler}\n\n${fence('last')}`);
    const keywordBefore = (name) => page.evaluate((n) => [...document.querySelectorAll('.cm-content .tok-keyword')]
      .some((el) => el.textContent === 'def' && el.parentElement.textContent.includes(`def ${n}()`)), name);
    await page.waitForFunction(() => document.querySelector('.cm-content .tok-keyword'));
    assert.equal(await keywordBefore('first'), true);
    // CodeMirror parses far from the view lazily; once in view, the last fence is coloured as Python.
    await page.evaluate(() => {
      const view = window.draftmark.view;
      view.dispatch({ selection: { anchor: view.state.doc.length }, scrollIntoView: true });
    });
    await page.waitForFunction(() => [...document.querySelectorAll('.cm-content .tok-keyword')]
      .some((el) => el.parentElement.textContent.includes('def last()')), null, { timeout: 5000 });
  });

  test('in a Jekyll post, code boxes number their lines like Chirpy (unless .nolineno)', async () => {
    await setMarkdown(page, '---\ntitle: Code\n---\n\n```sh\necho one\necho two\n```\n\n```sh\nls\n```\n{: .nolineno }\n');
    await page.waitForFunction(() => document.querySelectorAll('#preview .lineno .line').length === 2);
    assert.deepEqual(await page.$$eval('#preview .lineno .line', (ls) => ls.map((l) => l.textContent)), ['echo one', 'echo two']);
    assert.equal(await page.$$eval('#preview .nolineno .line', (ls) => ls.length), 0);
    assert.equal(await page.$eval('#preview .lineno code', (el) => el.textContent), 'echo one\necho two\n');
  });
});

describe('safety', () => {
  test('script in the post never runs and dangerous markup is removed', async () => {
    await setMarkdown(page, '<img src="x:" onerror="window.__pwned = 1">\n\n<script>window.__pwned = 2</script>\n\n' +
      '<iframe src="javascript:parent.__pwned=3"></iframe>\n\n[a](javascript:window.__pwned=4)\n\n<a href="javascript:window.__pwned=5">b</a>\n');
    await page.waitForTimeout(300);
    assert.equal(await page.evaluate(() => window.__pwned), undefined);
    const html = await page.$eval('#preview', (el) => el.innerHTML);
    assert.doesNotMatch(html, /onerror|<script|<iframe|javascript:/i);
  });

  test('images with site paths show a placeholder naming the path, not a broken image', async () => {
    await setMarkdown(page, '![cat](/assets/img/cat.png){: w="300"}\n');
    const box = await page.$eval('#preview .dm-image-missing', (el) => [el.dataset.src, el.textContent]);
    assert.equal(box[0], '/assets/img/cat.png');
    assert.match(box[1], /\/assets\/img\/cat\.png/);
    assert.equal(await page.$$eval('#preview img', (els) => els.length), 0);
  });

  test('an unresolvable image in raw HTML is never requested (not even once, before its placeholder)', async () => {
    const requested = [];
    const onRequest = (request) => { if (request.url().includes('raw-html-cat')) requested.push(request.url()); };
    page.on('request', onRequest);
    await setMarkdown(page, '<img src="/assets/img/raw-html-cat.png" alt="cat">\n\n<p>x</p>\n<img src="raw-html-cat-2.png">\n');
    await page.waitForSelector('#preview .dm-image-missing');
    await page.waitForTimeout(200);
    page.off('request', onRequest);
    assert.deepEqual(requested, []);
  });
});

describe('a wasm trap', () => {
  test('keeps the text, shows the error, and the next change renders on a fresh instance', async () => {
    // Its own browser (own profile): a second tab on the suite's draft would be told about the
    // other tab and could save over it. The module's instances are wrapped so that the render
    // of one chosen text traps, the way a real trap (unreachable, out of bounds) surfaces: a
    // WebAssembly.RuntimeError from dm_render.
    const trapEnv = await startBrowser();
    try {
      const { page: trapped, errors: trapErrors } = await openEditor(trapEnv, {
        init: () => {
          const Instance = WebAssembly.Instance;
          window.__instances = 0;
          window.__trapped = [];
          WebAssembly.Instance = function TrappingInstance(module, imports) {
            const real = new Instance(module, imports);
            window.__instances++;
            const exports = { ...real.exports };
            // Whole and incremental renders alike (a keystroke takes dm_render_edit).
            for (const name of ['dm_render', 'dm_render_edit']) {
              exports[name] = (...args) => {
                if (window.__trapNext) {
                  window.__trapNext = false;
                  window.__trapped.push(window.draftmark.getMarkdown());
                  throw new WebAssembly.RuntimeError('unreachable');
                }
                return real.exports[name](...args);
              };
            }
            return { exports };
          };
        },
      });
      await setMarkdown(trapped, 'Before the trap.\n');
      const instances = await trapped.evaluate(() => window.__instances);
      await trapped.evaluate(() => { window.__trapNext = true; });
      await focusEditorEnd(trapped);
      await trapped.keyboard.type('X');
      // The trap fired on the render of exactly this text, and its notice is shown: nothing
      // renders the same text again (a version renders once), so nothing hides it.
      await trapped.waitForFunction(() => window.__trapped.length === 1, null, { polling: 50 });
      assert.deepEqual(await trapped.evaluate(() => window.__trapped), ['Before the trap.\nX']);
      await trapped.waitForSelector('[data-notice="renderer"]', { timeout: 5000 });
      assert.match(await trapped.textContent('[data-notice="renderer"]'), /preview failed.*unreachable.*text is safe/s);
      assert.equal(await trapped.evaluate(() => window.draftmark.getMarkdown()), 'Before the trap.\nX');
      await trapped.keyboard.type('Y');
      await trapped.waitForFunction(() => document.getElementById('preview').textContent.includes('XY'), null, { polling: 50 });
      await trapped.waitForSelector('[data-notice="renderer"]', { state: 'detached' });
      assert.equal(await trapped.evaluate(() => window.__instances), instances + 1, 'a new instance after the trap');
      assert.deepEqual(trapErrors, []);
    } finally {
      await trapEnv.close();
    }
  });
});

describe('console', () => {
  test('no console errors and no request beyond the local server', async () => {
    assert.deepEqual(errors, []);
    assert.deepEqual(env.stray, []);
    assert.equal(await previewText(page).then((t) => t.length > 0), true);
  });
});

describe('incremental rendering', () => {
  test('typing into a long post re-renders only around the edit, and the preview is what a whole render gives', async () => {
    const seed = await page.evaluate(() => fetch('/tests/fixtures/seed-post.md').then((r) => r.text()));
    await setMarkdown(page, seed);
    const sameAsWhole = () => page.evaluate(() => window.draftmark.sameAsWholeRender());
    const middle = seed.indexOf('\n\n', seed.length >> 1);
    let incremental = 0;
    // Line breaks inside a paragraph: incremental renders that move every block below.
    await placeCaret(page, middle - 10);
    for (const key of 'split\nhere\nand here') {
      await page.keyboard.type(key);
      await page.waitForFunction(() => window.draftmark.timings?.bytes === window.draftmark.getMarkdown().length);
      if (await page.evaluate(() => window.draftmark.timings.incremental)) incremental++;
    }
    assert.equal(await sameAsWhole(), true, 'after line breaks inside a paragraph, the preview differs from a whole render');
    await placeCaret(page, middle + 'split\nhere\nand here'.length);
    // Prose, a new block, then document-wide edits (a footnote and its definition far below).
    for (const keys of ['a few typed words', '\n\nA new paragraph', '[^dm]', '\n\n[^dm]: its note']) {
      for (const key of keys) {
        await page.keyboard.type(key);
        // The preview shows the text with this key (these keys only add text; a `]` typed over
        // the one bracket closing inserted adds nothing and renders nothing).
        await page.waitForFunction(() => window.draftmark.timings?.bytes === window.draftmark.getMarkdown().length);
        if (await page.evaluate(() => window.draftmark.timings.incremental)) incremental++;
      }
      // Checked once a group: the whole render it compares with makes the next keystroke whole.
      assert.equal(await sameAsWhole(), true, `after typing ${JSON.stringify(keys)}, the preview differs from a whole render`);
    }
    assert.ok(incremental > 20, `only ${incremental} keystrokes were rendered incrementally`);
    assert.deepEqual(errors, []);
  });
});
