// Where a keystroke's time goes on the renderer's main thread, for the latency report: a page
// already holding a document is typed into with Chromium's tracing on, and each key's main
// thread time is split by what ran — script and input handling (CodeMirror's update,
// Draftmark's render and patch, garbage collection), style, layout, paint and compositing, hit
// tests. Draftmark's own share of the script is window.draftmark.timings (render + patch), read
// after each key. Tracing slows the page down, so the numbers are for comparing the pages and
// the parts, not a latency.
import { recordTrace, sliceSelfTimes } from './trace.mjs';

const CATEGORIES = ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'blink', 'v8', 'toplevel'];
// Trace events by part of the frame (self time: a parent's share is what its children leave).
const PARTS = [
  ['script and input', /^(FunctionCall|EventDispatch|TimerFire|FireAnimationFrame|FireIdleCallback|RunMicrotasks|EvaluateScript|V8\.|v8\.|MinorGC|MajorGC|BlinkGC|Editor::|TypingCommand|GetSelectionOffsets|InputMethodController)/],
  ['style', /^(UpdateLayoutTree|RecalculateStyles|ScheduleStyleRecalculation|ParseAuthorStyleSheet|Document::(updateStyle|recalcStyle|rebuildLayoutTree)|Blink\.Style)/],
  ['layout', /^(Layout|UpdateLayout|LocalFrameView::performLayout|Blink\.Layout|Blink\.ForcedStyleAndLayout)/],
  ['paint and compositing', /^(PrePaint|Paint|Layerize|Commit|UpdateLayer|CompositeLayers|PaintImage|Blink\.(PrePaint|Paint|CompositingInputs|Composit)|PaintArtifactCompositor|LayerTreeHost::WaitForCommitCompletion)/],
  ['hit tests', /^HitTest$/],
];

/**
 * Types `keys` keys into `page` (its caret already placed) through `typeKey(i)`, which resolves
 * once key i's frame is painted. Resolves to ms per key: {keys, busy, parts: {name: ms},
 * otherTop: the largest events in "other" [{name, ms}], draftmark: render + patch ms, or null on
 * a page without window.draftmark.timings}.
 */
export async function keystrokeBreakdown(page, { keys, typeKey }) {
  const cdp = await page.context().newCDPSession(page);
  let draftmark = 0;
  let timed = 0;
  const events = await recordTrace(cdp, CATEGORIES, async () => {
    for (let i = 0; i < keys; i++) {
      await typeKey(i);
      const t = await page.evaluate(() => window.draftmark?.timings ?? null);
      if (t && typeof t.renderMs === 'number') { draftmark += t.renderMs + t.patchMs; timed++; }
    }
  });
  await cdp.detach();
  const main = events.find((e) => e.ph === 'M' && e.name === 'thread_name' && e.args.name === 'CrRendererMain'
    && events.some((k) => k.pid === e.pid && k.name === 'EventDispatch' && k.args?.data?.type === 'keydown'));
  if (!main) throw new Error('no renderer main thread with keydown events in the trace');
  const slices = events.filter((e) => e.pid === main.pid && e.tid === main.tid && e.ph === 'X' && e.dur > 0);
  const { self, busy } = sliceSelfTimes(slices);
  const parts = Object.fromEntries([...PARTS.map(([name]) => [name, 0]), ['other', 0]]);
  const other = [];
  for (const [name, us] of self) {
    const part = PARTS.find(([, rule]) => rule.test(name))?.[0] ?? 'other';
    parts[part] += us / 1000 / keys;
    if (part === 'other') other.push([name, us / 1000 / keys]);
  }
  const otherTop = other.sort((a, b) => b[1] - a[1]).slice(0, 6).map(([name, ms]) => ({ name, ms }));
  return { keys, busy: busy / 1000 / keys, parts, otherTop, draftmark: timed ? draftmark / keys : null };
}
