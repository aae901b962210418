// Decimal integers as text without printf or std::to_string: either would pull
// libc's formatting code (several KB) into the wasm module.
#pragma once

#include <cstdint>
#include <string>

namespace draftmark {

// Writes `value` in decimal at `p` (at most 20 digits); returns the end. For text put together
// on the stack before one append (block_output.cpp's data-line attribute).
inline char* write_decimal(char* p, uint64_t value) {
  char digits[20];
  int n = 0;
  do {
    digits[n++] = static_cast<char>('0' + value % 10);
    value /= 10;
  } while (value != 0);
  while (n > 0) *p++ = digits[--n];
  return p;
}

// Appends `value` in decimal, zero-padded to at least `width` digits. The digits are written
// into a buffer and appended at once: an append per digit cost a call each.
inline void append_decimal(std::string& out, uint64_t value, int width = 1) {
  char digits[20];
  const int n = static_cast<int>(write_decimal(digits, value) - digits);
  if (width > n) out.append(static_cast<size_t>(width - n), '0');
  out.append(digits, static_cast<size_t>(n));
}

inline void append_signed_decimal(std::string& out, int64_t value) {
  if (value < 0) {
    out += '-';
    append_decimal(out, uint64_t{0} - static_cast<uint64_t>(value));
  } else {
    append_decimal(out, static_cast<uint64_t>(value));
  }
}

// Appends `value` as printf's "%0*d" (pad '0') or "%*d" (pad ' ') writes it: at least `width`
// characters counting the sign, zeros after the sign, spaces before it.
inline void append_padded_int(std::string& out, int64_t value, int width, char pad) {
  uint64_t magnitude = value < 0 ? uint64_t{0} - static_cast<uint64_t>(value) : static_cast<uint64_t>(value);
  int sign = value < 0 ? 1 : 0;
  int digits = 1;
  for (uint64_t rest = magnitude; rest >= 10; rest /= 10) digits++;
  if (pad == ' ') out.append(width > digits + sign ? static_cast<size_t>(width - digits - sign) : 0, ' ');
  if (sign) out += '-';
  append_decimal(out, magnitude, pad == '0' ? width - sign : 1);
}

inline std::string decimal(uint64_t value) {
  std::string out;
  append_decimal(out, value);
  return out;
}

}  // namespace draftmark
