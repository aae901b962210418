// The preview's CodeMirror-free parsers (web/src/lib/code-parsers.js) highlight exactly as the
// editor's CodeMirror language packages (web/src/lib/code-languages.js) do: same text pieces,
// same tok-* classes, same line breaks, for a sample of every language.
import assert from 'node:assert/strict';
import { test } from 'node:test';
import { classHighlighter, highlightCode } from '@lezer/highlight';
import { LANGUAGE_NAMES, codeLanguageName } from '../../../web/src/lib/code-language-names.js';
import { parseCode } from '../../../web/src/lib/code-parsers.js';
import { codeLanguages, findCodeLanguage } from '../../../web/src/lib/code-languages.js';

const C_LIKE = '#include <stdio.h>\n/* block */\nint main(int argc, char **argv) {\n  // line\n  const char *s = "hi\\n";\n  if (argc > 1) return 0x1F + 2.5e3;\n  return \'c\';\n}\n';
const SAMPLES = {
  JavaScript: 'import { a } from "./a.js";\n// comment\nexport async function f(x = 1, ...rest) {\n  const re = /a+b/g, t = `t ${x}`;\n  class K extends Map { #p = 2; static get y() { return this.#p; } }\n  return x?.y ?? null;\n}\n',
  JSX: 'const App = () => <div className="a" onClick={() => go(1)}>Hi {name}</div>;\n',
  TypeScript: 'interface P<T> { a: T; b?: string }\ntype U = P<number> | null;\nenum E { A = 1 }\nfunction f(p: P<string>): void { let x = p as any; }\n',
  TSX: 'export const C: React.FC<{n: number}> = ({ n }) => <span>{n as number}</span>;\n',
  Python: 'import os\n@decorator\nclass A(B):\n    """doc"""\n    def f(self, x: int = 3) -> str:\n        # c\n        return f"{x!r:>4}" if x else b\'\\x00\'\nprint(lambda y: y ** 2, [i for i in range(3)], None, True)\n',
  C: C_LIKE, 'C++': 'template <typename T> class V : public std::vector<T> {\n public:\n  auto f() const -> int { return nullptr == this ? 1 : 2; }\n};\n' + C_LIKE,
  'C#': 'using System;\nnamespace N { public class A { [Obsolete] public int P { get; set; } = @"v"; async Task F() => await x; } }\n',
  'Objective-C': '#import <Foundation/Foundation.h>\n@interface A : NSObject\n@property (nonatomic) NSString *s;\n- (void)f:(int)x;\n@end\n',
  Java: 'package a.b;\n@Override\npublic final class A<T> implements B { private static int x = 0L; void f() throws E { new A<>(); } }\n',
  Kotlin: 'fun main(args: Array<String>) {\n    val x: Int? = null\n    println("v = ${x ?: 0}")\n    data class P(val a: Int)\n}\n',
  Scala: 'object M extends App {\n  case class P(a: Int)\n  val xs = List(1, 2).map(_ * 2)\n  def f[T](t: T): String = s"$t"\n}\n',
  Dart: 'import \'dart:io\';\nvoid main() async {\n  final x = await Future.value(1);\n  print(\'$x ${x + 1}\');\n}\n',
  Swift: 'import UIKit\nstruct P: Codable { let a: Int; var b: String? }\nfunc f(_ x: Int) -> Bool { return x > 0 && #available(iOS 13, *) }\n',
  Rust: 'use std::io;\n#[derive(Debug)]\nstruct P<\'a> { s: &\'a str }\nfn main() -> Result<(), Box<dyn Error>> {\n    let mut v = vec![1u8, 2];\n    println!("{:?}", v); // c\n    Ok(())\n}\n',
  Go: 'package main\nimport "fmt"\nfunc main() {\n\tx := map[string]int{"a": 1}\n\tgo func() { fmt.Println(`raw`, x, 0x10, nil) }()\n}\n',
  Ruby: 'require "json"\nclass A < B\n  attr_reader :x\n  def f(y = 1, *z, &blk)\n    @x = "v #{y}" unless y.nil?\n    %w[a b].each { |s| puts s }\n  end\nend\n=begin\ndoc\n=end\n',
  Lua: 'local t = { a = 1, ["b"] = 2 }\n-- c\nfunction t.f(x, ...)\n  return x ~= nil and #t or [[long]]\nend\n',
  R: 'library(ggplot2)\nf <- function(x, y = TRUE) {\n  # c\n  x %>% filter(y == "a") ; 1e-3L\n}\n',
  SQL: 'SELECT a.id, COUNT(*) AS n -- c\nFROM "t" a JOIN b ON a.x = b.y\nWHERE a.s = \'x\' AND b.v IS NOT NULL /* c */\nGROUP BY 1 ORDER BY n DESC;\n',
  Shell: '#!/bin/bash\nset -euo pipefail\nfor f in *.md; do\n  echo "file: ${f%.md} $(date +%s)" | grep -v \'^#\' >> out.txt\ndone\nexport X=1 # c\ncat <<EOF\nhere $X\nEOF\n',
  PowerShell: '$x = Get-ChildItem -Path "C:\\" | Where-Object { $_.Length -gt 1kb }\nfunction F([int]$a) { Write-Host "v $a" } # c\n',
  Dockerfile: 'FROM debian:12 AS build\n# c\nRUN apt-get update && \\\n    apt-get install -y curl\nENV A=1 B="two"\nCOPY --from=build /a /b\nCMD ["node", "x.js"]\n',
  Diff: 'diff --git a/x b/x\n--- a/x\n+++ b/x\n@@ -1,2 +1,2 @@\n-old\n+new\n same\n',
  TOML: '# c\n[server]\nhost = "localhost"\nport = 8080\nratio = 0.5\nenabled = true\ndate = 1979-05-27T07:32:00Z\n[[items]]\nname = \'x\'\n',
  YAML: '---\n# c\ntitle: "Post"\ntags: [a, b]\nlist:\n  - one\n  - two: 2\nblock: |\n  text\nanchor: &a 1\nref: *a\n...\n',
  JSON: '{\n  "a": 1, "b": [true, false, null],\n  "c": {"d": "e\\n", "f": -1.5e3}\n}\n',
  HTML: '<!DOCTYPE html>\n<html lang="en">\n<!-- c -->\n<head><style>body { color: red; }</style></head>\n<body onclick="go(1)" style="margin: 0">\n<p class="x">Hi &amp; bye<br/></p>\n<script>const a = 1 + "s";</script>\n<script type="application/json">{"a": 1}</script>\n<script lang="ts">let b: number = 2;</script>\n{% if x %}{{ y }}{% endif %}\n</body></html>\n',
  XML: '<?xml version="1.0"?>\n<!-- c -->\n<root xmlns:a="urn:a"><a:item id="1">text &lt; <![CDATA[raw]]></a:item><e/></root>\n',
  CSS: '@import url("a.css");\n/* c */\n:root { --c: #fff; }\n.a > b:hover::before, #id[data-x="y"] { color: rgb(0 0 0 / 50%); margin: 0 auto !important; }\n@media (max-width: 600px) { .b { width: calc(100% - 2em); } }\n',
};

function pieces(text, tree) {
  const out = [];
  highlightCode(text, tree, classHighlighter, (piece, classes) => out.push([piece, classes]), () => out.push('\n'));
  return out;
}

test('every language has a sample and a preview parser', () => {
  assert.deepEqual(Object.keys(SAMPLES).sort(), LANGUAGE_NAMES.map(([name]) => name).sort());
  for (const [name] of LANGUAGE_NAMES) assert.ok(parseCode(name, 'x'), `${name} parses`);
});

test('fence names resolve to the same language in the preview as in the editor', () => {
  const words = [...LANGUAGE_NAMES.flatMap(([name, aliases]) => [name, ...aliases]), 'Python {.x}', ' JS ', 'nope', ''];
  for (const word of words) {
    assert.equal(codeLanguageName(word), findCodeLanguage(word)?.name ?? null, JSON.stringify(word));
  }
  assert.equal(codeLanguages.length, LANGUAGE_NAMES.length);
});

for (const [name, sample] of Object.entries(SAMPLES)) {
  test(`${name}: the preview's tokens and classes equal the editor's`, async () => {
    const support = await findCodeLanguage(name).load();
    for (const text of [sample, sample.slice(0, -1), sample.replace(/\n/g, '\n\n')]) {
      const expected = pieces(text, support.language.parser.parse(text));
      assert.ok(expected.some((p) => p !== '\n' && p[1]), `${name}: the sample gets some classes`);
      assert.deepEqual(pieces(text, parseCode(name, text)), expected);
    }
  });
}
