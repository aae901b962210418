// The fenced-code languages Draftmark knows and the names people write after ``` (Rouge's,
// mostly): one table for the editor (code-languages.js, CodeMirror) and the preview's
// highlighter (code-parsers.js, Lezer only). No imports, so either side can use it.

/** [name, aliases] pairs, in the order matching prefers. */
export const LANGUAGE_NAMES = [
  ['JavaScript', ['js', 'javascript', 'mjs', 'cjs', 'node']],
  ['JSX', ['jsx']],
  ['TypeScript', ['ts', 'typescript']],
  ['TSX', ['tsx']],
  ['Python', ['py', 'python', 'python3', 'py3']],
  ['C', ['c', 'h']],
  ['C++', ['cpp', 'c++', 'cc', 'cxx', 'hpp']],
  ['C#', ['cs', 'csharp', 'c#']],
  ['Objective-C', ['objc', 'objective-c', 'objectivec']],
  ['Java', ['java']],
  ['Kotlin', ['kotlin', 'kt', 'kts']],
  ['Scala', ['scala']],
  ['Dart', ['dart']],
  ['Swift', ['swift']],
  ['Rust', ['rust', 'rs']],
  ['Go', ['go', 'golang']],
  ['Ruby', ['ruby', 'rb']],
  ['Lua', ['lua']],
  ['R', ['r']],
  ['SQL', ['sql', 'mysql', 'postgresql', 'psql']],
  ['Shell', ['sh', 'bash', 'shell', 'zsh', 'console', 'shell-session']],
  ['PowerShell', ['powershell', 'ps1', 'pwsh']],
  ['Dockerfile', ['dockerfile', 'docker']],
  ['Diff', ['diff', 'patch']],
  ['TOML', ['toml']],
  ['YAML', ['yaml', 'yml']],
  ['JSON', ['json', 'jsonc', 'json5']],
  ['HTML', ['html', 'htm', 'xhtml', 'liquid']],
  ['XML', ['xml', 'svg', 'plist']],
  ['CSS', ['css', 'scss', 'less']],
];

const byAlias = new Map();
// As CodeMirror's LanguageDescription.matchLanguageName(…, fuzzy = false): the first language
// whose aliases or lower-cased name equal the word.
for (const [name, aliases] of LANGUAGE_NAMES) {
  for (const alias of [...aliases, name.toLowerCase()]) if (!byAlias.has(alias)) byAlias.set(alias, name);
}

/**
 * The language name (a LANGUAGE_NAMES name) for a fence's info string (`python`, `C++`,
 * `js {.x}` …), or null.
 * @param {string} info
 * @returns {string|null}
 */
export function codeLanguageName(info) {
  const name = info.trim().split(/[\s{]/)[0].toLowerCase();
  return (name && byAlias.get(name)) || null;
}
