#include <doctest/doctest.h>

#include <string>

#include "api/incremental_renderer.h"

using draftmark::IncrementalRenderer;
using draftmark::Mode;
using draftmark::RenderOptions;

namespace {
RenderOptions in_mode(Mode mode) {
  RenderOptions options;
  options.mode = mode;
  return options;
}

// The last edit rendered around itself, and its page is what a whole render of the text gives.
void check_incremental_and_exact(const IncrementalRenderer& r, const RenderOptions& options) {
  CHECK(r.changes().incremental);
  CHECK(r.result().html == draftmark::Renderer().render(r.text(), options).html);
}
}  // namespace

TEST_CASE("an edit in a paragraph re-renders that paragraph only, as the header's example says") {
  IncrementalRenderer r;
  const RenderOptions options = in_mode(Mode::kGfm);
  r.render("One\n\nTwo\n\nThree\n", options);
  const draftmark::RenderResult& out = r.render_edit(8, 0, "!", options);
  CHECK(r.text() == "One\n\nTwo!\n\nThree\n");
  CHECK(r.changes().incremental);
  CHECK(r.changes().first == 1);
  CHECK(r.changes().count == 1);
  CHECK(r.changes().replaced == 1);
  CHECK(out.html == "<p data-line=\"1-1\">One</p>\n<p data-line=\"3-3\">Two!</p>\n<p data-line=\"5-5\">Three</p>\n");
}

TEST_CASE("a new line moves the data-line of every block below the edit") {
  IncrementalRenderer r;
  const RenderOptions options = in_mode(Mode::kCommonMark);
  r.render("a\n\nb\n\nc\n\nd\n", options);
  const draftmark::RenderResult& out = r.render_edit(4, 0, "\nb2", options);  // "b\nb2" is one paragraph
  CHECK(r.changes().incremental);
  CHECK(out.html == "<p data-line=\"1-1\">a</p>\n<p data-line=\"3-4\">b\nb2</p>\n<p data-line=\"6-6\">c</p>\n"
                    "<p data-line=\"8-8\">d</p>\n");
}

TEST_CASE("edits of the front matter and of link definitions render the whole text") {
  IncrementalRenderer r;
  RenderOptions options;
  r.render("---\ntitle: A\n---\n\nx\n\ny\n\nz\n", options);
  r.render_edit(12, 0, "B", options);
  CHECK_FALSE(r.changes().incremental);
  CHECK(std::string(r.changes().why_full) == "front matter");
  r.render_edit(r.text().size(), 0, "\n[x]: /url\n", options);
  CHECK_FALSE(r.changes().incremental);
  CHECK(std::string(r.changes().why_full) == "definitions");
}

TEST_CASE("an unterminated fence typed above later blocks renders the whole text") {
  IncrementalRenderer r;
  const RenderOptions options = in_mode(Mode::kGfm);
  r.render("a\n\nb\n\nc\n\nd\n\ne\n\nf\n", options);
  const draftmark::RenderResult& out = r.render_edit(3, 0, "```\n", options);
  CHECK(out.blocks.size() == 2);  // "a" and the code block that runs to the end
  CHECK(out.html.find("<pre") != std::string::npos);
}

TEST_CASE("a footnote line that cannot be a link definition does not render gfm edits whole") {
  IncrementalRenderer r;
  const RenderOptions options = in_mode(Mode::kGfm);
  r.render("a[^1]\n\nb\n\nc\n\n[^1]: A note in words.\n\nd\n", options);
  r.render_edit(7, 0, "!", options);  // "b!"
  CHECK(r.changes().incremental);
}

TEST_CASE("typing next to footnote references numbers on from the references above the slice") {
  IncrementalRenderer r;
  const RenderOptions options = in_mode(Mode::kJekyll);
  const std::string text = "a[^x]\n\nb\n\nc[^y] and c[^x]\n\nd\n\ne\n\n[^x]: The x note.\n\n[^y]: The y note.\n\nend\n";
  r.render(text, options);
  const draftmark::RenderResult& out = r.render_edit(text.find("d\n"), 0, "!", options);
  check_incremental_and_exact(r, options);
  CHECK(out.html.find("fnref:x:1") != std::string::npos);
  // At the end of the post: the footnote list stays, its lines move.
  r.render_edit(r.text().size(), 0, "more\n", options);
  check_incremental_and_exact(r, options);
  // A new first reference renumbers the notes: the whole text renders.
  r.render_edit(r.text().find("b\n"), 0, "[^y]", options);
  CHECK_FALSE(r.changes().incremental);
  CHECK(std::string(r.changes().why_full) == "footnotes");
}

TEST_CASE("typing in a footnote's text renders the footnote list again, not the whole text") {
  IncrementalRenderer r;
  const RenderOptions options = in_mode(Mode::kJekyll);
  const std::string text = "a[^x]\n\nb\n\nc\n\n[^x]: The x note.\n\nd\n\ne\n";
  r.render(text, options);
  const draftmark::RenderResult& out = r.render_edit(text.find("note."), 0, "long ", options);
  check_incremental_and_exact(r, options);
  CHECK(out.html.find("The x long note.") != std::string::npos);
}
