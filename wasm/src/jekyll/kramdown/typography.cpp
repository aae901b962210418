#include "jekyll/kramdown/typography.h"

#include <array>
#include <cstdint>

#include "text/byte_scan.h"
#include "text/html_escape.h"
#include "text/unicode_class.h"

namespace draftmark {
namespace {

// Ruby's \s, \w and \d are ASCII-only; only \b (rule 8) and \B (rule 2) use Unicode words.
bool is_space(int ch) { return ch == ' ' || ch == '\t' || ch == '\n' || ch == '\v' || ch == '\f' || ch == '\r'; }
bool is_digit(int ch) { return ch >= '0' && ch <= '9'; }
bool is_ascii_word(int ch) {
  return is_digit(ch) || (ch >= 'a' && ch <= 'z') || (ch >= 'A' && ch <= 'Z') || ch == '_';
}
bool is_quote(int ch) { return ch == '"' || ch == '\''; }

// SQ_PUNCT: ASCII punctuation except "&".
bool is_sq_punct(int ch) {
  if (ch < 0) return false;
  for (const char* p = "!\"#$%'()*+,-./:;<=>?@[\\]^_`{|}~"; *p; p++) {
    if (ch == *p) return true;
  }
  return false;
}

// SQ_CLOSE: characters after which a quote closes.
bool closes_after(char32_t ch) {
  switch (ch) {
    case ' ': case '\\': case '\t': case '\r': case '\n': case '[': case '{': case '(': case '-':
      return false;
    default:
      return true;
  }
}

// Characters that start another kramdown span parser (emphasis, code span, link) which runs
// before smart quotes and consumes them even when it fails: a quote right after one has no
// context. A backslash starts an escape.
bool consumes_context(char32_t ch) {
  return ch == '*' || ch == '_' || ch == '`' || ch == '[' || ch == '\\';
}

enum QuoteKind { kLeft, kRight };

const char* quote_utf8(char quote, QuoteKind kind) {
  if (quote == '"') return kind == kLeft ? "\u201C" : "\u201D";
  return kind == kLeft ? "\u2018" : "\u2019";
}

// The chunk followed by the source after it, read as one string for lookahead.
class Lookahead {
 public:
  Lookahead(const char* text, size_t size, std::string_view following)
      : text_(text), size_(size), following_(following) {}

  // Byte at `index`, or -1 past the end.
  int at(size_t index) const {
    if (index < size_) return static_cast<unsigned char>(text_[index]);
    index -= size_;
    return index < following_.size() ? static_cast<unsigned char>(following_[index]) : -1;
  }

  // Whether the code point starting at `index` is a Unicode word character (false at end).
  bool word_at(size_t index) const {
    if (index < size_) return word(text_ + index, size_ - index);
    index -= size_;
    return index < following_.size() && word(following_.data() + index, following_.size() - index);
  }

 private:
  static bool word(const char* p, size_t n) {
    size_t length;
    return is_word_code_point(decode_utf8(p, n, &length));
  }
  const char* text_;
  size_t size_;
  std::string_view following_;
};

// Which typographic symbol starts at text[i] (entirely inside the chunk), as
// TYPOGRAPHIC_SYMS_RE tries them, in order. Returns the bytes matched (0 if none). Bytes
// compared one by one: a string_view == per pattern called libc's memcmp.
size_t match_symbol(const char* text, size_t size, size_t i, const char** replacement) {
  struct Symbol {
    char first, second, third;  // third == 0: a two-character pattern
    const char* replacement;
  };
  static constexpr Symbol kSymbols[] = {
      {'-', '-', '-', "\u2014"}, {'-', '-', 0, "\u2013"},   {'.', '.', '.', "\u2026"}, {'<', '<', ' ', "\u00AB\u00A0"},
      {' ', '>', '>', "\u00A0\u00BB"}, {'<', '<', 0, "\u00AB"}, {'>', '>', 0, "\u00BB"}};
  const char next = i + 1 < size ? text[i + 1] : '\0';  // no pattern holds a NUL
  const char third = i + 2 < size ? text[i + 2] : '\0';
  for (const Symbol& symbol : kSymbols) {
    if (text[i] == symbol.first && next == symbol.second && (symbol.third == 0 || third == symbol.third)) {
      *replacement = symbol.replacement;
      return symbol.third == 0 ? 2 : 3;
    }
  }
  return 0;
}

// What ends convert()'s plain run at a byte: kStops always (quotes, '<' and '>'),
// kStopsUnlessSymbol ('-', '.') only where a symbol starts, kStopsBeforeGt only before a '>'
// (" >>"), kStopsInHtml when escaping ('&'). One table look-up per byte of text.
constexpr uint8_t kStops = 1, kStopsBeforeGt = 2, kStopsInHtml = 4, kStopsUnlessSymbol = 8;
constexpr std::array<uint8_t, 256> make_run_stops() {
  std::array<uint8_t, 256> stops{};
  for (char c : {'"', '\'', '<', '>'}) stops[static_cast<unsigned char>(c)] = kStops;
  stops['-'] = stops['.'] = kStopsUnlessSymbol;
  stops[' '] = kStopsBeforeGt;
  stops['&'] = kStopsInHtml;
  return stops;
}
constexpr std::array<uint8_t, 256> kRunStops = make_run_stops();

// The high bit of each byte of `word` in [lo, hi] (lo >= 1, hi <= 0x7F); bytes >= 0x80 are
// not (Hacker's Delight's "has between").
template <unsigned kLo, unsigned kHi>
inline uint64_t bytes_between(uint64_t word) {
  constexpr uint64_t kLow7 = 0x7F7F7F7F7F7F7F7Full;
  const uint64_t low = word & kLow7;
  return (kByteOnes * (0x7F + kHi + 1) - low) & ~word & (low + kByteOnes * (0x7F - kLo + 1)) & kByteHighBits;
}

// The high bit of each byte of `word` in '"' .. '\'', '-' .. '.' or '<' .. '>', where every
// kRunStops byte but the space is: prose's commas, digits and parentheses do not stop the
// eight-byte steps (one range from '"' to '>' took them in).
inline uint64_t may_stop(uint64_t word) {
  return bytes_between<'"', '\''>(word) | bytes_between<'-', '.'>(word) | bytes_between<'<', '>'>(word);
}

// The end of the run of text[i, size) that converts to itself. Prose (letters, CJK, spaces)
// holds no stop for eight bytes at a time: those are skipped in one step unless a '>'
// follows them (a space before it may be " >>").
size_t plain_run_end(const char* text, size_t size, size_t i, bool html) {
  while (i < size) {
    while (i + 8 < size && may_stop(load_word(text + i)) == 0 && text[i + 8] != '>') i += 8;
    for (const size_t end = i + 8 < size ? i + 8 : size; i < end; i++) {
      const uint8_t stop = kRunStops[static_cast<unsigned char>(text[i])];
      if (stop == 0) continue;
      // A '-' or '.' that starts no symbol (a hyphen, a full stop) converts to itself: the
      // run goes on instead of leaving it to the slow path one character at a time.
      if (stop == kStopsUnlessSymbol) {
        const char* replacement = nullptr;
        if (match_symbol(text, size, i, &replacement) == 0) continue;
        return i;
      }
      if (stop == kStops || (stop == kStopsInHtml && html) ||
          (stop == kStopsBeforeGt && i + 1 < size && text[i + 1] == '>')) {
        return i;
      }
    }
  }
  return size;
}

}  // namespace

void Typography::append_literal(std::string& out, const char* text, size_t size) {
  append_html_escaped(out, text, size);
  context_ = 0;
}

void Typography::append_plain_literal(std::string& out, const char* text, size_t size) {
  out.append(text, size);
  context_ = 0;
}

void Typography::convert(std::string& out, const char* text, size_t size, std::string_view following,
                         bool html) {
  Lookahead ahead(text, size, following);
  auto emit_text = [&](const char* p, size_t n) {
    if (html) append_html_escaped(out, p, n); else out.append(p, n);
  };

  char32_t context = context_;
  size_t i = 0;
  while (i < size) {
    char ch = text[i];

    if (is_quote(ch)) {
      // kramdown's SQ_RULES, tried in order. With a context character the match starts at
      // it, so the rules that begin with a quote (1, 2, 8) cannot match.
      int next = ahead.at(i + 1);
      bool next_in_chunk = i + 1 < size;
      size_t consumed = 1;
      QuoteKind kind = kLeft;
      if (context == '\\') {
        emit_text(text + i, 1);  // an escaped quote kramdown never converts
      } else if (context != 0) {
        bool space_before = context < 0x80 && is_space(static_cast<int>(context));
        if (space_before && ch == '"' && next == '\'' && next_in_chunk && is_ascii_word(ahead.at(i + 2))) {
          out += "\u201C\u2018";  // rule 3: "'word
          consumed = 2;
        } else if (space_before && ch == '\'' && next == '"' && next_in_chunk &&
                   is_ascii_word(ahead.at(i + 2))) {
          out += "\u2018\u201C";  // rule 4: '"word
          consumed = 2;
        } else {
          if (space_before && ch == '\'' && is_digit(next) && is_digit(ahead.at(i + 2)) && ahead.at(i + 3) == 's') {
            kind = kRight;  // rule 5: the '80s
          } else if (space_before && is_ascii_word(next)) {
            kind = kLeft;  // rule 6
          } else if (closes_after(context)) {
            kind = kRight;  // rule 7
          }  // else rules 9 and 10: opening
          out += quote_utf8(ch, kind);
        }
      } else {
        if ((next == '_' || next == '*') && ahead.at(i + 2) >= 0 && !is_space(ahead.at(i + 2))) {
          out += quote_utf8(ch, kLeft);  // rule 1: quote before emphasis
        } else if (is_sq_punct(next) && !(ahead.at(i + 2) == '.' && ahead.at(i + 3) == '.') &&
                   (next == '_') == ahead.word_at(i + 2)) {
          out += quote_utf8(ch, kRight);  // rule 2: quote before punctuation, no word boundary
        } else if (ch == '"' && next == '\'' && next_in_chunk && is_ascii_word(ahead.at(i + 2))) {
          out += "\u201C\u2018";  // rule 3
          consumed = 2;
        } else if (ch == '\'' && next == '"' && next_in_chunk && is_ascii_word(ahead.at(i + 2))) {
          out += "\u2018\u201C";  // rule 4
          consumed = 2;
        } else if (ch == '\'' && is_digit(next) && is_digit(ahead.at(i + 2)) && ahead.at(i + 3) == 's') {
          out += quote_utf8(ch, kRight);  // rule 5
        } else if (is_quote(next) && next_in_chunk) {
          emit_text(text + i, 1);  // rule 7 with the quote itself as the closing context
          out += quote_utf8(static_cast<char>(next), kRight);
          consumed = 2;
        } else if (next < 0 || is_space(next) || (next == 's' && !ahead.word_at(i + 2))) {
          out += quote_utf8(ch, kRight);  // rule 8: before space, "s", end of line or text
        } else {
          out += quote_utf8(ch, kLeft);  // rules 9 and 10
        }
      }
      i += consumed;
      context = 0;
      continue;
    }

    // Fast path: a run of characters that can start neither a quote nor a symbol is
    // copied in one piece; only its last character matters, as the next one's context.
    // In HTML it also stops at '&' (the slow path escapes it), so the run holds nothing to
    // escape (quotes, '<' and '>' already end it) and is copied without a second scan.
    const size_t run = plain_run_end(text, size, i, html);
    if (run > i) {
      out.append(text + i, run - i);
      size_t last = run - 1;
      while (last > i && (static_cast<unsigned char>(text[last]) & 0xc0) == 0x80) last--;
      size_t length;
      char32_t code_point = decode_utf8(text + last, run - last, &length);
      context = code_point == '\\' ? '\\' : consumes_context(code_point) ? 0 : code_point;
      i = run;
      continue;
    }

    // A character followed by a quote is that quote's context (smart quotes run before the
    // symbol parser at the same position), so symbols are only tried elsewhere.
    bool before_quote = i + 1 < size && is_quote(text[i + 1]);
    const char* replacement = nullptr;
    size_t matched = before_quote ? 0 : match_symbol(text, size, i, &replacement);
    if (matched) {
      out += replacement;
      i += matched;
      context = 0;
      continue;
    }

    size_t length;
    char32_t code_point = decode_utf8(text + i, size - i, &length);
    emit_text(text + i, length);
    i += length;
    context = code_point == '\\' ? '\\' : consumes_context(code_point) ? 0 : code_point;
  }
  context_ = context == '\\' ? 0 : context;
}

}  // namespace draftmark
