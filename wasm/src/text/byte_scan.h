// Eight bytes at a time in a 64-bit word ("SWAR"): wasm32 has native 64-bit integers, and
// its libc's memchr reads four bytes at a time behind a call. For the scans that run over a
// whole text or page on every render.
#pragma once

#include <cstddef>
#include <cstdint>
#include <cstring>

namespace draftmark {

static_assert(__BYTE_ORDER__ == __ORDER_LITTLE_ENDIAN__, "the first byte is the word's lowest");

constexpr uint64_t kByteOnes = 0x0101010101010101ull;
constexpr uint64_t kByteHighBits = 0x8080808080808080ull;

inline uint64_t load_word(const char* p) {
  uint64_t word;
  std::memcpy(&word, p, 8);
  return word;
}

// The high bit of each zero byte of `word`, exactly (no carry crosses bytes).
inline uint64_t zero_bytes(uint64_t word) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  return ~(((word & kLow7) + kLow7) | word | kLow7);
}

// The high bit of each byte of `word` equal to `c`.
inline uint64_t bytes_equal(uint64_t word, char c) {
  return zero_bytes(word ^ (static_cast<unsigned char>(c) * kByteOnes));
}

// Offset of the byte whose high bit is the lowest set bit of `bits` (nonzero).
inline size_t first_marked(uint64_t bits) { return static_cast<size_t>(__builtin_ctzll(bits)) / 8; }

// Offset of the first byte of p[0, size) equal to `a` or `b`, or `size` when there is none.
// Out of line: inlined at each search it cost 1.2 KB of wasm for no measurable gain.
size_t find_either(const char* p, size_t size, char a, char b);

// Offset of the first byte of p[0, size) equal to `c`, or `size` (memchr, eight bytes a step).
inline size_t find_byte(const char* p, size_t size, char c) { return find_either(p, size, c, c); }

inline bool contains_byte(const char* p, size_t size, char c) { return find_either(p, size, c, c) < size; }

// Bit k set when p[0, size) contains bytes[k]: one pass that answers several contains_byte
// questions about a short text (each pass costs a call and a byte-by-byte tail).
unsigned bytes_present(const char* p, size_t size, const char (&bytes)[4]);

}  // namespace draftmark
