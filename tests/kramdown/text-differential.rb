# Differential test of Typography and HeadingIds against kramdown itself: thousands of
# generated strings (fixed seed), each rendered by kramdown 2.4 (GFM input, Jekyll's options)
# and by the probe. Strings kramdown turns into markup (emphasis, HTML, math…) are skipped:
# those are the renderer's business, not these classes'.
#   ruby tests/kramdown/text-differential.rb path/to/kramdown_text_probe
require 'kramdown'
require 'kramdown-parser-gfm'

PROBE = ARGV.fetch(0) { abort 'usage: text-differential.rb PROBE' }
RS = "\x1E"
CHUNK = "\x1F"
OPTIONS = { input: 'GFM', hard_wrap: false, auto_ids: true }.freeze
rng = Random.new(20_240_531)

def kramdown_html(source)
  Kramdown::Document.new(source, OPTIONS).to_html
end

def probe(mode, records)
  out = IO.popen([PROBE, mode], 'r+b') do |io|
    io.write(records.join(RS) + RS)
    io.close_write
    io.read
  end
  out.force_encoding('UTF-8').split(RS, -1)[0...records.size]
end

# Any tag other than the paragraph or header itself, or kramdown's inline math.
MARKUP = %r{<(?!/?(p|h1)\b)|\\\(}.freeze
TEXT_ALPHABET = %w[* _ ` [ ] & $ a a s s 1 8 " " " " " ' ' ' - - . . , ! ( ) < > 한 글 é ? : ; / % + = @ ^ { } ~ #] +
                [' ', ' ', ' ', "\nb", "\t"]
# Chunks are never split inside a symbol or between two quotes (md4c never does either).
def split_points(rng, chars)
  out = +''
  chars.each_with_index do |ch, i|
    out << ch
    after = chars[i + 1]
    next if after.nil? || rng.rand >= 0.3
    next if %w[- . < >].include?(ch) && ['-', '.', '<', '>', ' '].include?(after)
    next if (ch == ' ' && after == '>') || (%w[" '].include?(ch) && %w[" '].include?(after))
    out << CHUNK
  end
  out
end

cases = []
attempts = 0
while cases.size < 4000
  abort 'too many generated strings are markup: check the filters' if (attempts += 1) > 40_000
  text = ('x' + Array.new(rng.rand(1..20)) { TEXT_ALPHABET.sample(random: rng) }.join).rstrip
  next if text =~ /<[^ <>"'\-.=]|&\w+;|\{:|[ \t]\n|~~/
  html = kramdown_html(text)
  next if html =~ MARKUP
  expected = html.delete_prefix('<p>').delete_suffix("</p>\n")
  cases << [text, split_points(rng, text.chars), expected]
end

failures = 0
probe('typography', cases.map { |c| c[1] }).each_with_index do |actual, i|
  text, chunked, expected = cases[i]
  next if actual.gsub('&quot;', '"') == expected.gsub('&quot;', '"')
  failures += 1
  puts "typography differs for #{text.inspect} (chunks #{chunked.split(CHUNK).inspect})\n" \
       "  kramdown:  #{expected.inspect}\n  draftmark: #{actual.inspect}" if failures <= 10
end
typography_total = cases.size

ID_ALPHABET = %w[a B z Z 0 9 - -- --- ... 한 글 회 차 : 直 カ ｶ Ａ é É ß İ ı Σ σ ς Ж ж Ա ա Ა Ꭰ 𐐀 Ǆ ǅ Ⅻ ① ² ₂ ‿ · ' " ( ) ! ? , . / + = @ % ^ ~ ; ׳ ١ ۱ ๑ ก ั 🎉 ✓ ﬁ Å Ω K] +
              ["\u0301", "\u200d", "\u00a0", ' ', ' ', ' ', "\t", '<< ', ' >>']
documents = []
attempts = 0
while documents.size < 600
  abort 'too many generated headers are markup: check the filters' if (attempts += 1) > 6_000
  headers = Array.new(rng.rand(1..6)) { Array.new(rng.rand(1..8)) { ID_ALPHABET.sample(random: rng) }.join.strip }
  headers = headers.reject(&:empty?).map { |h| h.start_with?('#') ? "x#{h}" : h }
  headers << headers.sample(random: rng) if !headers.empty? && rng.rand < 0.5
  next if headers.empty?
  html = kramdown_html(headers.map { |h| "# #{h}\n\n" }.join)
  next if html =~ MARKUP
  ids = html.scan(/<h1([^>]*)>/).map { |(attrs)| attrs[/ id="([^"]*)"/, 1] || '' }
  documents << [headers, ids.map { |id| id.gsub('&amp;', '&').gsub('&lt;', '<').gsub('&gt;', '>').gsub('&quot;', '"') }]
end
records = documents.flat_map { |headers, _| [''] + headers }
actual_ids = probe('ids', records)
id_total = 0
position = 0
documents.each do |headers, expected_ids|
  position += 1  # the empty record that resets the counters
  headers.each_with_index do |header, i|
    id_total += 1
    actual = actual_ids[position + i]
    next if actual == expected_ids[i]
    failures += 1
    puts "header id differs for #{header.inspect}: kramdown #{expected_ids[i].inspect}, draftmark #{actual.inspect}"
  end
  position += headers.size
end

puts "kramdown text differential: #{typography_total} paragraphs (typography) and #{id_total} header ids compared, " \
     "#{failures} differ"
exit(failures.zero? ? 0 : 1)
