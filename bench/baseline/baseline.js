// The baseline preview: markdown-it renders the whole document to a string, innerHTML
// replaces the whole preview, then KaTeX's auto-render typesets every $…$ and $$…$$.
// It exposes the same hooks as the Draftmark editor, so one harness drives both:
// window.draftmark.setMarkdown(text) and a `draftmark:rendered` event on the preview.
import MarkdownIt from 'markdown-it';
import renderMathInElement from 'katex/contrib/auto-render';

const md = new MarkdownIt({ html: true, linkify: true });
const source = document.getElementById('source');
const preview = document.getElementById('preview');
const delimiters = [
  { left: '$$', right: '$$', display: true },
  { left: '$', right: '$', display: false },
];

function update() {
  preview.innerHTML = md.render(source.value);
  renderMathInElement(preview, { delimiters, throwOnError: false });
  preview.dispatchEvent(new CustomEvent('draftmark:rendered', { bubbles: true }));
}

source.addEventListener('input', update);
window.draftmark = {
  setMarkdown(text) {
    source.value = text;
    update();
  },
};
