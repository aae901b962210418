#include "jekyll/post_layout/word_count.h"

#include <cstdint>
#include <cstring>

#include "text/byte_scan.h"
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

// The first offset >= from where `needle` starts in `text`, or npos.
size_t find_text(std::string_view text, size_t from, std::string_view needle) {
  while (from + needle.size() <= text.size()) {
    from += find_byte(text.data() + from, text.size() - from, needle[0]);
    if (from + needle.size() > text.size()) break;
    if (std::memcmp(text.data() + from, needle.data(), needle.size()) == 0) return from;
    from++;
  }
  return std::string_view::npos;
}

// strip_html's first pass asked position by position: where the script, comment or style
// block that starts at html[i] (a '<') ends, or npos when none does.
class StripBlocks {
 public:
  explicit StripBlocks(std::string_view html) : html_(html) {}
  size_t end_at(size_t i) {
    const char next = i + 1 < html_.size() ? html_[i + 1] : '\0';
    if (next != 's' && next != '!') return std::string_view::npos;  // "<script", "<!--", "<style"
    for (size_t k = 0; k < 3; k++) {
      const StripBlock& block = kStripBlocks[k];
      if (i >= no_close_from_[k] || html_.size() - i < block.open.size() ||
          std::memcmp(html_.data() + i, block.open.data(), block.open.size()) != 0) {
        continue;
      }
      const size_t close = find_text(html_, i + block.open.size(), block.close);
      if (close != std::string_view::npos) return close + block.close.size();
      no_close_from_[k] = i;
    }
    return std::string_view::npos;
  }

 private:
  std::string_view html_;
  // A close not found from one position is not found from any later one either.
  size_t no_close_from_[3] = {std::string_view::npos, std::string_view::npos, std::string_view::npos};
};

// The high bit of each byte of `ascii` (all below 0x80, so no carry crosses bytes) set
// where the byte is >= n (1 <= n <= 0x80).
inline uint64_t at_least(uint64_t ascii, unsigned n) { return (ascii + (0x80 - n) * kByteOnes) & kByteHighBits; }

// How many bytes of `in_word` (high bits) are in a word that the byte before does not
// continue; `before` says whether the byte before the first one was in a word.
inline size_t word_starts(uint64_t in_word, bool before) {
  const uint64_t previous = (in_word << 8) | (before ? 0x80u : 0u);
  return static_cast<size_t>(__builtin_popcountll(in_word & ~previous));
}

// The first `count` (1..8) characters of `chunk` at once, all ASCII (add_text's rules, one
// bit per byte): a word starts where a byte is in a word and the byte before it (the
// previous chunk's last) is not. The bytes past `count` may be anything: a byte >= 0x80
// carries in at_least only into the bytes after it, which `kept` drops.
inline void add_ascii(uint64_t chunk, size_t count, size_t& split_words, size_t& runs, bool& in_split_word,
                      bool& in_run) {
  const uint64_t kept = count == 8 ? ~uint64_t{0} : (uint64_t{1} << (8 * count)) - 1;
  const uint64_t space = (at_least(chunk, '\t') & ~at_least(chunk, '\r' + 1)) |
                         (at_least(chunk, ' ') & ~at_least(chunk, ' ' + 1));
  const uint64_t run_bytes = ~space & kByteHighBits & kept;
  const uint64_t split_word_bytes = run_bytes & at_least(chunk, 1);  // NUL splits too
  runs += word_starts(run_bytes, in_run);
  split_words += word_starts(split_word_bytes, in_split_word);
  const unsigned last = 8 * static_cast<unsigned>(count) - 1;  // the high bit of the last byte kept
  in_run = ((run_bytes >> last) & 1) != 0;
  in_split_word = ((split_word_bytes >> last) & 1) != 0;
}

// decode_utf8, with the 3-byte sequences of Hangul and Han (always well-formed for these
// lead bytes when the continuation bytes are) decoded inline.
inline char32_t decode_utf8_fast(const unsigned char* p, size_t size, size_t* length) {
  if (p[0] >= 0xE1 && p[0] <= 0xEC && size >= 3 && (p[1] & 0xC0) == 0x80 && (p[2] & 0xC0) == 0x80) {
    *length = 3;
    return (char32_t{p[0] & 0x0Fu} << 12) | (char32_t{p[1] & 0x3Fu} << 6) | (p[2] & 0x3Fu);
  }
  return decode_utf8(reinterpret_cast<const char*>(p), size, length);
}

// The bytes of the run of Hangul syllables and Han ideographs (is_common_cjk: three bytes
// each, lead bytes E4..ED) that p[0, size) starts with; 0 when it starts with none.
inline size_t common_cjk_run(const unsigned char* p, size_t size) {
  size_t i = 0;
  while (i + 3 <= size && p[i] >= 0xE4 && p[i] <= 0xED && ((p[i + 1] & 0xC0) | (p[i + 2] >> 6)) == 0x82 &&
         is_common_cjk((char32_t{p[i] & 0x0Fu} << 12) | (char32_t{p[i + 1] & 0x3Fu} << 6) | (p[i + 2] & 0x3Fu))) {
    i += 3;
  }
  return i;
}

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

// One character's step of number_of_words: CJK characters count one each, String#split's
// words and the runs of /[^CJK\s]+/ count where they start. Non-ASCII is never Ruby's \s.
void WordCounter::add_text(std::string_view text) { count_text<false>(text.data(), text.size()); }

template <bool kStopAtLt>
size_t WordCounter::count_text(const char* text, size_t size) {
  // Locals, not members, in the loop: a member store could alias the text's bytes (char may
  // alias anything), which keeps every count in memory.
  size_t cjk_count = cjk_, split_words = split_words_, runs = runs_;
  bool in_split_word = in_split_word_, in_run = in_run_;
  const auto* bytes = reinterpret_cast<const unsigned char*>(text);
  size_t i = 0;
  while (i < size) {
    const unsigned char byte = bytes[i];
    if (byte < 0x80) {
      if (i + 8 <= size) {
        // Eight bytes at a time, up to the first non-ASCII one (or '<' when stopping there);
        // a lone byte (the space between two Hangul words) is cheaper one by one below.
        const uint64_t chunk = load_word(text + i);
        const uint64_t stop = (chunk & kByteHighBits) | (kStopAtLt ? bytes_equal(chunk, '<') : 0);
        const size_t ascii = stop == 0 ? 8 : first_marked(stop);
        if (ascii >= 2) {
          add_ascii(chunk, ascii, split_words, runs, in_split_word, in_run);
          i += ascii;
          continue;
        }
      }
      if (kStopAtLt && byte == '<') {
        // A tag that is no script, style or comment (add_stripped removes those whole) and
        // whose '>' comes before any other '<': skipped here, the count going on, instead of
        // in a return to add_stripped for every tag (a third of a post's tally). The first
        // text of a block is still found there.
        if (empty_ || i + 1 >= size || text[i + 1] == 's' || text[i + 1] == '!') break;
        const size_t end = i + 1 + find_either(text + i + 1, size - i - 1, '>', '<');
        if (end >= size || text[end] == '<') break;
        i = end + 1;
        continue;
      }
      i++;
      if (is_ruby_space(byte)) {
        in_split_word = in_run = false;
      } else {
        split_words += byte != 0 && !in_split_word;  // String#split also splits at NUL
        runs += !in_run;
        in_split_word = byte != 0;
        in_run = true;
      }
      continue;
    }
    if (size_t run = common_cjk_run(bytes + i, size - i); run > 0) {
      // Hangul syllables or Han ideographs: a word each, and as one character would leave it.
      cjk_count += run / 3;
      split_words += !in_split_word;
      in_split_word = true;
      in_run = false;
      i += run;
      continue;
    }
    size_t length;
    const bool cjk = is_cjk_code_point(decode_utf8_fast(bytes + i, size - i, &length));
    i += length;
    cjk_count += cjk;
    split_words += !in_split_word;
    runs += !cjk && !in_run;
    in_split_word = true;
    in_run = !cjk;
  }
  cjk_ = cjk_count;
  split_words_ = split_words;
  runs_ = runs;
  in_split_word_ = in_split_word;
  in_run_ = in_run;
  return i;
}

void WordCounter::add_stripped(std::string_view html, char32_t& first) {
  auto text = [&](size_t begin, size_t end) {
    const char* p = html.data() + begin;
    if (empty_) {
      size_t length;
      first = decode_utf8(p, end - begin, &length);
      empty_ = false;
    }
    add_text(std::string_view(p, end - begin));
  };
  // Both passes at once: text up to a '<'; there a removed block, or a tag that ends at the
  // next '>' the first pass keeps.
  StripBlocks blocks(html);
  const size_t size = html.size();
  for (size_t i = 0; i < size;) {
    // The text up to the next '<', counted in the pass that finds it.
    if (empty_ && html[i] != '<') {
      size_t length;
      first = decode_utf8(html.data() + i, size - i, &length);
      empty_ = false;
    }
    const size_t lt = i + count_text<true>(html.data() + i, size - i);
    if (lt == size) break;
    if (size_t end = blocks.end_at(lt); end != std::string_view::npos) {
      i = end;
      continue;
    }
    size_t gt = lt + 1;
    while ((gt += find_either(html.data() + gt, size - gt, '>', '<')) < size && html[gt] == '<') {
      const size_t end = blocks.end_at(gt);
      gt = end != std::string_view::npos ? end : gt + 1;
    }
    if (gt < size) {
      i = gt + 1;
      continue;
    }
    // No '>' after this '<': it is text, and so is all the first pass keeps after it.
    size_t run = lt;
    for (size_t j = lt + 1; j < size; j++) {
      const size_t end = html[j] == '<' ? blocks.end_at(j) : std::string_view::npos;
      if (end == std::string_view::npos) continue;
      if (j > run) text(run, j);
      run = end;
      j = end - 1;
    }
    if (run < size) text(run, size);
    break;
  }
}

void WordCounter::add_html(std::string_view html) { add(tally_html(html)); }

WordTally WordCounter::tally_html(std::string_view html) {
  WordCounter alone;
  char32_t first = 0;
  alone.add_stripped(html, first);
  WordTally tally;
  tally.cjk = alone.cjk_;
  tally.split_words = alone.split_words_;
  tally.runs = alone.runs_;
  tally.empty = alone.empty_;
  if (!tally.empty) {
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
