// Turns a run's results into latest.md (tables) and ratios-vs-native.svg (bar chart).

import { writeFileSync } from 'node:fs';
import { join } from 'node:path';

const fmt = (value, digits = 2) => (value === null || value === undefined ? '–' : value.toFixed(digits));
const kb = (bytes) => `${(bytes / 1000).toFixed(1)} KB`;

function engineOrder(results) {
  return results.settings.engines.map((e) => e.name);
}

function matrix(results) {
  const corpora = results.corpora.map((c) => c.name);
  const lines = [`| engine | ${corpora.map((c) => `${c} ms (× native, × markdown-wasm)`).join(' | ')} |`,
    `|---|${corpora.map(() => '---:').join('|')}|`];
  for (const engine of engineOrder(results)) {
    const row = corpora.map((corpus) => {
      const c = results.throughput.find((x) => x.corpus === corpus && x.engine === engine);
      return c ? `${fmt(c.msPerDoc, 3)} (${fmt(c.vsNative)}×, ${fmt(c.vsMarkdownWasm)}×)` : '–';
    });
    lines.push(`| ${engine} | ${row.join(' | ')} |`);
  }
  return lines.join('\n');
}

function detailTable(results) {
  const lines = ['| corpus | engine | ms/doc | MB/s | × native | × markdown-wasm | samples |', '|---|---|---:|---:|---:|---:|---:|'];
  for (const c of results.throughput) {
    lines.push(`| ${c.corpus} | ${c.engine} | ${fmt(c.msPerDoc, 3)} | ${fmt(c.mbPerS, 1)} | ${fmt(c.vsNative)} | ${fmt(c.vsMarkdownWasm)} | ${c.samples} |`);
  }
  return lines.join('\n');
}

function sizeTable(results) {
  const lines = ['| module | raw | gzip -9 | code | data |', '|---|---:|---:|---:|---:|'];
  for (const [name, s] of Object.entries(results.sizes.modules)) {
    lines.push(`| ${name} | ${kb(s.raw)} | ${kb(s.gzip)} | ${kb(s.sections.code ?? 0)} | ${kb(s.sections.data ?? 0)} |`);
  }
  const parts = results.sizes.draftmarkParts;
  if (parts) {
    lines.push('', '| Draftmark part | functions | raw | gzip -9 (alone) |', '|---|---:|---:|---:|');
    for (const [name, p] of Object.entries(parts)) lines.push(`| ${name} | ${p.functions || '–'} | ${kb(p.raw)} | ${kb(p.gzip)} |`);
  }
  return lines.join('\n');
}

function editorTable(results) {
  const editor = results.editor;
  if (!editor?.runs?.length) return `Editor latency: skipped — ${editor?.skipped ?? 'not measured'}.`;
  // "presented": Event Timing's keydown duration (to the next frame presented, paint included;
  // reported from 16 ms up in 8 ms steps, so "16" means "16 or less").
  const lines = ['| page | document | typed at | keystrokes | p50 ms | p95 ms | max ms | presented p50 / p95 / max ms |',
    '|---|---|---|---:|---:|---:|---:|---:|'];
  for (const r of editor.runs) {
    const presented = r.presented ? `${r.presented.p50} / ${r.presented.p95} / ${r.presented.max}` : '–';
    lines.push(`| ${r.page} | ${r.doc} | ${r.where} | ${r.keystrokes} | ${fmt(r.p50, 1)} | ${fmt(r.p95, 1)} | ${fmt(r.max, 1)} | ${presented} |`);
  }
  if (editor.display) lines.push('', `Browser: ${editor.display}.`);
  if (editor.floor) {
    lines.push('', `Presentation floor, same browser: a bare \`<textarea>\` typed into the same way shows keydown -> presented ` +
      `p50 ${editor.floor.p50} / p95 ${editor.floor.p95} / max ${editor.floor.max} ms (${editor.floor.keystrokes} keys; ` +
      `${editor.floor.under16} under 16 ms, counted as 16): what Chromium's frame pipeline alone costs here.`);
  }
  if (editor.firstPreviewMs !== undefined) {
    const measured = editor.firstPreviewMinMs === undefined ? `${fmt(editor.firstPreviewMs, 0)} ms`
      : `median ${fmt(editor.firstPreviewMs, 0)} ms, min ${fmt(editor.firstPreviewMinMs, 0)} ms (painted: median ` +
        `${fmt(editor.firstPreviewPaintedMs, 0)} ms), ${editor.firstPreviewLoads} cold loads from file://`;
    lines.push('', `Time to first preview of dist/draftmark.html: ${editor.firstPreviewMs === null ? `not measured (${editor.firstPreviewSkipped})` : measured}.`);
  }
  if (editor.breakdown?.length) lines.push('', ...breakdownTable(editor.breakdown));
  if (editor.notes?.length) lines.push('', ...editor.notes.map((n) => `- ${n}`));
  return lines.join('\n');
}

// Where a key's main-thread time goes (keystroke-breakdown.mjs): ms per key, traced.
function breakdownTable(rows) {
  const parts = Object.keys(rows[0].parts);
  const lines = [`Where a keystroke's main-thread time goes, ms per key (${rows[0].keys} keys typed with Chromium's ` +
    'tracing on, which slows the page: for comparing the parts and the pages, not a latency):', '',
    `| page | document | typed at | busy | ${parts.join(' | ')} | of the script: Draftmark's render + patch |`,
    `|---|---|---|---:|${parts.map(() => '---:').join('|')}|---:|`];
  for (const r of rows) {
    lines.push(`| ${r.page} | ${r.doc} | ${r.where} | ${fmt(r.busy, 1)} | ${parts.map((p) => fmt(r.parts[p], 1)).join(' | ')} | ` +
      `${r.draftmark === null ? '–' : fmt(r.draftmark, 1)} |`);
  }
  return lines;
}

function targetList(results) {
  return results.targets.map((t) => `- ${t.met === null ? 'not measured' : t.met ? '**met**' : '**missed**'} — ${t.name}: ${t.detail}`).join('\n');
}

/** The Markdown report: machine, throughput matrix, sizes, editor latency, targets, details. */
export function markdownReport(results) {
  const m = results.machine;
  return `# Draftmark benchmark — ${results.date.slice(0, 10)}

Machine: ${m.cpu}, ${m.cores} cores, ${m.memoryGiB} GiB, ${m.os}, Node ${m.node}${m.chromium ? `, Chromium ${m.chromium}` : ''}.
Median of ≥ ${results.settings.rounds} interleaved rounds, ${results.settings.cellMs} ms per engine and corpus${results.settings.smoke ? ' (smoke run: tiny corpora, numbers meaningless)' : ''}.
${(results.notes ?? []).map((n) => `\n${n}\n`).join('')}
## Throughput (ms per document; ratios to native md4c-html and to markdown-wasm, same run)

${matrix(results)}

Corpora: ${results.corpora.map((c) => `${c.name} = ${c.description} (${kb(c.bytes)})`).join('; ')}.

## Wasm size

${sizeTable(results)}

## Editor latency (keystroke → preview painted, Chromium)

${editorTable(results)}

## Targets

${targetList(results)}

## All cells

${detailTable(results)}
`;
}

const COLORS = ['#2563eb', '#60a5fa', '#f97316', '#fb923c', '#16a34a', '#a855f7', '#dc2626', '#6b7280'];

/** Horizontal bars of time relative to native md4c-html, per corpus, on a log scale. */
export function ratioChart(results) {
  const engines = engineOrder(results).filter((e) => results.throughput.some((c) => c.engine === e && c.vsNative));
  const corpora = results.corpora.map((c) => c.name);
  const ratios = results.throughput.filter((c) => c.vsNative).map((c) => c.vsNative);
  const maxRatio = Math.max(2, ...ratios);
  const width = 760;
  const left = 150;
  const right = 60;
  const barH = 12;
  const groupGap = 18;
  const top = 40;
  const legendH = 20 * Math.ceil(engines.length / 4);
  const plotW = width - left - right;
  const x = (ratio) => left + (Math.log10(Math.max(ratio, 1)) / Math.log10(maxRatio)) * plotW;
  const groupH = engines.length * barH + groupGap;
  const height = top + corpora.length * groupH + 30 + legendH;
  const out = [`<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" viewBox="0 0 ${width} ${height}" font-family="sans-serif" font-size="11">`,
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${left}" y="18" font-size="13" font-weight="bold">Time per document relative to native md4c-html (1× = native; log scale; lower is better)</text>`];
  for (const tick of [1, 2, 5, 10, 20, 50, 100, 200].filter((t) => t <= maxRatio)) {
    out.push(`<line x1="${x(tick)}" y1="${top - 6}" x2="${x(tick)}" y2="${top + corpora.length * groupH - groupGap}" stroke="#ddd"/>`,
      `<text x="${x(tick)}" y="${top - 9}" text-anchor="middle" fill="#555">${tick}×</text>`);
  }
  corpora.forEach((corpus, g) => {
    const y0 = top + g * groupH;
    out.push(`<text x="${left - 8}" y="${y0 + (engines.length * barH) / 2 + 4}" text-anchor="end" font-weight="bold">${corpus}</text>`);
    engines.forEach((engine, i) => {
      const cell = results.throughput.find((c) => c.corpus === corpus && c.engine === engine);
      if (!cell?.vsNative) return;
      const y = y0 + i * barH;
      const w = Math.max(1, x(cell.vsNative) - left);
      out.push(`<rect x="${left}" y="${y}" width="${w.toFixed(1)}" height="${barH - 2}" fill="${COLORS[i % COLORS.length]}"><title>${engine} on ${corpus}: ${cell.vsNative.toFixed(2)}× native</title></rect>`,
        `<text x="${(left + w + 4).toFixed(1)}" y="${y + barH - 3}" fill="#333" font-size="9">${cell.vsNative.toFixed(1)}×</text>`);
    });
  });
  const legendTop = top + corpora.length * groupH + 10;
  engines.forEach((engine, i) => {
    const lx = left + (i % 4) * 150;
    const ly = legendTop + Math.floor(i / 4) * 20;
    out.push(`<rect x="${lx}" y="${ly}" width="12" height="10" fill="${COLORS[i % COLORS.length]}"/>`,
      `<text x="${lx + 16}" y="${ly + 9}">${engine}</text>`);
  });
  out.push('</svg>');
  return `${out.join('\n')}\n`;
}

/** Writes latest.md and ratios-vs-native.svg next to latest.json; returns their names. */
export function writeReports(results, outDir) {
  writeFileSync(join(outDir, 'latest.md'), markdownReport(results));
  writeFileSync(join(outDir, 'ratios-vs-native.svg'), ratioChart(results));
  return ['latest.md', 'ratios-vs-native.svg'];
}
