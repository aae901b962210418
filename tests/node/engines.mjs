// Renders Markdown with one of our two builds: the native CLI or the wasm module.
// Shared by the spec, differential and parity tests so both builds see identical input.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

export function argValue(name, fallback) {
  const i = process.argv.indexOf(name);
  return i >= 0 ? process.argv[i + 1] : fallback;
}

/** Returns an async-initialised `render(markdown, {mode, sourceLines, unsafe, header}) -> html`. */
export async function makeEngine(kind) {
  if (kind === 'native') {
    const cli = argValue('--cli', path.join(root, 'build/native/draftmark'));
    if (!existsSync(cli)) throw new Error(`native CLI not found at ${cli}`);
    return (markdown, { mode = 'gfm', sourceLines = false, unsafe = false, header = false } = {}) => {
      const args = ['render', '--mode', mode];
      if (!sourceLines) args.push('--no-source-lines');
      if (!header) args.push('--no-header');
      if (unsafe) args.push('--unsafe');
      const r = spawnSync(cli, args, { input: markdown, maxBuffer: 1 << 28 });
      if (r.status !== 0) throw new Error(`draftmark exited ${r.status}: ${r.stderr}`);
      return r.stdout.toString('utf8');
    };
  }
  if (kind === 'wasm') {
    const wasm = argValue('--wasm', path.join(root, 'build/wasm/draftmark.wasm'));
    const dm = await import(path.join(root, 'web/src/lib/draftmark.js'));
    await dm.init({ wasm });
    return (markdown, { mode = 'gfm', sourceLines = false, unsafe = false, header = false } = {}) =>
      dm.render(markdown, { mode, sourceLines, unsafe, header }).html;
  }
  throw new Error(`unknown engine ${kind}`);
}
