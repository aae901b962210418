// IncrementalRenderer against Renderer: random edits (deterministic seeds) over real posts,
// each incremental result compared byte for byte with a full render of the same text.
//   incremental_differential [--edits N] [--seed S] FILE_OR_DIR...
// Directories contribute their *.md files; the first file is used twice over (its headings
// then have duplicates). Every (file, mode) pair gets N edits in gfm,
// commonmark and jekyll mode; the counts of edits that took the incremental path are printed.
// Exit status 1 on the first mismatch, with the edit that caused it.
#include <algorithm>
#include <cstdio>
#include <cstdlib>
#include <cstring>
#include <filesystem>
#include <fstream>
#include <iterator>
#include <map>
#include <random>
#include <string>
#include <vector>

#include "api/incremental_renderer.h"
#include "draftmark/document.h"

namespace {

using draftmark::Mode;

// What people type and paste, and the document-wide syntax an edit must not get wrong.
const char* const kTyped[] = {"a", "e", "x", " ", "한", "글", "字", "ü", ".", ",", "*", "_", "`", "\n", "\n\n", "#",
                              "-", "|", "$", "[", "]", ">", "1.", "~", "\\", "!", "'", "\"",
                              // words that definitions elsewhere in the text act on
                              " HTML ", " [x] ", "[^1]", "{: .c}", " {{ page.title }} "};
const char* const kSnippets[] = {
    "\n\nA pasted paragraph with *emphasis*, `code` and 한국어 텍스트.\n\n",
    "\n[x]: /url\n",
    "[x]",
    "[^1]",
    "\n[^1]: A footnote.\n",
    "\n*[HTML]: Hyper Text Markup Language\n",
    "HTML",
    "\n{:ref: .c}\n",
    "\n{: ref}\n",
    "\n{: .prompt-tip }\n",
    "{: .left }",
    "\n## Duplicate heading\n",
    "\n# Title\n",
    "\nSetext\n---\n",
    "---\n",
    "{% raw %}",
    "{% endraw %}",
    "{{ page.title }}",
    "\n```\n",
    "\n```python\nprint(1)\n```\n",
    "\n$$\n",
    "\n$$\nx^2\n$$\n",
    "$x$",
    "\n- item\n- item\n",
    "\n1. one\n2. two\n",
    "\n> quote\n",
    "\n| a | b |\n|---|---|\n| 1 | 2 |\n",
    "<!--",
    "-->",
    "\n<div>\n",
    "\n</div>\n",
    "\nterm\n: definition\n",
    "\n* TOC\n{:toc}\n",
    "\n{::comment}\nhidden\n{:/comment}\n",
    "    indented code\n",
    "\xEF\xBB\xBF",
    "\r\n",
    "![img](/a.png){: w=\"10\" }",
};

struct Stats {
  size_t edits = 0, incremental = 0;
  std::map<std::string, size_t> why_full;
};

std::string read_file(const std::string& path) {
  std::ifstream in(path, std::ios::binary);
  return std::string(std::istreambuf_iterator<char>(in), std::istreambuf_iterator<char>());
}

// Moves `at` back to the start of a UTF-8 character.
size_t char_boundary(const std::string& text, size_t at) {
  while (at > 0 && at < text.size() && (static_cast<unsigned char>(text[at]) & 0xC0) == 0x80) at--;
  return at;
}

struct Edit {
  size_t offset = 0, removed = 0;
  std::string inserted;
};

Edit random_edit(const std::string& text, std::mt19937& rng, size_t& cursor) {
  auto pick = [&](size_t n) { return n == 0 ? size_t{0} : static_cast<size_t>(rng() % n); };
  Edit e;
  const auto kind = static_cast<unsigned>(rng() % 100);
  if (kind < 45) {  // typing at the cursor, which mostly moves on as people type
    if (rng() % 8 == 0) cursor = pick(text.size() + 1);
    e.offset = char_boundary(text, std::min(cursor, text.size()));
    e.inserted = kTyped[pick(std::size(kTyped))];
    cursor = e.offset + e.inserted.size();
  } else if (kind < 60) {  // backspace or a deleted selection
    e.offset = char_boundary(text, pick(text.size() + 1));
    size_t end = char_boundary(text, std::min(text.size(), e.offset + (rng() % 4 == 0 ? 1 + pick(80) : 1)));
    if (end < e.offset) end = e.offset;
    while (end < text.size() && (static_cast<unsigned char>(text[end]) & 0xC0) == 0x80) end++;
    e.removed = end - e.offset;
    cursor = e.offset;
  } else if (kind < 85) {  // a snippet pasted anywhere
    e.offset = char_boundary(text, pick(text.size() + 1));
    e.inserted = kSnippets[pick(std::size(kSnippets))];
    cursor = e.offset + e.inserted.size();
  } else if (kind < 95) {  // a snippet removed again
    const char* snippet = kSnippets[pick(std::size(kSnippets))];
    size_t at = text.find(snippet);
    if (at == std::string::npos) at = char_boundary(text, pick(text.size() + 1));
    e.offset = at;
    e.removed = std::min(text.size() - at, std::strlen(snippet));
    while (e.offset + e.removed < text.size() && (static_cast<unsigned char>(text[e.offset + e.removed]) & 0xC0) == 0x80) {
      e.removed++;
    }
    cursor = e.offset;
  } else {  // the front matter: a key, or its delimiters
    e.offset = char_boundary(text, pick(std::min<size_t>(text.size(), 80) + 1));
    e.inserted = rng() % 2 ? "math: true\n" : (rng() % 2 ? "x" : "---\n");
    cursor = e.offset + e.inserted.size();
  }
  return e;
}

// Typing only (letters, Hangul, Han, spaces, backspace) inside lines that start like prose:
// the keystrokes the incremental path exists for.
Edit typing_edit(const std::string& text, std::mt19937& rng, size_t& cursor, bool definitions) {
  static const char* const kKeys[] = {"a", "e", "t", " ", "한", "글", "字", "ü", ".", ","};
  static const char* const kUses[] = {" HTML ", " [x] ", " [^1] ", "{: ref}", " {{ page.title }} "};
  Edit e;
  // Past the front matter: editing it renders the whole post by design.
  size_t body = 0;
  if (text.rfind("---\n", 0) == 0) {
    size_t close = text.find("\n---\n", 3);
    body = close == std::string::npos ? 0 : close + 5;
  }
  if (rng() % 12 == 0 || cursor > text.size() || cursor < body) {
    for (int tries = 0; tries < 50; tries++) {
      size_t at = body + rng() % (text.size() - body + 1);
      size_t line = text.rfind('\n', at == 0 ? 0 : at - 1);
      line = line == std::string::npos ? 0 : line + 1;
      const unsigned char c = line < text.size() ? static_cast<unsigned char>(text[line]) : 0;
      // Footnotes' text too (their list must follow), and with definitions their lines:
      // typing there can end one ("[x]: /u a rl").
      if ((c >= 'A' && c <= 'Z') || (c >= 'a' && c <= 'z') || c >= 0xC0 ||
          (c == '[' && (definitions || text.compare(line, 2, "[^") == 0))) {
        cursor = char_boundary(text, std::max(at, line + 1));
        break;
      }
    }
  }
  e.offset = char_boundary(text, std::min(cursor, text.size()));
  if (rng() % 6 == 0 && e.offset > 0) {  // backspace
    size_t begin = char_boundary(text, e.offset - 1);
    e.removed = e.offset - begin;
    e.offset = begin;
    cursor = begin;
  } else {
    e.inserted = definitions && rng() % 5 == 0 ? kUses[rng() % std::size(kUses)] : kKeys[rng() % std::size(kKeys)];
    cursor = e.offset + e.inserted.size();
  }
  return e;
}

std::string diagnostics_json(const draftmark::RenderResult& r) {
  std::string out;
  draftmark::diagnostics_to_json(r.diagnostics, out);
  return out;
}

// Empty when equal, else what differs.
std::string compare(const draftmark::RenderResult& got, const draftmark::RenderResult& want) {
  if (got.html != want.html) {
    size_t at = 0;
    while (at < got.html.size() && at < want.html.size() && got.html[at] == want.html[at]) at++;
    size_t from = at > 60 ? at - 60 : 0;
    return "html differs at byte " + std::to_string(at) + "\n  incremental: " + got.html.substr(from, 160) +
           "\n  full:        " + want.html.substr(from, 160);
  }
  if (got.blocks.size() != want.blocks.size()) {
    return "block count " + std::to_string(got.blocks.size()) + " != " + std::to_string(want.blocks.size());
  }
  for (size_t i = 0; i < got.blocks.size(); i++) {
    const draftmark::Block& a = got.blocks[i];
    const draftmark::Block& b = want.blocks[i];
    if (a.line_start != b.line_start || a.line_end != b.line_end || a.html_offset != b.html_offset ||
        a.html_length != b.html_length || a.hash != b.hash) {
      return "block " + std::to_string(i) + " differs: lines " + std::to_string(a.line_start) + "-" +
             std::to_string(a.line_end) + " vs " + std::to_string(b.line_start) + "-" + std::to_string(b.line_end);
    }
  }
  if (diagnostics_json(got) != diagnostics_json(want)) return "diagnostics differ: " + diagnostics_json(got) + " vs " + diagnostics_json(want);
  if (got.front_matter_json != want.front_matter_json) return "front matter JSON differs";
  if (got.words != want.words || got.words_counted != want.words_counted) {
    return "words " + std::to_string(got.words) + " != " + std::to_string(want.words);
  }
  if (got.mode_used != want.mode_used) return "mode differs";
  return {};
}

// The blocks changes() says were kept are the previous result's (same hash and, before the
// change, the same lines).
std::string check_changes(const draftmark::EditChanges& c, const std::vector<draftmark::Block>& before,
                          const std::vector<draftmark::Block>& after) {
  if (c.first + c.count > after.size() || c.first + c.replaced > before.size()) return "changes() out of range";
  if (after.size() - c.first - c.count != before.size() - c.first - c.replaced) return "changes() counts disagree";
  for (size_t i = 0; i < c.first; i++) {
    if (before[i].hash != after[i].hash || before[i].line_start != after[i].line_start) {
      return "changes(): block " + std::to_string(i) + " before first changed";
    }
  }
  for (size_t i = c.first + c.count, o = c.first + c.replaced; i < after.size(); i++, o++) {
    if (before[o].hash != after[i].hash) return "changes(): block " + std::to_string(i) + " after the changed ones differs";
  }
  return {};
}

std::string printable(const std::string& s) {
  std::string out;
  for (char c : s) out += c == '\n' ? std::string("\\n") : std::string(1, c);
  return out;
}

}  // namespace

int main(int argc, char** argv) {
  size_t edits_per_run = 40;
  unsigned seed = 16;
  std::vector<std::string> files;
  for (int i = 1; i < argc; i++) {
    std::string arg = argv[i];
    if (arg == "--edits" && i + 1 < argc) {
      edits_per_run = std::strtoul(argv[++i], nullptr, 10);
    } else if (arg == "--seed" && i + 1 < argc) {
      seed = static_cast<unsigned>(std::strtoul(argv[++i], nullptr, 10));
    } else if (std::filesystem::is_directory(arg)) {
      std::vector<std::string> found;
      for (const auto& entry : std::filesystem::directory_iterator(arg)) {
        if (entry.path().extension() == ".md") found.push_back(entry.path().string());
      }
      std::sort(found.begin(), found.end());  // directory order is not deterministic
      files.insert(files.end(), found.begin(), found.end());
    } else {
      files.push_back(arg);
    }
  }
  if (files.empty()) {
    std::fprintf(stderr, "usage: incremental_differential [--edits N] [--seed S] FILE_OR_DIR...\n");
    return 2;
  }

  const Mode modes[] = {Mode::kGfm, Mode::kCommonMark, Mode::kJekyll};
  // Phase 0: any edit (the stress test); phase 1: typing in prose (what people mostly do);
  // phase 2: typing, and words that definitions act on, with definitions far below.
  constexpr int kPhases = 3;
  const char* const phase_names[kPhases] = {
      "any edit (typing, deleting, pasting, document-wide syntax)", "typing in prose",
      "typing in prose, definitions at the end (abbreviation, link, footnote, ALD, Liquid)"};
  Stats stats[kPhases][3];
  draftmark::Renderer full;
  for (int phase = 0; phase < kPhases; phase++)
  for (size_t f = 0; f < files.size(); f++) {
    std::string original = read_file(files[f]);
    if (f == 0) {  // the first file twice over: every heading has a duplicate (kramdown's ids -1, -2)
      const size_t body = original.rfind("---\n", 0) == 0 ? original.find("\n---\n", 3) + 5 : 0;
      original += "\n" + original.substr(body);
    }
    if (phase == 2) {  // one kind per file, so that each check is needed on its own
      static const char* const kDefinitions[] = {"*[HTML]: Hyper Text Markup Language", "[x]: /url", "[^1]: A note.",
                                                 "{:ref: .c}", "{% comment %}\nhidden\n{% endcomment %}"};
      if (!original.empty() && original.back() != '\n') original += '\n';
      original += std::string("\n") + kDefinitions[f % std::size(kDefinitions)] + "\n";
    }
    for (size_t m = 0; m < 3; m++) {
      draftmark::RenderOptions options;
      options.mode = modes[m];
      options.word_count = f % 2 == 0;
      options.input_is_utf8 = f % 3 == 0;
      std::mt19937 rng(seed * 7919u + static_cast<unsigned>(f * 31 + m + static_cast<size_t>(phase) * 1000003));
      draftmark::IncrementalRenderer inc;
      std::string text = original;
      std::vector<draftmark::Block> before = inc.render(text, options).blocks;
      size_t cursor = text.size() / 2;
      for (size_t n = 0; n < edits_per_run; n++) {
        if (n % 17 == 16) options.source_lines = !options.source_lines;  // data-line on, then off
        const Edit e = phase == 0 ? random_edit(text, rng, cursor) : typing_edit(text, rng, cursor, phase == 2);
        const std::string before_edit = std::getenv("DM_INCREMENTAL_DUMP") ? text : std::string();
        text.replace(e.offset, e.removed, e.inserted);
        const draftmark::RenderResult& got = inc.render_edit(e.offset, e.removed, e.inserted, options);
        stats[phase][m].edits++;
        if (inc.changes().incremental) {
          stats[phase][m].incremental++;
        } else {
          stats[phase][m].why_full[inc.changes().why_full ? inc.changes().why_full : "?"]++;
        }
        std::string problem = std::string(inc.text()) == text ? std::string() : "text() differs from the edited text";
        std::vector<draftmark::Block> after = got.blocks;
        if (problem.empty() && inc.changes().incremental) problem = check_changes(inc.changes(), before, after);
        const draftmark::RenderResult copy = got;
        if (problem.empty()) problem = compare(copy, full.render(text, options));
        if (!problem.empty() && std::getenv("DM_INCREMENTAL_DUMP")) {  // the text before the edit, to replay it
          std::ofstream(std::getenv("DM_INCREMENTAL_DUMP"), std::ios::binary) << before_edit;
        }
        if (!problem.empty()) {
          const size_t from = e.offset > 120 ? e.offset - 120 : 0;
          std::fprintf(stderr,
                       "MISMATCH %s, %s mode, edit %zu (%s): at byte %zu remove %zu insert \"%s\"\n%s\n"
                       "text around the edit:\n%s\n",
                       files[f].c_str(), draftmark::mode_name(modes[m]), n,
                       inc.changes().incremental ? "incremental" : "full", e.offset, e.removed,
                       printable(e.inserted).c_str(), problem.c_str(), text.substr(from, 300).c_str());
          return 1;
        }
        before = std::move(after);
        // Keep the documents near their size: an edit undone now and then.
        if (text.size() > original.size() * 2) {
          text = original;
          before = inc.render(text, options).blocks;
        }
      }
    }
  }
  size_t edits = 0, incremental = 0;
  for (int phase = 0; phase < kPhases; phase++) {
    std::printf("%s:\n", phase_names[phase]);
    for (size_t m = 0; m < 3; m++) {
      const Stats& st = stats[phase][m];
      std::printf("  %-10s %6zu edits, %6zu incremental (%.0f%%), %6zu full\n", draftmark::mode_name(modes[m]), st.edits,
                  st.incremental, 100.0 * static_cast<double>(st.incremental) / static_cast<double>(std::max<size_t>(1, st.edits)),
                  st.edits - st.incremental);
      for (const auto& [why, count] : st.why_full) std::printf("               full: %5zu %s\n", count, why.c_str());
      edits += st.edits;
      incremental += st.incremental;
    }
  }
  std::printf("all        %6zu edits over %zu files, %zu incremental, every result equal to a full render\n", edits,
              files.size(), incremental);
  return 0;
}
