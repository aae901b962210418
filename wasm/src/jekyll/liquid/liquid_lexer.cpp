#include "jekyll/liquid/liquid_lexer.h"

#include <cstring>

namespace draftmark {
namespace {

bool is_word(char c) {
  return (c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '_' ||
         static_cast<unsigned char>(c) >= 0x80;  // Ruby's \w in a UTF-8 regexp is Unicode-aware
}

}  // namespace

std::string_view trim_liquid_space(std::string_view s) {
  size_t b = 0, e = s.size();
  while (b < e && is_liquid_space(s[b])) b++;
  while (e > b && is_liquid_space(s[e - 1])) e--;
  return s.substr(b, e - b);
}

// `%}` for tags, `}` for outputs, at or after `from`; npos when there is none.
size_t LiquidLexer::find_closer(size_t from, bool tag) {
  size_t& memo_from = tag ? tag_from_ : out_from_;
  size_t& memo_at = tag ? tag_at_ : out_at_;
  // A previous search from at most `from` found nothing, or found a closer at/after `from`.
  if (memo_from != SIZE_MAX && memo_from <= from && (memo_at == std::string_view::npos || memo_at >= from)) {
    return memo_at;
  }
  size_t at = std::string_view::npos;
  if (tag) {
    for (size_t i = from; i + 1 < text_.size(); i++) {
      const void* hit = std::memchr(text_.data() + i, '%', text_.size() - i - 1);
      if (hit == nullptr) break;
      i = static_cast<size_t>(static_cast<const char*>(hit) - text_.data());
      if (text_[i + 1] == '}') {
        at = i;
        break;
      }
    }
  } else if (from < text_.size()) {
    const void* hit = std::memchr(text_.data() + from, '}', text_.size() - from);
    if (hit != nullptr) at = static_cast<size_t>(static_cast<const char*>(hit) - text_.data());
  }
  memo_from = from;
  memo_at = at;
  return at;
}

bool LiquidLexer::next(LiquidToken& out) {
  if (pos_ >= text_.size()) return false;
  out = LiquidToken{};
  out.begin = pos_;
  // Text runs to the next `{{` or `{%`.
  size_t open = pos_;
  while (true) {
    const void* hit = open < text_.size() ? std::memchr(text_.data() + open, '{', text_.size() - open) : nullptr;
    if (hit == nullptr) {
      open = text_.size();
      break;
    }
    open = static_cast<size_t>(static_cast<const char*>(hit) - text_.data());
    if (open + 1 < text_.size() && (text_[open + 1] == '{' || text_[open + 1] == '%')) break;
    open++;
  }
  if (open > pos_) {
    out.kind = LiquidToken::Kind::kText;
    out.end = pos_ = open;
    return true;
  }
  const bool tag = text_[open + 1] == '%';
  size_t close = find_closer(open + 2, tag);
  if (close == std::string_view::npos || (!tag && (close + 1 >= text_.size() || text_[close + 1] != '}'))) {
    out.kind = LiquidToken::Kind::kUnterminated;
    out.end = pos_ = open + 2;
    return true;
  }
  out.kind = tag ? LiquidToken::Kind::kTag : LiquidToken::Kind::kOutput;
  out.end = pos_ = close + 2;
  size_t ib = open + 2, ie = close;
  if (ib < ie && text_[ib] == '-') {
    out.trim_left = true;
    ib++;
  }
  if (ie > ib && text_[ie - 1] == '-') {
    out.trim_right = true;
    ie--;
  }
  out.inner = text_.substr(ib, ie - ib);
  if (tag) {
    size_t i = 0;
    while (i < out.inner.size() && is_liquid_space(out.inner[i])) i++;
    size_t n = i;
    if (n < out.inner.size() && out.inner[n] == '#') {
      n++;
    } else {
      while (n < out.inner.size() && is_word(out.inner[n])) n++;
    }
    out.name = out.inner.substr(i, n - i);
    out.markup = trim_liquid_space(out.inner.substr(n));
  }
  return true;
}

}  // namespace draftmark
