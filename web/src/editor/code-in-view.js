// The syntax inside fenced code, parsed only near the view. CodeMirror's Markdown language
// (codeLanguages) parses every fence's language in the whole range it keeps parsed — up to the
// end of the document when the caret is there — and an edit made it parse them again: in a
// 1 MB post that was 60–110 ms of parsing per keystroke, most of a keystroke's main-thread time
// (bench/keystroke-profile.mjs). Fences farther than kNearChars from the view are read as plain
// text instead, and marked to be parsed again once they come into view
// (ParseContext.skipUntilInView), so what is on screen is highlighted as before. (CodeMirror's
// own skipping parser would not do: what it skipped is parsed again by every later parse.)
import { LanguageDescription, ParseContext } from '@codemirror/language';
import { NodeType, Parser, Tree, parseMixed } from '@lezer/common';
import { codeLanguages } from '../lib/code-languages.js';

const kNearChars = 20_000;

// A fence's text as one untyped node: kept, and reused by later parses, until it is in view.
class PlainText extends Parser {
  createParse(input, fragments, ranges) {
    const from = ranges[0].from;
    const to = ranges[ranges.length - 1].to;
    return {
      parsedPos: from,
      stoppedAt: null,
      advance() {
        this.parsedPos = to;
        return new Tree(NodeType.none, [], [], to - from);
      },
      stopAt() {},
    };
  }
}
const plainText = new PlainText();

// The fence's language, found as @codemirror/lang-markdown finds it: its parser when loaded;
// else a skipping parser that re-parses the fence once the language has loaded; null: none.
function parserFor(info) {
  const language = LanguageDescription.matchLanguageName(codeLanguages, /\S*/.exec(info)[0], true);
  if (!language) return null;
  return language.support ? language.support.language.parser : ParseContext.getSkippingParser(language.load());
}

/** A @lezer/markdown extension: `markdown({ extensions: [codeInView] })`, without codeLanguages. */
export const codeInView = {
  wrap: parseMixed((node, input) => {
    if (node.type.name !== 'FencedCode') return null;
    const infoNode = node.node.getChild('CodeInfo');
    const parser = infoNode ? parserFor(input.read(infoNode.from, infoNode.to)) : null;
    if (!parser) return null;
    const nested = { overlay: (child) => child.type.name === 'CodeText', bracketed: true };
    const context = ParseContext.get();
    if (context && (node.to < context.viewport.from - kNearChars || node.from > context.viewport.to + kNearChars)) {
      context.skipUntilInView(node.from, node.to);
      return { ...nested, parser: plainText };
    }
    return { ...nested, parser };
  }),
};
