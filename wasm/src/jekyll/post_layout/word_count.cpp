#include "jekyll/post_layout/word_count.h"

#include "text/unicode_class.h"

namespace draftmark {
namespace {

// The blocks strip_html removes whole: opening text, closing text.
struct StripBlock {
  std::string_view open, close;
};
constexpr StripBlock kStripBlocks[] = {{"<script", "</script>"}, {"<!--", "-->"}, {"<style", "</style>"}};

// Ruby's \s in Jekyll's regexps and String#split's whitespace: ASCII only (split also takes NUL).
bool is_ruby_space(char32_t c) { return c == ' ' || (c >= '\t' && c <= '\r'); }

}  // namespace

void strip_html(std::string_view html, std::string& out) {
  std::string scratch;
  strip_html(html, out, scratch);
}

void strip_html(std::string_view html, std::string& out, std::string& blocks_removed) {
  // First pass: the blocks, leftmost match first (Regexp.union tries each alternative at a position).
  blocks_removed.clear();
  blocks_removed.reserve(html.size());
  for (size_t i = 0; i < html.size();) {
    size_t end = std::string_view::npos;
    if (html[i] == '<') {
      for (const StripBlock& block : kStripBlocks) {
        if (html.compare(i, block.open.size(), block.open) != 0) continue;
        size_t close = html.find(block.close, i + block.open.size());
        if (close != std::string_view::npos) {
          end = close + block.close.size();
          break;
        }
      }
    }
    if (end != std::string_view::npos) {
      i = end;
    } else {
      blocks_removed += html[i++];
    }
  }
  // Second pass: /<.*?>/m on what is left.
  out.clear();
  out.reserve(blocks_removed.size());
  std::string_view rest = blocks_removed;
  for (size_t i = 0; i < rest.size();) {
    size_t close = rest[i] == '<' ? rest.find('>', i + 1) : std::string_view::npos;
    if (close != std::string_view::npos) {
      i = close + 1;
    } else {
      out += rest[i++];
    }
  }
}

void WordCounter::add_text(std::string_view text) {
  for (size_t i = 0; i < text.size();) {
    size_t length = 1;
    char32_t c = decode_utf8(text.data() + i, text.size() - i, &length);
    i += length;
    bool space = is_ruby_space(c);
    bool split_space = space || c == 0;
    bool is_cjk = is_cjk_code_point(c);
    if (is_cjk) cjk_++;
    if (!split_space && !in_split_word_) split_words_++;  // String#split's words
    in_split_word_ = !split_space;
    bool in_run = !space && !is_cjk;                     // /[^CJK\s]+/'s matches
    if (in_run && !in_run_) runs_++;
    in_run_ = in_run;
  }
}

void WordCounter::add_html(std::string_view html) {
  strip_html(html, stripped_, scratch_);
  add_text(stripped_);
}

WordTally WordCounter::tally_html(std::string_view html) {
  strip_html(html, stripped_, scratch_);
  WordCounter alone;
  alone.add_text(stripped_);
  WordTally tally;
  tally.cjk = alone.cjk_;
  tally.split_words = alone.split_words_;
  tally.runs = alone.runs_;
  tally.empty = stripped_.empty();
  if (!tally.empty) {
    size_t length = 1;
    char32_t first = decode_utf8(stripped_.data(), stripped_.size(), &length);
    tally.starts_split_word = !is_ruby_space(first) && first != 0;
    tally.starts_run = !is_ruby_space(first) && !is_cjk_code_point(first);
  }
  tally.ends_split_word = alone.in_split_word_;
  tally.ends_run = alone.in_run_;
  return tally;
}

void WordCounter::add(const WordTally& tally) {
  if (tally.empty) return;
  cjk_ += tally.cjk;
  // Counted alone, the piece's first word was new; after a word it continues that one.
  split_words_ += tally.split_words - (in_split_word_ && tally.starts_split_word ? 1 : 0);
  runs_ += tally.runs - (in_run_ && tally.starts_run ? 1 : 0);
  in_split_word_ = tally.ends_split_word;
  in_run_ = tally.ends_run;
}

size_t jekyll_number_of_words(std::string_view text) {
  WordCounter counter;
  counter.add_text(text);
  return counter.words();
}

size_t chirpy_word_count(std::string_view html) {
  WordCounter counter;
  counter.add_html(html);
  return counter.words();
}

uint32_t chirpy_read_minutes(size_t words) {
  size_t minutes = words / 180;
  return minutes > 0 ? static_cast<uint32_t>(minutes) : 1u;
}

}  // namespace draftmark
