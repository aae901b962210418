#include "jekyll/front_matter/jekyll_date.h"

#include "text/decimal_text.h"

namespace draftmark {
namespace {

const char* const kMonthNames[12] = {"Jan", "Feb", "Mar", "Apr", "May", "Jun",
                                     "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"};

bool is_digit(char c) { return c >= '0' && c <= '9'; }
// Ruby's \s (ASCII only).
bool is_space(char c) { return c == ' ' || c == '\t' || c == '\r' || c == '\n' || c == '\f' || c == '\v'; }
char lower(char c) { return c >= 'A' && c <= 'Z' ? static_cast<char>(c - 'A' + 'a') : c; }

struct Scanner {
  std::string_view s;
  size_t i = 0;

  bool done() const { return i >= s.size(); }
  char peek() const { return done() ? '\0' : s[i]; }
  bool eat(char c) {
    if (peek() != c) return false;
    i++;
    return true;
  }
  bool eat_either(char a, char b) { return eat(a) || eat(b); }
  size_t spaces() {
    size_t start = i;
    while (!done() && is_space(s[i])) i++;
    return i - start;
  }
  // Reads min..max digits (greedy) into value.
  bool digits(size_t min, size_t max, int& value) {
    size_t start = i;
    value = 0;
    while (!done() && is_digit(s[i]) && i - start < max) value = value * 10 + (s[i++] - '0');
    if (i - start >= min) return true;
    i = start;
    return false;
  }
  // Case-insensitive word match; the word must not continue with a letter.
  bool eat_word(std::string_view word) {
    if (s.size() - i < word.size()) return false;
    for (size_t k = 0; k < word.size(); k++) {
      if (lower(s[i + k]) != word[k]) return false;
    }
    size_t end = i + word.size();
    if (end < s.size() && lower(s[end]) >= 'a' && lower(s[end]) <= 'z') return false;
    i = end;
    return true;
  }
};

bool is_leap(int year) { return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0; }

int days_in_month(int year, int month) {
  static const int kDays[12] = {31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31};
  return month == 2 && is_leap(year) ? 29 : kDays[month - 1];
}

bool valid_date(int year, int month, int day) {
  return month >= 1 && month <= 12 && day >= 1 && day <= days_in_month(year, month);
}

bool valid_time(const DateParts& d) {
  return d.hour <= 23 && d.minute <= 59 && d.second <= 59;
}

// Zone after the time: `+9`, `+09`, `+0900`, `+09:00`, `-5`.
bool read_numeric_zone(Scanner& sc, DateParts& out) {
  size_t start = sc.i;
  char sign = sc.peek();
  if (sign != '+' && sign != '-') return false;
  sc.i++;
  int hours = 0, minutes = 0;
  size_t digits_start = sc.i;
  int run = 0;
  if (!sc.digits(1, 4, run)) {
    sc.i = start;
    return false;
  }
  size_t count = sc.i - digits_start;
  if (count <= 2) {
    hours = run;
    if (sc.eat(':') && !sc.digits(2, 2, minutes)) {
      sc.i = start;
      return false;
    }
  } else {
    hours = run / 100;
    minutes = run % 100;
  }
  if (hours > 23 || minutes > 59) {
    sc.i = start;
    return false;
  }
  out.has_zone = true;
  out.zone_minutes = (sign == '-' ? -1 : 1) * (hours * 60 + minutes);
  return true;
}

// `HH:MM:SS[.fff]` (seconds required when `require_seconds`).
bool read_time(Scanner& sc, DateParts& out, bool require_seconds) {
  size_t start = sc.i;
  if (!sc.digits(1, 2, out.hour) || !sc.eat(':') || !sc.digits(2, 2, out.minute)) {
    sc.i = start;
    return false;
  }
  if (sc.eat(':')) {
    if (!sc.digits(2, 2, out.second)) {
      sc.i = start;
      return false;
    }
    if (sc.eat('.')) {
      while (!sc.done() && is_digit(sc.peek())) out.fraction += sc.s[sc.i++];
    }
  } else if (require_seconds) {
    sc.i = start;
    return false;
  }
  out.has_time = true;
  return true;
}

int month_from_name(Scanner& sc) {
  static const char* const kFull[12] = {"january", "february", "march", "april", "may", "june", "july",
                                        "august", "september", "october", "november", "december"};
  for (int m = 0; m < 12; m++) {
    if (sc.eat_word(kFull[m])) return m + 1;
    std::string abbrev(kFull[m], 3);
    if (sc.eat_word(abbrev)) {
      sc.eat('.');
      return m + 1;
    }
  }
  return 0;
}

// The date part of a Jekyll date string.
bool read_loose_date(Scanner& sc, DateParts& out) {
  size_t start = sc.i;
  if (sc.digits(4, 4, out.year)) {
    char sep = sc.peek();
    if ((sep == '-' || sep == '/') && (sc.i++, sc.digits(1, 2, out.month)) && sc.eat(sep) &&
        sc.digits(1, 2, out.day)) {
      return true;
    }
    sc.i = start;
    return false;
  }
  if ((out.month = month_from_name(sc)) != 0) {  // "Mar 21, 2022"
    sc.spaces();
    if (sc.digits(1, 2, out.day)) {
      sc.eat(',');
      if (sc.spaces() > 0 && sc.digits(4, 4, out.year)) return true;
    }
    sc.i = start;
    return false;
  }
  if (sc.digits(1, 2, out.day) && sc.spaces() > 0 && (out.month = month_from_name(sc)) != 0 &&
      sc.spaces() > 0 && sc.digits(4, 4, out.year)) {  // "21 March 2022"
    return true;
  }
  sc.i = start;
  return false;
}

}  // namespace

bool parse_yaml_timestamp(std::string_view text, DateParts& out) {
  out = DateParts{};
  Scanner sc{text};
  if (!sc.digits(4, 4, out.year) || !sc.eat('-') || !sc.digits(1, 2, out.month) || !sc.eat('-') ||
      !sc.digits(1, 2, out.day)) {
    return false;
  }
  if (!valid_date(out.year, out.month, out.day)) return false;
  if (sc.done()) return true;  // a date
  if (!sc.eat_either('T', 't') && sc.spaces() == 0) return false;
  if (!read_time(sc, out, /*require_seconds=*/true) || !valid_time(out)) return false;
  if (sc.done()) return true;
  sc.spaces();
  if (sc.eat('Z')) {
    out.has_zone = true;
    out.utc_letter = true;
  } else if (!read_numeric_zone(sc, out)) {
    return false;
  }
  return sc.done();
}

bool parse_jekyll_date(std::string_view text, DateParts& out) {
  while (!text.empty() && is_space(text.front())) text.remove_prefix(1);
  while (!text.empty() && is_space(text.back())) text.remove_suffix(1);
  if (parse_yaml_timestamp(text, out)) return true;
  out = DateParts{};
  Scanner sc{text};
  if (!read_loose_date(sc, out) || !valid_date(out.year, out.month, out.day)) return false;
  if (sc.done()) return true;
  if (!sc.eat_either('T', 't')) {
    sc.eat(',');
    if (sc.spaces() == 0) return false;
  }
  if (!read_time(sc, out, /*require_seconds=*/false)) return false;
  sc.spaces();
  bool pm = sc.eat_word("pm");
  bool am = !pm && sc.eat_word("am");
  if (am || pm) {
    // 12-hour clock: 12 AM is midnight, 12 PM is noon.
    if (out.hour < 1 || out.hour > 12) return false;
    out.hour = out.hour % 12 + (pm ? 12 : 0);
  }
  if (!valid_time(out)) return false;
  sc.spaces();
  if (sc.done()) return true;
  if (sc.eat('Z') || sc.eat_word("utc") || sc.eat_word("gmt")) {
    out.has_zone = true;
    out.utc_letter = true;
  } else if (!read_numeric_zone(sc, out)) {
    return false;
  }
  sc.spaces();
  return sc.done();
}

std::string format_iso(const DateParts& date) {
  std::string out;
  append_decimal(out, static_cast<uint64_t>(date.year), 4);
  out += '-';
  append_decimal(out, static_cast<uint64_t>(date.month), 2);
  out += '-';
  append_decimal(out, static_cast<uint64_t>(date.day), 2);
  if (!date.has_time) return out;
  out += 'T';
  append_decimal(out, static_cast<uint64_t>(date.hour), 2);
  out += ':';
  append_decimal(out, static_cast<uint64_t>(date.minute), 2);
  out += ':';
  append_decimal(out, static_cast<uint64_t>(date.second), 2);
  if (!date.fraction.empty()) {
    out += '.';
    out += date.fraction;
  }
  if (date.utc_letter) {
    out += 'Z';
  } else if (date.has_zone) {
    int minutes = date.zone_minutes < 0 ? -date.zone_minutes : date.zone_minutes;
    out += date.zone_minutes < 0 ? '-' : '+';
    append_decimal(out, static_cast<uint64_t>(minutes / 60), 2);
    out += ':';
    append_decimal(out, static_cast<uint64_t>(minutes % 60), 2);
  }
  return out;
}

std::string format_display(const DateParts& date) {
  std::string out = kMonthNames[date.month - 1];
  out += ' ';
  append_decimal(out, static_cast<uint64_t>(date.day));
  out += ", ";
  append_decimal(out, static_cast<uint64_t>(date.year), 4);
  return out;
}

bool is_chirpy_date(std::string_view text) {
  // Shape first (exact digit counts and single spaces), then calendar validity.
  static const char kShape[] = "dddd-dd-dd dd:dd:dd sdddd";
  std::string_view shape(kShape, sizeof kShape - 1);
  std::string_view candidate = text;
  std::string compact;
  if (candidate.size() == shape.size() + 1 && candidate[shape.size() - 2] == ':') {
    compact.assign(candidate.substr(0, shape.size() - 2));
    compact.append(candidate.substr(shape.size() - 1));
    candidate = compact;  // "+09:00" -> "+0900"
  }
  if (candidate.size() != shape.size()) return false;
  for (size_t k = 0; k < shape.size(); k++) {
    char c = candidate[k];
    bool ok = shape[k] == 'd' ? is_digit(c) : shape[k] == 's' ? (c == '+' || c == '-') : c == shape[k];
    if (!ok) return false;
  }
  DateParts parts;
  return parse_yaml_timestamp(text, parts) && parts.has_time && parts.has_zone;
}

}  // namespace draftmark
