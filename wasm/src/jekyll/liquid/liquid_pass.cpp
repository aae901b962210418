#include "jekyll/liquid/liquid_pass.h"

#include <algorithm>

#include "jekyll/liquid/liquid_expression.h"
#include "jekyll/liquid/liquid_lexer.h"
#include "jekyll/liquid/liquid_tags.h"
#include "text/byte_scan.h"
#include "text/utf8.h"

namespace draftmark {
namespace {

using Kind = LiquidToken::Kind;

class DiagnosticSink {
 public:
  DiagnosticSink(const LineIndex& lines, std::vector<Diagnostic>& out) : lines_(lines), out_(out) {}
  void add(size_t offset, Severity severity, std::string code, std::string message) {
    if (count_++ >= kMaxLiquidDiagnostics) return;
    out_.push_back(Diagnostic{lines_.line_of(offset), lines_.utf16_column(offset), severity, std::move(code),
                              std::move(message)});
  }
  void add_issues(size_t offset, std::vector<LiquidIssue>& issues) {
    for (LiquidIssue& i : issues) add(offset, i.severity, std::move(i.code), std::move(i.message));
    issues.clear();
  }
  void finish(size_t offset) {
    if (count_ > kMaxLiquidDiagnostics) {
      size_t more = count_ - kMaxLiquidDiagnostics;
      count_ = 0;
      add(offset, Severity::kInfo, "liquid-too-many", std::to_string(more) + " more Liquid problems are not listed.");
    }
  }
  size_t count() const { return count_; }

 private:
  const LineIndex& lines_;
  std::vector<Diagnostic>& out_;
  size_t count_ = 0;
};

std::string shown(std::string_view s) {
  std::string out(utf8_prefix(s, 80));
  for (char& c : out) {
    if (c == '\n' || c == '\r' || c == '\t') c = ' ';
  }
  if (s.size() > 80) out += "…";
  return out;
}

size_t longest_backtick_run(std::string_view s) {
  size_t best = 0, run = 0;
  for (char c : s) {
    run = c == '`' ? run + 1 : 0;
    best = std::max(best, run);
  }
  return best;
}

}  // namespace

void LiquidPass::copy(size_t in_begin, size_t in_end) {
  if (in_end <= in_begin) return;
  if (!segments_.empty() && segments_.back().copied && segments_.back().in_end == in_begin) {
    segments_.back().in_end = in_end;
  } else {
    segments_.push_back(Segment{out_.size(), in_begin, in_end, true});
  }
  out_.append(in_.data() + in_begin, in_end - in_begin);
}

void LiquidPass::replace(size_t in_begin, size_t in_end, std::string_view with) {
  segments_.push_back(Segment{out_.size(), in_begin, std::max(in_end, in_begin + 1), false});
  out_ += with;
}

// `{%-` / `{{-`: Ruby's rstrip of the text node just before (only a text node).
void LiquidPass::trim_output_end() {
  if (last_text_out_ == SIZE_MAX) return;
  size_t end = out_.size();
  while (end > last_text_out_ && is_liquid_space(out_[end - 1])) end--;
  if (end == out_.size()) return;
  out_.resize(end);
  // The trimmed text was the last copied segment; shorten (or drop) it.
  while (!segments_.empty() && segments_.back().out_begin >= end) segments_.pop_back();
  if (!segments_.empty() && segments_.back().copied) {
    Segment& s = segments_.back();
    s.in_end = std::min(s.in_end, s.in_begin + (end - s.out_begin));
  }
}

bool has_liquid_markup(std::string_view text) {
  for (size_t i = 0; (i += find_byte(text.data() + i, text.size() - i, '{')) + 1 < text.size(); i++) {
    if (text[i + 1] == '{' || text[i + 1] == '%') return true;
  }
  return false;
}

bool LiquidPass::run(std::string_view text, size_t body_offset, const LineIndex& lines, const LiquidScope& scope,
                     std::string_view media_subpath, bool unsafe, std::vector<Diagnostic>& diagnostics) {
  std::string_view body = text.substr(body_offset);
  if (!has_liquid_markup(body)) return false;
  in_ = text;
  out_.clear();
  segments_.clear();
  out_.reserve(text.size() + text.size() / 8);
  copy(0, body_offset);
  last_text_out_ = SIZE_MAX;
  DiagnosticSink sink(lines, diagnostics);
  std::vector<LiquidIssue> issues;

  LiquidLexer lex(text, body_offset);
  LiquidToken t, u;
  bool trim_next = false;
  // A failed search for a closing tag is not repeated: later openers become markers.
  bool raw_unclosed = false, comment_unclosed = false, highlight_unclosed = false;
  size_t highlight_close = SIZE_MAX;  // begin of the open highlight's {% endhighlight %}
  std::string close_fence;

  auto marker = [&](const LiquidToken& tok, const char* why) {
    std::string_view whole = text.substr(tok.begin, tok.end - tok.begin);
    scratch_.clear();
    append_tag_marker(whole, scratch_);
    replace(tok.begin, tok.end, scratch_);
    sink.add(tok.begin, Severity::kWarning, "liquid-tag-not-run",
             "The Liquid tag `" + shown(whole) + "` " + why);
  };

  while (lex.next(t)) {
    if (t.kind == Kind::kText) {
      size_t b = t.begin;
      if (trim_next) {
        while (b < t.end && is_liquid_space(text[b])) b++;
      }
      trim_next = false;
      size_t at = out_.size();
      copy(b, t.end);
      last_text_out_ = at;
      continue;
    }
    if (t.kind == Kind::kUnterminated) {
      bool tag = text[t.begin + 1] == '%';
      sink.add(t.begin, Severity::kError, tag ? "liquid-unterminated-tag" : "liquid-unterminated-output",
               tag ? "`{%` is not closed by `%}`; Jekyll stops with a Liquid syntax error."
                   : "`{{` is not closed by `}}`; Jekyll stops with a Liquid syntax error.");
      size_t at = out_.size();
      copy(t.begin, t.end);
      if (last_text_out_ == SIZE_MAX) last_text_out_ = at;
      trim_next = false;
      continue;
    }
    if (t.trim_left) trim_output_end();
    last_text_out_ = SIZE_MAX;
    trim_next = t.trim_right;
    if (t.kind == Kind::kOutput) {
      scratch_.clear();
      evaluate_output(t.inner, scope, scratch_, issues);
      replace(t.begin, t.end, scratch_);
      sink.add_issues(t.begin, issues);
      continue;
    }
    std::string_view name = t.name;
    if (name == "raw" && !raw_unclosed) {
      // Liquid closes raw at the first `{% endraw %}` token (a `{%-` one does not count).
      bool closed = false;
      while (lex.next(u)) {
        if (u.kind == Kind::kTag && u.name == "endraw" && !u.trim_left) {
          closed = true;
          break;
        }
      }
      size_t body_end = closed ? u.begin : text.size();
      replace(t.begin, t.end, {});
      copy(t.end, body_end);
      if (closed) {
        replace(u.begin, u.end, {});
      } else {
        raw_unclosed = true;
        sink.add(t.begin, Severity::kError, "liquid-unterminated-raw",
                 "`{% raw %}` is not closed by `{% endraw %}`; the rest is shown as written.");
      }
      // The opening tag's `-%}` is still in force after the raw body (Liquid 5).
      continue;
    }
    if (name == "comment" && !comment_unclosed) {
      size_t depth = 1;
      bool in_raw = false;
      size_t resume = lex.position();
      while (depth > 0 && lex.next(u)) {
        if (u.kind != Kind::kTag) continue;
        if (in_raw) {
          in_raw = !(u.name == "endraw" && !u.trim_left);
        } else if (u.name == "raw") {
          in_raw = true;
        } else if (u.name == "comment") {
          depth++;
        } else if (u.name == "endcomment") {
          depth--;
        }
      }
      if (depth == 0) {
        replace(t.begin, u.end, {});
        trim_next = u.trim_right;
      } else {
        comment_unclosed = true;
        lex.seek(resume);
        scratch_.clear();
        append_tag_marker(text.substr(t.begin, t.end - t.begin), scratch_);
        replace(t.begin, t.end, scratch_);
        sink.add(t.begin, Severity::kError, "liquid-unterminated-comment",
                 "`{% comment %}` is not closed by `{% endcomment %}`; the text after it is shown.");
      }
      continue;
    }
    if (name == "#") {  // inline comment
      replace(t.begin, t.end, {});
      continue;
    }
    if (name == "echo") {
      scratch_.clear();
      evaluate_output(t.markup, scope, scratch_, issues);
      replace(t.begin, t.end, scratch_);
      sink.add_issues(t.begin, issues);
      continue;
    }
    if (name == "post_url" || name == "link") {
      scratch_.clear();
      if (name == "post_url") append_post_url(t.markup, scope.site ? *scope.site : SiteSettings{}, scratch_, issues);
      else append_link_tag(t.markup, scope.site ? *scope.site : SiteSettings{}, scratch_, issues);
      replace(t.begin, t.end, scratch_);
      sink.add_issues(t.begin, issues);
      continue;
    }
    if (name == "include") {
      scratch_.clear();
      if (append_embed(t.markup, scope, media_subpath, unsafe, scratch_, issues)) {
        replace(t.begin, t.end, scratch_);
        sink.add_issues(t.begin, issues);
        continue;
      }
      issues.clear();
      marker(t, "includes a site file the preview does not have.");
      continue;
    }
    if (name == "highlight" && highlight_close == SIZE_MAX && !highlight_unclosed) {
      // Find the end first: the fence must be longer than any backtick run inside.
      size_t resume = lex.position();
      bool closed = false;
      while (lex.next(u)) {
        if (u.kind == Kind::kTag && u.name == "endhighlight") {
          closed = true;
          break;
        }
      }
      lex.seek(resume);
      if (!closed) {
        highlight_unclosed = true;
        marker(t, "has no `{% endhighlight %}`; Jekyll stops with a Liquid syntax error.");
        continue;
      }
      highlight_close = u.begin;
      std::string fence(std::max<size_t>(3, longest_backtick_run(text.substr(t.end, u.begin - t.end)) + 1), '`');
      std::string_view lang = t.markup.substr(0, std::min(t.markup.size(), t.markup.find_first_of(" \t\r\n")));
      scratch_.clear();
      if (!out_.empty() && out_.back() != '\n' && out_.back() != '\r') scratch_ += '\n';
      scratch_ += fence;
      scratch_ += lang;
      scratch_ += '\n';
      close_fence = "\n" + fence + "\n";
      replace(t.begin, t.end, scratch_);
      // Jekyll drops the body's leading and trailing line ends.
      trim_next = false;
      size_t b = t.end;
      while (b < text.size() && (text[b] == '\n' || text[b] == '\r')) b++;
      if (b > t.end) {
        replace(t.end, b, {});
        lex.seek(b);
      }
      continue;
    }
    if (name == "endhighlight" && t.begin == highlight_close) {
      highlight_close = SIZE_MAX;
      size_t end = out_.size();
      while (end > 0 && (out_[end - 1] == '\n' || out_[end - 1] == '\r')) end--;
      if (end < out_.size()) {
        // Cut trailing line ends of the body (they were copied text).
        last_text_out_ = 0;
        size_t keep = out_.size();
        out_.resize(end);
        while (!segments_.empty() && segments_.back().out_begin >= end) segments_.pop_back();
        if (!segments_.empty() && segments_.back().copied) {
          Segment& s = segments_.back();
          s.in_end = std::min(s.in_end, s.in_begin + (end - s.out_begin));
        }
        (void)keep;
        last_text_out_ = SIZE_MAX;
      }
      std::string_view fence = close_fence;
      if (t.end < text.size() && (text[t.end] == '\n' || text[t.end] == '\r')) fence.remove_suffix(1);
      replace(t.begin, t.end, fence);
      continue;
    }
    if (name.empty()) {
      sink.add(t.begin, Severity::kError, "liquid-syntax",
               "`" + shown(text.substr(t.begin, t.end - t.begin)) + "` is not a Liquid tag; Jekyll stops with a syntax error.");
      copy(t.begin, t.end);
      continue;
    }
    marker(t, "is not run in the preview (Jekyll runs it when building).");
  }
  sink.finish(text.size());
  out_lines_.build(out_);
  build_line_map(lines);
  return true;
}

void LiquidPass::build_line_map(const LineIndex& in_lines) {
  uint32_t n = out_lines_.line_count();
  first_.assign(n, 1);
  last_.assign(n, 1);
  size_t seg = 0;
  auto map_offset = [&](size_t o, bool end) -> size_t {
    while (seg + 1 < segments_.size() && segments_[seg + 1].out_begin <= o) seg++;
    if (segments_.empty()) return 0;
    const Segment& s = segments_[seg];
    if (s.copied) return std::min(s.in_begin + (o - s.out_begin), s.in_end > 0 ? s.in_end - 1 : 0);
    return end ? s.in_end - 1 : s.in_begin;
  };
  for (uint32_t line = 1; line <= n; line++) {
    size_t b = out_lines_.line_begin(line);
    size_t e = out_lines_.line_end(line);
    uint32_t f = in_lines.line_of(map_offset(b, false));
    uint32_t l = e > b ? in_lines.line_of(map_offset(e - 1, true)) : f;
    first_[line - 1] = f;
    last_[line - 1] = std::max(f, l);
  }
  // Monotonic, so ranges built from them stay ordered.
  for (uint32_t i = 1; i < n; i++) {
    first_[i] = std::max(first_[i], first_[i - 1]);
    last_[i] = std::max(last_[i], last_[i - 1]);
  }
}

uint32_t LiquidPass::input_first_line(uint32_t out_line) const {
  if (first_.empty()) return out_line;
  out_line = std::clamp<uint32_t>(out_line, 1, static_cast<uint32_t>(first_.size()));
  return first_[out_line - 1];
}

uint32_t LiquidPass::input_last_line(uint32_t out_line) const {
  if (last_.empty()) return out_line;
  out_line = std::clamp<uint32_t>(out_line, 1, static_cast<uint32_t>(last_.size()));
  return last_[out_line - 1];
}

}  // namespace draftmark
