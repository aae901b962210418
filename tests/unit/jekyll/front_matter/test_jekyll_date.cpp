#include <doctest/doctest.h>

#include <string>

#include "jekyll/front_matter/jekyll_date.h"

using namespace draftmark;

namespace {

std::string yaml_iso(std::string_view text) {
  DateParts d;
  return parse_yaml_timestamp(text, d) ? format_iso(d) : "(none)";
}

std::string jekyll_iso(std::string_view text) {
  DateParts d;
  return parse_jekyll_date(text, d) ? format_iso(d) : "(none)";
}

}  // namespace

TEST_CASE("YAML timestamps in the spec's forms get an ISO form") {
  CHECK(yaml_iso("2001-12-14t21:59:43.10-05:00") == "2001-12-14T21:59:43.10-05:00");
  CHECK(yaml_iso("2001-12-14 21:59:43.10 -5") == "2001-12-14T21:59:43.10-05:00");
  CHECK(yaml_iso("2001-12-15T02:59:43.1Z") == "2001-12-15T02:59:43.1Z");
  CHECK(yaml_iso("2001-12-14 21:59:43") == "2001-12-14T21:59:43");
  CHECK(yaml_iso("2022-03-21 11:00:00 +0900") == "2022-03-21T11:00:00+09:00");
  CHECK(yaml_iso("2002-1-5") == "2002-01-05");
  CHECK(yaml_iso("2024-02-29") == "2024-02-29");
}

TEST_CASE("impossible or incomplete timestamps are not YAML timestamps") {
  CHECK(yaml_iso("2022-13-01") == "(none)");
  CHECK(yaml_iso("2022-02-29") == "(none)");
  CHECK(yaml_iso("2022-03-21 24:00:00") == "(none)");
  CHECK(yaml_iso("2022-03-21 11:00") == "(none)");
  CHECK(yaml_iso("2022-03-21 11:00:00 PM") == "(none)");
  CHECK(yaml_iso("20220321") == "(none)");
  CHECK(yaml_iso("2022-03-21 11:00:00 ") == "(none)");
}

TEST_CASE("Jekyll's looser post dates read 12-hour clocks, slashes, month names and zones") {
  CHECK(jekyll_iso("2022-03-21 11:00:00 PM") == "2022-03-21T23:00:00");
  CHECK(jekyll_iso("2022-03-21 12:00 AM") == "2022-03-21T00:00:00");
  CHECK(jekyll_iso("2022-03-21 12:30 pm") == "2022-03-21T12:30:00");
  CHECK(jekyll_iso("2022/03/21") == "2022-03-21");
  CHECK(jekyll_iso("Mar 21, 2022") == "2022-03-21");
  CHECK(jekyll_iso("21 March 2022 10:00 +0900") == "2022-03-21T10:00:00+09:00");
  CHECK(jekyll_iso("2022-03-21 10:00:00 UTC") == "2022-03-21T10:00:00Z");
  CHECK(jekyll_iso("  2022-03-21 10:00:00 +09:00  ") == "2022-03-21T10:00:00+09:00");
}

TEST_CASE("text Jekyll could not read as a date has no ISO form") {
  CHECK(jekyll_iso("tomorrow") == "(none)");
  CHECK(jekyll_iso("2022-03-21 13:00 PM") == "(none)");
  CHECK(jekyll_iso("2022-03-21 10:00 +9999") == "(none)");
  CHECK(jekyll_iso("") == "(none)");
}

TEST_CASE("the display form is Chirpy's English month day, year") {
  DateParts d;
  REQUIRE(parse_jekyll_date("2022-03-21 11:00:00 PM", d));
  CHECK(format_display(d) == "Mar 21, 2022");
  REQUIRE(parse_jekyll_date("2002-1-5", d));
  CHECK(format_display(d) == "Jan 5, 2002");
}

TEST_CASE("Chirpy's date form is date, time and a numeric zone") {
  CHECK(is_chirpy_date("2022-03-21 23:00:00 +0900"));
  CHECK(is_chirpy_date("2019-08-08 14:10:00 -08:00"));
  CHECK_FALSE(is_chirpy_date("2022-03-21 23:00:00"));
  CHECK_FALSE(is_chirpy_date("2022-03-21"));
  CHECK_FALSE(is_chirpy_date("2022-03-21 11:00:00 PM"));
  CHECK_FALSE(is_chirpy_date("2022-3-21 23:00:00 +0900"));
  CHECK_FALSE(is_chirpy_date("2022-03-21T23:00:00 +0900"));
  CHECK_FALSE(is_chirpy_date("2022-02-30 23:00:00 +0900"));
}
