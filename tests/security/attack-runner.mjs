// Runs one attack document on one surface the way a reader would meet it: render, then do what
// the payload waits for (manifest trigger: load, click, hover), give async payloads a moment,
// and list every sign that something ran or reached out.
import { dispatchToAll, inspectPreview, markTargets, resetTripwire, targetCentre } from './in-page-harness.mjs';

// What a reader clicks: links, controls, media, foreign content, and IAL targets (class "probe").
const CLICK_TARGETS = 'a, area, button, input, select, textarea, label, summary, details, img, video, audio, ' +
  'svg, math, [href], [class~="probe"]';
const MAX_REAL_CLICKS = 60;
const MAX_REAL_HOVERS = 150;
const SETTLE_MS = 120;  // img onerror, media errors, toggle events and animations start by then

/** Watches the context for pages a surface opened (popups): each is a problem, then closed. */
export function watchPopups(context) {
  const popups = [];
  context.on('page', async (page) => {
    if (!(await page.opener())) return;  // a page the suite opened itself
    popups.push(page.url() || 'about:blank');
    page.on('dialog', (d) => { popups.push(`dialog in it: ${d.message()}`); d.dismiss().catch(() => {}); });
    await page.waitForTimeout(50);
    await page.close().catch(() => {});
  });
  return popups;
}

async function realPointer(surface, selector, limit, act) {
  const { page, spec } = surface;
  const count = await page.evaluate(markTargets, { spec, selector, limit });
  for (let i = 0; i < count; i++) {
    const centre = await page.evaluate(targetCentre, i).catch(() => null);
    if (centre) await act(page, centre).catch(() => {});
  }
}

async function trigger(surface, how) {
  const { page, spec } = surface;
  // Every element gets focus, hover and click events, hidden ones too (cheap, and catches a payload on
  // an element a real pointer cannot reach); the real pointer then does what the manifest asks.
  await page.evaluate(dispatchToAll, { spec, types: ['focus', 'pointerover', 'pointerenter', 'mouseover', 'mouseenter', 'mousemove'] });
  if (how === 'hover') {
    await realPointer(surface, '*', MAX_REAL_HOVERS, (p, { x, y }) => p.mouse.move(x, y));
  }
  await page.evaluate(dispatchToAll, { spec, types: ['click'] }).catch(() => {});
  if (how === 'click') {
    await realPointer(surface, CLICK_TARGETS, MAX_REAL_CLICKS, (p, { x, y }) => p.mouse.click(x, y));
  }
}

async function tripwires(page) {
  const seen = [];
  for (const frame of page.frames()) {
    const state = await frame.evaluate(() => ({ xss: window.__xss, harness: window.__harness ?? null }))
      .catch(() => null);
    if (!state) continue;  // a frame that went away while we asked
    const where = frame === page.mainFrame() ? 'page' : `frame ${frame.url().slice(0, 80)}`;
    if (frame === page.mainFrame() ? state.xss !== false : state.xss === true) seen.push(`${where}: window.__xss = ${state.xss}`);
    for (const link of state.harness?.links ?? []) if (link.dangerous) seen.push(`${where}: followed a link to ${link.href}`);
    for (const form of state.harness?.forms ?? []) if (form.dangerous) seen.push(`${where}: submitted a form to ${form.action}`);
  }
  return seen;
}

// How long a control waits for the signs it must see: on a loaded machine a javascript: link
// clicked while an onerror alert is still up runs only after the dialog is dismissed. The wait
// ends as soon as they are seen, so only a broken harness pays it all; 5 s was once too short
// with the machine's two cores busy with builds (load average 8).
const CONTROL_WAIT_MS = 30_000;

/**
 * Renders `text` on `surface` and triggers it. Returns {problems: [sentences], probe: bool|null,
 * empty: bool}; `popups` is the list watchPopups() keeps; `put` replaces the usual way in
 * (surface.setText) for the controls, and `expected` (regexps) makes it wait, up to
 * CONTROL_WAIT_MS, until a problem matches each — for the controls, which must see them.
 */
export async function runAttack(surface, attack, text, popups, put = (s, t) => s.setText(t), expected = []) {
  if (!(await surface.alive())) await surface.open();
  const { page, spec } = surface;
  const start = { dialogs: surface.dialogs.length, stray: surface.stray.length, nav: surface.navigations.length, popups: popups.length };
  // A payload of the previous document that fired after its settle time still counts (not on a
  // page just reopened: the editor restores its saved draft, the previous document, already reported).
  const late = surface.fresh ? [] : await tripwires(page);
  const problems = late.map((p) => `late, from the previous document: ${p}`);
  surface.fresh = false;
  await Promise.all(page.frames().map((f) => f.evaluate(resetTripwire).catch(() => {})));
  let rendered = null;
  try {
    await put(surface, text);
    rendered = await page.evaluate(inspectPreview, { spec, forbidIds: attack.forbidIds ?? [] });
    problems.push(...rendered.latent.map((p) => `left in the preview: ${p}`));
    await trigger(surface, attack.trigger);
    await page.waitForTimeout(SETTLE_MS);
  } catch (error) {
    problems.push(`the surface broke: ${error.message.split('\n')[0]}`);
  }
  const signs = async () => [
    ...await tripwires(page),
    ...surface.dialogs.slice(start.dialogs).map((d) => `dialog opened: ${d}`),
    ...surface.stray.slice(start.stray).map((u) => `request outside the page's origin: ${u}`),
    ...surface.navigations.slice(start.nav).map((u) => `the page navigated to ${u}`),
    ...popups.slice(start.popups).map((p) => `a new window opened: ${p}`),
  ];
  let seen = await signs();
  const missing = () => expected.some((sign) => !seen.some((p) => sign.test(p)));
  for (const deadline = Date.now() + CONTROL_WAIT_MS; missing() && Date.now() < deadline;) {
    await page.waitForTimeout(50);
    seen = await signs();
  }
  problems.push(...seen);
  if (problems.length) await surface.open();  // a clean page for the next document
  return {
    problems,
    probe: attack.probe && rendered ? new RegExp(attack.probe).test(rendered.html) : null,
    empty: !rendered || rendered.html.trim() === '',
  };
}
