// Header ids as kramdown-parser-gfm 1.1 makes them with `auto_ids` (Jekyll's default), so
// links to "#section" work the same in the preview as on the published post.
//
// The rule (gfm.rb, generate_gfm_header_id): take the header's text as kramdown renders it
// (smart quotes, dashes and entities already converted to characters; code span text kept;
// image alt text and tags dropped), downcase it (full Unicode), remove every character that
// is not \p{Word} (letters, marks, digits, connector punctuation), "-", space or tab, turn
// spaces and tabs into "-". The n-th repeat of a result gets "-n" appended (the counter is
// kept per result, so "a", "a", "a-1" give "a", "a-1", "a-1" exactly as kramdown does).
//
//   HeadingIds ids;
//   ids.make("1회차 : 직군")        -> "1회차--직군"
//   ids.make("Hello World")         -> "hello-world"
//   ids.make("Hello World")         -> "hello-world-1"
//   ids.make("“Quoted” – dash")     -> "quoted--dash"
//   ids.make("!!!")                 -> ""   (kramdown then writes no id attribute at all)
//
// Headers with an explicit id ({#custom}) must not be passed: kramdown does not count them.
#pragma once

#include <string>
#include <string_view>
#include <map>

namespace draftmark {

class HeadingIds {
 public:
  // Forgets the ids handed out so far (call once per document); keeps allocated storage.
  void reset();

  // The id for the next header whose rendered plain text (UTF-8, no markup, entities decoded)
  // is `plain_text_utf8`. An empty result means "no id attribute". Invalid UTF-8 bytes are
  // dropped like any other non-word character.
  std::string make(std::string_view plain_text_utf8);

 private:
  std::string lowered_;  // scratch, reused between calls
  std::map<std::string, int> times_seen_;  // std::map: the wasm carries no hash table code
};

}  // namespace draftmark
