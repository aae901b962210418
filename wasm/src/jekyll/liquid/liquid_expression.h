// Liquid outputs in the preview: `{{ operand | filter: arg, arg | filter }}`.
//
// Operands: 'strings', "strings", numbers, true/false/nil, and variable paths
// (`page.title`, `page.tags[0]`, `page.author["name"]`, `.size`/`.first`/`.last`).
// Names resolve in LiquidScope: `page.*` (front matter; `page.date` is a Time),
// `site.url`, `site.baseurl`, `site.title`. Anything else is nil, which renders as
// nothing (as Jekyll does) and adds a `liquid-unknown-variable` issue.
// No recursion: paths and filter chains are read left to right.
//
// Example: evaluate_output(" page.title | upcase ", scope, out, issues)  // out += "HELLO"
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "draftmark/document.h"
#include "jekyll/liquid/liquid_value.h"

namespace draftmark {

struct LiquidIssue {
  Severity severity = Severity::kWarning;
  std::string code;
  std::string message;
};

// One operand (literal or variable path).
LiquidValue evaluate_operand(std::string_view text, const LiquidScope& scope, std::vector<LiquidIssue>& issues);

// The value of a whole output markup, filters applied.
LiquidValue evaluate_markup(std::string_view markup, const LiquidScope& scope, std::vector<LiquidIssue>& issues);

// Appends what `{{ markup }}` writes.
void evaluate_output(std::string_view markup, const LiquidScope& scope, std::string& out,
                     std::vector<LiquidIssue>& issues);

}  // namespace draftmark
