// Chromium traces for the bench tools (first-preview.mjs, keystroke-profile.mjs): recording one
// over a CDP session, and the two summaries both print — self time per trace event on one
// thread, and JS self time per function from V8's sampling profiler.

/** Records a trace of `categories` while `during()` runs; resolves to its events. */
export async function recordTrace(cdp, categories, during) {
  const events = [];
  cdp.on('Tracing.dataCollected', ({ value }) => events.push(...value));
  const done = new Promise((resolve) => cdp.once('Tracing.tracingComplete', resolve));
  await cdp.send('Tracing.start', { transferMode: 'ReportEvents', traceConfig: { includedCategories: categories } });
  await during();
  await cdp.send('Tracing.end');
  await done;
  return events;
}

/**
 * Complete events (`slices`, one thread's) nested into a tree, so each top-level task is broken
 * down by its children: {self: Map(key -> µs of self time), busy: µs of top-level tasks,
 * cpu: their thread time (what the thread ran, not what it waited for a core)}.
 */
export function sliceSelfTimes(slices, keyOf = (e) => e.name) {
  const sorted = [...slices].sort((a, b) => a.ts - b.ts || b.dur - a.dur);
  const childDur = new Map();
  const stack = [];
  let busy = 0;
  let cpu = 0;
  for (const e of sorted) {
    while (stack.length && stack.at(-1).ts + stack.at(-1).dur <= e.ts) stack.pop();
    const parent = stack.at(-1);
    if (parent) childDur.set(parent, (childDur.get(parent) ?? 0) + Math.min(e.dur, parent.ts + parent.dur - e.ts));
    else { busy += e.dur; cpu += e.tdur ?? 0; }
    stack.push(e);
  }
  const self = new Map();
  for (const e of sorted) self.set(keyOf(e), (self.get(keyOf(e)) ?? 0) + Math.max(0, e.dur - (childDur.get(e) ?? 0)));
  return { self, busy, cpu };
}

/**
 * JS self time per function (name and position; build with DM_NO_MINIFY=1 for names) from the
 * V8 sampling profile of process `pid`, up to `tEnd`: [{name, ms}], the `limit` largest.
 * `skipIdle` leaves out (idle) and (program).
 */
export function profileSelfTimes(events, pid, { tEnd = Infinity, limit = 30, skipIdle = false } = {}) {
  const nodes = new Map();
  const self = new Map();
  for (const profile of events.filter((e) => e.name === 'Profile' && String(e.pid) === String(pid))) {
    let ts = profile.args.data.startTime;
    for (const e of events) {
      if (e.name !== 'ProfileChunk' || e.id !== profile.id || String(e.pid) !== String(pid)) continue;
      const data = e.args.data;
      for (const n of data.cpuProfile?.nodes ?? []) nodes.set(n.id, n);
      const samples = data.cpuProfile?.samples ?? [];
      const deltas = data.timeDeltas ?? [];
      for (let i = 0; i < samples.length; i++) {
        ts += deltas[i] ?? 0;
        if (ts >= tEnd) continue;
        const frame = nodes.get(samples[i])?.callFrame;
        if (!frame || (skipIdle && (frame.functionName === '(idle)' || frame.functionName === '(program)'))) continue;
        const key = `${frame.functionName || '(anonymous)'} ${frame.url ? `${frame.url.split('/').at(-1)}:${frame.lineNumber + 1}` : ''}`;
        self.set(key, (self.get(key) ?? 0) + (samples[i + 1] !== undefined ? deltas[i + 1] ?? 0 : 0));
      }
    }
  }
  return [...self].sort((a, b) => b[1] - a[1]).slice(0, limit).map(([name, us]) => ({ name, ms: us / 1000 }));
}
