// The targets of the performance issue, checked against one run's results. A target is
// met: true/false, or null when this run could not measure it (and `detail` says why).

// Size target in bytes of gzip -9 output (KB = 1000 bytes, as markdown-wasm's "26 KB" is 25,999 bytes).
const kMaxWasmGzipBytes = 60_000;
const kMaxGfmVsMarkdownWasm = 0.8;
const kMaxJekyllVsMarkdownWasm = 1.0;
const kMaxSeedP95Ms = 8;
const kMaxLargeP95Ms = 50;
const kMinLargeSpeedupVsBaseline = 5;

function ratioTarget(results, engine, limit) {
  const cells = results.throughput.filter((c) => c.engine === engine);
  if (!cells.length || cells.some((c) => c.vsMarkdownWasm === null)) {
    return { met: null, detail: 'markdown-wasm not measured in this run' };
  }
  const worst = cells.reduce((a, b) => (b.vsMarkdownWasm > a.vsMarkdownWasm ? b : a));
  const list = cells.map((c) => `${c.corpus} ${c.vsMarkdownWasm.toFixed(2)}x`).join(', ');
  return { met: cells.every((c) => c.vsMarkdownWasm <= limit), detail: `worst ${worst.vsMarkdownWasm.toFixed(2)}x on ${worst.corpus} (limit ${limit}x); ${list}` };
}

function latency(results, page, doc, where) {
  return results.editor?.runs?.find((r) => r.page === page && r.doc === doc && r.where === where) ?? null;
}

// The real editor when it could be measured, else the stand-in page (renderInto behind a textarea).
function draftmarkLatency(results, doc, where) {
  const run = latency(results, 'draftmark', doc, where) ?? latency(results, 'draftmark-preview', doc, where);
  return run && { ...run, label: run.page === 'draftmark' ? 'editor' : 'stand-in page (renderInto + textarea)' };
}

function editorTargets(results) {
  const skipped = results.editor?.skipped;
  const out = [];
  for (const where of ['end', 'middle']) {
    const seed = draftmarkLatency(results, 'seed', where);
    out.push({ name: `editor: seed post p95 at the ${where} <= ${kMaxSeedP95Ms} ms`,
      ...(seed ? { met: seed.p95 <= kMaxSeedP95Ms, detail: `${seed.label}: p95 ${seed.p95.toFixed(1)} ms (p50 ${seed.p50.toFixed(1)} ms)` }
        : { met: null, detail: skipped ?? (results.editor?.notes?.join('; ') || 'not measured') }) });
    const large = draftmarkLatency(results, 'blog-1m', where);
    const base = latency(results, 'baseline', 'blog-1m', where);
    out.push({ name: `editor: 1 MB document p95 at the ${where} <= ${kMaxLargeP95Ms} ms and >= ${kMinLargeSpeedupVsBaseline}x below the baseline`,
      ...(large && base
        ? { met: large.p95 <= kMaxLargeP95Ms && base.p95 / large.p95 >= kMinLargeSpeedupVsBaseline,
          detail: `${large.label}: p95 ${large.p95.toFixed(1)} ms vs baseline ${base.p95.toFixed(1)} ms (${(base.p95 / large.p95).toFixed(1)}x)` }
        : { met: null, detail: skipped ?? (results.editor?.notes?.join('; ') || 'not measured') }) });
  }
  return out;
}

/** @returns {{name: string, met: boolean|null, detail: string}[]} */
export function checkTargets(results) {
  const gzip = results.sizes.modules.draftmark.gzip;
  const parts = results.sizes.draftmarkParts;
  const yamlIn = parts ? Boolean(parts['code: libyaml']) : null;
  return [
    { name: `gfm mode <= ${kMaxGfmVsMarkdownWasm}x markdown-wasm's time on every corpus`, ...ratioTarget(results, 'draftmark gfm', kMaxGfmVsMarkdownWasm) },
    { name: `jekyll mode <= ${kMaxJekyllVsMarkdownWasm}x markdown-wasm's time on every corpus`, ...ratioTarget(results, 'draftmark jekyll', kMaxJekyllVsMarkdownWasm) },
    { name: `wasm <= ${kMaxWasmGzipBytes / 1000} KB gzip -9 (with libyaml)`, met: gzip <= kMaxWasmGzipBytes,
      detail: `${(gzip / 1000).toFixed(1)} KB gzip, ${(results.sizes.modules.draftmark.raw / 1000).toFixed(1)} KB raw; libyaml ${yamlIn === null ? 'unknown' : yamlIn ? 'linked' : 'NOT linked yet'}` },
    ...editorTargets(results),
  ];
}
