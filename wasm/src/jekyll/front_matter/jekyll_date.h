// Dates as the Jekyll toolchain reads them: YAML 1.1 timestamps (Psych's rules),
// the looser strings Jekyll hands to Ruby's Time.parse for a post's `date`, the
// ISO 8601 form we report, Chirpy's preferred form and the header's display form.
//
// Example:
//   DateParts d;
//   parse_jekyll_date("2022-03-21 11:00:00 PM", d);   // true
//   format_iso(d) == "2022-03-21T23:00:00"          // no zone written, none reported
//   format_display(d) == "Mar 21, 2022"
#pragma once

#include <string>
#include <string_view>

namespace draftmark {

struct DateParts {
  int year = 0, month = 0, day = 0;
  bool has_time = false;
  int hour = 0, minute = 0, second = 0;
  std::string fraction;    // digits after the decimal point of the seconds, as written
  bool has_zone = false;
  bool utc_letter = false; // written as "Z" (or UTC/GMT), reported as "Z"
  int zone_minutes = 0;    // offset east of UTC
};

// Psych's YAML 1.1 timestamp: `2001-12-14t21:59:43.10-05:00`, `2001-12-14 21:59:43.10 -5`,
// `2002-12-14` (a date). False for anything else or an impossible calendar value.
bool parse_yaml_timestamp(std::string_view text, DateParts& out);

// What Jekyll accepts for a post's `date` (a subset of Time.parse): a YAML timestamp,
// or `YYYY-MM-DD` / `YYYY/MM/DD` / `Mon DD, YYYY` / `DD Mon YYYY`, then optionally
// `HH:MM[:SS[.fff]]`, `AM`/`PM`, and a zone `Z`/`UTC`/`GMT`/`+HHMM`/`+HH:MM`.
bool parse_jekyll_date(std::string_view text, DateParts& out);

// `2022-03-21` for a date, `2022-03-21T23:00:00[.fff][Z|+09:00]` with a time. A time
// without a written zone gets no offset (Jekyll reads it in the site's time zone).
std::string format_iso(const DateParts& date);

// `Mar 21, 2022`, as Chirpy's English locale shows a post date.
std::string format_display(const DateParts& date);

// Chirpy's documented form `YYYY-MM-DD HH:MM:SS +/-TTTT` (we also accept `+TT:TT`,
// which Jekyll reads identically).
bool is_chirpy_date(std::string_view text);

}  // namespace draftmark
