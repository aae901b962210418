#include "jekyll/front_matter/yaml_scalar.h"

#include <cstdint>

#include "text/decimal_text.h"
#include "jekyll/front_matter/jekyll_date.h"

namespace draftmark {
namespace {

bool is_digit(char c) { return c >= '0' && c <= '9'; }
bool is_hex(char c) { return is_digit(c) || (c >= 'a' && c <= 'f') || (c >= 'A' && c <= 'F'); }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

bool iequals(std::string_view a, std::string_view b) {
  if (a.size() != b.size()) return false;
  for (size_t i = 0; i < a.size(); i++) {
    if (lower(a[i]) != b[i]) return false;
  }
  return true;
}

// Psych's "looks like a word" class: [[:alpha:]_\s!@#$%^&*(){}<>|/\\~;=]. Non-ASCII
// bytes count as letters; only ASCII strings can be numbers or dates anyway.
bool is_word_char(unsigned char c) {
  if (c >= 0x80) return true;
  if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z')) return true;
  for (const char* p = "_ \t\r\n\f\v!@#$%^&*(){}<>|/\\~;="; *p; p++) {
    if (c == static_cast<unsigned char>(*p)) return true;
  }
  return false;
}

size_t utf8_length(std::string_view s) {
  size_t n = 0;
  for (char c : s) n += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
  return n;
}

size_t utf8_char_size(unsigned char lead) {
  return lead < 0x80 ? 1 : lead < 0xE0 ? 2 : lead < 0xF0 ? 3 : 4;
}

// Psych: string =~ /^[^\d.:-]?[[:alpha:]_\s!@#$%\^&*(){}<>|\/\\~;=]+/
bool looks_like_word(std::string_view s) {
  unsigned char first = static_cast<unsigned char>(s[0]);
  if (is_word_char(first)) return true;
  if (is_digit(s[0]) || s[0] == '.' || s[0] == ':' || s[0] == '-') return false;
  size_t next = utf8_char_size(first);
  return next < s.size() && is_word_char(static_cast<unsigned char>(s[next]));
}

void set(TypedScalar& out, ScalarType type, std::string_view text) {
  out.type = type;
  out.text.assign(text.data(), text.size());
}

// Psych's branch for word-like strings: only short ones can be null or booleans.
void type_word(std::string_view s, TypedScalar& out) {
  if (utf8_length(s) <= 5) {
    if (s == "~" || iequals(s, "null")) return set(out, ScalarType::kNull, "");
    if (iequals(s, "yes") || iequals(s, "true") || iequals(s, "on")) return set(out, ScalarType::kBool, "true");
    if (iequals(s, "no") || iequals(s, "false") || iequals(s, "off")) return set(out, ScalarType::kBool, "false");
  }
  set(out, ScalarType::kString, s);
}

std::string_view strip_sign(std::string_view s, bool& negative) {
  negative = !s.empty() && s[0] == '-';
  if (!s.empty() && (s[0] == '-' || s[0] == '+')) s.remove_prefix(1);
  return s;
}

// Psych's base-60 forms: [-+]?[0-9][0-9_]*(:[0-5]?[0-9]){1,2} with an optional
// fraction on the last part. Splits into parts; false when the shape differs.
bool split_sexagesimal(std::string_view s, std::string_view parts[3], size_t& count, bool& fractional) {
  bool negative;
  std::string_view body = strip_sign(s, negative);
  count = 0;
  fractional = false;
  size_t start = 0;
  for (size_t i = 0; i <= body.size(); i++) {
    if (i < body.size() && body[i] != ':') continue;
    if (count == 3) return false;
    parts[count++] = body.substr(start, i - start);
    start = i + 1;
  }
  if (count < 2) return false;
  std::string_view head = parts[0];
  if (head.empty() || !is_digit(head[0])) return false;
  for (char c : head) {
    if (!is_digit(c) && c != '_') return false;
  }
  for (size_t k = 1; k < count; k++) {
    std::string_view p = parts[k];
    if (k == count - 1) {
      size_t dot = p.find('.');
      if (dot != std::string_view::npos) {
        for (char c : p.substr(dot + 1)) {
          if (!is_digit(c) && c != '_') return false;
        }
        fractional = true;
        p = p.substr(0, dot);
      }
    }
    if (p.empty() || p.size() > 2 || !is_digit(p.back())) return false;
    if (p.size() == 2 && !(p[0] >= '0' && p[0] <= '5')) return false;
  }
  return true;
}

bool type_sexagesimal(std::string_view s, TypedScalar& out) {
  std::string_view parts[3];
  size_t count;
  bool fractional;
  if (!split_sexagesimal(s, parts, count, fractional)) return false;
  if (fractional) {  // 1:30.5: Psych makes a float; we keep the text (rare, and exact)
    set(out, ScalarType::kString, s);
    return true;
  }
  bool negative;
  strip_sign(s, negative);
  // Psych weighs part e by 60^|e-2|, so "1:30" is 1*3600 + 30*60 (sic).
  static const int64_t kWeights[3] = {3600, 60, 1};
  int64_t total = 0;
  for (size_t e = 0; e < count; e++) {
    int64_t part = 0;
    for (char c : parts[e]) {
      if (c == '_') continue;
      if (part > (INT64_MAX / 3600 - 9) / 10) {  // too big to weigh exactly: keep the text
        set(out, ScalarType::kString, s);
        return true;
      }
      part = part * 10 + (c - '0');
    }
    if (e == 0 && negative) part = -part;
    total += part * kWeights[e];
  }
  out.type = ScalarType::kInt;
  out.text.clear();
  append_signed_decimal(out.text, total);
  return true;
}

// FLOAT = /^[-+]?([0-9][0-9_,]*)?\.[0-9]*([eE][-+][0-9]+)?$/ (note: a '.' is required).
// The JSON text is the written number normalised the way Ruby prints a Float
// (3.10 -> 3.1, 1. -> 1.0, .5 -> 0.5, +1_000.0 -> 1000.0); an exponent is kept as
// written (1.0e+3), which JSON reads as the same number.
bool type_float(std::string_view s, TypedScalar& out) {
  bool negative;
  std::string_view body = strip_sign(s, negative);
  size_t i = 0;
  std::string whole, fraction, exponent;
  if (i < body.size() && is_digit(body[i])) {
    while (i < body.size() && (is_digit(body[i]) || body[i] == '_' || body[i] == ',')) {
      if (is_digit(body[i])) whole += body[i];
      i++;
    }
  }
  if (i >= body.size() || body[i] != '.') return false;
  i++;
  while (i < body.size() && is_digit(body[i])) fraction += body[i++];
  if (i < body.size() && (body[i] == 'e' || body[i] == 'E')) {
    if (i + 2 >= body.size() || (body[i + 1] != '+' && body[i + 1] != '-') || !is_digit(body[i + 2])) return false;
    exponent = body[i + 1] == '-' ? "e-" : "e+";
    i += 2;
    while (i < body.size() && is_digit(body[i])) exponent += body[i++];
  }
  if (i != body.size()) return false;
  if (body.size() == 1) {  // "." or "+." alone
    set(out, ScalarType::kString, s);
    return true;
  }
  size_t first = whole.find_first_not_of('0');
  whole = first == std::string::npos ? "0" : whole.substr(first);
  size_t last = fraction.find_last_not_of('0');
  fraction = last == std::string::npos ? "0" : fraction.substr(0, last + 1);
  out.type = ScalarType::kFloat;
  out.text = negative ? "-" : "";
  out.text += whole + "." + fraction + exponent;
  return true;
}

// Psych's INTEGER_LEGACY: 0b[01_,]+, 0[0-7_,]+, 0x[0-9a-fA-F_,]+, or decimal with
// single '_' or ',' between digits; then Integer() of the text without ',' and '_'.
bool type_integer(std::string_view s, TypedScalar& out) {
  bool negative;
  std::string_view body = strip_sign(s, negative);
  if (body.empty()) return false;
  unsigned base = 10;
  std::string_view digits = body;
  auto all_of = [](std::string_view text, bool (*ok)(char)) {
    if (text.empty()) return false;
    for (char c : text) {
      if (!ok(c) && c != '_' && c != ',') return false;
    }
    return true;
  };
  if (body.size() > 1 && body[0] == '0' && body[1] == 'b') {
    base = 2;
    digits = body.substr(2);
    if (!all_of(digits, [](char c) { return c == '0' || c == '1'; })) return false;
  } else if (body.size() > 1 && body[0] == '0' && body[1] == 'x') {
    base = 16;
    digits = body.substr(2);
    if (!all_of(digits, is_hex)) return false;
  } else if (body.size() > 1 && body[0] == '0') {
    base = 8;
    digits = body.substr(1);
    if (!all_of(digits, [](char c) { return c >= '0' && c <= '7'; })) return false;
  } else {
    if (body != "0") {
      if (body[0] < '1' || body[0] > '9') return false;
      for (size_t i = 1; i < body.size(); i++) {
        if (is_digit(body[i])) continue;
        // A separator must sit between digits.
        if ((body[i] == '_' || body[i] == ',') && i + 1 < body.size() && is_digit(body[i + 1])) continue;
        return false;
      }
    }
  }
  std::string cleaned;
  for (char c : digits) {
    if (c != '_' && c != ',') cleaned += c;
  }
  if (cleaned.empty()) {
    if (base != 8) return false;  // "0b_" would make Integer() raise: keep the text
    cleaned = "0";
  }
  uint64_t value = 0;
  bool overflow = false;
  for (char c : cleaned) {
    unsigned d = is_digit(c) ? static_cast<unsigned>(c - '0') : static_cast<unsigned>(lower(c) - 'a' + 10);
    if (value > (UINT64_MAX - d) / base) overflow = true;
    value = value * base + d;
  }
  const uint64_t limit = negative ? uint64_t{1} << 63 : (uint64_t{1} << 63) - 1;
  out.type = ScalarType::kInt;
  if (overflow || value > limit) {
    if (base != 10) {
      set(out, ScalarType::kString, s);
      return true;
    }
    // Ruby has big integers and JSON numbers may be long: write the digits.
    size_t first = cleaned.find_first_not_of('0');
    out.text = negative ? "-" : "";
    out.text += cleaned.substr(first);
    return true;
  }
  out.text = negative && value != 0 ? "-" : "";
  append_decimal(out.text, value);
  return true;
}

}  // namespace

void type_plain_scalar(std::string_view s, TypedScalar& out) {
  out.iso.clear();
  if (s.empty()) return set(out, ScalarType::kNull, "");
  if (looks_like_word(s) || s.find('\n') != std::string_view::npos) return type_word(s, out);
  DateParts date;
  if (parse_yaml_timestamp(s, date)) {
    set(out, ScalarType::kString, s);
    out.iso = format_iso(date);
    return;
  }
  if (iequals(s, ".inf") || iequals(s, "+.inf") || iequals(s, "-.inf") || iequals(s, ".nan")) {
    return set(out, ScalarType::kString, s);
  }
  if (s[0] == ':') return set(out, ScalarType::kString, s);
  if (type_sexagesimal(s, out)) return;
  if (type_float(s, out)) return;
  if (type_integer(s, out)) return;
  set(out, ScalarType::kString, s);
}

}  // namespace draftmark
