// The post's title as the editor shows it (page title, draft list, file names): front matter
// `title`, else the first `# heading` line, else ''.

const HEADING = /^#\s+(.+)$/m;

/**
 * `frontMatter`: the last render's front matter (or null); `doc`: the CodeMirror document. The
 * heading is looked for line by line: every render sets the page title, and the whole string of
 * a long post without a front matter title cost a copy per keystroke.
 */
export function postTitle(frontMatter, doc) {
  const title = frontMatter?.title;
  if (typeof title === 'string' && title.trim()) return title.trim();
  for (const line of doc.iterLines()) {
    if (line[0] !== '#') continue;
    // `#` and only spaces: HEADING goes on into the next lines, so it reads the whole text.
    if (/^#\s*$/.test(line)) return doc.toString().match(HEADING)?.[1].trim() ?? '';
    const found = HEADING.exec(line);
    if (found) return found[1].trim();
  }
  return '';
}
