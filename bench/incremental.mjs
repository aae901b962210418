// The core's keystroke against its full render on the long documents: runs the native
// tests/incremental/incremental_timer (built by scripts/build.sh) and reads its summary line.
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const timer = path.join(repoRoot, 'build/native/tests/incremental_timer');
const kSummary = /full render ([\d.]+) ms .*keystroke median ([\d.]+) ms, p95 ([\d.]+) ms; (\d+\/\d+) incremental/;

/** [{doc, mode, fullMs, keystrokeMs, keystrokeP95Ms, speedup, incrementalShare}], or [] without the timer. */
export function measureIncremental(documents, modes = ['jekyll', 'gfm']) {
  if (!existsSync(timer)) return [];
  const out = [];
  for (const { name, path: file } of documents) {
    for (const mode of modes) {
      const text = execFileSync(timer, ['--mode', mode, file], { encoding: 'utf8' });
      const m = text.match(kSummary);
      if (!m) throw new Error(`incremental_timer said: ${text}`);
      const [fullMs, keystrokeMs, keystrokeP95Ms] = [Number(m[1]), Number(m[2]), Number(m[3])];
      out.push({ doc: name, mode, fullMs, keystrokeMs, keystrokeP95Ms, speedup: fullMs / keystrokeMs, incrementalShare: m[4] });
    }
  }
  return out;
}
