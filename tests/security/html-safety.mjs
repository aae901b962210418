// Finds unsafe things in HTML the C++ renderer produced from Markdown: script-capable
// URLs, event handlers and other dangerous attributes, dangerous elements, and ids or
// names that clobber globals. A small tag scanner, not a browser parser: it is only
// used on output whose text is escaped by our renderer (documents without raw HTML),
// where every '<' starts a tag.

const NAMED = { amp: '&', lt: '<', gt: '>', quot: '"', apos: "'", colon: ':', tab: '\t', newline: '\n', sol: '/', nbsp: '\u00a0' };

/** Decodes character references the way a browser does in attribute values (enough for URLs). */
export function decodeEntities(value) {
  return value.replace(/&(#[xX][0-9a-fA-F]+|#[0-9]+|[A-Za-z][A-Za-z0-9]*);?/g, (all, body) => {
    if (body[0] === '#') {
      const code = body[1] === 'x' || body[1] === 'X' ? parseInt(body.slice(2), 16) : parseInt(body.slice(1), 10);
      return code > 0 && code <= 0x10ffff ? String.fromCodePoint(code) : '\ufffd';
    }
    const named = NAMED[body.toLowerCase()];
    return named ?? all;
  });
}

/** [{name, attrs: [{name, value}]}] for every start tag in `html` (names lower-cased). */
export function scanTags(html) {
  const tags = [];
  const tagRe = /<([A-Za-z][^\s/>]*)/g;
  let m;
  while ((m = tagRe.exec(html))) {
    const tag = { name: m[1].toLowerCase(), attrs: [] };
    let i = tagRe.lastIndex;
    while (i < html.length && html[i] !== '>') {
      if (/[\s/]/.test(html[i])) { i++; continue; }
      const nameMatch = /^[^\s"'>/=]+/.exec(html.slice(i, i + 256));
      if (!nameMatch) { i++; continue; }
      const name = nameMatch[0].toLowerCase();
      i += nameMatch[0].length;
      let value = '';
      const eq = /^\s*=\s*/.exec(html.slice(i, i + 64));
      if (eq) {
        i += eq[0].length;
        const q = html[i];
        if (q === '"' || q === "'") {
          const end = html.indexOf(q, i + 1);
          value = html.slice(i + 1, end < 0 ? html.length : end);
          i = end < 0 ? html.length : end + 1;
        } else {
          const unquoted = /^[^\s>]*/.exec(html.slice(i))[0];
          value = unquoted;
          i += unquoted.length;
        }
      }
      tag.attrs.push({ name, value: decodeEntities(value) });
    }
    tagRe.lastIndex = i;
    tags.push(tag);
  }
  return tags;
}

const URL_ATTRIBUTES = new Set(['href', 'src', 'action', 'formaction', 'xlink:href', 'poster', 'cite', 'background',
  'srcset', 'data', 'longdesc', 'ping', 'manifest', 'codebase', 'lowsrc', 'dynsrc']);
// Attributes Markdown output never needs and that run script, load documents or restyle the page.
const FORBIDDEN_ATTRIBUTES = new Set(['srcdoc', 'formaction', 'action', 'style', 'xlink:href', 'srcset', 'http-equiv', 'is', 'background']);
const FORBIDDEN_ELEMENTS = new Set(['script', 'iframe', 'frame', 'frameset', 'object', 'embed', 'applet', 'svg', 'math',
  'style', 'link', 'base', 'meta', 'form', 'template', 'noscript', 'textarea', 'button', 'portal']);

/** True when a browser would run or render a document from this URL (javascript:, vbscript:, file:, non-raster data:). */
export function isUnsafeUrl(url) {
  // Browsers strip leading/trailing C0 controls and spaces, and tabs/newlines anywhere.
  const s = url.replace(/^[\u0000-\u0020]+|[\u0000-\u0020]+$/g, '').replace(/[\t\n\r]/g, '').toLowerCase();
  const scheme = /^([a-z][a-z0-9+.-]*):/.exec(s);
  if (!scheme) return false;
  if (['javascript', 'vbscript', 'file'].includes(scheme[1])) return true;
  if (scheme[1] === 'data') return !/^data:image\/(png|gif|jpeg|webp)[;,]/.test(s);
  return false;
}

/** Problems in renderer output, as sentences; [] when it is safe. */
export function findUnsafe(html, { forbidIds = [] } = {}) {
  const problems = [];
  for (const tag of scanTags(html)) {
    if (FORBIDDEN_ELEMENTS.has(tag.name)) problems.push(`<${tag.name}> element`);
    for (const { name, value } of tag.attrs) {
      if (name.startsWith('on')) problems.push(`event handler ${name}="${value}" on <${tag.name}>`);
      else if (FORBIDDEN_ATTRIBUTES.has(name)) problems.push(`${name}="${value}" on <${tag.name}>`);
      if (URL_ATTRIBUTES.has(name) && isUnsafeUrl(value)) problems.push(`unsafe URL ${name}="${value}" on <${tag.name}>`);
      if ((name === 'id' || name === 'name') && forbidIds.includes(value)) problems.push(`${name}="${value}" clobbers a global`);
    }
  }
  return problems;
}
