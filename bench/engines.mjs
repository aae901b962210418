// The engines under test, each loaded once into this Node process behind one shape:
//   { name, note, load(): Promise<(text: string) => number> }
// where the returned function renders `text` to HTML and returns the HTML's length
// (so no engine can skip work whose result is unused). The native md4c-html limit
// runs in its own process (bench/native/md4c_bench.c) and times itself in-process.

import { spawn } from 'node:child_process';
import { createInterface } from 'node:readline';
import { createRequire } from 'node:module';
import { existsSync, readFileSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const benchDir = dirname(fileURLToPath(import.meta.url));
const repoRoot = resolve(benchDir, '..');
const require = createRequire(join(benchDir, 'package.json'));

/** True when bench/node_modules holds the comparison engines (`npm ci --prefix bench`). */
export function benchDepsInstalled() {
  return existsSync(join(benchDir, 'node_modules/markdown-wasm/package.json'));
}

function draftmarkEngine(name, mode, wasmPath) {
  return {
    name,
    note: `Draftmark wasm, mode ${mode}, defaults (source lines + post header), via web/src/lib/draftmark.js`,
    async load() {
      const draftmark = await import(join(repoRoot, 'web/src/lib/draftmark.js'));
      await draftmark.init({ wasm: readFileSync(wasmPath) });
      // The page HTML comes back as a rope of the block strings; reading a character
      // flattens it, so Draftmark hands back as finished a string as the other engines.
      return (text) => {
        const { html } = draftmark.render(text, { mode });
        return html.charCodeAt(html.length >> 1) > 0 ? html.length : 0;
      };
    },
  };
}

// markdown-wasm and md4w embed md4c too: give them the flags of Draftmark's gfm mode
// (md4c's GitHub dialect + LaTeX math spans), so all md4c engines parse the same syntax.
const markdownWasm = {
  name: 'markdown-wasm',
  note: 'markdown-wasm (md4c in wasm), GitHub dialect + math',
  async load() {
    const md = require('markdown-wasm/dist/markdown.node.js');
    await md.ready;
    const f = md.ParseFlags;
    const parseFlags = f.PERMISSIVE_URL_AUTO_LINKS | f.PERMISSIVE_EMAIL_AUTO_LINKS | f.PERMISSIVE_WWW_AUTOLINKS |
      f.TABLES | f.STRIKETHROUGH | f.TASK_LISTS | f.LATEX_MATH_SPANS;
    return (text) => md.parse(text, { parseFlags }).length;
  },
};

const md4w = {
  name: 'md4w',
  note: 'md4w (md4c + Zig in wasm, the "fast" build), GitHub dialect + math',
  async load() {
    const m = await import('md4w');
    await m.init('fast');
    const parseFlags = ['PERMISSIVE_URL_AUTO_LINKS', 'PERMISSIVE_EMAIL_AUTO_LINKS', 'PERMISSIVE_WWW_AUTO_LINKS',
      'TABLES', 'STRIKETHROUGH', 'TASKLISTS', 'LATEX_MATH_SPANS'];
    return (text) => m.mdToHtml(text, { parseFlags }).length;
  },
};

const markdownIt = {
  name: 'markdown-it',
  note: 'markdown-it, default preset + linkify (pure JS)',
  async load() {
    const MarkdownIt = require('markdown-it');
    const md = new MarkdownIt({ html: true, linkify: true });
    return (text) => md.render(text).length;
  },
};

const marked = {
  name: 'marked',
  note: 'marked, gfm (pure JS)',
  async load() {
    const { Marked } = await import('marked');
    const instance = new Marked({ gfm: true });
    return (text) => instance.parse(text).length;
  },
};

const commonmark = {
  name: 'commonmark.js',
  note: 'commonmark.js, the reference JS implementation (no GFM)',
  async load() {
    const { Parser, HtmlRenderer } = require('commonmark');
    const parser = new Parser();
    const renderer = new HtmlRenderer();
    return (text) => renderer.render(parser.parse(text)).length;
  },
};

/**
 * The native md4c-html limit: a long-lived child process answering timing requests.
 * @param {string} binary path of the built bench/native/md4c_bench.c
 */
export function startNativeEngine(binary) {
  const child = spawn(binary, [], { stdio: ['pipe', 'pipe', 'inherit'] });
  const lines = createInterface({ input: child.stdout });
  const waiting = [];
  lines.on('line', (line) => waiting.shift()?.resolve(line));
  child.on('exit', (code) => {
    for (const w of waiting.splice(0)) w.reject(new Error(`md4c_bench exited (${code})`));
  });
  return {
    name: 'md4c native',
    note: 'md4c-html 0.5.3 built with cc -O2 from the pinned sources, timed in-process',
    /** Renders `path` in batches of `batch` for about `ms` milliseconds; resolves to ms/doc per batch. */
    measure(path, batch, ms) {
      return new Promise((resolvePromise, reject) => {
        waiting.push({
          resolve(line) {
            const answer = JSON.parse(line);
            if (answer.error) reject(new Error(`md4c_bench: ${answer.error}`));
            else resolvePromise(answer);
          },
          reject,
        });
        child.stdin.write(`${batch} ${ms} ${path}\n`);
      });
    },
    stop() {
      child.stdin.end();
    },
  };
}

/**
 * The in-process engines, in report order.
 * @param {{wasm: string, withBenchDeps: boolean}} options
 */
export function jsEngines({ wasm, withBenchDeps }) {
  const engines = [draftmarkEngine('draftmark gfm', 'gfm', wasm), draftmarkEngine('draftmark jekyll', 'jekyll', wasm)];
  if (withBenchDeps) engines.push(markdownWasm, md4w, markdownIt, marked, commonmark);
  return engines;
}
