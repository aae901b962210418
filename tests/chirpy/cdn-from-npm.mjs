// Answers the CDN requests of a Chirpy page from the npm packages in node_modules (nothing
// outside may load): jsDelivr's /npm/ and /combine/ URLs, and the Google Fonts stylesheet,
// rebuilt from @fontsource's files. Any other outside request is aborted and recorded.
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';

const kFontHost = 'https://fonts.gstatic.com/fontsource/';
// The Google Fonts families Chirpy 5.3's head asks for (css2?family=Lato&family=Source+Sans+Pro:
// wght@400;600;700;900): Lato has only its regular weight there.
const kFontFiles = { lato: ['400'], 'source-sans-pro': ['400', '600', '700', '900'] };

// Requests a post page makes that no npm package answers: aborted, and the test accepts only
// these (any other aborted request fails it).
export const kNotServed = [
  { pattern: /^https:\/\/polyfill\.io\//, reason: 'an ES6 polyfill for old browsers (MathJax posts); Chromium needs none' },
];

const TYPES = { '.css': 'text/css', '.js': 'text/javascript', '.woff2': 'font/woff2', '.woff': 'font/woff',
  '.ttf': 'font/ttf', '.eot': 'application/vnd.ms-fontobject', '.svg': 'image/svg+xml' };

/** The node_modules file for an `npm/name@range/file` jsDelivr path; throws if the range misses. */
function npmFile(root, spec) {
  const match = /^npm\/((?:@[^/]+\/)?[^@/]+)(?:@([^/]+))?\/(.+)$/.exec(spec);
  if (!match) throw new Error(`not a jsDelivr npm path: ${spec}`);
  const [, name, range = '', file] = match;
  const dir = path.join(root, 'node_modules', name);
  const { version } = JSON.parse(readFileSync(path.join(dir, 'package.json'), 'utf8'));
  if (range && version !== range && !version.startsWith(`${range}.`)) {
    throw new Error(`${name}@${range} asked for, node_modules has ${version}`);
  }
  // jsDelivr minifies on the fly: dayjs ships locale/en.js, the page asks for locale/en.min.js
  // (and magnific-popup.min.css for magnific-popup.css).
  const candidates = [file, file.replace(/\.min\.(js|css)$/, '.$1')].map((f) => path.join(dir, f));
  const found = candidates.find((f) => existsSync(f));
  if (!found) throw new Error(`${spec}: no such file in node_modules/${name}`);
  return found;
}

/** The Google Fonts stylesheet: @fontsource's @font-face rules, their files on kFontHost. */
export function fontsCss(root) {
  return Object.entries(kFontFiles).flatMap(([family, weights]) => weights.map((weight) =>
    readFileSync(path.join(root, 'node_modules/@fontsource', family, `${weight}.css`), 'utf8')
      .replaceAll('url(./files/', `url(${kFontHost}${family}/files/`))).join('\n');
}

/** The answer to `url`: {body, contentType}, or null when no package serves it. */
export function cdnAnswer(root, url) {
  const { origin, pathname } = new URL(url);
  if (origin === 'https://cdn.jsdelivr.net') {
    if (pathname.startsWith('/combine/')) {
      const files = pathname.slice('/combine/'.length).split(',').map((spec) => npmFile(root, spec));
      return { body: files.map((f) => readFileSync(f, 'utf8')).join(';\n'), contentType: TYPES[path.extname(files[0])] };
    }
    if (pathname.startsWith('/npm/')) {
      const file = npmFile(root, pathname.slice(1));
      return { body: readFileSync(file), contentType: TYPES[path.extname(file)] ?? 'application/octet-stream' };
    }
  }
  if (url.startsWith('https://fonts.googleapis.com/css2?')) return { body: fontsCss(root), contentType: 'text/css' };
  if (url.startsWith(kFontHost)) {
    const [family, , file] = url.slice(kFontHost.length).split('/');
    const font = path.join(root, 'node_modules/@fontsource', family, 'files', path.basename(file));
    return existsSync(font) ? { body: readFileSync(font), contentType: TYPES[path.extname(font)] } : null;
  }
  return null;
}

/**
 * Routes every request of `context`: `local(url)` ones go through, CDN ones are answered from
 * npm, the rest are aborted. Returns {aborted: [url], failures: [message]} (both stay empty in
 * a passing test; kNotServed requests are aborted without a record).
 */
export async function serveCdnFromNpm(context, { root = process.cwd(), local }) {
  const aborted = [];
  const failures = [];
  await context.route('**/*', (route) => {
    const url = route.request().url();
    if (local(url) || url.startsWith('data:') || url.startsWith('blob:')) return route.fallback();
    if (kNotServed.some(({ pattern }) => pattern.test(url))) return route.abort('blockedbyclient');
    let answer = null;
    try {
      answer = cdnAnswer(root, url);
    } catch (error) {
      failures.push(error.message);
    }
    if (!answer) {
      aborted.push(url);
      return route.abort('blockedbyclient');
    }
    return route.fulfill({ status: 200, body: answer.body, contentType: answer.contentType,
      headers: { 'access-control-allow-origin': '*' } });
  });
  return { aborted, failures };
}
