# Renders posts the way Jekyll 4 + Chirpy hand them to kramdown: front matter removed with
# Jekyll's own pattern, then kramdown 2.4 with the GFM parser and the options Jekyll sets
# by default plus Chirpy's footnote backlink. Reads a JSON array of sources on stdin and
# writes a JSON array of HTML strings. Code is not highlighted (Rouge is not installed here;
# the parity test compares code text and language, not highlighting spans).
require 'json'
require 'kramdown'
require 'kramdown-parser-gfm'

# Jekyll::Document::YAML_FRONT_MATTER_REGEXP
FRONT_MATTER = /\A(---\s*\n.*?\n?)^((---|\.\.\.)\s*$\n?)/m.freeze

OPTIONS = {
  input: 'GFM',
  auto_ids: true,
  toc_levels: (1..6).to_a,
  entity_output: :as_char,
  smart_quotes: %w[lsquo rsquo ldquo rdquo],
  hard_wrap: false,
  footnote_nr: 1,
  math_engine: 'mathjax',
  footnote_backlink: '&#8617;&#xfe0e;',  # Chirpy's _config.yml
  syntax_highlighter: nil,
  show_warnings: false,
}.freeze

def body_of(source)
  source = source.delete_prefix("\uFEFF")
  match = FRONT_MATTER.match(source)
  match ? match.post_match : source
end

sources = JSON.parse($stdin.read)
puts JSON.generate(sources.map { |source| Kramdown::Document.new(body_of(source), OPTIONS).to_html })
