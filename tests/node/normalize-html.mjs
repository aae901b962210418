// HTML normalisation for conformance comparisons, following the CommonMark spec's
// test/normalize.py: whitespace between and around block tags is insignificant,
// runs of whitespace outside <pre> collapse to one space, attributes are sorted,
// and `<br>` / `<br />` style differences are ignored.
const BLOCK_TAGS = new Set(('article header aside hgroup blockquote hr iframe body li map button object ' +
  'canvas ol caption output col p colgroup pre dd progress div section dl table td dt tbody embed textarea ' +
  'fieldset tfoot figcaption th figure thead footer tr form ul h1 h2 h3 h4 h5 h6 video script style').split(' '));

const TOKEN = /<!--[\s\S]*?-->|<\?[\s\S]*?\?>|<![A-Z][\s\S]*?>|<!\[CDATA\[[\s\S]*?\]\]>|<\/?[A-Za-z][^>]*>|[^<]+|</g;
const ATTR = /([^\s"'>\/=]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s"'=<>`]+)))?/g;

function normalizeTag(tag) {
  const m = /^<(\/?)([A-Za-z][A-Za-z0-9-]*)([\s\S]*?)(\/?)>$/.exec(tag);
  if (!m) return { text: tag, name: null };
  const [, close, rawName, rest] = m;
  const name = rawName.toLowerCase();
  if (close) return { text: `</${name}>`, name, close: true };
  const attrs = [];
  for (const a of rest.matchAll(ATTR)) {
    const value = a[2] ?? a[3] ?? a[4];
    attrs.push(value === undefined ? a[1].toLowerCase() : `${a[1].toLowerCase()}="${value}"`);
  }
  attrs.sort();
  return { text: `<${name}${attrs.map((a) => ' ' + a).join('')}>`, name, close: false };
}

export function normalizeHtml(html) {
  let out = '';
  let inPre = 0;
  let lastWasBlockTag = true;
  for (const token of html.replace(/\r\n?/g, '\n').match(TOKEN) ?? []) {
    if (token[0] === '<' && token.length > 1 && /^<\/?[A-Za-z]/.test(token)) {
      const tag = normalizeTag(token);
      if (tag.name === 'pre') inPre += tag.close ? -1 : 1;
      const isBlock = BLOCK_TAGS.has(tag.name);
      if (isBlock) out = out.replace(/\s+$/, '');
      out += tag.text;
      lastWasBlockTag = isBlock;
      continue;
    }
    let text = token;
    if (!inPre) {
      text = text.replace(/\s+/g, ' ');
      if (lastWasBlockTag) text = text.replace(/^ /, '');
    }
    out += text;
    lastWasBlockTag = false;
  }
  return out.trim();
}
