// A virtual display (Xvfb) for the latency runs, so Chromium runs with a window as a user's does.
//
// Why: headless Chromium does not present a frame whose only change lies in the bottom ~60 px
// of the viewport. Typing on the last visible line — where the caret sits when one types at the
// end of a post — then shows no frame for 0.6–3 s although the page has drawn it: a bare
// <textarea> typed at its end shows it as much as the editor (keydown -> presented 600+ ms,
// every frame dropped), and a page whose caret sits 70 px higher does not. Under Xvfb the same
// runs present every key in one or two frames (bench/frame-drops.mjs, README "Latency").
//
//   const display = await startDisplay();  // {launchOptions, note, close()}
//   chromium.launchPersistentContext(dir, { headless: true, args, ...display.launchOptions })
import { spawn, spawnSync } from 'node:child_process';

const kXvfb = 'Xvfb';

/** Starts Xvfb on a free display number; falls back to headless (with a note) without it. */
export async function startDisplay() {
  if (process.env.BENCH_HEADLESS === '1') return headless('BENCH_HEADLESS=1');
  if (spawnSync(kXvfb, ['-help'], { stdio: 'ignore' }).error) return headless('no Xvfb (apt-get install xvfb)');
  // -displayfd: Xvfb picks a free display and writes its number to fd 3 once it accepts clients.
  const server = spawn(kXvfb, ['-displayfd', '3', '-screen', '0', '1920x1080x24', '-nolisten', 'tcp'],
    { stdio: ['ignore', 'ignore', 'ignore', 'pipe'] });
  const number = await new Promise((resolve, reject) => {
    let text = '';
    server.stdio[3].on('data', (chunk) => {
      text += chunk;
      if (text.includes('\n')) resolve(text.trim());
    });
    server.on('exit', (code) => reject(new Error(`Xvfb exited with ${code}`)));
    setTimeout(() => reject(new Error('Xvfb did not start in 10 s')), 10_000).unref();
  }).catch((error) => { server.kill(); return error; });
  if (number instanceof Error) return headless(number.message);
  return {
    // Playwright's headless flags (hidden scrollbars among them) minus --headless itself: the
    // page is laid out as in the headless tests, only drawn into a window. Xvfb's pointer rests
    // mid-screen, over the preview: the hover hit tests a user's resting pointer costs.
    launchOptions: { env: { ...process.env, DISPLAY: `:${number}` }, ignoreDefaultArgs: ['--headless'] },
    note: `Chromium with a window on a virtual display (Xvfb :${number})`,
    close() { server.kill(); },
  };
}

function headless(why) {
  return { launchOptions: {}, note: `headless Chromium (${why}): keys typed on the viewport's last lines present late`, close() {} };
}
