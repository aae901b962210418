// Chirpy's `post` layout around a post's content, in the post's language: the header (title,
// description, Posted/Updated dates, preview image, author, read time) and the tail
// (categories, tags, the licence line). Class names follow Chirpy's, so the Chirpy-derived
// stylesheet styles the preview as the published page; every value is HTML-escaped. Links to
// the site's category and tag pages are left out (the preview has no site to link to).
#pragma once

#include <cstddef>
#include <string>

#include "draftmark/document.h"
#include "jekyll/front_matter/front_matter.h"

namespace draftmark {

struct PostLayoutInput {
  const FrontMatter& front_matter;
  const SiteSettings& site;
  size_t words;  // of the content (word_count.h), for the read time
  bool unsafe;   // trusted input: the preview image's URL is kept as written
};

// The post layout applies when the front matter was read, its `layout` is absent or "post"
// (Chirpy's defaults give posts that layout) and it has something to show (a title, date,
// description, categories, tags, author, image). Another layout (`page`, …) shows the title only.
bool uses_post_layout(const FrontMatter& fm);

// Appends nothing without front matter. Shape (optional parts in []):
//   <header class="post-header">
//   [<h1 data-toc-skip>TITLE</h1>] [<p class="post-desc">DESCRIPTION</p>]
//   <div class="post-meta">[<span class="post-posted">Posted <time datetime="ISO">DATE</time></span>]
//   [<span class="post-updated">Updated <time …>DATE</time></span>]
//   [<div class="post-preview"><img src class="preview-img" alt [width height]>[<figcaption>ALT</figcaption>]</div>]
//   <div class="post-byline">[<span class="post-author">By <em>NAME</em>, <em><a href="URL">NAME</a></em></span>]
//   <span class="readtime" title="N words"><em>M min</em> read</span></div></div>
//   </header>
void append_post_header(const PostLayoutInput& in, std::string& html);

//   <footer class="post-tail-wrapper">
//   [<div class="post-categories"><i class="dm-icon dm-icon-folder"></i><span class="post-category">A</span>, …</div>]
//   [<div class="post-tags"><i class="dm-icon dm-icon-tags"></i><span class="post-tag">x</span> …</div>]
//   <div class="post-tail-bottom"><div class="license-wrapper">This post is licensed under <a href="…">CC BY 4.0</a> by the author.</div></div>
//   </footer>
void append_post_tail(const PostLayoutInput& in, std::string& html);

}  // namespace draftmark
