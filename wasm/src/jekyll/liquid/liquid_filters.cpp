#include "jekyll/liquid/liquid_filters.h"

#include "jekyll/liquid/liquid_lexer.h"
#include "text/decimal_text.h"

namespace draftmark {
namespace {

const char* const kMonths[] = {"January", "February", "March",     "April",   "May",      "June",
                               "July",    "August",   "September", "October", "November", "December"};
const char* const kDays[] = {"Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"};

int weekday(int y, int m, int d) {  // 0 = Sunday (Sakamoto)
  static const int t[] = {0, 3, 2, 5, 0, 3, 5, 1, 4, 6, 2, 4};
  if (m < 3) y -= 1;
  return (y + y / 4 - y / 100 + y / 400 + t[(m - 1) % 12] + d) % 7;
}

int day_of_year(int y, int m, int d) {
  static const int before[] = {0, 31, 59, 90, 120, 151, 181, 212, 243, 273, 304, 334};
  bool leap = (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
  return before[(m - 1) % 12] + d + (leap && m > 2 ? 1 : 0);
}

bool has_scheme(std::string_view s) {
  if (s.empty() || !((s[0] >= 'a' && s[0] <= 'z') || (s[0] >= 'A' && s[0] <= 'Z'))) return false;
  for (size_t i = 1; i < s.size(); i++) {
    char c = s[i];
    if (c == ':') return true;
    if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') || (c >= '0' && c <= '9') || c == '+' || c == '-' ||
          c == '.')) {
      return false;
    }
  }
  return false;
}

void append_normalized_url(std::string& out, std::string_view s) {
  for (char c : s) {
    if (c == ' ') out += "%20";
    else out += c;
  }
}

std::string escape_html(std::string_view s, bool apostrophe) {
  std::string out;
  for (char c : s) {
    switch (c) {
      case '&': out += "&amp;"; break;
      case '<': out += "&lt;"; break;
      case '>': out += "&gt;"; break;
      case '"': out += "&quot;"; break;
      case '\'': out += apostrophe ? "&#39;" : "'"; break;
      default: out += c;
    }
  }
  return out;
}

std::string to_text(const LiquidValue& v) {
  std::string s;
  append_rendered(v, s);
  return s;
}

bool to_date(const LiquidValue& v, DateParts& date) {
  if (v.kind == LiquidValue::Kind::kDate) {
    date = v.date;
    return true;
  }
  return v.kind == LiquidValue::Kind::kString && parse_jekyll_date(v.text, date);
}

std::string zone_text(const DateParts& d, bool colon) {
  int z = d.has_zone ? d.zone_minutes : 0;
  std::string out(1, z < 0 ? '-' : '+');
  append_padded_int(out, (z < 0 ? -z : z) / 60, 2, '0');
  if (colon) out += ':';
  append_padded_int(out, (z < 0 ? -z : z) % 60, 2, '0');
  return out;
}

void replace_all(std::string& s, std::string_view from, std::string_view to, bool first_only) {
  if (from.empty()) return;
  size_t at = 0;
  while ((at = s.find(from, at)) != std::string::npos) {
    s.replace(at, from.size(), to);
    at += to.size();
    if (first_only) break;
  }
}

}  // namespace

std::string relative_url(std::string_view input, const SiteSettings& site) {
  if (has_scheme(input)) return std::string(input);
  std::string base = site.baseurl;
  if (!base.empty() && base.back() == '/') base.pop_back();
  std::string out;
  if (!base.empty() && base[0] != '/') out += '/';
  append_normalized_url(out, base);
  if (!input.empty() && input[0] != '/') out += '/';
  append_normalized_url(out, input);
  return out;
}

std::string absolute_url(std::string_view input, const SiteSettings& site) {
  if (has_scheme(input)) return std::string(input);
  if (site.url.empty()) return relative_url(input, site);
  std::string out;
  append_normalized_url(out, site.url);
  out += relative_url(input, site);
  return out;
}

std::string slugify(std::string_view input) {
  std::string out;
  bool dash = false;
  for (char c : input) {
    unsigned char u = static_cast<unsigned char>(c);
    bool keep = (c >= 'a' && c <= 'z') || (c >= '0' && c <= '9') || (c >= 'A' && c <= 'Z') || u >= 0x80;
    if (!keep) {
      dash = true;
      continue;
    }
    if (dash && !out.empty()) out += '-';
    dash = false;
    out += (c >= 'A' && c <= 'Z') ? static_cast<char>(c - 'A' + 'a') : c;
  }
  return out;
}

std::string format_strftime(const DateParts& d, std::string_view format) {
  std::string out;
  for (size_t i = 0; i < format.size(); i++) {
    if (format[i] != '%' || i + 1 >= format.size()) {
      out += format[i];
      continue;
    }
    size_t start = i++;
    bool no_pad = false;
    if (format[i] == '-' && i + 1 < format.size()) {
      no_pad = true;
      i++;
    }
    // As strftime's %d-style fields: zero-padded, or as written after a '-' flag.
    auto num = [&](int value, int width) { append_padded_int(out, value, no_pad ? 1 : width, '0'); };
    int hour12 = d.hour % 12 == 0 ? 12 : d.hour % 12;
    switch (format[i]) {
      case 'Y': num(d.year, 4); break;
      case 'C': num(d.year / 100, 2); break;
      case 'y': num(d.year % 100, 2); break;
      case 'm': num(d.month, 2); break;
      case 'd': num(d.day, 2); break;
      case 'e': append_padded_int(out, d.day, no_pad ? 1 : 2, ' '); break;
      case 'j': num(day_of_year(d.year, d.month, d.day), 3); break;
      case 'H': num(d.hour, 2); break;
      case 'k': append_padded_int(out, d.hour, no_pad ? 1 : 2, ' '); break;
      case 'I': num(hour12, 2); break;
      case 'l': append_padded_int(out, hour12, no_pad ? 1 : 2, ' '); break;
      case 'M': num(d.minute, 2); break;
      case 'S': num(d.second, 2); break;
      case 'L': out += (d.fraction + "000").substr(0, 3); break;
      case 'p': out += d.hour < 12 ? "AM" : "PM"; break;
      case 'P': out += d.hour < 12 ? "am" : "pm"; break;
      case 'a': out += std::string(kDays[weekday(d.year, d.month, d.day)]).substr(0, 3); break;
      case 'A': out += kDays[weekday(d.year, d.month, d.day)]; break;
      case 'u': num(weekday(d.year, d.month, d.day) == 0 ? 7 : weekday(d.year, d.month, d.day), 1); break;
      case 'w': num(weekday(d.year, d.month, d.day), 1); break;
      case 'b':
      case 'h': out += std::string(kMonths[(d.month + 11) % 12]).substr(0, 3); break;
      case 'B': out += kMonths[(d.month + 11) % 12]; break;
      case 'z': out += zone_text(d, false); break;
      case 'Z': out += d.has_zone && !d.utc_letter && d.zone_minutes != 0 ? "" : "UTC"; break;
      case 'F': out += format_strftime(d, "%Y-%m-%d"); break;
      case 'T': out += format_strftime(d, "%H:%M:%S"); break;
      case 'D': out += format_strftime(d, "%m/%d/%y"); break;
      case 'R': out += format_strftime(d, "%H:%M"); break;
      case '%': out += '%'; break;
      case ':':
        if (i + 1 < format.size() && format[i + 1] == 'z') {
          i++;
          out += zone_text(d, true);
          break;
        }
        [[fallthrough]];
      default: out.append(format.substr(start, i - start + 1)); break;
    }
  }
  return out;
}

bool apply_filter(std::string_view name, const std::vector<LiquidValue>& args, const LiquidScope& scope,
                  LiquidValue& value) {
  static const SiteSettings kNoSite;
  const SiteSettings& site = scope.site != nullptr ? *scope.site : kNoSite;
  auto arg_text = [&](size_t i) { return i < args.size() ? to_text(args[i]) : std::string(); };
  auto set_string = [&](std::string s) { value = LiquidValue::string(std::move(s)); };
  if (name == "default") {
    if (value.empty_for_default()) value = args.empty() ? LiquidValue{} : args[0];
    return true;
  }
  if (name == "size") {
    LiquidValue n;
    n.kind = LiquidValue::Kind::kNumber;
    if (value.kind == LiquidValue::Kind::kList || value.kind == LiquidValue::Kind::kMap) {
      n.text = std::to_string(value.node->items.size());
    } else if (value.kind == LiquidValue::Kind::kString) {
      size_t chars = 0;
      for (char c : value.text) chars += (static_cast<unsigned char>(c) & 0xC0) != 0x80;
      n.text = std::to_string(chars);
    } else {
      n.text = "0";
    }
    value = n;
    return true;
  }
  DateParts date;
  if (name == "date") {
    std::string format = arg_text(0);
    if (value.kind == LiquidValue::Kind::kNil || format.empty() || !to_date(value, date)) return true;
    set_string(format_strftime(date, format));
    return true;
  }
  if (name == "date_to_xmlschema" || name == "date_to_string" || name == "date_to_long_string") {
    if (!to_date(value, date)) return true;
    if (name == "date_to_xmlschema") set_string(format_strftime(date, "%Y-%m-%dT%H:%M:%S%:z"));
    else if (name == "date_to_string") set_string(format_strftime(date, "%d %b %Y"));
    else set_string(format_strftime(date, "%d %B %Y"));
    return true;
  }
  if (value.kind == LiquidValue::Kind::kNil && (name == "relative_url" || name == "absolute_url")) return true;
  std::string s = to_text(value);
  if (name == "relative_url") set_string(relative_url(s, site));
  else if (name == "absolute_url") set_string(absolute_url(s, site));
  else if (name == "escape") set_string(escape_html(s, true));
  else if (name == "xml_escape") set_string(escape_html(s, false));
  else if (name == "upcase" || name == "downcase") {
    bool up = name == "upcase";
    for (char& c : s) {
      if (up && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      if (!up && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    set_string(s);
  } else if (name == "capitalize") {
    for (size_t i = 0; i < s.size(); i++) {
      char& c = s[i];
      if (i == 0 && c >= 'a' && c <= 'z') c = static_cast<char>(c - 'a' + 'A');
      else if (i > 0 && c >= 'A' && c <= 'Z') c = static_cast<char>(c - 'A' + 'a');
    }
    set_string(s);
  } else if (name == "strip") set_string(std::string(trim_liquid_space(s)));
  else if (name == "lstrip") {
    size_t b = 0;
    while (b < s.size() && is_liquid_space(s[b])) b++;
    set_string(s.substr(b));
  } else if (name == "rstrip") {
    while (!s.empty() && is_liquid_space(s.back())) s.pop_back();
    set_string(s);
  } else if (name == "slugify") set_string(slugify(s));
  else if (name == "append") set_string(s + arg_text(0));
  else if (name == "prepend") set_string(arg_text(0) + s);
  else if (name == "remove" || name == "remove_first") {
    replace_all(s, arg_text(0), "", name == "remove_first");
    set_string(s);
  } else if (name == "replace" || name == "replace_first") {
    replace_all(s, arg_text(0), arg_text(1), name == "replace_first");
    set_string(s);
  } else {
    return false;
  }
  return true;
}

}  // namespace draftmark
