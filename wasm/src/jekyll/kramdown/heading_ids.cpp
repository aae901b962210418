#include "jekyll/kramdown/heading_ids.h"

#include "text/unicode_class.h"

namespace draftmark {

void HeadingIds::reset() { times_seen_.clear(); }

std::string HeadingIds::make(std::string_view plain_text_utf8) {
  // kramdown downcases the whole text first and filters afterwards; the order matters only
  // for "İ", whose lowercase form carries a combining mark (a word character) that stays.
  lowered_.clear();
  const char* text = plain_text_utf8.data();
  size_t size = plain_text_utf8.size();
  for (size_t i = 0; i < size;) {
    size_t length;
    char32_t code_point = decode_utf8(text + i, size - i, &length);
    i += length;
    append_lowercase(lowered_, code_point);
  }

  std::string id;
  id.reserve(lowered_.size());
  for (size_t i = 0; i < lowered_.size();) {
    size_t length;
    char32_t code_point = decode_utf8(lowered_.data() + i, lowered_.size() - i, &length);
    if (code_point == ' ' || code_point == '\t' || code_point == '-') {
      id += '-';
    } else if (is_word_code_point(code_point)) {  // U+FFFD (invalid input) is not
      id.append(lowered_, i, length);
    }
    i += length;
  }

  int& seen = times_seen_.try_emplace(id, -1).first->second;
  seen++;
  if (seen > 0) id += "-" + std::to_string(seen);
  return id;
}

}  // namespace draftmark
