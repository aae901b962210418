// HTML's named character references (the 2,125 of md4c's entity.c), looked up by name.
#pragma once

#include <cstddef>

namespace draftmark {

// The code points of entity `text` ("&AElig;": '&' to ';', as md4c reports it); the second
// is 0 for the entities that have one. False for names that are not entities.
bool lookup_entity(const char* text, size_t size, unsigned codepoints[2]);

}  // namespace draftmark
