// The editor latency part of the benchmark alone, for trying a change quickly:
//   node bench/editor-only.mjs [keystrokes]   (default 60; bench/run.sh runs 200)
//   BENCH_PAGES=draftmark,codemirror-alone BENCH_DOCS=blog-1m node bench/editor-only.mjs   (some only)
//   BENCH_EDITOR_DIST=build/dist-old node bench/editor-only.mjs   (another build of dist/)
// Prints keydown -> rendered frame and Event Timing's keydown -> presented, per page, document
// and place (the baseline types 5 keys on the 1 MB document). Needs dist/ and bench/node_modules.
process.env.BENCH_KEYSTROKES ??= process.argv[2] ?? '60';
process.env.BENCH_BASELINE_LARGE_KEYSTROKES ??= '5';
const { buildCorpora } = await import('./corpus.mjs');
const { measureEditorLatency } = await import('./editor-latency.mjs');
const result = await measureEditorLatency({ corpora: buildCorpora(), wasm: 'build/wasm/draftmark.wasm', withBenchDeps: true, log: console.log });
if (result.skipped) console.log(`skipped: ${result.skipped}`);
for (const b of result.breakdown ?? []) console.log(`  breakdown ${b.page} ${b.doc} ${b.where}: busy ${b.busy.toFixed(1)} ms/key; ${Object.entries(b.parts).map(([k, v]) => `${k} ${v.toFixed(1)}`).join(', ')}; Draftmark render + patch ${b.draftmark?.toFixed(1) ?? '–'}; other: ${b.otherTop.map((o) => `${o.name} ${o.ms.toFixed(1)}`).join(', ')}`);
