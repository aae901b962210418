// memcpy for the wasm module, in place of Emscripten 3.1.6's (a weak symbol): that one copies
// byte by byte whenever source and destination differ in alignment mod 4, which is three
// times in four when the page appends a block's HTML (and in most string appends), and at
// most four bytes a step otherwise. Wasm loads and stores need no alignment, so this copies
// eight bytes a step whatever the addresses; from 256 bytes on, one memory.copy (bulk memory,
// cmake/Wasm.cmake), which the engine runs natively but calls out for. Compiled with
// -fno-builtin so the compiler cannot turn the byte loop back into a call to memcpy.
#include <cstddef>
#include <cstdint>

extern "C" void* memcpy(void* __restrict dest, const void* __restrict src, size_t n) {
  auto* d = static_cast<unsigned char*>(dest);
  const auto* s = static_cast<const unsigned char*>(src);
  if (n >= 256) {
    __builtin_memcpy(d, s, n);  // memory.copy
    return dest;
  }
  for (; n >= 32; n -= 32, d += 32, s += 32) {
    uint64_t a, b, c, e;
    __builtin_memcpy(&a, s, 8);
    __builtin_memcpy(&b, s + 8, 8);
    __builtin_memcpy(&c, s + 16, 8);
    __builtin_memcpy(&e, s + 24, 8);
    __builtin_memcpy(d, &a, 8);
    __builtin_memcpy(d + 8, &b, 8);
    __builtin_memcpy(d + 16, &c, 8);
    __builtin_memcpy(d + 24, &e, 8);
  }
  for (; n >= 8; n -= 8, d += 8, s += 8) {
    uint64_t a;
    __builtin_memcpy(&a, s, 8);
    __builtin_memcpy(d, &a, 8);
  }
  for (; n > 0; n--) *d++ = *s++;
  return dest;
}
