// The fenced-code languages Draftmark knows, shared by the editor (syntax inside ``` blocks) and
// the preview's highlighter. A curated list rather than @codemirror/language-data's 140: that
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

const legacy = (mode) => () => new LanguageSupport(StreamLanguage.define(mode));

// [name, aliases, loader]; aliases are the names people write after ``` (Rouge's, mostly).
const LANGUAGES = [
  ['JavaScript', ['js', 'javascript', 'mjs', 'cjs', 'node'], () => javascript()],
  ['JSX', ['jsx'], () => javascript({ jsx: true })],
  ['TypeScript', ['ts', 'typescript'], () => javascript({ typescript: true })],
  ['TSX', ['tsx'], () => javascript({ jsx: true, typescript: true })],
  ['Python', ['py', 'python', 'python3', 'py3'], () => python()],
  ['C', ['c', 'h'], legacy(c)],
  ['C++', ['cpp', 'c++', 'cc', 'cxx', 'hpp'], legacy(cpp)],
  ['C#', ['cs', 'csharp', 'c#'], legacy(csharp)],
  ['Objective-C', ['objc', 'objective-c', 'objectivec'], legacy(objectiveC)],
  ['Java', ['java'], legacy(java)],
  ['Kotlin', ['kotlin', 'kt', 'kts'], legacy(kotlin)],
  ['Scala', ['scala'], legacy(scala)],
  ['Dart', ['dart'], legacy(dart)],
  ['Swift', ['swift'], legacy(swift)],
  ['Rust', ['rust', 'rs'], legacy(rust)],
  ['Go', ['go', 'golang'], legacy(go)],
  ['Ruby', ['ruby', 'rb'], legacy(ruby)],
  ['Lua', ['lua'], legacy(lua)],
  ['R', ['r'], legacy(r)],
  ['SQL', ['sql', 'mysql', 'postgresql', 'psql'], () => sql()],
  ['Shell', ['sh', 'bash', 'shell', 'zsh', 'console', 'shell-session'], legacy(shell)],
  ['PowerShell', ['powershell', 'ps1', 'pwsh'], legacy(powerShell)],
  ['Dockerfile', ['dockerfile', 'docker'], legacy(dockerFile)],
  ['Diff', ['diff', 'patch'], legacy(diff)],
  ['TOML', ['toml'], legacy(toml)],
  ['YAML', ['yaml', 'yml'], () => yaml()],
  ['JSON', ['json', 'jsonc', 'json5'], () => json()],
  ['HTML', ['html', 'htm', 'xhtml', 'liquid'], () => html()],
  ['XML', ['xml', 'svg', 'plist'], () => xml()],
  ['CSS', ['css', 'scss', 'less'], () => css()],
];

/** LanguageDescription list for `markdown({codeLanguages})` and the preview highlighter. */
export const codeLanguages = LANGUAGES.map(([name, alias, load]) =>
  LanguageDescription.of({ name, alias, load: async () => load() }));

/**
 * The language for a fence's info string (`python`, `C++`, `js {.x}` …), or null.
 * @param {string} info
 * @returns {LanguageDescription|null}
 */
export function findCodeLanguage(info) {
  const name = info.trim().split(/[\s{]/)[0].toLowerCase();
  if (!name) return null;
  return LanguageDescription.matchLanguageName(codeLanguages, name, false);
}
