#include "text/html_entities.h"

#include <algorithm>
#include <array>
#include <cstdint>
#include <cstring>
#include <iterator>

namespace draftmark {
namespace {

// HTML's named character references, generated from the pinned md4c's entity.c at configure
// time (cmake/HtmlEntities.cmake).
#include "text/html_entities.inc"

static_assert(sizeof(kEntityFirstLow) / sizeof(kEntityFirstLow[0]) == kEntityCount, "one code point per entity");
static_assert(sizeof(kEntitySecond) == sizeof(kEntityWithSecond), "one second code point per entity listed");

constexpr size_t count_name_ends() {
  size_t count = 0;
  for (char c : kEntityNames) count += c == ';';
  return count;
}
static_assert(count_name_ends() == kEntityCount, "every name ends with its only ';'");

// The names ship front-coded: each as the length of the prefix it shares with the name
// before it (one byte), then the rest up to its ';' (16.1 -> 12.0 KB, 1.7 KB less gzip: sorted
// names share long prefixes). Coded at compile time, decoded at the first lookup.
constexpr size_t kNamesSize = sizeof(kEntityNames) - 1;  // without the final NUL

constexpr size_t shared_prefix(size_t previous, size_t start) {
  size_t n = 0;
  while (kEntityNames[previous + n] == kEntityNames[start + n] && kEntityNames[start + n] != ';') n++;
  return n;
}

template <typename Visit>  // visit(shared prefix, start of the name)
constexpr void for_each_name(Visit visit) {
  size_t previous = 0;
  for (size_t start = 0; start < kNamesSize;) {
    visit(start == 0 ? 0 : shared_prefix(previous, start), start);
    previous = start;
    while (kEntityNames[start] != ';') start++;
    start++;
  }
}

constexpr size_t front_coded_size() {
  size_t size = 0;
  for_each_name([&size](size_t shared, size_t start) {
    size_t end = start;
    while (kEntityNames[end] != ';') end++;
    size += 1 + (end + 1 - start - shared);
  });
  return size;
}

constexpr std::array<char, front_coded_size()> front_code() {
  std::array<char, front_coded_size()> coded{};
  size_t at = 0;
  for_each_name([&coded, &at](size_t shared, size_t start) {
    coded[at++] = static_cast<char>(shared);
    size_t i = start + shared;
    do coded[at++] = kEntityNames[i]; while (kEntityNames[i++] != ';');
  });
  return coded;
}

constexpr auto kFrontCodedNames = front_code();

// The names as kEntityNames spells them, and where each ends (just after its ';').
struct EntityNames {
  char text[kNamesSize];
  uint16_t end[kEntityCount];
};

constexpr void decode_names(EntityNames& names) {
  size_t at = 0, size = 0;
  for (size_t n = 0; n < kEntityCount; n++) {
    const size_t shared = static_cast<unsigned char>(kFrontCodedNames[at++]);
    const size_t previous = n < 2 ? 0 : names.end[n - 2];  // where the name before starts
    for (size_t i = 0; i < shared; i++) names.text[size++] = names.text[previous + i];
    do names.text[size++] = kFrontCodedNames[at]; while (kFrontCodedNames[at++] != ';');
    names.end[n] = static_cast<uint16_t>(size);
  }
}

constexpr bool decodes_to_the_table() {
  EntityNames names{};
  decode_names(names);
  for (size_t i = 0; i < kNamesSize; i++) {
    if (names.text[i] != kEntityNames[i]) return false;
  }
  return true;
}
static_assert(decodes_to_the_table(), "the front-coded names decode to entity.c's");

// Decoded in place at the first lookup (a const static made by a lambda would be evaluated at
// compile time and shipped decoded).
const EntityNames& entity_names() {
  static EntityNames names;  // zero-filled, not in the data section
  if (names.end[0] == 0) decode_names(names);
  return names;
}

}  // namespace

// Binary search: the names are sorted, and all end with ';', so none is a prefix of another.
bool lookup_entity(const char* text, size_t size, unsigned codepoints[2]) {
  if (size < 3 || text[0] != '&') return false;
  const EntityNames& names = entity_names();
  const char* key = text + 1;
  const size_t key_size = size - 1;
  size_t lo = 0;
  size_t hi = kEntityCount;
  while (lo < hi) {
    const size_t mid = lo + (hi - lo) / 2;
    const size_t start = mid == 0 ? 0 : names.end[mid - 1];
    const size_t length = names.end[mid] - start;
    int order = std::memcmp(key, names.text + start, key_size < length ? key_size : length);
    if (order == 0) order = key_size < length ? -1 : (key_size > length ? 1 : 0);
    if (order == 0) {
      const auto in = [mid](const auto& sorted) { return std::lower_bound(std::begin(sorted), std::end(sorted), mid); };
      codepoints[0] = kEntityFirstLow[mid];
      if (const auto* plane_one = in(kEntityInPlaneOne); plane_one != std::end(kEntityInPlaneOne) && *plane_one == mid) {
        codepoints[0] += 0x10000;
      }
      const auto* second = in(kEntityWithSecond);
      const bool has_second = second != std::end(kEntityWithSecond) && *second == mid;
      codepoints[1] = has_second ? kEntitySecond[second - std::begin(kEntityWithSecond)] : 0;
      return true;
    }
    if (order < 0) hi = mid; else lo = mid + 1;
  }
  return false;
}

}  // namespace draftmark
