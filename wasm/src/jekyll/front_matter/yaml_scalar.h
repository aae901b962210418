// Types a plain (unquoted, untagged) YAML scalar the way Ruby's Psych does for
// Jekyll (Psych::ScalarScanner#tokenize, YAML 1.1 with Psych's legacy integers):
//
//   ""  ~  null  Null  NULL              -> null
//   yes Yes true on  /  no false off OFF  -> true / false   (y, n stay strings)
//   42  -7  1_000  1,000  0x1F  017  0b101  190:20:30 (base 60)  -> integers
//   3.14  .5  1.  1.0e+3  1_000.5  -> floats      (1e3 has no '.': a string)
//   1:30.5 (a base-60 float)        -> the string as written (Psych: a float; rare)
//   2022-03-21  2022-03-21 11:00:00 +09:00   -> strings plus an ISO 8601 form
//   .inf  -.inf  .nan   -> strings as written (JSON has no infinities)
//   :name               -> the string ":name" (Jekyll's SafeYAML does not make symbols)
//   anything else       -> the string itself
//
// Jekyll 4 loads front matter through SafeYAML, which agrees with Psych on every form
// above except a few rare ones (SafeYAML reads `1e3` and `08` as floats).
#pragma once

#include <string>
#include <string_view>

namespace draftmark {

enum class ScalarType : unsigned char { kNull, kBool, kInt, kFloat, kString };

struct TypedScalar {
  ScalarType type = ScalarType::kString;
  // kBool: "true"/"false"; kInt: JSON digits; kFloat: the written number normalised
  // as Ruby prints it (3.10 -> 3.1, 1. -> 1.0, exponent kept); kString: the text; kNull: "".
  std::string text;
  std::string iso;  // dates and timestamps: the ISO 8601 form (see jekyll_date.h); else empty
};

void type_plain_scalar(std::string_view text, TypedScalar& out);

}  // namespace draftmark
