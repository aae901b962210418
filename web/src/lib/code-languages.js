// The editor's fenced-code languages (syntax inside ``` blocks), as CodeMirror LanguageSupport;
// the names are code-language-names.js, which the preview's Lezer-only highlighter (code-parsers.js)
// shares. A curated list rather than @codemirror/language-data's 140: that
// module pulls every mode into a bundle without code splitting (+1.5 MB), and the offline single
// file has a size budget. These cover what tech blogs use most; languages whose Lezer grammar
// is large (C++, Rust, Java, Go: 250 KB together) use CodeMirror's small legacy modes instead.
import { css } from '@codemirror/lang-css';
import { html } from '@codemirror/lang-html';
import { javascript } from '@codemirror/lang-javascript';
import { json } from '@codemirror/lang-json';
import { python } from '@codemirror/lang-python';
import { sql } from '@codemirror/lang-sql';
import { xml } from '@codemirror/lang-xml';
import { yaml } from '@codemirror/lang-yaml';
import { LanguageDescription, LanguageSupport, StreamLanguage } from '@codemirror/language';
import { c, cpp, csharp, dart, java, kotlin, objectiveC, scala } from '@codemirror/legacy-modes/mode/clike';
import { diff } from '@codemirror/legacy-modes/mode/diff';
import { dockerFile } from '@codemirror/legacy-modes/mode/dockerfile';
import { go } from '@codemirror/legacy-modes/mode/go';
import { lua } from '@codemirror/legacy-modes/mode/lua';
import { powerShell } from '@codemirror/legacy-modes/mode/powershell';
import { r } from '@codemirror/legacy-modes/mode/r';
import { rust } from '@codemirror/legacy-modes/mode/rust';
import { ruby } from '@codemirror/legacy-modes/mode/ruby';
import { shell } from '@codemirror/legacy-modes/mode/shell';
import { swift } from '@codemirror/legacy-modes/mode/swift';
import { toml } from '@codemirror/legacy-modes/mode/toml';
import { LANGUAGE_NAMES } from './code-language-names.js';

const legacy = (mode) => () => new LanguageSupport(StreamLanguage.define(mode));

const LOADERS = {
  JavaScript: () => javascript(),
  JSX: () => javascript({ jsx: true }),
  TypeScript: () => javascript({ typescript: true }),
  TSX: () => javascript({ jsx: true, typescript: true }),
  Python: () => python(),
  C: legacy(c),
  'C++': legacy(cpp),
  'C#': legacy(csharp),
  'Objective-C': legacy(objectiveC),
  Java: legacy(java),
  Kotlin: legacy(kotlin),
  Scala: legacy(scala),
  Dart: legacy(dart),
  Swift: legacy(swift),
  Rust: legacy(rust),
  Go: legacy(go),
  Ruby: legacy(ruby),
  Lua: legacy(lua),
  R: legacy(r),
  SQL: () => sql(),
  Shell: legacy(shell),
  PowerShell: legacy(powerShell),
  Dockerfile: legacy(dockerFile),
  Diff: legacy(diff),
  TOML: legacy(toml),
  YAML: () => yaml(),
  JSON: () => json(),
  HTML: () => html(),
  XML: () => xml(),
  CSS: () => css(),
};

/** LanguageDescription list for `markdown({codeLanguages})`. */
export const codeLanguages = LANGUAGE_NAMES.map(([name, alias]) =>
  LanguageDescription.of({ name, alias, load: async () => LOADERS[name]() }));

/**
 * The editor's language for a fence's info string (`python`, `C++`, `js {.x}` …), or null
 * (tests/node/lib/highlight.test.mjs checks the preview's parsers against these).
 * @param {string} info
 * @returns {LanguageDescription|null}
 */
export function findCodeLanguage(info) {
  const name = info.trim().split(/[\s{]/)[0].toLowerCase();
  if (!name) return null;
  return LanguageDescription.matchLanguageName(codeLanguages, name, false);
}
