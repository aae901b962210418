// How many of Chromium's frames reach the screen while keys are typed into the editor: types N
// keys into the 1 MB bench post (at its end or in its middle) with the compositor's tracing on
// and counts the frames by what became of them (cc's PipelineReporter: presented, dropped, no
// update wanted), plus the keys whose keydown -> presented took over 100 ms (Event Timing).
// It found the end-of-post "stall" of earlier latency runs: headless Chromium drops the frames
// whose only change lies in the viewport's bottom ~60 px (display.mjs), so it runs in a window on
// Xvfb when it can, as the latency runs do. `--css` adds a style sheet first, to rule parts out.
//
//   node bench/frame-drops.mjs [--keys 60] [--where end|middle] [--css 'RULES']
import { parseArgs } from 'node:util';
import { buildCorpora } from './corpus.mjs';
import { startDisplay } from './display.mjs';
import { recordTrace } from './trace.mjs';
import { openEditor, placeCaret, setMarkdown, startBrowser } from '../tests/browser/editor/editor-page.mjs';

const { values: args } = parseArgs({ options: {
  keys: { type: 'string', default: '60' }, where: { type: 'string', default: 'end' }, css: { type: 'string' },
} });
const keys = Number(args.keys);
const doc = buildCorpora().find((c) => c.name === 'blog-1m');
const TYPED = 'draftmark keeps typing ';

const display = await startDisplay();
const env = await startBrowser({ display });
try {
  const { page } = await openEditor(env);
  if (args.css) await page.addStyleTag({ content: args.css });
  await setMarkdown(page, doc.text);  // resolves once the preview shows it
  await page.waitForFunction(() => !document.querySelector('#preview[data-measuring]'), null, { timeout: 60_000, polling: 100 });
  const at = args.where === 'end' ? doc.text.length : doc.text.indexOf('\n\n', doc.text.length >> 1);
  await placeCaret(page, at);
  await page.evaluate(() => {
    window.__slow = 0;
    window.__renders = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.name === 'keydown' && entry.duration > 100) window.__slow++;
    }).observe({ type: 'event', durationThreshold: 16 });
    document.addEventListener('draftmark:rendered', () => { window.__renders++; }, true);
  });
  const cdp = await env.context.newCDPSession(page);
  const events = await recordTrace(cdp, ['cc', 'viz', 'benchmark'], async () => {
    for (let i = 0; i < keys; i++) {
      await page.keyboard.type(TYPED[i % TYPED.length]);
      await page.waitForFunction((n) => window.__renders > n, i, { timeout: 10_000, polling: 'raf' });
    }
    await page.waitForTimeout(500);  // the last keys' entries arrive after their frame
  });
  const states = new Map();
  for (const e of events) {
    const state = e.name === 'PipelineReporter' && e.args?.frame_reporter?.state;
    if (state) states.set(state, (states.get(state) ?? 0) + 1);
  }
  const slow = await page.evaluate(() => window.__slow);
  console.log(`blog-1m, ${keys} keys at the ${args.where}${args.css ? ` (css: ${args.css})` : ''}: keys over 100 ms ${slow}; frames ${
    [...states].map(([s, n]) => `${s.replace('STATE_', '').toLowerCase()} ${n}`).join(', ')}`);
} finally {
  await env.close();
  display.close();
}
