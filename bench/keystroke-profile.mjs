// Where a keystroke's time goes in the editor: types N keys into a bench document (in the
// middle or at the end) with Chromium's tracing on, then prints the renderer main thread's time
// per keystroke by event (script, style, layout, paint…) and, from V8's sampling profiler, JS
// self time per function. Build with DM_NO_MINIFY=1 (node web/build.mjs) for function names.
//
//   node bench/keystroke-profile.mjs [--doc blog-1m|seed|spec|post-100k] [--where middle|end]
//                                    [--keys 40] [--trace OUT.json] [--css 'RULES']
// (--css: a style sheet added to the page first, to try a layout idea.)
import { writeFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { buildCorpora } from './corpus.mjs';
import { profileSelfTimes, recordTrace, sliceSelfTimes } from './trace.mjs';
import { startDisplay } from './display.mjs';
import { openEditor, startBrowser } from '../tests/browser/editor/editor-page.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const { values: args } = parseArgs({ options: {
  doc: { type: 'string', default: 'blog-1m' }, where: { type: 'string', default: 'middle' },
  keys: { type: 'string', default: '40' }, trace: { type: 'string' }, css: { type: 'string' },
  settle: { type: 'string', default: '1000' },  // ms between placing the caret and the first key
} });
const keys = Number(args.keys);
const doc = buildCorpora().find((c) => c.name === args.doc);
if (!doc) throw new Error(`no bench document ${args.doc}`);

process.chdir(repoRoot);
const display = await startDisplay();
const env = await startBrowser({ display });
try {
  const { page } = await openEditor(env);
  if (args.css) await page.addStyleTag({ content: args.css });
  await page.evaluate((text) => new Promise((done) => {
    document.addEventListener('draftmark:rendered', done, { capture: true, once: true });
    window.draftmark.setMarkdown(text);
  }), doc.text);
  const offset = args.where === 'end' ? doc.text.length : Math.max(0, doc.text.indexOf('\n\n', doc.text.length >> 1));
  await page.evaluate((at) => { const view = window.draftmark.view; view.focus(); view.dispatch({ selection: { anchor: at }, scrollIntoView: true }); }, offset);
  await page.waitForTimeout(Number(args.settle));
  const shown = await page.evaluate(() => ({ blocks: document.querySelectorAll('#preview > *').length,
    far: document.querySelectorAll('#preview > [data-far]').length }));
  console.log(`preview: ${shown.blocks} blocks, ${shown.far} of them skipped as far from the view (offscreen-blocks.js)`);

  const cdp = await env.context.newCDPSession(page);
  const events = await recordTrace(cdp, ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'v8.execute',
    'blink.user_timing', 'toplevel', 'disabled-by-default-v8.cpu_profiler'], async () => {
    for (let i = 0; i < keys; i++) {
      await page.keyboard.type('abcdefghij'[i % 10]);
      await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => setTimeout(r, 60))));
    }
  });
  if (args.trace) writeFileSync(args.trace, JSON.stringify({ traceEvents: events }));
  report(events);
} finally {
  await env.close();
  display.close();
}

function report(events) {
  const mainThread = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain'
    && events.some((k) => k.pid === e.pid && k.name === 'EventDispatch'));
  const onMain = (e) => e.pid === mainThread.pid && e.tid === mainThread.tid;
  const { self, busy } = sliceSelfTimes(events.filter((e) => onMain(e) && e.ph === 'X' && e.dur > 0));
  const perKey = (us) => (us / 1000 / keys).toFixed(2).padStart(8);
  console.log(`${args.doc}, ${keys} keys at the ${args.where}: main thread busy ${perKey(busy)} ms per key; self time by event (ms per key):`);
  for (const [name, us] of [...self].sort((a, b) => b[1] - a[1]).slice(0, 18)) console.log(`${perKey(us)}  ${name}`);
  console.log('JS self time by function (ms per key):');
  for (const { name, ms } of profileSelfTimes(events, mainThread.pid, { limit: 25, skipIdle: true })) console.log(`${perKey(ms * 1000)}  ${name}`);
}
