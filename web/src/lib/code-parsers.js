// The preview's parsers for fenced code, keyed by code-language-names.js names: the Lezer
// grammars themselves (@lezer/javascript, python, css, html, json, xml, yaml; SQL from
// @codemirror/lang-sql) and CodeMirror's legacy stream modes run by stream-tree.js. The editor
// wraps the same grammars in @codemirror/lang-* packages (code-languages.js); those pull in
// CodeMirror's view and state, which a preview does not need. The trees are the ones those
// packages build, so the classes are the same (tests/node/lib/highlight.test.mjs).
//
// The Lezer grammars here carry their own highlighting (styleTags); what the lang packages add
// to them is indentation and folding, which highlighting ignores. HTML nests the same parsers
// for <script>, <style>, style="" and on*="" as @codemirror/lang-html does.
import { c, cpp, csharp, dart, java, kotlin, objectiveC, scala } from '@codemirror/legacy-modes/mode/clike';
import { diff } from '@codemirror/legacy-modes/mode/diff';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { go } from '@codemirror/legacy-modes/mode/go';
import { lua } from '@codemirror/legacy-modes/mode/lua';
import { powerShell } from '@codemirror/legacy-modes/mode/powershell';
import { r } from '@codemirror/legacy-modes/mode/r';
import { ruby } from '@codemirror/legacy-modes/mode/ruby';
import { rust } from '@codemirror/legacy-modes/mode/rust';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { swift } from '@codemirror/legacy-modes/mode/swift';
import { toml } from '@codemirror/legacy-modes/mode/toml';
import { StandardSQL } from '@codemirror/lang-sql';
import { parser as cssParser } from '@lezer/css';
import { configureNesting, parser as htmlParser } from '@lezer/html';
import { parser as jsParser } from '@lezer/javascript';
import { parser as jsonParser } from '@lezer/json';
import { parser as pythonParser } from '@lezer/python';
import { parser as xmlParser } from '@lezer/xml';
import { parser as yamlParser } from '@lezer/yaml';
import { parseWithStreamMode } from './stream-tree.js';

const tsParser = jsParser.configure({ dialect: 'ts' });
const jsxParser = jsParser.configure({ dialect: 'jsx' });
const tsxParser = jsParser.configure({ dialect: 'jsx ts' });

// @codemirror/lang-html's defaultNesting and defaultAttrs.
const EVENT_ATTRIBUTES = ('beforeunload copy cut dragstart dragover dragleave dragenter dragend ' +
  'drag paste focus blur change click load mousedown mouseenter mouseleave ' +
  'mouseup keydown keyup resize scroll unload').split(' ').map((n) => `on${n}`);
const htmlNested = htmlParser.configure({
  wrap: configureNesting([
    { tag: 'script', attrs: (a) => a.type === 'text/typescript' || a.lang === 'ts', parser: tsParser },
    { tag: 'script', attrs: (a) => a.type === 'text/babel' || a.type === 'text/jsx', parser: jsxParser },
    { tag: 'script', attrs: (a) => a.type === 'text/typescript-jsx', parser: tsxParser },
    { tag: 'script', attrs: (a) => /^(importmap|speculationrules|application\/(.+\+)?json)$/i.test(a.type),
      parser: jsParser.configure({ top: 'SingleExpression' }) },
    { tag: 'script', attrs: (a) => !a.type || /^(?:text|application)\/(?:x-)?(?:java|ecma)script$|^module$|^$/i.test(a.type),
      parser: jsParser },
    { tag: 'style', attrs: (a) => (!a.lang || a.lang === 'css') && (!a.type || /^(text\/)?(x-)?(stylesheet|css)$/i.test(a.type)),
      parser: cssParser },
  ], [
    { name: 'style', parser: cssParser.configure({ top: 'Styles' }) },
    ...EVENT_ATTRIBUTES.map((name) => ({ name, parser: jsParser })),
  ]),
});

const lezer = (parser) => (text) => parser.parse(text);
const stream = (mode) => (text) => parseWithStreamMode(mode, text);

const PARSERS = {
  JavaScript: lezer(jsParser),
  JSX: lezer(jsxParser),
  TypeScript: lezer(tsParser),
  TSX: lezer(tsxParser),
  Python: lezer(pythonParser),
  C: stream(c),
  'C++': stream(cpp),
  'C#': stream(csharp),
  'Objective-C': stream(objectiveC),
  Java: stream(java),
  Kotlin: stream(kotlin),
  Scala: stream(scala),
  Dart: stream(dart),
  Swift: stream(swift),
  Rust: stream(rust),
  Go: stream(go),
  Ruby: stream(ruby),
  Lua: stream(lua),
  R: stream(r),
  SQL: lezer(StandardSQL.language.parser),
  Shell: stream(shell),
  PowerShell: stream(powerShell),
  Dockerfile: stream(dockerFile),
  Diff: stream(diff),
  TOML: stream(toml),
  YAML: lezer(yamlParser),
  JSON: lezer(jsonParser),
  HTML: lezer(htmlNested),
  XML: lezer(xmlParser),
  CSS: lezer(cssParser),
};

/**
 * The syntax tree of `text` in language `name` (a code-language-names.js name), or null when
 * the preview has no parser for it.
 * @param {string} name
 * @param {string} text
 * @returns {import('@lezer/common').Tree|null}
 */
export function parseCode(name, text) {
  const parse = PARSERS[name];
  return parse ? parse(text) : null;
}
