// Wasm size: raw and gzip -9 per module, per section, and Draftmark's code and data per part
// (md4c, libyaml, Draftmark's own C++, C/C++ runtime).
//
// Parts come from a second link of the same objects with --profiling-funcs (a name section,
// identical code): each function body is attributed by its name. Emscripten 3.1.6 cannot
// write a linker map, so the data section is reported whole.

import { existsSync, readFileSync } from 'node:fs';
import { gzipSync } from 'node:zlib';

const SECTION_NAMES = ['custom', 'type', 'import', 'function', 'table', 'memory', 'global', 'export',
  'start', 'elem', 'code', 'data', 'datacount'];

/** zlib deflate at level 9 in a gzip wrapper: the same bytes `gzip -9` writes, minus the file name. */
export function gzipSize(bytes) {
  return gzipSync(bytes, { level: 9 }).length;
}

function readLeb(bytes, at) {
  let value = 0;
  let shift = 0;
  let byte;
  do {
    byte = bytes[at++];
    value += (byte & 0x7f) * 2 ** shift;
    shift += 7;
  } while (byte & 0x80);
  return [value, at];
}

function readName(bytes, at) {
  const [length, start] = readLeb(bytes, at);
  return [new TextDecoder().decode(bytes.subarray(start, start + length)), start + length];
}

/** The sections of a wasm binary as [{name, start, end}] (payload offsets). */
export function wasmSections(bytes) {
  if (bytes.readUInt32LE(0) !== 0x6d736100) throw new Error('not a wasm binary');
  const sections = [];
  for (let at = 8; at < bytes.length;) {
    const id = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    let name = SECTION_NAMES[id] ?? `id${id}`;
    if (id === 0) name = `custom:${readName(bytes, start)[0]}`;
    sections.push({ name, start, end: start + size, headerStart: at });
    at = start + size;
  }
  return sections;
}

/** Raw and gzip size of a module, with raw bytes per section. */
export function moduleSize(path) {
  const bytes = readFileSync(path);
  const sections = {};
  for (const s of wasmSections(bytes)) sections[s.name] = (sections[s.name] ?? 0) + (s.end - s.headerStart);
  return { raw: bytes.length, gzip: gzipSize(bytes), sections };
}

function functionNames(bytes, sections) {
  const names = new Map();
  const nameSection = sections.find((s) => s.name === 'custom:name');
  if (!nameSection) return names;
  let at = readName(bytes, nameSection.start)[1];
  while (at < nameSection.end) {
    const kind = bytes[at];
    const [size, start] = readLeb(bytes, at + 1);
    if (kind === 1) {
      let [count, p] = readLeb(bytes, start);
      for (let i = 0; i < count; i++) {
        let index;
        let name;
        [index, p] = readLeb(bytes, p);
        [name, p] = readName(bytes, p);
        names.set(index, name);
      }
    }
    at = start + size;
  }
  return names;
}

function importedFunctionCount(bytes, sections) {
  const imports = sections.find((s) => s.name === 'import');
  if (!imports) return 0;
  let [count, at] = readLeb(bytes, imports.start);
  let functions = 0;
  for (let i = 0; i < count; i++) {
    at = readName(bytes, at)[1];
    at = readName(bytes, at)[1];
    const kind = bytes[at++];
    if (kind === 0) { functions++; at = readLeb(bytes, at)[1]; }
    else if (kind === 1) { at++; const [flags, p] = readLeb(bytes, at); at = readLeb(bytes, p)[1]; if (flags & 1) at = readLeb(bytes, at)[1]; }
    else if (kind === 2) { const [flags, p] = readLeb(bytes, at); at = readLeb(bytes, p)[1]; if (flags & 1) at = readLeb(bytes, at)[1]; }
    else if (kind === 3) at += 2;
    else throw new Error(`unknown import kind ${kind}`);
  }
  return functions;
}

// Function names (demangled by the linker) say which part a body belongs to.
const PART_RULES = [
  ['md4c', /^(md_|entity_)/],
  ['libyaml', /^yaml_/],
  ['draftmark C++', /^(draftmark::|dm_)/],
];
const RUNTIME = 'runtime (libc, libc++, malloc)';

/**
 * Code of Draftmark's wasm by part, plus the data section (static tables and strings;
 * md4c's HTML entity table is most of it).
 * @param {string} namedWasm a link of the same objects with --profiling-funcs (identical code)
 * @returns {{parts: Record<string, {functions:number, raw:number, gzip:number}>}}
 */
export function partSizes(namedWasm) {
  const bytes = readFileSync(namedWasm);
  const sections = wasmSections(bytes);
  const names = functionNames(bytes, sections);
  const parts = {};
  const bodies = {};
  const code = sections.find((s) => s.name === 'code');
  const firstIndex = importedFunctionCount(bytes, sections);
  let [count, at] = readLeb(bytes, code.start);
  for (let i = 0; i < count; i++) {
    const [size, start] = readLeb(bytes, at);
    const name = names.get(firstIndex + i) ?? '';
    const part = `code: ${PART_RULES.find(([, rule]) => rule.test(name))?.[0] ?? RUNTIME}`;
    parts[part] ??= { functions: 0, raw: 0, gzip: 0 };
    parts[part].functions++;
    parts[part].raw += start + size - at;
    (bodies[part] ??= []).push(bytes.subarray(start, start + size));
    at = start + size;
  }
  for (const [part, list] of Object.entries(bodies)) parts[part].gzip = gzipSize(Buffer.concat(list));
  const data = sections.find((s) => s.name === 'data');
  if (data) {
    const payload = bytes.subarray(data.start, data.end);
    parts['data (static tables and strings)'] = { functions: 0, raw: payload.length, gzip: gzipSize(payload) };
  }
  return { parts, namedFunctions: names.size };
}

/** Whether the part breakdown can be computed (the named build exists). */
export function partsAvailable(namedWasm) {
  return existsSync(namedWasm);
}
