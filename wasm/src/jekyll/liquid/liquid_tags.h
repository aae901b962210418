// What the preview writes for the Liquid tags it knows (the Markdown md4c then reads):
//   {% post_url 2020-01-02-my-post %}   -> BASEURL/posts/my-post/   (Chirpy's permalink)
//   {% link _posts/2020-01-02-x.md %}   -> BASEURL/posts/x/ ; other paths: BASEURL/path (.md -> .html)
//   {% include embed/youtube.html id='ID' %} (and bilibili, twitch, spotify, video, audio)
//     -> <div class="embed-placeholder embed-youtube" data-embed="youtube"><a href="https://www.youtube.com/watch?v=ID">YouTube video ID</a></div>
//        a sized card, no iframe and no third-party request; escaped, URL policy checked
//   any other tag -> <span class="liquid-tag" title="Liquid tag not run in the preview">{% … %}</span>
//     with every Markdown-special character written as an entity, so it stays literal.
#pragma once

#include <string>
#include <string_view>
#include <vector>

#include "draftmark/document.h"
#include "jekyll/liquid/liquid_expression.h"

namespace draftmark {

// Chirpy's post URL for a post file name (`2020-01-02-slug` with or without `.md`).
std::string post_url_for(std::string_view name, const SiteSettings& site);

// `{% post_url NAME %}`: appends the URL; an info issue (not checked) or, when
// site.known_posts is non-empty and NAME is not in it, a warning.
void append_post_url(std::string_view markup, const SiteSettings& site, std::string& out,
                     std::vector<LiquidIssue>& issues);
// `{% link PATH %}`.
void append_link_tag(std::string_view markup, const SiteSettings& site, std::string& out,
                     std::vector<LiquidIssue>& issues);

// `{% include embed/NAME.html key=value … %}`: appends a placeholder card and returns true,
// or returns false (and appends nothing) when `markup` is not one of Chirpy's embeds.
bool append_embed(std::string_view markup, const LiquidScope& scope, std::string_view media_subpath, bool unsafe,
                  std::string& out, std::vector<LiquidIssue>& issues);

// The visible marker for a tag the preview does not run. Always inline (a <span>): a block
// element would make md4c read the following lines as raw HTML.
void append_tag_marker(std::string_view tag_text, std::string& out);

}  // namespace draftmark
