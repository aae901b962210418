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

}  // namespace draftmark
