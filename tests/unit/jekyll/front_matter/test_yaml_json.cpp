// YAML -> JSON as Psych types YAML 1.1. Every expected JSON below is written by hand
// from Psych's rules (lib/psych/scalar_scanner.rb), not produced by the code.
#include <doctest/doctest.h>

#include <string>

#include "jekyll/front_matter/yaml_json.h"
#include "jekyll/front_matter/yaml_scalar.h"

using namespace draftmark;

namespace {

std::string to_json(std::string_view yaml) {
  YamlDocument doc;
  parse_yaml(yaml, doc);
  REQUIRE(doc.ok);
  std::string json;
  append_json(doc.root, json);
  return json;
}

YamlDocument parse(std::string_view yaml) {
  YamlDocument doc;
  parse_yaml(yaml, doc);
  return doc;
}

}  // namespace

TEST_CASE("booleans follow YAML 1.1 in any case but y and n stay strings") {
  CHECK(to_json("a: yes\nb: No\nc: ON\nd: off\ne: TRUE\nf: false\ng: y\nh: n\n") ==
        R"({"a":true,"b":false,"c":true,"d":false,"e":true,"f":false,"g":"y","h":"n"})");
}

TEST_CASE("null is written as nothing, a tilde or null in any case") {
  CHECK(to_json("a:\nb: ~\nc: null\nd: NULL\ne: nulls\n") == R"({"a":null,"b":null,"c":null,"d":null,"e":"nulls"})");
}

TEST_CASE("integers accept signs, underscores, commas and the 0x, 0 and 0b prefixes") {
  CHECK(to_json("a: 42\nb: -7\nc: +5\nd: 1_000\ne: 1,000\nf: 0x1F\ng: 017\nh: 0b101\ni: 0\nj: -0x1a\n") ==
        R"({"a":42,"b":-7,"c":5,"d":1000,"e":1000,"f":31,"g":15,"h":5,"i":0,"j":-26})");
}

TEST_CASE("integers beyond 64 bits keep every digit") {
  CHECK(to_json("a: 123456789012345678901234567890\nb: 9223372036854775807\nc: -9223372036854775808\n") ==
        R"({"a":123456789012345678901234567890,"b":9223372036854775807,"c":-9223372036854775808})");
}

TEST_CASE("YAML 1.2 octals, leading-zero decimals and malformed numbers stay strings") {
  CHECK(to_json("a: 0o17\nb: 08\nc: 1__0\nd: 1e3\ne: 0x\nf: 3.10.1\n") ==
        R"({"a":"0o17","b":"08","c":"1__0","d":"1e3","e":"0x","f":"3.10.1"})");
}

TEST_CASE("floats need a decimal point and are written as Ruby prints them") {
  CHECK(to_json("a: 3.14\nb: 3.10\nc: .5\nd: 1.\ne: -1_000.50\nf: 1.0e+3\ng: +0.0\n") ==
        R"({"a":3.14,"b":3.1,"c":0.5,"d":1.0,"e":-1000.5,"f":1.0e+3,"g":0.0})");
}

TEST_CASE("infinity and NaN stay strings because JSON cannot hold them") {
  CHECK(to_json("a: .inf\nb: -.Inf\nc: .NaN\n") == R"({"a":".inf","b":"-.Inf","c":".NaN"})");
}

TEST_CASE("base 60 integers are weighed as Psych weighs them") {
  // Psych: part e counts 60^|e-2|, so three parts read as h:m:s and two as h:m (in minutes*60).
  CHECK(to_json("a: 190:20:30\nb: 1:30\nc: 1:30.5\nd: 12:60\n") == R"({"a":685230,"b":5400,"c":"1:30.5","d":"12:60"})");
}

TEST_CASE("timestamps and dates stay strings and gain an ISO form") {
  TypedScalar t;
  type_plain_scalar("2001-12-14t21:59:43.10-05:00", t);
  CHECK(t.type == ScalarType::kString);
  CHECK(t.text == "2001-12-14t21:59:43.10-05:00");
  CHECK(t.iso == "2001-12-14T21:59:43.10-05:00");
  type_plain_scalar("2002-12-14", t);
  CHECK(t.type == ScalarType::kString);
  CHECK(t.iso == "2002-12-14");
  type_plain_scalar("2022-02-30", t);  // no such day: Date.strptime fails, a plain string
  CHECK(t.iso.empty());
  type_plain_scalar("2022-03-21 11:00:00 PM", t);  // not a YAML timestamp
  CHECK(t.type == ScalarType::kString);
  CHECK(t.iso.empty());
  CHECK(to_json("d: 2002-12-14\n") == R"({"d":"2002-12-14"})");
}

TEST_CASE("quoted and block scalars stay strings") {
  CHECK(to_json("a: 'yes'\nb: \"42\"\nc: |\n  true\nd: >\n  folded\n  text\n") ==
        R"({"a":"yes","b":"42","c":"true\n","d":"folded text\n"})");
}

TEST_CASE("tags force a string or a type") {
  CHECK(to_json("a: !!str 42\nb: !!int \"42\"\nc: ! 12\nd: !custom 7\n") == R"({"a":"42","b":42,"c":"12","d":7})");
}

TEST_CASE("word-like text, symbols and non-ASCII text are strings") {
  CHECK(to_json("a: hello\nb: Yes please\nc: :symbol\nd: 한글\ne: ~x\n") ==
        R"({"a":"hello","b":"Yes please","c":":symbol","d":"한글","e":"~x"})");
}

TEST_CASE("flow and block collections nest") {
  CHECK(to_json("a: [1, two, {b: c}]\nd:\n  - x\n  - e: f\n    g: [ ]\n") ==
        R"({"a":[1,"two",{"b":"c"}],"d":["x",{"e":"f","g":[]}]})");
}

TEST_CASE("multi-line plain and quoted scalars fold") {
  CHECK(to_json("a: one\n  two\n\n  three\nb: \"x\n  y\"\n") == R"({"a":"one two\nthree","b":"x y"})");
}

TEST_CASE("keys become strings the way Ruby prints them") {
  CHECK(to_json("1: a\ntrue: b\n~: c\n0x10: d\n[x, y]: e\n") ==
        R"({"1":"a","true":"b","":"c","16":"d","[\"x\",\"y\"]":"e"})");
}

TEST_CASE("a repeated key keeps its first place and its last value, with a warning") {
  YamlDocument doc = parse("a: 1\nb: 2\na: 3\n");
  REQUIRE(doc.ok);
  std::string json;
  append_json(doc.root, json);
  CHECK(json == R"({"a":3,"b":2})");
  REQUIRE(doc.issues.size() == 1);
  CHECK(doc.issues[0].code == "yaml-duplicate-key");
  CHECK(doc.issues[0].severity == Severity::kWarning);
  CHECK(doc.issues[0].offset == 10);
}

TEST_CASE("a key repeated many times warns only a few times") {
  std::string yaml;
  for (int i = 0; i < 50; i++) yaml += "same: 1\n";
  YamlDocument doc = parse(yaml);
  REQUIRE(doc.ok);
  CHECK(doc.issues.size() == kMaxDuplicateKeyWarnings);
  CHECK(doc.issues.size() == 10);
}

TEST_CASE("aliases are not expanded: they read as null and warn once") {
  YamlDocument doc = parse("base: &b {x: 1}\ncopy: *b\nmore: *b\n");
  REQUIRE(doc.ok);
  std::string json;
  append_json(doc.root, json);
  CHECK(json == R"({"base":{"x":1},"copy":null,"more":null})");
  REQUIRE(doc.issues.size() == 1);
  CHECK(doc.issues[0].code == "yaml-alias");
  CHECK(doc.issues[0].severity == Severity::kWarning);
  CHECK(doc.issues[0].offset == 22);
  CHECK(doc.issues[0].message.find("*b") != std::string::npos);
}

TEST_CASE("a billion-laughs document stays as small as its text") {
  std::string yaml = "a: &a [lol, lol, lol, lol, lol, lol, lol, lol, lol]\n";
  char previous = 'a';
  for (char name = 'b'; name <= 'j'; name++) {
    yaml += std::string(1, name) + ": &" + name + " [";
    for (int i = 0; i < 9; i++) yaml += std::string(i ? ", *" : "*") + previous;
    yaml += "]\n";
    previous = name;
  }
  std::string json = to_json(yaml);
  CHECK(json.size() < 1000);
  CHECK(json.rfind(R"({"a":["lol",)", 0) == 0);
  CHECK(json.find(R"("j":[null,null,null,null,null,null,null,null,null]})") != std::string::npos);
}

TEST_CASE("nesting up to the depth limit is read and one level more is an error") {
  std::string ok = std::string(kMaxYamlDepth, '[') + std::string(kMaxYamlDepth, ']');
  CHECK(parse(ok).ok);
  std::string deep = std::string(kMaxYamlDepth + 1, '[') + std::string(kMaxYamlDepth + 1, ']');
  YamlDocument doc = parse(deep);
  CHECK_FALSE(doc.ok);
  REQUIRE(doc.issues.size() == 1);
  CHECK(doc.issues[0].code == "yaml-too-deep");
  CHECK(doc.issues[0].severity == Severity::kError);
  CHECK(doc.issues[0].offset == kMaxYamlDepth);  // the bracket that went one level too far
  CHECK(doc.issues[0].message.find("64") != std::string::npos);
}

TEST_CASE("YAML larger than the size limit is refused with a message") {
  std::string big = "a: " + std::string(kMaxYamlBytes, 'x');
  YamlDocument doc = parse(big);
  CHECK_FALSE(doc.ok);
  REQUIRE(doc.issues.size() == 1);
  CHECK(doc.issues[0].code == "yaml-too-large");
  CHECK(doc.issues[0].message.find("256 KiB") != std::string::npos);
}

TEST_CASE("a key without its colon is reported at the key") {
  YamlDocument doc = parse("a: 1\nb\nc: 2\n");
  CHECK_FALSE(doc.ok);
  REQUIRE(doc.issues.size() == 1);
  CHECK(doc.issues[0].code == "yaml-syntax");
  CHECK(doc.issues[0].message == "could not find expected ':'");
  CHECK(doc.issues[0].context == "while scanning a simple key");
  CHECK(doc.issues[0].offset == 5);
}

TEST_CASE("an unclosed flow list is reported where the text ends, with where it began") {
  YamlDocument doc = parse("a: [1, 2\n");
  CHECK_FALSE(doc.ok);
  REQUIRE(doc.issues.size() == 1);
  CHECK(doc.issues[0].message == "did not find expected ',' or ']'");
  CHECK(doc.issues[0].context == "while parsing a flow sequence");
  CHECK(doc.issues[0].context_offset == 3);
  CHECK(doc.issues[0].offset == 9);
}

TEST_CASE("an unterminated quote is reported at the opening quote") {
  YamlDocument doc = parse("a: \"open\n");
  CHECK_FALSE(doc.ok);
  REQUIRE(doc.issues.size() == 1);
  CHECK(doc.issues[0].context == "while scanning a quoted scalar");
  CHECK(doc.issues[0].offset == 3);
}

TEST_CASE("error offsets are bytes even after multi-byte characters") {
  YamlDocument doc = parse("t: 한글\nb\nc: 2\n");  // 한글 is 2 characters but 6 bytes
  CHECK_FALSE(doc.ok);
  REQUIRE(doc.issues.size() == 1);
  CHECK(doc.issues[0].offset == 10);
}

TEST_CASE("control characters are a syntax error at their byte") {
  YamlDocument doc = parse("a: b\x01\n");
  CHECK_FALSE(doc.ok);
  REQUIRE(doc.issues.size() == 1);
  CHECK(doc.issues[0].code == "yaml-syntax");
  CHECK(doc.issues[0].message == "control characters are not allowed");
  CHECK(doc.issues[0].offset == 4);
}

TEST_CASE("only the first document is read") {
  CHECK(to_json("a: 1\n--- \nb: [\n") == R"({"a":1})");
}

TEST_CASE("an empty or comment-only document is null") {
  CHECK(to_json("") == "null");
  CHECK(to_json("---\n# just a comment\n") == "null");
}
