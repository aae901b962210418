// What Chirpy's read time counts (its _includes/read-time.html): the post's HTML through
// Liquid's strip_html, then Jekyll's `number_of_words: "auto"` — each Han, kana or Hangul
// character is a word, other words are what whitespace separates — at 180 words a minute,
// at least one minute. tests/node/editor/read-time.test.mjs checks it against Jekyll itself.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>

namespace draftmark {

// Liquid's strip_html: <script>…</script>, <!--…--> and <style>…</style> go with their
// content (case-sensitive, as Liquid's regexps), then every <…> tag.
void strip_html(std::string_view html, std::string& out);
// The same, with `scratch` for the first pass (reused by callers that strip many blocks).
void strip_html(std::string_view html, std::string& out, std::string& scratch);

// One piece's words counted on their own, plus what joining it to the text before needs (a
// word running across the seam counts once): WordCounter::add(tally) counts exactly what
// add_html of the same piece would. Lets an incremental render recount only new blocks.
struct WordTally {
  size_t cjk = 0, split_words = 0, runs = 0;
  bool empty = true;                               // no text at all: the seam state passes through
  bool starts_split_word = false, starts_run = false;  // its first character continues a word before it
  bool ends_split_word = false, ends_run = false;      // its last character may continue into the next
};

// Jekyll's number_of_words(text, "auto") over text given in pieces (a post's blocks): the
// "auto" rule looks at the whole text (any CJK character switches the way words count).
class WordCounter {
 public:
  void add_text(std::string_view text);
  void add_html(std::string_view html);  // strip_html first (a block is whole: its tags close in it)
  // The words of `html` (stripped as add_html does) on their own; the count is not changed.
  // Counted straight from the HTML, run by run between the tags, without a stripped copy.
  WordTally tally_html(std::string_view html);
  void add(const WordTally& tally);
  size_t words() const { return cjk_ == 0 ? split_words_ : cjk_ + runs_; }

 private:
  // Counts strip_html(html)'s text, run by run, setting `first` to its first character. The
  // runs end at '<' and '>', so in well-formed UTF-8 (the renderer's HTML, unless the caller
  // broke RenderOptions::input_is_utf8's promise) no character spans two of them.
  void add_stripped(std::string_view html, char32_t& first);
  // add_text of text[0, size), or with kStopAtLt of its part before the first '<'; returns
  // the bytes counted.
  template <bool kStopAtLt>
  size_t count_text(const char* text, size_t size);

  size_t cjk_ = 0, split_words_ = 0, runs_ = 0;
  bool in_split_word_ = false, in_run_ = false;
  bool empty_ = true;  // no text added by add_stripped yet
};

// Jekyll's number_of_words(text, "auto").
size_t jekyll_number_of_words(std::string_view text);

// Both: the words of a post's HTML as Chirpy counts them.
size_t chirpy_word_count(std::string_view html);

// Chirpy's read time in minutes: words / 180, at least 1.
uint32_t chirpy_read_minutes(size_t words);

}  // namespace draftmark
