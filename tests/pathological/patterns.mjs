// Pathological input generators: each `make(n)` returns a document whose size grows
// linearly with n (make(4 * n) is ~4x make(n)), so a linear renderer takes ~4x as long.
// The first group is cmark's test/pathological_tests.py (and cmark-gfm's additions);
// the second is ours: front matter, kramdown attribute lists, math, footnotes, tables.
// `n` is the size the linearity test uses (time(4n) ~ 5 ms natively); `seedSize` a small
// one for the fuzz corpus. No pattern is exempt from the linearity bound.
// Shared by tests/pathological/pathological.test.mjs and tests/fuzz/make-seed-corpus.mjs.

const rep = (s, k) => s.repeat(Math.max(0, Math.round(k)));
const lines = (k, f) => Array.from({ length: Math.max(0, Math.round(k)) }, (_, i) => f(i)).join('');

/** Patterns whose byte size is quadratic in a depth: n is bytes, depth ~ sqrt(n). */
const depthFor = (bytes, perLevel) => Math.max(1, Math.round(Math.sqrt(bytes / perLevel)));

export const patterns = [
  // --- cmark's set ---------------------------------------------------------------
  { name: 'nested-strong-emphasis', n: 5900, make: (n) => rep('*a **a ', n) + 'b' + rep(' a** a*', n) },
  { name: 'emphasis-closers-without-openers', n: 32000, make: (n) => rep('a_ ', n) },
  { name: 'emphasis-openers-without-closers', n: 28000, make: (n) => rep('_a ', n) },
  { name: 'mismatched-emphasis-openers-closers', n: 15000, make: (n) => rep('*a_ ', n) },
  { name: 'emphasis-closers-multiple-of-3', n: 28000, make: (n) => 'a**b' + rep('c* ', n) },
  { name: 'nested-emphasis-stars', n: 34000, make: (n) => rep('*', n) + 'a' + rep('*', n) },
  { name: 'link-closers-without-openers', n: 49000, make: (n) => rep('a]', n) },
  { name: 'link-openers-without-closers', n: 20000, make: (n) => rep('[a', n) },
  { name: 'link-openers-and-emphasis-closers', n: 16000, make: (n) => rep('[ a_', n) },
  { name: 'bracket-paren-openers', n: 10000, make: (n) => rep('[ (](', n) },
  { name: 'image-bracket-openers', n: 4700, make: (n) => rep('![[]()', n) },
  { name: 'nested-brackets', n: 14000, make: (n) => rep('[', n) + 'a' + rep(']', n) },
  { name: 'unclosed-links-angle', n: 10000, make: (n) => rep('[a](<b', n) },
  { name: 'unclosed-links', n: 4200, make: (n) => rep('[a](b', n) },
  { name: 'thematic-break-lookalike-lists', n: 13000, description: 'md4c #66, cmark #284', make: (n) => rep('* ', n) + 'a\n' },
  { name: 'escaped-backtick-pairs', n: 49000, description: 'md4c #57', make: (n) => rep('\\``', n) },
  { name: 'link-destination-openers-per-line', n: 6900, description: 'md4c #236', make: (n) => rep(']([\n', n) },
  { name: 'nested-block-quotes-with-spaces', n: 16000, make: (n) => rep('> ', n) + 'a\n' },
  {
    name: 'deeply-nested-lists', n: 400000, description: 'n bytes: depth sqrt(n/2), each level indented 2 more',
    make: (n) => lines(depthFor(n, 2), (i) => rep('  ', i) + '* a\n'),
  },
  {
    name: 'backtick-runs', n: 380000, description: 'n bytes: runs of 1..k backticks',
    make: (n) => lines(depthFor(n, 0.5), (i) => 'e' + rep('`', i + 1)),
  },
  { name: 'many-references', n: 2000, make: (n) => lines(n, (i) => `[${i}]: /u${i}\n`) + '\n' + lines(n, (i) => `[${i}] `) },
  {
    name: 'reference-label-collisions', n: 2000,
    description: 'labels equal after case folding and whitespace collapsing, defined again and again',
    make: (n) => lines(n, (i) => `[Foo${i % 2 ? '  ' : ' '}BAR]: /u${i}\n`) + '\n' + rep('[foo bar] ', n),
  },
  {
    name: 'long-similar-reference-labels', n: 260, description: 'labels sharing a 200-byte prefix',
    make: (n) => lines(n, (i) => `[${rep('x', 200)}${i}]: /u\n`) + '\n' + lines(n, (i) => `[${rep('x', 200)}${n - i}] `),
  },
  // n-deep lists, then n blank lines. Unpatched md4c 0.5.3 walked all n lists for each
  // blank line (quadratic: 73 s at 1 MB); cmake/patches/md4c-blank-line-containers.patch.
  {
    name: 'empty-lines-in-nested-lists', n: 16000, description: 'issue 14',
    make: (n) => rep('- ', n) + 'x' + rep('\n', n),
  },
  {
    name: 'empty-lines-in-quoted-nested-lists', n: 16000, description: 'issue 14',
    make: (n) => '> ' + rep('- ', n) + 'x\n' + rep('>\n', n),
  },
  { name: 'nul-bytes', n: 18000, make: (n) => rep('abc\u0000de\u0000', n) },
  { name: 'html-openers-closers', n: 30000, make: (n) => rep('<>', n) },
  { name: 'processing-instruction-openers', n: 23000, make: (n) => rep('a <?', n) },
  { name: 'cdata-openers', n: 6200, make: (n) => rep('a <![CDATA[', n) },
  { name: 'declaration-openers', n: 18000, make: (n) => rep('a <!A ', n) },
  { name: 'inline-comment-openers', n: 16000, make: (n) => rep('a <!--', n) },
  { name: 'unclosed-comment-block', n: 36000, make: (n) => '<!--\n' + rep('a\n', n) },
  { name: 'backslashes', n: 100000, make: (n) => rep('\\', n) },
  { name: 'entities', n: 5200, make: (n) => rep('&#x1;&amp&#99999999;&', n) },
  { name: 'permissive-www-autolinks', n: 7000, make: (n) => rep('www.a.', n) + ' ' + rep('www.b ', n) },
  { name: 'permissive-email-autolinks', n: 3400, make: (n) => rep('a@b.', n) + ' ' + rep('x@y.z ', n) },
  { name: 'strikethrough-tildes', n: 61000, make: (n) => rep('~~a ~', n) },
  { name: 'table-many-rows', n: 2500, make: (n) => '| a | b |\n|---|---|\n' + rep('| c | *d* |\n', n) },
  {
    name: 'table-500-columns', n: 250, description: 'n rows of 500 cells',
    make: (n) => rep('|h', 500) + '|\n' + rep('|-', 500) + '|\n' + lines(n, () => rep('|x', 500) + '|\n'),
  },
  { name: 'unclosed-fenced-code', n: 33000, make: (n) => '```\n' + rep('a\n', n) },

  // --- ours ------------------------------------------------------------------------
  {
    name: 'unclosed-front-matter-then-body', n: 8800, description: 'n lines after an unclosed --- (1 MB at 4n)',
    make: (n) => '---\ntitle: open\n' + rep('lorem: ipsum dolor sit *amet*\n', n),
  },
  { name: 'ial-openers', n: 10000, description: '10,000 `{:` lines at n, 40,000 at 4n', make: (n) => rep('{:\n', n) },
  { name: 'ial-unterminated-values', n: 10000, description: '10,000 `{: a="` lines at n', make: (n) => rep('{: a="\n', n) },
  { name: 'span-ial-unterminated-values', n: 5900, make: (n) => rep('*x*{: a="', n) },
  { name: 'span-ials-on-images', n: 3400, make: (n) => rep('![a](b.png){: w="1" .c} ', n) },
  { name: 'block-ials-and-alds', n: 2000, make: (n) => lines(n, (i) => `{:r${i}: .c${i}}\npara\n{: r${i} #id${i}}\n\n`) },
  { name: 'dollar-runs', n: 220000, make: (n) => rep('$', n) },
  { name: 'inline-math-openers', n: 55000, make: (n) => rep('$a', n) },
  { name: 'display-math-lines', n: 9900, make: (n) => rep('$$\n', n) },
  {
    name: 'footnote-references', n: 7200, description: 'n references to one footnote',
    make: (n) => rep('x[^1] ', n) + '\n\n[^1]: note\n',
  },
  {
    name: 'footnote-definitions', n: 2500, description: 'n footnotes (10,000 at 4n), referenced in reverse order',
    make: (n) => lines(n, (i) => `x[^${n - i}] `) + '\n\n' + lines(n, (i) => `[^${i + 1}]: note ${i}\n`),
  },
  { name: 'long-line-without-spaces', n: 262144, description: 'a 1 MB line at 4n', make: (n) => rep('a', n) },
  { name: 'deep-block-quotes', n: 12500, description: '50,000-deep at 4n', make: (n) => rep('>', n) + ' deep\n' },
  { name: 'duplicate-headings', n: 4200, description: 'automatic ids a, a-1, a-2, ...', make: (n) => rep('# a\n\n', n) },
  { name: 'toc-with-many-headings', n: 5200, make: (n) => '* x\n{:toc}\n\n' + lines(n, (i) => `${rep('#', 1 + (i % 6))} h\n\n`) },
  { name: 'many-paragraphs', n: 6000, make: (n) => rep('p\n\n', n) },
  { name: 'many-list-items', n: 12000, make: (n) => rep('- a\n', n) },
  { name: 'crlf-and-cr-line-ends', n: 11000, make: (n) => rep('a\r\n*b*\r', n) },
  { name: 'smart-quotes', n: 16000, make: (n) => rep('\'a" --- "b\' ... ', n) },
  { name: 'abbreviation-definitions', n: 5900, make: (n) => lines(n, (i) => `*[A${i}]: x\n`) + '\n' + lines(n, (i) => `A${i} `) },
  { name: 'unclosed-kramdown-comment', n: 45000, make: (n) => '{::comment}\n' + rep('a\n', n) + '\nend\n' },
  { name: 'many-links', n: 7900, make: (n) => rep('[a](/b "t") ', n) },
  { name: 'unclosed-html-blocks', n: 42000, make: (n) => rep('<div>\n', n) },
];
