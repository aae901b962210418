// Chirpy's code box in the preview (issue 15): labels as Chirpy names languages, the file form,
// a working copy button, no line numbers for console/plaintext/.nolineno, boxes in list items.
import assert from 'node:assert/strict';
import { after, before, test } from 'node:test';
import { openEditor, setMarkdown, startBrowser } from './editor-page.mjs';

let env, page, errors;
before(async () => {
  env = await startBrowser();
  await env.context.grantPermissions(['clipboard-read', 'clipboard-write']);
  ({ page, errors } = await openEditor(env));
});
after(() => env?.close());

const md = ['---', 'title: Code', 'date: 2024-01-01', '---', '',
  '```bash', 'echo hi', '```', '', '```yaml', 'a: 1', '```', '{: file="_config.yml" }', '',
  '```console', '$ ls', '```', '', '```js', 'let a;', '```', '{: .nolineno }', '',
  '- item', '', '  ```python', '  print(1)', '  ```', ''].join('\n');

test('labels, file form, line numbers and nested boxes follow Chirpy', async () => {
  await setMarkdown(page, md);
  const boxes = await page.evaluate(() => [...document.querySelectorAll('#preview .code-block')].map((b) => ({
    label: b.querySelector('.code-label').dataset.labelText, file: b.hasAttribute('file'),
    lineno: b.classList.contains('lineno'), copy: Boolean(b.querySelector('.code-header button')),
    nested: Boolean(b.closest('li')) })));
  assert.deepEqual(boxes, [
    { label: 'Shell', file: false, lineno: true, copy: true, nested: false },
    { label: '_config.yml', file: true, lineno: true, copy: true, nested: false },
    { label: 'Console', file: false, lineno: false, copy: true, nested: false },
    { label: 'JavaScript', file: false, lineno: false, copy: true, nested: false },
    { label: 'Python', file: false, lineno: true, copy: true, nested: true },
  ]);
});

test('the copy button copies the code', async () => {
  await page.click('#preview .code-block .code-copy');
  await page.waitForFunction(() => document.querySelector('#preview .code-copy[timeout]'));
  assert.equal((await page.evaluate(() => navigator.clipboard.readText())).trim(), 'echo hi');
  assert.deepEqual(errors, []);
});
