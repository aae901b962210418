// Jekyll front matter: finding the block exactly as Jekyll 4 does, reading its YAML
// into JSON (yaml_json.h), and extracting what the post header and Chirpy's lints use.
//
// Recognition (Jekyll's Document::YAML_FRONT_MATTER_REGEXP,
// \A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?) with Ruby's ASCII \s and '\n' lines):
//   - line 1 is `---` plus optional whitespace ('\r' included, so CRLF works);
//   - the first later line that is `---` or `...` plus optional whitespace closes it;
//   - the body starts after the closing line and every blank line after it (a blank
//     line's spaces too; the first non-blank line keeps its indentation);
//   - a `---` anywhere else is Markdown; a file with only '\r' line ends has no front
//     matter (Ruby's ^ and $ see '\n' only).
// An opened but unclosed block is not front matter: the whole text is body and a
// warning says so.
//
// JSON shape (FrontMatter::json), decided here:
//   - "null" when there is no front matter or its YAML could not be read (syntax
//     error, too deep, too large, not key: value pairs) — Jekyll then publishes the
//     post without front matter data; "{}" for an empty block;
//   - otherwise the YAML mapping as a JSON object, typed as Psych types YAML 1.1
//     (yaml_scalar.h). Dates and timestamps stay strings exactly as written; their
//     ISO 8601 forms are listed in one extra top-level member "_iso", an object
//     whose keys are JSON Pointers (RFC 6901) to the strings. The top-level `date`
//     gets an entry whenever Jekyll could parse it (Jekyll runs Time.parse on a
//     string date), even when YAML alone would not call it a timestamp. "_iso" is
//     omitted when empty or when the front matter has its own "_iso" key.
//   Example: `date: 2022-03-21 11:00:00 PM` + `tags: [a]` ->
//     {"date":"2022-03-21 11:00:00 PM","tags":["a"],"_iso":{"/date":"2022-03-21T23:00:00"}}
//
// Diagnostics are in document coordinates: 1-based lines, 1-based UTF-16 columns.
#pragma once

#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

#include "draftmark/document.h"
#include "core/line_index.h"
#include "jekyll/front_matter/yaml_json.h"

namespace draftmark {

// Where a front matter key starts in the document (0 = the key is absent).
struct SourcePoint {
  uint32_t line = 0;
  uint32_t column = 0;  // 1-based, UTF-16 code units
};

// How a front matter value is written, for lints that care about lists.
enum class ValueShape : unsigned char { kAbsent, kNull, kScalar, kList, kMapping };

struct FrontMatter {
  bool opened = false;       // line 1 is `---` (after an optional BOM)
  bool closed = false;       // a `---` or `...` line closes it
  bool present = false;      // opened && closed: Jekyll sees front matter (else: all body)
  bool parsed = false;       // the YAML was read into a mapping (json is an object)
  size_t body_offset = 0;    // bytes into `text`: where the body starts (0 when !present)
  uint32_t first_line = 0;   // document lines of the opening and closing delimiters
  uint32_t last_line = 0;
  std::string json = "null";

  // Extracted once, as Jekyll/Chirpy would read them. Scalars are written as Ruby's
  // to_s would (`3.10` -> "3.1", `yes` -> "true"); lists and maps as JSON text.
  std::string title, date, date_iso, description;
  std::string media_subpath;  // `media_subpath`, else the older `img_path`
  // Jekyll's arrays: `category`/`tag` (one value) wins over `categories`/`tags`; a
  // string `categories: a b` splits at whitespace; lists are flattened, nulls dropped.
  std::vector<std::string> categories, tags;
  // For Chirpy's post layout (jekyll/post_layout): `last_modified_at` (+ ISO form), the page's
  // `lang`, `author`/`authors` (ids of _data/authors.yml, or names), the preview `image`.
  std::string last_modified, last_modified_iso, lang, layout;
  std::vector<std::string> authors;
  struct PreviewImage {
    std::string path, alt, lqip, width, height;  // `image: path` alone is the path
    bool no_bg = false;
  } image;
  bool has_title = false, has_date = false;  // the key is there and not null
  bool math = false, mermaid = false;        // Liquid truthiness: anything but null/false

  // For the lints.
  SourcePoint title_at, date_at, categories_at, tags_at;
  ValueShape categories_shape = ValueShape::kAbsent, tags_shape = ValueShape::kAbsent;
};

// Jekyll's delimiters only (no YAML): offsets are bytes into the text given.
struct FrontMatterBounds {
  bool opened = false;
  bool closed = false;
  size_t yaml_end = 0;     // the YAML is text[0, yaml_end) (it includes the opening `---`)
  size_t body_offset = 0;  // where the body starts
};
FrontMatterBounds find_front_matter(std::string_view text);

// `text` is the document after an optional BOM; `lines` indexes the FULL text and
// `text_offset` is where `text` starts in it (3 with a BOM). Resets `out`; appends
// yaml-syntax / yaml-too-deep / yaml-too-large (errors), front-matter-not-mapping
// (error), yaml-alias / yaml-duplicate-key / front-matter-unclosed (warnings).
// `defaults` (a mapping, or nullptr): the site's front-matter defaults, merged under the
// post's keys (merge_front_matter_defaults) before anything is extracted; `json` then holds
// the merged data, as Jekyll's page data would.
void parse_front_matter(std::string_view text, const LineIndex& lines, size_t text_offset,
                        FrontMatter& out, std::vector<Diagnostic>& diagnostics,
                        const YamlValue* defaults = nullptr);

// Jekyll's merge of front-matter defaults (Utils.deep_merge_hashes(defaults, data)): each key
// of `defaults` missing from `data` is added after the post's own keys (with offset 0, so a
// lint pointing at it points at the opening `---`); where both are mappings they merge the
// same way, one level down; otherwise the post's value stays. `data` null becomes a mapping.
void merge_front_matter_defaults(YamlValue& data, const YamlValue& defaults);

// Chirpy's expectations, as warnings (chirpy_lints.cpp): missing-title, missing-date,
// date-format, categories-depth, categories-not-list, tags-not-list. Quiet when the
// YAML could not be read (that error is enough).
void lint_front_matter(const FrontMatter& fm, std::vector<Diagnostic>& diagnostics);


}  // namespace draftmark
