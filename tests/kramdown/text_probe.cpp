// Feeds text to Typography or HeadingIds for text-differential.rb, which compares the
// results with kramdown's. Records on stdin and stdout are separated by 0x1E.
//   kramdown_text_probe typography   each record is one paragraph's text; 0x1F inside a
//                                    record splits it into chunks (passed with lookahead)
//   kramdown_text_probe ids          each record is a header's text; an empty record starts
//                                    a new document
#include <cstdio>
#include <iostream>
#include <iterator>
#include <string>
#include <string_view>

#include "jekyll/kramdown/heading_ids.h"
#include "jekyll/kramdown/typography.h"

namespace {

constexpr char kRecordSeparator = '\x1E';
constexpr char kChunkSeparator = '\x1F';

std::string convert_chunks(draftmark::Typography& typography, std::string_view record, bool plain) {
  std::string text;  // the record without separators: chunks point into it for lookahead
  for (char ch : record) {
    if (ch != kChunkSeparator) text += ch;
  }
  std::string out;
  typography.reset();
  size_t begin = 0;
  for (size_t i = 0, chunk_start = 0; i <= record.size(); i++) {
    if (i < record.size() && record[i] != kChunkSeparator) continue;
    size_t length = i - chunk_start;
    std::string_view following = std::string_view(text).substr(begin + length);
    if (plain) {
      typography.append_plain(out, text.data() + begin, length, following);
    } else {
      typography.append(out, text.data() + begin, length, following);
    }
    begin += length;
    chunk_start = i + 1;
  }
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  std::string mode = argc > 1 ? argv[1] : "";
  if (mode != "typography" && mode != "ids") {
    std::fprintf(stderr, "usage: kramdown_text_probe typography|ids < records\n");
    return 2;
  }
  std::string input((std::istreambuf_iterator<char>(std::cin)), std::istreambuf_iterator<char>());
  draftmark::Typography typography;
  draftmark::HeadingIds ids;
  std::string output;
  size_t start = 0;
  while (start < input.size()) {
    size_t end = input.find(kRecordSeparator, start);
    if (end == std::string::npos) end = input.size();
    std::string_view record(input.data() + start, end - start);
    if (mode == "typography") {
      output += convert_chunks(typography, record, false);
    } else if (record.empty()) {
      ids.reset();
    } else {
      output += ids.make(convert_chunks(typography, record, true));
    }
    output += kRecordSeparator;
    start = end + 1;
  }
  std::cout << output;
  return 0;
}
