// Launches Debian's Chromium through playwright-core with the project's fixed flags and a fresh
// profile per launch, and counts every request a context attempts beyond the allowed ones.
import { mkdtempSync, rmSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { chromium } from 'playwright-core';

const FLAGS = ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync'];

/**
 * A persistent context on a fresh user-data-dir; `close()` removes the profile. Headless unless
 * `display` (bench/display.mjs) gives a window server, as the latency benchmarks do.
 */
export async function launchChromium({ display } = {}) {
  const profile = mkdtempSync(path.join(os.tmpdir(), 'draftmark-chromium-'));
  const context = await chromium.launchPersistentContext(profile, {
    executablePath: process.env.CHROMIUM_PATH || '/usr/bin/chromium',
    headless: true, args: FLAGS,  // playwright adds --user-data-dir=profile and its pipe flag
    ...display?.launchOptions,
  });
  return {
    context,
    async close() {
      await context.close();
      rmSync(profile, { recursive: true, force: true });
    },
  };
}

/**
 * Aborts every request whose URL `allowed(url)` rejects and records it. Returns the list of
 * blocked URLs (a test asserts it stays empty).
 */
export async function blockRequests(context, allowed) {
  const blocked = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (allowed(url)) return route.continue();
    blocked.push(url);
    return route.abort('blockedbyclient');
  });
  return blocked;
}

/** Records console errors and uncaught page errors, for tests that want a clean console. */
export function collectErrors(page) {
  const errors = [];
  page.on('console', (m) => { if (m.type() === 'error') errors.push(m.text()); });
  page.on('pageerror', (e) => errors.push(String(e)));
  return errors;
}
