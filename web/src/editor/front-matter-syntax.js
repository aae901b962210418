// Jekyll front matter as a block of the editor's Markdown grammar, its inside parsed as YAML.
// @codemirror/lang-yaml's yamlFrontmatter() puts an outer grammar around the whole document
// and mounts Markdown inside it; in Chromium, one keystroke at the end of a 1 MB post cost
// 14.7 ms of CodeMirror update with it and 7.6 ms with this block (median of 20, same page).
import { yamlLanguage } from '@codemirror/lang-yaml';
import { MountedTree, NodeProp, Tree } from '@lezer/common';
import { tags } from '@lezer/highlight';

const OPENING = /^\uFEFF?---[ \t]*$/;
const CLOSING = /^(?:---|\.\.\.)[ \t]*$/;
// How far to look for the closing line; a front matter longer than this is not one.
const MAX_FRONT_MATTER = 1 << 16;

// The line index (0-based) of the closing `---`/`...` within `text`, or -1 (Jekyll treats an
// unclosed opening line as Markdown).
function closingLine(text) {
  const lines = text.split('\n');
  for (let i = 1; i < lines.length; i++) if (CLOSING.test(lines[i].replace(/\r$/, ''))) return i;
  return -1;
}

/** A @lezer/markdown extension: `markdown({ extensions: [frontMatterSyntax] })`. */
export const frontMatterSyntax = {
  defineNodes: [
    { name: 'Frontmatter', block: true },
    { name: 'FrontmatterMark', style: tags.meta },
    { name: 'FrontmatterContent' },
  ],
  parseBlock: [{
    name: 'Frontmatter',
    before: 'HorizontalRule',  // `---` is a thematic break otherwise
    parse(cx, line) {
      if (cx.lineStart !== 0 || !OPENING.test(line.text)) return false;
      // The block parser sees one line at a time; whether a closing line follows decides what
      // the first line is, so look ahead in the input (BlockContext's `input`).
      const head = cx.input.read(0, Math.min(cx.input.length, MAX_FRONT_MATTER));
      const close = closingLine(head);
      if (close < 0) return false;
      const children = [cx.elt('FrontmatterMark', 0, line.text.length)];
      let contentFrom = -1;
      for (let i = 1; i < close; i++) {
        cx.nextLine();
        if (contentFrom < 0) contentFrom = cx.lineStart;
      }
      if (contentFrom >= 0) children.push(yamlContent(cx, contentFrom, cx.lineStart + line.text.length));
      cx.nextLine();
      const closeEnd = cx.lineStart + line.text.length;
      children.push(cx.elt('FrontmatterMark', cx.lineStart, closeEnd));
      cx.addElement(cx.elt('Frontmatter', 0, closeEnd, children));
      cx.nextLine();
      return true;
    },
  }],
};

// The FrontmatterContent node, its YAML parsed here and mounted on it (as a mixed parser would
// mount it: highlighting and language data see YAML inside). A parseMixed wrapper did this
// before, and walked every top-level node of the document after each change to find it, a
// second walk beside lang-markdown's own for code blocks (~1 ms a key in a 1 MB post). Parsed
// again only when the block is (an edit in or next to the front matter; it is short).
function yamlContent(cx, from, to) {
  const yaml = yamlLanguage.parser.parse(cx.input.read(from, to));
  const type = cx.parser.nodeSet.types[cx.parser.getNodeType('FrontmatterContent')];
  const mount = new MountedTree(yaml, null, yamlLanguage.parser);
  return cx.elt(new Tree(type, [], [], to - from, [[NodeProp.mounted, mount]]), from);
}
