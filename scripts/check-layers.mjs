#!/usr/bin/env node
// Checks that imports and includes run one way between the layers (STYLE.md "The layout we aim for"):
//   web/src:   editor/ -> lib/, element/ -> lib/; lib/ imports neither, element/ never editor/;
//              only lib/draftmark.js touches the wasm module's memory.
//   wasm/src:  api/ -> anything; jekyll/ -> jekyll/, core/, text/; core/ -> core/, text/;
//              text/ -> text/ only. Headers of wasm/include/draftmark/ (the public API) are open to
//              every layer but text/, the bottom one. Includes that resolve nowhere in the tree
//              (system, md4c, YAML) are allowed.
// Usage: node scripts/check-layers.mjs [repo root]. Prints each violation, exits 1 if any.
// No dependencies: specifiers are found with regular expressions, which is enough for our sources.
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const kJsForbidden = { lib: ['editor', 'element'], element: ['editor'], editor: ['element'] };
const kCppAllowed = {
  text: ['text'],
  core: ['core', 'text', 'public'],
  jekyll: ['jekyll', 'core', 'text', 'public'],
  api: null,  // anything
};
const kMemoryFile = 'lib/draftmark.js';

function walk(dir, keep) {
  if (!existsSync(dir)) return [];
  const files = [];
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) files.push(...walk(full, keep));
    else if (keep(entry.name)) files.push(full);
  }
  return files;
}

// Strips comments so that a specifier quoted in a comment is not taken for an import.
function stripJsComments(text) {
  return text.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"`\\])\/\/.*$/gm, '$1');
}

/** The module specifiers of a JS file: static imports and re-exports, side-effect imports, import(). */
export function jsSpecifiers(text) {
  const code = stripJsComments(text);
  const found = [];
  const patterns = [
    /\b(?:import|export)\s[^'"`;]*?\bfrom\s*(['"])([^'"]+)\1/g,
    /\bimport\s*(['"])([^'"]+)\1/g,
    /\bimport\s*\(\s*(['"])([^'"]+)\1\s*\)/g,
  ];
  for (const pattern of patterns) for (const m of code.matchAll(pattern)) found.push(m[2]);
  return found;
}

/** Violations in web/src: [{file, message}]. */
export function checkJs(root) {
  const src = path.join(root, 'web/src');
  const problems = [];
  for (const file of walk(src, (name) => /\.(m?js)$/.test(name))) {
    const rel = path.relative(src, file).split(path.sep).join('/');
    const layer = rel.split('/')[0];
    const text = readFileSync(file, 'utf8');
    for (const spec of jsSpecifiers(text)) {
      if (!spec.startsWith('.')) continue;  // a package or a build-time virtual module
      const target = path.relative(src, path.resolve(path.dirname(file), spec.replace(/\?.*$/, ''))).split(path.sep).join('/');
      if (target.startsWith('..')) continue;  // outside web/src (styles, fixtures)
      const targetLayer = target.split('/')[0];
      if ((kJsForbidden[layer] ?? []).includes(targetLayer)) {
        problems.push({ file: `web/src/${rel}`, message: `imports '${spec}': ${layer}/ must not import from ${targetLayer}/` });
      }
    }
    if (rel !== kMemoryFile && /\bHEAP(U8|32|U32)\b|\bmemory\.buffer\b/.test(stripJsComments(text))) {
      problems.push({ file: `web/src/${rel}`, message: `touches wasm memory: only web/src/${kMemoryFile} may` });
    }
  }
  return problems;
}

/** Violations in wasm/src: {problems: [{file, message}], note}. */
export function checkCpp(root) {
  const src = path.join(root, 'wasm/src');
  const include = path.join(root, 'wasm/include');
  const layers = Object.keys(kCppAllowed).filter((name) => existsSync(path.join(src, name)));
  if (layers.length === 0) return { problems: [], note: 'C++: no layered folders yet (wasm/src is flat), nothing to check' };
  const isCpp = (name) => /\.(h|hpp|cpp|cc|inc)$/.test(name);
  const all = walk(src, isCpp);
  const byName = new Map();  // basename -> files of that name, to catch includes that lost their folder
  for (const file of all) byName.set(path.basename(file), [...(byName.get(path.basename(file)) ?? []), file]);
  const layerOf = (file) => {
    if (file.startsWith(include + path.sep)) return 'public';
    const first = path.relative(src, file).split(path.sep)[0];
    return first in kCppAllowed && first !== path.relative(src, file) ? first : null;
  };
  const problems = [];
  const unlayered = [];
  for (const file of all) {
    const rel = path.relative(root, file).split(path.sep).join('/');
    const layer = layerOf(file);
    if (!layer) { unlayered.push(rel); continue; }
    const allowed = kCppAllowed[layer];
    for (const m of readFileSync(file, 'utf8').matchAll(/^\s*#\s*include\s*"([^"]+)"/gm)) {
      const name = m[1];
      const target = [path.dirname(file), src, include].map((dir) => path.resolve(dir, name)).find((p) => existsSync(p) && statSync(p).isFile());
      if (!target) {
        const sameName = byName.get(path.basename(name));
        if (sameName) problems.push({ file: rel, message: `#include "${name}" resolves nowhere, but names ${path.relative(root, sameName[0])}: write its path from wasm/src` });
        continue;  // system, md4c or YAML header
      }
      const targetLayer = layerOf(target);
      if (!targetLayer) {
        problems.push({ file: rel, message: `#include "${name}": ${path.relative(root, target)} is in no layer` });
      } else if (allowed && !allowed.includes(targetLayer)) {
        const what = targetLayer === 'public' ? 'the public headers (wasm/include)' : `${targetLayer}/`;
        problems.push({ file: rel, message: `#include "${name}": ${layer}/ must not include ${what}` });
      }
    }
  }
  const note = `C++: layers ${layers.join(', ')}` + (unlayered.length ? `; not in a layer yet: ${unlayered.join(', ')}` : '');
  return { problems, note };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const root = path.resolve(process.argv[2] ?? path.join(path.dirname(fileURLToPath(import.meta.url)), '..'));
  const js = checkJs(root);
  const cpp = checkCpp(root);
  for (const { file, message } of [...js, ...cpp.problems]) console.error(`${file}: ${message}`);
  console.log(`JS: ${js.length ? `${js.length} violation(s)` : 'lib/, element/, editor/ import one way'}`);
  console.log(cpp.note + (cpp.problems.length ? ` — ${cpp.problems.length} violation(s)` : ''));
  process.exit(js.length + cpp.problems.length ? 1 : 0);
}
