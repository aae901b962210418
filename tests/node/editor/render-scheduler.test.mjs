// The render scheduler's slow-document rule in Node (no browser: rAF is stubbed and renders are
// fakes that report a cost): which renders make the keystrokes after them wait for a pause.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { RenderScheduler } from '../../../web/src/editor/render-scheduler.js';

globalThis.requestAnimationFrame ??= (run) => setTimeout(run, 16);
globalThis.cancelAnimationFrame ??= (handle) => clearTimeout(handle);

// A scheduler whose next render reports `next` ({renderMs, edit}); `log` records renders and stale marks.
function makeScheduler() {
  const log = [];
  let next = { renderMs: 1, edit: true };
  const scheduler = new RenderScheduler({
    render: () => { log.push('render'); return { ...next, patchMs: 0, bytes: 0, incremental: next.edit }; },
    onStale: () => log.push('stale'),
  });
  scheduler.slowRenderMs = 150;
  scheduler.start();
  return { scheduler, log, costs: (timings) => { next = timings; } };
}

// One keystroke after a render that cost `timings`: rendered at once (in a microtask) or held back.
async function keystrokeAfter(timings) {
  const { scheduler, log, costs } = makeScheduler();
  costs(timings);
  scheduler.changed();  // the render measured as `timings`
  await new Promise((resolve) => setTimeout(resolve, 300));  // its frame ends
  log.length = 0;
  costs({ renderMs: 1, edit: true });
  scheduler.changed();
  await Promise.resolve();
  const outcome = log.join(' ');
  await new Promise((resolve) => setTimeout(resolve, 1100));  // a held-back render runs
  return outcome;
}

test('an edit render above slowRenderMs makes the next keystroke wait for a typing pause', async () => {
  assert.equal(await keystrokeAfter({ renderMs: 200, edit: true }), 'stale');
});

test('a whole render above slowRenderMs does not (a new document\'s render holds one-off costs)', async () => {
  assert.equal(await keystrokeAfter({ renderMs: 220, edit: false }), 'render');
});

test('a whole render slow beyond doubt (4x slowRenderMs) does', async () => {
  assert.equal(await keystrokeAfter({ renderMs: 700, edit: false }), 'stale');
});

test('fast renders of either kind render the next keystroke at once', async () => {
  assert.equal(await keystrokeAfter({ renderMs: 2, edit: true }), 'render');
  assert.equal(await keystrokeAfter({ renderMs: 60, edit: false }), 'render');
});
