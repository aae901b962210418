// Runs a CodeMirror-5-style stream parser (@codemirror/legacy-modes: `startState`, `token(stream,
// state)`, `blankLine`) over a string and returns a @lezer/common Tree, so the preview highlights
// legacy modes with the same highlightCode() as Lezer grammars — without @codemirror/language's
// StreamLanguage, which pulls CodeMirror's view and state (~150 KB gzipped) into the preview.
//
// The tree is the one StreamLanguage.parse(text) builds without an editor (tab size 4, indent
// unit 2, start state with unit 4, adjacent equal tokens merged, lines past 10,000 characters
// left untokenised), and token names become tags exactly as there (legacy names such as
// `variable-2` first, `name.modifier` paths, `tokenTable`). tests/node/lib/highlight.test.mjs
// compares both paths' output.
import { StringStream } from '@codemirror/streamparser';
import { NodeSet, NodeType, Tree } from '@lezer/common';
import { styleTags, tags } from '@lezer/highlight';

const kMaxLineLength = 10_000;
const kTabSize = 4;
const kIndentUnit = 2;

const LEGACY_NAMES = {
  variable: 'variableName', 'variable-2': 'variableName.special', 'string-2': 'string.special',
  def: 'variableName.definition', tag: 'tagName', attribute: 'attributeName', type: 'typeName',
  builtin: 'variableName.standard', qualifier: 'modifier', error: 'invalid', header: 'heading',
  property: 'propertyName',
};

const types = [NodeType.none];
const byKey = new Map();  // "name tagIds" -> NodeType, shared by all modes as in StreamLanguage
let nodeSet = new NodeSet(types);

function tokenType(extra, tagString) {
  const found = [];
  for (const name of tagString.split(' ')) {
    let parts = [];
    for (const part of name.split('.')) {
      const value = extra[part] || tags[part];
      if (!value) continue;
      if (typeof value === 'function') { if (parts.length) parts = parts.map(value); }
      else if (!parts.length) parts = Array.isArray(value) ? value : [value];
    }
    found.push(...parts);
  }
  if (!found.length) return 0;
  const name = tagString.replace(/ /g, '_');
  const key = `${name} ${found.map((t) => t.id)}`;
  let type = byKey.get(key);
  if (!type) {
    type = NodeType.define({ id: types.length, name, props: [styleTags({ [name]: found })] });
    byKey.set(key, type);
    types.push(type);
    nodeSet = new NodeSet(types);
  }
  return type.id;
}

const tables = new WeakMap();  // mode -> Map(token string -> node type id)
function resolver(mode) {
  let table = tables.get(mode);
  if (!table) {
    table = new Map();
    tables.set(mode, table);
    // As in StreamLanguage's TokenTable: the legacy names win over the mode's own table.
    for (const [legacy, name] of Object.entries(LEGACY_NAMES)) table.set(legacy, tokenType({}, name));
  }
  return (token) => {
    if (!token) return 0;
    let id = table.get(token);
    if (id === undefined) table.set(token, id = tokenType(mode.tokenTable ?? {}, token));
    return id;
  };
}

function readToken(mode, stream, state) {
  stream.start = stream.pos;
  for (let i = 0; i < 10; i++) {
    const result = mode.token(stream, state);
    if (stream.pos > stream.start) return result;
  }
  throw new Error('Stream parser failed to advance stream.');
}

/**
 * The syntax tree of `text` under a legacy stream mode, for @lezer/highlight.
 * @param {{token: Function, startState?: Function, blankLine?: Function, tokenTable?: object, mergeTokens?: boolean}} mode
 * @param {string} text
 * @returns {Tree}
 */
export function parseWithStreamMode(mode, text) {
  const resolve = resolver(mode);
  const merge = mode.mergeTokens !== false;
  const state = mode.startState ? mode.startState(4) : true;
  const buffer = [];
  let pos = 0;
  while (pos < text.length) {
    const eol = text.indexOf('\n', pos);
    const end = eol < 0 ? text.length : eol;
    const stream = new StringStream(text.slice(pos, end), kTabSize, kIndentUnit);
    if (stream.eol()) {
      mode.blankLine?.(state, stream.indentUnit);
    } else {
      while (!stream.eol()) {
        const id = resolve(readToken(mode, stream, state));
        if (id) {
          const from = pos + stream.start;
          const to = pos + stream.pos;
          const last = buffer.length - 4;
          if (merge && last >= 0 && buffer[last] === id && buffer[last + 2] === from) buffer[last + 2] = to;
          else buffer.push(id, from, to, 4);
        }
        if (stream.start > kMaxLineLength) break;
      }
    }
    pos = end < text.length ? end + 1 : end;
  }
  return Tree.build({ buffer, nodeSet, topID: 0, length: text.length });
}
