#include "text/byte_scan.h"

namespace draftmark {

size_t find_either(const char* p, size_t size, char a, char b) {
  size_t i = 0;
  for (; i + 8 <= size; i += 8) {
    const uint64_t word = load_word(p + i);
    const uint64_t found = bytes_equal(word, a) | bytes_equal(word, b);
    if (found != 0) return i + first_marked(found);
  }
  for (; i < size; i++) {
    if (p[i] == a || p[i] == b) return i;
  }
  return size;
}

unsigned bytes_present(const char* p, size_t size, const char (&bytes)[4]) {
  uint64_t found0 = 0, found1 = 0, found2 = 0, found3 = 0;
  auto look = [&](uint64_t word) {
    found0 |= bytes_equal(word, bytes[0]);
    found1 |= bytes_equal(word, bytes[1]);
    found2 |= bytes_equal(word, bytes[2]);
    found3 |= bytes_equal(word, bytes[3]);
  };
  size_t i = 0;
  for (; i + 8 <= size; i += 8) look(load_word(p + i));
  if (i < size) {
    // The tail as one word, padded with its last byte: a match in the padding is a real one.
    uint64_t word = static_cast<unsigned char>(p[size - 1]) * kByteOnes;
    std::memcpy(&word, p + i, size - i);
    look(word);
  }
  return (found0 != 0 ? 1u : 0u) | (found1 != 0 ? 2u : 0u) | (found2 != 0 ? 4u : 0u) | (found3 != 0 ? 8u : 0u);
}

}  // namespace draftmark
