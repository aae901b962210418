// The wasm ships its big static tables packed (text/html_entities.cpp, text/unicode_class.cpp)
// and unpacks them at the first lookup. The optimiser can evaluate such an unpacking at compile
// time and ship the unpacked table after all (it did with the entity names' offsets, 4 KB of
// gzip): this checks the bytes of the module itself.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';
import { argValue } from '../engines.mjs';

const wasm = readFileSync(argValue('--wasm', 'build/wasm/draftmark.wasm'));

const ascii = (text) => Buffer.from(text, 'latin1');
const littleEndian = (bits, values) => {
  const bytes = Buffer.alloc((values.length * bits) / 8);
  values.forEach((v, i) => (bits === 16 ? bytes.writeUInt16LE(v, i * 2) : bytes.writeUInt32LE(v, i * 4)));
  return bytes;
};

test('HTML entity names ship front-coded, without their end offsets', () => {
  // AElig; AMP; Aacute; Abreve; (md4c's entity.c order): each after the prefix length it shares.
  assert.ok(wasm.includes(ascii('\x00AElig;\x01MP;\x01acute;\x01breve;')), 'the front-coded names');
  assert.ok(!wasm.includes(ascii('AElig;AMP;Aacute;Abreve;')), 'the names unpacked');
  assert.ok(!wasm.includes(littleEndian(16, [6, 10, 17, 24])), 'the names\' end offsets');
});

test('Ruby\'s \\p{Word} ranges ship packed, not as 32-bit pairs', () => {
  // [0-9], [A-Z], _, [a-z]: from 0, each range's distance from the last one's end, then its length - 1.
  assert.ok(wasm.includes(Buffer.from([0x30, 9, 8, 25, 5, 0, 2, 25])), 'the packed ranges');
  assert.ok(!wasm.includes(littleEndian(32, [0x30, 0x39, 0x41, 0x5a, 0x5f, 0x5f, 0x61, 0x7a])), 'the ranges unpacked');
});
