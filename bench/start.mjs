// What starting the module costs in Node: `import` + `init()` in fresh processes
// (bench/import-time.mjs) and the gzip size of the JS that `import { init, render }` loads
// (scripts/sizes.mjs, the first row). Needs dist/.
import { execFileSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { measureSizes } from '../scripts/sizes.mjs';

const repoRoot = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** {runs, importInitMs, importMs, initMs, entryGzip, load} */
export function measureStart({ runs = 10 } = {}) {
  const timing = JSON.parse(execFileSync(process.execPath, [path.join(repoRoot, 'bench/import-time.mjs'), '--runs', String(runs), '--json'],
    { cwd: repoRoot, encoding: 'utf8' }));
  const entry = measureSizes(repoRoot)[0];
  return { runs, importInitMs: timing.totalMs, importMs: timing.importMs, initMs: timing.initMs, load: timing.load, entryGzip: entry.gzip };
}
