// MathJax as the oracle for equation numbering: what a reader of the same
// post on a MathJax blog (mathjax-full 3.2, `tags: 'ams'`) would see as
// equation numbers and as the text of each `\eqref`/`\ref`. Not a test file.
//
// Which page MathJax sees. A MathJax blog sends the browser the post's
// markdown turned into HTML, and MathJax then scans the text of that page.
// Plain markdown would mangle the TeX (`\\` becomes `\`, `_` starts
// emphasis), so every blog that works protects math from markdown first. The
// page built here is the one such a blog produces, in the way pandoc's
// `--mathjax` output does it: markdown-it (raw HTML allowed, as for the site
// owner) renders the post, and each formula is passed through untouched,
// inside a `<span class="math">` of its own, with its original delimiters.
// Compared with feeding MathJax the raw text (minus code blocks), this gives
// MathJax the formulas a reader's browser would hold:
//   - code spans and fences become `<code>`/`<pre>`, which MathJax skips;
//   - `> ` and list indentation are stripped from formulas inside
//     blockquotes and list items, by markdown-it itself;
//   - HTML entities in the TeX reach MathJax decoded (`&lt;` as `<`,
//     `&amp;` as `&`), as they do in a browser's DOM;
//   - a formula is its own text node, so a stray text `$` (a price) cannot
//     pair with a formula's delimiter. MathJax still sees `$5 and $` in
//     "$5 and $10" as math, as on a real MathJax blog; that formula is inline,
//     holds no reference, and so does not touch numbering.
// The formulas are found with the rules MathJax and pandoc share: `$$..$$`,
// `\[..\]`, `\(..\)`, `$..$` (no space after the opening `$`, none before
// the closing one, no digit after it, `\$` is a dollar), `\begin{env}..
// \end{env}` anywhere (MathJax's processEnvironments), and `\eqref{x}` /
// `\ref{x}` in running text (MathJax's processRefs). With
// `dialect: 'kramdown'`, a `$$..$$` that does not stand on lines of its own
// is inline math, and goes to MathJax as `\(..\)`, as kramdown writes it.

import { liteAdaptor } from 'mathjax-full/js/adaptors/liteAdaptor.js';
import { SerializedMmlVisitor } from 'mathjax-full/js/core/MmlTree/SerializedMmlVisitor.js';
import { RegisterHTMLHandler } from 'mathjax-full/js/handlers/html.js';
import { TeX } from 'mathjax-full/js/input/tex.js';
import 'mathjax-full/js/input/tex/ams/AmsConfiguration.js';
import 'mathjax-full/js/input/tex/base/BaseConfiguration.js';
import 'mathjax-full/js/input/tex/cancel/CancelConfiguration.js';
import 'mathjax-full/js/input/tex/configmacros/ConfigMacrosConfiguration.js';
import 'mathjax-full/js/input/tex/newcommand/NewcommandConfiguration.js';
import 'mathjax-full/js/input/tex/noundefined/NoUndefinedConfiguration.js';
import { mathjax } from 'mathjax-full/js/mathjax.js';
import MarkdownIt from 'markdown-it';
import { decodeEntities, findAll, parseHtml } from './html.js';

const adaptor = liteAdaptor();
RegisterHTMLHandler(adaptor);

const texOptions = {
  // `require` is not loaded: in Node its loader needs a browser document. The
  // blog is taken to ship `cancel`, and `\require{..}` is a no-op macro.
  packages: ['base', 'ams', 'newcommand', 'noundefined', 'configmacros', 'cancel'],
  macros: { require: ['', 1] },
  tags: 'ams',
  processEnvironments: true,
  processRefs: true,
  processEscapes: true,
  inlineMath: [['$', '$'], ['\\(', '\\)']],
  displayMath: [['$$', '$$'], ['\\[', '\\]']],
  // LaTeX keeps numbering an equation whose label is a duplicate (and warns);
  // MathJax by default turns it into an error without a number.
  ignoreDuplicateLabels: true,
};

const escapeHtml = (text) => text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

function isEscaped(src, index) {
  let backslashes = 0;
  for (let i = index - 1; i >= 0 && src[i] === '\\'; i--) backslashes++;
  return backslashes % 2 === 1;
}

function unescapedIndex(src, needle, from) {
  let at = src.indexOf(needle, from);
  while (at >= 0 && isEscaped(src, at)) at = src.indexOf(needle, at + 1);
  return at;
}

function closingEnvironment(src, name, from) {
  const pattern = /\\(begin|end)\s*\{([^{}]*)\}/g;
  pattern.lastIndex = from;
  let depth = 1;
  for (let m; (m = pattern.exec(src)); ) {
    if (m[2] !== name) continue;
    depth += m[1] === 'begin' ? 1 : -1;
    if (depth === 0) return m.index + m[0].length;
  }
  return -1;
}

const onLinesOfItsOwn = (src, start, end) =>
  /(?:^|\n)[ \t]*$/.test(src.slice(0, start)) && /^[ \t]*(?:\n|$)/.test(src.slice(end));

/** Finds one formula (or text reference) starting at `pos`: `{ end, text }` with the text to give MathJax. */
function formulaAt(src, pos, dialect) {
  const rest = src.slice(pos, pos + 2);
  if (rest === '$$') {
    const close = unescapedIndex(src, '$$', pos + 2);
    if (close < 0) return undefined;
    const end = close + 2;
    const body = src.slice(pos + 2, close);
    if (dialect === 'kramdown' && !onLinesOfItsOwn(src, pos, end)) return { end, text: `\\(${body}\\)` };
    return { end, text: src.slice(pos, end) };
  }
  if (rest === '\\[' || rest === '\\(') {
    const close = src.indexOf(rest === '\\[' ? '\\]' : '\\)', pos + 2);
    return close < 0 ? undefined : { end: close + 2, text: src.slice(pos, close + 2) };
  }
  if (src[pos] === '$') {
    if (/\s/.test(src[pos + 1] ?? ' ')) return undefined;
    const close = unescapedIndex(src, '$', pos + 1);
    if (close < 0 || /\s/.test(src[close - 1]) || /[0-9]/.test(src[close + 1] ?? '')) return undefined;
    return { end: close + 1, text: src.slice(pos, close + 1) };
  }
  const begin = /^\\begin\s*\{([^{}]*)\}/.exec(src.slice(pos, pos + 100));
  if (begin) {
    const end = closingEnvironment(src, begin[1], pos + begin[0].length);
    return end < 0 ? undefined : { end, text: src.slice(pos, end) };
  }
  const reference = /^\\(?:eq)?ref\s*\{[^{}]*\}/.exec(src.slice(pos, pos + 200));
  if (reference) return { end: pos + reference[0].length, text: reference[0] };
  return undefined;
}

function protectMath(md, dialect) {
  md.inline.ruler.before('escape', 'mathjax_math', (state, silent) => {
    const { src, pos } = state;
    const c = src[pos];
    if (c !== '$' && c !== '\\') return false;
    if (c === '\\' && !/^\\(?:[[(]|begin|eqref|ref)/.test(src.slice(pos, pos + 6))) return false;
    const found = formulaAt(src, pos, dialect);
    if (!found || found.end > state.posMax) return false;
    if (!silent) state.push('mathjax_math', 'span', 0).content = found.text;
    state.pos = found.end;
    return true;
  });
  // As in a browser, the entities of the source are decoded before MathJax reads the TeX.
  md.renderer.rules.mathjax_math = (tokens, idx) => `<span class="math">${escapeHtml(decodeEntities(tokens[idx].content))}</span>`;
  return md;
}

const pageMakers = new Map();

/** The HTML page a MathJax blog would send for this markdown (front matter removed). */
export function mathjaxPage(markdown, { dialect = 'markdown' } = {}) {
  let md = pageMakers.get(dialect);
  if (!md) pageMakers.set(dialect, (md = protectMath(new MarkdownIt({ html: true }), dialect)));
  const body = markdown.replace(/^---\n[\s\S]*?\n---\n/, '');
  return `<!DOCTYPE html><html><head><title>post</title></head><body>${md.render(body)}</body></html>`;
}

const visitor = new SerializedMmlVisitor();
const mtextOf = (node) => findAll(node, (e) => e.tag === 'mtext').map((e) => e.children.map((c) => c.text ?? '').join('')).join('');
const attrOf = (node, name) => node.attrs.find((a) => a.name === name)?.value;

/**
 * Runs MathJax's TeX input over an HTML page and reports what it shows:
 * `numbers` (the tag of each numbered row, in order, without parentheses),
 * `labels` (label → tag), `references` ({ label, text, found } for each
 * `\eqref` and `\ref`, in order) and, per
 * formula, its TeX and MathJax's error, if any.
 */
export function runMathJax(html) {
  // A TeX input jax per page: its tags (counter, labels) belong to one document.
  const tex = new TeX(texOptions);
  const doc = mathjax.document(html, { InputJax: tex });
  doc.findMath().compile();
  const numbers = [];
  const references = [];
  const formulas = [];
  for (const math of doc.math) {
    const tree = parseHtml(visitor.visitTree(math.root));
    const formulaStart = references.length;
    const error = findAll(tree, (e) => e.tag === 'merror')[0];
    formulas.push({ tex: math.math, display: math.display, error: error ? attrOf(error, 'data-mjx-error') : undefined });
    // The references of this formula as written, in order: they name the label MathJax could not find.
    const written = [...math.math.matchAll(/\\(?:eq)?ref\s*\{([^{}]*)\}/g)].map((m) => m[1].trim());
    for (const node of findAll(tree, (e) => (e.tag === 'mtd' && /^mjx-eqn:/.test(attrOf(e, 'id') ?? '')) || attrOf(e, 'class') === 'MathJax_ref')) {
      const text = mtextOf(node);
      if (node.tag === 'mtd') {
        numbers.push(text.replace(/^\((.*)\)$/s, '$1'));
        continue;
      }
      const label = decodeURIComponent(attrOf(node, 'href') ?? '').replace(/^#(?:mjx-eqn:)?/, '');
      const index = references.length - formulaStart;
      references.push(label ? { label, text, found: true } : { label: written[index] ?? '', text, found: false });
    }
  }
  const labels = {};
  for (const [label, { tag, id }] of Object.entries(tex.parseOptions.tags.allLabels)) if (id) labels[label] = tag;
  return { numbers, labels, references, formulas };
}
