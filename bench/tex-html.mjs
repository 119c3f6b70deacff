// A post as a MathJax blog serves it: the markdown rendered to HTML by plain
// markdown-it, the math left in the page as TeX between its delimiters, for
// MathJax to find (in the browser, or in Node through a document conversion).
//
// Plain markdown-it would eat TeX escapes (`\\` becomes `\`, `_x_` becomes
// <em>), so the math is taken out first and put back, HTML-escaped, after
// markdown has run: the way blog engines' "math-safe" markdown plugins do it.
// The patterns cover what bench/generate-post.mjs writes: `$$…$$` blocks,
// `equation`/`align` environments and inline `$…$`. `\eqref{…}` in running
// text stays as text; MathJax typesets it too (its processRefs option).

import MarkdownIt from 'markdown-it';

const markdown = new MarkdownIt({ html: true });
const math = /^\$\$\n[\s\S]*?\n\$\$$|\\begin\{(equation|align)\}[\s\S]*?\\end\{\1\}|\$[^$\n]+?\$/gm;
const escapeHtml = (text) => text.replace(/[&<>]/g, (c) => ({ '&': '&amp;', '<': '&lt;', '>': '&gt;' })[c]);

/** Strips YAML front matter; returns the body and the title, if any. */
export function splitFrontMatter(source) {
  const match = /^---\n([\s\S]*?)\n---\n/.exec(source);
  if (!match) return { body: source, title: '' };
  const title = /^title:\s*(.*)$/m.exec(match[1])?.[1] ?? '';
  return { body: source.slice(match[0].length), title };
}

/** HTML of the post's body with every formula left as TeX; `formulas` counts them. */
export function markdownWithTex(source) {
  const { body } = splitFrontMatter(source);
  const pieces = [];
  // Placeholders are plain letters and digits, which markdown leaves alone.
  const protectedBody = body.replace(math, (found) => `MJXPH${pieces.push(found) - 1}E`);
  const html = markdown.render(protectedBody).replace(/MJXPH(\d+)E/g, (_, n) => escapeHtml(pieces[Number(n)]));
  return { html, formulas: pieces.length };
}
