// Shared by parity.test.mjs and real-posts.test.mjs: kramdown run as Jekyll runs it, the
// front-matter facts the normalisation needs, top-level blocks of normalised HTML and the
// runs of blocks that differ.
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const here = path.dirname(fileURLToPath(import.meta.url));

export function frontMatterOf(source) {
  const m = /^\uFEFF?---[ \t]*\n([\s\S]*?\n)?(?:---|\.\.\.)[ \t]*$/m.exec(source);
  const yaml = m && m.index === 0 ? (m[1] ?? '') : '';
  const subpath = /^(?:media_subpath|img_path):[ \t]*["']?([^"'\n]*?)["']?[ \t]*$/m.exec(yaml);
  return { mediaSubpath: subpath ? subpath[1] : '', math: /^math:[ \t]*true[ \t]*$/m.test(yaml) };
}

export function renderWithKramdown(sources) {
  const r = spawnSync('ruby', [path.join(here, 'render-kramdown.rb')], {
    input: JSON.stringify(sources), maxBuffer: 1 << 26, encoding: 'utf8',
  });
  if (r.error || r.status !== 0) {
    console.error(`kramdown could not run (ruby-kramdown and ruby-kramdown-parser-gfm are installed by ` +
                  `scripts/setup.sh): ${r.error ?? r.stderr}`);
    process.exit(1);
  }
  return JSON.parse(r.stdout);
}

// Top-level blocks of normalised HTML: block elements and the text between them. Only block
// tags count for nesting, so a stray inline tag (`<tight>` from `<<tight>>`) cannot swallow
// the rest of the document.
const TOKEN = /<\/?[A-Za-z][^>]*>|[^<]+|</g;
const BLOCK = new Set(('address article aside blockquote dd details div dl dt figcaption figure footer ' +
  'h1 h2 h3 h4 h5 h6 header li main nav ol p pre section table tbody td tfoot th thead tr ul').split(' '));
export function topLevelBlocks(html) {
  const blocks = [];
  let current = '';
  let depth = 0;
  const flush = () => {
    if (current.trim()) blocks.push(current.trim());
    current = '';
  };
  for (const token of html.match(TOKEN) ?? []) {
    const name = /^<\/?([A-Za-z][A-Za-z0-9-]*)/.exec(token)?.[1].toLowerCase();
    const isBlock = name !== undefined && (BLOCK.has(name) || name === 'hr');
    if (isBlock && depth === 0 && !token.startsWith('</')) flush();
    current += token;
    if (!isBlock || name === 'hr') {
      if (name === 'hr' && depth === 0) flush();
      continue;
    }
    depth += token.startsWith('</') ? -1 : 1;
    if (depth <= 0) {
      depth = 0;
      flush();
    }
  }
  flush();
  return blocks;
}

// Runs of blocks that differ, from a longest-common-subsequence alignment.
export function differingHunks(a, b) {
  const n = a.length, m = b.length;
  const lcs = Array.from({ length: n + 1 }, () => new Uint32Array(m + 1));
  for (let i = n - 1; i >= 0; i--) {
    for (let j = m - 1; j >= 0; j--) {
      lcs[i][j] = a[i] === b[j] ? lcs[i + 1][j + 1] + 1 : Math.max(lcs[i + 1][j], lcs[i][j + 1]);
    }
  }
  const hunks = [];
  let hunk = null;
  let i = 0, j = 0;
  while (i < n || j < m) {
    if (i < n && j < m && a[i] === b[j]) {
      hunk = null;
      i++; j++;
      continue;
    }
    if (!hunk) hunks.push(hunk = { kramdown: [], draftmark: [] });
    if (j >= m || (i < n && lcs[i + 1][j] >= lcs[i][j + 1])) hunk.kramdown.push(a[i++]);
    else hunk.draftmark.push(b[j++]);
  }
  return { hunks, same: lcs[0][0] };
}
